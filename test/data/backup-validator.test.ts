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
