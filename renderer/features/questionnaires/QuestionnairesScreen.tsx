import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { BuiltInQuestionnairesCard } from './BuiltInQuestionnairesCard';
import { ClinicQuestionnairesCard } from './ClinicQuestionnairesCard';
import { StartQuestionnaireCard } from './StartQuestionnaireCard';
import { useClinicQuestionnaires } from './useQuestionnaires';

/** Questionnaires: hand one over to a person, see the built-in ones, keep the clinic's own. */
export function QuestionnairesScreen() {
  const own = useClinicQuestionnaires();
  return (
    <>
      <PageHeader title="Questionnaires" />
      {!own ? (
        <Loading what="Reading the questionnaires" />
      ) : (
        <>
          <StartQuestionnaireCard own={own} />
          <ClinicQuestionnairesCard rows={own} />
          <BuiltInQuestionnairesCard />
        </>
      )}
    </>
  );
}
