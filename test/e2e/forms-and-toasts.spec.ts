import type { Locator, Page } from '@playwright/test';
import { addPerson, addProgram, chooseMentee, day, PROGRAM, pair } from './clinic-steps';
import { expect, goTo, startEmpty, test } from './helpers';

// Forms say everything that is wrong in one go, and toasts confirm briefly without ever sitting on
// the field the manager is typing in. From an empty clinic, as a new manager meets them.

/** The error message tied to a field, as a screen reader reads it with the field. */
async function errorOf(field: Locator): Promise<string> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter((id) => id.endsWith('-error'))
      .map((id) => field.page().locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

test('the person, program, pairing and meeting forms show all their errors at once', async ({ page }) => {
  await startEmpty(page);

  // A new person with no name, an odd email and a capacity in words.
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByLabel('Email').fill('grace@');
  await page.getByLabel('Mentors others').check();
  await page.getByLabel('Mentor capacity').fill('');
  await page.getByRole('button', { name: 'Add person' }).click();
  expect(await errorOf(page.getByLabel('Name', { exact: true }))).toBe('Name is required.');
  expect(await errorOf(page.getByLabel('Email'))).toContain('does not look like an email address');
  expect(await errorOf(page.getByLabel('Mentor capacity'))).toContain(
    'Mentor capacity must be a whole number',
  );
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();

  // A program with nothing right.
  await leaveDiscarding(page, 'Settings');
  await page.getByRole('button', { name: 'Add a program' }).click();
  await page.getByLabel('Meet every … days').fill('0');
  await page.getByLabel('Typical length in months').fill('0');
  await page.getByRole('button', { name: 'Add program' }).click();
  expect(await errorOf(page.getByLabel('Program name'))).toBe('Program name is required.');
  expect(await errorOf(page.getByLabel('Meet every … days'))).toContain('whole number from 1 to 366');
  expect(await errorOf(page.getByLabel('Typical length in months'))).toContain('whole number of months');
  await page.getByRole('form', { name: 'New program' }).getByRole('button', { name: 'Cancel' }).click();

  // A pairing with a full mentor, no reason, and a planned end before the start.
  await addProgram(page, PROGRAM, 14);
  await addPerson(page, 'Amara Okafor', 'mentor');
  for (const mentee of ['Ben Roy', 'Chen Wei', 'Dana Cruz']) await addPerson(page, mentee, 'mentee');
  await pair(page, 'Ben Roy', 'Amara Okafor', day(10));
  await pair(page, 'Chen Wei', 'Amara Okafor', day(10));
  await goTo(page, 'Relationships');
  await page.getByRole('link', { name: 'New pairing' }).click();
  await chooseMentee(page, 'Dana Cruz');
  await page.getByLabel('Program').selectOption({ label: `${PROGRAM} (meets every 14 days)` });
  await page.getByLabel('Start date').fill(day(5));
  await page.getByLabel('Planned end').fill(day(30));
  await page
    .getByRole('group', { name: 'Choose a mentor' })
    .getByRole('radio', { name: /Amara Okafor/ })
    .check();
  await page.getByRole('button', { name: 'Create pairing' }).click();
  expect(await errorOf(page.getByLabel('Planned end'))).toContain('must be after the start date');
  expect(await errorOf(page.getByLabel("Reason to go over this mentor's capacity"))).toContain(
    'To pair them anyway, give a reason.',
  );

  // A meeting in the future, with no duration and an action item with no words.
  await leaveDiscarding(page, 'Relationships');
  await page.getByRole('link', { name: 'Ben Roy with Amara Okafor' }).click();
  await page.getByRole('link', { name: 'Log meeting', exact: true }).click();
  await page.getByLabel('Date', { exact: true }).fill('2099-01-01');
  await page.getByLabel('Duration in minutes').fill('');
  await page.getByRole('button', { name: 'Add an action item' }).click();
  await page.getByRole('button', { name: 'Save meeting' }).click();
  expect(await errorOf(page.getByLabel('Date', { exact: true }))).toContain('more than a day in the future');
  expect(await errorOf(page.getByLabel('Duration in minutes'))).toContain('whole number of minutes');
  expect(await errorOf(page.getByLabel('Action item 1', { exact: true }))).toBe(
    'Action item 1 needs a description.',
  );
  await expect(page.getByLabel('Date', { exact: true })).toBeFocused();
});

/** Leaves a half-typed form through the main navigation, discarding it when asked. */
async function leaveDiscarding(page: Page, item: 'Settings' | 'Relationships'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: item, exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Leave without saving?' })
    .getByRole('button', { name: 'Leave and discard' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: item, exact: true })).toBeVisible();
}

function boxesOverlap(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function toastOver(page: Page, field: Locator): Promise<boolean> {
  const toast = await page.getByRole('region', { name: 'Notifications' }).locator('.toast').boundingBox();
  const box = await field.boundingBox();
  return toast !== null && box !== null && boxesOverlap(toast, box);
}

test('a toast is announced, moves off the field being typed in, and goes away by itself', async ({
  page,
}) => {
  // Narrow enough that the toast spans the form's fields.
  await page.setViewportSize({ width: 520, height: 600 });
  await startEmpty(page);
  await addProgram(page, 'Leadership', 30);
  const toasts = page.getByRole('region', { name: 'Notifications' });
  // Read out through a polite live region.
  await expect(toasts.getByRole('status')).toContainText('Program "Leadership" added.');

  // A field at the very bottom of the window, right where the toast sits, gets the focus.
  await page.getByRole('button', { name: 'Add a program' }).click();
  const field = page.getByLabel('Typical length in months');
  await field.evaluate((element) => {
    const spacer = document.createElement('div');
    spacer.style.height = '100vh';
    document.querySelector('main')?.append(spacer);
    element.scrollIntoView({ block: 'end' });
  });
  await field.focus();
  await field.pressSequentially('12');
  await expect.poll(() => toastOver(page, field)).toBe(false);
  await expect(toasts.locator('.toast')).toBeVisible();

  // Shorter than before: it leaves on its own well within ten seconds.
  await expect(toasts.locator('.toast')).toHaveCount(0, { timeout: 9_000 });
});
