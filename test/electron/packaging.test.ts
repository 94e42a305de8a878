import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(__dirname, '../..');
const nodeRequire = createRequire(import.meta.url);
// js-yaml ships without type declarations; only its load function is used.
const yaml = nodeRequire('js-yaml') as { load(text: string): unknown };

type BuilderConfig = {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  publish: unknown;
  electronFuses: Record<string, boolean>;
  directories: { output: string; buildResources: string };
  nsis: Record<string, unknown>;
  mac: Record<string, unknown>;
  linux: { target: { target: string }[]; category: string };
};

async function builderConfig(): Promise<BuilderConfig> {
  return yaml.load(await readFile(join(projectRoot, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own schema', async () => {
    const schema = JSON.parse(
      await readFile(join(projectRoot, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const valid = validate(await builderConfig());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be rejected by that schema if it held an unknown key (the check is real)', async () => {
    const schema = JSON.parse(
      await readFile(join(projectRoot, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    );
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({ ...(await builderConfig()), autoUpdateServer: 'https://example.org' })).toBe(false);
  });

  it('sets every fuse that closes a door the app never uses', async () => {
    expect((await builderConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs only the built app, in an asar, and never checks for updates', async () => {
    const config = await builderConfig();
    expect(config.appId).toBe('org.guidinghands.app');
    expect(config.productName).toBe('Guiding Hands');
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
    const included = config.files.filter((pattern) => !pattern.startsWith('!'));
    expect(included.every((pattern) => pattern.startsWith('dist/') || pattern === 'package.json')).toBe(true);
    expect(included).toEqual(
      expect.arrayContaining(['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'package.json']),
    );
  });

  it('builds installers that let the manager choose and never delete the clinic’s data', async () => {
    const config = await builderConfig();
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
    });
    expect(config.mac).toMatchObject({ hardenedRuntime: true, category: 'public.app-category.medical' });
    expect(config.linux.target.map((target) => target.target)).toEqual(['AppImage', 'deb']);
  });

  it('the package’s entry point is the bundled main process', async () => {
    const pkg = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('has a 512×512 icon', async () => {
    const png = await readFile(join(projectRoot, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });
});

describe('npm start without the Electron runtime', () => {
  it('says in one sentence that the runtime is missing and names npm run start:web', async () => {
    // An empty override folder makes the runtime missing even on a machine that has it.
    const empty = await mkdtemp(join(tmpdir(), 'gh-no-electron-'));
    try {
      const run = spawnSync(process.execPath, [join(projectRoot, 'scripts/start-electron.mjs')], {
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      const message = `${run.stdout}${run.stderr}`.trim();
      expect(message.split('\n')).toHaveLength(1);
      expect(message).toMatch(/^The Electron runtime is not installed on this computer\b/);
      expect(message).toContain('`npm run start:web`');
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
