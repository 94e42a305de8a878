import { addPerson, addProgram, day, pair } from './clinic-steps';
import { expect, expectNoSeriousViolations, goTo, loadSampleData, startEmpty, test } from './helpers';

// A pairing entered by mistake is corrected, or deleted with a reason, instead of being "ended early".

test('a pairing with the wrong mentor is corrected, and a mistaken one is deleted with a reason', async ({
  page,
}) => {
  await startEmpty(page);
  await addProgram(page, 'New-graduate nurse residency', 14);
  await addPerson(page, 'Amara Okafor', 'mentor');
  await addPerson(page, 'Jonas Berg', 'mentor');
  await addPerson(page, 'Ben Roy', 'mentee');
  await pair(page, 'Ben Roy', 'Amara Okafor', day(5));

  await page.getByRole('button', { name: 'Edit details' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit pairing details' });
  const mentor = edit.getByRole('group', { name: 'Mentor' });
  // The pairing's mentor is shown chosen; typing finds the others by any word of their names.
  await expect(mentor.getByRole('radio', { name: /Amara Okafor/ })).toBeChecked();
  await mentor.getByLabel('Find the mentor').fill('berg');
  await expect(mentor.getByRole('status')).toHaveText('1 mentor.');
  await expect(mentor.getByRole('radio')).toHaveCount(2);
  // Enter in the search box chooses the only match and does not save the dialog.
  await mentor.getByLabel('Find the mentor').press('Enter');
  await expect(mentor.getByRole('radio', { name: /Jonas Berg/ })).toBeChecked();
  await expect(edit).toBeVisible();
  // With several matches, Enter chooses no one and still saves nothing.
  await mentor.getByLabel('Find the mentor').fill('');
  await expect(mentor.getByRole('status')).toHaveText('2 mentors.');
  await mentor.getByLabel('Find the mentor').press('Enter');
  await expect(mentor.getByRole('radio', { name: /Jonas Berg/ })).toBeChecked();
  await expect(edit).toBeVisible();
  // Enter pressed at once after the letters (before their matches are read, or just after) chooses the
  // only match of those letters.
  await mentor.getByLabel('Find the mentor').fill('okafor');
  await mentor.getByLabel('Find the mentor').press('Enter');
  await expect(mentor.getByRole('radio', { name: /Amara Okafor/ })).toBeChecked();
  await expect(mentor.getByRole('status')).toHaveText('1 mentor.');
  // Back to Jonas Berg for the rest of the test.
  await mentor.getByLabel('Find the mentor').fill('berg');
  await expect(mentor.getByRole('radio', { name: /Jonas Berg/ })).toBeVisible();
  await expect(mentor.locator('[aria-busy="true"]')).toHaveCount(0);
  await mentor.getByLabel('Find the mentor').press('Enter');
  await expect(mentor.getByRole('radio', { name: /Jonas Berg/ })).toBeChecked();
  // Only mentees are offered as the mentee.
  const mentee = edit.getByRole('group', { name: 'Mentee' });
  await mentee.getByLabel('Find the mentee').fill('jonas');
  await expect(mentee.getByRole('status')).toHaveText('No mentee matches that search.');
  await expect(mentee.getByRole('radio', { name: /Ben Roy/ })).toBeChecked();
  await expectNoSeriousViolations(page, 'the pairing edit dialog');
  await edit.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ben Roy with Jonas Berg' })).toBeVisible();
  await expect(page.getByRole('status').getByText('The pairing was updated.')).toBeVisible();

  await page.getByRole('button', { name: 'Delete pairing' }).click();
  const remove = page.getByRole('dialog', { name: 'Delete this pairing?' });
  await remove.getByRole('button', { name: 'Delete pairing' }).click();
  await expect(remove.getByLabel('Why delete it?')).toHaveAccessibleDescription(
    'Choose why this pairing is deleted.',
  );
  await remove.getByLabel('Why delete it?').selectOption({ label: 'Entered by mistake' });
  await remove.getByRole('button', { name: 'Delete pairing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Relationships' })).toBeVisible();
  await expect(
    page.getByRole('status').getByText('The pairing Ben Roy with Jonas Berg was deleted.'),
  ).toBeVisible();
  await expect(page.getByText('No pairings yet.')).toBeVisible();

  // The report counts no pair ended early.
  await goTo(page, 'Reports');
  const report = page.getByRole('article', { name: 'Report for Last 12 months' });
  await expect(report).toBeVisible();
  await expect(report.getByRole('table', { name: 'Pairs that ended, by reason' })).toHaveCount(0);
});

test('a pairing that has met keeps its people and program, and cannot be deleted', async ({ page }) => {
  await loadSampleData(page);
  await goTo(page, 'Relationships');
  const metPair = page
    .getByRole('table', { name: 'Pairings' })
    .getByRole('row')
    .filter({ has: page.locator('td:last-child', { hasText: /\d{4}/ }) })
    .first();
  await metPair.getByRole('link').click();
  await expect(
    page.getByRole('list', { name: 'Meeting timeline, newest first' }).getByRole('listitem').first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete pairing' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Edit details' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit pairing details' });
  await expect(edit).toContainText(
    'This pairing has meetings, so its mentee, mentor and program stay as they are.',
  );
  await expect(edit.getByRole('group', { name: 'Mentor' })).toHaveCount(0);
});
