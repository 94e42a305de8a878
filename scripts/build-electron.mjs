// Bundles the main process and the preload into one CommonJS file each. The sandboxed preload can
// require nothing but 'electron', and the packaged app ships no node_modules, so everything else is inlined.
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds both bundles into outDir (dist/electron unless told otherwise) and returns their paths. */
export async function buildElectron({ outDir = join(projectRoot, 'dist', 'electron') } = {}) {
  await mkdir(outDir, { recursive: true });
  const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    external: ['electron'],
    sourcemap: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: projectRoot,
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  const mainFile = join(outDir, 'main.cjs');
  const preloadFile = join(outDir, 'preload.cjs');
  await Promise.all([
    // Electron 45 runs Node 22 in the main process and Chromium 140 in the renderer.
    build({
      ...common,
      entryPoints: [join(projectRoot, 'electron/main/index.ts')],
      outfile: mainFile,
      target: 'node22',
    }),
    build({
      ...common,
      entryPoints: [join(projectRoot, 'electron/preload/index.ts')],
      outfile: preloadFile,
      target: 'chrome140',
    }),
  ]);
  return { mainFile, preloadFile };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { mainFile, preloadFile } = await buildElectron();
  console.log(`Built ${mainFile} and ${preloadFile}`);
}
