import { useId } from 'react';
import { formatDisplayDate, formatDisplayRange } from '../../domain/date-format';
import { formatHours } from '../../domain/reports/format';
import type { Portfolio } from '../../domain/reports/portfolio';

/** A mentor's portfolio: the same on screen and on paper. */
export function PortfolioDocument({ portfolio, issuedOn }: { portfolio: Portfolio; issuedOn: string }) {
  const range = formatDisplayRange(portfolio.period.start, portfolio.period.end);
  // Unique heading ids: the document is on the screen and in the print layout at once.
  const id = useId();
  return (
    <article className="portfolio" aria-label={`Mentoring portfolio of ${portfolio.mentorName}`}>
      <header className="portfolio__head">
        <p className="portfolio__clinic">{portfolio.clinicName}</p>
        <h2>Mentoring portfolio: {portfolio.mentorName}</h2>
        <p>
          {portfolio.mentorRole && `${portfolio.mentorRole} · `}
          {range} · issued {formatDisplayDate(issuedOn)}
        </p>
      </header>

      <section aria-labelledby={`${id}-summary`}>
        <h3 id={`${id}-summary`}>Summary</h3>
        <dl className="portfolio__figures">
          <div>
            <dt>Mentees</dt>
            <dd>{portfolio.mentees}</dd>
          </div>
          <div>
            <dt>Pairings</dt>
            <dd>{portfolio.pairings.length}</dd>
          </div>
          <div>
            <dt>Meetings</dt>
            <dd>{portfolio.meetings}</dd>
          </div>
          <div>
            <dt>Hours of mentoring</dt>
            <dd>{formatHours(portfolio.minutes)}</dd>
          </div>
          <div>
            <dt>Goals achieved by mentees</dt>
            <dd>{portfolio.goalsAchieved}</dd>
          </div>
          <div>
            <dt>Milestone debriefs held</dt>
            <dd>{portfolio.debriefsHeld}</dd>
          </div>
          <div>
            <dt>Hours of mentor training</dt>
            <dd>{portfolio.trainingHours}</dd>
          </div>
        </dl>
        {portfolio.confidentialMeetings > 0 && (
          <p className="muted">
            {portfolio.confidentialMeetings} confidential{' '}
            {portfolio.confidentialMeetings === 1 ? 'meeting is' : 'meetings are'} counted in the meetings and
            hours; their topics are not listed.
          </p>
        )}
      </section>

      <section aria-labelledby={`${id}-pairings`}>
        <h3 id={`${id}-pairings`}>Mentees and pairings</h3>
        {portfolio.pairings.length === 0 ? (
          <p>No pairing in this period.</p>
        ) : (
          <table className="portfolio__table">
            <caption className="visually-hidden">Pairings in the period</caption>
            <thead>
              <tr>
                <th scope="col">Mentee</th>
                <th scope="col">Program</th>
                <th scope="col">Started</th>
                <th scope="col">Outcome</th>
                <th scope="col">Meetings</th>
                <th scope="col">Hours</th>
                <th scope="col">Goals achieved</th>
                <th scope="col">Debriefs held</th>
              </tr>
            </thead>
            <tbody>
              {portfolio.pairings.map((row) => (
                <tr key={`${row.menteeName}-${row.programName}-${row.startDate}`}>
                  <td>
                    {row.menteeName}
                    {row.menteeProfession && <span className="muted"> ({row.menteeProfession})</span>}
                  </td>
                  <td>{row.programName}</td>
                  <td>{formatDisplayDate(row.startDate)}</td>
                  <td>
                    {row.status}
                    {row.endDate && ` ${formatDisplayDate(row.endDate)}`}
                  </td>
                  <td className="number">{row.meetings}</td>
                  <td className="number">{formatHours(row.minutes)}</td>
                  <td className="number">{row.goalsAchieved}</td>
                  <td className="number">{row.debriefsHeld}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {portfolio.topics.length > 0 && (
        <section aria-labelledby={`${id}-topics`}>
          <h3 id={`${id}-topics`}>Topics covered</h3>
          <p>{portfolio.topics.map((topic) => `${topic.label} (${topic.meetings})`).join(', ')}</p>
        </section>
      )}

      <section aria-labelledby={`${id}-ratings`}>
        <h3 id={`${id}-ratings`}>Mentees' ratings</h3>
        {portfolio.ratings ? (
          <>
            <p>
              From {portfolio.ratings.answers} session ratings mentees gave after their meetings, each
              question scored from 1 to 5. No single answer is shown.
            </p>
            <ul>
              {portfolio.ratings.items.map((item) => (
                <li key={item.label}>
                  {item.label}: {item.summary}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">{portfolio.ratingsNote}</p>
        )}
      </section>

      <section aria-labelledby={`${id}-training`}>
        <h3 id={`${id}-training`}>Mentor training</h3>
        <p>
          Training {portfolio.trainingCurrentAtEnd ? 'was current' : 'was not current'} on{' '}
          {formatDisplayDate(portfolio.period.end)}.
        </p>
        {portfolio.training.length === 0 ? (
          <p>No training completed in this period.</p>
        ) : (
          <table className="portfolio__table">
            <caption className="visually-hidden">Training completed in the period</caption>
            <thead>
              <tr>
                <th scope="col">Course</th>
                <th scope="col">Provider</th>
                <th scope="col">Completed</th>
                <th scope="col">Hours</th>
                <th scope="col">Renew by</th>
              </tr>
            </thead>
            <tbody>
              {portfolio.training.map((row) => (
                <tr key={`${row.course}-${row.completedOn}`}>
                  <td>{row.course}</td>
                  <td>{row.provider || '—'}</td>
                  <td>{formatDisplayDate(row.completedOn)}</td>
                  <td className="number">{row.hours}</td>
                  <td>{formatDisplayDate(row.renewBy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby={`${id}-recognition`}>
        <h3 id={`${id}-recognition`}>Recognition</h3>
        {portfolio.recognitions.length === 0 ? (
          <p>No recognition recorded in this period.</p>
        ) : (
          <ul className="portfolio__recognition">
            {portfolio.recognitions.map((entry) => (
              <li key={`${entry.date}-${entry.kind}-${entry.text.slice(0, 20)}`}>
                <strong>{entry.kind}</strong>, {formatDisplayDate(entry.date)}: {entry.text}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
