import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { switchDatabase } from '../../renderer/data/db';
import { createPeopleInBulk, createPerson, listPeople } from '../../renderer/data/people.repo';
import { isIsoDate } from '../../renderer/domain/calendar';
import { readRosterDate } from '../../renderer/domain/roster-dates';
import { decodeRosterBytes } from '../../renderer/domain/roster-encoding';
import { reviewRoster } from '../../renderer/domain/roster-import';
import {
  type ColumnMapping,
  checkMapping,
  DEFAULT_IMPORT_DEFAULTS,
  emptyMapping,
  suggestMapping,
  TEMPLATE_HEADERS,
} from '../../renderer/domain/roster-mapping';
import { suggestTitleMeaning } from '../../renderer/domain/roster-values';
import { checkPerson, type PersonInput } from '../../renderer/domain/rules';
import { parseRosterText, rosterTemplateCsv } from '../../renderer/features/import/roster-csv';
import { readRosterFile as readAnyRosterFile } from '../../renderer/features/import/roster-file';

/** Reads a file's bytes as the import screen does, into its header and numbered rows. */
async function readRosterFile(bytes: Uint8Array) {
  const outcome = await readAnyRosterFile('roster.csv', bytes);
  if (!outcome.ok) return outcome;
  const text = new TextDecoder(outcome.file.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8').decode(
    bytes,
  );
  return parseRosterText(text);
}

const HEADER = 'Name,Email,Profession,Hire date,Leaving date,Mentor,Mentee,Mentor capacity';

function parsed(text: string) {
  const outcome = parseRosterText(text);
  if (!outcome.ok) throw new Error(`expected the text to parse, got: ${outcome.message}`);
  return outcome;
}

function review(text: string, existing: { name: string; email: string; archived?: boolean }[] = []) {
  const { headers, rows } = parsed(text);
  return reviewRoster(rows, suggestMapping(headers), existing);
}

function readDate(raw: string, label: string) {
  return readRosterDate(raw, label, null);
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function failureOf(outcome: { ok: true } | { ok: false; message: string }): string {
  if (outcome.ok) throw new Error('expected a failure');
  return outcome.message;
}

describe('reading the file', () => {
  it('numbers rows by their line in the file, counting the header as line 1', () => {
    const { rows } = parsed(
      `${HEADER}\nAnn Lee,ann@x.org,Nurse,,,no,yes,\nBen Roy,ben@x.org,Nurse,,,no,yes,\n`,
    );
    expect(rows.map((row) => row.line)).toEqual([2, 3]);
    expect(rows[1].values.Name).toBe('Ben Roy');
  });

  it('skips empty lines without losing count of the lines after them', () => {
    const text = `\n${HEADER}\n\nAnn Lee,ann@x.org,Nurse,,,no,yes,\n   \n,,,,,,,\nBen Roy,ben@x.org,Nurse,,,no,yes,\n\n`;
    const { rows } = parsed(text);
    expect(rows.map((row) => [row.line, row.values.Name])).toEqual([
      [4, 'Ann Lee'],
      [7, 'Ben Roy'],
    ]);
  });

  it('counts the lines inside a quoted value that spans lines', () => {
    const text = `Name,Email,Profession,Interests\nAnn Lee,ann@x.org,Nurse,"wound care\npalliative care"\nBen Roy,ben@x.org,Nurse,\n`;
    const { rows } = parsed(text);
    expect(rows.map((row) => row.line)).toEqual([2, 4]);
    expect(rows[0].values.Interests).toBe('wound care\npalliative care');
  });

  it('reads Windows line endings (CRLF) with the same line numbers and no stray carriage returns', () => {
    const text = `${HEADER}\r\nAnn Lee,ann@x.org,Nurse,,,no,yes,\r\n\r\nBen Roy,ben@x.org,Nurse,,,no,yes,2\r\n`;
    const { headers, rows } = parsed(text);
    expect(headers.at(-1)).toBe('Mentor capacity');
    expect(rows.map((row) => row.line)).toEqual([2, 4]);
    expect(rows[1].values['Mentor capacity']).toBe('2');
  });

  it('keeps a comma that is inside quotation marks as part of the value', () => {
    const { rows } = parsed(
      'Name,Email,Profession,Specialty\n"Lee, Ann",ann@x.org,Nurse,"Surgery, day unit"\n',
    );
    expect(rows[0].values).toEqual({
      Name: 'Lee, Ann',
      Email: 'ann@x.org',
      Profession: 'Nurse',
      Specialty: 'Surgery, day unit',
    });
    expect(rows[0].readProblem).toBeUndefined();
  });

  it('strips the byte-order mark Excel writes, so the first column is still found', async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...utf8(`${HEADER}\nAnn Lee,ann@x.org,Nurse,,,no,yes,\n`),
    ]);
    const outcome = await readRosterFile(bytes);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.headers[0]).toBe('Name');
    expect(suggestMapping(outcome.headers).name).toBe('Name');
    expect(outcome.rows[0].values.Name).toBe('Ann Lee');
  });

  it('keeps accented names from UTF-8 and from UTF-16 ("Unicode text") files', () => {
    const text = 'Name,Profession\nZoë Müller,Nurse\n';
    const fromUtf8 = decodeRosterBytes(utf8(text));
    expect(fromUtf8.ok && parsed(fromUtf8.text).rows[0].values.Name).toBe('Zoë Müller');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const fromUtf16 = decodeRosterBytes(utf16);
    expect(fromUtf16.ok && fromUtf16.encoding).toBe('utf-16le');
    expect(fromUtf16.ok && parsed(fromUtf16.text).rows[0].values.Name).toBe('Zoë Müller');
  });

  it('finds the header under a title and a blank line, and numbers the lines as the file has them', () => {
    const { headers, rows, headerLine } = parsed(
      'Staff list; exported 2025-05-02\n\nName;Email;Profession;Mentee\nAnn Lee;ann@x.org;Nurse;yes\n\nBen Roy;ben@x.org;RN;yes\n',
    );
    expect(headerLine).toBe(3);
    expect(headers).toEqual(['Name', 'Email', 'Profession', 'Mentee']);
    expect(rows.map((row) => [row.line, row.values.Name, row.readProblem])).toEqual([
      [4, 'Ann Lee', undefined],
      [6, 'Ben Roy', undefined],
    ]);
  });

  it('reads semicolon-separated files, as European spreadsheets save them', () => {
    const { headers, rows } = parsed('Name;Email;Profession\nAnn Lee;ann@x.org;Nurse\n');
    expect(headers).toEqual(['Name', 'Email', 'Profession']);
    expect(rows[0].values.Email).toBe('ann@x.org');
  });

  it('reads a file that is not UTF-8 as Windows-1252, as Excel’s plain CSV writes it', () => {
    // "Zoë O’Neil" in Windows-1252: ë is the single byte 0xEB and ’ is 0x92, neither valid UTF-8.
    const bytes = new Uint8Array([
      ...utf8('Name,Profession\nZo'),
      0xeb,
      ...utf8(' O'),
      0x92,
      ...utf8('Neil,Nurse\n'),
    ]);
    const decoded = decodeRosterBytes(bytes);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.encoding).toBe('windows-1252');
    expect(parsed(decoded.text).rows[0].values.Name).toBe('Zoë O’Neil');
  });

  it('refuses an empty file, a blank file and a header with nobody under it', async () => {
    expect(failureOf(await readRosterFile(new Uint8Array()))).toContain('empty');
    expect(failureOf(parseRosterText('\n  \r\n\n'))).toContain('empty');
    expect(failureOf(parseRosterText(`${HEADER}\n\n`))).toBe(
      'The file has a header line but no people below it.',
    );
  });

  it('says which line has an unclosed quotation mark and reads nothing', () => {
    const text = `${HEADER}\nAnn Lee,ann@x.org,Nurse,,,no,yes,\n"Ben Roy,ben@x.org,Nurse,,,no,yes,\nCara Diaz,cara@x.org,Nurse,,,no,yes,\n`;
    const message = failureOf(parseRosterText(text));
    expect(message).toMatch(/^Line 3 has a quotation mark/);
  });

  it('says so when the quotation mark left open is on the header line', () => {
    expect(failureOf(parseRosterText('\n"Name,Email,Profession\nAnn Lee,ann@x.org,Nurse\n'))).toMatch(
      /^Line 2 has a quotation mark/,
    );
  });

  it('explains a file whose columns are not separated by commas', () => {
    const message = failureOf(parseRosterText('Name|Email|Profession\nAnn Lee|ann@x.org|Nurse\n'));
    expect(message).toContain('only one column');
    expect(message).toContain('Name|Email|Profession');
  });

  it('names an Excel 97-2003 workbook (.xls) and says how to save it', () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(failureOf(decodeRosterBytes(xls))).toContain('older Excel workbook (.xls)');
  });

  it('says so when a file looks like a workbook but cannot be opened', async () => {
    const message = failureOf(await readRosterFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])));
    expect(message).toContain('cannot be opened');
  });

  it('says "1 value" for a lone line such as a total under the table', () => {
    const { rows } = parsed('Name,Email,Profession\nAnn Lee,ann@x.org,Nurse\nTotal: 1\n');
    expect(rows[1].readProblem).toBe('This line has 1 value but the header has 3 columns.');
  });

  it('marks a line with more values than the header has columns', () => {
    const { rows } = parsed('Name,Email,Profession\nLee, Ann,ann@x.org,Nurse\nBen Roy,ben@x.org\n');
    expect(rows[0].readProblem).toContain('4 values but the header has 3 columns');
    expect(rows[1].readProblem).toContain('2 values but the header has 3 columns');
  });

  it('offers a template whose every column maps itself', () => {
    const template = rosterTemplateCsv();
    expect(template.startsWith('\uFEFF')).toBe(true);
    const header = parseRosterText(`${template}Ann Lee,,Nurse,,,,,,no,yes,\n`);
    if (!header.ok) throw new Error(header.message);
    expect(header.headers).toEqual(TEMPLATE_HEADERS);
    const mapping = suggestMapping(header.headers);
    const unmapped = Object.entries(mapping)
      .filter(([, column]) => column === null)
      .map(([field]) => field);
    expect(unmapped.sort()).toEqual(['firstName', 'lastName', 'role']);
  });
});

describe('suggesting a column mapping', () => {
  it('matches common header names whatever their case and spacing', () => {
    const mapping = suggestMapping([
      'Staff Name',
      'E-mail',
      'Job title',
      'Department',
      'Start date',
      'Termination Date',
      'Mentor?',
      'Mentee?',
      'Max mentees',
      'Skills',
    ]);
    expect(mapping).toMatchObject({
      name: 'Staff Name',
      email: 'E-mail',
      profession: 'Job title',
      specialty: 'Department',
      hireDate: 'Start date',
      leavingDate: 'Termination Date',
      isMentor: 'Mentor?',
      isMentee: 'Mentee?',
      mentorCapacity: 'Max mentees',
      tags: 'Skills',
      careerStage: null,
    });
  });

  it('reads a full name from first and last name columns', () => {
    const mapping = suggestMapping(['First name', 'Surname', 'Email', 'Role', 'Mentee']);
    expect(mapping).toMatchObject({
      name: null,
      firstName: 'First name',
      lastName: 'Surname',
      profession: 'Role',
    });
    const { rows } = parsed('First name,Surname,Email,Role,Mentee\n Ann , Lee ,ann@x.org,RN,yes\n');
    const result = reviewRoster(rows, mapping, []);
    expect(result.ready.map((row) => row.person.name)).toEqual(['Ann Lee']);
  });

  it('asks for the columns it cannot do without', () => {
    const problems = checkMapping(emptyMapping(), DEFAULT_IMPORT_DEFAULTS);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('full name');
    expect(problems[1]).toContain('profession');
    expect(problems[2]).toContain('who mentors');
    const everyoneIsMentee = checkMapping(
      { ...emptyMapping(), name: 'Name', profession: 'Job' },
      { ...DEFAULT_IMPORT_DEFAULTS, isMentee: true },
    );
    expect(everyoneIsMentee).toEqual([]);
  });

  it('refuses one column chosen for two fields', () => {
    const mapping: ColumnMapping = {
      ...emptyMapping(),
      name: 'Name',
      profession: 'Name',
      isMentee: 'Mentee',
    };
    expect(checkMapping(mapping, DEFAULT_IMPORT_DEFAULTS)).toEqual([
      'The column “Name” is chosen for Full name and Profession or job title; choose it for one only.',
    ]);
  });

  it('imports nothing while the mapping has a problem', () => {
    const { rows } = parsed('Name,Email\nAnn Lee,ann@x.org\n');
    const result = reviewRoster(rows, suggestMapping(['Name', 'Email']), []);
    expect(result.mappingProblems.length).toBeGreaterThan(0);
    expect(result.ready).toEqual([]);
  });
});

describe('checking each row', () => {
  it('turns a good row into a person the repository accepts', () => {
    const result = review(
      'Name,Email,Profession,Specialty,Career stage,Hire date,Leaving date,Interests,Mentor,Mentee,Capacity\n' +
        ' Ann   Lee ,ANN@x.org ,R.N.,Emergency,Senior,2020-02-29,2026-01-31,"triage; trauma, triage",Yes,no,3\n',
    );
    expect(result.problems).toEqual([]);
    expect(result.ready).toEqual([
      {
        line: 2,
        person: {
          name: 'Ann Lee',
          email: 'ANN@x.org',
          profession: 'nurse',
          specialty: 'Emergency',
          careerStage: 'senior',
          hireDate: '2020-02-29',
          leavingDate: '2026-01-31',
          tags: ['triage', 'trauma'],
          isMentor: true,
          isMentee: false,
          mentorCapacity: 3,
        },
      },
    ]);
    expect(() => checkPerson(result.ready[0].person)).not.toThrow();
  });

  it('accepts common spellings of professions and asks about an unknown one', () => {
    const profession = (title: string) => suggestTitleMeaning(title).profession;
    expect(profession('RN')).toBe('nurse');
    expect(profession('  dr. ')).toBe('physician');
    expect(profession('Allied Health')).toBe('allied-health');
    expect(profession('allied_health')).toBe('allied-health');
    expect(profession('Pharmacist')).toBe('allied-health');
    expect(profession('Registrar')).toBe('resident');
    expect(profession('Wizard')).toBeNull();
    const result = review(`Name,Profession,Mentee\nAnn Lee,Wizard,yes\n`);
    expect(result.problems).toEqual([
      {
        line: 2,
        name: 'Ann Lee',
        reasons: ['Profession “Wizard” has no profession chosen yet; choose one under “Match the values”.'],
      },
    ]);
  });

  it('takes dates written year-month-day, including a leap day', () => {
    expect(readDate('2024-02-29', 'Hire date')).toEqual({ ok: true, value: '2024-02-29' });
    expect(readDate('  ', 'Hire date')).toEqual({ ok: true, value: null });
  });

  it('refuses a date that does not exist, following the leap-year rule of centuries', () => {
    expect(readDate('2023-02-29', 'Hire date')).toEqual({
      ok: false,
      reason: 'Hire date “2023-02-29” is not a real calendar date.',
    });
    expect(readDate('1900-02-29', 'Hire date').ok).toBe(false);
    expect(readDate('2000-02-29', 'Hire date')).toEqual({ ok: true, value: '2000-02-29' });
    expect(readDate('2024-04-31', 'Hire date').ok).toBe(false);
    expect(readDate('2024-13-01', 'Hire date').ok).toBe(false);
    expect(readDate('2024-00-10', 'Hire date').ok).toBe(false);
  });

  it('asks to check a year that is surely mistyped', () => {
    expect(readDate('0202-03-01', 'Hire date')).toEqual({
      ok: false,
      reason: 'Hire date “0202-03-01” has an unlikely year; please check it.',
    });
  });

  it('agrees with the repository on which year-month-day dates are real', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true }),
        (date) => {
          const iso = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
          expect(readDate(iso, 'Hire date')).toEqual({ ok: true, value: iso });
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(readDate(iso, 'Hire date').ok).toBe(isIsoDate(iso));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('asks the manager before reading a column whose every date could be day or month first', () => {
    const text = `Name,Profession,Hire date,Mentee\nAnn Lee,Nurse,03/04/2024,yes\nBen Roy,Nurse,11/12/2020,yes\n`;
    const asked = review(text);
    expect(asked.mappingProblems).toEqual([
      'Say how the dates in “Hire date” are written: every one of them (such as 03/04/2024) reads both day first and month first.',
    ]);
    expect(asked.ready).toEqual([]);
    const { headers, rows } = parsed(text);
    const answered = reviewRoster(rows, suggestMapping(headers), [], {
      dateOrders: { hireDate: 'day-first' },
    });
    expect(answered.ready.map((row) => row.person.hireDate)).toEqual(['2024-04-03', '2020-12-11']);
  });

  it('refuses text that is no date, naming the forms it understands', () => {
    const other = readDate('March 3rd', 'Hire date');
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.reason).toContain('2019-03-15, 15/03/2019 or 03/15/2019');
  });

  it('lists every reason a row is bad, with its line number', () => {
    const result = review(
      `${HEADER}\n` +
        'Ann Lee,ann@x.org,Nurse,2024-01-10,,no,yes,\n' +
        ',nobody@x.org,Nurse,,,no,yes,\n' +
        'Ben Roy,ben-at-x.org,Plumber,2024-05-01,2024-04-30,maybe,yes,2.5\n' +
        'Cara Diaz,cara@x.org,Physician,,,yes,no,-1\n' +
        'Dan Wu,dan@x.org,Nurse,,,no,no,\n',
    );
    expect(result.ready.map((row) => row.line)).toEqual([2]);
    expect(result.problems).toEqual([
      { line: 3, name: '', reasons: ['Name is missing.'] },
      {
        line: 4,
        name: 'Ben Roy',
        reasons: [
          'Email “ben-at-x.org” does not look like an email address.',
          'Profession “Plumber” has no profession chosen yet; choose one under “Match the values”.',
          'Leaving date 2024-04-30 is before the hire date 2024-05-01.',
          'Mentors others “maybe” should be yes or no.',
          'Mentor capacity “2.5” should be a whole number from 0 to 50.',
        ],
      },
      {
        line: 5,
        name: 'Cara Diaz',
        reasons: ['Mentor capacity “-1” should be a whole number from 0 to 50.'],
      },
      {
        line: 6,
        name: 'Dan Wu',
        reasons: ['Neither mentors others nor is mentored; mark at least one as yes.'],
      },
    ]);
  });

  it('gives mentors with a blank capacity the default, and others none', () => {
    const result = review(`${HEADER}\nAnn Lee,,Nurse,,,yes,no,\nBen Roy,,Nurse,,,no,yes,\n`);
    expect(result.ready.map((row) => row.person.mentorCapacity)).toEqual([
      DEFAULT_IMPORT_DEFAULTS.mentorCapacity,
      0,
    ]);
  });

  it('reports a line with a stray comma as bad rather than shifting its values', () => {
    const result = review(`${HEADER}\nLee, Ann,ann@x.org,Nurse,,,no,yes,\n`);
    expect(result.ready).toEqual([]);
    expect(result.problems[0].line).toBe(2);
    expect(result.problems[0].reasons).toEqual([
      'This line has 9 values but the header has 8 columns; a value that contains a comma must be inside quotation marks.',
    ]);
  });

  it('uses the chosen defaults for blank cells and missing columns', () => {
    const { headers, rows } = parsed('Name,Profession\nAnn Lee,Nurse\n');
    const result = reviewRoster(rows, suggestMapping(headers), [], {
      defaults: { ...DEFAULT_IMPORT_DEFAULTS, isMentee: true, careerStage: 'new-graduate' },
    });
    expect(result.ready[0].person).toMatchObject({
      isMentee: true,
      isMentor: false,
      careerStage: 'new-graduate',
    });
  });
});

describe('duplicates', () => {
  const text =
    `${HEADER}\n` +
    'Ann Lee,ann@x.org,Nurse,,,no,yes,\n' +
    '  ann  LEE ,ANN@X.ORG ,Nurse,,,no,yes,\n' +
    'Ben Roy,ben@x.org,Physician,,,yes,no,\n' +
    'Cara Diaz,cara@x.org,Nurse,,,no,yes,\n' +
    'Cara Diaz,cara.diaz@x.org,Nurse,,,no,yes,\n';

  it('flags a person repeated within the file once, keeping the first line', () => {
    const result = review(text);
    expect(result.ready.map((row) => [row.line, row.person.name])).toEqual([
      [2, 'Ann Lee'],
      [4, 'Ben Roy'],
      [5, 'Cara Diaz'],
      [6, 'Cara Diaz'],
    ]);
    expect(result.duplicates).toEqual([
      expect.objectContaining({ line: 3, duplicateOfLine: 2, reason: 'Same name and email as line 2.' }),
    ]);
  });

  it('flags people already stored, including archived ones, ignoring case and spacing', () => {
    const result = review(text, [
      { name: 'BEN  roy', email: ' Ben@X.org' },
      { name: 'Cara Diaz', email: 'cara@x.org', archived: true },
    ]);
    expect(result.ready.map((row) => row.line)).toEqual([2, 6]);
    expect(result.duplicates.map((row) => [row.line, row.reason])).toEqual([
      [3, 'Same name and email as line 2.'],
      [4, 'Already in People with the same name and email.'],
      [5, 'Already in People (archived) with the same name and email.'],
    ]);
  });
});

describe('importing the reviewed rows', () => {
  afterEach(() => switchDatabase(`roster-import-done-${crypto.randomUUID()}`));

  it('adds the ready people once, and a second import of the same file adds nobody', async () => {
    switchDatabase(`roster-import-${crypto.randomUUID()}`);
    const file = `${HEADER}\nAnn Lee,ann@x.org,Nurse,,,no,yes,\nBen Roy,ben@x.org,Physician,,,yes,no,\nAnn Lee,ann@x.org,Nurse,,,no,yes,\n`;
    const first = review(file, await listPeople());
    await createPeopleInBulk(first.ready.map((row) => row.person));
    expect((await listPeople()).map((person) => person.name)).toEqual(['Ann Lee', 'Ben Roy']);

    const second = review(file, await listPeople());
    expect(second.ready).toEqual([]);
    expect(second.duplicates).toHaveLength(3);
  });

  it('adds nobody when one person of the batch breaks a rule', async () => {
    switchDatabase(`roster-import-${crypto.randomUUID()}`);
    const { ready } = review(
      `${HEADER}\nAnn Lee,ann@x.org,Nurse,,,no,yes,\nBen Roy,ben@x.org,Physician,,,yes,no,\n`,
    );
    const broken: PersonInput = { ...ready[1].person, mentorCapacity: -1 };
    await expect(createPeopleInBulk([ready[0].person, broken])).rejects.toThrow(/Person 2 \(Ben Roy\)/);
    expect(await listPeople()).toEqual([]);
  });

  it('flags a person added by hand before the import', async () => {
    switchDatabase(`roster-import-${crypto.randomUUID()}`);
    await createPerson({
      name: 'Ben Roy',
      email: 'ben@x.org',
      profession: 'physician',
      specialty: '',
      careerStage: 'senior',
      hireDate: null,
      leavingDate: null,
      tags: [],
      isMentor: true,
      isMentee: false,
      mentorCapacity: 2,
    });
    const result = review(`${HEADER}\nben roy,BEN@x.org,Physician,,,yes,no,\n`, await listPeople());
    expect(result.duplicates.map((row) => row.line)).toEqual([2]);
  });
});

describe('whatever a row holds', () => {
  const cell = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      'yes',
      'no',
      'RN',
      'Nurse',
      'Dr',
      '2024-02-29',
      '2023-02-29',
      '03/04/2024',
      '3',
      '51',
    ),
    fc.constantFrom('a@b.co', 'not an email', 'Senior', 'Retired', '2.5', '-1', 'x', 'Ann', 'Ann Lee'),
    fc.string({ maxLength: 12 }),
  );
  const row = fc.record({
    Name: cell,
    Email: cell,
    Profession: cell,
    'Career stage': cell,
    'Hire date': cell,
    'Leaving date': cell,
    Mentor: cell,
    Mentee: cell,
    'Mentor capacity': cell,
  });

  it('is either ready and accepted by the repository rules, or refused with a reason', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (values) => {
        const rows = values.map((value, index) => ({ line: index + 2, values: value }));
        const headers = Object.keys(values[0]);
        const result = reviewRoster(rows, suggestMapping(headers), []);
        // A question to the manager (a date column that reads both ways) holds back every row.
        const sorted = result.ready.length + result.problems.length + result.duplicates.length;
        expect(sorted).toBe(result.mappingProblems.length > 0 ? 0 : rows.length);
        for (const ready of result.ready)
          expect(() => checkPerson(ready.person as PersonInput)).not.toThrow();
        for (const problem of result.problems) expect(problem.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
