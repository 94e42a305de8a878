import { expect, goTo, loadSampleData, openApp, startEmpty, test } from './helpers';

// The dashboard's backup card after a backup made by hand, and on a new computer right after restoring
// that backup: it names the backup the records came from, and never says no backup was made.

const PASSPHRASE = 'orchard lantern velvet 47 harbour';

test('after a restore the dashboard says which backup the records came from', async ({
  page,
  browser,
}, testInfo) => {
  await loadSampleData(page);
  await openApp(page, '/backup');
  await page.getByLabel('Backup passphrase').fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  // The strength check runs in the background: wait for its verdict, as the manager would see it.
  await expect(page.getByText('Very strong', { exact: true })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up now' }).click();
  const download = await downloading;
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: 'Backup made' })).toBeVisible();
  await goTo(page, 'Dashboard');
  const card = page.getByRole('region', { name: 'Backups' });
  await expect(card).toContainText('Last backup made by hand: less than a minute ago');
  await expect(card).toContainText('No automatic backup yet.');

  const fresh = await browser.newContext();
  const newPage = await fresh.newPage();
  await startEmpty(newPage, 'Temporary Clinic');
  await expect(newPage.getByRole('region', { name: 'Backups' })).toContainText('No backup has been made yet');
  await openApp(newPage, '/backup');
  const choosing = newPage.waitForEvent('filechooser');
  await newPage.getByRole('button', { name: 'Restore from a backup…' }).click();
  await (await choosing).setFiles(file);
  await newPage.getByLabel('Passphrase of this backup').fill(PASSPHRASE);
  await newPage.getByRole('button', { name: 'Open backup' }).click();
  await newPage.getByRole('button', { name: 'Replace my records with this backup' }).click();
  await expect(newPage.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible({ timeout: 60_000 });

  await goTo(newPage, 'Dashboard');
  const restoredCard = newPage.getByRole('region', { name: 'Backups' });
  await expect(restoredCard).toContainText('Your records came from the backup made on');
  await expect(restoredCard).toContainText('(restored less than a minute ago)');
  await expect(restoredCard).not.toContainText('No backup has been made yet');
  await fresh.close();
});
