import type { Page } from '@playwright/test';
import { expect, goTo, startEmpty, test } from './helpers';

// The clinic's only copy: the app asks the browser engine to keep it, and says in Settings whether it will.

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
