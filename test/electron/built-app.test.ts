import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcContract } from '../../electron/shared/ipc';
import {
  ageIdentityOf,
  ageRecipientOf,
  formatRecoveryKey,
  newRecoverySecret,
} from '../../renderer/data/lock/recovery-key';
import { RecoverySheet } from '../../renderer/features/settings/RecoverySheet';
import {
  createFakeElectron,
  type FakeElectron,
  FakeEvent,
  FakeSession,
  FakeWebContents,
} from './fake-electron';

// These tests run the real bundles the app ships, with a stand-in for Electron, because Electron itself
// cannot start on the machines the tests run on.

type BuildElectron = (options: { outDir: string }) => Promise<{ mainFile: string; preloadFile: string }>;

const projectRoot = resolve(__dirname, '../..');
// The age tool, as a manager would run it from the recovery sheet's instructions.
const AGE = 'age';
let root: string;
let mainFile: string;
let preloadFile: string;
const nodeRequire = createRequire(import.meta.url);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gh-built-app-'));
  const buildScript = pathToFileURL(join(projectRoot, 'scripts/build-electron.mjs')).href;
  const { buildElectron } = (await import(buildScript)) as { buildElectron: BuildElectron };
  ({ mainFile, preloadFile } = await buildElectron({ outDir: join(root, 'dist', 'electron') }));
  // The built main resolves `electron` from its own folder upwards: point it at the stand-in.
  await mkdir(join(root, 'node_modules', 'electron'), { recursive: true });
  await writeFile(
    join(root, 'node_modules', 'electron', 'index.js'),
    'module.exports = globalThis.__fakeElectron;\n',
  );
  await mkdir(join(root, 'dist', 'renderer', 'assets'), { recursive: true });
  await writeFile(
    join(root, 'dist', 'renderer', 'index.html'),
    '<!doctype html><title>Guiding Hands</title>',
  );
  await writeFile(join(root, 'dist', 'renderer', 'assets', 'app.js'), 'console.log(1);');
  await writeFile(join(root, 'secret.txt'), 'not for the renderer');
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function requiredModules(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
}

describe('the bundles', () => {
  it('the preload is one CommonJS file that requires nothing but electron', async () => {
    const code = await readFile(preloadFile, 'utf8');
    expect(code).not.toMatch(/^\s*import[\s{*]/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(requiredModules(code)).toEqual(['electron']);
    expect(code).toContain('exposeInMainWorld("guidingHands"');
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });

  it('the main bundle requires only electron and Node’s own modules, never a local file or package', async () => {
    const code = await readFile(mainFile, 'utf8');
    const builtins = new Set(builtinModules);
    const foreign = requiredModules(code).filter(
      (name) => name !== 'electron' && !name.startsWith('node:') && !builtins.has(name),
    );
    expect(foreign).toEqual([]);
    expect(code).not.toMatch(/^\s*import[\s{*]/m);
  });
});

let fake: FakeElectron;
let appData: string;
let runs = 0;

function loadMain(options: { lockGranted?: boolean; isPackaged?: boolean } = {}): void {
  // A fresh data folder per start, so settings written by one test never reach another.
  appData = join(root, `appData-${++runs}`);
  fake = createFakeElectron({ appData, appPath: root, ...options });
  (globalThis as { __fakeElectron?: unknown }).__fakeElectron = fake.module;
  // Both the bundle and the stand-in are loaded afresh, so each test gets its own start-up.
  delete nodeRequire.cache[mainFile];
  delete nodeRequire.cache[join(root, 'node_modules', 'electron', 'index.js')];
  nodeRequire(mainFile);
}

async function startMain(): Promise<void> {
  loadMain();
  fake.fireReady();
  await vi.waitFor(() => expect(fake.windows.length).toBe(1));
}

describe('start-up of the built main process', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    return () => {
      vi.useRealTimers();
      vi.restoreAllMocks();
    };
  });

  it('names the app, pins its data folder, registers app:// as standard and secure, and takes the lock, all before ready', () => {
    loadMain();
    const callsTo = (name: string) => fake.calls.filter((call) => call.name === name);
    const [setName] = callsTo('app.setName');
    expect(setName).toMatchObject({ args: ['Guiding Hands'], afterReady: false });
    expect(callsTo('app.setPath')[0]).toMatchObject({
      args: ['userData', join(appData, 'Guiding Hands')],
      afterReady: false,
    });
    const [registration] = callsTo('protocol.registerSchemesAsPrivileged');
    expect(registration.afterReady).toBe(false);
    expect(registration.args[0]).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      },
    ]);
    expect(callsTo('app.requestSingleInstanceLock')[0].afterReady).toBe(false);
    expect(callsTo('app.enableSandbox')[0].afterReady).toBe(false);
    expect(callsTo('app.on:web-contents-created')[0].afterReady).toBe(false);
    // Nothing that needs a ready app has run yet.
    expect(
      fake.calls.filter((call) => call.name.startsWith('safeStorage') || call.name === 'new BrowserWindow'),
    ).toEqual([]);
    expect(fake.calls.some((call) => call.afterReady)).toBe(false);
  });

  it('only a development build can be pointed at a scratch data folder; the installed app never moves its data', () => {
    const scratch = join(root, 'scratch');
    process.env.GH_USER_DATA_DIR = scratch;
    try {
      loadMain();
      expect(fake.calls.find((call) => call.name === 'app.setPath')?.args).toEqual(['userData', scratch]);
      loadMain({ isPackaged: true });
      expect(fake.calls.find((call) => call.name === 'app.setPath')?.args).toEqual([
        'userData',
        join(appData, 'Guiding Hands'),
      ]);
    } finally {
      delete process.env.GH_USER_DATA_DIR;
    }
  });

  it('the installed app started with a debugging switch says why and exits before anything else runs', async () => {
    const argv = process.argv;
    process.argv = ['/opt/Guiding Hands/guiding-hands', '--remote-debugging-port=9222'];
    try {
      loadMain({ isPackaged: true });
    } finally {
      process.argv = argv;
    }
    fake.fireReady();
    await Promise.resolve();
    const names = fake.calls.map((call) => call.name);
    expect(names.slice(0, 2)).toEqual(['dialog.showErrorBox', 'app.exit']);
    expect(fake.calls[0].args[1]).toContain('--remote-debugging-port=9222');
    expect(names).not.toContain('app.setPath');
    expect(names).not.toContain('app.whenReady');
    expect(fake.windows).toEqual([]);
  });

  it('a second copy quits at once and opens no window', async () => {
    loadMain({ lockGranted: false });
    fake.fireReady();
    await Promise.resolve();
    expect(fake.calls.map((call) => call.name)).toContain('app.quit');
    expect(fake.calls.map((call) => call.name)).not.toContain('app.whenReady');
    expect(fake.windows).toEqual([]);
  });

  it('after ready it opens one hardened window on the app origin with the bundled preload', async () => {
    await startMain();
    const [window] = fake.windows;
    expect(window.loadedUrl).toBe('app://guiding-hands/index.html');
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: join(root, 'dist', 'electron', 'preload.cjs'),
    });
    const protocolCall = fake.calls.find((call) => call.name === 'protocol.handle');
    expect(protocolCall).toMatchObject({ args: ['app'], afterReady: true });
    expect(fake.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(fake.defaultSession.beforeRequest?.filter.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*']),
    );
    expect(fake.getApplicationMenu()).not.toBeNull();
  });

  it('tells the page to lock when the computer locks its screen or goes to sleep', async () => {
    await startMain();
    const [window] = fake.windows;
    const locks = () => window.webContents.sent.filter((message) => message.channel === 'lock:now');
    fake.module.powerMonitor.emit('lock-screen');
    expect(locks()).toEqual([{ channel: 'lock:now', payload: undefined }]);
    fake.module.powerMonitor.emit('suspend');
    expect(locks()).toHaveLength(2);
  });

  it('stops with a plain message instead of running unseen when start-up fails', async () => {
    loadMain();
    fake.module.screen.getAllDisplays = () => {
      throw new Error('No display is connected.');
    };
    const errorBox = vi.spyOn(fake.module.dialog, 'showErrorBox');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fake.fireReady();
    await vi.waitFor(() => expect(fake.calls.map((call) => call.name)).toContain('app.exit'));
    expect(errorBox).toHaveBeenCalledWith('Guiding Hands could not start', 'No display is connected.');
    expect(fake.calls.find((call) => call.name === 'app.exit')?.args).toEqual([1]);
  });

  it('at start, removes what an interrupted write left in the data folder and keeps everything else', async () => {
    loadMain();
    const userData = join(appData, 'Guiding Hands');
    await mkdir(userData, { recursive: true });
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
    const leftover = join(userData, '.auto-backup.json.0123456789ab.partial');
    await writeFile(leftover, '{"version":');
    await utimes(leftover, yesterday, yesterday);
    await writeFile(join(userData, 'notes.partial'), 'not ours');
    fake.fireReady();
    await vi.waitFor(async () =>
      expect(await readdir(userData)).not.toContain('.auto-backup.json.0123456789ab.partial'),
    );
    expect(await readdir(userData)).toContain('notes.partial');
  });

  it('a crashed page in the main window is replaced by the stopped page', async () => {
    await startMain();
    const [window] = fake.windows;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect(window.loadedUrl).toBe('app://guiding-hands/stopped.html');
    const page = await fake.protocolHandlers.get('app')?.(new Request('app://guiding-hands/stopped.html'));
    expect(await page?.text()).toContain('Guiding Hands stopped unexpectedly');
  });

  it('closing while the stopped page shows quits at once, without waiting for a backup it cannot make', async () => {
    await startMain();
    const [window] = fake.windows;
    const fromApp = { senderFrame: { url: 'app://guiding-hands/index.html' }, sender: window.webContents };
    const folder = join(root, `backups-${runs}`);
    await mkdir(folder);
    fake.module.dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [folder] as never[] });
    await fake.ipcHandlers.get('backup:chooseFolder')?.(fromApp, undefined);
    await fake.ipcHandlers.get('autoBackup:configure')?.(fromApp, {
      settings: {
        enabled: true,
        folder,
        onQuit: true,
        daily: false,
        rotation: { daily: 7, weekly: 4, monthly: 12 },
      },
      passphrase: 'tulip-harbour-lantern-42',
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    const close = new FakeEvent();
    window.emit('close', close);
    expect(close.defaultPrevented).toBe(false);
    expect(window.webContents.sent.map((message) => message.channel)).not.toContain('autoBackup:due');
  });

  it('registers every channel of the IPC contract', async () => {
    await startMain();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.keys(ipcContract).sort());
  });

  it('serves the renderer with the strict policy and refuses paths outside its folder', async () => {
    await startMain();
    const handler = fake.protocolHandlers.get('app');
    if (!handler) throw new Error('no app:// handler');
    const page = await handler(new Request('app://guiding-hands/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('Guiding Hands');
    const traversal = await handler(new Request('app://guiding-hands/..%2F..%2Fsecret.txt'));
    expect(traversal.status).toBe(403);
    expect(await traversal.text()).not.toContain('not for the renderer');
  });

  it('hardens any web contents created later, not only the main window', async () => {
    await startMain();
    const session = new FakeSession();
    const contents = new FakeWebContents(session);
    fake.module.app.emit('web-contents-created', new FakeEvent(), contents);
    const navigation = new FakeEvent();
    contents.emit('will-navigate', navigation, 'https://example.org/');
    expect(navigation.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    let granted: boolean | null = null;
    session.permissionRequestHandler?.(contents, 'media', (answer: boolean) => {
      granted = answer;
    });
    expect(granted).toBe(false);
  });

  it('answers the app’s own page and refuses a foreign sender and a bad argument', async () => {
    await startMain();
    const getInfo = fake.ipcHandlers.get('app:getInfo');
    const writeToFolder = fake.ipcHandlers.get('backup:writeToFolder');
    if (!getInfo || !writeToFolder) throw new Error('handlers missing');
    const [window] = fake.windows;
    const fromApp = { senderFrame: { url: 'app://guiding-hands/index.html' }, sender: window.webContents };
    const fromElsewhere = { senderFrame: { url: 'https://example.org/' }, sender: window.webContents };
    await expect(getInfo(fromApp, undefined)).resolves.toMatchObject({
      version: '9.8.7',
      userDataPath: join(appData, 'Guiding Hands'),
    });
    await expect(getInfo(fromElsewhere, undefined)).rejects.toThrow(/not part of Guiding Hands/);
    await expect(
      writeToFolder(fromApp, { folder: root, fileName: '../escape.age', data: new Uint8Array([1]) }),
    ).rejects.toThrow(/did not understand/);
  });

  it('holds the first quit for the on-quit backup and quits once the page has written it', async () => {
    await startMain();
    const [window] = fake.windows;
    const fromApp = { senderFrame: { url: 'app://guiding-hands/index.html' }, sender: window.webContents };
    const invoke = (channel: string, request: unknown) => {
      const handler = fake.ipcHandlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler(fromApp, request);
    };
    const folder = join(root, `backups-${runs}`);
    await mkdir(folder);
    // The manager picks the folder in the dialog: only such folders receive backups.
    fake.module.dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [folder] as never[] });
    await invoke('backup:chooseFolder', undefined);
    await invoke('autoBackup:configure', {
      settings: {
        enabled: true,
        folder,
        onQuit: true,
        daily: false,
        rotation: { daily: 7, weekly: 4, monthly: 12 },
      },
      passphrase: 'tulip-harbour-lantern-42',
    });

    const close = new FakeEvent();
    window.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    expect(window.webContents.sent).toContainEqual({ channel: 'autoBackup:due', payload: 'quit' });
    expect(fake.calls.map((call) => call.name)).not.toContain('app.quit');

    await invoke('autoBackup:write', {
      fileName: 'Clinic.age',
      data: new Uint8Array([1, 2]),
      reason: 'quit',
    });
    expect(fake.calls.map((call) => call.name)).toContain('app.quit');
    const quitAgain = new FakeEvent();
    fake.module.app.emit('before-quit', quitAgain);
    expect(quitAgain.defaultPrevented).toBe(false);
    expect((await readdir(folder)).filter((name) => name.startsWith('Clinic-auto-'))).toHaveLength(1);
  });

  it('no answer and no event ever carries the kept automatic-backup passphrase, even in its protected form', async () => {
    await startMain();
    const [window] = fake.windows;
    const fromApp = { senderFrame: { url: 'app://guiding-hands/index.html' }, sender: window.webContents };
    const answers: unknown[] = [];
    const invoke = async (channel: string, request: unknown) => {
      const handler = fake.ipcHandlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      answers.push(await Promise.resolve(handler(fromApp, request)).catch((error: Error) => error.message));
    };
    const folder = join(root, `backups-${runs}`);
    await mkdir(folder);
    fake.module.dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [folder] as never[] });
    const passphrase = 'tulip-harbour-lantern-42';
    const settings = {
      enabled: true,
      folder,
      onQuit: false,
      daily: false,
      rotation: { daily: 7, weekly: 4, monthly: 12 },
    };
    await invoke('backup:chooseFolder', undefined);
    await invoke('autoBackup:configure', { settings, passphrase });
    // Every channel of the contract, each asked once with a valid request.
    const requests: Record<string, unknown> = {
      'app:getInfo': undefined,
      'files:saveAs': { suggestedName: 'a.csv', filters: [], data: new Uint8Array([1]) },
      'files:open': { filters: [], maxBytes: 10 },
      'backup:chooseFolder': undefined,
      'backup:writeToFolder': { folder, fileName: 'Clinic 2026-03-01.age', data: new Uint8Array([1]) },
      'autoBackup:getStatus': undefined,
      'autoBackup:configure': { settings, passphrase: null },
      // No clinic lock here: the kept passphrase stays (with a lock it would be forgotten).
      'autoBackup:useClinicLock': { ageRecipient: null },
      'autoBackup:write': { fileName: 'Clinic.age', data: new TextEncoder().encode('{}'), reason: 'manual' },
      'autoBackup:notMade': { reason: 'daily', why: 'It failed.' },
      'print:page': undefined,
      'print:toPdf': { suggestedName: 'Report', paperSize: 'A4' },
    };
    expect(Object.keys(requests).sort()).toEqual(Object.keys(ipcContract).sort());
    for (const [channel, request] of Object.entries(requests)) await invoke(channel, request);

    const kept = JSON.parse(await readFile(join(appData, 'Guiding Hands', 'auto-backup.json'), 'utf8'));
    expect(kept.encryptedPassphrase).toEqual(expect.any(String));
    const everythingSent = JSON.stringify([answers, window.webContents.sent], (_key, value) =>
      value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value,
    );
    expect(everythingSent).not.toContain(passphrase);
    expect(everythingSent).not.toContain(kept.encryptedPassphrase);
    expect(everythingSent).toContain('Clinic-auto-');
  });

  it('with the clinic lock, an automatic backup opens with the age tool and the recovery sheet’s line, and the data folder keeps no secret', async () => {
    await startMain();
    const [window] = fake.windows;
    const fromApp = { senderFrame: { url: 'app://guiding-hands/index.html' }, sender: window.webContents };
    const invoke = (channel: string, request: unknown) => {
      const handler = fake.ipcHandlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return Promise.resolve(handler(fromApp, request));
    };
    // The recovery sheet as the manager prints it: its AGE-SECRET-KEY line is what opens the backups.
    const secret = newRecoverySecret();
    const recoveryKey = formatRecoveryKey(secret);
    const sheet = renderToStaticMarkup(
      createElement(RecoverySheet, {
        clinicName: 'Riverside Community Clinic',
        recoveryKey,
        ageIdentity: ageIdentityOf(secret),
        keptAt: 'the office safe',
        madeOn: '2026-03-01',
      }),
    );
    const sheetLine = /AGE-SECRET-KEY-1[0-9A-Z]+/.exec(sheet)?.[0] as string;
    expect(sheetLine).toBeDefined();
    const recipient = await ageRecipientOf(sheetLine);

    const folder = join(root, `backups-${runs}`);
    await mkdir(folder);
    fake.module.dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [folder] as never[] });
    await invoke('backup:chooseFolder', undefined);
    // Automatic backups were on with a kept passphrase before the lock: turning the lock on forgets it.
    const passphrase = 'tulip-harbour-lantern-42';
    await invoke('autoBackup:configure', {
      settings: {
        enabled: true,
        folder,
        onQuit: false,
        daily: true,
        rotation: { daily: 7, weekly: 4, monthly: 12 },
      },
      passphrase,
    });
    const status = await invoke('autoBackup:useClinicLock', { ageRecipient: recipient });
    expect(status).toMatchObject({ clinicLock: true, hasPassphrase: false });

    const marker = 'QUOKKA-2287 burnout after the night shift';
    const document = gzipSync(JSON.stringify({ format: 'guiding-hands-backup', notes: [marker] }));
    const written = (await invoke('autoBackup:write', {
      fileName: 'Clinic.age',
      data: new Uint8Array(document),
      reason: 'daily',
    })) as { path: string };
    expect(written.path.startsWith(folder)).toBe(true);
    expect((await readFile(written.path)).includes(marker)).toBe(false);

    // `age -d -i` with the line saved from the sheet, as the sheet tells the manager to do.
    const keyFile = join(root, `clinic-key-${runs}.txt`);
    await writeFile(keyFile, `${sheetLine}\n`);
    const opened = execFileSync(AGE, ['-d', '-i', keyFile, written.path], { timeout: 60_000 });
    expect(JSON.parse(gunzipSync(opened).toString('utf8')).notes).toEqual([marker]);

    // Nothing in the app's data folder could open a backup or the clinic: no identity, recovery key or
    // passphrase, not even in the system's protected form; only the public recipient.
    const dataFolder = join(appData, 'Guiding Hands');
    const kept: string[] = [];
    for (const entry of await readdir(dataFolder, { recursive: true, withFileTypes: true }))
      if (entry.isFile()) kept.push(await readFile(join(entry.parentPath, entry.name), 'utf8'));
    const everything = kept.join('\n');
    expect(everything).toContain(recipient);
    const protectedForm = Buffer.from(`enc:${passphrase}`).toString('base64');
    for (const secretText of [sheetLine, 'AGE-SECRET-KEY', recoveryKey, passphrase, protectedForm, marker])
      expect(everything).not.toContain(secretText);
    expect(JSON.parse(await readFile(join(dataFolder, 'auto-backup.json'), 'utf8'))).toMatchObject({
      ageRecipient: recipient,
      encryptedPassphrase: null,
    });
    // Only the asynchronous protected-storage calls were ever made (the synchronous ones are gone).
    expect(
      fake.calls.filter((call) => call.name.startsWith('safeStorage.') && !call.name.includes('Async')),
    ).toEqual([]);
  });

  it('the menu’s Back up… asks the page to back up, and About shows the version', async () => {
    await startMain();
    const menu = fake.getApplicationMenu() as {
      template: { label?: string; submenu?: { label?: string; click?: () => void }[] }[];
    };
    const click = (top: string, label: string) =>
      menu.template
        .find((item) => item.label === top)
        ?.submenu?.find((item) => item.label === label)
        ?.click?.();
    click('&File', 'Back up…');
    expect(fake.windows[0].webContents.sent).toContainEqual({ channel: 'menu:backup', payload: undefined });
    click('&File', 'Print…');
    expect(fake.windows[0].webContents.sent).toContainEqual({ channel: 'menu:print', payload: undefined });
    const messageBox = vi.spyOn(fake.module.dialog, 'showMessageBox');
    click('&Help', 'About Guiding Hands');
    expect(messageBox).toHaveBeenCalledWith(
      fake.windows[0],
      expect.objectContaining({ title: 'About Guiding Hands', message: 'Guiding Hands 9.8.7' }),
    );
  });
});
