import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidBackupDataError } from '../../renderer/data/backup';
import type { BackupTables } from '../../renderer/data/backup/schemas';
import {
  BackupValidator,
  type RawTables,
  TablesOutOfOrder,
  validateTables,
} from '../../renderer/data/backup/validate';
import { generateSampleClinic } from '../../renderer/sample-clinic/generate';
import { clinicArbitrary } from './backup-fixtures';

// One validator checks every backup, record by record as it is read: each way of breaking a rule is
// refused, naming the table the broken record is in.

/** The tables the validator blames, or null when it passes them. */
function blamedTables(tables: BackupTables): string[] | null {
  try {
    validateTables(structuredClone(tables) as unknown as RawTables);
    return null;
  } catch (error) {
    if (!(error instanceof InvalidBackupDataError)) throw error;
    return error.issues.map((issue) => issue.table);
  }
}

/** Breaks a rule and returns the table to blame; null when the clinic has nothing to break. */
type Breakage = (tables: BackupTables) => string | null;

/** Ways a backup can break a rule. */
const BREAKAGES: Record<string, Breakage> = {
  'training record points at no course': (tables) => {
    const record = tables.trainingRecords[0];
    if (!record) return null;
    record.courseId = 'no-such-course';
    return 'trainingRecords';
  },
  'training record points at nobody': (tables) => {
    const record = tables.trainingRecords[0];
    if (!record) return null;
    record.personId = 'nobody';
    return 'trainingRecords';
  },
  'training record is renewed before it was done': (tables) => {
    const record = tables.trainingRecords[0];
    if (!record) return null;
    record.renewBy = record.completedOn;
    return 'trainingRecords';
  },
  'recognition points at nobody': (tables) => {
    const entry = tables.recognitions[0];
    if (!entry) return null;
    entry.personId = 'nobody';
    return 'recognitions';
  },
  'recognition has no text': (tables) => {
    const entry = tables.recognitions[0];
    if (!entry) return null;
    entry.text = '';
    return 'recognitions';
  },
  'recognition of an unknown kind': (tables) => {
    const entry = tables.recognitions[0];
    if (!entry) return null;
    Object.assign(entry, { kind: 'medal' });
    return 'recognitions';
  },
  'meeting points at no pair': (tables) => {
    const meeting = tables.meetings.at(-1);
    if (!meeting) return null;
    meeting.relationshipId = 'nobody';
    return 'meetings';
  },
  'meeting uses an unknown topic': (tables) => {
    const meeting = tables.meetings[0];
    if (!meeting) return null;
    meeting.topics = [...meeting.topics, 'no-such-topic'];
    return 'meetings';
  },
  'meeting date is not a calendar date': (tables) => {
    const meeting = tables.meetings[0];
    if (!meeting) return null;
    meeting.date = '2025-02-30';
    return 'meetings';
  },
  'meeting has a field the app does not know': (tables) => {
    const meeting = tables.meetings[0];
    if (!meeting) return null;
    Object.assign(meeting, { mood: 'good' });
    return 'meetings';
  },
  'meeting appears twice': (tables) => {
    const meeting = tables.meetings[0];
    if (!meeting) return null;
    tables.meetings.push({ ...meeting });
    return 'meetings';
  },
  'action item names another pair than its meeting': (tables) => {
    const item = tables.actionItems[0];
    const other = tables.relationships.find((pair) => pair.id !== item?.relationshipId);
    if (!item || !other) return null;
    item.relationshipId = other.id;
    return 'actionItems';
  },
  'action item points at no meeting': (tables) => {
    const item = tables.actionItems.at(-1);
    if (!item) return null;
    item.meetingId = 'gone';
    return 'actionItems';
  },
  'pair points at no program': (tables) => {
    const pair = tables.relationships[0];
    if (!pair) return null;
    pair.programId = 'gone';
    return 'relationships';
  },
  'pair pairs a person with themselves': (tables) => {
    const pair = tables.relationships[0];
    if (!pair) return null;
    pair.menteeId = pair.mentorId;
    return 'relationships';
  },
  'mentor is missing': (tables) => {
    const pair = tables.relationships[0];
    if (!pair) return null;
    tables.people = tables.people.filter((person) => person.id !== pair.mentorId);
    return 'relationships';
  },
  'person appears twice': (tables) => {
    const person = tables.people[0];
    if (!person) return null;
    tables.people.push({ ...person, name: 'Someone else' });
    return 'people';
  },
  'audit entry number appears twice': (tables) => {
    const entry = tables.auditLog[0];
    if (!entry) return null;
    tables.auditLog.push({ ...entry });
    return 'auditLog';
  },
  'a response is from a person not in the backup': (tables) => {
    const response = tables.responses[0];
    if (!response) return null;
    response.personId = 'nobody-here';
    return 'responses';
  },
  'a response answers a questionnaire not in the backup': (tables) => {
    const response = tables.responses[0];
    if (!response) return null;
    response.questionnaireId = 'a-deleted-questionnaire';
    return 'responses';
  },
  'a burnout answer is off the scale': (tables) => {
    const response = tables.responses.find((candidate) => candidate.questionnaireId === 'builtin-burnout');
    if (!response) return null;
    response.answers = { burnout: 9 };
    return 'responses';
  },
  'a request for contact names a person not in the backup': (tables) => {
    const request = tables.supportRequests[0];
    if (!request) return null;
    request.personId = 'nobody-here';
    return 'supportRequests';
  },
  // The dashboard's summary fields (version 12) are computed as a restore writes: a backup never holds one.
  'a pair says it has a plan': (tables) => {
    const pair = tables.relationships[0];
    if (!pair) return null;
    Object.assign(pair, { hasGoal: true });
    return 'relationships';
  },
  // Version 15: who answered a pair's questionnaires, and the due days still waiting (summary fields).
  'a pair says who answered its questionnaires': (tables) => {
    const pair = tables.relationships[0];
    if (!pair) return null;
    Object.assign(pair, { questionnaireAnswers: [`month-1:${pair.menteeId}`] });
    return 'relationships';
  },
  'a pair carries the due days of its questionnaires': (tables) => {
    const pair = tables.relationships[0];
    if (!pair) return null;
    Object.assign(pair, { questionnaireDueOn: [pair.startDate] });
    return 'relationships';
  },
  "a goal carries its pair's status": (tables) => {
    const goal = tables.goals[0];
    if (!goal) return null;
    Object.assign(goal, { pairStatus: 'active' });
    return 'goals';
  },
  'a milestone says it was debriefed': (tables) => {
    const milestone = tables.milestones[0];
    if (!milestone) return null;
    Object.assign(milestone, { debriefed: true });
    return 'milestones';
  },
  "a person carries a mentor's renew-by day": (tables) => {
    const person = tables.people[0];
    if (!person) return null;
    Object.assign(person, { mentorRenewBy: '2030-01-01' });
    return 'people';
  },
  "a person carries the words of their name (the search index's)": (tables) => {
    const person = tables.people[0];
    if (!person) return null;
    Object.assign(person, { wordKeys: ['grace', 'okafor'] });
    return 'people';
  },
  "a person carries their words with their name (the name-order search index's)": (tables) => {
    const person = tables.people[0];
    if (!person) return null;
    Object.assign(person, { wordNames: [`grace\u0000grace okafor\u0000${person.id}`] });
    return 'people';
  },
  // Version 17: each person's pairing summaries and the indexed fields from them.
  "a person carries a mentor's load": (tables) => {
    const person = tables.people.find((candidate) => candidate.isMentor);
    if (!person) return null;
    Object.assign(person, { mentorLoad: 1 });
    return 'people';
  },
  'a person says they have a mentor': (tables) => {
    const person = tables.people.find((candidate) => candidate.isMentee);
    if (!person) return null;
    Object.assign(person, { hasMentor: true });
    return 'people';
  },
  "a person carries their load as an open mentor's": (tables) => {
    const person = tables.people[0];
    if (!person) return null;
    Object.assign(person, { openMentorLoad: 0 });
    return 'people';
  },
  'a person says they mentor with room': (tables) => {
    const person = tables.people[0];
    if (!person) return null;
    Object.assign(person, { withRoom: 1 });
    return 'people';
  },
  'a person says they are a mentee without a mentor': (tables) => {
    const person = tables.people[0];
    if (!person) return null;
    Object.assign(person, { withoutMentor: 1 });
    return 'people';
  },
  // Version 19: the sort keys of the People list's columns.
  "a person carries a column's sort key": (tables) => {
    const person = tables.people[0];
    if (!person) return null;
    Object.assign(person, { sortSpecialty: 'emergency' });
    return 'people';
  },
  // Version 20: a mentor's rank and what they offer.
  'a mentor says whether they are full': (tables) => {
    const person = tables.people.find((candidate) => candidate.isMentor);
    if (!person) return null;
    Object.assign(person, { mentorFull: 0 });
    return 'people';
  },
  'a mentor carries the specialty and tags they offer with their rank': (tables) => {
    const person = tables.people.find((candidate) => candidate.isMentor);
    if (!person) return null;
    Object.assign(person, { mentorMatches: [[0, 's:', 0, 'grace okafor', person.id]] });
    return 'people';
  },
  // Version 22: the date of an action item's meeting, for the report's range of its index.
  "an action item carries its meeting's date": (tables) => {
    const item = tables.actionItems[0];
    if (!item) return null;
    Object.assign(item, { meetingDate: '2024-01-01' });
    return 'actionItems';
  },
  'a request for contact carries its open day': (tables) => {
    const request = tables.supportRequests[0];
    if (!request) return null;
    Object.assign(request, { openSince: request.requestedOn });
    return 'supportRequests';
  },
  'a record is not an object': (tables) => {
    (tables.topics as unknown[]).push('a topic');
    return 'topics';
  },
};

describe('the backup validator', () => {
  it('passes every valid clinic', () => {
    fc.assert(
      fc.property(clinicArbitrary, (tables) => {
        expect(blamedTables(tables)).toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it('refuses each broken rule, naming the table of the broken record', () => {
    const breakage = fc.constantFrom(...Object.keys(BREAKAGES));
    let broken = 0;
    fc.assert(
      fc.property(clinicArbitrary, breakage, (tables, name) => {
        const table = BREAKAGES[name](tables);
        if (table === null) return;
        broken += 1;
        expect(blamedTables(tables), name).toContain(table);
      }),
      { numRuns: 400 },
    );
    expect(broken).toBeGreaterThan(100);
  });

  it('refuses tables out of the order a backup writes them, so they are read whole', () => {
    const tables = fc.sample(
      clinicArbitrary.filter((clinic) => clinic.actionItems.length > 0),
      { numRuns: 1, seed: 7 },
    )[0];
    const validator = new BackupValidator();
    for (const item of tables.actionItems) validator.check('actionItems', item);
    expect(() => validator.check('people', tables.people[0])).toThrow(TablesOutOfOrder);
  });
});

/** A backup broken one way: the record to blame and the words of the reason. */
interface RuleCase {
  name: string;
  breakIt: (tables: BackupTables) => { table: string; recordId: string };
  reason: RegExp;
}

const RULE_CASES: RuleCase[] = [
  {
    name: 'a meeting dated in the year 2999',
    breakIt: (tables) => {
      tables.meetings[0].date = '2999-01-01';
      return { table: 'meetings', recordId: tables.meetings[0].id };
    },
    reason: /must be between 1900 and 2100/,
  },
  {
    name: 'a hire date that is not a real calendar day',
    breakIt: (tables) => {
      tables.people[0].hireDate = '2025-02-30';
      return { table: 'people', recordId: tables.people[0].id };
    },
    reason: /not a calendar date/,
  },
  {
    name: 'a program that meets every 0 days',
    breakIt: (tables) => {
      tables.programs[0].cadenceDays = 0;
      return { table: 'programs', recordId: tables.programs[0].id };
    },
    reason: /Meet every … days must be a whole number from 1 to 366/,
  },
  {
    name: 'a program that meets every 400 days',
    breakIt: (tables) => {
      tables.programs[0].cadenceDays = 400;
      return { table: 'programs', recordId: tables.programs[0].id };
    },
    reason: /from 1 to 366/,
  },
  {
    name: 'a mentor capacity of 99',
    breakIt: (tables) => {
      tables.people[0].mentorCapacity = 99;
      return { table: 'people', recordId: tables.people[0].id };
    },
    reason: /Mentor capacity must be a whole number between 0 and 50/,
  },
  {
    name: 'a meeting of 5000 minutes',
    breakIt: (tables) => {
      tables.meetings[0].durationMinutes = 5000;
      return { table: 'meetings', recordId: tables.meetings[0].id };
    },
    reason: /Duration must be a whole number of minutes/,
  },
  ...['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map(
    (badId): RuleCase => ({
      name: `a topic whose id is "${badId}"`,
      breakIt: (tables) => {
        tables.topics.push({ id: badId, label: 'Odd', builtIn: false, archived: false });
        return { table: 'topics', recordId: badId };
      },
      reason: /is a name every JavaScript object already has/,
    }),
  ),
];

describe("the app's own rules in a backup", () => {
  const clinic = fc.sample(
    clinicArbitrary.filter((tables) => tables.meetings.length > 0 && tables.programs.length > 0),
    { numRuns: 1, seed: 11 },
  )[0];

  for (const rule of RULE_CASES)
    it(`refuses ${rule.name}, naming the record and the reason`, () => {
      const tables = structuredClone(clinic);
      const blamed = rule.breakIt(tables);
      let caught: unknown;
      try {
        validateTables(tables as unknown as RawTables);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidBackupDataError);
      const invalid = caught as InvalidBackupDataError;
      expect(invalid.issues[0]).toMatchObject(blamed);
      expect(invalid.message).toMatch(rule.reason);
    });
});

describe('the sample clinics', () => {
  for (const size of ['demo', { people: 300, relationships: 150, meetings: 1500 }] as const)
    it(`pass every check of a restore (${typeof size === 'string' ? size : 'counted'})`, () => {
      const sample = generateSampleClinic({ seed: 7, size });
      const tables: BackupTables = {
        ...sample,
        settings: [sample.settings],
        trainingCourses: sample.trainingCourses ?? [],
        trainingRecords: sample.trainingRecords ?? [],
        recognitions: sample.recognitions ?? [],
        milestoneTypes: sample.milestoneTypes ?? [],
        milestones: sample.milestones ?? [],
        meetingGuides: [],
        auditLog: [],
      };
      expect(blamedTables(tables)).toBeNull();
    });
});
