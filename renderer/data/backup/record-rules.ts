import { checkGuide } from '../../domain/meeting-guides';
import type {
  ClinicQuestionnaire,
  QuestionnaireResponse,
  SupportRequest,
} from '../../domain/questionnaires/types';
import {
  checkCourse,
  checkMilestoneType,
  checkPerson,
  checkProgram,
  checkQuestionnaireDraft,
  checkRecognition,
  checkSettingsChanges,
  isTrainingHours,
  isWholeNumberIn,
  MAX_MEETING_MINUTES,
  RuleError,
  requireDate,
  ruleErrorsOf,
} from '../../domain/rules';
import { DATE_RANGE } from '../../domain/rules/fields';
import type {
  ActionItem,
  ClinicSettings,
  Goal,
  GoalProgress,
  Meeting,
  MeetingGuide,
  Milestone,
  MilestoneType,
  Person,
  Program,
  Recognition,
  Relationship,
  TrainingCourse,
  TrainingRecord,
} from '../../domain/types';
import type { TableName } from '../db';

// The app's own rules (renderer/domain/rules), applied to a backup's records after their shape: what a
// form would refuse to save, a restore refuses to bring in, and a backup reports as needing repair.

export interface RuleProblem {
  field: string | null;
  problem: string;
}

/** A stored moment ('…T…Z') is dated by its day, which must be in the app's range like any date. */
function momentDay(value: string | null): string | null {
  return value === null ? null : value.slice(0, 10);
}

function checkDates(dates: ReadonlyArray<[field: string, value: string | null]>): () => void {
  return () => {
    for (const [field, value] of dates) requireDate(value, field, `The ${field} date`, true);
  };
}

function stamps(record: { createdAt: string; updatedAt: string }): [string, string | null][] {
  return [
    ['createdAt', momentDay(record.createdAt)],
    ['updatedAt', momentDay(record.updatedAt)],
  ];
}

/** The checks each table's records must pass; a check throws RuleError (or RuleErrors). */
function checksFor(table: TableName, record: unknown): Array<() => void> {
  switch (table) {
    case 'people': {
      const person = record as Person;
      return [() => checkPerson(person, { fromBackup: true }), checkDates(stamps(person))];
    }
    case 'programs': {
      const program = record as Program;
      return [() => checkProgram(program), checkDates(stamps(program))];
    }
    case 'relationships': {
      const pair = record as Relationship;
      return [
        checkDates([
          ['startDate', pair.startDate],
          ['plannedEndDate', pair.plannedEndDate],
          ['endDate', pair.endDate],
          ['lastMeetingDate', pair.lastMeetingDate],
          ...pair.statusHistory.map((step, index): [string, string] => [
            `statusHistory.${index}.date`,
            step.date,
          ]),
          ['capacityOverride.at', momentDay(pair.capacityOverride?.at ?? null)],
          ['mentorTraining.renewBy', pair.mentorTraining?.renewBy ?? null],
          ...stamps(pair),
        ]),
      ];
    }
    case 'meetings': {
      const meeting = record as Meeting;
      return [
        checkDates([['date', meeting.date], ...stamps(meeting)]),
        () => {
          if (!isWholeNumberIn(meeting.durationMinutes, 1, MAX_MEETING_MINUTES))
            throw new RuleError(
              'bad-duration',
              `Duration must be a whole number of minutes, from 1 to ${MAX_MEETING_MINUTES}.`,
              'durationMinutes',
            );
        },
      ];
    }
    case 'actionItems': {
      const item = record as ActionItem;
      return [checkDates([['dueDate', item.dueDate], ['doneDate', item.doneDate], ...stamps(item)])];
    }
    case 'milestoneTypes': {
      const type = record as MilestoneType;
      return [() => checkMilestoneType(type, [])];
    }
    case 'milestones': {
      const milestone = record as Milestone;
      return [
        checkDates([['date', milestone.date], ...stamps(milestone)]),
        () =>
          checkMilestoneType({ label: 'A milestone', debriefWithinDays: milestone.debriefWithinDays }, []),
      ];
    }
    case 'meetingGuides': {
      const guide = record as MeetingGuide;
      return [() => checkGuide(guide), checkDates([['updatedAt', momentDay(guide.updatedAt)]])];
    }
    case 'goals': {
      const goal = record as Goal;
      return [
        checkDates([['setDate', goal.setDate], ['targetDate', goal.targetDate], ...stamps(goal)]),
        () => {
          if (!goal.title.trim()) throw new RuleError('required', 'A goal needs a title.', 'title');
        },
        () => {
          if (goal.targetDate && goal.targetDate < goal.setDate)
            throw new RuleError(
              'target-before-set',
              'The target date comes before the goal was set.',
              'targetDate',
            );
        },
        () => {
          if (goal.status === 'dropped' && !goal.dropReason?.trim())
            throw new RuleError('required', 'A dropped goal needs the reason it was dropped.', 'dropReason');
        },
      ];
    }
    case 'goalProgress': {
      const entry = record as GoalProgress;
      return [
        checkDates([
          ['date', entry.date],
          ['createdAt', momentDay(entry.createdAt)],
        ]),
      ];
    }
    case 'settings': {
      const settings = record as ClinicSettings;
      return [
        () =>
          checkSettingsChanges({
            paperSize: settings.paperSize,
            backupWarnDays: settings.backupWarnDays,
            ...(settings.idleLockMinutes !== undefined ? { idleLockMinutes: settings.idleLockMinutes } : {}),
            // A clinic that has not finished setting up has no name yet.
            ...(settings.clinicName ? { clinicName: settings.clinicName } : {}),
          }),
        checkDates([['lastBackupAt', momentDay(settings.lastBackupAt)]]),
      ];
    }
    case 'trainingCourses': {
      const course = record as TrainingCourse;
      // Names are checked one by one here; a duplicate name is the manager's to tidy, not a broken record.
      return [() => checkCourse(course, []), checkDates(stamps(course))];
    }
    case 'trainingRecords': {
      const training = record as TrainingRecord;
      return [
        checkDates([
          ['completedOn', training.completedOn],
          ['renewBy', training.renewBy],
          ...stamps(training),
        ]),
        () => {
          if (!isTrainingHours(training.hours))
            throw new RuleError('bad-hours', 'Hours must be more than 0, in quarters of an hour.', 'hours');
          if (training.renewBy <= training.completedOn)
            throw new RuleError(
              'renew-before-done',
              'The renew-by date must come after the date completed.',
              'renewBy',
            );
        },
      ];
    }
    case 'recognitions': {
      const recognition = record as Recognition;
      // Any day in range: "not in the future" is about typing, and a backup is restored later.
      return [
        () => checkRecognition(recognition, { personExists: true, today: DATE_RANGE.latest }),
        checkDates(stamps(recognition)),
      ];
    }
    case 'questionnaires': {
      const questionnaire = record as ClinicQuestionnaire;
      return [
        () =>
          checkQuestionnaireDraft({
            title: questionnaire.title,
            intro: questionnaire.intro,
            questions: questionnaire.questions.map((question) => ({
              ...question,
              ...(question.kind === 'choice' ? { options: question.options } : {}),
            })),
          }),
        checkDates(stamps(questionnaire)),
      ];
    }
    case 'responses': {
      const response = record as QuestionnaireResponse;
      return [
        checkDates([
          ['answeredOn', response.answeredOn],
          ['createdAt', momentDay(response.createdAt)],
        ]),
      ];
    }
    case 'supportRequests': {
      const request = record as SupportRequest;
      return [
        checkDates([
          ['requestedOn', request.requestedOn],
          ['createdAt', momentDay(request.createdAt)],
          ['doneAt', momentDay(request.doneAt)],
        ]),
      ];
    }
    case 'auditLog':
      return [checkDates([['at', momentDay((record as { at: string }).at)]])];
    default:
      return [];
  }
}

/** Every rule the record breaks, in the words a form would use; empty when it keeps them all. */
export function ruleProblems(table: TableName, record: unknown): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const check of checksFor(table, record)) {
    try {
      check();
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      for (const broken of ruleErrorsOf(error))
        problems.push({ field: broken.field ?? null, problem: broken.message });
    }
  }
  return problems;
}
