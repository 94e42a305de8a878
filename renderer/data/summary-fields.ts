import Dexie, {
  type DBCore,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { isOpenGoalStatus } from '../domain/goals';
import { mentorMatchKeys } from '../domain/mentor-ranking';
import { debriefDueDate } from '../domain/milestones';
import { type SchedulePair, scheduledFor } from '../domain/questionnaires/schedule';
import type { Checkpoint, SupportRequest } from '../domain/questionnaires/types';
import { LOAD_STATUSES } from '../domain/rules';
import type { Goal, IsoDate, Milestone, Person, RelationshipStatus } from '../domain/types';
import { nameKeyOf } from './derived-fields';

// Schema version 12: what the dashboard's cards ask, stored beside the records so that each card is a
// range of an index. A summary field says something about *other* records (a pair's goals, a
// milestone's debrief meeting, a mentor's completions, the status of a goal's or a milestone's pair);
// summaryFieldsMiddleware keeps it right on every write, in the same transaction. The indexed field is
// then computed from its own record alone, by derivedFieldsMiddleware (below it). Reads strip both
// (DERIVED_FIELDS in db.ts): they never reach the app, a backup or the audit log, and a restore
// recomputes them as it writes.

/** Beside a pair: whether it has at least one goal, and (indexed with the status) its start while it has none. */
export interface RelationshipPlanFields {
  hasGoal?: true;
  startWithoutPlan?: IsoDate;
}

/** Beside a goal: its pair's status, and (indexed) its target date while it is open and its pair live. */
export interface GoalLiveness {
  pairStatus?: RelationshipStatus;
  liveTargetDate?: IsoDate;
}

/**
 * Beside a milestone: its pair's status, whether a meeting debriefed it, and (indexed) its debrief's due
 * day while it waits for one and its pair can still meet.
 */
export interface MilestoneDebriefFields {
  pairStatus?: RelationshipStatus;
  debriefed?: true;
  debriefDueOn?: IsoDate;
}

/** Beside a person: the furthest renew-by day of their training, and (indexed) the same while they mentor. */
export interface PersonTrainingFields {
  trainingRenewBy?: IsoDate;
  mentorRenewBy?: IsoDate;
}

/**
 * Beside a pair (schema version 15): who has answered which of its questionnaires ("checkpoint:person",
 * from the responses naming the pair and a checkpoint), and (indexed, multi-entry) the due day of each of
 * its questionnaires someone has yet to answer, among those its status asks for (the pairing-fit checks
 * while it is active, the evaluation once it has ended). The due questionnaires card is then the range
 * of the last DUE_WINDOW_DAYS days of that index: a pair is in it at most once, as its checks fall due
 * two months apart at least and it is asked either the checks or the evaluation.
 */
export interface RelationshipQuestionnaireFields {
  questionnaireAnswers?: string[];
  questionnaireDueOn?: IsoDate[];
}

/**
 * Beside a person (schema version 18): their proposed and active pairs as mentor (absent when none) and
 * whether they have a proposed, active or paused pair as mentee; indexed, from those and their own
 * fields: their load while they mentor and are not archived (New pairing's mentors), whether they mentor
 * with room left (the People list's "mentors with room") and whether they are a mentee without a mentor.
 */
export interface PersonPairingFields {
  mentorLoad?: number;
  hasMentor?: true;
  openMentorLoad?: number;
  withRoom?: 1;
  withoutMentor?: 1;
}

/** An entry of a mentor's `mentorMatches`: what they offer, after whether they are full, then their rank. */
export type MentorMatchEntry = [full: 0 | 1, match: string, load: number, nameKey: string, id: string];

/**
 * Beside a person (schema version 20), while they mentor and are not archived: whether they are full (as
 * many proposed and active pairs as their capacity, or more), indexed with their load, name key and id as
 * New pairing ranks mentors sharing nothing with the mentee; and (multi-entry) each specialty or tag they
 * offer (mentor-ranking.ts) with the same, so the mentors sharing one with a mentee are read, ranked,
 * from the index keys alone.
 */
export interface PersonMentorRankFields {
  mentorFull?: 0 | 1;
  mentorMatches?: MentorMatchEntry[];
}

/** Beside a request for contact: its day while it is open (indexed). */
export interface SupportRequestDerived {
  openSince?: IsoDate;
}

/**
 * Beside an action item (schema version 22), indexed: the date of the meeting it was agreed at, so a
 * report reads the items of its period's meetings as one range instead of every item.
 */
export interface ActionItemMeetingDate {
  meetingDate?: IsoDate;
}

export const SUMMARY_FIELDS = {
  actionItems: ['meetingDate'],
  relationships: ['hasGoal', 'startWithoutPlan', 'questionnaireAnswers', 'questionnaireDueOn'],
  goals: ['pairStatus', 'liveTargetDate'],
  milestones: ['pairStatus', 'debriefed', 'debriefDueOn'],
  people: [
    'trainingRenewBy',
    'mentorRenewBy',
    'mentorLoad',
    'hasMentor',
    'openMentorLoad',
    'withRoom',
    'withoutMentor',
    'mentorFull',
    'mentorMatches',
  ],
  supportRequests: ['openSince'],
} as const;

/** Pairs that give a mentee a mentor: a paused pair still has one, to come back to. */
const GIVES_MENTOR: readonly RelationshipStatus[] = ['proposed', 'active', 'paused'];

/** Pairs whose goals are followed up (a proposed pair may already have a plan). */
const GOAL_LIVE: readonly RelationshipStatus[] = ['active', 'paused', 'proposed'];
/** Pairs that can still hold a debrief. */
const CAN_DEBRIEF: readonly RelationshipStatus[] = ['active', 'paused'];

// The indexed fields, each from its own record (with its summary fields) alone.

export function relationshipPlanDerived(
  pair: { startDate: IsoDate } & RelationshipPlanFields,
): Pick<RelationshipPlanFields, 'startWithoutPlan'> {
  return { startWithoutPlan: pair.hasGoal ? undefined : pair.startDate };
}

/** How a pair's summary names one answer: the checkpoint, then who answered. */
export function questionnaireAnswerKey(checkpoint: Checkpoint, personId: string): string {
  return `${checkpoint}:${personId}`;
}

const EVER = { from: '0000-01-01', to: '9999-12-31' };

export function relationshipQuestionnaireDerived(
  pair: SchedulePair & RelationshipQuestionnaireFields,
): Pick<RelationshipQuestionnaireFields, 'questionnaireDueOn'> {
  const answered = new Set(pair.questionnaireAnswers ?? []);
  const days = scheduledFor(pair, EVER.from, EVER.to)
    // As dueQuestionnaires asks: the checks of an active pair, the evaluation of an ended one.
    .filter((item) => item.checkpoint === 'end' || pair.status === 'active')
    .filter((item) =>
      item.respondents.some((person) => !answered.has(questionnaireAnswerKey(item.checkpoint, person))),
    )
    .map((item) => item.dueOn);
  return { questionnaireDueOn: days.length ? [...new Set(days)].sort() : undefined };
}

export function goalDerived(
  goal: Pick<Goal, 'status' | 'targetDate'> & GoalLiveness,
): Pick<GoalLiveness, 'liveTargetDate'> {
  const live = goal.pairStatus !== undefined && GOAL_LIVE.includes(goal.pairStatus);
  return {
    liveTargetDate: live && isOpenGoalStatus(goal.status) && goal.targetDate ? goal.targetDate : undefined,
  };
}

export function milestoneDerived(
  milestone: Pick<Milestone, 'date' | 'debriefWithinDays'> & MilestoneDebriefFields,
): Pick<MilestoneDebriefFields, 'debriefDueOn'> {
  const open =
    !milestone.debriefed && milestone.pairStatus !== undefined && CAN_DEBRIEF.includes(milestone.pairStatus);
  return { debriefDueOn: open ? debriefDueDate(milestone) : undefined };
}

export function personTrainingDerived(
  person: Pick<Person, 'isMentor' | 'archived'> & PersonTrainingFields,
): Pick<PersonTrainingFields, 'mentorRenewBy'> {
  return { mentorRenewBy: person.isMentor && !person.archived ? person.trainingRenewBy : undefined };
}

export function personPairingDerived(
  person: Pick<Person, 'isMentor' | 'isMentee' | 'archived' | 'mentorCapacity'> & PersonPairingFields,
): Pick<PersonPairingFields, 'openMentorLoad' | 'withRoom' | 'withoutMentor'> {
  const load = person.mentorLoad ?? 0;
  return {
    openMentorLoad: person.isMentor && !person.archived ? load : undefined,
    withRoom: person.isMentor && load < person.mentorCapacity ? 1 : undefined,
    withoutMentor: person.isMentee && !person.hasMentor ? 1 : undefined,
  };
}

export function personMentorRankDerived(
  person: Pick<Person, 'id' | 'name' | 'specialty' | 'tags' | 'isMentor' | 'archived' | 'mentorCapacity'> &
    Pick<PersonPairingFields, 'mentorLoad'>,
): PersonMentorRankFields {
  if (!person.isMentor || person.archived) return { mentorFull: undefined, mentorMatches: undefined };
  const load = person.mentorLoad ?? 0;
  const full = load >= person.mentorCapacity ? 1 : 0;
  const nameKey = nameKeyOf(person);
  return {
    mentorFull: full,
    mentorMatches: mentorMatchKeys(person).map((match) => [full, match, load, nameKey, person.id]),
  };
}

/** A person's pairing summaries from their pairs' statuses as mentor and as mentee. */
export function pairingSummary(
  asMentor: readonly RelationshipStatus[],
  asMentee: readonly RelationshipStatus[],
): Pick<PersonPairingFields, 'mentorLoad' | 'hasMentor'> {
  const load = asMentor.filter((status) => LOAD_STATUSES.includes(status)).length;
  return {
    mentorLoad: load > 0 ? load : undefined,
    hasMentor: asMentee.some((status) => GIVES_MENTOR.includes(status)) ? true : undefined,
  };
}

export function supportRequestDerived(
  request: Pick<SupportRequest, 'doneAt' | 'requestedOn'>,
): SupportRequestDerived {
  return { openSince: request.doneAt === null ? request.requestedOn : undefined };
}

// The middleware.

type Row = Record<string, unknown>;

export function inScope(trans: DBCoreTransaction, table: string): boolean {
  return (trans as unknown as IDBTransaction).objectStoreNames.contains(table);
}

const equalTo = (key: string): DBCoreKeyRange =>
  ({ type: 1 /* DBCoreRangeType.Equal */, lower: key, upper: key }) as DBCoreKeyRange;
const everything = { type: 2 /* DBCoreRangeType.Range */ } as DBCoreKeyRange;

/** Whether two summary values are the same (lists compared item by item). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, at) => item === b[at]);
  return a === b;
}

function setField(row: Row, field: string, value: unknown): void {
  if (value === undefined) delete row[field];
  else row[field] = value;
}

/**
 * Dexie's transaction zone: the layers below look for the transaction in it when a write is asked. The
 * summary work waits between reads, so each call down is made in the zone the write was asked in.
 */
export interface Zone {
  readonly psd: unknown;
}
const dexiePromise = Dexie.Promise as unknown as {
  PSD: unknown;
  usePSD<T>(psd: unknown, fn: () => T): T;
};
const runInZone = dexiePromise.usePSD;
export const currentZone = (): Zone => ({ psd: dexiePromise.PSD });
export function inZone<T>(zone: Zone, fn: () => T): T {
  return runInZone(zone.psd, fn);
}

/** A table below this layer whose every call runs in `zone`. */
export function zoned(table: DBCoreTable, zone: Zone): DBCoreTable {
  return {
    ...table,
    mutate: (request) => inZone(zone, () => table.mutate(request)),
    get: (request) => inZone(zone, () => table.get(request)),
    getMany: (request) => inZone(zone, () => table.getMany(request)),
    query: (request) => inZone(zone, () => table.query(request)),
    openCursor: (request) => inZone(zone, () => table.openCursor(request)),
    count: (request) => inZone(zone, () => table.count(request)),
  };
}

/** Table access inside one transaction, as stored (below the sealing and the reading hooks). */
class Stored {
  constructor(
    private readonly core: DBCore,
    readonly trans: DBCoreTransaction,
    private readonly zone: Zone,
  ) {}
  table(name: string): DBCoreTable {
    return zoned(this.core.table(name), this.zone);
  }
  has(name: string): boolean {
    return inScope(this.trans, name);
  }
  async get(name: string, keys: readonly string[]): Promise<(Row | undefined)[]> {
    if (!keys.length) return [];
    return (await this.table(name).getMany({ trans: this.trans, keys: [...keys] })) as (Row | undefined)[];
  }
  private index(name: string, keyPath: string) {
    const index = this.table(name).schema.getIndexByKeyPath(keyPath);
    if (!index) throw new Error(`${name} is indexed by ${keyPath}.`);
    return index;
  }
  /** The records of `name` whose `keyPath` is `key`. */
  async where(name: string, keyPath: string, key: string): Promise<Row[]> {
    const found = await this.table(name).query({
      trans: this.trans,
      values: true,
      query: { index: this.index(name, keyPath), range: equalTo(key) },
    });
    return found.result as Row[];
  }
  /** Whether any record of `name` has `keyPath` equal to `key` (any at all without a key). */
  async any(name: string, keyPath: string, key?: string): Promise<boolean> {
    const index = keyPath === ':id' ? this.table(name).schema.primaryKey : this.index(name, keyPath);
    const found = await this.table(name).query({
      trans: this.trans,
      values: false,
      limit: 1,
      query: { index, range: key === undefined ? everything : equalTo(key) },
    });
    return found.result.length > 0;
  }
  /** The keys of the index `keyPath` of `name` from `lower` to `upper` (both included), read from the index alone. */
  async indexKeys(name: string, keyPath: string, lower: unknown, upper: unknown): Promise<unknown[]> {
    const cursor = await this.table(name).openCursor({
      trans: this.trans,
      values: false,
      query: {
        index: this.index(name, keyPath),
        range: { type: 2 /* DBCoreRangeType.Range */, lower, upper, lowerOpen: false, upperOpen: false },
      },
    });
    const keys: unknown[] = [];
    if (!cursor) return keys;
    await inZone(this.zone, () =>
      cursor.start(() => {
        keys.push(cursor.key);
        cursor.continue();
      }),
    );
    return keys;
  }
  async all(name: string): Promise<Row[]> {
    const found = await this.table(name).query({
      trans: this.trans,
      values: true,
      query: { index: this.table(name).schema.primaryKey, range: everything },
    });
    return found.result as Row[];
  }
  /** Writes back the records whose summary field changed (through the layers below: derived fields). */
  async rewrite(name: string, rows: Row[]): Promise<void> {
    if (rows.length)
      await this.table(name).mutate({
        type: 'put',
        trans: this.trans,
        values: rows,
        keys: rows.map((row) => row.id),
      });
  }
}

const missingTable = (what: string) =>
  new Error(`${what} (the dashboard's summary fields are kept in the same transaction).`);

/** Each pair's status, by id, for the pairs of `rows` (`field` names the pair). */
async function pairStatuses(
  stored: Stored,
  ids: readonly string[],
): Promise<Map<string, RelationshipStatus>> {
  const unique = [...new Set(ids)];
  const pairs = await stored.get('relationships', unique);
  const statuses = new Map<string, RelationshipStatus>();
  pairs.forEach((pair) => {
    if (pair) statuses.set(pair.id as string, pair.status as RelationshipStatus);
  });
  return statuses;
}

/**
 * Sets a summary field on the stored records `ids` of `name` to what `compute` says now: one read of
 * those records, the computations at once (any reads they make are asked together, not one after the
 * other), one write of the records whose field changed.
 */
async function refresh(
  stored: Stored,
  name: string,
  ids: readonly string[],
  field: string,
  compute: (id: string, row: Row) => unknown,
): Promise<void> {
  if (!ids.length) return;
  const rows = (await stored.get(name, [...new Set(ids)])).filter((row): row is Row => !!row);
  const values = await Promise.all(rows.map((row) => compute(row.id as string, row)));
  const changed: Row[] = [];
  rows.forEach((row, at) => {
    if (sameValue(row[field], values[at])) return;
    const next = { ...row };
    setField(next, field, values[at]);
    changed.push(next);
  });
  await stored.rewrite(name, changed);
}

/** Copies of the rows whose `field` differs from what `compute` gives, set to it. */
function withField(rows: readonly Row[], field: string, compute: (row: Row) => unknown): Row[] {
  return rows.flatMap((row) => {
    const now = compute(row);
    if (row[field] === now) return [];
    const next = { ...row };
    setField(next, field, now);
    return [next];
  });
}

/** Of `rows` (some of the request's `values`), those the write stored (a bulk write may fail in part). */
function written(values: readonly Row[], result: DBCoreMutateResponse, rows: readonly Row[]): Row[] {
  if (!result.numFailures) return [...rows];
  const failed = new Set(Object.keys(result.failures).map((at) => values[Number(at)]));
  return rows.filter((row) => !failed.has(row));
}

const CHILDREN_OF_PAIRS = ['goals', 'milestones'] as const;

/** The pair's status, copied to its goals and milestones wherever it changed. */
async function pushPairStatus(
  stored: Stored,
  pairIds: readonly string[],
  status: (id: string) => RelationshipStatus | undefined,
) {
  for (const child of CHILDREN_OF_PAIRS) {
    if (!stored.has(child) || !pairIds.length) continue;
    const rows = (await Promise.all(pairIds.map((id) => stored.where(child, 'relationshipId', id)))).flat();
    await stored.rewrite(
      child,
      withField(rows, 'pairStatus', (row) => status(row.relationshipId as string)),
    );
  }
}

async function furthestRenewBy(stored: Stored, personId: string): Promise<IsoDate | undefined> {
  let furthest: IsoDate | undefined;
  for (const record of await stored.where('trainingRecords', 'personId', personId))
    if (furthest === undefined || (record.renewBy as IsoDate) > furthest)
      furthest = record.renewBy as IsoDate;
  return furthest;
}

const ANSWERED_INDEX = '[relationshipId+checkpoint+personId]';

/** A pair's questionnaire answers as its summary holds them, read from the keys of the responses' index. */
async function answersOfPair(stored: Stored, pairId: string): Promise<string[] | undefined> {
  // Every key [pairId, checkpoint, person] lies between [pairId] and [pairId, []] (a list sorts after text).
  const keys = (await stored.indexKeys('responses', ANSWERED_INDEX, [pairId], [pairId, []])) as [
    string,
    Checkpoint,
    string,
  ][];
  return withAnswers(
    undefined,
    keys.map(([, checkpoint, person]) => questionnaireAnswerKey(checkpoint, person)),
  );
}

/** `known` with `added` (distinct, in order); `known` itself when nothing is new; none for an empty list. */
function withAnswers(known: string[] | undefined, added: Iterable<string>): string[] | undefined {
  const all = new Set(known ?? []);
  const size = all.size;
  for (const key of added) all.add(key);
  if (known && all.size === size) return known;
  return all.size ? [...all].sort() : undefined;
}

/** The pair and answer key a response counts for on the dashboard (none without a pair or a checkpoint). */
function answerOf(row: Row | undefined): { pairId: string; key: string } | null {
  if (!row || typeof row.relationshipId !== 'string' || typeof row.checkpoint !== 'string') return null;
  return {
    pairId: row.relationshipId,
    key: questionnaireAnswerKey(row.checkpoint as Checkpoint, row.personId as string),
  };
}

/** A person's pairing summaries, from their pairs as stored now. */
async function pairingOf(stored: Stored, personId: string) {
  const [asMentor, asMentee] = await Promise.all([
    stored.where('relationships', 'mentorId', personId),
    stored.where('relationships', 'menteeId', personId),
  ]);
  const statuses = (rows: Row[]) => rows.map((row) => row.status as RelationshipStatus);
  return pairingSummary(statuses(asMentor), statuses(asMentee));
}

/**
 * Sets the pairing summaries of the people `ids` (those whose pairs were written): the people in `reread`
 * from their pairs as stored now; the others from their stored summaries and the pairs just added
 * (`added`: statuses as mentor and as mentee), with no read of their other pairs.
 */
async function refreshPairings(
  stored: Stored,
  ids: readonly string[],
  reread: ReadonlySet<string>,
  added: ReadonlyMap<string, { asMentor: RelationshipStatus[]; asMentee: RelationshipStatus[] }>,
): Promise<void> {
  if (!ids.length) return;
  const rows = (await stored.get('people', [...new Set(ids)])).filter((row): row is Row => !!row);
  const values = await Promise.all(
    rows.map(async (row) => {
      const id = row.id as string;
      if (reread.has(id)) return pairingOf(stored, id);
      const more = added.get(id) ?? { asMentor: [], asMentee: [] };
      const extra = pairingSummary(more.asMentor, more.asMentee);
      const load = ((row.mentorLoad as number | undefined) ?? 0) + (extra.mentorLoad ?? 0);
      return {
        mentorLoad: load > 0 ? load : undefined,
        hasMentor: row.hasMentor || extra.hasMentor ? (true as const) : undefined,
      };
    }),
  );
  const changed: Row[] = [];
  rows.forEach((row, at) => {
    const now = values[at];
    if (row.mentorLoad === now.mentorLoad && row.hasMentor === now.hasMentor) return;
    const next = { ...row };
    setField(next, 'mentorLoad', now.mentorLoad);
    setField(next, 'hasMentor', now.hasMentor);
    changed.push(next);
  });
  await stored.rewrite('people', changed);
}

/** The people of pairs: each pair's mentor and mentee. */
const peopleOf = (pairs: Iterable<Row>) =>
  [...pairs].flatMap((pair) => [pair.mentorId as string, pair.menteeId as string]);

/** Writes the request, with `values` in place of its own where given. */
type Mutate = (values?: Row[]) => Promise<DBCoreMutateResponse>;
type Handler = (
  stored: Stored,
  request: DBCoreMutateRequest,
  mutate: Mutate,
) => Promise<DBCoreMutateResponse>;

const valuesOf = (request: DBCoreMutateRequest): Row[] =>
  request.type === 'add' || request.type === 'put' ? (request.values as Row[]) : [];
const keysOf = (request: DBCoreMutateRequest): string[] =>
  request.type === 'delete' ? (request.keys as string[]) : valuesOf(request).map((row) => row.id as string);

/** The stored records a put replaces or a delete removes, by id. */
async function previous(
  stored: Stored,
  name: string,
  request: DBCoreMutateRequest,
): Promise<Map<string, Row>> {
  if (request.type !== 'put' && request.type !== 'delete') return new Map();
  const rows = await stored.get(name, keysOf(request));
  return new Map(rows.flatMap((row) => (row ? [[row.id as string, row]] : [])));
}

/** Copies the summary fields of the records replaced onto the new values (the app never sends them). */
function carryOver(
  values: Row[],
  before: Map<string, Row>,
  fields: readonly string[],
  keep = (_prev: Row, _row: Row) => true,
) {
  return values.map((row) => {
    const prev = before.get(row.id as string);
    const next = { ...row };
    if (prev && keep(prev, row))
      for (const field of fields) if (!(field in row)) setField(next, field, prev[field]);
    return next;
  });
}

const HANDLERS: Record<string, Handler> = {
  async relationships(stored, request, mutate) {
    if (request.type === 'deleteRange') {
      const result = await mutate();
      // The people who still carry a pairing summary: each is asked again (none once the pairs are empty).
      if (stored.has('people')) {
        const paired = (await stored.all('people')).filter(
          (row) => row.mentorLoad !== undefined || row.hasMentor !== undefined,
        );
        const anyLeft = paired.length > 0 && (await stored.any('relationships', ':id'));
        const ids = paired.map((row) => row.id as string);
        if (anyLeft) await refreshPairings(stored, ids, new Set(ids), new Map());
        else
          await stored.rewrite(
            'people',
            paired.map((row) => {
              const next = { ...row };
              setField(next, 'mentorLoad', undefined);
              setField(next, 'hasMentor', undefined);
              return next;
            }),
          );
      }
      // The children that still carry a pair's status: each takes its pair's status now (none if the
      // pair is gone), from one read of those pairs.
      for (const child of CHILDREN_OF_PAIRS) {
        if (!stored.has(child)) continue;
        const marked = (await stored.all(child)).filter((row) => row.pairStatus !== undefined);
        const now = await pairStatuses(
          stored,
          marked.map((row) => row.relationshipId as string),
        );
        await stored.rewrite(
          child,
          withField(marked, 'pairStatus', (row) => now.get(row.relationshipId as string)),
        );
      }
      return result;
    }
    if (request.type === 'delete') {
      const before = await previous(stored, 'relationships', request);
      if (before.size && !stored.has('people'))
        throw missingTable('Pairs are deleted in a transaction that includes the people');
      const result = await mutate();
      await pushPairStatus(stored, keysOf(request), () => undefined);
      const ids = peopleOf(before.values());
      await refreshPairings(stored, ids, new Set(ids), new Map());
      return result;
    }
    const before = await previous(stored, 'relationships', request);
    const values = carryOver(valuesOf(request), before, ['hasGoal', 'questionnaireAnswers']);
    const fresh = values.filter((row) => !before.has(row.id as string));
    if (fresh.length && stored.has('goals') && (await stored.any('goals', ':id'))) {
      const planned = await Promise.all(
        fresh.map((row) => stored.any('goals', 'relationshipId', row.id as string)),
      );
      fresh.forEach((row, at) => {
        if (planned[at]) row.hasGoal = true;
      });
    }
    // A new pair has answers only if responses naming it were written before it (a restore writes the
    // pairs first, so this is read only in an unusual order).
    if (fresh.length && stored.has('responses') && (await stored.any('responses', ANSWERED_INDEX))) {
      const answers = await Promise.all(fresh.map((row) => answersOfPair(stored, row.id as string)));
      fresh.forEach((row, at) => {
        setField(row, 'questionnaireAnswers', answers[at]);
      });
    }
    const turning = values.filter((row) => before.get(row.id as string)?.status !== row.status);
    const childless = async () => {
      for (const child of CHILDREN_OF_PAIRS)
        if (stored.has(child) && (await stored.any(child, ':id'))) return false;
      return true;
    };
    const changedStatus = turning.filter((row) => before.has(row.id as string));
    if (changedStatus.length)
      for (const child of CHILDREN_OF_PAIRS)
        if (!stored.has(child))
          throw missingTable(
            `A pair whose status changes is written in a transaction that includes ${child}`,
          );
    // The pairs that change whom they pair or their status: their people's pairing summaries change.
    const repaired = values.filter((row) => {
      const prev = before.get(row.id as string);
      return (
        !prev ||
        prev.status !== row.status ||
        prev.mentorId !== row.mentorId ||
        prev.menteeId !== row.menteeId
      );
    });
    if (repaired.length && !stored.has('people'))
      throw missingTable(
        'A pair is added, or changes its people or status, in a transaction that includes the people',
      );
    const result = await mutate(values);
    if (turning.length && !(changedStatus.length === 0 && (await childless()))) {
      const statuses = new Map(turning.map((row) => [row.id as string, row.status as RelationshipStatus]));
      await pushPairStatus(stored, [...statuses.keys()], (id) => statuses.get(id));
    }
    if (repaired.length) {
      // A pair added adds to its people's summaries: no read of their other pairs. A pair replaced (or a
      // write that failed) has its people, before and after, asked again.
      const storedRows = new Set(written(values, result, repaired));
      const added = new Map<string, { asMentor: RelationshipStatus[]; asMentee: RelationshipStatus[] }>();
      const reread = new Set<string>();
      for (const row of repaired) {
        const prev = before.get(row.id as string);
        if (prev || !storedRows.has(row)) {
          for (const id of peopleOf([row])) reread.add(id);
          if (prev) for (const id of peopleOf([prev])) reread.add(id);
          continue;
        }
        const status = row.status as RelationshipStatus;
        const entry = (id: string) => {
          const known = added.get(id) ?? { asMentor: [], asMentee: [] };
          added.set(id, known);
          return known;
        };
        entry(row.mentorId as string).asMentor.push(status);
        entry(row.menteeId as string).asMentee.push(status);
      }
      await refreshPairings(stored, [...added.keys(), ...reread], reread, added);
    }
    return result;
  },

  async goals(stored, request, mutate) {
    const before = await previous(stored, 'goals', request);
    if (request.type === 'deleteRange') {
      const result = await mutate();
      if (stored.has('relationships')) {
        const planned = (await stored.all('relationships')).filter((row) => row.hasGoal);
        // Once every goal is gone (a clear), no pair has one: nothing to ask pair by pair.
        const anyLeft = planned.length > 0 && (await stored.any('goals', ':id'));
        await refresh(
          stored,
          'relationships',
          planned.map((row) => row.id as string),
          'hasGoal',
          async (id) => (anyLeft && (await stored.any('goals', 'relationshipId', id)) ? true : undefined),
        );
      }
      return result;
    }
    const samePair = (prev: Row, row: Row) => prev.relationshipId === row.relationshipId;
    const values = carryOver(valuesOf(request), before, ['pairStatus'], samePair);
    const moved = values.filter(
      (row) => !before.has(row.id as string) || !samePair(before.get(row.id as string)!, row),
    );
    const gone: Row[] =
      request.type === 'delete'
        ? [...before.values()]
        : moved.flatMap((row) => {
            const prev = before.get(row.id as string);
            return prev ? [prev] : [];
          });
    if ((moved.length || gone.length) && !stored.has('relationships'))
      throw missingTable('Goals are added, moved or deleted in a transaction that includes the pairs');
    const statuses = await pairStatuses(
      stored,
      moved.map((row) => row.relationshipId as string),
    );
    for (const row of moved) setField(row, 'pairStatus', statuses.get(row.relationshipId as string));
    const result = await mutate(values);
    // A pair that gained a goal has one: no read needed. Only a pair that lost one (a goal deleted or
    // moved away, or a write that failed) is asked whether it has another.
    const gained = new Set(written(values, result, moved).map((row) => row.relationshipId as string));
    const lost = [...moved, ...gone]
      .map((row) => row.relationshipId as string)
      .filter((id) => !gained.has(id));
    await refresh(stored, 'relationships', [...gained, ...lost], 'hasGoal', async (id) =>
      gained.has(id) || (await stored.any('goals', 'relationshipId', id)) ? true : undefined,
    );
    return result;
  },

  async milestones(stored, request, mutate) {
    if (request.type === 'delete' || request.type === 'deleteRange') return mutate();
    const before = await previous(stored, 'milestones', request);
    const samePair = (prev: Row, row: Row) => prev.relationshipId === row.relationshipId;
    let values = carryOver(valuesOf(request), before, ['debriefed']);
    values = carryOver(values, before, ['pairStatus'], samePair);
    const moved = values.filter(
      (row) => !before.has(row.id as string) || !samePair(before.get(row.id as string)!, row),
    );
    if (moved.length && !stored.has('relationships'))
      throw missingTable('Milestones are added in a transaction that includes the pairs');
    const statuses = await pairStatuses(
      stored,
      moved.map((row) => row.relationshipId as string),
    );
    for (const row of moved) setField(row, 'pairStatus', statuses.get(row.relationshipId as string));
    const fresh = values.filter((row) => !before.has(row.id as string));
    if (fresh.length && stored.has('meetings') && (await stored.any('meetings', 'milestoneId'))) {
      const debriefed = await Promise.all(
        fresh.map((row) => stored.any('meetings', 'milestoneId', row.id as string)),
      );
      fresh.forEach((row, at) => {
        if (debriefed[at]) row.debriefed = true;
      });
    }
    return mutate(values);
  },

  async actionItems(stored, request, mutate) {
    if (request.type === 'delete' || request.type === 'deleteRange') return mutate();
    const before = await previous(stored, 'actionItems', request);
    const sameMeeting = (prev: Row, row: Row) => prev.meetingId === row.meetingId;
    const values = carryOver(valuesOf(request), before, ['meetingDate'], sameMeeting);
    // An item new or moved to another meeting takes that meeting's date (none while the meeting is not
    // written yet: the meeting sets it when it comes).
    const moved = values.filter((row) => {
      const prev = before.get(row.id as string);
      return !prev || !sameMeeting(prev, row);
    });
    if (moved.length) {
      if (!stored.has('meetings'))
        throw missingTable('Action items are added in a transaction that includes the meetings');
      const ids = [...new Set(moved.map((row) => row.meetingId as string))];
      const meetings = await stored.get('meetings', ids);
      const dates = new Map(ids.map((id, at) => [id, meetings[at]?.date as IsoDate | undefined]));
      for (const row of moved) setField(row, 'meetingDate', dates.get(row.meetingId as string));
    }
    return mutate(values);
  },

  async meetings(stored, request, mutate) {
    const before = await previous(stored, 'meetings', request);
    const result = await debriefSummaries(stored, request, mutate, before);
    await itemMeetingDates(stored, request, result, before);
    return result;
  },

  async responses(stored, request, mutate) {
    if (request.type === 'deleteRange') {
      const result = await mutate();
      if (stored.has('relationships')) {
        const answered = (await stored.all('relationships')).filter((row) => row.questionnaireAnswers);
        const anyLeft = answered.length > 0 && (await stored.any('responses', ANSWERED_INDEX));
        await refresh(
          stored,
          'relationships',
          answered.map((row) => row.id as string),
          'questionnaireAnswers',
          (id) => (anyLeft ? answersOfPair(stored, id) : undefined),
        );
      }
      return result;
    }
    const before = await previous(stored, 'responses', request);
    const values = valuesOf(request);
    // The answers each write adds, and the pairs whose answers it may take away (a response deleted, or
    // put with another pair, checkpoint or person, whether or not that put is stored): those are read
    // again from the index once written.
    const changed = values.filter((row) => {
      const prev = answerOf(before.get(row.id as string));
      const now = answerOf(row);
      return prev?.pairId !== now?.pairId || prev?.key !== now?.key;
    });
    const reread = new Set<string>();
    for (const row of changed) {
      const prev = answerOf(before.get(row.id as string));
      if (prev) reread.add(prev.pairId);
    }
    if (request.type === 'delete')
      for (const prev of before.values()) {
        const answer = answerOf(prev);
        if (answer) reread.add(answer.pairId);
      }
    if ((reread.size || changed.some((row) => answerOf(row))) && !stored.has('relationships'))
      throw missingTable('Questionnaire answers are written in a transaction that includes the pairs');
    const result = await mutate();
    const added = new Map<string, string[]>();
    for (const row of written(values, result, changed)) {
      const answer = answerOf(row);
      if (answer) added.set(answer.pairId, [...(added.get(answer.pairId) ?? []), answer.key]);
    }
    await refresh(
      stored,
      'relationships',
      [...added.keys(), ...reread],
      'questionnaireAnswers',
      (id, pair) =>
        reread.has(id)
          ? answersOfPair(stored, id)
          : withAnswers(pair.questionnaireAnswers as string[] | undefined, added.get(id) ?? []),
    );
    return result;
  },

  async trainingRecords(stored, request, mutate) {
    if (request.type === 'deleteRange') {
      const result = await mutate();
      if (stored.has('people')) {
        const trained = (await stored.all('people')).filter((row) => row.trainingRenewBy !== undefined);
        const anyLeft = trained.length > 0 && (await stored.any('trainingRecords', ':id'));
        await refresh(
          stored,
          'people',
          trained.map((row) => row.id as string),
          'trainingRenewBy',
          (id) => (anyLeft ? furthestRenewBy(stored, id) : undefined),
        );
      }
      return result;
    }
    const before = await previous(stored, 'trainingRecords', request);
    const values = valuesOf(request);
    const personIds = [...values, ...before.values()].map((row) => row.personId as string);
    if (personIds.length && !stored.has('people'))
      throw missingTable('Training is written in a transaction that includes the people');
    const result = await mutate();
    // A completion added (or renewing later) can only push its person's furthest renew-by day out: the
    // stored summary and the new day give it, with no read of their other completions. A completion
    // removed, moved to someone else, shortened or not written makes its person's furthest day be read again.
    const storedRows = written(values, result, values);
    const later = new Map<string, IsoDate>();
    const reread = new Set<string>();
    for (const row of storedRows) {
      const prev = before.get(row.id as string);
      const person = row.personId as string;
      const renewBy = row.renewBy as IsoDate;
      if (prev && prev.personId === person && prev.renewBy === renewBy) continue;
      if (prev && (prev.personId !== person || (prev.renewBy as IsoDate) > renewBy))
        reread.add(prev.personId as string);
      const known = later.get(person);
      if (known === undefined || renewBy > known) later.set(person, renewBy);
    }
    const storedIds = new Set(storedRows.map((row) => row.id as string));
    for (const row of values) if (!storedIds.has(row.id as string)) reread.add(row.personId as string);
    if (request.type === 'delete') for (const prev of before.values()) reread.add(prev.personId as string);
    await refresh(stored, 'people', [...later.keys(), ...reread], 'trainingRenewBy', (id, person) => {
      if (reread.has(id)) return furthestRenewBy(stored, id);
      const now = person.trainingRenewBy as IsoDate | undefined;
      const added = later.get(id) as IsoDate;
      return now !== undefined && now > added ? now : added;
    });
    return result;
  },

  async people(stored, request, mutate) {
    if (request.type === 'delete' || request.type === 'deleteRange') return mutate();
    const before = await previous(stored, 'people', request);
    const values = carryOver(valuesOf(request), before, ['trainingRenewBy', 'mentorLoad', 'hasMentor']);
    const fresh = values.filter((row) => !before.has(row.id as string));
    if (fresh.length && stored.has('trainingRecords') && (await stored.any('trainingRecords', ':id'))) {
      const furthest = await Promise.all(fresh.map((row) => furthestRenewBy(stored, row.id as string)));
      fresh.forEach((row, at) => {
        setField(row, 'trainingRenewBy', furthest[at]);
      });
    }
    // A person added after their pairs (a restore in another order): their pairs give their summaries.
    if (fresh.length && stored.has('relationships') && (await stored.any('relationships', ':id'))) {
      const pairings = await Promise.all(fresh.map((row) => pairingOf(stored, row.id as string)));
      fresh.forEach((row, at) => {
        setField(row, 'mentorLoad', pairings[at].mentorLoad);
        setField(row, 'hasMentor', pairings[at].hasMentor);
      });
    }
    return mutate(values);
  },
};

/** Keeps the milestones' `debriefed` summary right across a write of meetings. */
async function debriefSummaries(
  stored: Stored,
  request: DBCoreMutateRequest,
  mutate: Mutate,
  before: Map<string, Row>,
): Promise<DBCoreMutateResponse> {
  if (request.type === 'deleteRange') {
    const result = await mutate();
    if (stored.has('milestones')) {
      const debriefed = (await stored.all('milestones')).filter((row) => row.debriefed);
      const anyLeft = debriefed.length > 0 && (await stored.any('meetings', 'milestoneId'));
      await refresh(
        stored,
        'milestones',
        debriefed.map((row) => row.id as string),
        'debriefed',
        async (id) => (anyLeft && (await stored.any('meetings', 'milestoneId', id)) ? true : undefined),
      );
    }
    return result;
  }
  // The meetings that now name a milestone they did not name before, and the milestones left behind.
  const naming: Row[] = [];
  const left = new Set<string>();
  for (const row of valuesOf(request)) {
    const prev = before.get(row.id as string)?.milestoneId as string | undefined;
    if (prev !== row.milestoneId) {
      if (prev) left.add(prev);
      if (row.milestoneId) naming.push(row);
    }
  }
  if (request.type === 'delete')
    for (const prev of before.values()) if (prev.milestoneId) left.add(prev.milestoneId as string);
  if (!naming.length && !left.size) return mutate();
  if (!stored.has('milestones'))
    throw missingTable('A debrief meeting is written in a transaction that includes the milestones');
  const result = await mutate();
  // A milestone a meeting now names is debriefed: no read needed. Only one left behind (or named by a
  // write that failed) is asked whether another meeting debriefs it.
  const named = new Set(written(valuesOf(request), result, naming).map((row) => row.milestoneId as string));
  for (const row of naming) if (!named.has(row.milestoneId as string)) left.add(row.milestoneId as string);
  const unsure = [...left].filter((id) => !named.has(id));
  await refresh(stored, 'milestones', [...named, ...unsure], 'debriefed', async (id) =>
    named.has(id) || (await stored.any('meetings', 'milestoneId', id)) ? true : undefined,
  );
  return result;
}

/**
 * Keeps each action item's `meetingDate` (its meeting's date) right across a write of meetings: the items
 * of a meeting whose date changed, of a meeting added after its items (an unusual order: a restore writes
 * the meetings first) and of a meeting deleted (none: their items usually go with it).
 */
async function itemMeetingDates(
  stored: Stored,
  request: DBCoreMutateRequest,
  result: DBCoreMutateResponse,
  before: Map<string, Row>,
): Promise<void> {
  if (request.type === 'deleteRange' || request.type === 'delete') {
    if (!stored.has('actionItems')) return;
    const items =
      request.type === 'delete'
        ? (
            await Promise.all([...before.keys()].map((id) => stored.where('actionItems', 'meetingId', id)))
          ).flat()
        : (await stored.all('actionItems')).filter((item) => item.meetingDate !== undefined);
    const meetings = await stored.get(
      'meetings',
      items.map((item) => item.meetingId as string),
    );
    const gone = items.filter((_, at) => !meetings[at]);
    await stored.rewrite(
      'actionItems',
      withField(gone, 'meetingDate', () => undefined),
    );
    return;
  }
  const values = valuesOf(request);
  const dated = written(values, result, values).filter(
    (row) => before.get(row.id as string)?.date !== row.date,
  );
  if (!dated.length) return;
  // A meeting added finds items only if some were written before it: none at all, nothing to ask.
  const changed = dated.filter((row) => before.has(row.id as string));
  if (!stored.has('actionItems')) {
    if (changed.length)
      throw missingTable(
        'A meeting whose date changes is written in a transaction that includes its action items',
      );
    return;
  }
  if (changed.length === 0 && !(await stored.any('actionItems', ':id'))) return;
  const items = await Promise.all(
    dated.map((row) => stored.where('actionItems', 'meetingId', row.id as string)),
  );
  const dates = new Map(dated.map((row) => [row.id as string, row.date]));
  await stored.rewrite(
    'actionItems',
    withField(items.flat(), 'meetingDate', (item) => dates.get(item.meetingId as string)),
  );
}

/** Per transaction, the summary work runs one write at a time, in the order the writes were asked. */
const queues = new WeakMap<object, Promise<unknown>>();

function inTurn<T>(trans: DBCoreTransaction, work: () => Promise<T>): Promise<T> {
  // Dexie's promises: each turn runs in the zone of the transaction, and so does the caller's next step.
  const before = (queues.get(trans) ?? Dexie.Promise.resolve()) as Promise<unknown>;
  const next = before.then(() => work());
  queues.set(
    trans,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Keeps the summary fields right across tables. Sits above derivedFieldsMiddleware (which computes the
 * indexed fields from them) and below the pair-liveness and sealing middlewares (it reads and writes
 * records as stored).
 * Within a transaction its writes run in the order they were asked (a restore writes a pair before its
 * goals, a milestone before its debrief meeting), each reading what the earlier ones wrote.
 */
export function summaryFieldsMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'summaryFields',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const handler = HANDLERS[name];
        if (!handler) return table;
        return {
          ...table,
          mutate: (request) => {
            const zone = currentZone();
            const below = zoned(table, zone);
            return inTurn(request.trans, () => {
              const stored = new Stored(down, request.trans, zone);
              const mutate: Mutate = (values) =>
                below.mutate(
                  values && (request.type === 'add' || request.type === 'put')
                    ? { ...request, values }
                    : request,
                );
              return handler(stored, request, mutate);
            });
          },
        };
      },
    }),
  };
}
