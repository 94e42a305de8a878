import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { addPerson, addProgram, day, importRoster, pair } from './clinic-steps';
import { expect, goTo, loadSampleData, startEmpty, test } from './helpers';

// The people list from the manager's side: sorting by a column with the mouse or the keyboard, the
// pairing filters, and saving the list exactly as shown.

function peopleTable(page: Page): Locator {
  return page.getByRole('table', { name: 'People' });
}

/** The names in the list, top to bottom. */
async function shownNames(page: Page): Promise<string[]> {
  return peopleTable(page).getByRole('row').locator('td:first-child a').allTextContents();
}

async function csvRows(download: Download): Promise<string[][]> {
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
}

test('the people list sorts by any column, with the mouse or the keyboard, and says how it is sorted', async ({
  page,
}) => {
  await loadSampleData(page);
  await goTo(page, 'People');
  const table = peopleTable(page);
  const nameHeader = table.getByRole('columnheader', { name: 'Name' });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  const byName = await shownNames(page);
  expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));

  // Name again: the order turns round.
  await table.getByRole('button', { name: 'Name' }).click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  // The rows are read again for the new order: wait for them, not only for the header.
  await expect.poll(() => shownNames(page)).toEqual([...byName].reverse());

  // Profession, from the keyboard.
  await table.getByRole('button', { name: 'Profession' }).focus();
  await page.keyboard.press('Enter');
  const professionHeader = table.getByRole('columnheader', { name: 'Profession' });
  await expect(professionHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
  const professionCells = table.getByRole('row').locator('td:nth-child(2)');
  const inOrder = (list: string[]) =>
    [...list].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
  // The rows are read again for the new order: wait for them, not only for the header.
  await expect
    .poll(async () => {
      const shown = await professionCells.allTextContents();
      return shown.join('|') === inOrder(shown).join('|');
    })
    .toBe(true);
  const professions = await professionCells.allTextContents();
  expect(new Set(professions).size).toBeGreaterThan(1);
  await page.keyboard.press('Space');
  await expect(professionHeader).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await professionCells.allTextContents())[0]).toBe(professions.at(-1));
});

test('from an empty clinic: the pairing filters find mentees without a mentor and mentors with room', async ({
  page,
}) => {
  await startEmpty(page);
  await goTo(page, 'People');
  // Nothing to sort, filter or save yet.
  await expect(page.getByText('Nobody is here yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save list as CSV' })).toHaveCount(0);

  await addProgram(page, 'New-graduate nurse residency', 14);
  await addPerson(page, 'Amara Okafor', 'mentor');
  await addPerson(page, 'Jonas Berg', 'mentor');
  await addPerson(page, 'Ben Roy', 'mentee');
  await addPerson(page, 'Chen Wei', 'mentee');
  await addPerson(page, 'Dana Cruz', 'mentee');
  // Amara takes two mentees, her full capacity; Dana has nobody yet.
  await pair(page, 'Ben Roy', 'Amara Okafor', day(10));
  await pair(page, 'Chen Wei', 'Amara Okafor', day(10));

  await goTo(page, 'People');
  const role = page.getByLabel('Role');
  await role.selectOption({ label: 'Mentees without a mentor' });
  await expect.poll(() => shownNames(page)).toEqual(['Dana Cruz']);
  await expect(page.getByText('Showing 1 of 5 people.')).toBeVisible();

  await role.selectOption({ label: 'Mentors with room' });
  await expect.poll(() => shownNames(page)).toEqual(['Jonas Berg']);

  // The list as shown is what is saved.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save list as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^people-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = await csvRows(download);
  expect(rows[0]).toEqual([
    'Name',
    'Email',
    'Profession',
    'Specialty',
    'Role',
    'Mentoring now',
    'Mentor capacity',
    'Tags',
    'Archived',
  ]);
  expect(rows.slice(1).map((row) => [row[0], row[4], row[5], row[6]])).toEqual([
    ['Jonas Berg', 'Mentor', '0', '2'],
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'The CSV file was saved.' })).toBeVisible();

  // Each mentor's load is shown from their record, and New pairing ranks the mentors by it.
  await role.selectOption({ label: 'Mentors' });
  await expect.poll(() => shownNames(page)).toEqual(['Amara Okafor', 'Jonas Berg']);
  const amaraRow = peopleTable(page).getByRole('row').filter({ hasText: 'Amara Okafor' });
  await expect(amaraRow).toContainText('mentors 2 of 2');
  await goTo(page, 'Relationships');
  await page.getByRole('link', { name: 'New pairing' }).click();
  await page.getByRole('group', { name: 'Mentee' }).getByLabel('Find the mentee').fill('Dana');
  await page
    .getByRole('group', { name: 'Mentee' })
    .getByRole('radio', { name: /Dana Cruz/ })
    .check();
  await page
    .getByLabel('Program')
    .selectOption({ label: 'New-graduate nurse residency (meets every 14 days)' });
  const mentors = page.getByRole('group', { name: 'Choose a mentor' });
  await expect(mentors.getByRole('radio', { name: /Jonas Berg/ })).toBeVisible();
  await expect(mentors.getByText(/Mentors 0 of 2/)).toBeVisible();
  await expect(mentors.getByText(/Mentors 2 of 2/)).toBeVisible();

  // A pause gives Amara a place back while Ben keeps his mentor; the list follows at once.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Relationships', exact: true })
    .click();
  await page
    .getByRole('dialog', { name: 'Leave without saving?' })
    .getByRole('button', { name: 'Leave and discard' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Relationships', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Ben Roy with Amara Okafor' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The pairing is paused.' })).toBeVisible();
  await goTo(page, 'People');
  await role.selectOption({ label: 'Mentors with room' });
  await expect.poll(() => shownNames(page)).toEqual(['Amara Okafor', 'Jonas Berg']);
  await expect(amaraRow).toContainText('mentors 1 of 2');
  await role.selectOption({ label: 'Mentees without a mentor' });
  await expect.poll(() => shownNames(page)).toEqual(['Dana Cruz']);
});

test('the list saves as CSV and as a workbook with its filters and order, every row of it', async ({
  page,
}) => {
  await loadSampleData(page);
  await goTo(page, 'People');
  await page.getByLabel('Role').selectOption({ label: 'Mentees' });
  await peopleTable(page).getByRole('button', { name: 'Profession' }).click();
  await peopleTable(page).getByRole('button', { name: 'Profession' }).click();
  await expect(peopleTable(page).getByRole('columnheader', { name: 'Profession' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  // The header turns at the click; the rows follow once the new order is read.
  await expect(peopleTable(page)).not.toHaveAttribute('aria-busy', 'true');
  const names = await shownNames(page);
  const status = (await page.getByText(/^Showing \d+ of \d+ people\.$/).textContent()) ?? '';
  const count = Number(/Showing (\d+)/.exec(status)?.[1]);
  expect(count).toBeGreaterThan(0);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save list as CSV' }).click(),
  ]);
  const rows = (await csvRows(csv)).slice(1);
  // Every person the filter keeps, not only the first page the screen draws.
  expect(rows).toHaveLength(count);
  expect(rows.slice(0, names.length).map((row) => row[0])).toEqual(names);
  expect(rows.every((row) => row[4] !== 'Mentor')).toBe(true);
  const professions = rows.map((row) => row[2]);
  expect(professions).toEqual(
    [...professions].sort((a, b) => b.localeCompare(a, undefined, { sensitivity: 'base' })),
  );

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save list as XLSX' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/^people-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const bytes = await readFile(await xlsx.path());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.getWorksheet('People')!;
  expect(sheet.rowCount).toBe(count + 1);
  expect(sheet.getCell('A1').value).toBe('Name');
  const sheetNames = sheet.getColumn(1).values.slice(2) as string[];
  expect(sheetNames).toEqual(rows.map((row) => row[0]));
  await expect(page.getByRole('status').filter({ hasText: 'The workbook was saved.' })).toBeVisible();
});

test('a long list shows a page of people by name, accents ignored, and "Show more" brings the next page', async ({
  page,
}) => {
  await startEmpty(page);
  // 130 people imported from a roster, two of them with accented or lower-case names.
  const names = Array.from({ length: 128 }, (_, index) => `Staff ${String(index).padStart(3, '0')}`);
  names.push('Émile Abbott', 'émilie abbott');
  const roster = [
    'Name,Email,Profession,Mentor,Mentee,Mentor capacity',
    ...names.map((name, index) => `${name},person${index}@clinic.example,Nurse,no,yes,`),
  ].join('\r\n');
  await importRoster(page, roster, 130);
  await page.getByRole('link', { name: 'Go to People' }).click();

  const rows = peopleTable(page).getByRole('row').locator('td:first-child a');
  await expect(rows).toHaveCount(100);
  await expect(page.getByText('Showing 100 of 130 people.')).toBeVisible();
  // Émile" sorts as "emile": after "Staff", not before it and not after "Z".
  expect((await shownNames(page)).slice(0, 2)).toEqual(['Émile Abbott', 'émilie abbott']);
  await page.getByRole('button', { name: 'Show more people' }).click();
  await expect(rows).toHaveCount(130);
  await expect(page.getByText('Showing 130 of 130 people.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show more people' })).toHaveCount(0);
  const all = await shownNames(page);
  expect(new Set(all).size).toBe(130);
  expect(all.at(-1)).toBe('Staff 127');

  // Descending, from the keyboard: the last names come first, a page at a time.
  await peopleTable(page).getByRole('button', { name: 'Name' }).focus();
  await page.keyboard.press('Enter');
  await expect(rows.first()).toHaveText('Staff 127');
  await expect(rows).toHaveCount(100);

  // A search finds a person far down the list, by the start of a word (the hint says so), not by a
  // part inside a word.
  const search = page.getByLabel('Search', { exact: true });
  await expect(search).toHaveAccessibleDescription(
    /The start of any word of a name, e-mail, specialty or tag/,
  );
  await search.fill('EMILIE');
  await expect.poll(() => shownNames(page)).toEqual(['émilie abbott']);
  await search.fill('ABB emili');
  await expect.poll(() => shownNames(page)).toEqual(['émilie abbott']);
  await search.fill('milie');
  await expect(page.getByText('Showing 0 of 130 people.')).toBeVisible();
});
