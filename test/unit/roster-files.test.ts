import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { findDateOrder, readRosterDate } from '../../renderer/domain/roster-dates';
import {
  DEFAULT_IMPORT_CHOICES,
  dateOrders,
  type ImportChoices,
  reviewRoster,
  roleMeanings,
  titleMeanings,
} from '../../renderer/domain/roster-import';
import { suggestMapping } from '../../renderer/domain/roster-mapping';
import { buildRosterTable, findHeaderRow, type RosterGrid } from '../../renderer/domain/roster-table';
import { suggestRole, suggestTitleMeaning } from '../../renderer/domain/roster-values';
import { checkPerson } from '../../renderer/domain/rules';
import { type LoadedRosterFile, readRosterFile } from '../../renderer/features/import/roster-file';

// The roster files of test/fixtures/rosters, read as the import screen reads them: the file's bytes,
// the header found, the columns and values suggested, every line sorted with its line number.

async function load(name: string): Promise<LoadedRosterFile> {
  const bytes = new Uint8Array(await readFile(`test/fixtures/rosters/${name}`));
  const outcome = await readRosterFile(name, bytes);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.file;
}

async function importOf(name: string, sheetIndex = 0, chosen: Partial<ImportChoices> = {}) {
  const file = await load(name);
  const grid = file.sheets[sheetIndex].grid;
  const table = buildRosterTable(grid, findHeaderRow(grid));
  const mapping = suggestMapping(table.headers, table.rows);
  const choices: ImportChoices = {
    ...DEFAULT_IMPORT_CHOICES,
    lineWord: file.kind === 'xlsx' ? 'row' : 'line',
    ...chosen,
  };
  const review = reviewRoster(table.rows, mapping, [], choices);
  for (const ready of review.ready) expect(() => checkPerson(ready.person)).not.toThrow();
  return { file, table, mapping, choices, review };
}

describe('a US HR export (CSV, first and last name, month-first dates, a role column)', () => {
  it('finds every column and reads the dates month first from the whole column', async () => {
    const { mapping, table, choices } = await importOf('us-hr-export.csv');
    expect(mapping).toMatchObject({
      name: null,
      firstName: 'First Name',
      lastName: 'Last Name',
      email: 'Work Email',
      profession: 'Job Title',
      specialty: 'Department',
      hireDate: 'Original Hire Date',
      leavingDate: 'Termination Date',
      role: 'Mentorship Role',
    });
    expect(dateOrders(table.rows, mapping, choices).map((column) => [column.field, column.order])).toEqual([
      ['hireDate', 'month-first'],
      ['leavingDate', 'month-first'],
    ]);
  });

  it('suggests a profession and career stage for each job title, once per title', async () => {
    const { mapping, table, choices } = await importOf('us-hr-export.csv');
    const titles = Object.fromEntries(
      titleMeanings(table.rows, mapping, choices).map((title) => [title.text, [title.count, title.meaning]]),
    );
    expect(titles).toMatchObject({
      'Staff Nurse': [3, { profession: 'nurse', careerStage: null }],
      RN: [1, { profession: 'nurse' }],
      CNA: [1, { profession: 'allied-health' }],
      'Medical Assistant': [1, { profession: 'allied-health' }],
      'PGY-1': [1, { profession: 'resident', careerStage: 'new-graduate' }],
      'PGY-2': [1, { profession: 'resident', careerStage: 'early-career' }],
      'Attending Physician': [1, { profession: 'physician' }],
      'Charge Nurse': [1, { profession: 'nurse', careerStage: 'senior' }],
      'Physician Assistant': [1, { profession: 'allied-health' }],
      'Front Desk Receptionist': [1, { profession: 'administrative' }],
    });
  });

  it('imports the good lines and names the bad line, the one not in the program and the duplicate', async () => {
    const { review } = await importOf('us-hr-export.csv');
    expect(review.mappingProblems).toEqual([]);
    expect(review.ready.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 12, 14]);
    expect(review.ready[0].person).toEqual({
      name: 'Amara Okafor',
      email: 'amara.okafor@riverside.example',
      profession: 'physician',
      specialty: 'Family Medicine',
      careerStage: 'mid-career',
      hireDate: '2015-06-01',
      leavingDate: null,
      tags: [],
      isMentor: true,
      isMentee: false,
      mentorCapacity: 2,
    });
    expect(review.ready.find((row) => row.line === 4)?.person).toMatchObject({
      isMentor: true,
      isMentee: true,
    });
    expect(review.ready.at(-1)?.person).toMatchObject({ hireDate: '2018-04-13', leavingDate: '2025-12-31' });
    expect(review.problems).toEqual([
      {
        line: 10,
        name: 'Maria Lopez',
        reasons: ['Mentorship Role “N/A” means not in the program, so this person is left out.'],
      },
      {
        line: 11,
        name: 'Wei Chen',
        reasons: ['Hire date “02/30/2022” is not a real calendar date (read month/day/year).'],
      },
    ]);
    expect(review.duplicates.map((row) => [row.line, row.reason])).toEqual([
      [13, 'Same name and email as line 3.'],
    ]);
  });
});

describe('a European CSV (byte-order mark, semicolons, day-first dates with dots)', () => {
  it('keeps accented names and a quoted semicolon, and reads 01.09.2008 as 1 September', async () => {
    const { file, review, mapping } = await importOf('eu-semicolon-bom.csv');
    expect(file.encoding).toBe('utf-8');
    expect(mapping).toMatchObject({ name: 'Name', email: 'E-mail', profession: 'Position', role: 'Role' });
    expect(review.ready.map((row) => [row.line, row.person.name, row.person.hireDate])).toEqual([
      [2, 'Jürgen Müller', '2008-09-01'],
      [3, 'Siobhán Ní Bhriain', '2019-03-15'],
      [4, 'Zoë Ångström', '2017-11-23'],
      [6, 'Łukasz Nowak', '2024-08-02'],
      [7, 'Inès Lefèvre', '2023-01-12'],
      [8, 'Søren Østergaard', '2022-07-31'],
    ]);
    expect(review.ready[1].person.specialty).toBe('Surgery; day unit');
    expect(review.ready[0].person).toMatchObject({
      profession: 'physician',
      careerStage: 'senior',
      mentorCapacity: 3,
    });
    expect(review.ready[2].person).toMatchObject({ isMentor: true, isMentee: true });
  });

  it('flags the same person typed with decomposed accents and capitals as a duplicate', async () => {
    const { review } = await importOf('eu-semicolon-bom.csv');
    expect(review.duplicates.map((row) => [row.line, row.reason, row.person.name])).toEqual([
      [9, 'Same name and email as line 4.', 'Zoë Ångström'],
    ]);
    // Stored composed (NFC), so a search or a later import matches it however it is typed.
    expect(review.duplicates[0].person.name).toBe('Zoë Ångström'.normalize('NFC'));
  });

  it('flags someone already in People whose name was stored without accents', async () => {
    const { table, mapping, choices } = await importOf('eu-semicolon-bom.csv');
    const review = reviewRoster(
      table.rows,
      mapping,
      [{ name: 'Soren OSTERGAARD', email: 'Soren.Ostergaard@klinik.example' }],
      choices,
    );
    expect(review.duplicates.map((row) => [row.line, row.reason])).toEqual([
      [8, 'Already in People with the same name and email.'],
      [9, 'Same name and email as line 4.'],
    ]);
  });
});

describe('a Windows-1252 CSV (Excel’s plain CSV on Windows)', () => {
  it('reads accented names and the curly apostrophe instead of refusing the file', async () => {
    const { file, table } = await importOf('windows-1252.csv');
    expect(file.encoding).toBe('windows-1252');
    expect(table.rows.map((row) => row.values.Name)).toEqual([
      'José Núñez',
      'François Lefèvre',
      'Renée O’Brien',
      'Zoë Ångström',
      'Jose Nunez',
    ]);
  });

  it('asks day or month first, because every date reads both ways, and imports nothing until told', async () => {
    const asked = await importOf('windows-1252.csv');
    expect(asked.review.mappingProblems).toEqual([
      'Say how the dates in “Hire Date” are written: every one of them (such as 03/04/2019) reads both day first and month first.',
    ]);
    expect(asked.review.ready).toEqual([]);
    const answered = await importOf('windows-1252.csv', 0, { dateOrders: { hireDate: 'month-first' } });
    expect(answered.review.ready.map((row) => [row.person.name, row.person.hireDate])).toEqual([
      ['José Núñez', '2019-03-04'],
      ['François Lefèvre', '2009-11-12'],
      ['Renée O’Brien', '2021-05-06'],
      ['Zoë Ångström', '2018-01-02'],
    ]);
  });

  it('flags "Jose Nunez" as the same person as "José Núñez": names compare without accents', async () => {
    const { review } = await importOf('windows-1252.csv', 0, { dateOrders: { hireDate: 'day-first' } });
    expect(review.duplicates.map((row) => [row.line, row.reason])).toEqual([
      [6, 'Same name and email as line 2.'],
    ]);
  });
});

describe('a workbook with a title above the header (.xlsx)', () => {
  it('reads the first sheet, finds the column names on row 4 and keeps Excel’s row numbers', async () => {
    const { file, table } = await importOf('title-row.xlsx');
    expect(file.sheets.map((sheet) => sheet.name)).toEqual(['Staff', 'Departments']);
    expect(table.headerLine).toBe(4);
    expect(table.headers).toEqual([
      'Name',
      'Email',
      'Job Title',
      'Department',
      'Hire Date',
      'Role',
      'Mentor capacity',
    ]);
    expect(table.rows[0]).toMatchObject({
      line: 5,
      values: { Name: 'Léa Martin', Email: 'lea.martin@riverside.example' },
    });
  });

  it('reads real Excel dates, a date left as a serial number and a date typed as text', async () => {
    const { review } = await importOf('title-row.xlsx');
    expect(review.ready.map((row) => [row.line, row.person.name, row.person.hireDate])).toEqual([
      [5, 'Léa Martin', '2012-09-03'],
      [6, 'Omar Haddad', '2024-02-12'],
      [7, 'Grace Liu', '2019-03-15'],
      [8, 'Noah Fischer', '2016-04-25'],
      [9, 'Aisha Bello', '2025-01-06'],
    ]);
    expect(review.ready[3].person).toMatchObject({ isMentor: true, isMentee: false, mentorCapacity: 2 });
  });

  it('names each bad row: a title nobody could guess, a missing name, the total row', async () => {
    const { review } = await importOf('title-row.xlsx');
    expect(review.problems).toEqual([
      {
        line: 10,
        name: 'Tom Becker',
        reasons: ['Job Title “Scribe” has no profession chosen yet; choose one under “Match the values”.'],
      },
      { line: 11, name: '', reasons: ['Name is missing.'] },
      { line: 13, name: 'Total: 7 staff', reasons: ['Job Title is empty, so the profession is not known.'] },
    ]);
  });

  it('imports the scribe once the manager says what the title means', async () => {
    const { review } = await importOf('title-row.xlsx', 0, {
      titles: { scribe: { profession: 'administrative', careerStage: 'early-career' } },
    });
    expect(review.ready.find((row) => row.line === 10)?.person).toMatchObject({
      name: 'Tom Becker',
      profession: 'administrative',
      careerStage: 'early-career',
    });
  });

  it('lets the manager correct the header row', async () => {
    const file = await load('title-row.xlsx');
    const grid = file.sheets[0].grid;
    const wrong = buildRosterTable(grid, 0);
    expect(wrong.headerLine).toBe(1);
    expect(wrong.headers[0]).toBe('Riverside Family Clinic — Staff roster');
    const right = buildRosterTable(
      grid,
      grid.rows.findIndex((row) => row.line === 4),
    );
    expect(right.rows.map((row) => row.line)).toEqual([5, 6, 7, 8, 9, 10, 11, 13]);
  });
});

describe('a workbook with merged header cells on two rows (.xlsx)', () => {
  it('names the columns from the lower header row and the cell merged down over both', async () => {
    const { table, mapping } = await importOf('merged-header.xlsx', 1);
    expect(table.headerLine).toBe(2);
    expect(table.headers).toEqual([
      'First',
      'Last',
      'Email',
      'Title',
      'Unit',
      'Hired',
      'Left',
      'Role',
      'Capacity',
    ]);
    expect(mapping).toMatchObject({
      firstName: 'First',
      lastName: 'Last',
      email: 'Email',
      profession: 'Title',
      specialty: 'Unit',
      hireDate: 'Hired',
      leavingDate: 'Left',
      role: 'Role',
      mentorCapacity: 'Capacity',
    });
  });

  it('maps each role value once: Orientee is a mentee, Buddy is asked', async () => {
    const { table, mapping, choices, review } = await importOf('merged-header.xlsx', 1);
    expect(roleMeanings(table.rows, mapping, choices).map((role) => [role.text, role.meaning])).toEqual([
      ['Mentee', 'mentee'],
      ['Mentor', 'mentor'],
      ['Both', 'both'],
      ['Buddy', null],
      ['Orientee', 'mentee'],
    ]);
    expect(
      review.ready.map((row) => [row.line, row.person.name, row.person.profession, row.person.careerStage]),
    ).toEqual([
      [3, 'Priya Raman', 'resident', 'new-graduate'],
      [4, 'Marcus Webb', 'resident', 'early-career'],
      [5, 'Helen Okoro', 'physician', 'mid-career'],
      [6, 'Sofia Reyes', 'nurse', 'mid-career'],
      [7, 'Liam O’Connor', 'nurse', 'mid-career'],
      [8, 'Mei Tanaka', 'allied-health', 'mid-career'],
    ]);
    expect(review.ready[4].person).toMatchObject({ hireDate: '2014-11-03', leavingDate: '2025-05-30' });
    expect(review.problems).toEqual([
      {
        line: 9,
        name: 'Jonas Berg',
        reasons: [
          'Role “Buddy” is not matched to mentor or mentee yet; choose what it means under “Match the values”.',
        ],
      },
    ]);
    const answered = await importOf('merged-header.xlsx', 1, { roles: { buddy: 'mentor' } });
    expect(answered.review.ready.find((row) => row.line === 9)?.person).toMatchObject({
      isMentor: true,
      isMentee: false,
    });
  });

  it('prefixes the group title when two columns under different groups share a name', () => {
    const grid: RosterGrid = {
      rows: [
        { line: 1, cells: ['Name', 'Hire', '', 'Leaving', ''] },
        { line: 2, cells: ['', 'Date', 'Reason', 'Date', 'Reason'] },
        { line: 3, cells: ['Ann Lee', '2020-01-01', 'new unit', '', ''] },
      ],
      merges: [
        { top: 1, bottom: 2, left: 0, right: 0 },
        { top: 1, bottom: 1, left: 1, right: 2 },
        { top: 1, bottom: 1, left: 3, right: 4 },
      ],
      strictWidth: false,
    };
    const table = buildRosterTable(grid, 0);
    expect(table.headers).toEqual(['Name', 'Hire Date', 'Hire Reason', 'Leaving Date', 'Leaving Reason']);
    expect(table.rows).toEqual([
      {
        line: 3,
        values: {
          Name: 'Ann Lee',
          'Hire Date': '2020-01-01',
          'Hire Reason': 'new unit',
          'Leaving Date': '',
          'Leaving Reason': '',
        },
      },
    ]);
  });
});

describe('a career stage column', () => {
  it('reads the app’s stages and common words, and asks once about a grade it cannot know', async () => {
    const { parseRosterText } = await import('../../renderer/features/import/roster-csv');
    const parsed = parseRosterText(
      'Name,Job title,Career level,Role\nAnn Lee,Staff Nurse,Junior,Mentee\nBen Roy,RN,Band 6,Mentee\nCara Diaz,RN,band 6,Mentor\nDan Wu,PGY-1,,Mentee\n',
    );
    if (!parsed.ok) throw new Error(parsed.message);
    const mapping = suggestMapping(parsed.headers, parsed.rows);
    expect(mapping.careerStage).toBe('Career level');
    const asked = reviewRoster(parsed.rows, mapping, []);
    expect(asked.ready.map((row) => [row.person.name, row.person.careerStage])).toEqual([
      ['Ann Lee', 'early-career'],
      // No stage in the column: the one the job title says.
      ['Dan Wu', 'new-graduate'],
    ]);
    expect(asked.problems.map((problem) => [problem.line, problem.reasons])).toEqual([
      [
        3,
        ['Career level “Band 6” is not matched to a career stage yet; choose one under “Match the values”.'],
      ],
      [
        4,
        ['Career level “band 6” is not matched to a career stage yet; choose one under “Match the values”.'],
      ],
    ]);
    const answered = reviewRoster(parsed.rows, mapping, [], { stages: { 'band 6': 'senior' } });
    expect(answered.ready.map((row) => row.person.careerStage)).toEqual([
      'early-career',
      'senior',
      'senior',
      'new-graduate',
    ]);
  });
});

describe('dates and values in general', () => {
  it('reads the date forms clinics use', () => {
    const read = (raw: string, order: 'day-first' | 'month-first' | null = null) =>
      readRosterDate(raw, 'Hire date', order);
    expect(read('2019-03-15')).toEqual({ ok: true, value: '2019-03-15' });
    expect(read('2019-03-15 00:00:00')).toEqual({ ok: true, value: '2019-03-15' });
    expect(read('03/15/2019', 'month-first')).toEqual({ ok: true, value: '2019-03-15' });
    expect(read('15/03/2019', 'day-first')).toEqual({ ok: true, value: '2019-03-15' });
    expect(read('15.03.2019', 'day-first')).toEqual({ ok: true, value: '2019-03-15' });
    expect(read('3/15/19', 'month-first')).toEqual({ ok: true, value: '2019-03-15' });
    expect(read('43539')).toEqual({ ok: true, value: '2019-03-15' });
    expect(read('2019')).toMatchObject({ ok: false });
  });

  it('finds the order from any value that reads only one way, and asks only when all read both', () => {
    expect(findDateOrder(['03/04/2019', '03/15/2019', ''])).toMatchObject({
      order: 'month-first',
      ambiguous: false,
    });
    expect(findDateOrder(['03.04.2019', '15.03.2019'])).toMatchObject({
      order: 'day-first',
      ambiguous: false,
    });
    expect(findDateOrder(['03/04/2019', '11/12/2020'])).toMatchObject({ order: null, ambiguous: true });
    expect(findDateOrder(['2019-03-04', '43539'])).toMatchObject({ order: null, ambiguous: false });
  });

  it('says which day a date would be when one value breaks the column’s order', () => {
    expect(readRosterDate('15/03/2019', 'Hire date', 'month-first')).toEqual({
      ok: false,
      reason:
        'Hire date “15/03/2019” is not a date when read month/day/year like the rest of the column; is it 2019-03-15?',
    });
  });

  it('suggests the common title and role spellings', () => {
    expect(suggestTitleMeaning('Senior Staff Nurse')).toEqual({ profession: 'nurse', careerStage: 'senior' });
    expect(suggestTitleMeaning('Medical Student')).toEqual({ profession: 'student', careerStage: 'student' });
    expect(suggestTitleMeaning('Radiology Technologist')).toEqual({
      profession: 'allied-health',
      careerStage: null,
    });
    expect(suggestTitleMeaning('Psychiatrist')).toEqual({ profession: 'physician', careerStage: null });
    expect(suggestTitleMeaning('Volunteer')).toEqual({ profession: null, careerStage: null });
    expect(
      ['Mentor', 'mentee', 'BOTH', 'Mentor/Mentee', 'Protégé', 'Preceptor', 'None', 'n/a', 'Janitor'].map(
        suggestRole,
      ),
    ).toEqual(['mentor', 'mentee', 'both', 'both', 'mentee', 'mentor', 'neither', 'neither', null]);
  });
});
