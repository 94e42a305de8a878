import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar';
import {
  CHECKPOINTS,
  type ClinicQuestionnaire,
  type Question,
  type QuestionnaireResponse,
  SUPPORT_OUTCOMES,
  type SupportRequest,
} from '../../domain/questionnaires/types';
import { isSafeId } from '../../domain/rules';
import {
  ACTION_OWNERS,
  type ActionItem,
  type AuditEntry,
  CAREER_STAGES,
  type ClinicSettings,
  FOCUSES,
  GOAL_STATUSES,
  type Goal,
  type GoalArea,
  type GoalProgress,
  MEETING_FORMATS,
  type Meeting,
  type MeetingGuide,
  type Milestone,
  type MilestoneType,
  PAPER_SIZES,
  type Person,
  PROFESSIONS,
  type Program,
  RECOGNITION_KINDS,
  RELATIONSHIP_STATUSES,
  type Recognition,
  type Relationship,
  type Topic,
  type TrainingCourse,
  type TrainingRecord,
} from '../../domain/types';
import type { TableName } from '../db';

// The page's policy forbids eval: without this, zod probes for it (`Function('')`) at its first parse,
// and the policy reports a violation each time a page does so (zod then parses without it all the same).
z.config({ jitless: true });

// The shape every record in a backup must have. Objects are strict: a field the app does not know would
// be silently dropped on the way in, and a restore must never lose anything quietly.
// Each schema is typed against the record type, so a new field in domain/types.ts fails to compile here.

const id = z
  .string()
  .min(1)
  .max(200)
  .refine(isSafeId, { message: 'is a name every JavaScript object already has, so it cannot be an id' });
const isoDate = z.string().refine(isIsoDate, { message: 'is not a calendar date (yyyy-MM-dd)' });
const isoTimestamp = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

export const personSchema: z.ZodType<Person> = z.strictObject({
  id,
  name: z.string(),
  email: z.string(),
  profession: z.enum(PROFESSIONS),
  specialty: z.string(),
  careerStage: z.enum(CAREER_STAGES),
  hireDate: isoDate.nullable(),
  leavingDate: isoDate.nullable(),
  tags: z.array(z.string()),
  isMentor: z.boolean(),
  isMentee: z.boolean(),
  mentorCapacity: count,
  archived: z.boolean(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const programSchema: z.ZodType<Program> = z.strictObject({
  id,
  name: z.string(),
  cadenceDays: count,
  typicalLengthMonths: count,
  archived: z.boolean(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const relationshipSchema: z.ZodType<Relationship> = z.strictObject({
  id,
  programId: id,
  mentorId: id,
  menteeId: id,
  focus: z.enum(FOCUSES),
  startDate: isoDate,
  plannedEndDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  status: z.enum(RELATIONSHIP_STATUSES),
  endReason: z.string().nullable(),
  statusHistory: z.array(z.strictObject({ status: z.enum(RELATIONSHIP_STATUSES), date: isoDate })),
  capacityOverride: z.strictObject({ reason: z.string(), at: isoTimestamp }).nullable(),
  lastMeetingDate: isoDate.nullable(),
  // Optional: pairings made before training records existed (schema 3 and older) do not have it.
  mentorTraining: z
    .strictObject({ state: z.literal('lapsed'), renewBy: isoDate })
    .nullable()
    .optional(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const meetingSchema: z.ZodType<Meeting> = z.strictObject({
  id,
  relationshipId: id,
  date: isoDate,
  durationMinutes: count,
  format: z.enum(MEETING_FORMATS),
  topics: z.array(id),
  notes: z.string(),
  confidential: z.boolean(),
  // Optional: only debrief meetings name a milestone (schema 11).
  milestoneId: id.optional(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const actionItemSchema: z.ZodType<ActionItem> = z.strictObject({
  id,
  meetingId: id,
  relationshipId: id,
  text: z.string(),
  owner: z.enum(ACTION_OWNERS),
  dueDate: isoDate.nullable(),
  done: z.boolean(),
  doneDate: isoDate.nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const topicSchema: z.ZodType<Topic> = z.strictObject({
  id,
  label: z.string(),
  builtIn: z.boolean(),
  archived: z.boolean(),
});

export const milestoneTypeSchema: z.ZodType<MilestoneType> = z.strictObject({
  id,
  label: z.string(),
  debriefWithinDays: count,
  builtIn: z.boolean(),
  archived: z.boolean(),
});

export const milestoneSchema: z.ZodType<Milestone> = z.strictObject({
  id,
  relationshipId: id,
  menteeId: id,
  typeId: id,
  date: isoDate,
  description: z.string(),
  debriefWithinDays: count,
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const meetingGuideSchema: z.ZodType<MeetingGuide> = z.strictObject({
  id,
  questions: z.array(z.string()),
  watchFor: z.string(),
  updatedAt: isoTimestamp,
});

export const goalAreaSchema: z.ZodType<GoalArea> = z.strictObject({
  id,
  label: z.string(),
  builtIn: z.boolean(),
  archived: z.boolean(),
});

export const goalSchema: z.ZodType<Goal> = z.strictObject({
  id,
  relationshipId: id,
  areaId: id,
  title: z.string(),
  details: z.string(),
  setDate: isoDate,
  targetDate: isoDate.nullable(),
  status: z.enum(GOAL_STATUSES),
  dropReason: z.string().nullable(),
  steps: z.array(z.strictObject({ text: z.string(), done: z.boolean() })),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const goalProgressSchema: z.ZodType<GoalProgress> = z.strictObject({
  id,
  goalId: id,
  relationshipId: id,
  meetingId: id.nullable(),
  date: isoDate,
  status: z.enum(GOAL_STATUSES),
  note: z.string(),
  createdAt: isoTimestamp,
});

export const settingsSchema: z.ZodType<ClinicSettings> = z.strictObject({
  key: z.literal('clinic'),
  clinicName: z.string(),
  paperSize: z.enum(PAPER_SIZES),
  backupWarnDays: z.number().int().min(1),
  lastBackupAt: isoTimestamp.nullable(),
  // Optional: backups made before these fields existed do not have them.
  lastManualBackupAt: isoTimestamp.nullable().optional(),
  lastAutoBackupAt: isoTimestamp.nullable().optional(),
  restoredFrom: z
    .strictObject({
      source: z.enum(['backup', 'safety-copy']),
      madeAt: isoTimestamp,
      restoredAt: isoTimestamp,
    })
    .nullable()
    .optional(),
  onboarded: z.boolean(),
  // Optional: backups made before the clinic lock do not have it.
  idleLockMinutes: z.number().int().min(1).max(30).optional(),
  supportContacts: z
    .strictObject({ assistanceProgram: z.string(), occupationalHealth: z.string(), crisisLine: z.string() })
    .optional(),
});

const questionId = z.string().min(1).max(40).refine(isSafeId, { message: 'is not a usable question id' });

const questionSchema: z.ZodType<Question> = z.discriminatedUnion('kind', [
  z.strictObject({
    id: questionId,
    kind: z.literal('scale'),
    prompt: z.string(),
    points: z.number().int().min(2).max(10),
    lowLabel: z.string(),
    highLabel: z.string(),
  }),
  z.strictObject({
    id: questionId,
    kind: z.literal('choice'),
    prompt: z.string(),
    options: z.array(z.string()).min(2),
  }),
  z.strictObject({ id: questionId, kind: z.literal('text'), prompt: z.string() }),
]);

export const questionnaireSchema: z.ZodType<ClinicQuestionnaire> = z.strictObject({
  id,
  title: z.string(),
  intro: z.string(),
  questions: z.array(questionSchema).min(1),
  archived: z.boolean(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const responseSchema: z.ZodType<QuestionnaireResponse> = z.strictObject({
  id,
  questionnaireId: id,
  personId: id,
  relationshipId: id.nullable(),
  checkpoint: z.enum(CHECKPOINTS).nullable(),
  answeredOn: isoDate,
  createdAt: isoTimestamp,
  answers: z.record(questionId, z.union([z.number().int(), z.string(), z.null()])),
  support: z.enum(SUPPORT_OUTCOMES),
});

export const supportRequestSchema: z.ZodType<SupportRequest> = z.strictObject({
  id,
  personId: id,
  requestedOn: isoDate,
  createdAt: isoTimestamp,
  doneAt: isoTimestamp.nullable(),
});

export const trainingCourseSchema: z.ZodType<TrainingCourse> = z.strictObject({
  id,
  name: z.string(),
  provider: z.string(),
  renewalMonths: count,
  archived: z.boolean(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const trainingRecordSchema: z.ZodType<TrainingRecord> = z.strictObject({
  id,
  personId: id,
  courseId: id,
  provider: z.string(),
  completedOn: isoDate,
  hours: z.number(),
  renewBy: isoDate,
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const recognitionSchema: z.ZodType<Recognition> = z.strictObject({
  id,
  personId: id,
  kind: z.enum(RECOGNITION_KINDS),
  date: isoDate,
  text: z.string(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const auditEntrySchema: z.ZodType<AuditEntry> = z.strictObject({
  seq: z.number().int().min(1),
  at: isoTimestamp,
  table: z.enum([
    'people',
    'programs',
    'relationships',
    'meetings',
    'actionItems',
    'topics',
    'settings',
    'trainingCourses',
    'trainingRecords',
    'recognitions',
    'questionnaires',
    'responses',
    'supportRequests',
    'milestoneTypes',
    'milestones',
    'meetingGuides',
    'goalAreas',
    'goals',
    'goalProgress',
  ]),
  recordId: id,
  action: z.enum(['create', 'update', 'delete', 'restore', 'view']),
  fields: z.array(z.string()),
  detail: z.string().optional(),
});

export interface BackupTables {
  people: Person[];
  programs: Program[];
  relationships: Relationship[];
  milestoneTypes: MilestoneType[];
  milestones: Milestone[];
  meetings: Meeting[];
  actionItems: ActionItem[];
  topics: Topic[];
  questionnaires: ClinicQuestionnaire[];
  responses: QuestionnaireResponse[];
  supportRequests: SupportRequest[];
  meetingGuides: MeetingGuide[];
  goalAreas: GoalArea[];
  goals: Goal[];
  goalProgress: GoalProgress[];
  settings: ClinicSettings[];
  trainingCourses: TrainingCourse[];
  trainingRecords: TrainingRecord[];
  recognitions: Recognition[];
  auditLog: AuditEntry[];
}

export const recordSchemas: { [T in TableName]: z.ZodType<BackupTables[T][number]> } = {
  people: personSchema,
  programs: programSchema,
  relationships: relationshipSchema,
  milestoneTypes: milestoneTypeSchema,
  milestones: milestoneSchema,
  meetings: meetingSchema,
  actionItems: actionItemSchema,
  topics: topicSchema,
  questionnaires: questionnaireSchema,
  responses: responseSchema,
  supportRequests: supportRequestSchema,
  meetingGuides: meetingGuideSchema,
  goalAreas: goalAreaSchema,
  goals: goalSchema,
  goalProgress: goalProgressSchema,
  settings: settingsSchema,
  trainingCourses: trainingCourseSchema,
  trainingRecords: trainingRecordSchema,
  recognitions: recognitionSchema,
  auditLog: auditEntrySchema,
};

/** The primary key of each table, used to name a record in a message and to find duplicates. */
export const PRIMARY_KEYS: Record<TableName, string> = {
  people: 'id',
  programs: 'id',
  relationships: 'id',
  milestoneTypes: 'id',
  milestones: 'id',
  meetings: 'id',
  actionItems: 'id',
  topics: 'id',
  questionnaires: 'id',
  responses: 'id',
  supportRequests: 'id',
  meetingGuides: 'id',
  goalAreas: 'id',
  goals: 'id',
  goalProgress: 'id',
  settings: 'key',
  trainingCourses: 'id',
  trainingRecords: 'id',
  recognitions: 'id',
  auditLog: 'seq',
};
