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
