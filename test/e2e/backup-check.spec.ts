import type { Page } from '@playwright/test';
import { expect, loadSampleData, openApp, test } from './helpers';

// "Check a backup file": the manager picks a backup, types its passphrase and learns whether it would
// restore, with what it holds, and nothing in the app changes.

const PASSPHRASE = 'harbour velvet orchard 58 lantern';

test('checking a backup file says it is sound and what it holds, and changes nothing', async ({
  page,
}, testInfo) => {
  await loadSampleData(page);
  await openApp(page, '/backup');
  await page.getByLabel('Backup passphrase').fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up now' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).not.toMatch(/needs repair/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);

  const card = page.getByRole('region', { name: 'Check a backup file' });
  const choosing = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: 'Check a backup file…' }).click();
  await (await choosing).setFiles(file);

  await card.getByLabel('Passphrase of the backup to check').fill('not the passphrase');
  await card.getByRole('button', { name: 'Check this backup' }).click();
  await expect(card.getByRole('alert')).toContainText('passphrase does not open this backup');

  await card.getByLabel('Passphrase of the backup to check').fill(PASSPHRASE);
  await card.getByRole('button', { name: 'Check this backup' }).click();
  const found = card.getByRole('region', { name: 'What the check found' });
  await expect(found.getByRole('status')).toHaveText('This backup is sound: every record can be restored.');
  await expect(found).toContainText('Riverside Community Clinic');
  await expect(found.getByRole('row', { name: /^People/ })).toBeVisible();
  // Nothing was restored: no safety copy was kept, so none is listed.
  await expect(page.getByRole('region', { name: 'Safety copies' })).toHaveCount(0);
});

/** Gives the first program a cadence of 0 days straight in IndexedDB, as data from an older version might. */
async function breakAProgramRule(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const name = (await indexedDB.databases())
      .map((database) => database.name)
      .find((found) => found && !found.endsWith('-safety')) as string;
    await new Promise<void>((resolve, reject) => {
      const opening = indexedDB.open(name);
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const db = opening.result;
        const tx = db.transaction('programs', 'readwrite');
        const store = tx.objectStore('programs');
        const all = store.getAll();
        all.onsuccess = () => store.put({ ...all.result[0], cadenceDays: 0 });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  });
}

test('a backup of records that break a rule is saved only if the manager says so, marked "needs repair"', async ({
  page,
}, testInfo) => {
  await loadSampleData(page);
  await breakAProgramRule(page);
  await openApp(page, '/backup');
  await page.getByLabel('Backup passphrase').fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Back up now' }).click();
  const problems = page.getByRole('list', { name: 'Records that break a rule' });
  // The problems are listed once the whole backup is made (read, checked, compressed, encrypted with
  // scrypt): close to 5 seconds on a quiet 2-core machine, so this waits as long as a download would.
  await expect(problems).toContainText(
    /programs record ".*" \(number \d+, field "cadenceDays"\): Meet every/,
    { timeout: 60_000 },
  );
  await expect(page.getByRole('alert').filter({ hasText: 'One record breaks a rule' })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save it, marked “needs repair”' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^Riverside Community Clinic backup \d{4}-\d{2}-\d{2} needs repair\.age$/,
  );
  await expect(page.getByRole('status').filter({ hasText: 'Backup made' })).toContainText('needs repair');
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);

  const card = page.getByRole('region', { name: 'Check a backup file' });
  const choosing = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: 'Check a backup file…' }).click();
  await (await choosing).setFiles(file);
  await card.getByLabel('Passphrase of the backup to check').fill(PASSPHRASE);
  await card.getByRole('button', { name: 'Check this backup' }).click();
  await expect(card.getByRole('alert')).toContainText('This backup needs repair. One record breaks a rule');
  await expect(card.getByRole('list', { name: 'Problems found in the backup' })).toContainText('cadenceDays');
  await expect(card.getByRole('region', { name: 'What the check found' })).toContainText(
    'Needs repair (1 problem',
  );
});
