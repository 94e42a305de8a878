import { describe, expect, it } from 'vitest';
import {
  changedFields,
  checkMeeting,
  checkPairing,
  checkPairingEdit,
  checkPerson,
  checkProgram,
  checkSettingsChanges,
  checkStatusChange,
  checkTopicLabel,
  type MeetingInput,
  type PairingContext,
  type RelationshipInput,
  RuleError,
  ruleErrorsOf,
  STATUS_TRANSITIONS,
} from '../../renderer/domain/rules';
import type { Person, Program, Relationship, RelationshipStatus } from '../../renderer/domain/types';
import { personInput } from '../fixtures/people';

const STAMP = '2024-01-01T09:00:00.000Z';

const person = (id: string, overrides: Partial<Person> = {}): Person => ({
  ...personInput(),
  id,
  archived: false,
  createdAt: STAMP,
  updatedAt: STAMP,
  ...overrides,
});

const program: Program = {
  id: 'residency',
  name: 'New-graduate nurse residency',
  cadenceDays: 14,
  typicalLengthMonths: 12,
  archived: false,
  createdAt: STAMP,
  updatedAt: STAMP,
};

const mentor = person('mentor', { mentorCapacity: 2 });
const mentee = person('mentee', { name: 'Liam Chen', isMentor: false, isMentee: true, mentorCapacity: 0 });

const pairingInput = (overrides: Partial<RelationshipInput> = {}): RelationshipInput => ({
  programId: 'residency',
  mentorId: 'mentor',
  menteeId: 'mentee',
  focus: 'clinical',
  startDate: '2024-03-01',
  plannedEndDate: '2025-03-01',
  ...overrides,
});

const context = (overrides: Partial<PairingContext> = {}): PairingContext => ({
  mentor,
  mentee,
  program,
  mentorLoad: 0,
  capacityOverrideReason: null,
  ...overrides,
});

const relationship = (overrides: Partial<Relationship> = {}): Relationship => ({
  id: 'pair',
  programId: 'residency',
  mentorId: 'mentor',
  menteeId: 'mentee',
  focus: 'clinical',
  startDate: '2024-03-01',
  plannedEndDate: '2025-03-01',
  endDate: null,
  status: 'active',
  endReason: null,
  statusHistory: [{ status: 'active', date: '2024-03-01' }],
  capacityOverride: null,
  lastMeetingDate: null,
  createdAt: STAMP,
  updatedAt: STAMP,
  ...overrides,
});

const meetingInput = (overrides: Partial<MeetingInput> = {}): MeetingInput => ({
  relationshipId: 'pair',
  date: '2024-06-15',
  durationMinutes: 45,
  format: 'in-person',
  topics: ['ethics'],
  notes: 'Talked through a difficult night shift.',
  confidential: false,
  actionItems: [],
  ...overrides,
});

/** Runs `check` and returns the RuleError it threw, failing the test if it threw nothing else. */
function ruleErrorOf(check: () => unknown): RuleError {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(RuleError);
    return error as RuleError;
  }
  throw new Error('Expected the rule to refuse this, but it was accepted.');
}

describe('pairing a mentor with a mentee', () => {
  it('accepts an ordinary pairing within the mentor’s capacity', () => {
    expect(checkPairing(pairingInput(), context({ mentorLoad: 1 }))).toBe(false);
  });

  it('refuses to let anybody mentor themselves', () => {
    const error = ruleErrorOf(() =>
      checkPairing(pairingInput({ menteeId: 'mentor' }), context({ mentee: mentor })),
    );
    expect(error.code).toBe('self-mentoring');
    expect(error.field).toBe('mentorId');
    expect(error.message).toMatch(/Nobody can mentor themselves/);
  });

  it('refuses a planned end on or before the start date, and accepts one after it', () => {
    for (const end of ['2024-03-01', '2024-02-29']) {
      const error = ruleErrorOf(() => checkPairing(pairingInput({ plannedEndDate: end }), context()));
      expect(error.code, end).toBe('end-before-start');
      expect(error.field).toBe('plannedEndDate');
      expect(error.message).toBe('The planned end must be after the start date.');
    }
    expect(checkPairing(pairingInput({ plannedEndDate: '2024-03-02' }), context())).toBe(false);
    expect(checkPairing(pairingInput({ plannedEndDate: null }), context())).toBe(false);
  });

  it('refuses dates that are not real or not written year-month-day, saying which format it expects', () => {
    for (const [field, input] of [
      ['startDate', pairingInput({ startDate: '2024-02-30' })],
      ['startDate', pairingInput({ startDate: '31/01/2024' })],
      ['plannedEndDate', pairingInput({ plannedEndDate: '2025-02-29' })],
      ['plannedEndDate', pairingInput({ plannedEndDate: '01/03/2025' })],
    ] as const) {
      const error = ruleErrorOf(() => checkPairing(input, context()));
      expect(error.code).toBe('bad-date');
      expect(error.field).toBe(field);
      expect(error.message).toMatch(/year-month-day \(2024-03-31\)/);
    }
  });

  it('refuses a mentor at capacity unless the manager gives a reason', () => {
    const error = ruleErrorOf(() => checkPairing(pairingInput(), context({ mentorLoad: 2 })));
    expect(error.code).toBe('over-capacity');
    expect(error.field).toBe('capacityOverrideReason');
    expect(error.message).toBe('Grace Okafor already mentors 2 of 2. To pair them anyway, give a reason.');
    expect(
      ruleErrorOf(() =>
        checkPairing(pairingInput(), context({ mentorLoad: 2, capacityOverrideReason: '   ' })),
      ).code,
    ).toBe('over-capacity');
  });

  it('accepts a mentor over capacity with a reason, and says the override must be recorded', () => {
    expect(
      checkPairing(
        pairingInput(),
        context({ mentorLoad: 3, capacityOverrideReason: 'Only ICU mentor on nights' }),
      ),
    ).toBe(true);
  });

  it('treats a mentor with capacity 0 as full', () => {
    const error = ruleErrorOf(() =>
      checkPairing(pairingInput(), context({ mentor: { ...mentor, mentorCapacity: 0 } })),
    );
    expect(error.code).toBe('over-capacity');
  });

  it('refuses archived people and archived programs', () => {
    expect(
      ruleErrorOf(() => checkPairing(pairingInput(), context({ mentor: { ...mentor, archived: true } })))
        .code,
    ).toBe('no-mentor');
    expect(
      ruleErrorOf(() => checkPairing(pairingInput(), context({ mentee: { ...mentee, archived: true } })))
        .code,
    ).toBe('no-mentee');
    expect(
      ruleErrorOf(() => checkPairing(pairingInput(), context({ program: { ...program, archived: true } })))
        .code,
    ).toBe('no-program');
    expect(ruleErrorOf(() => checkPairing(pairingInput(), context({ mentor: undefined }))).code).toBe(
      'no-mentor',
    );
  });
});

describe('changing a pairing’s status', () => {
  it('requires a reason to end a pairing early', () => {
    for (const reason of [null, '', '   ']) {
      const error = ruleErrorOf(() => checkStatusChange(relationship(), 'ended-early', '2024-06-01', reason));
      expect(error.code).toBe('reason-required');
      expect(error.field).toBe('endReason');
      expect(error.message).toBe('Say why the pairing ended early.');
    }
    expect(() =>
      checkStatusChange(relationship(), 'ended-early', '2024-06-01', 'Mentee moved to another site'),
    ).not.toThrow();
  });

  it('refuses to resume a completed or ended pairing', () => {
    for (const from of ['completed', 'ended-early'] as const)
      for (const to of ['active', 'paused', 'proposed'] as const) {
        const error = ruleErrorOf(() =>
          checkStatusChange(relationship({ status: from, endDate: '2024-06-01' }), to, '2024-06-02', 'x'),
        );
        expect(error.code, `${from} → ${to}`).toBe('bad-transition');
      }
    expect(
      ruleErrorOf(() =>
        checkStatusChange(relationship({ status: 'completed' }), 'active', '2024-07-01', null),
      ).message,
    ).toBe('A completed pairing cannot become active.');
  });

  it('lets an active pair pause and a paused pair resume', () => {
    expect(() => checkStatusChange(relationship(), 'paused', '2024-05-01', null)).not.toThrow();
    expect(() =>
      checkStatusChange(relationship({ status: 'paused' }), 'active', '2024-05-20', null),
    ).not.toThrow();
  });

  it('allows exactly the transitions the table lists and no others', () => {
    const all: RelationshipStatus[] = ['proposed', 'active', 'paused', 'completed', 'ended-early'];
    for (const from of all)
      for (const to of all) {
        const allowed = STATUS_TRANSITIONS[from].includes(to);
        const attempt = () =>
          checkStatusChange(relationship({ status: from }), to, '2024-06-01', 'Reason given');
        if (allowed) expect(attempt, `${from} → ${to}`).not.toThrow();
        else expect(ruleErrorOf(attempt).code, `${from} → ${to}`).toBe('bad-transition');
      }
    expect(STATUS_TRANSITIONS.completed).toEqual([]);
    expect(STATUS_TRANSITIONS['ended-early']).toEqual([]);
  });

  it('refuses a change dated before the start, or an end on the start day itself', () => {
    expect(ruleErrorOf(() => checkStatusChange(relationship(), 'paused', '2024-02-29', null)).code).toBe(
      'before-start',
    );
    const sameDay = ruleErrorOf(() => checkStatusChange(relationship(), 'completed', '2024-03-01', null));
    expect(sameDay.code).toBe('end-before-start');
    // Said in words the manager can act on: she entered no end date, the button used today.
    expect(sameDay.message).toBe(
      'A pairing cannot end on the day it started: it can be completed or ended from the next day on.',
    );
    expect(
      ruleErrorOf(() => checkStatusChange(relationship(), 'completed', '2024-06-31', null)).message,
    ).toMatch(/year-month-day/);
  });
});

describe('logging a meeting', () => {
  const today = '2024-06-15';

  it('accepts a meeting dated today or tomorrow, refuses one two days ahead', () => {
    expect(() => checkMeeting(meetingInput({ date: '2024-06-15' }), relationship(), today)).not.toThrow();
    expect(() => checkMeeting(meetingInput({ date: '2024-06-16' }), relationship(), today)).not.toThrow();
    const error = ruleErrorOf(() =>
      checkMeeting(meetingInput({ date: '2024-06-17' }), relationship(), today),
    );
    expect(error.code).toBe('future-meeting');
    expect(error.field).toBe('date');
    expect(error.message).toBe('A meeting cannot be dated more than a day in the future.');
  });

  it('counts "tomorrow" across month ends, leap days and the new year', () => {
    const cases = [
      ['2024-01-31', '2024-02-01', '2024-02-02'],
      ['2024-02-28', '2024-02-29', '2024-03-01'],
      ['2023-02-28', '2023-03-01', '2023-03-02'],
      ['2024-12-31', '2025-01-01', '2025-01-02'],
    ];
    for (const [day, tomorrow, dayAfter] of cases) {
      const pair = relationship({ startDate: '2023-01-01' });
      expect(() => checkMeeting(meetingInput({ date: tomorrow }), pair, day)).not.toThrow();
      expect(ruleErrorOf(() => checkMeeting(meetingInput({ date: dayAfter }), pair, day)).code).toBe(
        'future-meeting',
      );
    }
  });

  it('refuses a meeting dated before the pairing started', () => {
    const error = ruleErrorOf(() =>
      checkMeeting(meetingInput({ date: '2024-02-29' }), relationship(), today),
    );
    expect(error.code).toBe('before-start');
  });

  it('refuses an impossible or wrongly written meeting date with the expected format in the message', () => {
    for (const date of ['2024-02-30', '31/01/2024', '2024-6-1']) {
      const error = ruleErrorOf(() => checkMeeting(meetingInput({ date }), relationship(), today));
      expect(error.code, date).toBe('bad-date');
      expect(error.message).toBe('Meeting date must be a real date, written as year-month-day (2024-03-31).');
    }
  });

  it('refuses a meeting without a pairing, with a bad duration or an unknown format', () => {
    expect(ruleErrorOf(() => checkMeeting(meetingInput(), undefined, today)).code).toBe('no-relationship');
    for (const durationMinutes of [0, -5, 30.5, 1441])
      expect(
        ruleErrorOf(() => checkMeeting(meetingInput({ durationMinutes }), relationship(), today)).code,
      ).toBe('bad-duration');
    expect(() => checkMeeting(meetingInput({ durationMinutes: 1440 }), relationship(), today)).not.toThrow();
    const format = 'carrier-pigeon' as MeetingInput['format'];
    expect(ruleErrorOf(() => checkMeeting(meetingInput({ format }), relationship(), today)).code).toBe(
      'bad-format',
    );
  });

  it('names the action item that is missing a description or has a bad due date', () => {
    const good = { text: 'Read the sepsis bundle', owner: 'mentee' as const, dueDate: '2024-06-30' };
    const blank = ruleErrorOf(() =>
      checkMeeting(meetingInput({ actionItems: [good, { ...good, text: '   ' }] }), relationship(), today),
    );
    expect(blank.message).toBe('Action item 2 needs a description.');
    expect(blank.field).toBe('actionItems.1.text');
    const badDue = ruleErrorOf(() =>
      checkMeeting(
        meetingInput({ actionItems: [{ ...good, dueDate: '30/06/2024' }] }),
        relationship(),
        today,
      ),
    );
    expect(badDue.message).toMatch(
      /^Action item 1's due date must be a real date, written as year-month-day/,
    );
    expect(() =>
      checkMeeting(meetingInput({ actionItems: [good, { ...good, dueDate: null }] }), relationship(), today),
    ).not.toThrow();
  });
});

describe('a person’s record', () => {
  it('accepts a complete, ordinary person', () => {
    expect(() => checkPerson(personInput())).not.toThrow();
  });

  it('refuses a name holding an invisible control character, but not spaces, tabs or accents', () => {
    for (const name of ['Ana\u0000Silva', 'Ana\u001fSilva', 'Ana Silva\u007f']) {
      const error = ruleErrorOf(() => checkPerson(personInput({ name })));
      expect(error.code).toBe('control-character');
      expect(error.field).toBe('name');
      expect(error.message).toMatch(/^Name holds an invisible character/);
    }
    for (const name of ['Ana\tSilva', 'Zoë Ångström-Øster', 'Ana  Silva']) {
      expect(() => checkPerson(personInput({ name }))).not.toThrow();
    }
  });

  it('lets a backup restore a name saved before control characters were refused', () => {
    expect(() => checkPerson(personInput({ name: 'Ana\u0000Silva' }), { fromBackup: true })).not.toThrow();
    const error = ruleErrorOf(() => checkPerson(personInput({ name: '' }), { fromBackup: true }));
    expect(error.code).toBe('required');
  });

  it('refuses hire or leaving dates that are impossible or not year-month-day', () => {
    for (const [field, input] of [
      ['hireDate', personInput({ hireDate: '2024-02-30' })],
      ['hireDate', personInput({ hireDate: '31/01/2024' })],
      ['leavingDate', personInput({ leavingDate: '2023-02-29' })],
    ] as const) {
      const error = ruleErrorOf(() => checkPerson(input));
      expect(error.code).toBe('bad-date');
      expect(error.field).toBe(field);
      expect(error.message).toMatch(/must be a real date, written as year-month-day \(2024-03-31\)\.$/);
    }
  });

  it('refuses a leaving date before the hire date', () => {
    const error = ruleErrorOf(() =>
      checkPerson(personInput({ hireDate: '2020-05-01', leavingDate: '2020-04-30' })),
    );
    expect(error.code).toBe('end-before-start');
    expect(error.field).toBe('leavingDate');
  });

  it('refuses a missing name, an odd email, a fractional capacity and a person with no role', () => {
    expect(ruleErrorOf(() => checkPerson(personInput({ name: '  ' }))).message).toBe('Name is required.');
    expect(ruleErrorOf(() => checkPerson(personInput({ email: 'grace at clinic' }))).message).toBe(
      '"grace at clinic" does not look like an email address.',
    );
    expect(ruleErrorOf(() => checkPerson(personInput({ mentorCapacity: 1.5 }))).field).toBe('mentorCapacity');
    expect(ruleErrorOf(() => checkPerson(personInput({ mentorCapacity: -1 }))).field).toBe('mentorCapacity');
    expect(ruleErrorOf(() => checkPerson(personInput({ isMentor: false, isMentee: false }))).code).toBe(
      'no-role',
    );
    expect(() => checkPerson(personInput({ email: '' }))).not.toThrow();
  });
});

describe('a program', () => {
  it('needs a name, a whole-day cadence from 1 to 366 and a length in whole months', () => {
    const base = { name: 'Residency', cadenceDays: 14, typicalLengthMonths: 12 };
    expect(() => checkProgram(base)).not.toThrow();
    expect(ruleErrorOf(() => checkProgram({ ...base, name: ' ' })).field).toBe('name');
    for (const cadenceDays of [0, 367, 7.5])
      expect(ruleErrorOf(() => checkProgram({ ...base, cadenceDays })).field).toBe('cadenceDays');
    for (const typicalLengthMonths of [0, 121, 1.5])
      expect(ruleErrorOf(() => checkProgram({ ...base, typicalLengthMonths })).field).toBe(
        'typicalLengthMonths',
      );
  });
});

describe('what the audit log is told about a change', () => {
  it('names the changed fields, sorted, and never their values or the update stamp', () => {
    const before = relationship();
    const after = relationship({
      focus: 'career',
      plannedEndDate: '2025-06-01',
      updatedAt: '2024-06-15T10:00:00.000Z',
    });
    const fields = changedFields(before, after);
    expect(fields).toEqual(['focus', 'plannedEndDate']);
  });

  it('notices a change inside a list', () => {
    expect(
      changedFields(person('a', { tags: ['triage'] }), person('a', { tags: ['triage', 'ethics'] })),
    ).toEqual(['tags']);
  });
});

describe('editing a pairing', () => {
  const pair: Relationship = {
    id: 'pair',
    programId: program.id,
    mentorId: mentor.id,
    menteeId: mentee.id,
    focus: 'clinical',
    startDate: '2024-01-10',
    plannedEndDate: null,
    endDate: null,
    status: 'paused',
    endReason: null,
    statusHistory: [
      { status: 'active', date: '2024-01-10' },
      { status: 'paused', date: '2024-03-01' },
    ],
    capacityOverride: null,
    lastMeetingDate: '2024-02-01',
    createdAt: STAMP,
    updatedAt: STAMP,
  };
  const parties = { mentor, mentee, program, firstMeetingDate: '2024-02-01' };

  it('moves the first step of the history with the start date', () => {
    const edited = checkPairingEdit(pair, { ...pair, startDate: '2024-01-05' }, parties);
    expect(edited.statusHistory.map((change) => change.date)).toEqual(['2024-01-05', '2024-03-01']);
  });

  it('refuses a start after a later pause or after the first meeting', () => {
    expect(() => checkPairingEdit(pair, { ...pair, startDate: '2024-03-02' }, parties)).toThrow(
      /before the pairing was paused/,
    );
    expect(() => checkPairingEdit(pair, { ...pair, startDate: '2024-02-02' }, parties)).toThrow(
      /meetings before that start date/,
    );
  });

  it('keeps a pair valid when its mentor has been archived since, without reopening capacity', () => {
    const full = { ...mentor, archived: true, mentorCapacity: 0 };
    expect(() =>
      checkPairingEdit(pair, { ...pair, focus: 'career' }, { ...parties, mentor: full }),
    ).not.toThrow();
  });
});

describe('a topic', () => {
  it('is tidied, needs a name, and may not repeat another topic whatever the case', () => {
    expect(checkTopicLabel('  Night   shifts ', [])).toBe('Night shifts');
    expect(() => checkTopicLabel('   ', [])).toThrow('A topic needs a name.');
    expect(() => checkTopicLabel('x'.repeat(81), [])).toThrow(/80 characters/);
    expect(() => checkTopicLabel('ethics', [{ id: 't1', label: 'Ethics' }])).toThrow(/already a topic/);
    expect(checkTopicLabel('Ethics', [{ id: 't1', label: 'Ethics' }], 't1')).toBe('Ethics');
  });
});

describe('the clinic settings', () => {
  it('trims the clinic name and refuses an empty one, an unknown paper size and odd reminder days', () => {
    expect(checkSettingsChanges({ clinicName: '  Riverside  ' }).clinicName).toBe('Riverside');
    expect(() => checkSettingsChanges({ clinicName: '  ' })).toThrow('The clinic needs a name.');
    expect(() => checkSettingsChanges({ paperSize: 'A3' as 'A4' })).toThrow(/A4 or US Letter/);
    expect(() => checkSettingsChanges({ backupWarnDays: 0 })).toThrow(/from 1 to 365/);
    expect(() => checkSettingsChanges({ backupWarnDays: 2.5 })).toThrow(RuleError);
    for (const idleLockMinutes of [0, 31, 2.5, Number.NaN])
      expect(() => checkSettingsChanges({ idleLockMinutes })).toThrow(/lock wait .* from 1 to 30/);
    expect(checkSettingsChanges({ idleLockMinutes: 1 })).toEqual({ idleLockMinutes: 1 });
    expect(checkSettingsChanges({ idleLockMinutes: 30 })).toEqual({ idleLockMinutes: 30 });
  });
});

describe('every broken rule at once, so a form shows them together', () => {
  const problems = (check: () => unknown) => ruleErrorsOf(ruleErrorOf(check)).map((e) => [e.field, e.code]);

  it('names every problem of a person, each with its field', () => {
    const input = personInput({
      name: ' ',
      email: 'grace@',
      mentorCapacity: 1.5,
      isMentor: false,
      isMentee: false,
    });
    expect(problems(() => checkPerson(input))).toEqual([
      ['name', 'required'],
      ['email', 'bad-email'],
      ['mentorCapacity', 'bad-capacity'],
      ['isMentor', 'no-role'],
    ]);
    // Code that reads one message still gets all of them, the first one first.
    expect(ruleErrorOf(() => checkPerson(input)).message).toMatch(
      /^Name is required\. .*Tick at least one role/,
    );
  });

  it('names every problem of a meeting, action items included', () => {
    const input = meetingInput({
      date: '2024-02-01',
      durationMinutes: 0,
      actionItems: [{ text: '', owner: 'mentee', dueDate: '2024-02-30' }],
    });
    expect(problems(() => checkMeeting(input, relationship(), '2024-06-15'))).toEqual([
      ['date', 'before-start'],
      ['durationMinutes', 'bad-duration'],
      ['actionItems.0.text', 'required'],
      ['actionItems.0.dueDate', 'bad-date'],
    ]);
  });

  it('names every problem of a new pairing and of a program', () => {
    const input = pairingInput({ programId: '', startDate: '2024-03-01', plannedEndDate: '2024-01-01' });
    expect(problems(() => checkPairing(input, context({ program: undefined, mentorLoad: 2 })))).toEqual([
      ['programId', 'no-program'],
      ['plannedEndDate', 'end-before-start'],
      ['capacityOverrideReason', 'over-capacity'],
    ]);
    expect(problems(() => checkProgram({ name: '', cadenceDays: 0, typicalLengthMonths: 0 }))).toEqual([
      ['name', 'required'],
      ['cadenceDays', 'bad-cadence'],
      ['typicalLengthMonths', 'bad-length'],
    ]);
  });

  it('still throws a lone problem as a plain RuleError', () => {
    const error = ruleErrorOf(() => checkPerson(personInput({ name: '' })));
    expect(error.constructor).toBe(RuleError);
    expect(error.field).toBe('name');
  });
});
