import Dexie from 'dexie';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { getDb, switchDatabase } from '../renderer/data/db';
import { logMeeting } from '../renderer/data/meetings.repo';
import { goalsOfPeriod, readMonth, readTable } from '../renderer/data/report-digest-reads';
import { DIGESTED_TABLES } from '../renderer/data/report-digests';
import { ReportEngine } from '../renderer/data/report-engine';
import { SharedValues } from '../renderer/data/report-records';
import { digestsSaved, loadReportData, monthSpans, pairsPlannedByDay } from '../renderer/data/reports.repo';
import { todayIso } from '../renderer/domain/calendar';
import { computeReport } from '../renderer/domain/reports/compute-report';
import { resolvePeriod } from '../renderer/domain/reports/period';
import { computeQuestionnairesSection } from '../renderer/domain/reports/questionnaires';
import { relationshipsNeedingEarlierMeeting } from '../renderer/domain/reports/report-data';
import { LetterCard } from '../renderer/features/reports/LetterCard';
import { ReportDocument } from '../renderer/features/reports/ReportDocument';
import { SCREEN_ROWS } from '../renderer/features/reports/ScreenLimit';
import type { SampleSize } from '../renderer/sample-clinic';
import { fillDatabase } from './fill-database';
import { progress } from './suite';

// Where the Reports screen's time goes at 10,000 people: each read of the report's data timed alone
// (its own transaction, one after the other), then the whole load, each step of the computation, the
// message the worker sends, and what the window does with it (drawing the report and the letter's list
// of mentors), each timed alone.

export const name = 'report-reads';

const SIZES: Record<string, SampleSize> = {
  '1k': { people: 1_000, relationships: 2_000, meetings: 20_000 },
  '10k': 'large',
};

const ms = (value: number) => Math.round(value);

/** How many more times the figures the report's aim turns on are taken. */
const ROUNDS = 5;

/** The median of some times, and their range. */
function summary(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${ms(sorted[Math.floor(sorted.length / 2)] ?? 0)}; ${ms(sorted[0] ?? 0)}–${ms(sorted.at(-1) ?? 0)}`;
}

async function timed<T>(figures: Record<string, number | string>, label: string, work: () => Promise<T>) {
  const started = performance.now();
  const result = await work();
  const took = performance.now() - started;
  const count = Array.isArray(result) ? ` (${result.length} records)` : '';
  figures[`${label}${count} (ms)`] = ms(took);
  progress(`report-reads: ${label}${count}: ${ms(took)} ms`);
  return result;
}

/** About how many bytes a value holds (strings at two bytes a character). */
function sizeOf(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'string') return value.length * 2;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + sizeOf(item), 8);
  if (value && typeof value === 'object')
    return Object.entries(value).reduce((sum, [key, item]) => sum + key.length * 2 + sizeOf(item), 8);
  return 8;
}

/** Stores one block of `bytes` bytes in a database of its own, then reads it back (the read is returned). */
async function readBackBytes(bytes: number): Promise<ArrayBuffer> {
  const name = `bench-bytes-${Date.now()}`;
  const request = (wrapped: IDBRequest) =>
    new Promise<unknown>((resolve, reject) => {
      wrapped.onsuccess = () => resolve(wrapped.result);
      wrapped.onerror = () => reject(wrapped.error);
    });
  const opening = indexedDB.open(name, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore('bytes');
  const idb = (await request(opening)) as IDBDatabase;
  try {
    const block = new Uint8Array(bytes);
    for (let at = 0; at < bytes; at += 4096) block[at] = at % 251;
    const write = idb.transaction('bytes', 'readwrite');
    write.objectStore('bytes').put(block.buffer, 1);
    await new Promise((resolve) => {
      write.oncomplete = resolve;
    });
    const started = performance.now();
    const read = (await request(idb.transaction('bytes').objectStore('bytes').get(1))) as ArrayBuffer;
    progress(`report-reads: ${bytes} bytes read back in ${Math.round(performance.now() - started)} ms`);
    return read;
  } finally {
    idb.close();
    await request(indexedDB.deleteDatabase(name)).catch(() => undefined);
  }
}

export async function run(): Promise<Record<string, number | string>> {
  const words = (new URLSearchParams(location.search).get('scale') ?? '').split(',');
  // The 1k clinic unless GH_BENCH_SCALE asks for 10k (its clinic alone takes minutes to write).
  const label = words.includes('10k') ? '10k' : '1k';
  const figures: Record<string, number | string> = {};
  const today = todayIso();
  const period = resolvePeriod({ kind: 'last-12-months' }, today);
  const dbName = `bench-report-reads-${Date.now()}`;
  try {
    switchDatabase(dbName);
    const fill = performance.now();
    await fillDatabase(SIZES[label], today);
    progress(`report-reads: filled in ${ms(performance.now() - fill)} ms`);
    const db = getDb();
    const months = monthSpans(period.start, period.end);
    // GH_BENCH_WAYS=kept: only the report from kept digests, taken again and again (to profile it).
    const keptOnly = new URLSearchParams(location.search).get('ways') === 'kept';
    if (!keptOnly) {
      const raw = (table: string) => () => db.table(table).toCollection().raw().toArray();
      await timed(figures, 'warm-up: people', raw('people'));
      await timed(figures, 'people', raw('people'));
      await timed(figures, 'relationships', raw('relationships'));
      await timed(figures, 'training', raw('trainingRecords'));
      const items = await timed(figures, 'action items, all', raw('actionItems'));
      await timed(figures, 'responses of the period', () =>
        db.responses.where('answeredOn').between(period.start, period.end, true, true).raw().toArray(),
      );
      const meetings = await timed(figures, 'meetings, 12 months one after the other', async () => {
        const all = [];
        for (const month of months)
          all.push(
            ...(await db.meetings.where('date').between(month.start, month.end, true, true).raw().toArray()),
          );
        return all;
      });
      await timed(
        figures,
        'meetings, one range, IndexedDB getAll without Dexie',
        () =>
          new Promise<unknown[]>((resolve, reject) => {
            const idb = db.backendDB();
            const request = idb
              .transaction('meetings', 'readonly')
              .objectStore('meetings')
              .index('date')
              .getAll(IDBKeyRange.bound(period.start, period.end));
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
      );
      await timed(figures, 'meetings of the period, primary keys only', () =>
        db.meetings.where('date').between(period.start, period.end, true, true).primaryKeys(),
      );
      // The notes are stored apart since schema version 23: read here only to count them.
      const notes = await db.meetingNotes.bulkGet(meetings.map((meeting) => meeting.id));
      const noteChars = notes.reduce((sum, note) => sum + String(note?.notes ?? '').length, 0);
      figures['note characters in the period'] = noteChars;
      figures['meeting records as JSON, with notes (kB)'] = Math.round(
        JSON.stringify(meetings).length / 1024,
      );
      const dueDates = items.map((item) => item.dueDate).sort();
      figures['action items: first / last due date'] = `${dueDates[0]} / ${dueDates[dueDates.length - 1]}`;
      await timed(figures, 'action items of the period (meeting-date index, schema 22)', () =>
        db.actionItems.where('meetingDate').between(period.start, period.end, true, true).raw().toArray(),
      );
      await timed(figures, 'goals', raw('goals'));
      await timed(figures, 'goal progress', raw('goalProgress'));
      const monthReads = await timed(
        figures,
        'every month counted from its records (meetings, items, responses, goals with histories)',
        () =>
          db.transaction(
            'r',
            [db.meetings, db.actionItems, db.responses, db.goals, db.goalProgress, db.reportDigests],
            () => Promise.all(months.map((month) => readMonth(db, month, new SharedValues(), false))),
          ),
      );
      const periodGoals = goalsOfPeriod(monthReads);
      figures['goals set or achieved in the period / their history entries'] =
        `${periodGoals.goals.length} / ${periodGoals.history.length}`;
      const pairsRead = await db.relationships.toCollection().raw().toArray();
      await timed(figures, "pairs with a plan by the period's last day", () =>
        pairsPlannedByDay(db, period.end, pairsRead),
      );
      await timed(figures, 'milestones', raw('milestones'));
      await timed(figures, 'debrief meetings', () =>
        db.meetings.where('milestoneId').above('').raw().toArray(),
      );
      const pairs = await db.relationships.toCollection().raw().toArray();
      const needing = relationshipsNeedingEarlierMeeting(pairs, meetings, period.start);
      figures['pairs needing an earlier meeting'] = needing.length;
      await timed(figures, 'earlier meetings, one query a pair', async () => {
        const found = [];
        for (const id of needing)
          found.push(
            await db.meetings
              .where('[relationshipId+date]')
              .between([id, Dexie.minKey], [id, period.start], true, false)
              .raw()
              .last(),
          );
        return found;
      });

      await timed(figures, 'loadReportData, whole, every month from its records', () =>
        loadReportData(period, { digests: false }),
      );
    }
    await timed(figures, 'loadReportData, whole, digests made (saved after)', () => loadReportData(period));
    await timed(figures, 'the digests saved, after the report', () => digestsSaved(db));
    const data = await timed(figures, 'loadReportData, whole, from the kept digests', () =>
      loadReportData(period),
    );
    // The figure issue 11 turns on, taken again (a single reading swung by a third on this machine).
    const again: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      await loadReportData(period);
      again.push(performance.now() - started);
    }
    figures[`loadReportData from the kept digests, ${ROUNDS} more (ms, median; range)`] = summary(again);
    figures['digests kept'] = (await db.reportDigests.toArray()).filter((row) => row.digest).length;
    // Where the load from kept digests goes: the digests' records as the database hands them back, the
    // months unpacked, then each table unpacked.
    await timed(figures, 'the kept digests, records as stored', () => db.reportDigests.toArray());
    await timed(figures, 'every month from its kept digest (unpacked)', () =>
      db.transaction('r', db.reportDigests, () => {
        const shared = new SharedValues();
        return Promise.all(months.map((month) => readMonth(db, month, shared, true)));
      }),
    );
    // How much the kept digests hold, and what reading one block of bytes that size costs here: the
    // floor of any digest read, whatever its form.
    const keptBytes = (await db.reportDigests.toArray()).reduce((sum, row) => sum + sizeOf(row.digest), 0);
    figures['the kept digests, approximate size (kB)'] = Math.round(keptBytes / 1024);
    // The largest parts: each list of each digest (a month's summed over the months), and its largest column.
    const parts = new Map<string, number>();
    for (const row of await db.reportDigests.toArray()) {
      const lists = Object.entries(row.digest ?? {}).filter(([, value]) => typeof value === 'object');
      for (const [list, value] of lists) {
        const where = row.key.startsWith('table:') ? row.key : `months.${list}`;
        parts.set(where, (parts.get(where) ?? 0) + sizeOf(value));
        const columns = (value as { columns?: { field: string }[] }).columns ?? [];
        for (const column of columns)
          parts.set(
            `${where}.${column.field}`,
            (parts.get(`${where}.${column.field}`) ?? 0) + sizeOf(column),
          );
      }
    }
    const largest = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 12);
    for (const [where, bytes] of largest) figures[`  size of ${where} (kB)`] = Math.round(bytes / 1024);
    await timed(figures, 'one block of bytes that size, read back', () => readBackBytes(keptBytes));
    for (const table of DIGESTED_TABLES)
      await timed(figures, `${table} from its kept digest (unpacked)`, () =>
        db.transaction('r', db.reportDigests, async () => {
          const read = await readTable(db, table, async () => [], true, new SharedValues());
          if (read.unsaved.length > 0) throw new Error(`No kept digest of ${table}`);
          return read.rows;
        }),
      );
    const options = {
      period,
      programIds: 'all' as const,
      today,
      generatedAt: new Date().toISOString(),
      appVersion: 'bench',
    };
    computeReport(data, options);
    const started = performance.now();
    const report = computeReport(data, options);
    figures['computeReport (ms)'] = ms(performance.now() - started);
    // The questionnaires' section, which the engine computes beside the report.
    const section = () =>
      data.questionnaires &&
      computeQuestionnairesSection({
        period,
        questionnaires: data.questionnaires.questionnaires,
        responses: data.questionnaires.responses,
        answered: data.questionnaires.answered,
        relationships: data.relationships,
      });
    section();
    const sectionStart = performance.now();
    section();
    figures['computeQuestionnairesSection (ms)'] = ms(performance.now() - sectionStart);

    const make = () =>
      new ReportEngine(getDb).make(
        { ...options, screenRows: SCREEN_ROWS },
        () => undefined,
        () => true,
      );
    const made = await timed(figures, 'engine.make, whole', make);
    const computed: number[] = [];
    const whole: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let started = performance.now();
      computeReport(data, options);
      computed.push(performance.now() - started);
      started = performance.now();
      await make();
      whole.push(performance.now() - started);
    }
    figures[`computeReport, ${ROUNDS} more (ms, median; range)`] = summary(computed);
    figures[`engine.make, whole, from the kept digests, ${ROUNDS} more (ms, median; range)`] = summary(whole);
    // A day's work: a meeting logged today drops its month's digest and the pairs' (its last meeting), so
    // the next report counts those from the records and reads the rest from their digests.
    const pair = await db.relationships.where('status').equals('active').first();
    if (!pair) throw new Error('No active pair to log a meeting for');
    await logMeeting({
      relationshipId: pair.id,
      date: today,
      durationMinutes: 45,
      format: 'in-person',
      topics: [],
      notes: 'Bench meeting.',
      confidential: false,
      actionItems: [],
    });
    await timed(
      figures,
      "engine.make, whole, after a meeting is logged (this month's and the pairs' digests made again)",
      make,
    );
    await timed(figures, 'the digests saved, after that report', () => digestsSaved(db));
    figures['mentors in the letter list'] = made.mentors.length;
    const cloneStart = performance.now();
    const clone = structuredClone(made);
    figures['structured clone of the made report (ms)'] = ms(performance.now() - cloneStart);
    figures['made report as JSON (kB)'] = Math.round(JSON.stringify(clone).length / 1024);
    figures['made report without mentors as JSON (kB)'] = Math.round(
      JSON.stringify({ ...clone, mentors: [] }).length / 1024,
    );
    const fullStart = performance.now();
    structuredClone(report);
    figures['structured clone of the full report (ms)'] = ms(performance.now() - fullStart);

    for (const attempt of ['first', 'second']) {
      const host = document.createElement('div');
      document.body.append(host);
      const root = createRoot(host);
      let drawStart = performance.now();
      flushSync(() =>
        root.render(
          createElement(ReportDocument, { report: made.report, totals: made.totals, variant: 'screen' }),
        ),
      );
      figures[`draw the report on screen, ${attempt} (ms)`] = ms(performance.now() - drawStart);
      figures['report table rows'] = host.querySelectorAll('tr').length;
      root.unmount();
      drawStart = performance.now();
      const letterRoot = createRoot(host);
      flushSync(() =>
        letterRoot.render(
          createElement(LetterCard, {
            makeLetter: async () => {
              throw new Error('not asked');
            },
            reportKey: 'x',
            mentors: made.mentors,
            issuedOn: today,
            onSavePdf: () => undefined,
            busy: false,
          }),
        ),
      );
      figures[`draw the letter card with every mentor, ${attempt} (ms)`] = ms(performance.now() - drawStart);
      letterRoot.unmount();
      host.remove();
    }
    return figures;
  } finally {
    getDb().close();
    await Dexie.delete(dbName);
    switchDatabase(`bench-report-reads-idle-${Date.now()}`);
  }
}
