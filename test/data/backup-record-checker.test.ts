import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackupTables } from '../../renderer/data/backup/schemas';
import { type RawTables, RecordChecker, validateTables } from '../../renderer/data/backup/validate';
import { TABLE_NAMES } from '../../renderer/data/db';
import { clinicArbitrary } from './backup-fixtures';

// A restore checks a current backup record by record as it reads it (RecordChecker), and only reads
// it whole for the full report (validateTables) when that check says no. The quick check must never
// pass what the full one refuses.

function quickCheck(tables: BackupTables): boolean {
  const checker = new RecordChecker();
  for (const table of TABLE_NAMES)
    for (const record of tables[table] as unknown[]) if (!checker.check(table, record)) return false;
  return checker.finish();
}

function fullCheck(tables: BackupTables): boolean {
  try {
    validateTables(structuredClone(tables) as unknown as RawTables);
    return true;
  } catch {
    return false;
  }
}

type Breakage = (tables: BackupTables) => boolean;

/** Ways a backup can break a rule; each returns false when the clinic has nothing to break. */
const BREAKAGES: Record<string, Breakage> = {
  'meeting points at no pair': (tables) => {
    const meeting = tables.meetings.at(-1);
    if (!meeting) return false;
    meeting.relationshipId = 'nobody';
    return true;
  },
  'meeting uses an unknown topic': (tables) => {
    const meeting = tables.meetings[0];
    if (!meeting) return false;
    meeting.topics = [...meeting.topics, 'no-such-topic'];
    return true;
  },
  'meeting date is not a calendar date': (tables) => {
    const meeting = tables.meetings[0];
    if (!meeting) return false;
    meeting.date = '2025-02-30';
    return true;
  },
  'meeting has a field the app does not know': (tables) => {
    const meeting = tables.meetings[0];
    if (!meeting) return false;
    Object.assign(meeting, { mood: 'good' });
    return true;
  },
  'meeting appears twice': (tables) => {
    const meeting = tables.meetings[0];
    if (!meeting) return false;
    tables.meetings.push({ ...meeting });
    return true;
  },
  'action item names another pair than its meeting': (tables) => {
    const item = tables.actionItems[0];
    const other = tables.relationships.find((pair) => pair.id !== item?.relationshipId);
    if (!item || !other) return false;
    item.relationshipId = other.id;
    return true;
  },
  'action item points at no meeting': (tables) => {
    const item = tables.actionItems.at(-1);
    if (!item) return false;
    item.meetingId = 'gone';
    return true;
  },
  'pair points at no program': (tables) => {
    const pair = tables.relationships[0];
    if (!pair) return false;
    pair.programId = 'gone';
    return true;
  },
  'pair pairs a person with themselves': (tables) => {
    const pair = tables.relationships[0];
    if (!pair) return false;
    pair.menteeId = pair.mentorId;
    return true;
  },
  'mentor is missing': (tables) => {
    const pair = tables.relationships[0];
    if (!pair) return false;
    tables.people = tables.people.filter((person) => person.id !== pair.mentorId);
    return true;
  },
  'person appears twice': (tables) => {
    const person = tables.people[0];
    if (!person) return false;
    tables.people.push({ ...person, name: 'Someone else' });
    return true;
  },
  'audit entry number appears twice': (tables) => {
    const entry = tables.auditLog[0];
    if (!entry) return false;
    tables.auditLog.push({ ...entry });
    return true;
  },
  'a record is not an object': (tables) => {
    (tables.topics as unknown[]).push('a topic');
    return true;
  },
};

describe('the record-by-record check of a restore', () => {
  it('passes every valid clinic', () => {
    fc.assert(
      fc.property(clinicArbitrary, (tables) => {
        expect(fullCheck(tables)).toBe(true);
        expect(quickCheck(tables)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses whatever the full check refuses', () => {
    const breakage = fc.constantFrom(...Object.keys(BREAKAGES));
    let broken = 0;
    fc.assert(
      fc.property(clinicArbitrary, breakage, (tables, name) => {
        if (!BREAKAGES[name](tables)) return;
        broken += 1;
        expect(fullCheck(tables), name).toBe(false);
        expect(quickCheck(tables), name).toBe(false);
      }),
      { numRuns: 400 },
    );
    expect(broken).toBeGreaterThan(100);
  });

  it('says no to tables out of the order a backup writes them, so they are read whole', () => {
    const tables = fc.sample(
      clinicArbitrary.filter((clinic) => clinic.actionItems.length > 0),
      { numRuns: 1, seed: 7 },
    )[0];
    const checker = new RecordChecker();
    // Action items before their meetings: a link to a table not read yet.
    expect(tables.actionItems.every((item) => checker.check('actionItems', item))).toBe(false);
  });
});
