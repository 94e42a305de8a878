import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, expect, test } from '@playwright/test';
import config, { chromiumPath } from '../../playwright.config';
import { addPerson, addProgram, day, openMeetingFormHere, PROGRAM, pair } from './clinic-steps';
import { startEmpty } from './helpers';
import { CLINIC_PASSPHRASE, turnLockOnInSettings } from './lock-steps';

// With the lock on, text typed into a meeting note, an action item and an end reason reaches no file of
// the browser profile: the page is closed and every file of its IndexedDB folder is searched. A name
// (stored plain by design) is searched the same way, to prove the search finds what is there.

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Closes `context`, waiting at most `ms` for it; whether it closed is noted on the test. */
async function closeWithin(context: BrowserContext, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const closed = await Promise.race([
    context.close().then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]);
  clearTimeout(timer);
  if (!closed)
    test.info().annotations.push({ type: 'browser close', description: `not finished in ${ms} ms` });
}

/** The files holding `text`, as UTF-8 or UTF-16 (Chromium stores strings either way). */
async function filesContaining(files: string[], text: string): Promise<string[]> {
  const forms = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const found: string[] = [];
  for (const file of files) {
    const bytes = await readFile(file);
    if (forms.some((form) => bytes.includes(form))) found.push(file);
  }
  return found;
}

test('with the lock on, no note, action item or end reason reaches the profile’s IndexedDB files', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'gh-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: config.use?.launchOptions?.args,
    baseURL: config.use?.baseURL,
  });
  // The config's time limits are not applied to a context launched by hand: an action that cannot
  // happen fails after these, naming itself, rather than waiting out the whole test.
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(30_000);
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // Typed before the lock was turned on: sealed when the lock is turned on, and read back. Not searched for at rest: Chromium's LevelDB keeps the overwritten plain value in its log
    // until it compacts, so sealing cannot take back what was already written in the clear.
    const earlierNote = 'QXMARKEREARLIERNOTE7731';
    const markers = {
      note: 'QXMARKERNOTE4410',
      actionItem: 'QXMARKERACTION9023',
      endReason: 'QXMARKERENDREASON5568',
    };
    const plainName = 'Qxplainname Whitfield';

    await startEmpty(page);
    await addProgram(page, PROGRAM, 14);
    await addPerson(page, plainName, 'mentor');
    await addPerson(page, 'Liam Chen', 'mentee');
    await pair(page, 'Liam Chen', plainName, day(30));
    await openMeetingFormHere(page);
    await page.getByLabel('Date', { exact: true }).fill(day(20));
    await page.getByLabel('Notes', { exact: true }).fill(`Before the lock: ${earlierNote}`);
    await page.getByRole('button', { name: 'Save meeting' }).click();
    await expect(page.getByRole('heading', { name: 'Meetings' })).toBeVisible();
    const pairingUrl = page.url();

    await turnLockOnInSettings(page);
    await page.goto(pairingUrl);
    await openMeetingFormHere(page);
    await page.getByLabel('Date', { exact: true }).fill(day(2));
    await page.getByLabel('Notes', { exact: true }).fill(`Talked about ${markers.note} at length.`);
    await page.getByRole('button', { name: 'Add an action item' }).click();
    await page.getByLabel('Action item 1', { exact: true }).fill(`Follow up: ${markers.actionItem}`);
    await page.getByRole('button', { name: 'Save meeting' }).click();
    await expect(page.getByRole('heading', { name: 'Meetings' })).toBeVisible();
    await expect(page.getByText(markers.note)).toBeVisible();
    await expect(page.getByText(earlierNote)).toBeVisible();

    await page.getByRole('button', { name: 'End early' }).click();
    const dialog = page.getByRole('dialog', { name: 'End this pairing early?' });
    await dialog.getByLabel('Why is it ending early?').fill(`Reason: ${markers.endReason}`);
    await dialog.getByRole('button', { name: 'End early' }).click();
    await expect(page.getByText('The pairing was ended early.')).toBeVisible();

    // Locked and unlocked again with the passphrase at its full cost (scrypt 2^18 in the worker).
    await page.getByRole('button', { name: 'Lock now' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'This clinic is locked' })).toBeVisible();
    await page.getByLabel('Clinic passphrase').fill(CLINIC_PASSPHRASE);
    const started = Date.now();
    await page.getByLabel('Clinic passphrase').press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 30_000 });
    test.info().annotations.push({ type: 'unlock time', description: `${Date.now() - started} ms` });
    expect(errors).toEqual([]);
    await page.close();
    // Closing a browser launched on its own profile can, now and then, never finish. What was committed is
    // in the profile's files either way (the search below must find the plain name to count), so the
    // close is given a bounded time and the files are searched after it.
    await closeWithin(context, 20_000);

    const files = await filesUnder(join(profile, 'Default', 'IndexedDB'));
    expect(files.length).toBeGreaterThan(0);
    // The search works: the name, which the lock leaves plain, is found.
    expect(await filesContaining(files, plainName)).not.toEqual([]);
    for (const [field, marker] of Object.entries(markers))
      expect(await filesContaining(files, marker), `${field} found at rest`).toEqual([]);
  } finally {
    await closeWithin(context, 20_000);
    await rm(profile, { recursive: true, force: true });
  }
});
