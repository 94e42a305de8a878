import { addPerson, addProgram, chooseMentee, day, pair } from './clinic-steps';
import { expect, goTo, loadSampleData, startEmpty, test } from './helpers';

// A half-typed form is never lost by a stray click: leaving it asks first; an untouched or saved form
// leaves without a question.

const question = (page: import('@playwright/test').Page) =>
  page.getByRole('dialog', { name: 'Leave without saving?' });

test('a half-typed person asks before leaving; keep editing keeps the text, discard leaves', async ({
  page,
}) => {
  await startEmpty(page);
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a person' })).toBeVisible();
  // Untouched: leaving asks nothing.
  await goTo(page, 'Dashboard');
  await expect(question(page)).toHaveCount(0);

  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Amara Okafor');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(question(page)).toBeVisible();
  await question(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(question(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Add a person' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Amara Okafor');

  // Back in the browser asks too.
  await page.goBack();
  await expect(question(page)).toBeVisible();
  await question(page).getByRole('button', { name: 'Leave and discard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByText('Nobody is here yet.')).toBeVisible();
});

test('a half-typed pairing asks before leaving, and a saved form leaves without asking', async ({ page }) => {
  await startEmpty(page);
  await addProgram(page, 'New-graduate nurse residency', 14);
  await addPerson(page, 'Amara Okafor', 'mentor');
  await addPerson(page, 'Ben Roy', 'mentee');
  await expect(question(page)).toHaveCount(0);
  await goTo(page, 'Relationships');
  await page.getByRole('link', { name: 'New pairing' }).click();
  await chooseMentee(page, 'Ben Roy');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(question(page)).toBeVisible();
  await question(page).getByRole('button', { name: 'Leave and discard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
});

test('a half-typed meeting asks before leaving, and closing the tab asks the browser’s question', async ({
  page,
}) => {
  await loadSampleData(page);
  await goTo(page, 'Log a meeting');
  await page.getByRole('list', { name: 'Active pairs' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log a meeting' })).toBeVisible();
  await page.getByLabel('Notes').fill('Talked about the first night shifts.');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(question(page)).toBeVisible();
  await question(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Notes')).toHaveValue('Talked about the first night shifts.');

  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);
});

test('closing a half-typed pairing edit asks first; an untouched one closes at once', async ({ page }) => {
  await startEmpty(page);
  await addProgram(page, 'New-graduate nurse residency', 14);
  await addPerson(page, 'Amara Okafor', 'mentor');
  await addPerson(page, 'Jonas Berg', 'mentor');
  await addPerson(page, 'Ben Roy', 'mentee');
  await pair(page, 'Ben Roy', 'Amara Okafor', day(5));
  const edit = page.getByRole('dialog', { name: 'Edit pairing details' });
  const discard = page.getByRole('dialog', { name: 'Discard your changes?' });

  await page.getByRole('button', { name: 'Edit details' }).click();
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(edit).toHaveCount(0);
  await expect(discard).toHaveCount(0);

  await page.getByRole('button', { name: 'Edit details' }).click();
  const mentor = edit.getByRole('group', { name: 'Mentor' });
  await mentor.getByLabel('Find the mentor').fill('jonas');
  await mentor.getByRole('radio', { name: /Jonas Berg/ }).check();
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: 'Cancel' }).click();
  await expect(discard).toHaveCount(0);
  await expect(mentor.getByRole('radio', { name: /Jonas Berg/ })).toBeChecked();

  await page.keyboard.press('Escape');
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: 'Discard changes' }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Ben Roy with Amara Okafor' })).toBeVisible();
});
