import type { CareerStage, Id, Profession, RelationshipStatus } from '../domain/types';
import { type BuildOptions, type ClinicBuilder, type PairPlan, spanDays } from './builder';
import { addMonthsToDay, fromDayNumber, toDayNumber } from './calendar-days';
import { programSpec } from './programs';
import type { Random } from './random';
import { CAPACITY_OVERRIDE_REASONS, END_EARLY_REASONS, FIRST_NAMES, LAST_NAMES, SPECIALTIES } from './text';
import type { SampleClinic, SampleCounts } from './types';

// Every size but the demo ('large' for the benchmarks, or counts given by the caller): a clinic drawn
// from weighted distributions, with exactly the counts asked for.

export const LARGE_SAMPLE_COUNTS: Readonly<SampleCounts> = {
  people: 10_000,
  relationships: 20_000,
  meetings: 200_000,
};
const MAX_CUSTOM_COUNT = 1_000_000;

const PROFESSION_WEIGHTS: readonly (readonly [Profession, number])[] = [
  ['nurse', 35],
  ['physician', 12],
  ['resident', 10],
  ['student', 8],
  ['allied-health', 20],
  ['administrative', 10],
  ['other', 5],
];

const STAGE_WEIGHTS: readonly (readonly [CareerStage, number])[] = [
  ['new-graduate', 20],
  ['early-career', 26],
  ['mid-career', 32],
  ['senior', 22],
];

const STATUS_WEIGHTS: readonly (readonly [RelationshipStatus, number])[] = [
  ['active', 45],
  ['paused', 6],
  ['proposed', 5],
  ['completed', 30],
  ['ended-early', 14],
];

/** How far back the large clinic's history reaches. */
const HISTORY_DAYS = 3 * 365;

function checkCounts(counts: SampleCounts): void {
  for (const [label, value] of Object.entries(counts))
    if (!Number.isInteger(value) || value < 0 || value > MAX_CUSTOM_COUNT)
      throw new RangeError(
        `The number of ${label} must be a whole number from 0 to ${MAX_CUSTOM_COUNT.toLocaleString('en')}.`,
      );
  if (counts.relationships > 0 && counts.people < 2)
    throw new RangeError('A sample with relationships needs at least two people.');
  if (counts.meetings > 0 && counts.relationships < 1)
    throw new RangeError('A sample with meetings needs at least one relationship.');
}

export function buildCountedClinic(builder: ClinicBuilder, counts: SampleCounts): SampleClinic {
  checkCounts(counts);
  const { rng, today } = builder;
  const capacity: number[] = [];
  const mentorPool: number[] = [];
  const menteePool: number[] = [];
  for (let index = 0; index < counts.people; index++) {
    // The first two people are a mentor and a mentee, so even a two-person sample can pair.
    const profession = index < 2 ? 'nurse' : rng.weighted(PROFESSION_WEIGHTS);
    const careerStage: CareerStage =
      index === 0
        ? 'senior'
        : index === 1
          ? 'new-graduate'
          : profession === 'student'
            ? 'student'
            : rng.weighted(STAGE_WEIGHTS);
    const seniority = careerStage === 'senior' ? 0.9 : careerStage === 'mid-career' ? 0.6 : 0;
    const isMentor = index === 0 || (index > 1 && rng.chance(seniority));
    const isMentee = index === 1 || (index > 1 && (!isMentor || rng.chance(0.2)));
    const mentorCapacity = isMentor ? rng.int(2, 5) : 0;
    const yearsBack =
      careerStage === 'senior'
        ? rng.int(5, 20)
        : careerStage === 'mid-career'
          ? rng.int(2, 10)
          : rng.int(0, 2);
    builder.addPerson(
      { first: rng.pick(FIRST_NAMES), last: rng.pick(LAST_NAMES) },
      {
        profession,
        specialty: rng.pick(SPECIALTIES[profession]),
        careerStage,
        hireDate: profession === 'student' ? null : fromDayNumber(today - yearsBack * 365 - rng.int(0, 364)),
        leavingDate: null,
        isMentor,
        isMentee,
        mentorCapacity,
      },
    );
    capacity.push(mentorCapacity);
    if (isMentor) mentorPool.push(index);
    if (isMentee) menteePool.push(index);
  }

  const people = builder.people;
  const load = new Array<number>(counts.people).fill(0);
  const plans: PairPlan[] = [];
  const meetingWeights: number[] = [];
  for (let index = 0; index < counts.relationships; index++) {
    // The first pair is active, so any number of meetings has somewhere to go.
    const status = index === 0 ? 'active' : rng.weighted(STATUS_WEIGHTS);
    const menteeIndex = rng.pick(menteePool);
    const mentee = people[menteeIndex]!;
    const program = programSpec(
      mentee.profession === 'nurse' ? 'nurse' : mentee.profession === 'resident' ? 'resident' : 'peer',
    );
    const countsTowardLoad = status === 'active' || status === 'proposed';
    let mentorIndex = -1;
    for (let attempt = 0; attempt < 12 && mentorIndex < 0; attempt++) {
      const candidate = rng.pick(mentorPool);
      if (candidate !== menteeIndex && (!countsTowardLoad || load[candidate]! < capacity[candidate]!))
        mentorIndex = candidate;
    }
    let overrideReason: string | null = null;
    if (mentorIndex < 0) {
      // Everyone tried was full: pair anyway, as a manager would, and record why.
      mentorIndex = mentorPool.find((candidate) => candidate !== menteeIndex)!;
      overrideReason = rng.pick(CAPACITY_OVERRIDE_REASONS);
    }
    if (countsTowardLoad) load[mentorIndex]! += 1;
    const plan = planCountedPair(rng, today, {
      program,
      mentor: people[mentorIndex]!,
      mentee,
      focus: rng.weighted(program.focuses),
      status,
      overrideReason,
    });
    plans.push(plan);
    meetingWeights.push(spanDays(plan.meetingSpans) / program.cadenceDays);
  }

  assignLeavers(builder, plans);
  builder.finishPeople(plans);

  // Meetings shared out in proportion to each pair's time together over its cadence.
  let totalWeight = 0;
  for (const weight of meetingWeights) totalWeight += weight;
  const meetingCounts = meetingWeights.map((weight) =>
    totalWeight === 0 ? 0 : Math.floor((counts.meetings * weight) / totalWeight),
  );
  let remaining = counts.meetings - meetingCounts.reduce((sum, value) => sum + value, 0);
  for (let index = 0; remaining > 0; index = (index + 1) % meetingCounts.length) {
    if (meetingWeights[index]! > 0) {
      meetingCounts[index]! += 1;
      remaining -= 1;
    }
  }
  const options: BuildOptions = { longNotes: true, actionChance: 0.3 };
  plans.forEach((plan, index) => {
    builder.addPair(plan, meetingCounts[index]!, options);
  });
  return builder.result(plans);
}

function planCountedPair(
  rng: Random,
  today: number,
  pair: Pick<PairPlan, 'program' | 'mentor' | 'mentee' | 'focus' | 'status' | 'overrideReason'>,
): PairPlan {
  const { program, status } = pair;
  const months = program.typicalLengthMonths;
  const lengthDays = Math.floor(months * 30.4);
  const history: PairPlan['history'] = [];
  const spans: [number, number][] = [];
  let start: number;
  let end: number | null = null;
  let endReason: string | null = null;
  if (status === 'proposed') {
    start = today + rng.int(-5, 21);
    history.push({ status, day: start });
  } else if (status === 'completed') {
    start = today - lengthDays - rng.int(1, 365);
    end = Math.min(today - 1, addMonthsToDay(start, months) - rng.int(0, 14));
    history.push({ status: 'active', day: start }, { status, day: end });
    spans.push([start, end]);
  } else if (status === 'ended-early') {
    start = today - rng.int(30, HISTORY_DAYS);
    end = start + rng.int(14, Math.max(14, Math.min(lengthDays - 1, today - 1 - start)));
    endReason = rng.pick(END_EARLY_REASONS.slice(1));
    history.push({ status: 'active', day: start }, { status, day: end });
    spans.push([start, Math.max(start, end - rng.int(0, 14))]);
  } else if (status === 'paused') {
    start = today - rng.int(30, Math.min(lengthDays - 1, HISTORY_DAYS));
    const paused = start + rng.int(14, today - 1 - start);
    history.push({ status: 'active', day: start }, { status, day: paused });
    spans.push([start, Math.max(start, paused - rng.int(0, 10))]);
  } else {
    start = today - rng.int(7, Math.min(lengthDays - 1, HISTORY_DAYS));
    history.push({ status: 'active', day: start });
    let from = start;
    if (today - start > 120 && rng.chance(0.1)) {
      const paused = start + rng.int(30, Math.floor((today - start) / 2));
      const resumed = paused + rng.int(14, 45);
      if (resumed < today - 7) {
        history.push({ status: 'paused', day: paused }, { status: 'active', day: resumed });
        spans.push([start, paused]);
        from = resumed;
      }
    }
    const roll = rng.next();
    const gap =
      roll < 0.12
        ? program.cadenceDays + rng.int(1, program.cadenceDays + 20)
        : roll < 0.15
          ? rng.int(90, 150)
          : rng.int(0, Math.floor(program.cadenceDays * 0.8));
    spans.push([from, Math.max(from, today - gap)]);
  }
  return {
    ...pair,
    start,
    plannedEnd: addMonthsToDay(start, months),
    history,
    end,
    endReason,
    meetingSpans: spans,
  };
}

/** Some people leave: mentees whose last pair ended early because they left, and others with no live pair. */
function assignLeavers(builder: ClinicBuilder, plans: PairPlan[]): void {
  const { rng, today } = builder;
  const lastEnd = new Map<Id, number>();
  const live = new Set<Id>();
  for (const plan of plans)
    for (const person of [plan.mentor, plan.mentee]) {
      if (plan.end === null) live.add(person.id);
      else lastEnd.set(person.id, Math.max(lastEnd.get(person.id) ?? plan.end, plan.end));
    }
  for (const plan of plans) {
    const { mentee } = plan;
    if (
      plan.status === 'ended-early' &&
      !live.has(mentee.id) &&
      lastEnd.get(mentee.id) === plan.end &&
      mentee.leavingDate === null &&
      rng.chance(0.5)
    ) {
      plan.endReason = END_EARLY_REASONS[0]!;
      mentee.leavingDate = fromDayNumber(plan.end!);
    }
  }
  for (const person of builder.people) {
    if (live.has(person.id) || person.leavingDate !== null || person.hireDate === null || !rng.chance(0.12))
      continue;
    const earliest = Math.max(lastEnd.get(person.id) ?? 0, toDayNumber(person.hireDate) + 30);
    const leaving = earliest + rng.int(0, 200);
    if (leaving < today) person.leavingDate = fromDayNumber(leaving);
  }
}
