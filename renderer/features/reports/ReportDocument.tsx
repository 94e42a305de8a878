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

/**
 * The report itself: the same on screen and on paper, except that the screen shortens long tables.
 * `totals`: the whole report's line counts, when `report` was already shortened for the screen.
 */
export function ReportDocument({
  report,
  variant,
  totals,
}: {
  report: AccreditationReport;
  variant: 'screen' | 'print';
  totals?: ReportRowTotals;
}) {
  const limit = variant === 'screen' ? SCREEN_ROWS : undefined;
  return (
    <article className={`report report--${variant}`} aria-label={`Report for ${report.period.name}`}>
      <ReportHeader report={report} />
      <CensusSection census={report.census} limit={limit} mentorLoadTotal={totals?.mentorLoad} />
      <ComplianceSection compliance={report.compliance} limit={limit} pairsTotal={totals?.compliancePairs} />
      <TopicsSection topics={report.topics} />
      <FollowUpSection followUp={report.followUp} />
      <GoalsSection goals={report.goals} />
      <RetentionSection retention={report.retention} />
      <MentorTrainingSection training={report.training} />
      <DebriefsSection debriefs={report.debriefs} />
      <EvidenceLogSection log={report.evidence} limit={limit} rowsTotal={totals?.evidenceRows} />
    </article>
  );
}
