import { addPerson } from './clinic-steps';
import { expect, goTo, loadSampleData, startEmpty, test } from './helpers';

// "Look around first", then "Start for real": the sample clinic goes, what the manager entered stays.

test('"Start for real" on the dashboard removes the sample clinic and keeps the person the manager added', async ({
  page,
}) => {
  await loadSampleData(page);
  const notice = page.getByRole('region', { name: 'You are looking at a sample clinic' });
  await expect(notice).toBeVisible();
  await addPerson(page, 'Noor Haddad', 'mentor');

  await goTo(page, 'Dashboard');
  await notice.getByRole('button', { name: 'Start for real' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the sample clinic?' });
  await dialog.getByRole('button', { name: 'Remove sample data' }).click();
  await expect(dialog.getByLabel("Your clinic's name")).toHaveAccessibleDescription(
    /The clinic needs a name/,
  );
  await dialog.getByLabel("Your clinic's name").fill('Harbour Street Clinic');
  await dialog.getByRole('button', { name: 'Remove sample data' }).click();

  await expect(
    page.getByRole('status').getByText('The sample clinic was removed. Your clinic is ready.'),
  ).toBeVisible();
  await expect(notice).toHaveCount(0);
  await expect(page.getByText('No active pairs yet.')).toBeVisible();
  await expect(page.getByText('Harbour Street Clinic')).toBeVisible();
  await goTo(page, 'People');
  await expect(page.getByRole('table', { name: 'People' }).getByRole('link')).toHaveText(['Noor Haddad']);
  await goTo(page, 'Relationships');
  await expect(page.getByText('No pairings yet.')).toBeVisible();
});

test('Settings offers "Start for real" too, and Cancel keeps the sample clinic', async ({ page }) => {
  await loadSampleData(page);
  await goTo(page, 'Settings');
  const notice = page.getByRole('region', { name: 'You are looking at a sample clinic' });
  await notice.getByRole('button', { name: 'Start for real' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the sample clinic?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(notice).toBeVisible();
  await goTo(page, 'People');
  await expect(page.getByRole('table', { name: 'People' }).getByRole('row').nth(5)).toBeVisible();
});

test('a clinic that started empty is never offered to remove sample data', async ({ page }) => {
  await startEmpty(page);
  await addPerson(page, 'Noor Haddad', 'mentor');
  await goTo(page, 'Dashboard');
  await expect(page.getByRole('region', { name: 'Active pairs' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start for real' })).toHaveCount(0);
  await goTo(page, 'Settings');
  await expect(page.getByRole('button', { name: 'Start for real' })).toHaveCount(0);
});
