import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { addMonthsIso, isIsoDate, todayIso } from '../../domain/calendar';
import { formatDisplayMoment } from '../../domain/date-format';
import { plainFileStem } from '../../domain/file-names';
import { usePerson } from '../../hooks/usePeople';
import { useSettings } from '../../hooks/useSettings';
import { Button, ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormError, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { PrintPortal } from '../../ui/PrintPortal';
import { PortfolioDocument } from './PortfolioDocument';
import { savePortfolioPdf, useFirstPortfolioDay, usePortfolio } from './usePortfolio';
import './portfolio.css';

/** A mentor's portfolio for a promotion or advancement file, over a period, saved as PDF. */
export function PortfolioScreen() {
  const { personId = '' } = useParams();
  const person = usePerson(personId);
  const settings = useSettings();
  const firstDay = useFirstPortfolioDay(personId);
  const today = todayIso();
  const [start, setStart] = useState<string | null>(null);
  const [end, setEnd] = useState(today);
  const [printing, setPrinting] = useState(false);
  const [message, setMessage] = useState('');
  // Until changed, the portfolio covers the mentor's whole record (or the last year when there is none).
  const shownStart = start ?? (firstDay === undefined ? null : (firstDay ?? addMonthsIso(today, -12)));
  const periodError =
    shownStart === null
      ? null
      : !isIsoDate(shownStart) || !isIsoDate(end)
        ? 'Enter both dates as year-month-day.'
        : shownStart > end
          ? 'The first day must come before the last day.'
          : null;
  const period = shownStart !== null && periodError === null ? { start: shownStart, end } : null;
  const state = usePortfolio(personId, period);
  const portfolio = state.status === 'ready' ? state.portfolio : null;
  const paperSize = settings?.paperSize ?? 'A4';

  useEffect(() => {
    if (!printing || !portfolio) return;
    let live = true;
    const stem = `${plainFileStem(portfolio.mentorName, 'mentor')} portfolio ${portfolio.period.start} to ${portfolio.period.end}`;
    savePortfolioPdf(stem, paperSize)
      .then((saved) => {
        if (live && saved) setMessage('The PDF was saved.');
      })
      .catch((error: unknown) => {
        console.error('Printing the portfolio to PDF failed', error);
        if (live) setMessage('The PDF could not be saved. Nothing was written; please try again.');
      })
      .finally(() => {
        if (live) setPrinting(false);
      });
    return () => {
      live = false;
    };
  }, [printing, portfolio, paperSize]);

  if (person === undefined || !settings) return <Loading />;
  if (person === null) return <NotFound what="person" />;
  return (
    <>
      <PageHeader
        title={`Portfolio of ${person.name}`}
        actions={<ButtonLink to={`/people/${person.id}`}>Back to {person.name}</ButtonLink>}
      />
      <Card title="Period">
        <form className="report-controls" onSubmit={(event) => event.preventDefault()} noValidate>
          <TextField label="First day" type="date" value={shownStart ?? ''} onChange={setStart} />
          <TextField label="Last day" type="date" value={end} onChange={setEnd} />
          {portfolio && (
            <Button variant="primary" onClick={() => setPrinting(true)} disabled={printing}>
              Save portfolio as PDF
            </Button>
          )}
        </form>
        <FormError message={periodError} />
        <p className="muted">
          Mentees, pairings and their outcomes, meetings and hours, training and recognition. Confidential
          meetings count in the hours; their topics are never named.
        </p>
        {message && <p role="status">{message}</p>}
      </Card>
      {state.status === 'loading' && period && <Loading what="Making the portfolio" />}
      {state.status === 'failed' && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      {portfolio && (
        <div className="portfolio-preview">
          <PortfolioDocument portfolio={portfolio} issuedOn={today} />
        </div>
      )}
      {/* Drawn beside the screen (hidden there) whenever a portfolio is shown: it is small. */}
      {portfolio && (
        <PrintPortal
          className="portfolio-print"
          paperSize={paperSize}
          runningHeader={`${portfolio.clinicName} · ${portfolio.mentorName}`}
          runningFooter={`Generated ${formatDisplayMoment(new Date().toISOString())} by Guiding Hands`}
        >
          <PortfolioDocument portfolio={portfolio} issuedOn={today} />
        </PrintPortal>
      )}
    </>
  );
}
