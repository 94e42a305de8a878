import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { OPENER_MARK } from '../../renderer/data/lock/open-in-worker';
import { expect, goTo, loadSampleData, openApp, startEmpty, test } from './helpers';

// The whole promise of a backup, through the screens: back up the sample clinic, start again on an
// empty app (a fresh browser profile), restore from the downloaded file, and find everything back.

const PASSPHRASE = 'orchard lantern velvet 47 harbour';

/** No serious or critical WCAG 2.1 A/AA problems on the page as it stands. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help}`);
  expect(serious, `accessibility problems on ${what}`).toEqual([]);
}

async function peopleRows(page: Page): Promise<string[]> {
  await goTo(page, 'People');
  const table = page.getByRole('table', { name: 'People' });
  await expect(table).toBeVisible();
  return table.getByRole('row').allInnerTexts();
}

async function pairingRows(page: Page): Promise<string[]> {
  await goTo(page, 'Relationships');
  const table = page.getByRole('table', { name: 'Pairings' });
  await expect(table).toBeVisible();
  return table.getByRole('row').allInnerTexts();
}

async function firstPairTimeline(page: Page): Promise<string[]> {
  await goTo(page, 'Relationships');
  await page
    .getByRole('table', { name: 'Pairings' })
    .getByRole('row')
    // The newest pairs come first and may not have met yet: the first pair that has (a last-meeting date).
    .filter({ has: page.locator('td:last-child', { hasText: /\d{4}/ }) })
    .first()
    .getByRole('link')
    .click();
  const timeline = page.getByRole('list', { name: 'Meeting timeline, newest first' });
  await expect(timeline).toBeVisible();
  return timeline.getByRole('listitem').allInnerTexts();
}

test('back up through the screen, wipe, restore from the file, and find the same people and meetings', async ({
  page,
  browser,
}, testInfo) => {
  await loadSampleData(page);
  const people = await peopleRows(page);
  const pairings = await pairingRows(page);
  const timeline = await firstPairTimeline(page);
  expect(people.length).toBeGreaterThan(5);
  expect(timeline.length).toBeGreaterThan(0);

  await openApp(page, '/backup');
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Automatic backups' })).toContainText('Unavailable here');
  await expectAccessible(page, 'the backup screen');
  // A weak passphrase is refused, with the reason.
  await page.getByLabel('Backup passphrase').fill('password1');
  await page.getByLabel('Type the passphrase again').fill('password1');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /too weak/i })
      .first(),
  ).toBeVisible();

  await page.getByLabel('Backup passphrase').fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  // Hashing, compression and encryption run in a worker beside the reading of the records.
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.evaluate((mark) => performance.clearMarks(mark), OPENER_MARK);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up now' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Riverside Community Clinic backup \d{4}-\d{2}-\d{2}\.age$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: 'Backup made' })).toBeVisible();
  expect(workers.some((url) => url.includes('pipeline.worker'))).toBe(true);
  // With the clinic lock, another worker opens each page's sealed notes (the plain clinic has none).
  expect(workers.some((url) => url.includes('open.worker'))).toBe(testInfo.project.name === 'locked');
  // And it opened them all: the backup's opener took the worker's way, not the page's fallback.
  const openerWays = await page.evaluate(
    (mark) =>
      performance
        .getEntriesByName(mark)
        .map((entry) => ((entry as PerformanceMark).detail as { way: string }).way),
    OPENER_MARK,
  );
  expect(openerWays).toEqual(testInfo.project.name === 'locked' ? ['worker'] : []);
  expect(readFileSync(file).subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
  if (spawnSync('age', ['--version']).status === 0) {
    // The file the browser saved opens with the standard age tool (it wants a terminal: `script` gives one).
    const plain = testInfo.outputPath('backup.json.gz');
    execFileSync('script', ['-qc', `age -d -o '${plain}' '${file}'`, '/dev/null'], {
      input: `${PASSPHRASE}\n`,
      timeout: 60_000,
    });
    const document = JSON.parse(gunzipSync(readFileSync(plain)).toString('utf8'));
    expect(document.format).toBe('guiding-hands-backup');
    expect(document.tables.meetings).toHaveLength(document.counts.meetings);
    // The notes are in the clear inside the encryption, with the lock on too: nothing sealed is left.
    expect(
      document.tables.meetings.some(
        (meeting: { notes: unknown }) => typeof meeting.notes === 'string' && meeting.notes.length > 0,
      ),
    ).toBe(true);
    expect(JSON.stringify(document)).not.toContain('$sealed');
  }

  // The dashboard now says a backup was just made.
  await goTo(page, 'Dashboard');
  await expect(page.getByRole('region', { name: 'Backups' })).toContainText('Last backup');

  // A brand-new profile: an empty IndexedDB, as on a new computer.
  const fresh = await browser.newContext();
  const newPage = await fresh.newPage();
  const errors: string[] = [];
  newPage.on('pageerror', (error) => errors.push(error.message));
  await startEmpty(newPage, 'Temporary Clinic');
  await openApp(newPage, '/backup');
  const choosing = newPage.waitForEvent('filechooser');
  await newPage.getByRole('button', { name: 'Restore from a backup…' }).click();
  await (await choosing).setFiles(file);

  // A wrong passphrase is refused and changes nothing.
  await newPage.getByLabel('Passphrase of this backup').fill('not the passphrase');
  await newPage.getByRole('button', { name: 'Open backup' }).click();
  await expect(newPage.getByRole('alert')).toContainText('passphrase does not open this backup');

  await newPage.getByLabel('Passphrase of this backup').fill(PASSPHRASE);
  await newPage.getByRole('button', { name: 'Open backup' }).click();
  const contents = newPage.getByRole('region', { name: 'What this backup holds' });
  await expect(contents).toContainText('Riverside Community Clinic');
  // Archived people are in the backup too, so the count is at least the people listed.
  const peopleCount = Number(
    (
      await contents
        .getByRole('row', { name: /^People/ })
        .getByRole('cell')
        .textContent()
    )?.replace(/\D/g, ''),
  );
  expect(peopleCount).toBeGreaterThanOrEqual(people.length - 1);
  await expectAccessible(newPage, 'the restore summary');
  await newPage.getByRole('button', { name: 'Replace my records with this backup' }).click();
  await expect(newPage.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible({ timeout: 60_000 });
  const safety = newPage.getByRole('region', { name: 'Safety copies' });
  await expect(safety).toContainText('Records before the restore');
  // The replaced records can leave the computer too, as an ordinary encrypted backup file.
  await safety.getByRole('button', { name: 'Save as a backup file…' }).click();
  await safety.getByLabel('Backup passphrase').fill(PASSPHRASE);
  await safety.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  const savingCopy = newPage.waitForEvent('download');
  await safety.getByRole('button', { name: 'Save backup file' }).click();
  expect((await savingCopy).suggestedFilename()).toMatch(/^Temporary Clinic safety copy backup .*\.age$/);

  expect(await peopleRows(newPage)).toEqual(people);
  expect(await pairingRows(newPage)).toEqual(pairings);
  expect(await firstPairTimeline(newPage)).toEqual(timeline);
  expect(errors).toEqual([]);
  await fresh.close();
});
