import type { AccreditationReport } from '../../domain/reports/compute-report';
import { CensusSection } from './CensusSection';
import { ComplianceSection } from './ComplianceSection';
import { EvidenceLogSection, SCREEN_EVIDENCE_ROWS } from './EvidenceLogSection';
import { FollowUpSection } from './FollowUpSection';
import { ReportHeader } from './ReportHeader';
import { RetentionSection } from './RetentionSection';
import { TopicsSection } from './TopicsSection';

/** The report itself: the same on screen and on paper, except that the screen shortens the log. */
export function ReportDocument({
  report,
  variant,
}: {
  report: AccreditationReport;
  variant: 'screen' | 'print';
}) {
  return (
    <article className={`report report--${variant}`} aria-label={`Report for ${report.period.name}`}>
      <ReportHeader report={report} />
      <CensusSection census={report.census} />
      <ComplianceSection compliance={report.compliance} />
      <TopicsSection topics={report.topics} />
      <FollowUpSection followUp={report.followUp} />
      <RetentionSection retention={report.retention} />
      <EvidenceLogSection
        log={report.evidence}
        limit={variant === 'screen' ? SCREEN_EVIDENCE_ROWS : undefined}
      />
    </article>
  );
}
