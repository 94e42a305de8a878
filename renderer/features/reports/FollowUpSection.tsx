import type { FollowUp } from '../../domain/reports/follow-up';
import { formatPercent } from '../../domain/reports/format';
import { Figures } from './Figures';
import { ReportSection } from './ReportSection';

export function FollowUpSection({ followUp }: { followUp: FollowUp }) {
  return (
    <ReportSection title="Follow-up">
      <p className="report-note">
        Action items agreed at the period’s meetings, as they stood on its last day.
      </p>
      <Figures
        figures={[
          ['Action items agreed', followUp.created],
          ['Completed', `${followUp.completed} (${formatPercent(followUp.completionRate)})`],
          ['Completed on time', `${followUp.completedOnTime} (${formatPercent(followUp.onTimeRate)})`],
          ['Completed late', followUp.completedLate],
          ['Overdue', followUp.overdue],
          ['Open, not yet due', followUp.open],
        ]}
      />
    </ReportSection>
  );
}
