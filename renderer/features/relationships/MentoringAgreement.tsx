import { formatDisplayDate } from '../../domain/date-format';
import { FOCUS_LABELS, type Program, type Relationship } from '../../domain/types';

// The agreement many programs ask a mentor and a mentee to sign at their first meeting: the facts of
// the pairing printed, the goals left blank to write by hand, the ground rules, and signature lines.

export interface AgreementFacts {
  clinicName: string;
  relationship: Pick<Relationship, 'focus' | 'startDate' | 'plannedEndDate'>;
  program: Pick<Program, 'name' | 'cadenceDays'> | undefined;
  mentorName: string;
  menteeName: string;
}

const GOALS = 3;

export function MentoringAgreement({
  clinicName,
  relationship,
  program,
  mentorName,
  menteeName,
}: AgreementFacts) {
  const cadence = program
    ? `every ${program.cadenceDays} ${program.cadenceDays === 1 ? 'day' : 'days'}`
    : null;
  const facts: [string, string][] = [
    ['Clinic', clinicName || '—'],
    ['Program', program?.name ?? 'Unknown program'],
    ['Mentor', mentorName],
    ['Mentee', menteeName],
    ['Focus', FOCUS_LABELS[relationship.focus]],
    ['Start', formatDisplayDate(relationship.startDate)],
    ['Planned end', relationship.plannedEndDate ? formatDisplayDate(relationship.plannedEndDate) : '—'],
    ['Meetings', cadence ? `At least ${cadence}` : '—'],
  ];
  return (
    <article className="agreement" aria-label={`Mentoring agreement: ${menteeName} with ${mentorName}`}>
      <h1 className="agreement__title">Mentoring agreement</h1>
      <dl className="agreement__facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <section>
        <h2>Our goals</h2>
        <p>What {menteeName} hopes to gain from this mentoring, agreed together at the first meeting.</p>
        <ol className="agreement__goals">
          {Array.from({ length: GOALS }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the goals are blank, numbered lines that never move.
            <li key={i}>
              <span className="agreement__line" />
              <span className="agreement__line" />
            </li>
          ))}
        </ol>
      </section>

      <section>
        <h2>How we will meet</h2>
        <p>
          We will meet {cadence ? `at least ${cadence}, as the program asks` : 'regularly'}, in person, by
          video or by phone. The mentee brings the topics; either of us may ask for an extra meeting. Whoever
          has to cancel a meeting offers a new date.
        </p>
        <p className="agreement__fill">
          Where and when we will usually meet: <span className="agreement__line" />
        </p>
      </section>

      <section>
        <h2>Confidentiality</h2>
        <p>
          What we talk about stays between us. Neither of us shares it without the other’s consent, unless
          someone’s safety is at risk or the law or our professional duty requires it. The program records
          that we met, for how long and on which topics; its reports never include what was said.
        </p>
      </section>

      <section>
        <h2>Ending the mentoring</h2>
        <p>
          Either of us may end the mentoring at any time by telling the other and the program coordinator,
          without having to give a reason.
        </p>
      </section>

      <section className="agreement__signatures">
        <h2>Signatures</h2>
        {[
          ['Mentor', mentorName],
          ['Mentee', menteeName],
          ['Program coordinator', ''],
        ].map(([role, name]) => (
          <div key={role} className="agreement__signature">
            <p className="agreement__signer">
              {role}
              {name && `: ${name}`}
            </p>
            <p className="agreement__sign-lines">
              <span>
                Signature <span className="agreement__line" />
              </span>
              <span>
                Date <span className="agreement__line agreement__line--short" />
              </span>
            </p>
          </div>
        ))}
      </section>
    </article>
  );
}
