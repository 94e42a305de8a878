import type { GoalInput } from '../../data/goals.repo';
import { todayIso } from '../../domain/calendar';
import type { Goal, Id } from '../../domain/types';

/** One step row as typed; the key keeps rows stable while they are added and removed. */
export interface StepDraft {
  key: string;
  text: string;
  done: boolean;
}

export interface GoalDraft {
  relationshipId: Id;
  areaId: Id;
  title: string;
  details: string;
  setDate: string;
  targetDate: string;
  steps: StepDraft[];
}

export function newGoalDraft(relationshipId: Id): GoalDraft {
  return {
    relationshipId,
    areaId: '',
    title: '',
    details: '',
    setDate: todayIso(),
    targetDate: '',
    steps: [],
  };
}

export function draftFromGoal(goal: Goal): GoalDraft {
  return {
    relationshipId: goal.relationshipId,
    areaId: goal.areaId,
    title: goal.title,
    details: goal.details,
    setDate: goal.setDate,
    targetDate: goal.targetDate ?? '',
    steps: goal.steps.map((step, index) => ({ key: `step-${index}`, ...step })),
  };
}

export function emptyStep(): StepDraft {
  return { key: crypto.randomUUID(), text: '', done: false };
}

/** Whether anything was typed: a step row added and left blank is not typing. */
export function goalDraftChanged(draft: GoalDraft, initial: GoalDraft): boolean {
  const comparable = (value: GoalDraft) =>
    JSON.stringify({
      ...value,
      steps: value.steps.filter((step) => step.text.trim()).map(({ key: _key, ...step }) => step),
    });
  return comparable(draft) !== comparable(initial);
}

export function inputFromGoalDraft(draft: GoalDraft): GoalInput {
  return {
    relationshipId: draft.relationshipId,
    areaId: draft.areaId,
    title: draft.title,
    details: draft.details,
    setDate: draft.setDate,
    targetDate: draft.targetDate || null,
    steps: draft.steps.map((step) => ({ text: step.text, done: step.done })),
  };
}
