import type { Page } from '@playwright/test';
import { expect, openApp, startEmpty, test } from './helpers';

// The passphrase's strength is checked in the background (its dictionaries load on first use). A
// manager who pastes it twice and presses Enter at once gets her backup, not "Checking the passphrase…".

const PASSPHRASE = 'orchard lantern velvet 47 harbour';

/** Slows the code loaded on demand (the strength check's dictionaries), as a busy computer would. */
async function slowLazyCode(page: Page): Promise<void> {
  await page.route(/\/assets\/(?!index-)[^/]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
}

test('a backup asked for before the strength check has answered waits for it instead of refusing', async ({
  page,
}) => {
  await slowLazyCode(page);
  await startEmpty(page);
  await openApp(page, '/backup');
  const card = page.getByRole('region', { name: 'Back up now' });
  // The second field first: the check starts with the first one, and Enter follows at once.
  await card.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await card.getByLabel('Backup passphrase').fill(PASSPHRASE);
  const downloading = page.waitForEvent('download');
  await card.getByLabel('Backup passphrase').press('Enter');
  await downloading;
  await expect(card.getByRole('status').filter({ hasText: 'Backup made' })).toBeVisible();
  await expect(card.getByText('Checking the passphrase')).toHaveCount(0);
});

test('a weak passphrase sent before the check has answered is still refused, with the reason', async ({
  page,
}) => {
  await slowLazyCode(page);
  await startEmpty(page);
  await openApp(page, '/backup');
  const card = page.getByRole('region', { name: 'Back up now' });
  await card.getByLabel('Type the passphrase again').fill('Summer2026!!');
  await card.getByLabel('Backup passphrase').fill('Summer2026!!');
  await card.getByLabel('Backup passphrase').press('Enter');
  await expect(card.getByRole('alert').filter({ hasText: 'too weak' }).first()).toBeVisible();
});
