import { renewByFor } from '../domain/training';
import type { Person, Recognition, TrainingCourse, TrainingRecord } from '../domain/types';
import { fromDayNumber, stamp } from './calendar-days';
import type { Random } from './random';

// The demo's mentor training and recognition: most mentors current, one renewed across two years, one
// lapsed and one lapsing within the month, so the dashboard and the pairing screen have something to show.

export interface DemoTrainingCast {
  /** Renewed on time last year: current. */
  renewed: Person;
  /** Last trained about 13 months ago: lapsed. */
  lapsed: Person;
  /** Trained about 11.5 months ago: lapses within 30 days. */
  lapsing: Person;
  /** Every other mentor: trained some months ago. */
  others: Person[];
}

export interface DemoTraining {
  trainingCourses: TrainingCourse[];
  trainingRecords: TrainingRecord[];
  recognitions: Recognition[];
}

export function buildDemoTraining(rng: Random, today: number, cast: DemoTrainingCast): DemoTraining {
  const course = (name: string, provider: string, renewalMonths: number): TrainingCourse => ({
    id: rng.uuid(),
    name,
    provider,
    renewalMonths,
    archived: false,
    createdAt: stamp(today - 800, '09:00:00.000Z'),
    updatedAt: stamp(today - 800, '09:00:00.000Z'),
  });
  const essentials = course('Mentoring essentials', 'Regional health education centre', 12);
  const feedback = course('Giving feedback that lands', 'Clinic in-house', 24);

  const trainingRecords: TrainingRecord[] = [];
  const complete = (person: Person, taken: TrainingCourse, day: number, hours: number) => {
    const completedOn = fromDayNumber(day);
    trainingRecords.push({
      id: rng.uuid(),
      personId: person.id,
      courseId: taken.id,
      provider: taken.provider,
      completedOn,
      hours,
      renewBy: renewByFor(completedOn, taken.renewalMonths),
      createdAt: stamp(day, '15:00:00.000Z'),
      updatedAt: stamp(day, '15:00:00.000Z'),
    });
  };
  complete(cast.renewed, essentials, today - 700, 6);
  complete(cast.renewed, essentials, today - 320, 4);
  complete(cast.renewed, feedback, today - 200, 2.5);
  complete(cast.lapsed, essentials, today - 400, 6);
  complete(cast.lapsing, essentials, today - 350, 6);
  for (const person of cast.others) complete(person, essentials, today - rng.int(20, 300), 6);
  if (cast.others[0]) complete(cast.others[0], feedback, today - rng.int(60, 400), 2.5);

  const recognise = (
    person: Person,
    kind: Recognition['kind'],
    daysAgo: number,
    text: string,
  ): Recognition => ({
    id: rng.uuid(),
    personId: person.id,
    kind,
    date: fromDayNumber(today - daysAgo),
    text,
    createdAt: stamp(today - daysAgo, '11:00:00.000Z'),
    updatedAt: stamp(today - daysAgo, '11:00:00.000Z'),
  });
  const recognitions = [
    recognise(cast.renewed, 'award', 120, 'Clinic staff awards: mentor of the year.'),
    recognise(
      cast.renewed,
      'thanks',
      45,
      'A new graduate wrote to thank them for the patient, steady support through her first winter.',
    ),
    recognise(
      cast.others[0] ?? cast.renewed,
      'committee',
      250,
      'Member of the clinical education committee.',
    ),
  ];
  return { trainingCourses: [essentials, feedback], trainingRecords, recognitions };
}
