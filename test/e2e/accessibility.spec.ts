import type { Page } from '@playwright/test';
import { chooseMentee } from './clinic-steps';
import { expect, expectNoSeriousViolations, goTo, loadSampleData, openApp, test } from './helpers';

// Every main screen, filled with the sample clinic, scanned with axe-core: no serious or critical
// accessibility problems (WCAG 2.1 A and AA rules).

async function heading(page: Page, name: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('the welcome screen has no serious accessibility problems', async ({ page }) => {
  await openApp(page);
  await heading(page, 'Welcome to Guiding Hands');
  await expectNoSeriousViolations(page, 'welcome');
});

test('every main screen with the sample clinic has no serious accessibility problems', async ({ page }) => {
  await loadSampleData(page);
  await expect(page.getByRole('region', { name: 'Overdue for a meeting' })).toBeVisible();
  await expectNoSeriousViolations(page, 'dashboard');

  await goTo(page, 'People');
  await heading(page, 'People');
  await expectNoSeriousViolations(page, 'people');

  await page.getByRole('table', { name: 'People' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Meeting history' })).toBeVisible();
  await expectNoSeriousViolations(page, 'person page');

  await goTo(page, 'Relationships');
  await heading(page, 'Relationships');
  await expectNoSeriousViolations(page, 'relationships');

  await page
    .getByRole('table', { name: 'Pairings' })
    .getByRole('row')
    // The newest pairs come first and may not have met yet: the first active pair that has met.
    .filter({ hasText: 'Active' })
    .filter({ has: page.locator('td:last-child', { hasText: /\d{4}/ }) })
    .first()
    .getByRole('link')
    .click();
  await expect(page.getByRole('list', { name: 'Meeting timeline, newest first' })).toBeVisible();
  await expectNoSeriousViolations(page, 'relationship page');

  await page.getByRole('button', { name: 'End early' }).click();
  await expect(page.getByRole('dialog', { name: 'End this pairing early?' })).toBeVisible();
  await expectNoSeriousViolations(page, 'confirm dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Log meeting', exact: true }).click();
  await heading(page, 'Log a meeting');
  await page.getByRole('button', { name: 'Add an action item' }).click();
  await expectNoSeriousViolations(page, 'log meeting');

  await goTo(page, 'Log a meeting');
  await expect(page.getByLabel('Find the pair that met')).toBeVisible();
  await expectNoSeriousViolations(page, 'log meeting: choose the pair');

  await goTo(page, 'Relationships');
  await page.getByRole('link', { name: 'New pairing' }).click();
  await heading(page, 'New pairing');
  await chooseMentee(page);
  await page.getByLabel('Program').selectOption({ index: 1 });
  await expect(page.getByRole('group', { name: 'Choose a mentor' })).toBeVisible();
  await expectNoSeriousViolations(page, 'new pairing');

  // Leaving the half-filled pairing asks first.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await expectNoSeriousViolations(page, 'leave without saving');
  await leave.getByRole('button', { name: 'Leave and discard' }).click();
  await heading(page, 'Settings');
  await expectNoSeriousViolations(page, 'settings');
});

test('the keyboard alone reaches the main content and logs a meeting', async ({ page }) => {
  await loadSampleData(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('button', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Log a meeting' }).last()).toBeFocused();

  // From the overdue list: the first row's "Log meeting" opens the form for that pair.
  await page
    .getByRole('list', { name: 'Pairs overdue for a meeting' })
    .getByRole('link', { name: /^Log meeting for/ })
    .first()
    .focus();
  await page.keyboard.press('Enter');
  await heading(page, 'Log a meeting');
  const chip = page.getByRole('button', { name: 'Ethics' });
  await chip.focus();
  await page.keyboard.press('Space');
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(chip).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Enter');
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('Notes').focus();
  await page.keyboard.type('Talked about consent.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'About this pairing' })).toBeVisible();
  await expect(page.getByText('Talked about consent.')).toBeVisible();
});
