// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../renderer/data/db';
import { recordGoalProgress } from '../../renderer/data/goals.repo';
import { beginTurningOff, createLock } from '../../renderer/data/lock/keyring';
import { sealClinic, unsealClinic } from '../../renderer/data/lock/seal-all';
import { hasSealedValue } from '../../renderer/data/lock/sealing';
import {
  deleteMeeting,
  getMeeting,
  logMeeting,
  setActionItemDone,
  undoDeleteMeeting,
  updateMeeting,
} from '../../renderer/data/meetings.repo';
import { packRows, unpackRows } from '../../renderer/data/packed-rows';
import { saveResponse } from '../../renderer/data/questionnaires.repo';
import { readMonth, saveDigests, unpackMonth } from '../../renderer/data/report-digest-reads';
import {
  DIGEST_FORMAT,
  EVERY_DIGEST,
  type MonthDigest,
  partOfKey,
  partRange,
  type ReportDigestRecord,
  type StoredMonthDigest,
  type StoredTableDigest,
  tableDigestKey,
  tableParts,
} from '../../renderer/data/report-digests';
import { digestPair, reportResponse, SharedValues } from '../../renderer/data/report-records';
import { digestsSaved, loadReportData } from '../../renderer/data/reports.repo';
import { SESSION_RATING_ID } from '../../renderer/domain/questionnaires/built-in';
import { computeReport } from '../../renderer/domain/reports/compute-report';
import { type PeriodChoice, resolvePeriod } from '../../renderer/domain/reports/period';
import { computeQuestionnairesSection } from '../../renderer/domain/reports/questionnaires';
import { computeRecognitionLetter } from '../../renderer/domain/reports/recognition-letter';
import type { ReportData } from '../../renderer/domain/reports/report-data';
import type { MeetingInput } from '../../renderer/domain/rules';
import type { Meeting, Relationship } from '../../renderer/domain/types';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import {
  FAST_SCRYPT,
  fixTodayPerTest,
  freshDatabasePerTest,
  LOCKED_CONFIGURATION,
  loadAndSave,
  meetingInput,
  sealedAtRest,
  storedRows,
  TEST_CLINIC_PASSPHRASE,
  TODAY,
} from './helpers';

// Schema version 26: a report counts each month, and each table it reads whole, from its digest once a
// report has counted it, and every write drops the digests it touches, in the same transaction. What matters: a report made from
// digests is exactly the report made from the records, after any write; a digest counted before a write
// is never saved after it; a digest of another version or format is counted again.

const db = freshDatabasePerTest();
fixTodayPerTest();

describe("the parts of the pairs' digest", () => {
  const inRange = (key: string, { lower, upper }: { lower?: string; upper?: string }) =>
    (lower === undefined || key >= lower) && (upper === undefined || key < upper);

  it('puts every key in the one part whose range holds it, parts following the order of keys', () => {
    const keys = [
      ...Array.from({ length: 2000 }, () => crypto.randomUUID()),
      '',
      '0',
      '1',
      'f',
      'fffffff',
      'g',
      'A-capital',
      'z',
      '~',
      '\u{1F600}',
    ].sort();
    let previous = 0;
    for (const key of keys) {
      const part = partOfKey('relationships', key);
      expect(inRange(key, partRange('relationships', part))).toBe(true);
      for (let other = 0; other < tableParts('relationships'); other++)
        if (other !== part) expect(inRange(key, partRange('relationships', other))).toBe(false);
      expect(part).toBeGreaterThanOrEqual(previous);
      previous = part;
    }
    // Random ids spread over every part.
    expect(new Set(keys.map((key) => partOfKey('relationships', key))).size).toBe(16);
  });

  it('keeps the other tables whole, under their former keys', () => {
    expect(tableParts('people')).toBe(1);
    expect(tableDigestKey('people', partOfKey('people', crypto.randomUUID()))).toBe('table:people');
    expect(partRange('people', 0)).toEqual({ lower: undefined, upper: undefined });
  });
});

const PERIODS: PeriodChoice[] = [
  { kind: 'last-12-months' },
  { kind: 'calendar-year', year: 2023 },
  // A period starting and ending inside months, so digests of whole months are cut to it.
  { kind: 'custom', start: '2023-03-17', end: '2024-02-09' },
];

async function clinic(): Promise<void> {
  await loadSampleClinic({ seed: 26, size: { people: 40, relationships: 60, meetings: 700 }, today: TODAY });
}

function report(data: ReportData, choice: PeriodChoice) {
  return computeReport(data, {
    period: resolvePeriod(choice, TODAY),
    programIds: 'all',
    today: TODAY,
    generatedAt: `${TODAY}T12:00:00.000Z`,
    appVersion: 'test',
  });
}

async function digestMonths(): Promise<Map<string, ReportDigestRecord>> {
  const rows = await db().reportDigests.toArray();
  return new Map(rows.map((row) => [row.key, row]));
}

/** Every period's data and report from the digests (made where missing) equal those from the records. */
/** Freezes `value` and everything it holds, so that any change to it throws. */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const held of Object.values(value)) deepFreeze(held);
}

async function expectDigestsToMatchRecords(): Promise<void> {
  for (const choice of PERIODS) {
    const period = resolvePeriod(choice, TODAY);
    const fromRecords = await loadAndSave(period, { digests: false });
    const firstRead = await loadAndSave(period);
    const fromDigests = await loadAndSave(period);
    for (const data of [firstRead, fromDigests]) {
      expect(data).toEqual(fromRecords);
      expect(report(data, choice)).toEqual(report(fromRecords, choice));
    }
  }
}

function inputOf(meeting: Meeting & { actionItems: { text: string; owner: string }[] }): MeetingInput {
  return {
    relationshipId: meeting.relationshipId,
    date: meeting.date,
    durationMinutes: meeting.durationMinutes,
    format: meeting.format,
    topics: meeting.topics,
    notes: meeting.notes,
    confidential: meeting.confidential,
    actionItems: meeting.actionItems.map((item) => ({
      text: item.text,
      owner: item.owner,
      dueDate: null,
    })) as MeetingInput['actionItems'],
  };
}

/** A month's kept digest, unpacked as a report reads it. */
function monthOf(row: ReportDigestRecord | undefined): MonthDigest {
  return unpackMonth(row?.digest as StoredMonthDigest, new SharedValues());
}

/** The pairs as stored (sealed fields sealed), as the report's digest keeps them. */
async function digestedPairs() {
  const shared = new SharedValues();
  return (await storedRows(db().name, 'relationships')).map((pair) =>
    digestPair(pair as unknown as Relationship, shared),
  );
}

/** A table's kept rows, unpacked. */
function tableRows<T = Record<string, unknown>>(row: ReportDigestRecord | undefined): T[] {
  return unpackRows<T>((row!.digest as StoredTableDigest).rows);
}

/** The keys of the parts the pairs' digest is kept in, in the order of their keys. */
const pairParts = Array.from({ length: tableParts('relationships') }, (_, part) =>
  tableDigestKey('relationships', part),
);

/** The pairs' kept rows, every part's in turn (each part must be kept). */
function keptPairs(rows: ReportDigestRecord[]): Record<string, unknown>[] {
  return pairParts.flatMap((key) => tableRows<Record<string, unknown>>(rows.find((row) => row.key === key)));
}

describe('digests of the report (schema version 26)', () => {
  it('keeps a digest of each month a report counted, and reports from digests what the records give', async () => {
    await clinic();
    const digests = async () => (await db().reportDigests.toArray()).filter((row) => row.digest);
    // Writing the clinic stamped what it wrote (its many goals at once: every month), and counted none.
    expect(await db().reportDigests.get(EVERY_DIGEST)).toBeDefined();
    expect(await digests()).toEqual([]);
    const period = resolvePeriod({ kind: 'last-12-months' }, TODAY);
    const fromRecords = await loadAndSave(period, { digests: false });
    // Reading the records alone keeps nothing.
    expect(await digests()).toEqual([]);
    await loadAndSave(period);
    const all = await digests();
    // The tables a report reads whole, each as it reads it: the pairs as stored (sealed reasons sealed),
    // without their index fields.
    // The pairs' in parts by id.
    expect(all.filter((row) => row.key.startsWith('table:')).map((row) => row.key)).toEqual([
      'table:milestones',
      'table:people',
      ...[...pairParts].sort(),
      'table:trainingRecords',
    ]);
    expect(pairParts).toHaveLength(16);
    const pairs = keptPairs(all);
    expect(pairs).toEqual(await digestedPairs());
    expect(pairs.some((pair) => 'sideKeys' in pair || 'clockStart' in pair)).toBe(false);
    expect(pairs.some((pair) => 'answered' in pair)).toBe(true);
    expect(pairs.some((pair) => 'questionnaireAnswers' in pair)).toBe(false);
    const kept = new Map(
      all.filter((row) => /^\d{4}-\d{2}$/.test(row.key)).map((row) => [row.key, monthOf(row)]),
    );
    // Every month the period touches, whole: 13 calendar months for 12 months from a mid-month day.
    expect(kept.size).toBe(13);
    const counted = [...kept.values()].reduce((sum, digest) => sum + digest.meetings.length, 0);
    const inMonths = await db()
      .meetings.where('date')
      .between(`${period.start.slice(0, 7)}-01`, `${period.end.slice(0, 7)}-31`, true, true)
      .count();
    expect(counted).toBe(inMonths);
    expect(counted).toBeGreaterThan(fromRecords.meetings.length);
    for (const row of all)
      expect(row.digest).toMatchObject({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        format: DIGEST_FORMAT,
      });
    // A digest holds no note nor action-item text; its responses are as stored, sealed, with the lock on,
    // and as a report keeps them (no id, no times) without it.
    const text = JSON.stringify([...kept.values()]);
    expect(text).not.toContain('"notes"');
    expect(text).not.toContain('"text"');
    const responses = [...kept.values()].flatMap((digest) => digest.responses);
    expect(responses.length).toBeGreaterThan(10);
    const stored = await storedRows(db().name, 'responses');
    const byId = new Map(stored.map((response) => [response.id, response]));
    const shared = new SharedValues();
    const plain = stored.map((response) => reportResponse(response, shared));
    for (const response of responses) {
      expect(sealedAtRest('responses', response, 'answers')).toBe(LOCKED_CONFIGURATION);
      if (LOCKED_CONFIGURATION) expect(response).toEqual(byId.get(response.id as string));
      else {
        expect(response).not.toHaveProperty('id');
        expect(response).not.toHaveProperty('createdAt');
        expect(plain).toContainEqual(response);
      }
    }
    await expectDigestsToMatchRecords();
  });

  it('drops the digests of the months a write touches, and reports what the records give after each write', async () => {
    await clinic();
    await expectDigestsToMatchRecords();
    const all = await digestMonths();
    const meetings = await db()
      .meetings.where('date')
      .between('2023-06-01', '2023-06-30', true, true)
      .toArray();
    const moved = meetings[0];
    expect(moved).toBeDefined();

    // An edit that moves a meeting (and its action items) from June to September 2023.
    const full = (await getMeeting(moved.id))!;
    await updateMeeting(moved.id, {
      ...inputOf(full),
      date: '2023-09-12',
      actionItems: [{ text: 'Read the guideline', owner: 'mentee', dueDate: '2023-10-01' }],
    } as MeetingInput);
    let now = await digestMonths();
    expect(now.get('2023-06')?.digest).toBeUndefined();
    expect(now.get('2023-09')?.digest).toBeUndefined();
    expect(now.get('2023-06')?.stamp).not.toBe(all.get('2023-06')?.stamp);
    // Months it did not touch keep their digest.
    expect(now.get('2023-07')?.digest).toEqual(all.get('2023-07')?.digest);
    await expectDigestsToMatchRecords();

    // A meeting logged, one deleted and brought back, an action item ticked off.
    const logged = await logMeeting({
      ...inputOf(full),
      date: '2023-11-03',
      actionItems: [{ text: 'Shadow a night shift', owner: 'both', dueDate: '2023-11-20' }],
    } as MeetingInput);
    expect((await digestMonths()).get('2023-11')?.digest).toBeUndefined();
    await expectDigestsToMatchRecords();
    const deleted = await deleteMeeting(logged.id);
    expect((await digestMonths()).get('2023-11')?.digest).toBeUndefined();
    await expectDigestsToMatchRecords();
    await undoDeleteMeeting(deleted);
    await expectDigestsToMatchRecords();
    const item = (await db().actionItems.where('meetingId').equals(logged.id).first())!;
    now = await digestMonths();
    expect(now.get('2023-11')?.digest).toBeDefined();
    await setActionItemDone(item.id, true);
    expect((await digestMonths()).get('2023-11')?.digest).toBeUndefined();
    await expectDigestsToMatchRecords();

    // A response given today, then moved to another month.
    const pair = (await db().relationships.get(full.relationshipId))!;
    const saved = await saveResponse({
      questionnaireId: SESSION_RATING_ID,
      personId: pair.menteeId,
      relationshipId: pair.id,
      checkpoint: null,
      answers: { useful: 4, heard: 5, open: 3 },
      wantsContact: false,
    });
    expect((await digestMonths()).get(TODAY.slice(0, 7))?.digest).toBeUndefined();
    await expectDigestsToMatchRecords();
    await db().transaction('rw', [db().responses, db().relationships, db().people], () =>
      db().responses.update(saved.id, { answeredOn: '2023-08-09' }),
    );
    now = await digestMonths();
    expect(now.get(TODAY.slice(0, 7))?.digest).toBeUndefined();
    expect(now.get('2023-08')?.digest).toBeUndefined();
    await expectDigestsToMatchRecords();
  });

  it('drops the months a goal was set and achieved in when the goal or its history changes', async () => {
    await clinic();
    await expectDigestsToMatchRecords();
    const achieved = await db()
      .goalProgress.where('[status+date]')
      .between(['achieved', '2023-01-01'], ['achieved', '2023-12-31'], true, true)
      .first();
    expect(achieved).toBeDefined();
    const goal = (await db().goals.get(achieved!.goalId))!;
    const achievedMonth = achieved!.date.slice(0, 7);
    const setMonth = goal.setDate.slice(0, 7);
    const kept = await digestMonths();
    expect(kept.get(achievedMonth)?.digest).toBeDefined();

    // Another entry of its history, on a day of a month where it was not achieved: the months it was
    // achieved in hold its whole history, so they are dropped; so is nothing else of that year's.
    const entryMonths = new Set(
      (await db().goalProgress.where('goalId').equals(goal.id).toArray())
        .filter((entry) => entry.status === 'achieved')
        .map((entry) => entry.date.slice(0, 7)),
    );
    await recordGoalProgress({ goalId: goal.id, status: 'at-risk', note: 'Slipped' }, '2024-05-02');
    let now = await digestMonths();
    for (const month of entryMonths) expect(now.get(month)?.digest).toBeUndefined();
    const untouched = [...kept.keys()].filter(
      (month) =>
        month !== EVERY_DIGEST && !entryMonths.has(month) && month !== '2024-05' && kept.get(month)?.digest,
    );
    expect(untouched.length).toBeGreaterThan(0);
    for (const month of untouched) expect(now.get(month)?.digest).toEqual(kept.get(month)?.digest);
    await expectDigestsToMatchRecords();

    // The goal itself edited: its set month and the months it was achieved in.
    await db().transaction('rw', [db().goals, db().goalProgress], () =>
      db().goals.update(goal.id, { targetDate: '2025-01-31' }),
    );
    now = await digestMonths();
    expect(now.get(setMonth)?.digest).toBeUndefined();
    expect(now.get(achievedMonth)?.digest).toBeUndefined();
    await expectDigestsToMatchRecords();

    // Achieved again today, through the app.
    await recordGoalProgress({ goalId: goal.id, status: 'achieved', note: 'Done again' }, TODAY);
    expect((await digestMonths()).get(TODAY.slice(0, 7))?.digest).toBeUndefined();
    await expectDigestsToMatchRecords();

    // A write of many goals at once drops every month.
    const goals = await db().goals.limit(150).toArray();
    expect(goals.length).toBeGreaterThan(100);
    await db().transaction('rw', [db().goals], () => db().goals.bulkPut(goals));
    const rows = await db().reportDigests.toArray();
    expect(rows.map((row) => row.key)).toEqual([EVERY_DIGEST]);
    await expectDigestsToMatchRecords();
  });

  it("drops a table's digest on any write of the table, the milestones' also on a debrief meeting", async () => {
    await clinic();
    await expectDigestsToMatchRecords();
    /** A write in one transaction over every table (what each table's summaries need). */
    const write = (change: () => Promise<unknown>) => db().transaction('rw', db().tables, change);
    const dropped = async (key: string) => (await db().reportDigests.get(key))?.digest === undefined;
    const refill = () => loadAndSave(resolvePeriod({ kind: 'last-12-months' }, TODAY));

    /** The parts of the pairs' digest dropped. */
    const pairPartsDropped = async () =>
      (await db().reportDigests.bulkGet(pairParts)).filter((row) => row?.digest === undefined).length;

    const person = (await db().people.toCollection().first())!;
    await write(() => db().people.update(person.id, { specialty: 'Oncology' }));
    expect(await dropped('table:people')).toBe(true);
    expect(await pairPartsDropped()).toBe(0);
    await expectDigestsToMatchRecords();

    // A pair's write drops the part its id is in, alone.
    const pair = (await db().relationships.toCollection().last())!;
    await write(() => db().relationships.update(pair.id, { plannedEndDate: '2026-01-31' }));
    expect(await dropped(tableDigestKey('relationships', partOfKey('relationships', pair.id)))).toBe(true);
    expect(await pairPartsDropped()).toBe(1);
    expect(await dropped('table:people')).toBe(false);
    await expectDigestsToMatchRecords();

    // Logging a meeting changes its pair's record (its last meeting's day): one part again.
    await refill();
    await logMeeting(meetingInput(pair.id, { date: TODAY }));
    expect(await pairPartsDropped()).toBe(1);
    await expectDigestsToMatchRecords();

    // Deleting a pair drops its part; a pair added in another part, that part.
    await refill();
    const other = (await db().relationships.toCollection().first())!;
    expect(partOfKey('relationships', other.id)).not.toBe(partOfKey('relationships', pair.id));
    await write(() => db().relationships.delete(other.id));
    expect(await dropped(tableDigestKey('relationships', partOfKey('relationships', other.id)))).toBe(true);
    expect(await pairPartsDropped()).toBe(1);
    await expectDigestsToMatchRecords();

    const record = (await db().trainingRecords.toCollection().first())!;
    await write(() => db().trainingRecords.update(record.id, { hours: 7.5 }));
    expect(await dropped('table:trainingRecords')).toBe(true);
    await expectDigestsToMatchRecords();

    const milestone = (await db().milestones.toCollection().first())!;
    await write(() => db().milestones.update(milestone.id, { date: '2024-01-09' }));
    expect(await dropped('table:milestones')).toBe(true);
    await expectDigestsToMatchRecords();

    // A meeting that debriefs a milestone gives its first debrief day.
    await refill();
    expect(await dropped('table:milestones')).toBe(false);
    const plain = (await db()
      .meetings.filter((meeting) => meeting.milestoneId === undefined)
      .first())!;
    await write(() => db().meetings.update(plain.id, { durationMinutes: 50 }));
    expect(await dropped('table:milestones')).toBe(false);
    await write(() => db().meetings.update(plain.id, { milestoneId: milestone.id, date: '2024-01-10' }));
    expect(await dropped('table:milestones')).toBe(true);
    await expectDigestsToMatchRecords();
  });

  // The walk that seals the clinic (or opens it again) writes beneath every layer; it drops every digest.
  it.skipIf(LOCKED_CONFIGURATION)(
    'keeps no digest of plain answers or reasons once the lock is turned on, nor of sealed ones once it is off',
    async () => {
      await clinic();
      await expectDigestsToMatchRecords();
      let sealedResponsesHeld = 0;
      const heldAsStored = async () => {
        const rows = await db().reportDigests.toArray();
        expect(keptPairs(rows)).toEqual(await digestedPairs());
        for (const row of rows) {
          if (/^\d{4}-\d{2}$/.test(row.key) && row.digest) {
            // The month's responses in the answer-date index's order: a sealed one as stored, a plain one
            // as a report keeps it (no id, no times).
            const inMonth = (await storedRows(db().name, 'responses'))
              .filter((response) => String(response.answeredOn).startsWith(row.key))
              .sort(
                (a, b) =>
                  String(a.answeredOn).localeCompare(String(b.answeredOn)) ||
                  (String(a.id) < String(b.id) ? -1 : 1),
              );
            const shared = new SharedValues();
            const held = monthOf(row).responses;
            expect(held).toEqual(
              inMonth.map((response) =>
                hasSealedValue('responses', response) ? response : reportResponse(response, shared),
              ),
            );
            expect(held.length).toBeGreaterThan(0);
            sealedResponsesHeld += held.filter((response) => hasSealedValue('responses', response)).length;
          }
        }
      };
      await createLock(db().name, TEST_CLINIC_PASSPHRASE, FAST_SCRYPT);
      await sealClinic(db());
      expect((await db().reportDigests.toArray()).filter((row) => row.digest)).toEqual([]);
      await expectDigestsToMatchRecords();
      await heldAsStored();
      expect(sealedResponsesHeld).toBeGreaterThan(0);
      const digested = keptPairs(await db().reportDigests.toArray());
      expect(digested).toEqual(await digestedPairs());
      expect(digested.some((pair) => sealedAtRest('relationships', pair, 'endReason'))).toBe(true);

      await beginTurningOff(db().name, TEST_CLINIC_PASSPHRASE);
      await unsealClinic(db());
      expect((await db().reportDigests.toArray()).filter((row) => row.digest)).toEqual([]);
      await expectDigestsToMatchRecords();
      sealedResponsesHeld = 0;
      await heldAsStored();
      expect(sealedResponsesHeld).toBe(0);
    },
  );

  it('drops the digests on a write in a transaction that does not name them, and on clearing a table', async () => {
    await clinic();
    await expectDigestsToMatchRecords();
    const before = await digestMonths();
    const meeting = (await db()
      .meetings.where('date')
      .between('2024-02-01', '2024-02-29', true, true)
      .first())!;
    // The app's own tables only: the digests are added to the transaction beneath.
    await db().transaction('rw', db().meetings, () =>
      db().meetings.update(meeting.id, { durationMinutes: 90 }),
    );
    const after = await digestMonths();
    expect(after.get('2024-02')?.digest).toBeUndefined();
    expect(after.get('2024-01')?.digest).toEqual(before.get('2024-01')?.digest);
    await expectDigestsToMatchRecords();

    const everyBefore = (await db().reportDigests.get(EVERY_DIGEST))?.stamp;
    await db().transaction('rw', db().actionItems, () => db().actionItems.clear());
    const cleared = await db().reportDigests.toArray();
    expect(cleared).toHaveLength(1);
    expect(cleared[0].key).toBe(EVERY_DIGEST);
    expect(cleared[0].stamp).not.toBe(everyBefore);
    await expectDigestsToMatchRecords();
  });

  it('never saves a month counted before a write that touched it, nor any after a table was cleared', async () => {
    await clinic();
    const span = { start: '2023-05-01', end: '2023-05-31' };
    const count = async () =>
      db().transaction(
        'r',
        [db().meetings, db().actionItems, db().responses, db().goals, db().goalProgress, db().reportDigests],
        () => readMonth(db(), span, new SharedValues(), true),
      );
    const everyMonthStamp = async () => (await db().reportDigests.get(EVERY_DIGEST))?.stamp ?? null;

    // Counted, then a meeting of May is edited before the count is saved: the stale count is not kept.
    let stamp = await everyMonthStamp();
    let read = await count();
    expect(read.unsaved).toBeDefined();
    const may = read.meetings[0];
    await db().transaction('rw', [db().meetings, db().meetingNotes], () =>
      db().meetings.update(may.id, { durationMinutes: 5 }),
    );
    await saveDigests(db(), { everyStamp: stamp, digests: [read.unsaved!] });
    expect((await db().reportDigests.get('2023-05'))?.digest).toBeUndefined();

    // Counted, then the meetings are cleared: nothing is saved.
    stamp = await everyMonthStamp();
    read = await count();
    await db().transaction('rw', [db().meetings, db().meetingNotes], () => db().meetings.clear());
    await saveDigests(db(), { everyStamp: stamp, digests: [read.unsaved!] });
    expect((await db().reportDigests.get('2023-05'))?.digest).toBeUndefined();

    // Counted and saved with nothing in between: kept, and used by the next read.
    stamp = await everyMonthStamp();
    read = await count();
    await saveDigests(db(), { everyStamp: stamp, digests: [read.unsaved!] });
    const saved = monthOf(await db().reportDigests.get('2023-05'));
    expect(saved.meetings).toHaveLength(read.meetings.length);
    const again = await count();
    expect(again.unsaved).toBeUndefined();
    expect(again.meetings).toEqual(read.meetings);
  });

  it("never changes the records a report reads: the first report's data, frozen, makes every figure and letter", async () => {
    await clinic();
    const period = resolvePeriod({ kind: 'last-12-months' }, TODAY);
    // No digest yet: the people, goals and histories handed to the report are those saved as digests after.
    const data = await loadReportData(period);
    deepFreeze(data);
    const programs = ['all' as const, ...data.programs.map((program) => [program.id])];
    for (const programIds of programs) {
      const options = {
        period,
        programIds,
        today: TODAY,
        generatedAt: `${TODAY}T12:00:00.000Z`,
        appVersion: 'test',
      };
      expect(computeReport(data, options).census).toBeDefined();
      const questionnaires = data.questionnaires;
      if (questionnaires)
        computeQuestionnairesSection({
          period,
          questionnaires: questionnaires.questionnaires,
          responses: questionnaires.responses,
          answered: questionnaires.answered,
          relationships: data.relationships,
        });
    }
    for (const mentorId of new Set(data.relationships.map((pair) => pair.mentorId)))
      expect(computeRecognitionLetter(data, period, mentorId).meetings).toBeGreaterThanOrEqual(0);
    await digestsSaved();
    await expectDigestsToMatchRecords();
  });

  it('counts again a month whose digest another schema version or format made', async () => {
    await clinic();
    const period = resolvePeriod({ kind: 'calendar-year', year: 2023 }, TODAY);
    await loadAndSave(period);
    const fromRecords = await loadAndSave(period, { digests: false });
    const march = (await db().reportDigests.get('2023-03'))! as ReportDigestRecord & {
      digest: StoredMonthDigest;
    };
    // A digest from another version that would count one meeting fewer, one of another format with none.
    await db().reportDigests.put({
      ...march,
      digest: {
        ...march.digest,
        schemaVersion: CURRENT_SCHEMA_VERSION - 1,
        meetings: packRows(monthOf(march).meetings.slice(1)),
      },
    });
    const april = (await db().reportDigests.get('2023-04'))! as ReportDigestRecord & {
      digest: StoredMonthDigest;
    };
    await db().reportDigests.put({
      ...april,
      digest: { ...april.digest, format: DIGEST_FORMAT + 1, meetings: packRows([]) },
    });
    const data = await loadAndSave(period);
    expect(data.meetings).toEqual(fromRecords.meetings);
    expect((await db().reportDigests.get('2023-03'))?.digest).toEqual(march.digest);
    expect((await db().reportDigests.get('2023-04'))?.digest).toEqual(april.digest);
  });
});
