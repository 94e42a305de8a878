import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, reloadApp, startEmpty, test } from './helpers';

// A manager starts an empty clinic, imports her staff list from a CSV file, sees the bad line and the
// duplicate, and finds exactly the good people in People. A malformed file changes nothing.

const ROSTER = [
  'Name,Email,Profession,Hire date,Mentor,Mentee,Mentor capacity',
  'Amara Okafor,amara@clinic.example,Physician,2015-06-01,yes,no,3',
  'Ben Roy,ben@clinic.example,RN,2024-09-02,no,yes,',
  '',
  'Chen Wei,chen@clinic.example,Nurse,31/04/2024,no,yes,',
  '"Diaz, Carla",carla@clinic.example,Resident,2025-07-01,no,yes,',
  'ben roy,BEN@clinic.example,Nurse,2024-09-02,no,yes,',
].join('\r\n');

function watchConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    const text = `${message.text()} ${message.location().url}`;
    if (message.type() === 'error') errors.push(text);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function startEmptyAndOpenImport(page: Page) {
  await startEmpty(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.getByRole('link', { name: 'Import a roster (Excel or CSV)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import a roster' })).toBeVisible();
}

async function chooseFile(page: Page, name: string, content: string | Buffer) {
  await page.getByLabel('Roster file (Excel or CSV)').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
  });
}

test('a roster with a bad line and a duplicate imports exactly the good people', async ({ page }) => {
  const errors = watchConsoleErrors(page);
  await startEmptyAndOpenImport(page);
  // Excel's "CSV UTF-8" starts with a byte-order mark; it must not hide the first column's name.
  await chooseFile(page, 'staff.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ROSTER)]));

  await expect(page.getByLabel('Full name', { exact: true })).toHaveValue('0');
  await expect(page.getByRole('status').filter({ hasText: 'ready to import' })).toHaveText(
    '3 people are ready to import; 1 line has problems; 1 line repeats someone already known.',
  );
  const problems = page.getByRole('list', { name: 'Lines with problems' }).getByRole('listitem');
  await expect(problems).toHaveCount(1);
  await expect(problems).toContainText('Line 5 (Chen Wei)');
  await expect(problems).toContainText('Hire date “31/04/2024” is not a real calendar date');
  const duplicates = page.getByRole('list', { name: 'Duplicates' }).getByRole('listitem');
  await expect(duplicates).toHaveCount(1);
  await expect(duplicates).toContainText('Line 7');
  await expect(duplicates).toContainText('Same name and email as line 3.');
  const scan = await new AxeBuilder({ page }).analyze();
  expect(
    scan.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? '')),
  ).toEqual([]);

  await page.getByRole('button', { name: 'Import 3 people' }).click();
  await expect(page.getByRole('heading', { name: 'Imported 3 people' })).toBeFocused();
  await page.getByRole('link', { name: 'Go to People' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  const names = page.getByRole('table').getByRole('row').getByRole('link');
  await expect(names).toHaveText(['Amara Okafor', 'Ben Roy', 'Diaz, Carla']);

  // The same file a second time: everyone good is now a duplicate, so nothing more can be added.
  await page.getByRole('link', { name: 'Import a roster (Excel or CSV)' }).click();
  await chooseFile(page, 'staff.csv', ROSTER);
  await expect(page.getByRole('list', { name: 'Duplicates' }).getByRole('listitem')).toHaveCount(4);
  await expect(page.getByRole('button', { name: 'Import 0 people' })).toBeDisabled();

  await reloadApp(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(names).toHaveCount(3);
  expect(errors).toEqual([]);
});

test('a malformed file gets a plain message and imports nothing', async ({ page }) => {
  const errors = watchConsoleErrors(page);
  await startEmptyAndOpenImport(page);

  await chooseFile(
    page,
    'broken.csv',
    'Name,Email,Profession,Mentee\r\nAnn Lee,ann@x.org,Nurse,yes\r\n"Ben Roy,ben@x.org,Nurse,yes\r\n',
  );
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Line 3 has a quotation mark (") that is never closed');
  await expect(alert).toContainText('Nothing was imported.');
  await expect(page.getByText('“broken.csv” could not be read')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);

  await chooseFile(page, 'empty.csv', '');
  await expect(alert).toContainText('The file is empty');

  await chooseFile(page, 'pipes.csv', 'Name|Email|Profession\nAnn Lee|ann@x.org|Nurse\n');
  await expect(alert).toContainText('We found only one column');

  // A picture chosen by mistake.
  await chooseFile(
    page,
    'photo.csv',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  );
  await expect(alert).toContainText('This is not a text file or an Excel workbook');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByText('Nobody is here yet.')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the file input and the mapping work from the keyboard', async ({ page }) => {
  await startEmptyAndOpenImport(page);
  const input = page.getByLabel('Roster file (Excel or CSV)');
  await input.focus();
  await expect(input).toBeFocused();
  await chooseFile(page, 'names.csv', 'First name,Surname,Job,Email\nAnn,Lee,Nurse,ann@x.org\n');

  // Without a mentor or mentee column, the manager says what everyone is.
  await expect(page.getByText('Say who mentors and who is mentored')).toBeVisible();
  const menteeDefault = page.getByLabel('A blank “Is mentored” means');
  await menteeDefault.focus();
  await page.keyboard.press('ArrowDown');
  await expect(menteeDefault).toHaveValue('yes');
  await page.getByRole('button', { name: 'Import 1 person' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Imported 1 person' })).toBeFocused();
});

test('the template downloads with every column the import understands', async ({ page }) => {
  await startEmptyAndOpenImport(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a template (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('guiding-hands-roster-template.csv');
  const path = await download.path();
  const template = await readFile(path, 'utf8');
  expect(template.split('\r\n')[0]).toBe(
    '\uFEFFName,Email,Profession,Specialty or department,Career stage,Hire date,Leaving date,Interests and expertise,Mentor,Mentee,Mentor capacity',
  );

  // Filled in and read back, the template needs no column matching.
  await chooseFile(
    page,
    'filled.csv',
    `${template}Ann Lee,ann@x.org,Nurse,ICU,New graduate,2025-09-01,,,no,yes,\r\n`,
  );
  await expect(page.getByRole('status').filter({ hasText: 'ready to import' })).toHaveText(
    '1 person is ready to import; 0 lines have problems; 0 lines repeat someone already known.',
  );
});

test('a grade in the career stage column is matched once for every line that holds it', async ({ page }) => {
  await startEmptyAndOpenImport(page);
  await chooseFile(
    page,
    'grades.csv',
    'Name,Job title,Career level,Role\nAnn Lee,Staff Nurse,Junior,Mentee\nBen Roy,RN,Band 6,Mentee\nCara Diaz,RN,band 6,Mentor\n',
  );
  await expect(page.getByLabel('Career stage meant by “Junior”')).toHaveValue('early-career');
  const band = page.getByLabel('Career stage meant by “Band 6”');
  await expect(band).toHaveValue('');
  await expect(page.getByRole('list', { name: 'Lines with problems' }).getByRole('listitem')).toHaveCount(2);

  await band.selectOption('senior');
  await expect(page.getByRole('status').filter({ hasText: 'ready to import' })).toHaveText(
    '3 people are ready to import; 0 lines have problems; 0 lines repeat someone already known.',
  );
  await page.getByRole('button', { name: 'Import 3 people' }).click();
  await expect(page.getByRole('heading', { name: 'Imported 3 people' })).toBeFocused();
  await page.getByRole('link', { name: 'Go to People' }).click();
  await page.getByRole('link', { name: 'Cara Diaz' }).click();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('Senior');
});
