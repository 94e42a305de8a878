import { test as base, expect, type Page } from '@playwright/test';

// Shared browser-test helpers. `test` is Playwright's test with one addition: any console error or
// uncaught exception in the page fails the test, with the messages in the failure.

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app at a route (hash routing: '/', '/people', ...). */
export async function openApp(page: Page, route = '/'): Promise<void> {
  await page.goto(`/index.html#${route}`);
}

/** Answers the first-run welcome with "Start empty" and a clinic name; ends on the dashboard. */
export async function startEmpty(page: Page, clinicName = 'Riverside Family Clinic'): Promise<void> {
  await openApp(page);
  await page.getByLabel('Clinic name').fill(clinicName);
  await page.getByRole('button', { name: 'Start empty' }).click();
  // The clinic lock is offered next (recommended); these tests skip it.
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

/** Answers the first-run welcome with "Load sample data"; ends on a populated dashboard. */
export async function loadSampleData(page: Page): Promise<void> {
  await openApp(page);
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 30_000 });
}

/** Follows a link in the main navigation. */
export async function goTo(
  page: Page,
  item: 'Dashboard' | 'People' | 'Relationships' | 'Log a meeting' | 'Reports' | 'Settings',
): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: item, exact: true }).click();
  // Each main screen's heading is its menu item: wait for it, so the next step never acts on the old screen.
  await expect(page.getByRole('heading', { level: 1, name: item, exact: true })).toBeVisible();
}
