import { useLiveQuery } from 'dexie-react-hooks';
import {
  archiveQuestionnaire,
  countResponses,
  createQuestionnaire,
  deleteQuestionnaire,
  listClinicQuestionnaires,
} from '../../data/questionnaires.repo';
import type { ClinicQuestionnaire } from '../../domain/questionnaires/types';

export interface ClinicQuestionnaireRow {
  questionnaire: ClinicQuestionnaire;
  /** How many have answered (a count only). */
  answers: number;
}

/** The clinic's own questionnaires with their answer counts, kept live; undefined while loading. */
export function useClinicQuestionnaires(): ClinicQuestionnaireRow[] | undefined {
  return useLiveQuery(async () => {
    const questionnaires = await listClinicQuestionnaires();
    const counts = await Promise.all(questionnaires.map((questionnaire) => countResponses(questionnaire.id)));
    return questionnaires.map((questionnaire, index) => ({ questionnaire, answers: counts[index] }));
  }, []);
}

export const questionnaireActions = {
  create: createQuestionnaire,
  archive: archiveQuestionnaire,
  remove: deleteQuestionnaire,
};
