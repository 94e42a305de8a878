// Opens the built app in Electron. `require('electron')` would try to download the runtime when it is
// missing, so the binary is located by hand: this script never touches the network.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron executable installed with the electron package, or null when it was never downloaded. */
export function findElectronBinary(root = projectRoot) {
  const packageDir = join(root, 'node_modules', 'electron');
  try {
    const relativePath = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
    const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
      ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relativePath || 'electron')
      : join(packageDir, 'dist', relativePath);
    return relativePath && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const binary = findElectronBinary();
  if (!binary) {
    console.error(
      'The Electron runtime is not installed on this computer, so the desktop window cannot open; run `npm run start:web` to use the same app in your browser.',
    );
    process.exit(1);
  }
  // Inherited from some editors' terminals, this variable would start Electron as plain Node instead of the app.
  const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
  const child = spawn(binary, [projectRoot], { stdio: 'inherit', env });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
