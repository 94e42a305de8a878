import { useEffect, useState } from 'react';
import { loadQuestionnaireReportData } from '../../data/questionnaires.repo';
import type { ReportPeriod } from '../../domain/reports/period';
import {
  computeQuestionnairesSection,
  type QuestionnairesSection,
} from '../../domain/reports/questionnaires';

/**
 * The questionnaires section for a period and programs, made in the window (the answers are opened
 * here, under the clinic lock's key) and only ever kept as aggregate figures.
 */
export function useQuestionnairesReport(
  period: ReportPeriod | null,
  programId: string,
): QuestionnairesSection | Error | null {
  const [section, setSection] = useState<QuestionnairesSection | Error | null>(null);
  useEffect(() => {
    if (!period) {
      setSection(null);
      return;
    }
    let live = true;
    setSection(null);
    loadQuestionnaireReportData(programId === 'all' ? 'all' : [programId])
      .then((data) => {
        if (live) setSection(computeQuestionnairesSection({ period, ...data }));
      })
      .catch((error: unknown) => {
        console.error('The questionnaire figures could not be made', error);
        if (live) setSection(new Error('The questionnaire figures could not be made. Please try again.'));
      });
    return () => {
      live = false;
    };
  }, [period, programId]);
  return section;
}
