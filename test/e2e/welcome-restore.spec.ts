import { addPerson, backUpNow } from './clinic-steps';
import { expect, goTo, openApp, startEmpty, test } from './helpers';

// Moving to a new computer: the welcome offers the clinic's backup, so the manager never starts over
// with a fake empty clinic.

const PASSPHRASE = 'lantern meadow copper violin 42';

test('on a new computer the welcome restores the clinic from its backup and opens its dashboard', async ({
  page,
  browser,
}, testInfo) => {
  await startEmpty(page, 'Harbour Street Clinic');
  await addPerson(page, 'Amara Okafor', 'mentor');
  await openApp(page, '/backup');
  const file = testInfo.outputPath('clinic.age');
  await backUpNow(page, PASSPHRASE, file);

  // A new computer: an empty browser profile.
  const fresh = await browser.newContext();
  const newPage = await fresh.newPage();
  await openApp(newPage);
  await expect(newPage.getByRole('heading', { level: 1, name: 'Welcome to Guiding Hands' })).toBeVisible();
  const restore = newPage.getByRole('region', { name: 'Restore from a backup' });
  const choosing = newPage.waitForEvent('filechooser');
  await restore.getByRole('button', { name: 'Restore from a backup…' }).click();
  await (await choosing).setFiles(file);

  // A wrong passphrase is refused and the welcome stays.
  await restore.getByLabel('Passphrase of this backup').fill('not the passphrase');
  await restore.getByRole('button', { name: 'Open backup' }).click();
  await expect(restore.getByRole('alert')).toContainText('passphrase does not open this backup');

  await restore.getByLabel('Passphrase of this backup').fill(PASSPHRASE);
  await restore.getByRole('button', { name: 'Open backup' }).click();
  await expect(restore.getByRole('region', { name: 'What this backup holds' })).toContainText(
    'Harbour Street Clinic',
  );
  await restore.getByRole('button', { name: 'Replace my records with this backup' }).click();

  await expect(newPage.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(
    newPage.getByRole('status').getByText('Your clinic was restored from the backup.'),
  ).toBeVisible();
  await expect(newPage.getByText('Harbour Street Clinic')).toBeVisible();
  await goTo(newPage, 'People');
  await expect(newPage.getByRole('link', { name: 'Amara Okafor' })).toBeVisible();
  // Reopened later, the app goes straight to the restored clinic.
  await newPage.reload();
  await expect(newPage.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await fresh.close();
});
