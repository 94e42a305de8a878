import { addClinicRecords, type ClinicRecordsSummary } from '../data/clinic-records.repo';
import { toIsoDate } from '../domain/calendar';
import { BUILT_IN_PREFIX } from '../domain/questionnaires/built-in';
import { sampleId } from '../domain/sample-records';
import type { IsoDate } from '../domain/types';
import { generateSampleClinic } from './generate';
import type { SampleClinic, SampleSize } from './types';

// The sample clinic's one door to the database: it generates the clinic and hands the records to a
// repository, which writes them in one transaction.

export interface LoadSampleClinicOptions {
  seed?: number;
  size?: SampleSize;
  /** The day the sample is built around; defaults to the real today. */
  today?: Date | IsoDate;
  /** Wipe the people, programs, pairs, meetings, action items and topics already there first. */
  replace?: boolean;
  /** Mark every record as sample (the welcome's "Look around first"), so "Start for real" can remove it. */
  asSample?: boolean;
}

/** The same clinic with every id it made marked as sample; built-in topics stay the clinic's own. */
function markedAsSample(clinic: SampleClinic): SampleClinic {
  const own = new Set(clinic.topics.filter((topic) => !topic.builtIn).map((topic) => topic.id));
  const topicId = (id: string) => (own.has(id) ? sampleId(id) : id);
  const ownAreas = new Set(clinic.goalAreas.filter((area) => !area.builtIn).map((area) => area.id));
  return {
    ...clinic,
    people: clinic.people.map((person) => ({ ...person, id: sampleId(person.id) })),
    programs: clinic.programs.map((program) => ({ ...program, id: sampleId(program.id) })),
    topics: clinic.topics.map((topic) => ({ ...topic, id: topicId(topic.id) })),
    relationships: clinic.relationships.map((pair) => ({
      ...pair,
      id: sampleId(pair.id),
      programId: sampleId(pair.programId),
      mentorId: sampleId(pair.mentorId),
      menteeId: sampleId(pair.menteeId),
    })),
    meetings: clinic.meetings.map((meeting) => ({
      ...meeting,
      id: sampleId(meeting.id),
      relationshipId: sampleId(meeting.relationshipId),
      topics: meeting.topics.map(topicId),
      ...(meeting.milestoneId ? { milestoneId: sampleId(meeting.milestoneId) } : {}),
    })),
    milestones: (clinic.milestones ?? []).map((milestone) => ({
      ...milestone,
      id: sampleId(milestone.id),
      relationshipId: sampleId(milestone.relationshipId),
      menteeId: sampleId(milestone.menteeId),
    })),
    actionItems: clinic.actionItems.map((item) => ({
      ...item,
      id: sampleId(item.id),
      meetingId: sampleId(item.meetingId),
      relationshipId: sampleId(item.relationshipId),
    })),
    trainingCourses: clinic.trainingCourses?.map((course) => ({ ...course, id: sampleId(course.id) })),
    trainingRecords: clinic.trainingRecords?.map((record) => ({
      ...record,
      id: sampleId(record.id),
      personId: sampleId(record.personId),
      courseId: sampleId(record.courseId),
    })),
    recognitions: clinic.recognitions?.map((entry) => ({
      ...entry,
      id: sampleId(entry.id),
      personId: sampleId(entry.personId),
    })),
    questionnaires: clinic.questionnaires.map((questionnaire) => ({
      ...questionnaire,
      id: sampleId(questionnaire.id),
    })),
    responses: clinic.responses.map((response) => ({
      ...response,
      id: sampleId(response.id),
      personId: sampleId(response.personId),
      relationshipId: response.relationshipId === null ? null : sampleId(response.relationshipId),
      // The built-in questionnaires keep their ids; the clinic's own is a sample record.
      questionnaireId: isBuiltInId(response.questionnaireId)
        ? response.questionnaireId
        : sampleId(response.questionnaireId),
    })),
    supportRequests: clinic.supportRequests.map((request) => ({
      ...request,
      id: sampleId(request.id),
      personId: sampleId(request.personId),
    })),
    goalAreas: clinic.goalAreas.map((area) => ({ ...area, id: area.builtIn ? area.id : sampleId(area.id) })),
    goals: clinic.goals.map((goal) => ({
      ...goal,
      id: sampleId(goal.id),
      relationshipId: sampleId(goal.relationshipId),
      areaId: ownAreas.has(goal.areaId) ? sampleId(goal.areaId) : goal.areaId,
    })),
    goalProgress: clinic.goalProgress.map((entry) => ({
      ...entry,
      id: sampleId(entry.id),
      goalId: sampleId(entry.goalId),
      relationshipId: sampleId(entry.relationshipId),
      meetingId: entry.meetingId === null ? null : sampleId(entry.meetingId),
    })),
  };
}

function isBuiltInId(id: string): boolean {
  return id.startsWith(BUILT_IN_PREFIX);
}

export type SampleLoadSummary = ClinicRecordsSummary;

export async function loadSampleClinic({
  seed = 1,
  size = 'demo',
  today = new Date(),
  replace = false,
  asSample = false,
}: LoadSampleClinicOptions = {}): Promise<SampleLoadSummary> {
  const generated = generateSampleClinic({
    seed,
    size,
    today: typeof today === 'string' ? today : toIsoDate(today),
  });
  const clinic = asSample ? markedAsSample(generated) : generated;
  const sizeLabel = typeof size === 'string' ? size : 'custom';
  return addClinicRecords(clinic, {
    replace,
    auditNote: `Sample clinic loaded (${sizeLabel}, seed ${seed})`,
  });
}
