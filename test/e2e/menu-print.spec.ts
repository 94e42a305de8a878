import type { Page } from '@playwright/test';
import { expect, goTo, loadSampleData, test } from './helpers';

// File → Print in the desktop app: the main process sends "menu:print" to the page, which prints its
// printable view through the preload's print(). The real preload needs Electron, so these tests give
// the page a stand-in with the preload's shape: it relays the menu's events and notes what print() saw.

async function withDesktopStandIn(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const listeners = new Map<string, ((payload: unknown) => void)[]>();
    const printed: string[] = [];
    const status = {
      enabled: false,
      folder: null,
      onQuit: false,
      daily: false,
      rotation: { daily: 0, weekly: 0, monthly: 0 },
      available: false,
      unavailableReason: 'Not in this test.',
      hasPassphrase: false,
      lastAutoBackupAt: null,
    };
    const refuse = async () => {
      throw new Error('Not in this test.');
    };
    Object.assign(window, {
      __menu: (event: string, payload?: unknown) => {
        for (const listener of listeners.get(event) ?? []) listener(payload);
      },
      __printed: printed,
      guidingHands: {
        kind: 'electron',
        getInfo: async () => ({ version: 'test', platform: 'linux', userDataPath: '/tmp' }),
        saveAs: async () => ({ saved: false, path: null }),
        openFile: async () => null,
        chooseBackupFolder: async () => null,
        writeBackupToFolder: refuse,
        getAutoBackupStatus: async () => status,
        configureAutoBackup: refuse,
        getAutoBackupPassphrase: async () => null,
        writeAutoBackup: refuse,
        reportAutoBackupNotMade: async () => null,
        // What the system's print dialog would show: the print layout when one is mounted, else the screen.
        print: async () => {
          const layout = document.querySelector('.print-layout');
          printed.push(
            layout
              ? `layout: ${layout.textContent}`
              : `screen: ${document.querySelector('main')?.textContent}`,
          );
          return { printed: true };
        },
        printToPdf: async () => ({ saved: false, path: null }),
        on: (event: string, listener: (payload: unknown) => void) => {
          listeners.set(event, [...(listeners.get(event) ?? []), listener]);
          return () =>
            listeners.set(
              event,
              (listeners.get(event) ?? []).filter((l) => l !== listener),
            );
        },
      },
    });
  });
}

async function menuPrint(page: Page): Promise<string> {
  const before = await page.evaluate(() => (window as unknown as { __printed: string[] }).__printed.length);
  await page.evaluate(() => (window as unknown as { __menu: (event: string) => void }).__menu('menu:print'));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __printed: string[] }).__printed.length))
    .toBe(before + 1);
  return page.evaluate(() => {
    const printed = (window as unknown as { __printed: string[] }).__printed;
    return printed[printed.length - 1];
  });
}

test('File → Print prints the report on the Reports screen, and the screen itself elsewhere', async ({
  page,
}) => {
  await withDesktopStandIn(page);
  await loadSampleData(page);

  await goTo(page, 'Reports');
  await expect(page.getByRole('button', { name: 'Save as PDF' })).toBeEnabled({ timeout: 30_000 });
  const report = await menuPrint(page);
  expect(report).toMatch(/^layout: /);
  expect(report).toContain('Pair census');
  expect(report).toContain('Appendix: evidence log');

  await goTo(page, 'People');
  const people = await menuPrint(page);
  expect(people).toMatch(/^screen: /);
  expect(people).toContain('People');
  expect(people).not.toContain('Pair census');
});
