import type { Page } from '@playwright/test';
import { importRoster } from './clinic-steps';
import { expect, goTo, openApp, startEmpty, test } from './helpers';

// The clinic's only copy: the app asks the browser engine to keep it, says in Settings whether it
// will, and refuses an import or a backup early, in words, when the disk clearly has no room.

/** Counts the page's calls to navigator.storage.persist() (the real one still answers). */
async function countPersistRequests(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const storage = navigator.storage;
    const persist = storage.persist.bind(storage);
    (window as unknown as { persistRequests: number }).persistRequests = 0;
    storage.persist = () => {
      (window as unknown as { persistRequests: number }).persistRequests += 1;
      return persist();
    };
  });
}

/** Makes the engine's estimate say that only `freeBytes` are left (the disk itself cannot be filled here). */
async function reportFreeSpace(page: Page, freeBytes: number): Promise<void> {
  await page.addInitScript((free) => {
    const storage = navigator.storage;
    const estimate = storage.estimate.bind(storage);
    storage.estimate = async () => {
      const real = await estimate();
      const usage = real.usage ?? 0;
      return { ...real, usage, quota: usage + free };
    };
  }, freeBytes);
}

test('the app asks to keep its records at start, and Settings → Backups says what the browser decided', async ({
  page,
}) => {
  await countPersistRequests(page);
  await startEmpty(page);
  expect(await page.evaluate(() => (window as unknown as { persistRequests: number }).persistRequests)).toBe(
    1,
  );
  await goTo(page, 'Settings');
  const backups = page.getByRole('region', { name: 'Backups' });
  const granted = await page.evaluate(() => navigator.storage.persisted());
  const status = backups.getByRole('region', { name: 'Permanent storage' });
  await expect(status).toContainText(
    granted ? 'Kept safe on this computer.' : 'Not guaranteed on this computer.',
  );
  await expect(status).toContainText(granted ? 'stay even when the disk runs low' : 'Make backups often');
});

test('an import that cannot fit on the disk is refused before anything is written', async ({ page }) => {
  await reportFreeSpace(page, 1024 * 1024);
  await startEmpty(page);
  await importRoster(
    page,
    'Name,Email,Profession,Mentor,Mentee\nAmara Okafor,amara@clinic.example,Physician,yes,no\nBen Roy,ben@clinic.example,Nurse,no,yes\n',
    2,
  );
  const alert = page.getByRole('alert').filter({ hasText: 'not enough free space' });
  await expect(alert).toContainText(
    "There is not enough free space on this computer's disk to import this roster",
  );
  await expect(alert).toContainText('Nothing was changed');
  await expect(alert).toContainText('Make room on the disk');
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
  await goTo(page, 'People');
  await expect(page.getByText('Nobody is here yet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Amara Okafor' })).toHaveCount(0);
});

test('a backup download that cannot fit on the disk is refused early, in words', async ({ page }) => {
  await reportFreeSpace(page, 1024 * 1024);
  await startEmpty(page);
  await openApp(page, '/backup');
  await page.getByLabel('Backup passphrase').fill('orchard lantern velvet 47 harbour');
  await page.getByLabel('Type the passphrase again').fill('orchard lantern velvet 47 harbour');
  // The strength check runs in the background: wait for its verdict, as the manager would see it.
  await expect(page.getByText('Very strong', { exact: true })).toBeVisible();
  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });
  await page.getByRole('button', { name: 'Back up now' }).click();
  const card = page.getByRole('region', { name: 'Back up now' });
  await expect(card.getByRole('alert')).toContainText(
    "There is not enough free space on this computer's disk to make a backup",
  );
  await expect(card.getByRole('alert')).toContainText('Nothing was changed');
  expect(downloads).toBe(0);
});
