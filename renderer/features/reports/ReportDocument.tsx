import type { AccreditationReport } from '../../domain/reports/compute-report';
import { CensusSection } from './CensusSection';
import { ComplianceSection } from './ComplianceSection';
import { EvidenceLogSection } from './EvidenceLogSection';
import { FollowUpSection } from './FollowUpSection';
import { ReportHeader } from './ReportHeader';
import { RetentionSection } from './RetentionSection';
import { SCREEN_ROWS } from './ScreenLimit';
import { TopicsSection } from './TopicsSection';

/** The report itself: the same on screen and on paper, except that the screen shortens long tables. */
export function ReportDocument({
  report,
  variant,
}: {
  report: AccreditationReport;
  variant: 'screen' | 'print';
}) {
  const limit = variant === 'screen' ? SCREEN_ROWS : undefined;
  return (
    <article className={`report report--${variant}`} aria-label={`Report for ${report.period.name}`}>
      <ReportHeader report={report} />
      <CensusSection census={report.census} limit={limit} />
      <ComplianceSection compliance={report.compliance} limit={limit} />
      <TopicsSection topics={report.topics} />
      <FollowUpSection followUp={report.followUp} />
      <RetentionSection retention={report.retention} />
      <EvidenceLogSection log={report.evidence} limit={limit} />
    </article>
  );
}
