// The records Guiding Hands keeps. Pure types: no React, no Dexie, no DOM.
// Calendar dates are ISO date strings ('yyyy-MM-dd') so that a date never shifts with a time zone
// or a daylight-saving change; moments (createdAt, audit times) are ISO timestamps in UTC.

import type {
  ClinicQuestionnaire,
  QuestionnaireResponse,
  SupportContacts,
  SupportRequest,
} from './questionnaires/types';

export type IsoDate = string;
export type IsoTimestamp = string;
export type Id = string;

export const PROFESSIONS = [
  'physician',
  'nurse',
  'resident',
  'student',
  'allied-health',
  'administrative',
  'other',
] as const;
export type Profession = (typeof PROFESSIONS)[number];
export const PROFESSION_LABELS: Record<Profession, string> = {
  physician: 'Physician',
  nurse: 'Nurse',
  resident: 'Resident',
  student: 'Student',
  'allied-health': 'Allied health',
  administrative: 'Administrative',
  other: 'Other',
};

export const CAREER_STAGES = [
  'student',
  'new-graduate',
  'early-career',
  'mid-career',
  'senior',
  'retired',
] as const;
export type CareerStage = (typeof CAREER_STAGES)[number];
export const CAREER_STAGE_LABELS: Record<CareerStage, string> = {
  student: 'Student',
  'new-graduate': 'New graduate',
  'early-career': 'Early career',
  'mid-career': 'Mid career',
  senior: 'Senior',
  retired: 'Retired',
};

export interface Person {
  id: Id;
  name: string;
  email: string;
  profession: Profession;
  /** Specialty or department, free text ("Emergency", "Pediatrics"). */
  specialty: string;
  careerStage: CareerStage;
  hireDate: IsoDate | null;
  leavingDate: IsoDate | null;
  /** Interests and expertise, used to suggest mentors. */
  tags: string[];
  isMentor: boolean;
  isMentee: boolean;
  /** How many active mentees this person can take on as a mentor. */
  mentorCapacity: number;
  archived: boolean;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

export interface Program {
  id: Id;
  name: string;
  /** Target number of days between two meetings of a pair. */
  cadenceDays: number;
  /** Typical length of a pairing in months. */
  typicalLengthMonths: number;
  archived: boolean;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

export const FOCUSES = ['clinical', 'career', 'research', 'peer'] as const;
export type Focus = (typeof FOCUSES)[number];
export const FOCUS_LABELS: Record<Focus, string> = {
  clinical: 'Clinical',
  career: 'Career',
  research: 'Research',
  peer: 'Peer',
};

export const RELATIONSHIP_STATUSES = ['proposed', 'active', 'paused', 'completed', 'ended-early'] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];
export const RELATIONSHIP_STATUS_LABELS: Record<RelationshipStatus, string> = {
  proposed: 'Proposed',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  'ended-early': 'Ended early',
};

/** One change of status, kept so reports can tell what a pair was on any date. */
export interface StatusChange {
  status: RelationshipStatus;
  date: IsoDate;
}

export interface CapacityOverride {
  /** Why the manager paired a mentor beyond capacity. */
  reason: string;
  at: IsoTimestamp;
}

export interface Relationship {
  id: Id;
  programId: Id;
  mentorId: Id;
  menteeId: Id;
  focus: Focus;
  startDate: IsoDate;
  plannedEndDate: IsoDate | null;
  /** Date the pair actually ended (completed or ended early). */
  endDate: IsoDate | null;
  status: RelationshipStatus;
  /** Required when status is 'ended-early'. */
  endReason: string | null;
  statusHistory: StatusChange[];
  capacityOverride: CapacityOverride | null;
  /** Date of the latest meeting, kept by the meetings repository for the dashboard. */
  lastMeetingDate: IsoDate | null;
  /**
   * Set when the mentor's training was not current on the start date as the pairing was made (allowed,
   * but remembered). Absent on pairings made before training records existed, and when it was current.
   */
  mentorTraining?: TrainingAtPairing | null;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

/**
 * What a pairing remembers of its mentor's training when it was made: trained once, not renewed in time.
 * (A mentor with no training on record is shown as such when pairing, but not remembered: many clinics
 * start recording training long after their first pairings.)
 */
export interface TrainingAtPairing {
  state: 'lapsed';
  /** The latest renew-by date the mentor had. */
  renewBy: IsoDate;
}

/** A mentor-training course the clinic recognises (its list of courses). */
export interface TrainingCourse {
  id: Id;
  name: string;
  /** Who usually gives it; a record may name another provider. */
  provider: string;
  /** How long a completion stays current, in months (12 unless the clinic says otherwise). */
  renewalMonths: number;
  archived: boolean;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

/** One course a mentor completed. */
export interface TrainingRecord {
  id: Id;
  personId: Id;
  courseId: Id;
  provider: string;
  completedOn: IsoDate;
  /** Hours of training, in quarter hours at most (1.5). */
  hours: number;
  /** The last day the training counts as current; renewing means a new record before then. */
  renewBy: IsoDate;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

export const RECOGNITION_KINDS = ['award', 'thanks', 'committee'] as const;
export type RecognitionKind = (typeof RECOGNITION_KINDS)[number];
export const RECOGNITION_KIND_LABELS: Record<RecognitionKind, string> = {
  award: 'Award',
  thanks: 'Thanks from a mentee',
  committee: 'Committee role',
};

/** Something that recognises a mentor's work, for the portfolio. */
export interface Recognition {
  id: Id;
  personId: Id;
  kind: RecognitionKind;
  date: IsoDate;
  /** A short text; sensitive (it may quote a mentee): sealed at rest, never logged or in a report. */
  text: string;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

export const MEETING_FORMATS = [
  'in-person',
  'video',
  'phone',
  'shadowing',
  'case-review',
  'debrief',
] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];
export const MEETING_FORMAT_LABELS: Record<MeetingFormat, string> = {
  'in-person': 'In person',
  video: 'Video',
  phone: 'Phone',
  shadowing: 'Shadowing',
  'case-review': 'Case review',
  debrief: 'Debrief',
};

export interface Meeting {
  id: Id;
  relationshipId: Id;
  date: IsoDate;
  durationMinutes: number;
  format: MeetingFormat;
  /** Topic ids (see Topic). */
  topics: Id[];
  /** Free text; sensitive: never indexed, never logged, encrypted at rest in a later version. */
  notes: string;
  confidential: boolean;
  /** Set on a debrief meeting: the milestone it debriefed (schema 11). Absent on every other meeting. */
  milestoneId?: Id;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

export const ACTION_OWNERS = ['mentee', 'mentor', 'both'] as const;
export type ActionOwner = (typeof ACTION_OWNERS)[number];
export const OWNER_LABELS: Record<ActionOwner, string> = { mentee: 'Mentee', mentor: 'Mentor', both: 'Both' };

export interface ActionItem {
  id: Id;
  meetingId: Id;
  relationshipId: Id;
  /** Sensitive like notes: never indexed, never logged. */
  text: string;
  owner: ActionOwner;
  dueDate: IsoDate | null;
  done: boolean;
  doneDate: IsoDate | null;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

export interface Topic {
  id: Id;
  label: string;
  /** Topics that ship with the app; the clinic's own are false. */
  builtIn: boolean;
  archived: boolean;
}

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** What a restore put back: a backup file, or a safety copy kept before an earlier restore. */
export interface RestoredFrom {
  source: 'backup' | 'safety-copy';
  /** When that backup (or safety copy) was made. */
  madeAt: IsoTimestamp;
  restoredAt: IsoTimestamp;
}

export interface ClinicSettings {
  key: 'clinic';
  clinicName: string;
  paperSize: PaperSize;
  /** The dashboard warns when the last backup is older than this. */
  backupWarnDays: number;
  /** The latest backup of either kind; the dashboard warns when it is too old. */
  lastBackupAt: IsoTimestamp | null;
  /** The latest backup made by hand ("Back up now"). Absent in records older than the field. */
  lastManualBackupAt?: IsoTimestamp | null;
  /** The latest automatic backup (daily, or when the app closed). Absent in older records. */
  lastAutoBackupAt?: IsoTimestamp | null;
  /** Set by a restore: where the records came from. The next backup clears it. */
  restoredFrom?: RestoredFrom | null;
  /** True once the first-run welcome has been answered. */
  onboarded: boolean;
  /** With the clinic lock on: minutes without input before the app locks itself. Absent in older records. */
  idleLockMinutes?: number;
  /** Shown to a person whose burnout answer is high. Absent in records older than the field. */
  supportContacts?: SupportContacts;
}

/** 'view': a confidential meeting's notes were shown (the record is named, never the text). */
export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'view';
export type AuditedTable =
  | 'people'
  | 'programs'
  | 'relationships'
  | 'meetings'
  | 'actionItems'
  | 'topics'
  | 'settings'
  | 'trainingCourses'
  | 'trainingRecords'
  | 'recognitions'
  | 'questionnaires'
  | 'responses'
  | 'supportRequests'
  | 'milestoneTypes'
  | 'milestones'
  | 'meetingGuides'
  | 'goalAreas'
  | 'goals'
  | 'goalProgress';

/** What changed, never the content: field names only, no note text. */
export interface AuditEntry {
  seq?: number;
  at: IsoTimestamp;
  table: AuditedTable;
  recordId: Id;
  action: AuditAction;
  fields: string[];
  /** A short reason where the rules asked for one (capacity override, ended early). */
  detail?: string;
}

/** The topics every clinic starts with (from the field: what mentoring conversations cover). */
export const BUILT_IN_TOPICS: ReadonlyArray<Pick<Topic, 'id' | 'label'>> = [
  { id: 'complex-cases', label: 'Complex cases' },
  { id: 'after-action-feedback', label: 'Post-operative / after-action feedback' },
  { id: 'time-management', label: 'Time management' },
  { id: 'workplace-politics', label: 'Workplace politics' },
  { id: 'ethics', label: 'Ethics' },
  { id: 'research', label: 'Research' },
  { id: 'networking', label: 'Networking' },
  { id: 'career', label: 'Career and specialization' },
  { id: 'emotional-resilience', label: 'Emotional resilience' },
  { id: 'stress-burnout', label: 'Stress and burnout' },
  { id: 'patient-loss', label: 'Patient loss' },
];

/** A kind of first that deserves a conversation; the clinic keeps its own list. */
export interface MilestoneType {
  id: Id;
  label: string;
  /** How many days after the milestone a debrief should be held. */
  debriefWithinDays: number;
  /** Types that ship with the app; the clinic's own are false. */
  builtIn: boolean;
  archived: boolean;
}

/** The starting list (from the field: the firsts a mentor should talk through with a new colleague). */
export const BUILT_IN_MILESTONE_TYPES: ReadonlyArray<Pick<MilestoneType, 'id' | 'label'>> = [
  { id: 'first-operation', label: 'First operation or solo procedure' },
  { id: 'first-night-in-charge', label: 'First night shift in charge' },
  { id: 'first-resuscitation', label: 'First resuscitation' },
  { id: 'first-patient-death', label: 'First patient death' },
  { id: 'first-colleague-conflict', label: 'First conflict with a colleague' },
  { id: 'first-research-presentation', label: 'First research presentation' },
];

/** A first in a mentee's work that the pairing should debrief. */
export interface Milestone {
  id: Id;
  /** The pairing that should debrief it; the mentee is that pairing's mentee. */
  relationshipId: Id;
  menteeId: Id;
  typeId: Id;
  date: IsoDate;
  /** Short free text; sensitive: sealed at rest, never indexed, logged or reported. */
  description: string;
  /** The type's debrief target when it was recorded, so a later change of the list moves no old target. */
  debriefWithinDays: number;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

/** A topic's meeting guide as the clinic edited it; a topic never edited uses the built-in guide. */
export interface MeetingGuide {
  /** The topic's id. */
  id: Id;
  questions: string[];
  watchFor: string;
  updatedAt: IsoTimestamp;
}

/** Where a goal stands. A dropped goal keeps the reason it was dropped. */
export const GOAL_STATUSES = ['not-started', 'on-track', 'at-risk', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  achieved: 'Achieved',
  dropped: 'Dropped',
};
/** The statuses of a goal still being worked on: past its target date, it is overdue. */
export const OPEN_GOAL_STATUSES = [
  'not-started',
  'on-track',
  'at-risk',
] as const satisfies readonly GoalStatus[];

/** What a goal is about; the clinic can add its own areas (builtIn false). */
export interface GoalArea {
  id: Id;
  label: string;
  builtIn: boolean;
  archived: boolean;
}

/** The areas every clinic starts with (from the field: what a new clinician grows in). */
export const BUILT_IN_GOAL_AREAS: ReadonlyArray<Pick<GoalArea, 'id' | 'label'>> = [
  { id: 'area-clinical', label: 'Clinical skills and complex cases' },
  { id: 'area-time', label: 'Time management' },
  { id: 'area-workplace', label: 'Workplace navigation' },
  { id: 'area-ethics', label: 'Ethics' },
  { id: 'area-research', label: 'Research' },
  { id: 'area-career', label: 'Networking and career' },
  { id: 'area-specialisation', label: 'Specialisation' },
  { id: 'area-resilience', label: 'Resilience and well-being' },
];

/** One step towards a goal. Sealed with the goal's other text. */
export interface GoalStep {
  text: string;
  done: boolean;
}

/** A goal of a pairing's development plan. Title, details, steps and drop reason are sensitive. */
export interface Goal {
  id: Id;
  relationshipId: Id;
  areaId: Id;
  title: string;
  /** How the pair will know it is done (the measurable part); may be empty. */
  details: string;
  /** The day the goal was set, for "goals set in the period". */
  setDate: IsoDate;
  targetDate: IsoDate | null;
  /** The status of its latest progress entry. */
  status: GoalStatus;
  /** Required while the status is 'dropped'. */
  dropReason: string | null;
  steps: GoalStep[];
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

/** One entry of a goal's history: its status from `date` on, with a short note, perhaps from a meeting. */
export interface GoalProgress {
  id: Id;
  goalId: Id;
  relationshipId: Id;
  /** The meeting where the progress was recorded; null when it was recorded on the goal itself. */
  meetingId: Id | null;
  date: IsoDate;
  status: GoalStatus;
  /** Sensitive like meeting notes; may be empty. */
  note: string;
  createdAt: IsoTimestamp;
}

/** Every record of a clinic, table by table: what the sample clinic builds and a repository adds at once. */
export interface ClinicRecords {
  settings: ClinicSettings;
  people: Person[];
  programs: Program[];
  relationships: Relationship[];
  meetings: Meeting[];
  actionItems: ActionItem[];
  topics: Topic[];
  /** Optional: a clinic without mentor training or recognition records leaves them out. */
  trainingCourses?: TrainingCourse[];
  trainingRecords?: TrainingRecord[];
  recognitions?: Recognition[];
  questionnaires: ClinicQuestionnaire[];
  responses: QuestionnaireResponse[];
  supportRequests: SupportRequest[];
  /** Absent: none (a clinic made before milestones existed). */
  milestoneTypes?: MilestoneType[];
  milestones?: Milestone[];
  goalAreas: GoalArea[];
  goals: Goal[];
  goalProgress: GoalProgress[];
}
