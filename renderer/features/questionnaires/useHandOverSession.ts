import { useLiveQuery } from 'dexie-react-hooks';
import { getQuestionnaire, loadHandOverSubject, saveResponse } from '../../data/questionnaires.repo';
import { getSettings } from '../../data/settings.repo';
import {
  EMPTY_SUPPORT_CONTACTS,
  type QuestionnaireDefinition,
  type SupportContacts,
} from '../../domain/questionnaires/types';
import type { HandOver } from '../../hooks/useHandOver';

export interface HandOverSession {
  questionnaire: QuestionnaireDefinition;
  personName: string;
  partnerName: string | null;
  contacts: SupportContacts;
}

/** What the hand-over screen shows: the questionnaire, who answers, the clinic's support contacts. */
export function useHandOverSession(handOver: HandOver): HandOverSession | null | undefined {
  return useLiveQuery(async () => {
    const [questionnaire, subject, settings] = await Promise.all([
      getQuestionnaire(handOver.questionnaireId),
      loadHandOverSubject(handOver.personId, handOver.relationshipId),
      getSettings(),
    ]);
    if (!questionnaire || !subject) return null;
    return {
      questionnaire,
      ...subject,
      contacts: settings.supportContacts ?? EMPTY_SUPPORT_CONTACTS,
    };
  }, [handOver.questionnaireId, handOver.personId, handOver.relationshipId]);
}

export const responseActions = { save: saveResponse };
