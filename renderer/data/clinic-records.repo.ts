import { RuleError } from '../domain/rules';
import type { ClinicRecords } from '../domain/types';
import { nowIso } from './audit';
import { getDb } from './db';

export type { ClinicRecords };

// Adds a whole clinic's records at once (the sample clinic, for one): all of it or none of it.

export interface AddClinicRecordsOptions {
  /** Wipe the people, programs, pairs, meetings, action items and topics already there first. */
  replace: boolean;
  /** What the audit log says was added, e.g. "Sample clinic loaded (demo, seed 1)". */
  auditNote: string;
}

export interface ClinicRecordsSummary {
  people: number;
  programs: number;
  relationships: number;
  meetings: number;
  actionItems: number;
  topics: number;
  trainingCourses: number;
  trainingRecords: number;
  recognitions: number;
  questionnaires: number;
  responses: number;
  milestones: number;
  goals: number;
}

export async function addClinicRecords(
  clinic: ClinicRecords,
  { replace, auditNote }: AddClinicRecordsOptions,
): Promise<ClinicRecordsSummary> {
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
    db.milestoneTypes,
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
    if (replace) {
      // The action items first: clearing the meetings would otherwise rewrite every item's meeting
      // date (a summary kept on the items) just before the items themselves are cleared.
      await db.actionItems.clear();
      await Promise.all([
        db.people.clear(),
        db.programs.clear(),
        db.relationships.clear(),
        db.meetings.clear(),
        db.topics.clear(),
        db.trainingCourses.clear(),
        db.trainingRecords.clear(),
        db.recognitions.clear(),
        db.questionnaires.clear(),
        db.responses.clear(),
        db.supportRequests.clear(),
        db.milestoneTypes.clear(),
        db.milestones.clear(),
        db.goalAreas.clear(),
        db.goals.clear(),
        db.goalProgress.clear(),
      ]);
    } else if ((await db.people.count()) > 0) {
      throw new RuleError(
        'not-empty',
        'This clinic already has people in it. Sample data can only be loaded into an empty clinic.',
      );
    }
    // Topics the clinic already has (the built-in list, its own) are kept as they are.
    const knownTopics = new Set(await db.topics.toCollection().primaryKeys());
    const newTopics = clinic.topics.filter((topic) => !knownTopics.has(topic.id));
    await db.people.bulkAdd(clinic.people);
    await db.programs.bulkAdd(clinic.programs);
    await db.topics.bulkAdd(newTopics);
    await db.relationships.bulkAdd(clinic.relationships);
    // Kinds of milestone the clinic already stores are kept as they are, like topics.
    const knownTypes = new Set(await db.milestoneTypes.toCollection().primaryKeys());
    await db.milestoneTypes.bulkAdd((clinic.milestoneTypes ?? []).filter((type) => !knownTypes.has(type.id)));
    await db.milestones.bulkAdd(clinic.milestones ?? []);
    await db.meetings.bulkAdd(clinic.meetings);
    await db.actionItems.bulkAdd(clinic.actionItems);
    await db.trainingCourses.bulkAdd(clinic.trainingCourses ?? []);
    await db.trainingRecords.bulkAdd(clinic.trainingRecords ?? []);
    await db.recognitions.bulkAdd(clinic.recognitions ?? []);
    await db.questionnaires.bulkAdd(clinic.questionnaires);
    await db.responses.bulkAdd(clinic.responses);
    await db.supportRequests.bulkAdd(clinic.supportRequests);
    const knownAreas = new Set(await db.goalAreas.toCollection().primaryKeys());
    await db.goalAreas.bulkAdd(clinic.goalAreas.filter((area) => !knownAreas.has(area.id)));
    await db.goals.bulkAdd(clinic.goals);
    await db.goalProgress.bulkAdd(clinic.goalProgress);
    const settings = await db.settings.get('clinic');
    await db.settings.put({
      ...clinic.settings,
      ...settings,
      clinicName: clinic.settings.clinicName,
      onboarded: true,
    });
    const summary: ClinicRecordsSummary = {
      people: clinic.people.length,
      programs: clinic.programs.length,
      relationships: clinic.relationships.length,
      meetings: clinic.meetings.length,
      actionItems: clinic.actionItems.length,
      topics: newTopics.length,
      trainingCourses: clinic.trainingCourses?.length ?? 0,
      trainingRecords: clinic.trainingRecords?.length ?? 0,
      recognitions: clinic.recognitions?.length ?? 0,
      questionnaires: clinic.questionnaires.length,
      responses: clinic.responses.length,
      milestones: clinic.milestones?.length ?? 0,
      goals: clinic.goals.length,
    };
    const counts = Object.entries(summary)
      .map(([table, count]) => `${count} ${table}`)
      .join(', ');
    await db.auditLog.add({
      at: nowIso(),
      table: 'settings',
      recordId: 'clinic',
      action: 'update',
      fields: ['clinicName', 'onboarded'],
      detail: `${auditNote}${replace ? ', replacing earlier records' : ''}: ${counts}.`,
    });
    return summary;
  });
}
