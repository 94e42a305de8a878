// Questionnaires: their definitions (built in, or the clinic's own), the answers a person gave, and the
// private "please contact me" a high burnout answer can lead to. Pure types. Imports nothing, because
// domain/types.ts imports these (the same aliases as there: ids, calendar dates, UTC moments).

type Id = string;
type IsoDate = string;
type IsoTimestamp = string;

export interface ScaleQuestion {
  id: string;
  kind: 'scale';
  prompt: string;
  /** The answer is a whole number from 1 to `points`. */
  points: number;
  /** What 1 and `points` mean ("Strongly disagree", "Strongly agree"). */
  lowLabel: string;
  highLabel: string;
}

export interface ChoiceQuestion {
  id: string;
  kind: 'choice';
  prompt: string;
  /** The answer is the number of the option chosen, from 1. */
  options: string[];
}

export interface TextQuestion {
  id: string;
  kind: 'text';
  prompt: string;
}

export type Question = ScaleQuestion | ChoiceQuestion | TextQuestion;
export type QuestionKind = Question['kind'];

export interface QuestionnaireDefinition {
  id: Id;
  title: string;
  /** What the respondent reads first: why it is asked and how long it takes. */
  intro: string;
  questions: Question[];
}

/** A questionnaire the clinic wrote itself (stored in the `questionnaires` table). */
export interface ClinicQuestionnaire extends QuestionnaireDefinition {
  archived: boolean;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

/** When a pairing questionnaire is due: 1, 3 or 6 months after the start, or at the pairing's end. */
export const CHECKPOINTS = ['month-1', 'month-3', 'month-6', 'end'] as const;
export type Checkpoint = (typeof CHECKPOINTS)[number];

/** A number (scale point or option number), a short text, or null for a question left out. */
export type Answer = number | string | null;

/**
 * Whether support was offered after a high burnout answer, and the person's reply. Always a value, never
 * null: the field is sealed at rest, and an empty field beside sealed ones would tell who was offered.
 */
export const SUPPORT_OUTCOMES = ['not-offered', 'offered', 'accepted'] as const;
export type SupportOutcome = (typeof SUPPORT_OUTCOMES)[number];

export interface QuestionnaireResponse {
  id: Id;
  questionnaireId: Id;
  /** Who answered. */
  personId: Id;
  /** The pairing it was about, for pairing questionnaires and session ratings. */
  relationshipId: Id | null;
  checkpoint: Checkpoint | null;
  answeredOn: IsoDate;
  createdAt: IsoTimestamp;
  /** Question id → answer. Sealed at rest; never shown one by one, never in the audit log. */
  answers: Record<string, Answer>;
  /** Sealed at rest like the answers. */
  support: SupportOutcome;
}

/** "Please contact me": the only thing a high burnout answer tells the manager, and only on a yes. */
export interface SupportRequest {
  id: Id;
  /** Sealed at rest: who asked is as private as the answer that led to it. */
  personId: Id;
  requestedOn: IsoDate;
  createdAt: IsoTimestamp;
  /** When the manager marked the contact made. */
  doneAt: IsoTimestamp | null;
}

/** The clinic's own support contacts, shown to a person whose burnout answer is high. */
export interface SupportContacts {
  assistanceProgram: string;
  occupationalHealth: string;
  crisisLine: string;
}

export const EMPTY_SUPPORT_CONTACTS: SupportContacts = {
  assistanceProgram: '',
  occupationalHealth: '',
  crisisLine: '',
};
