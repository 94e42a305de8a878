import { addDaysIso, todayIso } from '../domain/calendar';
import { checkAnswers, isHighBurnout } from '../domain/questionnaires/answers';
import { BUILT_IN_QUESTIONNAIRES, builtInQuestionnaire } from '../domain/questionnaires/built-in';
import {
  DUE_WINDOW_DAYS,
  type DueQuestionnaire,
  dueQuestionnaires,
  type SchedulePair,
} from '../domain/questionnaires/schedule';
import type {
  Answer,
  Checkpoint,
  ClinicQuestionnaire,
  QuestionnaireDefinition,
  QuestionnaireResponse,
  SupportOutcome,
} from '../domain/questionnaires/types';
import { checkQuestionnaireDraft, type QuestionnaireDraft, RuleError } from '../domain/rules';
import type { Id, IsoDate } from '../domain/types';
import { newId, nowIso, recordAudit } from './audit';
import { getDb } from './db';

// Questionnaires, their answers and the private requests for contact. Answers are the most sensitive
// records in the app: they are sealed at rest (lock/sealed-fields.ts), the audit log names only the
// fields, and nothing here returns one person's answers to a screen.

/** The clinic's own questionnaires, newest first (archived ones too). */
export async function listClinicQuestionnaires(): Promise<ClinicQuestionnaire[]> {
  const all = await getDb().questionnaires.toArray();
  return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** A questionnaire by id, built in or the clinic's own. */
export async function getQuestionnaire(id: Id): Promise<QuestionnaireDefinition | undefined> {
  return builtInQuestionnaire(id) ?? (await getDb().questionnaires.get(id));
}

/** Every questionnaire answers may belong to, built in first. */
export async function listAllQuestionnaires(): Promise<QuestionnaireDefinition[]> {
  return [...BUILT_IN_QUESTIONNAIRES, ...(await listClinicQuestionnaires())];
}

/** How many answers each questionnaire has (a count only, read from the index). */
export async function countResponses(questionnaireId: Id): Promise<number> {
  return getDb().responses.where('questionnaireId').equals(questionnaireId).count();
}

export async function createQuestionnaire(draft: QuestionnaireDraft): Promise<ClinicQuestionnaire> {
  const checked = checkQuestionnaireDraft(draft);
  const db = getDb();
  return db.transaction('rw', db.questionnaires, db.auditLog, async () => {
    const at = nowIso();
    const questionnaire: ClinicQuestionnaire = {
      id: newId(),
      ...checked,
      archived: false,
      createdAt: at,
      updatedAt: at,
    };
    await db.questionnaires.add(questionnaire);
    await recordAudit('questionnaires', questionnaire.id, 'create', ['title', 'intro', 'questions']);
    return questionnaire;
  });
}

async function storedQuestionnaire(id: Id): Promise<ClinicQuestionnaire> {
  const questionnaire = await getDb().questionnaires.get(id);
  if (!questionnaire) throw new RuleError('not-found', 'This questionnaire no longer exists.');
  return questionnaire;
}

/** Questions change only while nobody has answered: answers must keep meaning what was asked. */
export async function updateQuestionnaire(id: Id, draft: QuestionnaireDraft): Promise<ClinicQuestionnaire> {
  const checked = checkQuestionnaireDraft(draft);
  const db = getDb();
  return db.transaction('rw', db.questionnaires, db.responses, db.auditLog, async () => {
    const current = await storedQuestionnaire(id);
    if ((await countResponses(id)) > 0)
      throw new RuleError(
        'has-responses',
        'People have already answered this questionnaire, so its questions stay as they were. Archive it and make a new one instead.',
      );
    const next: ClinicQuestionnaire = { ...current, ...checked, updatedAt: nowIso() };
    await db.questionnaires.put(next);
    await recordAudit('questionnaires', id, 'update', ['title', 'intro', 'questions']);
    return next;
  });
}

/** An archived questionnaire is no longer offered; its answers still count in reports. */
export async function archiveQuestionnaire(id: Id, archived = true): Promise<ClinicQuestionnaire> {
  const db = getDb();
  return db.transaction('rw', db.questionnaires, db.auditLog, async () => {
    const next = { ...(await storedQuestionnaire(id)), archived, updatedAt: nowIso() };
    await db.questionnaires.put(next);
    await recordAudit('questionnaires', id, 'update', ['archived']);
    return next;
  });
}

/** Only a questionnaire nobody has answered can be deleted; otherwise it is archived. */
export async function deleteQuestionnaire(id: Id): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.questionnaires, db.responses, db.auditLog, async () => {
    await storedQuestionnaire(id);
    if ((await countResponses(id)) > 0)
      throw new RuleError(
        'has-responses',
        'People have answered this questionnaire, so it is kept for the reports: archive it instead.',
      );
    await db.questionnaires.delete(id);
    await recordAudit('questionnaires', id, 'delete', []);
  });
}

export interface ResponseInput {
  questionnaireId: Id;
  personId: Id;
  relationshipId: Id | null;
  checkpoint: Checkpoint | null;
  answers: Readonly<Record<string, Answer | undefined>>;
  /** After a high burnout answer: whether the person asked the program manager to contact them. */
  wantsContact: boolean;
}

export interface SavedResponse {
  id: Id;
  support: SupportOutcome;
}

/**
 * Keeps a person's answers, and on a "yes" after a high burnout answer the private request for
 * contact, in one transaction. The audit log names the fields, never an answer.
 */
export async function saveResponse(input: ResponseInput): Promise<SavedResponse> {
  const db = getDb();
  return db.transaction(
    'rw',
    [db.questionnaires, db.people, db.relationships, db.responses, db.supportRequests, db.auditLog],
    async () => {
      const questionnaire = await getQuestionnaire(input.questionnaireId);
      if (!questionnaire) throw new RuleError('not-found', 'This questionnaire no longer exists.');
      if (!(await db.people.get(input.personId)))
        throw new RuleError('not-found', 'The person answering is no longer in the records.');
      if (input.relationshipId !== null && !(await db.relationships.get(input.relationshipId)))
        throw new RuleError('not-found', 'The pairing this questionnaire is about no longer exists.');
      const answers = checkAnswers(questionnaire, input.answers);
      const high = isHighBurnout(questionnaire.id, answers);
      const support: SupportOutcome = !high ? 'not-offered' : input.wantsContact ? 'accepted' : 'offered';
      const today = todayIso();
      const at = nowIso();
      const response: QuestionnaireResponse = {
        id: newId(),
        questionnaireId: questionnaire.id,
        personId: input.personId,
        relationshipId: input.relationshipId,
        checkpoint: input.checkpoint,
        answeredOn: today,
        createdAt: at,
        answers,
        support,
      };
      await db.responses.add(response);
      await recordAudit('responses', response.id, 'create', ['answers', 'support']);
      if (support === 'accepted') {
        const requestId = newId();
        await db.supportRequests.add({
          id: requestId,
          personId: input.personId,
          requestedOn: today,
          createdAt: at,
          doneAt: null,
        });
        await recordAudit('supportRequests', requestId, 'create', ['personId']);
      }
      return { id: response.id, support };
    },
  );
}

export interface OpenSupportRequest {
  id: Id;
  personId: Id;
  personName: string;
  requestedOn: IsoDate;
}

/**
 * The requests for contact not yet marked done, oldest first: a name and a date, nothing more. Read by
 * the `openSince` index (schema version 12: the day asked while the request is open), so requests long
 * since done are never read.
 */
export async function listOpenSupportRequests(): Promise<OpenSupportRequest[]> {
  const db = getDb();
  return db.transaction('r', db.supportRequests, db.people, async () => {
    const open = await db.supportRequests.orderBy('openSince').toArray();
    const people = await db.people.bulkGet(open.map((request) => request.personId));
    return open.map((request, index) => ({
      id: request.id,
      personId: request.personId,
      personName: people[index]?.name ?? 'Someone no longer in the records',
      requestedOn: request.requestedOn,
    }));
  });
}

export async function markSupportRequestDone(id: Id): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.supportRequests, db.auditLog, async () => {
    const request = await db.supportRequests.get(id);
    if (!request) throw new RuleError('not-found', 'This request is no longer there.');
    await db.supportRequests.put({ ...request, doneAt: nowIso() });
    await recordAudit('supportRequests', id, 'update', ['doneAt']);
  });
}

export interface DueQuestionnaireRow extends DueQuestionnaire {
  names: Record<Id, string>;
}

export interface DueQuestionnairesView {
  rows: DueQuestionnaireRow[];
  total: number;
}

/**
 * The pairing questionnaires due today. Each pair carries, indexed, the due day of each questionnaire
 * its status asks for that someone has yet to answer (schema version 15, summary-fields.ts): what is due
 * today is the range of the last DUE_WINDOW_DAYS days of that index, counted there, and only the pairs of
 * its first rows are read (with every pair of the last day shown, which the list orders by id as the
 * words sort, not as the index does). Who is still waiting on the rows shown is read from the keys of
 * the (pair, checkpoint, person) index of the responses (version 13), one exact key each: no response is
 * read, so no answer is read (nor opened under the clinic lock). Then only the names of the rows shown.
 */
export async function loadDueQuestionnaires(today: IsoDate, rows = 10): Promise<DueQuestionnairesView> {
  const db = getDb();
  return db.transaction('r', [db.relationships, db.responses, db.people], async () => {
    const due = () =>
      db.relationships
        .where('questionnaireDueOn')
        .between(addDaysIso(today, -(DUE_WINDOW_DAYS - 1)), today, true, true);
    const first = () => (Number.isFinite(rows) ? due().limit(rows) : due());
    const [total, days, ids] = await Promise.all([
      due().count(),
      first().keys() as Promise<IsoDate[]>,
      first().primaryKeys() as Promise<Id[]>,
    ]);
    const lastDay = days.at(-1);
    const tied =
      lastDay !== undefined && ids.length >= rows
        ? ((await db.relationships.where('questionnaireDueOn').equals(lastDay).primaryKeys()) as Id[])
        : [];
    const candidates: SchedulePair[] = (
      await db.relationships.bulkGet([...new Set([...ids, ...tied])])
    ).flatMap((pair) => (pair ? [pair] : []));
    // Each of these pairs has exactly one questionnaire due today, someone still waiting (the index says
    // so): the list's order needs no answer. Who is waiting is then asked for the rows shown only, one
    // exact key each (a cursor jumping from key to key across the index steps over every record between).
    const scheduled = dueQuestionnaires(candidates, [], today).slice(0, rows);
    const answered = (
      await Promise.all(
        scheduled.flatMap((item) =>
          item.respondents.map(async (personId) => {
            const found = await db.responses
              .where('[relationshipId+checkpoint+personId]')
              .equals([item.relationshipId, item.checkpoint, personId])
              .limit(1)
              .primaryKeys();
            const { relationshipId, checkpoint } = item;
            return found.length ? [{ relationshipId, checkpoint, personId }] : [];
          }),
        ),
      )
    ).flat();
    const shown = dueQuestionnaires(candidates, answered, today).slice(0, rows);
    const personIds = [...new Set(shown.flatMap((item) => item.respondents))];
    const people = await db.people.bulkGet(personIds);
    const names: Record<Id, string> = {};
    personIds.forEach((id, index) => {
      names[id] = people[index]?.name ?? 'Unknown person';
    });
    return { rows: shown.map((item) => ({ ...item, names })), total };
  });
}

/**
 * For the report: the definitions, every response (answers included, read only to be counted in
 * aggregate) and the schedule fields of the pairs in the chosen programs.
 */
export async function loadQuestionnaireReportData(programIds: readonly Id[] | 'all'): Promise<{
  questionnaires: QuestionnaireDefinition[];
  responses: QuestionnaireResponse[];
  relationships: SchedulePair[];
}> {
  const db = getDb();
  return db.transaction('r', db.questionnaires, db.responses, db.relationships, async () => {
    const pairs =
      programIds === 'all'
        ? await db.relationships.toArray()
        : await db.relationships
            .where('programId')
            .anyOf([...programIds])
            .toArray();
    return {
      questionnaires: await listAllQuestionnaires(),
      responses: await db.responses.toArray(),
      relationships: pairs.map(({ id, mentorId, menteeId, status, startDate, endDate }) => ({
        id,
        mentorId,
        menteeId,
        status,
        startDate,
        endDate,
      })),
    };
  });
}

/** The names and pairings a hand-over needs to start: who answers, and about which pair. */
export async function loadHandOverSubject(
  personId: Id,
  relationshipId: Id | null,
): Promise<{ personName: string; partnerName: string | null } | null> {
  const db = getDb();
  const person = await db.people.get(personId);
  if (!person) return null;
  if (relationshipId === null) return { personName: person.name, partnerName: null };
  const pair = await db.relationships.get(relationshipId);
  if (!pair) return null;
  const partner = await db.people.get(pair.mentorId === personId ? pair.menteeId : pair.mentorId);
  return { personName: person.name, partnerName: partner?.name ?? null };
}
