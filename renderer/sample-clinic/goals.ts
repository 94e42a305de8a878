import { builtInGoalAreaRecords } from '../domain/goal-areas';
import type { Goal, GoalArea, GoalProgress, GoalStatus, Id, Meeting, Relationship } from '../domain/types';
import { fromDayNumber, stamp, toDayNumber } from './calendar-days';
import type { Random } from './random';

// Development plans for the sample clinic: most pairs have one to three goals, whose history follows
// the pair's meetings; some active pairs have no plan yet and some goals are past their target date, so
// that the dashboard and the report show every case.

export const CLINIC_GOAL_AREA_LABEL = 'Teaching and precepting';

const TITLES: Record<string, readonly string[]> = {
  'area-clinical': [
    'Lead the morning handover for complex patients on my own',
    'Present two difficult cases at the monthly case review',
    'Perform ten supervised ultrasound-guided cannulations',
  ],
  'area-time': [
    'Finish charting before the end of each shift',
    'Plan the week every Monday with a written list',
  ],
  'area-workplace': [
    'Know who decides on rota changes and how to ask',
    'Raise a concern at the unit meeting with a proposal',
  ],
  'area-ethics': [
    'Take part in one ethics committee discussion',
    'Lead a family meeting about goals of care',
  ],
  'area-research': [
    'Draft the audit protocol for falls on the ward',
    'Submit an abstract to the regional meeting',
  ],
  'area-career': [
    'Meet three people working in the specialty I am considering',
    'Update my CV and portfolio',
  ],
  'area-specialisation': [
    'Choose a specialty and plan the application',
    'Complete the first module of the certificate',
  ],
  'area-resilience': [
    'Keep two evenings a week free of work',
    'Use the debrief after a difficult shift each time',
  ],
  clinic: ['Precept a nursing student for one placement', 'Teach one session at the new-starter induction'],
};

const DETAILS = [
  'We will both know it is done when the mentor has seen it twice.',
  'Done when it has happened three times in a month.',
  'We review it at each meeting.',
  '',
];
const STEP_TEXTS = [
  'Talk it through at the next meeting',
  'Find a colleague who has done it',
  'Try it once with support',
];
const NOTES: Record<GoalStatus, readonly string[]> = {
  'not-started': ['Agreed to start after the next rota.'],
  'on-track': ['Good progress since last time.', 'First steps done.', 'Going as planned.'],
  'at-risk': ['Little time this month with the rota changes.', 'Stuck; we agreed on a smaller first step.'],
  achieved: ['Done, and the mentee is proud of it.', 'Achieved ahead of the target date.'],
  dropped: ['No longer relevant after the change of unit.'],
};

export interface SampleGoals {
  goalAreas: GoalArea[];
  goals: Goal[];
  goalProgress: GoalProgress[];
}

export function buildSampleGoals(
  rng: Random,
  relationships: readonly Relationship[],
  meetings: readonly Meeting[],
  today: number,
): SampleGoals {
  const clinicArea: GoalArea = {
    id: rng.uuid(),
    label: CLINIC_GOAL_AREA_LABEL,
    builtIn: false,
    archived: false,
  };
  const areaKeys = [...Object.keys(TITLES)];
  const meetingDays = new Map<Id, { id: Id; day: number }[]>();
  for (const meeting of meetings) {
    const list = meetingDays.get(meeting.relationshipId) ?? [];
    list.push({ id: meeting.id, day: toDayNumber(meeting.date) });
    meetingDays.set(meeting.relationshipId, list);
  }
  const goals: Goal[] = [];
  const goalProgress: GoalProgress[] = [];
  let activeSeen = 0;
  for (const pair of relationships) {
    if (pair.status === 'proposed') continue;
    // Every fourth active pair has no plan yet (the dashboard lists those a month in).
    if (pair.status === 'active' && activeSeen++ % 4 === 3) continue;
    const start = toDayNumber(pair.startDate);
    const last = pair.endDate ? toDayNumber(pair.endDate) : today;
    const pairMeetings = (meetingDays.get(pair.id) ?? []).sort((a, b) => a.day - b.day);
    const count = rng.int(1, 3);
    for (let index = 0; index < count; index++) {
      const areaKey = rng.pick(areaKeys);
      const set = Math.min(last, start + rng.int(3, 21));
      const target = set + rng.int(45, 200);
      const id = rng.uuid();
      const steps = rng.chance(0.5)
        ? [
            { text: rng.pick(STEP_TEXTS), done: rng.chance(0.5) },
            { text: rng.pick(STEP_TEXTS), done: false },
          ]
        : [];
      const history: GoalProgress[] = [entry(rng, id, pair.id, null, set, 'not-started', '')];
      let status: GoalStatus = 'not-started';
      for (const meeting of pairMeetings) {
        if (meeting.day <= set || status === 'achieved' || status === 'dropped') continue;
        if (!rng.chance(0.5)) continue;
        const next = nextStatus(rng, status, meeting.day >= target);
        if (next === status && !rng.chance(0.3)) continue;
        status = next;
        history.push(entry(rng, id, pair.id, meeting.id, meeting.day, status, rng.pick(NOTES[status])));
      }
      goals.push({
        id,
        relationshipId: pair.id,
        areaId: areaKey === 'clinic' ? clinicArea.id : areaKey,
        title: rng.pick(TITLES[areaKey]!),
        details: rng.pick(DETAILS),
        setDate: fromDayNumber(set),
        targetDate: fromDayNumber(target),
        status,
        dropReason: status === 'dropped' ? 'The mentee moved to another unit where it does not apply.' : null,
        steps,
        createdAt: stamp(set, '10:00:00.000Z'),
        updatedAt: stamp(toDayNumber(history.at(-1)?.date ?? fromDayNumber(set)), '17:00:00.000Z'),
      });
      goalProgress.push(...history);
    }
  }
  return { goalAreas: [...builtInGoalAreaRecords(), clinicArea], goals, goalProgress };
}

function nextStatus(rng: Random, status: GoalStatus, pastTarget: boolean): GoalStatus {
  if (status === 'not-started') return rng.chance(0.8) ? 'on-track' : 'at-risk';
  const roll = rng.next();
  if (status === 'at-risk') return roll < 0.5 ? 'on-track' : roll < 0.9 ? 'at-risk' : 'dropped';
  if (roll < (pastTarget ? 0.6 : 0.3)) return 'achieved';
  return roll < 0.85 ? 'on-track' : 'at-risk';
}

function entry(
  rng: Random,
  goalId: Id,
  relationshipId: Id,
  meetingId: Id | null,
  day: number,
  status: GoalStatus,
  note: string,
): GoalProgress {
  return {
    id: rng.uuid(),
    goalId,
    relationshipId,
    meetingId,
    date: fromDayNumber(day),
    status,
    note,
    createdAt: stamp(day, meetingId ? '16:45:00.000Z' : '10:00:00.000Z'),
  };
}
