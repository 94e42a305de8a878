import { useLiveQuery } from 'dexie-react-hooks';
import { addRecognition, deleteRecognition, listRecognitionFor } from '../data/recognition.repo';
import {
  addCourse,
  addTraining,
  deleteTraining,
  listCourses,
  listTrainingFor,
  mentorTrainingStatuses,
  updateCourse,
} from '../data/training.repo';
import type { TrainingStatus } from '../domain/training';
import type { Id, IsoDate, Recognition, TrainingCourse, TrainingRecord } from '../domain/types';
import { useLiveRead } from './useLiveRead';

/** The clinic's training courses, those in use first; undefined while loading. */
export function useCourses(): TrainingCourse[] | undefined {
  return useLiveQuery(() => listCourses(), []);
}

/** A person's training completions, the latest first; undefined while loading. */
export function useTrainingFor(personId: Id): TrainingRecord[] | undefined {
  return useLiveQuery(() => listTrainingFor(personId), [personId]);
}

/** A person's recognition entries, the latest first; undefined while loading. */
export function useRecognitionFor(personId: Id): Recognition[] | undefined {
  return useLiveQuery(() => listRecognitionFor(personId), [personId]);
}

/** The training statuses of the mentors named by a space-separated list of ids. */
async function statusesOf(
  day: IsoDate,
  idList: string,
): Promise<{ day: IsoDate; statuses: Map<Id, TrainingStatus> }> {
  return { day, statuses: await mentorTrainingStatuses(day, idList === '' ? [] : idList.split(' ')) };
}

/**
 * The training on a day of the mentors shown, by person id; undefined while loading. A mentor not yet
 * read (just shown, after a new search) is absent until their own read arrives: never badged "no
 * training" from the answer read for the mentors before.
 */
export function useMentorTrainingStatuses(
  day: IsoDate,
  mentorIds: readonly Id[],
): Map<Id, TrainingStatus> | undefined {
  const read = useLiveRead(statusesOf, [day, [...mentorIds].sort().join(' ')] as const);
  // The mentors read for an earlier list keep their badges meanwhile, if read for the same day.
  return read && (read.current || read.day === day) ? read.statuses : undefined;
}

// Plain objects, not hooks: the same object on every render, so effects that use them never rerun.
/** The clinic's list of courses. */
export const courseActions = { add: addCourse, update: updateCourse };

/** A mentor's training completions. */
export const trainingActions = { add: addTraining, remove: deleteTraining };

/** A mentor's recognition entries. */
export const recognitionActions = { add: addRecognition, remove: deleteRecognition };
