import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, goTo, loadSampleData, startEmpty, test } from './helpers';

// The manager imports the files clinics' HR and scheduling systems really export (test/fixtures/rosters):
// a US HR CSV, a European semicolon CSV, a Windows-1252 CSV, and two Excel workbooks, one with a title
// above the header and one with merged header cells. Each starts from an empty clinic; one from the sample.

const FIXTURES = 'test/fixtures/rosters';

async function openImport(page: Page): Promise<void> {
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Import a roster (Excel or CSV)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import a roster' })).toBeVisible();
}

async function chooseFixture(page: Page, name: string): Promise<void> {
  await page.getByLabel('Roster file (Excel or CSV)').setInputFiles(`${FIXTURES}/${name}`);
  await expect(page.getByText(`Read from “${name}”.`)).toBeVisible();
}

function summary(page: Page) {
  return page.getByRole('status').filter({ hasText: 'ready to import' });
}

function problemLines(page: Page) {
  return page.getByRole('list', { name: 'Lines with problems' }).getByRole('listitem');
}

function duplicateLines(page: Page) {
  return page.getByRole('list', { name: 'Duplicates' }).getByRole('listitem');
}

async function importAndOpenPeople(page: Page, count: number): Promise<void> {
  await page.getByRole('button', { name: `Import ${count} people` }).click();
  await expect(page.getByRole('heading', { name: `Imported ${count} people` })).toBeFocused();
  await page.getByRole('link', { name: 'Go to People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
}

/** No serious or critical accessibility problem on the screen as it stands. */
async function expectAccessible(page: Page): Promise<void> {
  const scan = await new AxeBuilder({ page }).analyze();
  const serious = scan.violations.filter((violation) =>
    ['serious', 'critical'].includes(violation.impact ?? ''),
  );
  expect(serious).toEqual([]);
}

function peopleNames(page: Page) {
  return page.getByRole('table').getByRole('row').getByRole('link');
}

test('a US HR export imports its good lines, with job titles and roles mapped once each', async ({
  page,
}) => {
  await startEmpty(page);
  await openImport(page);
  await chooseFixture(page, 'us-hr-export.csv');

  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('2');
  await expect(page.getByLabel('Role in the program (mentor, mentee or both)')).toHaveValue('10');
  await expect(page.getByText('read month first, like 03/15/2019').first()).toBeVisible();
  await expect(page.getByLabel('Profession for “CNA”')).toHaveValue('allied-health');
  await expect(page.getByLabel('Profession for “Medical Assistant”')).toHaveValue('allied-health');
  await expect(page.getByLabel('Profession for “PGY-1”')).toHaveValue('resident');
  await expect(page.getByLabel('Career stage for “PGY-1”')).toHaveValue('new-graduate');
  await expect(page.getByLabel('Profession for “Staff Nurse”')).toHaveValue('nurse');
  await expect(page.getByLabel('Meaning of “N/A”')).toHaveValue('neither');

  await expect(summary(page)).toHaveText(
    '10 people are ready to import; 2 lines have problems; 1 line repeats someone already known.',
  );
  // The preview says what each of the first lines becomes.
  await expect(
    page.getByRole('cell', { name: /^Physician, mid career; mentor; hired (1 Jun 2015|Jun 1, 2015)$/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('cell', {
      name: /^Nurse, mid career; mentor and mentee; hired (15 Mar 2019|Mar 15, 2019)$/,
    }),
  ).toBeVisible();
  await expect(problemLines(page)).toHaveText([
    'Line 10 (Maria Lopez): Mentorship Role “N/A” means not in the program, so this person is left out.',
    'Line 11 (Wei Chen): Hire date “02/30/2022” is not a real calendar date (read month/day/year).',
  ]);
  await expect(duplicateLines(page)).toHaveText([
    'Line 13 (Benjamin Roy, BEN.ROY@riverside.example): Same name and email as line 3.',
  ]);

  // The manager decides the front desk takes part after all: one choice, every line with that value.
  await page.getByLabel('Meaning of “N/A”').selectOption('mentee');
  await expect(summary(page)).toHaveText(
    '11 people are ready to import; 1 line has problems; 1 line repeats someone already known.',
  );
  await importAndOpenPeople(page, 11);
  await expect(peopleNames(page)).toHaveCount(11);
  await page.getByRole('link', { name: 'Priya Patel' }).click();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('Resident');
  await expect(details).toContainText('New graduate');
  await expect(details).toContainText(/1 Jul 2025|Jul 1, 2025/);
});

test('a European CSV with a byte-order mark, semicolons and day-first dates imports its accented names', async ({
  page,
}) => {
  await startEmpty(page);
  await openImport(page);
  await chooseFixture(page, 'eu-semicolon-bom.csv');

  await expect(page.getByText('read day first, like 15/03/2019')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Siobhán Ní Bhriain' })).toBeVisible();
  await expect(page.getByLabel('Meaning of “Mentor & Mentee”')).toHaveValue('both');
  await expect(summary(page)).toHaveText(
    '6 people are ready to import; 0 lines have problems; 1 line repeats someone already known.',
  );
  await expect(duplicateLines(page)).toContainText(['Line 9']);
  await expect(duplicateLines(page)).toContainText(['Same name and email as line 4.']);

  await importAndOpenPeople(page, 6);
  await expect(peopleNames(page)).toHaveCount(6);
  for (const name of ['Łukasz Nowak', 'Siobhán Ní Bhriain', 'Zoë Ångström', 'Søren Østergaard'])
    await expect(page.getByRole('link', { name })).toBeVisible();
  await page.getByRole('link', { name: 'Jürgen Müller' }).click();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText(/1 Sept? 2008|Sep 1, 2008/);
});

test('a Windows-1252 CSV shows its accented names, and asks how its dates are written', async ({ page }) => {
  await startEmpty(page);
  await openImport(page);
  await chooseFixture(page, 'windows-1252.csv');

  await expect(page.getByText(/Read as Windows-1252/)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'José Núñez' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Renée O’Brien' })).toBeVisible();
  // Every date reads both ways: nothing can be imported until the manager says which.
  await expect(page.getByText('Say how the dates in “Hire Date” are written')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 0 people' })).toBeDisabled();

  const question = page.getByRole('group', { name: /How are the dates in “Hire Date” written/ });
  await expect(question.getByLabel(/Day first/)).toHaveAccessibleName(
    /^Day first: 03\/04\/2019 is (3 Apr 2019|Apr 3, 2019)$/,
  );
  await expect(question.getByLabel(/Month first/)).toHaveAccessibleName(
    /^Month first: 03\/04\/2019 is (4 Mar 2019|Mar 4, 2019)$/,
  );
  await expectAccessible(page);
  await page
    .getByRole('group', { name: /How are the dates in “Hire Date” written/ })
    .getByLabel(/Month first/)
    .check();
  await expect(summary(page)).toHaveText(
    '4 people are ready to import; 0 lines have problems; 1 line repeats someone already known.',
  );
  await expect(duplicateLines(page)).toHaveText([
    'Line 6 (Jose Nunez, JOSE.NUNEZ@clinica.example): Same name and email as line 2.',
  ]);
  await importAndOpenPeople(page, 4);
  await expect(peopleNames(page)).toHaveText([
    'François Lefèvre',
    'José Núñez',
    'Renée O’Brien',
    'Zoë Ångström',
  ]);
  await page.getByRole('link', { name: 'José Núñez' }).click();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText(/4 Mar 2019|Mar 4, 2019/);
});

test('a workbook with a title above the header is read from the row of column names', async ({ page }) => {
  await startEmpty(page);
  await openImport(page);
  await chooseFixture(page, 'title-row.xlsx');

  const headerRow = page.getByLabel('Column names are on');
  await expect(headerRow.locator('option:checked')).toHaveText(
    'Row 4: Name, Email, Job Title, Department, …',
  );
  await expect(page.getByLabel('Sheet')).toHaveValue('0');
  await expect(problemLines(page)).toHaveText([
    'Row 10 (Tom Becker): Job Title “Scribe” has no profession chosen yet; choose one under “Match the values”.',
    'Row 11: Name is missing.',
    'Row 13 (Total: 7 staff): Job Title is empty, so the profession is not known.',
  ]);
  await expect(page.getByText('1 value needs your choice')).toBeVisible();
  await expectAccessible(page);

  // A wrong header row is corrected by the manager, and corrected back.
  await headerRow.selectOption({ label: 'Row 1: Riverside Family Clinic — Staff roster' });
  await expect(page.getByRole('heading', { name: 'Before anything can be imported' })).toBeVisible();
  await headerRow.selectOption({ label: 'Row 4: Name, Email, Job Title, Department, …' });

  await page.getByLabel('Profession for “Scribe”').selectOption('administrative');
  await page.getByLabel('Career stage for “Scribe”').selectOption('early-career');
  await expect(summary(page)).toHaveText(
    '6 people are ready to import; 2 lines have problems; 0 lines repeat someone already known.',
  );
  await importAndOpenPeople(page, 6);
  await expect(peopleNames(page)).toHaveText([
    'Aisha Bello',
    'Grace Liu',
    'Léa Martin',
    'Noah Fischer',
    'Omar Haddad',
    'Tom Becker',
  ]);
  await page.getByRole('link', { name: 'Grace Liu' }).click();
  // Stored in the workbook as the bare serial number 43539.
  await expect(page.getByRole('region', { name: 'Details' })).toContainText(/15 Mar 2019|Mar 15, 2019/);
});

test('a workbook with merged header cells imports from the sheet the manager chooses', async ({ page }) => {
  await startEmpty(page);
  await openImport(page);
  await chooseFixture(page, 'merged-header.xlsx');

  // The first sheet is a note for whoever fills the file in, not the roster.
  await expect(page.getByText('“Read me” has a single column of text, not a staff list.')).toBeVisible();
  await expect(page.getByRole('heading', { name: '3. Match the columns' })).toHaveCount(0);
  await page.getByLabel('Sheet').selectOption({ label: 'Roster (9 rows)' });
  await expect(page.getByLabel('Column names are on').locator('option:checked')).toHaveText(
    'Row 2: First, Last, Title, Unit, …',
  );
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('2');
  await expect(page.getByLabel('Meaning of “Orientee”')).toHaveValue('mentee');
  await expect(page.getByLabel('Meaning of “Buddy”')).toHaveValue('');
  await expect(problemLines(page)).toHaveText([
    'Row 9 (Jonas Berg): Role “Buddy” is not matched to mentor or mentee yet; choose what it means under “Match the values”.',
  ]);

  await page.getByLabel('Meaning of “Buddy”').selectOption('mentor');
  await expect(summary(page)).toHaveText(
    '7 people are ready to import; 0 lines have problems; 0 lines repeat someone already known.',
  );
  await importAndOpenPeople(page, 7);
  await expect(peopleNames(page)).toHaveCount(7);
  await page.getByRole('link', { name: 'Marcus Webb' }).click();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('Early career');
});

test('a roster imported into the sample clinic adds only its own people', async ({ page }) => {
  await loadSampleData(page);
  await goTo(page, 'People');
  const count = page.getByRole('status').filter({ hasText: /^Showing/ });
  const before = Number((await count.textContent())?.match(/of (\d+)/)?.[1]);
  expect(before).toBeGreaterThan(0);

  await page.getByRole('link', { name: 'Import a roster (Excel or CSV)' }).click();
  await chooseFixture(page, 'title-row.xlsx');
  await expect(summary(page)).toHaveText(
    '5 people are ready to import; 3 lines have problems; 0 lines repeat someone already known.',
  );
  await importAndOpenPeople(page, 5);
  await expect(count).toContainText(`of ${before + 5} people.`);

  // The same workbook again: everyone is now known, so nobody can be added twice.
  await page.getByRole('link', { name: 'Import a roster (Excel or CSV)' }).click();
  await chooseFixture(page, 'title-row.xlsx');
  await expect(duplicateLines(page)).toHaveCount(5);
  await expect(duplicateLines(page).first()).toContainText(
    'Row 5 (Léa Martin, lea.martin@riverside.example)',
  );
  await expect(page.getByRole('button', { name: 'Import 0 people' })).toBeDisabled();
});
