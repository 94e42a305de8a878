// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  deleteMeeting,
  getMeeting,
  logMeeting,
  undoDeleteMeeting,
  updateMeeting,
} from '../../renderer/data/meetings.repo';
import { loadReportData } from '../../renderer/data/reports.repo';
import { addDaysIso } from '../../renderer/domain/calendar';
import { computeReport } from '../../renderer/domain/reports/compute-report';
import { type PeriodChoice, type ReportPeriod, resolvePeriod } from '../../renderer/domain/reports/period';
import { computeRecognitionLetter } from '../../renderer/domain/reports/recognition-letter';
import { type ReportData, reportItemsOf } from '../../renderer/domain/reports/report-data';
import type { GoalProgress, GoalStatus, IsoDate } from '../../renderer/domain/types';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import { freshDatabasePerTest, meetingInput, seedPair, TODAY } from './helpers';

// The report reads only what its period needs: the goals set or achieved within it (with each achieved
// goal's whole history) and which pairs had a plan by its last day, instead of every goal and every
// history entry ever. Over a generated clinic, with histories that go back and forth added, for several
// periods (their first and last days on the days goals were set and achieved included), the report and
// every mentor's recognition letter must be exactly those computed from every goal and every entry, read
// whole through the app's own reads — the loader as it was.

const db = freshDatabasePerTest();

/** A small random generator, so the histories added are the same at each run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const STATUSES: GoalStatus[] = ['not-started', 'on-track', 'at-risk', 'achieved', 'dropped'];

/**
 * The sample clinic, plus entries that make histories go back and forth: achieved twice in a row,
 * achieved again after being reopened, several entries on one day (their order is their creation time).
 */
async function clinic(): Promise<void> {
  await loadSampleClinic({
    seed: 11,
    size: { people: 70, relationships: 120, meetings: 1_200 },
    today: TODAY,
  });
  const next = random(7);
  const goals = await db().goals.toArray();
  const added: GoalProgress[] = [];
  for (const goal of goals) {
    if (next() < 0.5) continue;
    let day = goal.setDate;
    for (let step = 0; step < 1 + Math.floor(next() * 5); step++) {
      day = addDaysIso(day, Math.floor(next() * 60));
      if (day > TODAY) break;
      added.push({
        id: `extra-${goal.id}-${step}`,
        goalId: goal.id,
        relationshipId: goal.relationshipId,
        meetingId: null,
        date: day,
        status: next() < 0.45 ? 'achieved' : STATUSES[Math.floor(next() * STATUSES.length)],
        note: `Entry ${step}`,
        createdAt: `${day}T${String(8 + step).padStart(2, '0')}:00:00.000Z`,
      });
    }
  }
  await db().goalProgress.bulkAdd(added);
  // Pairs that set a further goal later on: at a period's end between the two, they had a plan already.
  const later = goals
    .filter(() => next() < 0.3)
    .map((goal) => ({
      ...goal,
      id: `later-${goal.id}`,
      setDate: addDaysIso(goal.setDate, 30 + Math.floor(next() * 300)),
    }))
    .filter((goal) => goal.setDate <= TODAY);
  await db().transaction('rw', [db().goals, db().relationships], () => db().goals.bulkAdd(later));
}

/**
 * The loader as it was: every goal and every history entry, read whole, no plan summary, and every
 * action item read to keep those agreed at the period's meetings.
 */
async function wholeTableData(period: ReportPeriod): Promise<ReportData> {
  const read = await loadReportData(period);
  const actionItems = reportItemsOf(await db().actionItems.toArray(), read.meetings);
  const goals = (await db().goals.toArray()).map(
    ({ title: _t, details: _d, steps: _s, dropReason: _r, ...goal }) => goal,
  );
  const goalProgress = (await db().goalProgress.toArray()).map(({ note: _note, ...entry }) => entry);
  const { pairsPlannedBy: _planned, ...rest } = read;
  return { ...rest, goals, goalProgress, actionItems };
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

function report(data: ReportData, period: ReportPeriod, programIds: string[] | 'all') {
  return computeReport(data, {
    period,
    programIds,
    today: TODAY,
    generatedAt: `${TODAY}T12:00:00.000Z`,
    appVersion: 'test',
  });
}

describe("the report's goals, read for its period only", () => {
  it('gives the report and the letters the whole tables give, for each period and program', async () => {
    await clinic();
    const programIds = (await db().programs.toArray()).map((program) => program.id);
    const entries = await db().goalProgress.toArray();
    const achievedDays = entries.filter((entry) => entry.status === 'achieved').map((entry) => entry.date);
    const setDays = (await db().goals.toArray()).map((goal) => goal.setDate).sort();
    const day = (days: IsoDate[], at: number) => [...days].sort()[Math.floor(days.length * at)];
    const choices: PeriodChoice[] = [
      { kind: 'last-12-months' },
      { kind: 'calendar-year', year: 2023 },
      { kind: 'custom', start: '2024-02-01', end: '2024-04-30' },
      { kind: 'custom', start: '2010-01-01', end: TODAY },
      // First and last days on days goals were set and achieved.
      { kind: 'custom', start: day(achievedDays, 0.3), end: day(setDays, 0.8) },
      { kind: 'custom', start: day(setDays, 0.2), end: day(achievedDays, 0.6) },
      { kind: 'custom', start: day(achievedDays, 0.5), end: day(achievedDays, 0.5) },
      { kind: 'custom', start: day(setDays, 0.05), end: day(setDays, 0.1) },
    ];
    let fewerItems = 0;
    let items = 0;
    let fewerGoals = 0;
    let fewerEntries = 0;
    let achieved = 0;
    let withoutPlan = 0;
    for (const choice of choices) {
      const period = resolvePeriod(choice, TODAY);
      const read = await loadReportData(period);
      const whole = await wholeTableData(period);
      if (read.goals.length < whole.goals.length) fewerGoals++;
      expect(byId(read.actionItems)).toEqual(byId(whole.actionItems));
      items += read.actionItems.length;
      if (read.actionItems.length < (await db().actionItems.count())) fewerItems++;
      if (read.goalProgress.length < whole.goalProgress.length) fewerEntries++;
      for (const chosen of ['all' as const, ...programIds.map((id) => [id])]) {
        const made = report(read, period, chosen);
        expect(made).toEqual(report(whole, period, chosen));
        if (typeof made.goals.achieved === 'number') achieved += made.goals.achieved;
        if (typeof made.goals.pairsWithoutPlan === 'number') withoutPlan += made.goals.pairsWithoutPlan;
      }
      for (const mentorId of new Set(read.relationships.map((pair) => pair.mentorId)))
        expect(computeRecognitionLetter(read, period, mentorId)).toEqual(
          computeRecognitionLetter(whole, period, mentorId),
        );
    }
    // The test means something: goals are achieved and pairs lack a plan in the periods, and the loader
    // reads fewer goals and entries than there are for most of them.
    expect(achieved).toBeGreaterThan(0);
    expect(items).toBeGreaterThan(0);
    expect(fewerItems).toBeGreaterThanOrEqual(choices.length - 1);
    expect(withoutPlan).toBeGreaterThan(0);
    expect(fewerGoals).toBeGreaterThanOrEqual(choices.length - 2);
    expect(fewerEntries).toBeGreaterThanOrEqual(choices.length - 2);
  });

  it("reads the action items of the period's meetings as meetings are logged, moved and deleted", async () => {
    const { relationship } = await seedPair();
    const items = (text: string) => [{ text, owner: 'mentee' as const, dueDate: '2024-07-01' }];
    const march = await logMeeting(
      meetingInput(relationship.id, { date: '2024-03-31', actionItems: items('Read the bundle') }),
    );
    const april = await logMeeting(
      meetingInput(relationship.id, { date: '2024-04-01', actionItems: items('Shadow a shift') }),
    );
    const ids = async (start: IsoDate, end: IsoDate) =>
      (await loadReportData({ start, end })).actionItems.map((item) => item.id).sort();
    const [marchItem] = (await getMeeting(march.id))!.actionItems;
    const [aprilItem] = (await getMeeting(april.id))!.actionItems;
    expect(await ids('2024-03-01', '2024-03-31')).toEqual([marchItem!.id]);
    expect(await ids('2024-04-01', '2024-04-30')).toEqual([aprilItem!.id]);
    // The March meeting is corrected to 2 April: its item follows it, and one added meanwhile too.
    await updateMeeting(march.id, {
      ...meetingInput(relationship.id, { date: '2024-04-02' }),
      actionItems: [
        { id: marchItem!.id, text: 'Read the bundle', owner: 'mentee', dueDate: '2024-07-01' },
        { text: 'Ask the educator', owner: 'mentor', dueDate: null },
      ],
    });
    expect(await ids('2024-03-01', '2024-03-31')).toEqual([]);
    const moved = (await getMeeting(march.id))!.actionItems.map((item) => item.id);
    expect(await ids('2024-04-01', '2024-04-30')).toEqual([...moved, aprilItem!.id].sort());
    expect(await ids('2024-04-02', '2024-04-02')).toEqual([...moved].sort());
    // Deleted, then brought back: its items come and go with it.
    const deleted = await deleteMeeting(april.id);
    expect(await ids('2024-04-01', '2024-04-01')).toEqual([]);
    await undoDeleteMeeting(deleted);
    expect(await ids('2024-04-01', '2024-04-01')).toEqual([aprilItem!.id]);
  });

  it('refuses to count plans for a period ending on another day than the one it read', async () => {
    await clinic();
    const period = resolvePeriod({ kind: 'custom', start: '2024-01-01', end: '2024-03-31' }, TODAY);
    const data = await loadReportData(period);
    expect(() => report(data, { ...period, end: '2024-02-29' }, 'all')).toThrow(/another period/);
  });
});
