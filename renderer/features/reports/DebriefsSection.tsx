import { formatDisplayDate } from '../../domain/date-format';
import type { DebriefRow, MilestoneDebriefs } from '../../domain/reports/milestone-debriefs';
import { formatGuarded } from '../../domain/reports/suppression';
import { Table } from '../../ui/Table';
import { ReportSection } from './ReportSection';

export function DebriefsSection({ debriefs }: { debriefs: MilestoneDebriefs }) {
  const rows: DebriefRow[] = [...debriefs.programs, debriefs.total];
  return (
    <ReportSection title="Milestone debriefs">
      <p className="report-note">
        Milestones dated in the period (a first operation, a first night in charge, a first patient death…)
        and whether the pairing debriefed them within the clinic's target, counted on{' '}
        {formatDisplayDate(debriefs.asOf)}. A program whose milestones concern fewer than 5 mentees shows no
        figure, so that no one can be singled out.
      </p>
      <Table
        caption="Milestone debriefs by program"
        headers={[
          'Program',
          'Milestones recorded',
          'Debriefed within target',
          'Debriefed later',
          'Not debriefed, target passed',
          'Not debriefed, within target',
          'Within target',
        ]}
      >
        {rows.map((row) => (
          <tr key={row.label}>
            <td>{row.label}</td>
            <td className="number">{formatGuarded(row.recorded)}</td>
            <td className="number">{formatGuarded(row.inTime)}</td>
            <td className="number">{formatGuarded(row.late)}</td>
            <td className="number">{formatGuarded(row.overdue)}</td>
            <td className="number">{formatGuarded(row.waiting)}</td>
            <td className="number">{formatGuarded(row.rate, '%')}</td>
          </tr>
        ))}
      </Table>
    </ReportSection>
  );
}
