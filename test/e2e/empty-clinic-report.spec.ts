import { readFile } from 'node:fs/promises';
import { addPerson, addProgram, day, logMeetingHere, pair } from './clinic-steps';
import { expect, goTo, startEmpty, test } from './helpers';

// A clinic that started empty never stored its topic list; the report and the recognition letter
// still name the built-in topics its meetings covered.

test('a clinic that started empty sees its built-in topics by name in the report and the letter', async ({
  page,
}) => {
  await startEmpty(page);
  await addProgram(page, 'New-graduate nurse residency', 14);
  await addPerson(page, 'Amara Okafor', 'mentor');
  await addPerson(page, 'Ben Roy', 'mentee');
  await pair(page, 'Ben Roy', 'Amara Okafor', day(30));
  await logMeetingHere(page, day(10), 'First month.', ['Time management', 'Patient loss']);

  await goTo(page, 'Reports');
  const report = page.getByRole('article', { name: 'Report for Last 12 months' });
  const topics = report.getByRole('table', { name: 'Topics' });
  await expect(topics.getByRole('row', { name: /Time management 1 1/ })).toBeVisible();
  await expect(topics.getByRole('row', { name: /Patient loss 1 1/ })).toBeVisible();
  await expect(topics.getByRole('row', { name: /Ethics 0 0/ })).toBeVisible();
  await expect(page.getByText('Topic no longer listed')).toHaveCount(0);

  // The CSV export names them too.
  await page.getByLabel('CSV files').selectOption({ label: 'Topics covered' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save CSV' }).click(),
  ]);
  const csv = (await readFile(await download.path())).toString('utf8');
  expect(csv).toContain('Time management,1,1');
  expect(csv).toContain('Patient loss,1,1');
  expect(csv).not.toContain('Topic no longer listed');

  await page.getByLabel('Mentor', { exact: true }).selectOption({ label: 'Amara Okafor' });
  await expect(
    page.getByText(/time management \(1\), patient loss \(1\)|patient loss \(1\), time management \(1\)/),
  ).toBeVisible();
});
