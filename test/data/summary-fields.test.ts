// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { getDb, TABLE_NAMES } from '../../renderer/data/db';
import {
  goalDerived,
  milestoneDerived,
  pairingSummary,
  personPairingDerived,
  personTrainingDerived,
  relationshipPlanDerived,
  relationshipQuestionnaireDerived,
  SUMMARY_FIELDS,
  supportRequestDerived,
} from '../../renderer/data/summary-fields';
import type { QuestionnaireResponse } from '../../renderer/domain/questionnaires/types';
import type { IsoDate, RelationshipStatus } from '../../renderer/domain/types';
import { generateSampleClinic } from '../../renderer/sample-clinic';
import { freshDatabasePerTest, TODAY } from './helpers';

// The dashboard's summary fields (schema version 12) are kept by the database middleware on every
// write, in the same transaction. Bulk writes (a restore, the benchmark's fill, an import) work them
// out a batch at a time; whatever the order, the batch, the kind of write or a write that fails in
// part, the stored fields must equal what the records themselves say, computed here from scratch.

freshDatabasePerTest();

type Row = Record<string, unknown>;
const TABLES = [
  'people',
  'relationships',
  'goals',
  'milestones',
  'meetings',
  'trainingRecords',
  'supportRequests',
  'responses',
  'actionItems',
];

/** The records exactly as stored (no app hooks on this connection). */
async function storedTables(): Promise<Record<string, Row[]>> {
  const raw = new Dexie(getDb().name);
  await raw.open();
  try {
    const rows = await Promise.all(TABLES.map((table) => raw.table(table).toArray()));
    return Object.fromEntries(TABLES.map((table, at) => [table, rows[at] as Row[]]));
  } finally {
    raw.close();
  }
}

function only(row: Row, fields: readonly string[]): Row {
  return Object.fromEntries(
    fields.flatMap((field) => (row[field] === undefined ? [] : [[field, row[field]]])),
  );
}

/** Each summarised table's summary fields, by id: as stored, and as the records say they should be. */
async function summaries(): Promise<{ stored: Record<string, Row>; expected: Record<string, Row> }> {
  const {
    people,
    relationships,
    goals,
    milestones,
    meetings,
    trainingRecords,
    supportRequests,
    responses,
    actionItems,
  } = await storedTables();
  const meetingDates = new Map(meetings.map((meeting) => [meeting.id, meeting.date]));
  const planned = new Set(goals.map((goal) => goal.relationshipId));
  // Who answered which questionnaire of each pair: the responses naming a pair and a checkpoint.
  const answers = new Map<unknown, Set<string>>();
  for (const response of responses)
    if (response.relationshipId && response.checkpoint)
      answers.set(
        response.relationshipId,
        (answers.get(response.relationshipId) ?? new Set()).add(
          `${response.checkpoint}:${response.personId}`,
        ),
      );
  const status = new Map(relationships.map((pair) => [pair.id, pair.status]));
  const debriefed = new Set<unknown>(
    meetings.flatMap((meeting) => (meeting.milestoneId ? [meeting.milestoneId] : [])),
  );
  const renewBy = new Map<unknown, IsoDate>();
  for (const record of trainingRecords) {
    const known = renewBy.get(record.personId);
    if (known === undefined || (record.renewBy as IsoDate) > known)
      renewBy.set(record.personId, record.renewBy as IsoDate);
  }
  const stored: Record<string, Row> = {};
  const expected: Record<string, Row> = {};
  const add = (table: keyof typeof SUMMARY_FIELDS, rows: Row[], summary: (row: Row) => Row) => {
    for (const row of rows) {
      const key = `${table}/${row.id}`;
      stored[key] = only(row, SUMMARY_FIELDS[table]);
      expected[key] = only(summary(row), SUMMARY_FIELDS[table]);
    }
  };
  add('relationships', relationships, (pair) => {
    const answered = answers.get(pair.id);
    const next = {
      ...pair,
      hasGoal: planned.has(pair.id) ? true : undefined,
      questionnaireAnswers: answered ? [...answered].sort() : undefined,
    } as never as Row & { startDate: IsoDate; hasGoal?: true };
    return {
      ...next,
      ...relationshipPlanDerived(next),
      ...relationshipQuestionnaireDerived(next as never),
    };
  });
  add('goals', goals, (goal) => {
    const next = { ...goal, pairStatus: status.get(goal.relationshipId) } as never;
    return { ...(next as Row), ...goalDerived(next) };
  });
  add('milestones', milestones, (milestone) => {
    const next = {
      ...milestone,
      pairStatus: status.get(milestone.relationshipId),
      debriefed: debriefed.has(milestone.id) ? true : undefined,
    } as never;
    return { ...(next as Row), ...milestoneDerived(next) };
  });
  const asMentor = new Map<unknown, RelationshipStatus[]>();
  const asMentee = new Map<unknown, RelationshipStatus[]>();
  for (const pair of relationships) {
    asMentor.set(pair.mentorId, [...(asMentor.get(pair.mentorId) ?? []), pair.status as RelationshipStatus]);
    asMentee.set(pair.menteeId, [...(asMentee.get(pair.menteeId) ?? []), pair.status as RelationshipStatus]);
  }
  add('people', people, (person) => {
    const next = {
      ...person,
      trainingRenewBy: renewBy.get(person.id),
      ...pairingSummary(asMentor.get(person.id) ?? [], asMentee.get(person.id) ?? []),
    } as never;
    return { ...(next as Row), ...personTrainingDerived(next), ...personPairingDerived(next) };
  });
  add('actionItems', actionItems, (item) => ({ meetingDate: meetingDates.get(item.meetingId) }));
  add('supportRequests', supportRequests, (request) => ({ ...supportRequestDerived(request as never) }));
  return { stored, expected };
}

async function expectSummariesRight(when: string): Promise<void> {
  const { stored, expected } = await summaries();
  expect(stored, when).toEqual(expected);
}

/** A clinic with every kind of summary to keep: goals, milestones debriefed or not, training, requests. */
function clinic(): Record<string, Row[]> {
  const generated = generateSampleClinic({
    seed: 7,
    size: { people: 40, relationships: 80, meetings: 600 },
    today: TODAY,
  }) as unknown as Record<string, Row[] | Row>;
  return Object.fromEntries(
    TABLE_NAMES.flatMap((table) => {
      const records = generated[table];
      return Array.isArray(records) && table !== 'auditLog' ? [[table, records]] : [];
    }),
  );
}

const allTables = () => [...TABLE_NAMES.map((table) => getDb().table(table)), getDb().meetingNotes];

/** Writes the clinic's tables in `order`, one bulkAdd of at most `batch` records at a time, in one transaction. */
async function write(
  records: Record<string, Row[]>,
  order: readonly string[],
  batch = 10_000,
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', allTables(), async () => {
    for (const table of order)
      for (let start = 0; start < (records[table]?.length ?? 0); start += batch)
        await db.table(table).bulkAdd(records[table]!.slice(start, start + batch));
  });
}

/** The clinic's records, checked to hold every case the summaries distinguish, so the tests can fail. */
function sampleWithEveryCase(): Record<string, Row[]> {
  const records = clinic();
  // A milestone of a live pair still waiting for its debrief (so it is due on the dashboard).
  const live = records.relationships!.find((pair) => pair.status === 'active')!;
  records.milestones!.push({
    ...records.milestones![0]!,
    id: 'milestone-waiting',
    relationshipId: live.id,
    menteeId: live.menteeId,
    date: TODAY,
  });
  const named = new Set<unknown>(
    records.meetings!.flatMap((meeting) => (meeting.milestoneId ? [meeting.milestoneId] : [])),
  );
  expect(records.milestones!.some((milestone) => named.has(milestone.id))).toBe(true);
  expect(records.milestones!.some((milestone) => !named.has(milestone.id))).toBe(true);
  const planned = new Set<unknown>(records.goals!.map((goal) => goal.relationshipId));
  expect(records.relationships!.some((pair) => !planned.has(pair.id))).toBe(true);
  expect(records.trainingRecords!.length).toBeGreaterThan(
    records.people!.filter((p) => p.isMentor).length / 2,
  );
  return records;
}

describe('the summary fields on bulk writes', () => {
  it('are right after a whole clinic is written in the order a restore writes it, in batches', async () => {
    const records = sampleWithEveryCase();
    await write(records, TABLE_NAMES, 37);
    await expectSummariesRight('restore order, batches of 37');
    const { stored } = await summaries();
    // Every kind of summary is there to be checked.
    for (const field of [
      'hasGoal',
      'startWithoutPlan',
      'questionnaireAnswers',
      'questionnaireDueOn',
      'pairStatus',
      'debriefed',
      'debriefDueOn',
      'trainingRenewBy',
      'mentorRenewBy',
      'mentorLoad',
      'hasMentor',
      'openMentorLoad',
      'withRoom',
      'withoutMentor',
      'meetingDate',
    ])
      expect(
        Object.values(stored).some((row) => field in row),
        field,
      ).toBe(true);
  });

  it('are right when every record is written before the records it depends on', async () => {
    await write(sampleWithEveryCase(), [...TABLE_NAMES].reverse());
    await expectSummariesRight('reverse order');
  });

  it('are right when a bulk write fails in part and the transaction goes on', async () => {
    const records = sampleWithEveryCase();
    const db = getDb();
    // Everything but a share of the goals, meetings and training, written again below with a duplicate.
    const held: Record<string, Row[]> = {};
    for (const table of ['goals', 'meetings', 'trainingRecords', 'responses']) {
      held[table] = records[table]!.filter((_, at) => at % 3 === 0);
      records[table] = records[table]!.filter((_, at) => at % 3 !== 0);
    }
    await write(records, TABLE_NAMES);
    await db.transaction('rw', allTables(), async () => {
      for (const table of ['goals', 'meetings', 'trainingRecords', 'responses']) {
        const [taken] = records[table]!;
        // A record whose id is already taken, naming what the first held record names: it is not written.
        const clash = { ...held[table]![1]!, id: taken!.id };
        await expect(
          db.table(table).bulkAdd([...held[table]!.slice(0, 1), clash, ...held[table]!.slice(2)]),
        ).rejects.toThrow();
      }
    });
    await expectSummariesRight('after writes that failed in part');
  });

  it('follow puts that move, shorten and end, and deletes, in bulk', async () => {
    const records = sampleWithEveryCase();
    await write(records, TABLE_NAMES);
    const db = getDb();
    const pairIds = records.relationships!.map((pair) => pair.id as string);
    const people = records.people!.map((person) => person.id as string);
    await db.transaction('rw', allTables(), async () => {
      // Goals moved to other pairs, and some deleted: pairs gain and lose their plans.
      const goals = await db.goals.toArray();
      await db.goals.bulkPut(
        goals
          .filter((_, at) => at % 4 === 0)
          .map((goal, at) => ({ ...goal, relationshipId: pairIds[(at * 7) % pairIds.length]! })),
      );
      await db.goals.bulkDelete(goals.filter((_, at) => at % 4 === 1).map((goal) => goal.id));
    });
    await expectSummariesRight('goals moved and deleted');
    await db.transaction('rw', allTables(), async () => {
      // Training renewed earlier than recorded (shortened), given to someone else, later, deleted.
      const training = await db.trainingRecords.toArray();
      await db.trainingRecords.bulkPut(
        training.flatMap((record, at) =>
          at % 5 === 0
            ? [{ ...record, renewBy: '2020-01-01' }]
            : at % 5 === 1
              ? [{ ...record, personId: people[(at * 3) % people.length]! }]
              : at % 5 === 2
                ? [{ ...record, renewBy: '2031-06-30' }]
                : [],
        ),
      );
      await db.trainingRecords.bulkDelete(
        training.filter((_, at) => at % 5 === 3).map((record) => record.id),
      );
    });
    await expectSummariesRight('training shortened, moved, renewed later and deleted');
    await db.transaction('rw', allTables(), async () => {
      // Debrief meetings moved to another milestone, unlinked, deleted.
      const meetings = (await db.meetings.toArray()).filter((meeting) => meeting.milestoneId);
      const milestones = records.milestones!.map((milestone) => milestone.id as string);
      await db.meetings.bulkPut(
        meetings.flatMap((meeting, at) =>
          at % 3 === 0
            ? [{ ...meeting, milestoneId: milestones[(at * 5) % milestones.length] }]
            : at % 3 === 1
              ? [(({ milestoneId: _unlinked, ...unlinked }) => unlinked)(meeting)]
              : [],
        ),
      );
      await db.meetings.bulkDelete(meetings.filter((_, at) => at % 6 === 2).map((meeting) => meeting.id));
    });
    await expectSummariesRight('debrief meetings moved, unlinked and deleted');
    await db.transaction('rw', allTables(), async () => {
      // Meetings moved to another day (their action items follow), some kept on theirs, some deleted.
      const meetings = await db.meetings.toArray();
      await db.meetings.bulkPut(
        meetings.flatMap((meeting, at) =>
          at % 4 === 0
            ? [{ ...meeting, date: `2023-0${1 + (at % 9)}-1${at % 10}` }]
            : at % 4 === 1
              ? [meeting]
              : [],
        ),
      );
      await db.meetings.bulkDelete(meetings.filter((_, at) => at % 8 === 2).map((meeting) => meeting.id));
      // Action items moved to another meeting.
      const items = await db.actionItems.toArray();
      await db.actionItems.bulkPut(
        items
          .filter((_, at) => at % 5 === 0)
          .map((item, at) => ({ ...item, meetingId: meetings[(at * 7) % meetings.length]!.id })),
      );
    });
    await expectSummariesRight('meetings moved to another day and deleted, action items moved');
    await db.transaction('rw', allTables(), async () => {
      // Answers moved to another pair, to another checkpoint, to no checkpoint, and deleted.
      const responses = (await db.responses.toArray()).filter((response) => response.checkpoint);
      await db.responses.bulkPut(
        responses.flatMap<QuestionnaireResponse>((response, at) =>
          at % 4 === 0
            ? [{ ...response, relationshipId: pairIds[(at * 11) % pairIds.length]! }]
            : at % 4 === 1
              ? [{ ...response, checkpoint: response.checkpoint === 'end' ? 'month-1' : ('end' as const) }]
              : at % 4 === 2
                ? [{ ...response, relationshipId: null, checkpoint: null }]
                : [],
        ),
      );
      await db.responses.bulkDelete(responses.filter((_, at) => at % 8 === 3).map((response) => response.id));
    });
    await expectSummariesRight('answers moved, unlinked and deleted');
    await db.transaction('rw', allTables(), async () => {
      // Pairs given another mentor, started later, ended on another day.
      const pairs = await db.relationships.toArray();
      await db.relationships.bulkPut(
        pairs.flatMap((pair, at) =>
          at % 3 === 0
            ? [{ ...pair, mentorId: people[(at * 13) % people.length]! }]
            : at % 6 === 1
              ? [{ ...pair, menteeId: people[(at * 17) % people.length]! }]
              : at % 3 === 1
                ? [{ ...pair, startDate: '2024-03-01', endDate: pair.endDate ? TODAY : null }]
                : [],
        ),
      );
    });
    await expectSummariesRight('pairs with another mentor or mentee, start or end');
    await db.transaction('rw', allTables(), async () => {
      // Pairs ended and brought back; some deleted with their goals and milestones left behind.
      const pairs = await db.relationships.toArray();
      await db.relationships.bulkPut(
        pairs.map((pair, at) => ({
          ...pair,
          status: at % 2 ? 'completed' : pair.status === 'active' ? 'paused' : 'active',
        })),
      );
      await db.relationships.bulkDelete(pairs.filter((_, at) => at % 7 === 0).map((pair) => pair.id));
    });
    await expectSummariesRight('pairs ended, resumed and deleted');
  });

  it('follow each table emptied, in any order', async () => {
    for (const order of [
      [
        'relationships',
        'goals',
        'meetings',
        'trainingRecords',
        'milestones',
        'people',
        'responses',
        'actionItems',
      ],
      ['goals', 'trainingRecords', 'responses', 'meetings', 'relationships'],
    ]) {
      await write(sampleWithEveryCase(), TABLE_NAMES);
      for (const table of order) {
        await getDb().transaction('rw', allTables(), () => getDb().table(table).clear());
        await expectSummariesRight(`${table} emptied (${order.join(', ')})`);
      }
      await getDb().transaction('rw', allTables(), () =>
        Promise.all(allTables().map((table) => table.clear())),
      );
    }
  });
});
