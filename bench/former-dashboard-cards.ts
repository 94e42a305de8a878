import Dexie from 'dexie';
import { getDb } from '../renderer/data/db';
import type { DueQuestionnairesView, OpenSupportRequest } from '../renderer/data/questionnaires.repo';
import type { TrainingDueList, TrainingDueRow } from '../renderer/data/training.repo';
import { addDaysIso } from '../renderer/domain/calendar';
import { computeDebriefsDue, type DebriefDue } from '../renderer/domain/milestones';
import { computePlanDashboard, type PlanDashboardView } from '../renderer/domain/plan-dashboard';
import {
  dueQuestionnaires,
  endWindowStart,
  fitStartWindows,
  type SchedulePair,
} from '../renderer/domain/questionnaires/schedule';
import type { Checkpoint } from '../renderer/domain/questionnaires/types';
import { LAPSING_WITHIN_DAYS, trainingStatusOn } from '../renderer/domain/training';
import {
  type Id,
  type IsoDate,
  OPEN_GOAL_STATUSES,
  type Relationship,
  type TrainingRecord,
} from '../renderer/domain/types';

// The dashboard's other cards as they were loaded before schema version 12, kept as the benchmark's
// baseline: each read every record of its kind that could ever be on it (every active pair a month in,
// every milestone, every completion whose renew-by day has passed, every request for contact).

/** Every month has at least 28 days: a pair that started later cannot be a month in yet. */
const SHORTEST_MONTH_DAYS = 28;

export async function formerPlanDashboard(
  today: IsoDate,
  rows = Number.POSITIVE_INFINITY,
): Promise<PlanDashboardView> {
  const db = getDb();
  return db.transaction('r', [db.goals, db.relationships, db.programs, db.people], async () => {
    const [overdueKeys, candidatePairs, plannedPairs, liveIds] = await Promise.all([
      Promise.all(
        OPEN_GOAL_STATUSES.map((status) =>
          db.goals
            .where('[status+targetDate]')
            .between([status, Dexie.minKey], [status, today], true, false)
            .primaryKeys(),
        ),
      ),
      db.relationships
        .where('[status+startDate+id]')
        .between(
          ['active', Dexie.minKey, Dexie.minKey],
          ['active', addDaysIso(today, -SHORTEST_MONTH_DAYS), Dexie.minKey],
          true,
          false,
        )
        .toArray(),
      db.goals.orderBy('relationshipId').uniqueKeys(),
      db.relationships.where('status').anyOf(['active', 'paused', 'proposed']).primaryKeys(),
    ]);
    const planned = new Set(plannedPairs.map(String));
    const live = new Set(liveIds);
    // Goals of closed pairs are not followed up: read the goals to tell, then cut to the rows shown.
    const overdueGoals = (await db.goals.bulkGet(overdueKeys.flat())).flatMap((goal) =>
      goal && live.has(goal.relationshipId) ? [goal] : [],
    );
    const withoutPlan = candidatePairs.filter((pair) => !planned.has(pair.id));
    const programs = await db.programs.toArray();

    const pairs = new Map<string, Relationship>(withoutPlan.map((pair) => [pair.id, pair]));
    const goalPairIds = [...new Set(overdueGoals.map((goal) => goal.relationshipId))].filter(
      (id) => !pairs.has(id),
    );
    for (const pair of await db.relationships.bulkGet(goalPairIds)) if (pair) pairs.set(pair.id, pair);
    const full = computePlanDashboard(
      { goals: overdueGoals, relationships: [...pairs.values()], planned, programs, people: [] },
      today,
    );
    const shownGoals = full.overdueGoals.slice(0, rows);
    const shownPairs = full.pairsWithoutPlan.slice(0, rows);
    const shownIds = new Set([...shownGoals, ...shownPairs].map((row) => row.relationshipId));
    const listed = [...shownIds].flatMap((id) => pairs.get(id) ?? []);
    const personIds = [...new Set(listed.flatMap((pair) => [pair.mentorId, pair.menteeId]))];
    const people = (await db.people.bulkGet(personIds)).flatMap((person) =>
      person ? [{ id: person.id, name: person.name }] : [],
    );
    const shownGoalIds = new Set(shownGoals.map((row) => row.goalId));
    const board = computePlanDashboard(
      {
        goals: overdueGoals.filter((goal) => shownGoalIds.has(goal.id)),
        relationships: listed,
        planned,
        programs,
        people,
      },
      today,
    );
    return {
      overdueGoals: board.overdueGoals,
      pairsWithoutPlan: board.pairsWithoutPlan,
      totals: { overdueGoals: full.overdueGoals.length, pairsWithoutPlan: full.pairsWithoutPlan.length },
    };
  });
}

/** The milestones of live pairings still waiting for a debrief, the most pressing first. */
export async function formerDebriefsDue(today: IsoDate): Promise<DebriefDue[]> {
  const db = getDb();
  return db.transaction(
    'r',
    [db.milestones, db.meetings, db.relationships, db.people, db.milestoneTypes],
    async () => {
      // Which milestones were debriefed comes from the index keys alone: no meeting (nor its notes) is read.
      const debriefed = new Set((await db.meetings.orderBy('milestoneId').uniqueKeys()).map(String));
      const open = (await db.milestones.toArray()).filter((milestone) => !debriefed.has(milestone.id));
      const pairs = (await db.relationships.bulkGet([...new Set(open.map((m) => m.relationshipId))])).flatMap(
        (pair) => (pair ? [pair] : []),
      );
      const people = (
        await db.people.bulkGet([...new Set(pairs.flatMap((pair) => [pair.menteeId, pair.mentorId]))])
      ).flatMap((person) => (person ? [{ id: person.id, name: person.name }] : []));
      const types = await db.milestoneTypes.toArray();
      return computeDebriefsDue({ openMilestones: open, relationships: pairs, people, types }, today);
    },
  );
}

/**
 * Mentors whose training has lapsed or lapses within 30 days, lapsed longest first; the first `rows`
 * with the whole count. Read by the renew-by index: only completions that run out by today + 30 days
 * are candidates, and a candidate whose later completion runs further is left out.
 */
export async function formerTrainingDue(
  today: IsoDate,
  rows = Number.POSITIVE_INFINITY,
): Promise<TrainingDueList> {
  const db = getDb();
  return db.transaction('r', [db.trainingRecords, db.people], async () => {
    const limit = addDaysIso(today, LAPSING_WITHIN_DAYS);
    const [ending, anyRecord] = await Promise.all([
      db.trainingRecords.where('renewBy').belowOrEqual(limit).toArray(),
      db.trainingRecords.limit(1).count(),
    ]);
    const candidates = [...new Set(ending.map((record) => record.personId))];
    const [people, records] = await Promise.all([
      db.people.bulkGet(candidates),
      db.trainingRecords.where('personId').anyOf(candidates).toArray(),
    ]);
    const byPerson = new Map<Id, TrainingRecord[]>();
    for (const record of records)
      byPerson.set(record.personId, [...(byPerson.get(record.personId) ?? []), record]);
    const due: TrainingDueRow[] = [];
    for (const person of people) {
      if (!person?.isMentor || person.archived) continue;
      const status = trainingStatusOn(byPerson.get(person.id) ?? [], today);
      if ((status.state === 'lapsed' || status.state === 'lapsing') && status.renewBy)
        due.push({ personId: person.id, name: person.name, state: status.state, renewBy: status.renewBy });
    }
    due.sort((a, b) => a.renewBy.localeCompare(b.renewBy) || a.name.localeCompare(b.name));
    return { rows: due.slice(0, rows), total: due.length, anyTraining: anyRecord > 0 };
  });
}

/** The requests for contact not yet marked done, oldest first: a name and a date, nothing more. */
export async function formerOpenSupportRequests(): Promise<OpenSupportRequest[]> {
  const db = getDb();
  return db.transaction('r', db.supportRequests, db.people, async () => {
    // A handful of records at most: read whole (the person is sealed, so it cannot be indexed).
    const open = (await db.supportRequests.toArray()).filter((request) => request.doneAt === null);
    const people = await db.people.bulkGet(open.map((request) => request.personId));
    return open
      .map((request, index) => ({
        id: request.id,
        personId: request.personId,
        personName: people[index]?.name ?? 'Someone no longer in the records',
        requestedOn: request.requestedOn,
      }))
      .sort((a, b) => a.requestedOn.localeCompare(b.requestedOn) || a.id.localeCompare(b.id));
  });
}

/**
 * The pairing questionnaires due today. Only the pairs that can be due are read, by the status and
 * start date (version 7) and end date (version 8) indexes; then only their responses' keys and the names shown.
 */
export async function formerDueQuestionnaires(today: IsoDate, rows = 10): Promise<DueQuestionnairesView> {
  const db = getDb();
  return db.transaction('r', [db.relationships, db.responses, db.people], async () => {
    const byStart = db.relationships.where('[status+startDate+id]');
    const byEnd = db.relationships.where('[status+endDate]');
    const groups = await Promise.all([
      ...fitStartWindows(today).map(({ from, to }) =>
        byStart.between(['active', from, Dexie.minKey], ['active', to, Dexie.maxKey], true, true).toArray(),
      ),
      ...(['completed', 'ended-early'] as const).map((status) =>
        byEnd.between([status, endWindowStart(today)], [status, today], true, true).toArray(),
      ),
    ]);
    const pairs = new Map<Id, Relationship>();
    for (const group of groups) for (const pair of group) pairs.set(pair.id, pair);
    const candidates: SchedulePair[] = [...pairs.values()];
    const answered = await db.responses
      .where('relationshipId')
      .anyOf(candidates.map((pair) => pair.id))
      .toArray();
    const due = dueQuestionnaires(
      candidates,
      answered.map(({ relationshipId, checkpoint, personId }) => ({ relationshipId, checkpoint, personId })),
      today,
    );
    const shown = due.slice(0, rows);
    const ids = [...new Set(shown.flatMap((item) => item.respondents))];
    const people = await db.people.bulkGet(ids);
    const names: Record<Id, string> = {};
    ids.forEach((id, index) => {
      names[id] = people[index]?.name ?? 'Unknown person';
    });
    return { rows: shown.map((item) => ({ ...item, names })), total: due.length };
  });
}

/**
 * The due questionnaires card of schema versions 13 and 14: the pairs that can be due read by their start
 * and end dates, then the responses' (pair, checkpoint, person) index asked for every key scheduled in
 * the window — a cursor step per key.
 */
export async function landedDueQuestionnairesV13(today: IsoDate, rows = 10): Promise<DueQuestionnairesView> {
  const db = getDb();
  return db.transaction('r', [db.relationships, db.responses, db.people], async () => {
    const byStart = db.relationships.where('[status+startDate+id]');
    const byEnd = db.relationships.where('[status+endDate]');
    const groups = await Promise.all([
      ...fitStartWindows(today).map(({ from, to }) =>
        byStart.between(['active', from, Dexie.minKey], ['active', to, Dexie.maxKey], true, true).toArray(),
      ),
      ...(['completed', 'ended-early'] as const).map((status) =>
        byEnd.between([status, endWindowStart(today)], [status, today], true, true).toArray(),
      ),
    ]);
    const pairs = new Map<Id, Relationship>();
    for (const group of groups) for (const pair of group) pairs.set(pair.id, pair);
    const candidates: SchedulePair[] = [...pairs.values()];
    const asked = dueQuestionnaires(candidates, [], today).flatMap((item) =>
      item.respondents.map((personId) => [item.relationshipId, item.checkpoint, personId]),
    );
    const answered = asked.length
      ? ((await db.responses
          .where('[relationshipId+checkpoint+personId]')
          .anyOf(asked)
          .keys()) as unknown as [Id, Checkpoint, Id][])
      : [];
    const due = dueQuestionnaires(
      candidates,
      answered.map(([relationshipId, checkpoint, personId]) => ({ relationshipId, checkpoint, personId })),
      today,
    );
    const shown = due.slice(0, rows);
    const ids = [...new Set(shown.flatMap((item) => item.respondents))];
    const people = await db.people.bulkGet(ids);
    const names: Record<Id, string> = {};
    ids.forEach((id, index) => {
      names[id] = people[index]?.name ?? 'Unknown person';
    });
    return { rows: shown.map((item) => ({ ...item, names })), total: due.length };
  });
}
