import AxeBuilder from '@axe-core/playwright';
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

/**
 * The second configuration ("locked" in playwright.config.ts): the suites named there run again with the
 * clinic lock on. Once a test's clinic exists, the lock is turned on; every later page load shows the lock
 * screen, which these helpers unlock, so the tests themselves read the same in both configurations.
 */
const lockedPages = new WeakSet<Page>();

function lockedConfiguration(): boolean {
  return test.info().project.name === 'locked';
}

async function lockIfConfigured(page: Page): Promise<void> {
  if (!lockedConfiguration() || lockedPages.has(page)) return;
  const { turnLockOn, unlock } = await import('./lock-steps');
  await turnLockOn(page);
  await unlock(page);
  lockedPages.add(page);
}

/** After a page load the lock screen shows; a move within the page (a new route only) keeps it unlocked. */
async function unlockIfConfigured(page: Page): Promise<void> {
  if (!lockedPages.has(page)) return;
  const lockScreen = page.getByRole('heading', { level: 1, name: 'This clinic is locked' });
  await expect(lockScreen.or(page.getByRole('navigation', { name: 'Main' }))).toBeVisible();
  if (!(await lockScreen.isVisible())) return;
  const { unlock } = await import('./lock-steps');
  await unlock(page);
}

/** Opens the app at a route (hash routing: '/', '/people', ...). */
export async function openApp(page: Page, route = '/'): Promise<void> {
  await page.goto(`/index.html#${route}`);
  await unlockIfConfigured(page);
}

/** Reloads the page (and, with the lock on, unlocks it again). */
export async function reloadApp(page: Page): Promise<void> {
  await page.reload();
  await unlockIfConfigured(page);
}

/** Answers the first-run welcome with "Start empty" and a clinic name; ends on the dashboard. */
export async function startEmpty(page: Page, clinicName = 'Riverside Family Clinic'): Promise<void> {
  await openApp(page);
  await page.getByLabel('Clinic name').fill(clinicName);
  await page.getByRole('button', { name: 'Start empty' }).click();
  // The clinic lock is offered next (recommended); these tests skip it.
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await lockIfConfigured(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 30_000 });
}

/** Answers the first-run welcome with "Load sample data"; ends on a populated dashboard. */
export async function loadSampleData(page: Page): Promise<void> {
  await openApp(page);
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 30_000 });
  await lockIfConfigured(page);
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

/** Fails with the list of every serious or critical WCAG 2.1 A/AA problem axe finds on the page. */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
  expect(serious, `accessibility problems on ${screen}`).toEqual([]);
}
