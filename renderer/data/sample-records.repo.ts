import { checkSettingsChanges } from '../domain/rules';
import { isSampleId, SAMPLE_ID_PREFIX } from '../domain/sample-records';
import { nowIso } from './audit';
import { getDb } from './db';

// The sample clinic's records, told apart by their marked ids: whether they are here, and "Start for
// real", which removes them.

/**
 * Whether the sample clinic of "Look around first" is (still) here: a sample pairing, or a sample person
 * no real pairing uses (those are kept by "Start for real" on purpose).
 */
export async function hasSampleData(): Promise<boolean> {
  const db = getDb();
  if ((await db.relationships.where('id').startsWith(SAMPLE_ID_PREFIX).count()) > 0) return true;
  const people = await db.people.where('id').startsWith(SAMPLE_ID_PREFIX).primaryKeys();
  if (people.length === 0) return false;
  const [asMentor, asMentee] = await Promise.all([
    db.relationships.where('mentorId').anyOf(people).toArray(),
    db.relationships.where('menteeId').anyOf(people).toArray(),
  ]);
  const used = new Set([...asMentor.map((pair) => pair.mentorId), ...asMentee.map((pair) => pair.menteeId)]);
  return people.some((id) => !used.has(id));
}

export interface SampleRemovalSummary {
  people: number;
  programs: number;
  relationships: number;
  meetings: number;
  actionItems: number;
  topics: number;
  questionnaires: number;
  responses: number;
  goals: number;
  /** Sample people and programs kept because a real pairing uses them. */
  keptInUse: number;
}

/**
 * "Start for real": removes the sample records in one transaction and names the clinic, leaving what
 * the manager entered. Meetings logged on a sample pairing go with it (a meeting cannot stand without
 * its pair); a sample person or program that a real pairing uses is kept, so no real record breaks.
 */
export async function removeSampleData(clinicName: string): Promise<SampleRemovalSummary> {
  const db = getDb();
  const tables = [
    db.people,
    db.programs,
    db.relationships,
    db.meetings,
    // Written and removed with the meetings (meeting-notes.ts).
    db.meetingNotes,
    db.actionItems,
    db.topics,
    db.questionnaires,
    db.responses,
    db.supportRequests,
    db.milestones,
    db.goalAreas,
    db.goals,
    db.goalProgress,
    db.settings,
    db.trainingCourses,
    db.trainingRecords,
    db.recognitions,
    db.auditLog,
  ];
  return db.transaction('rw', tables, async () => {
    const named = checkSettingsChanges({ clinicName });
    const pairs = await db.relationships.where('id').startsWith(SAMPLE_ID_PREFIX).primaryKeys();
    const meetings = await db.meetings.where('relationshipId').anyOf(pairs).primaryKeys();
    const items = await db.actionItems.where('relationshipId').anyOf(pairs).primaryKeys();
    const realPairs = await db.relationships.filter((pair) => !isSampleId(pair.id)).toArray();
    const usedPeople = new Set(realPairs.flatMap((pair) => [pair.mentorId, pair.menteeId]));
    const usedPrograms = new Set(realPairs.map((pair) => pair.programId));
    const samplePeople = await db.people.where('id').startsWith(SAMPLE_ID_PREFIX).primaryKeys();
    const samplePrograms = await db.programs.where('id').startsWith(SAMPLE_ID_PREFIX).primaryKeys();
    const people = samplePeople.filter((id) => !usedPeople.has(id));
    const programs = samplePrograms.filter((id) => !usedPrograms.has(id));
    const questionnaireRecords = await removeSampleQuestionnaireRecords(new Set(pairs), new Set(people));
    // A sample pairing's milestones go with it, like its meetings.
    const milestones = await db.milestones.where('relationshipId').anyOf(pairs).primaryKeys();
    await db.milestones.bulkDelete(milestones);
    const goals = await db.goals.where('relationshipId').anyOf(pairs).primaryKeys();
    await db.goalProgress.bulkDelete(await db.goalProgress.where('goalId').anyOf(goals).primaryKeys());
    await db.goals.bulkDelete(goals);
    // The sample's own goal area goes unless a real goal is filed under it.
    const sampleAreas = await db.goalAreas.where('id').startsWith(SAMPLE_ID_PREFIX).primaryKeys();
    const areasInUse = new Set<string>();
    if (sampleAreas.length > 0) await db.goals.each((goal) => areasInUse.add(goal.areaId));
    await db.goalAreas.bulkDelete(sampleAreas.filter((id) => !areasInUse.has(id)));
    await db.actionItems.bulkDelete(items);
    await db.meetings.bulkDelete(meetings);
    await db.relationships.bulkDelete(pairs);
    await db.people.bulkDelete(people);
    await db.programs.bulkDelete(programs);
    // The sample's own topic goes unless a real meeting recorded it.
    const sampleTopics = await db.topics.where('id').startsWith(SAMPLE_ID_PREFIX).primaryKeys();
    const topicsInUse = new Set<string>();
    if (sampleTopics.length > 0)
      await db.meetings.each((meeting) => {
        for (const topic of meeting.topics) if (isSampleId(topic)) topicsInUse.add(topic);
      });
    const topics = sampleTopics.filter((id) => !topicsInUse.has(id));
    await db.topics.bulkDelete(topics);
    // Training and recognition of the sample people go with them; a sample course stays while a real
    // completion names it.
    await db.trainingRecords.where('personId').anyOf(people).delete();
    await db.recognitions.where('personId').anyOf(people).delete();
    const coursesInUse = new Set((await db.trainingRecords.toArray()).map((record) => record.courseId));
    const sampleCourses = await db.trainingCourses.where('id').startsWith(SAMPLE_ID_PREFIX).primaryKeys();
    await db.trainingCourses.bulkDelete(sampleCourses.filter((id) => !coursesInUse.has(id)));
    const settings = await db.settings.get('clinic');
    if (settings) await db.settings.put({ ...settings, clinicName: named.clinicName ?? settings.clinicName });
    const summary: SampleRemovalSummary = {
      people: people.length,
      programs: programs.length,
      relationships: pairs.length,
      meetings: meetings.length,
      actionItems: items.length,
      topics: topics.length,
      ...questionnaireRecords,
      goals: goals.length,
      keptInUse: samplePeople.length - people.length + samplePrograms.length - programs.length,
    };
    await db.auditLog.add({
      at: nowIso(),
      table: 'settings',
      recordId: 'clinic',
      action: 'update',
      fields: ['clinicName'],
      detail: `Sample clinic removed: ${summary.people} people, ${summary.programs} programs, ${summary.relationships} pairings, ${summary.meetings} meetings, ${summary.actionItems} action items, ${summary.goals} goals, ${summary.topics} topics, ${summary.questionnaires} questionnaires, ${summary.responses} responses${summary.keptInUse ? `; ${summary.keptInUse} kept because real pairings use them` : ''}.`,
    });
    return summary;
  });
}

/**
 * The sample's questionnaire records, inside removeSampleData's transaction: sample responses and
 * requests, and any that belong to a pair or person being removed; the sample's own questionnaire
 * goes unless a real answer uses it.
 */
async function removeSampleQuestionnaireRecords(
  pairs: ReadonlySet<string>,
  people: ReadonlySet<string>,
): Promise<{ questionnaires: number; responses: number }> {
  const db = getDb();
  const goes = (record: { id: string; personId: string }) =>
    isSampleId(record.id) || people.has(record.personId);
  const responses = await db.responses
    .filter(
      (response) =>
        goes(response) || (response.relationshipId !== null && pairs.has(response.relationshipId)),
    )
    .primaryKeys();
  await db.responses.bulkDelete(responses);
  const requests = await db.supportRequests.filter(goes).primaryKeys();
  await db.supportRequests.bulkDelete(requests);
  const sampleQuestionnaires = await db.questionnaires.where('id').startsWith(SAMPLE_ID_PREFIX).primaryKeys();
  const inUse = new Set<string>();
  if (sampleQuestionnaires.length > 0)
    await db.responses.each((response) => {
      inUse.add(response.questionnaireId);
    });
  const questionnaires = sampleQuestionnaires.filter((id) => !inUse.has(id));
  await db.questionnaires.bulkDelete(questionnaires);
  return { questionnaires: questionnaires.length, responses: responses.length };
}
