import type { QuestionnairesSection, QuestionSummary } from '../../domain/reports/questionnaires';
import { formatGuarded, guardCount } from '../../domain/reports/suppression';
import { Table } from '../../ui/Table';
import { ReportSection } from './ReportSection';

/** What a question's answers say, or why they are not shown. */
function describeAnswers(question: QuestionSummary): string {
  if (question.answered === 0) return 'No answers';
  if (question.kind === 'text') return 'Written answers are never shown';
  if (!question.shown) return 'Fewer than 5 answers: not shown';
  const shares = question.shares.map((share) => `${share.label}: ${share.percent}%`).join('; ');
  return question.kind === 'scale' ? `Average ${question.average} of ${question.points} · ${shares}` : shares;
}

/** Questionnaires and well-being, in aggregate only: nothing about fewer than 5 answers, no one person. */
export function QuestionnairesReportSection({ section }: { section: QuestionnairesSection }) {
  return (
    <>
      <ReportSection title="Questionnaires">
        <p className="report-note">
          Response rates count the people asked on schedule in the period (pairing-fit checks at 1, 3 and 6
          months, and the evaluation at a pairing's end). Answers are shown only as totals; any figure about
          fewer than 5 answers is not shown, so that no one can be singled out.
        </p>
        {section.rates.length === 0 ? (
          <p>No questionnaire was due or answered in the period.</p>
        ) : (
          <Table
            caption="Questionnaire response rates"
            headers={['Questionnaire', 'Asked on schedule', 'Answered', 'Response rate']}
          >
            {section.rates.map((rate) => (
              <tr key={rate.questionnaireId}>
                <td>{rate.title}</td>
                <td className="number">{rate.asked === null ? 'not scheduled' : rate.asked}</td>
                <td className="number">{formatGuarded(rate.answered)}</td>
                <td className="number">{rate.asked === null ? '—' : formatGuarded(rate.rate, '%')}</td>
              </tr>
            ))}
          </Table>
        )}
        {section.results.map((result) => (
          <div key={result.questionnaireId}>
            <h4>
              {result.title}: {formatGuarded(result.responses)} answers
            </h4>
            {result.shown ? (
              <Table caption={`${result.title}: results`} headers={['Question', 'Answers', 'Results']}>
                {result.questions.map((question) => (
                  <tr key={question.questionId}>
                    <td>{question.prompt}</td>
                    <td className="number">{formatGuarded(guardCount(question.answered))}</td>
                    <td>{describeAnswers(question)}</td>
                  </tr>
                ))}
              </Table>
            ) : (
              <p className="muted">Fewer than 5 answers: the results are not shown.</p>
            )}
          </div>
        ))}
      </ReportSection>
      <ReportSection title="Well-being support">
        <p className="report-note">
          Times a well-being check showed high burnout, so the person was shown the clinic's support contacts,
          and times they asked the program manager to contact them. Fewer than 5 reads "fewer than 5".
        </p>
        <Table
          caption="Well-being support offered and accepted"
          headers={['Support offered', 'Asked to be contacted']}
        >
          <tr>
            <td className="number">{formatGuarded(section.support.offered)}</td>
            <td className="number">{formatGuarded(section.support.accepted)}</td>
          </tr>
        </Table>
      </ReportSection>
    </>
  );
}
