import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../electron/main/menu';
import {
  DEFAULT_WINDOW_SIZE,
  loadWindowState,
  saveWindowState,
} from '../../electron/main/services/window-state';

let folder: string;
let stateFile: string;
const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gh-window-'));
  stateFile = join(folder, 'window-state.json');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the window’s size and place', () => {
  it('are remembered between runs', async () => {
    await saveWindowState(stateFile, { x: 100, y: 80, width: 1100, height: 700, maximized: false });
    expect(loadWindowState(stateFile, screen)).toEqual({
      x: 100,
      y: 80,
      width: 1100,
      height: 700,
      maximized: false,
    });
    expect(await readdir(folder)).toEqual(['window-state.json']);
  });

  it('are saved on a first run, before the data folder exists', async () => {
    const fresh = join(folder, 'new profile', 'window-state.json');
    await saveWindowState(fresh, { x: 5, y: 5, width: 900, height: 600, maximized: true });
    expect(loadWindowState(fresh, screen)).toMatchObject({ width: 900, maximized: true });
  });

  it('fall back to the default size on first run or when the file is damaged', async () => {
    expect(loadWindowState(stateFile, screen)).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
    await writeFile(stateFile, '{"x": 1, "y":');
    expect(loadWindowState(stateFile, screen)).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
    await writeFile(stateFile, JSON.stringify({ x: 1, y: 1, width: 'wide', height: 10 }));
    expect(loadWindowState(stateFile, screen)).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('ignore a place on a screen that is no longer connected', async () => {
    await saveWindowState(stateFile, { x: 2500, y: 100, width: 1000, height: 700, maximized: false });
    expect(loadWindowState(stateFile, screen)).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
    const twoScreens = [...screen, { x: 1920, y: 0, width: 1920, height: 1080 }];
    expect(loadWindowState(stateFile, twoScreens)).toMatchObject({ x: 2500, y: 100 });
  });

  it('ignore a place whose title bar is above the top of the screen', async () => {
    await saveWindowState(stateFile, { x: 100, y: -500, width: 1000, height: 700, maximized: false });
    expect(loadWindowState(stateFile, screen)).not.toHaveProperty('x');
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toMatchObject({ y: -500 });
  });
});

function findItem(
  template: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions | undefined {
  for (const item of template) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      const found = findItem(item.submenu, label);
      if (found) return found;
    }
  }
  return undefined;
}

function roles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('the application menu', () => {
  function menu(isPackaged: boolean, platform: NodeJS.Platform = 'win32') {
    const send = vi.fn();
    const showAbout = vi.fn();
    return { template: buildMenuTemplate({ send, showAbout, isPackaged, platform }), send, showAbout };
  }

  it('has File, Edit, View, Go and Help', () => {
    expect(menu(true).template.map((item) => item.label)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Go',
      '&Help',
    ]);
  });

  it('File → Back up… and Restore… ask the page, Quit quits', () => {
    const { template, send } = menu(true);
    findItem(template, 'Back up…')?.click?.({} as never, undefined, {} as never);
    findItem(template, 'Restore…')?.click?.({} as never, undefined, {} as never);
    expect(send.mock.calls).toEqual([
      ['menu:backup', undefined],
      ['menu:restore', undefined],
    ]);
    expect(roles(template)).toContain('quit');
  });

  it('File → Lock now (Ctrl+L / Cmd+L) tells the page to lock', () => {
    const { template, send } = menu(true);
    const lock = findItem(template, 'Lock now');
    expect(lock?.accelerator).toBe('CmdOrCtrl+L');
    lock?.click?.({} as never, undefined, {} as never);
    expect(send.mock.calls).toEqual([['lock:now', undefined]]);
  });

  it('File → Print… (Ctrl+P) asks the page to print its printable view', () => {
    const { template, send } = menu(true);
    const print = findItem(template, 'Print…');
    expect(print?.accelerator).toBe('CmdOrCtrl+P');
    print?.click?.({} as never, undefined, {} as never);
    expect(send.mock.calls).toEqual([['menu:print', undefined]]);
  });

  it('Go moves between the main screens', () => {
    const { template, send } = menu(true);
    findItem(template, 'Log a meeting')?.click?.({} as never, undefined, {} as never);
    expect(send).toHaveBeenCalledWith('menu:navigate', '/meetings/new');
  });

  it('Help → About Guiding Hands shows the about box', () => {
    const { template, showAbout } = menu(true);
    findItem(template, 'About Guiding Hands')?.click?.({} as never, undefined, {} as never);
    expect(showAbout).toHaveBeenCalledOnce();
  });

  it('offers developer tools only in a development build', () => {
    expect(roles(menu(true).template)).not.toContain('toggleDevTools');
    expect(roles(menu(false).template)).toContain('toggleDevTools');
    expect(roles(menu(true).template)).toEqual(
      expect.arrayContaining(['reload', 'zoomIn', 'zoomOut', 'togglefullscreen', 'copy', 'paste']),
    );
  });

  it('on macOS starts with the app menu', () => {
    expect(menu(true, 'darwin').template[0].label).toBe('Guiding Hands');
  });
});
