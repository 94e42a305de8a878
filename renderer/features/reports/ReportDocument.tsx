import { useMemo } from 'react';
import type { AccreditationReport } from '../../domain/reports/compute-report';
import type { ReportRowTotals } from '../../domain/reports/screen-report';
import { CensusSection } from './CensusSection';
import { ComplianceSection } from './ComplianceSection';
import { DebriefsSection } from './DebriefsSection';
import { EvidenceLogSection } from './EvidenceLogSection';
import { FollowUpSection } from './FollowUpSection';
import { GoalsSection } from './GoalsSection';
import { MentorTrainingSection } from './MentorTrainingSection';
import { ReportHeader } from './ReportHeader';
import { RetentionSection } from './RetentionSection';
import { SCREEN_ROWS } from './ScreenLimit';
import { TopicsSection } from './TopicsSection';

/** How many parts the report is drawn in: its header and each section. */
export const REPORT_PARTS = 10;

/**
 * The report itself: the same on screen and on paper, except that the screen shortens long tables.
 * `totals`: the whole report's line counts, when `report` was already shortened for the screen.
 * `parts`: on screen, how many of its parts (header first, then each section in order) are drawn so
 * far; the screen draws them a few at a time so that the window keeps answering (every part when absent).
 */
export function ReportDocument({
  report,
  variant,
  totals,
  parts = REPORT_PARTS,
}: {
  report: AccreditationReport;
  variant: 'screen' | 'print';
  totals?: ReportRowTotals;
  parts?: number;
}) {
  const limit = variant === 'screen' ? SCREEN_ROWS : undefined;
  // The same elements from one drawing step to the next: React then leaves the parts already drawn as
  // they are instead of rendering them again at every step.
  const all = useMemo(
    () => [
      <ReportHeader key="header" report={report} />,
      <CensusSection
        key="census"
        census={report.census}
        limit={limit}
        mentorLoadTotal={totals?.mentorLoad}
      />,
      <ComplianceSection
        key="compliance"
        compliance={report.compliance}
        limit={limit}
        pairsTotal={totals?.compliancePairs}
      />,
      <TopicsSection key="topics" topics={report.topics} />,
      <FollowUpSection key="follow-up" followUp={report.followUp} />,
      <GoalsSection key="goals" goals={report.goals} />,
      <RetentionSection key="retention" retention={report.retention} />,
      <MentorTrainingSection key="training" training={report.training} />,
      <DebriefsSection key="debriefs" debriefs={report.debriefs} />,
      <EvidenceLogSection
        key="evidence"
        log={report.evidence}
        limit={limit}
        rowsTotal={totals?.evidenceRows}
      />,
    ],
    [report, limit, totals],
  );
  const drawing = parts < all.length;
  return (
    <article
      className={`report report--${variant}`}
      aria-label={`Report for ${report.period.name}`}
      aria-busy={drawing || undefined}
      data-drawing={drawing || undefined}
    >
      {drawing ? all.slice(0, parts) : all}
    </article>
  );
}
