import type { Page } from '@playwright/test';
import { addPerson, addProgram, day, PROGRAM, pair } from './clinic-steps';
import { expect, goTo, loadSampleData, openApp, reloadApp, startEmpty, test } from './helpers';

// Forms say what is missing where the manager is. A date typed in part (a day and a month, no year)
// reads as empty to the page: a form says so and keeps what was there, rather than saving the date as
// "none" without a word. A change that cannot be undone (completing a pairing) starts its confirmation
// on Cancel, so a second Enter does not make it. The welcome names a missing clinic name at its field.

/** An empty clinic with one program, a mentor and a mentee, paired ten days ago; ends on the pairing. */
async function startWithOnePair(page: Page): Promise<void> {
  await startEmpty(page);
  await addProgram(page, PROGRAM, 14);
  await addPerson(page, 'Amara Okafor', 'mentor');
  await addPerson(page, 'Ben Roy', 'mentee');
  await pair(page, 'Ben Roy', 'Amara Okafor', day(10));
}

test('a half-typed date is named, and nothing is saved or erased', async ({ page }) => {
  await startEmpty(page);
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Ines Duarte');
  const hireDate = page.getByLabel('Hire date');
  await hireDate.focus();
  // The month and the day, no year.
  await page.keyboard.type('0315');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Hire date is incomplete: type the day, the month and the year, or clear it.',
  );
  await expect(hireDate).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a person' })).toBeVisible();

  // Written in full, the person is added with it.
  await hireDate.fill('2024-03-15');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ines Duarte' })).toBeVisible();
  const shownHireDate = await page.getByText('Hire date', { exact: true }).locator('xpath=..').textContent();
  expect(shownHireDate).toMatch(/2024/);

  // An existing date with its year cleared is not erased.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Hire date').focus();
  // The month, the day, then the year: cleared.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Backspace');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('Hire date is incomplete');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await expect(page.getByLabel('Hire date')).toBeFocused();
});

test('completing a pairing starts its confirmation on Cancel', async ({ page }) => {
  await startWithOnePair(page);
  await page.getByRole('button', { name: 'Complete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark this pairing as completed?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Complete' })).toBeVisible();
});

test('the welcome says a missing clinic name next to the field, which takes the cursor', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Start empty' }).focus();
  await page.keyboard.press('Enter');
  const name = page.getByLabel('Clinic name');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/The clinic needs a name\./);

  // Named and started, then the app closed at the lock offer: the welcome comes back with the name kept.
  await name.fill('Riverside Family Clinic');
  await page.getByRole('button', { name: 'Start empty' }).click();
  await expect(page.getByRole('button', { name: 'Skip for now' })).toBeVisible();
  await reloadApp(page);
  await expect(page.getByLabel('Clinic name')).toHaveValue('Riverside Family Clinic');
});

test('a pairing picked to log a meeting puts the cursor at the start of its form', async ({ page }) => {
  await startWithOnePair(page);
  await goTo(page, 'Log a meeting');
  await page.getByLabel('Find the pair that met').fill('ben');
  const link = page
    .getByRole('list', { name: 'Active pairs' })
    .getByRole('link', { name: 'Ben Roy with Amara Okafor' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Save meeting' })).toBeVisible();
  await expect(page.locator('#main')).toBeFocused();
  // The next Tab goes into the form, not back to the top of the page.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement))).toBe(
    true,
  );

  // An action item added takes the cursor in its text; removed, the cursor goes back to "Add".
  const add = page.getByRole('button', { name: 'Add an action item' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Action item 1' })).toBeFocused();
  await page.getByRole('button', { name: 'Remove action item 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Action item 1' })).toHaveCount(0);
  await expect(add).toBeFocused();
});

test('ticking off a late action item by keyboard moves on to the next one', async ({ page }) => {
  await loadSampleData(page);
  const late = page.getByRole('list', { name: 'Action items past due' }).getByRole('checkbox');
  // count() does not wait: the dashboard's card is shown first, on a busy machine after a while.
  await expect(late.first()).toBeVisible();
  const lateCount = await late.count();
  expect(lateCount).toBeGreaterThan(1);
  const secondId = (await late.nth(1).getAttribute('id')) ?? '';
  await late.first().focus();
  await page.keyboard.press('Space');
  await expect(late).toHaveCount(lateCount - 1);
  // The cursor is on the item that was second, now first: Space again ticks it, no Tab across the page.
  await expect(page.locator(`[id="${secondId}"]`)).toBeFocused();
});
