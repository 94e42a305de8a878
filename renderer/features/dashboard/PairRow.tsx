import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PairSummary } from '../../domain/dashboard';
import { ButtonLink } from '../../ui/Button';

export function pairName(pair: Pick<PairSummary, 'menteeName' | 'mentorName'>): string {
  return `${pair.menteeName} with ${pair.mentorName}`;
}

interface PairRowProps {
  pair: PairSummary;
  /** What is notable about this pair, e.g. "12 days overdue". */
  detail: ReactNode;
}

/** One pair on the dashboard: a link to the pair and a one-click "Log meeting". */
export function PairRow({ pair, detail }: PairRowProps) {
  const name = pairName(pair);
  return (
    <li>
      <div>
        <Link to={`/relationships/${pair.relationshipId}`}>{name}</Link>
        <div className="muted">
          {pair.programName} · {detail}
        </div>
      </div>
      <ButtonLink
        to={`/meetings/new?relationship=${pair.relationshipId}`}
        className="button--small"
        aria-label={`Log meeting for ${name}`}
      >
        Log meeting
      </ButtonLink>
    </li>
  );
}
