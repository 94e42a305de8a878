import { formatDisplayDate } from '../../domain/date-format';
import type { Retention, RetentionGroup } from '../../domain/reports/retention';
import { formatGuarded } from '../../domain/reports/suppression';
import { Table } from '../../ui/Table';
import { ReportSection } from './ReportSection';

export function RetentionSection({ retention }: { retention: Retention }) {
  const groups: RetentionGroup[] = [retention.mentored, retention.notMentored];
  return (
    <ReportSection title="New-hire retention">
      <p className="report-note">
        Staff hired in the period, still employed 6 and 12 months after their hire date, counted on{' '}
        {formatDisplayDate(retention.asOf)} for those whose 6 or 12 months had passed. A group of fewer than 5
        people is not shown, so that no one can be singled out.
      </p>
      <Table
        caption="Retention of new hires"
        headers={[
          'Group',
          'Hired in the period',
          'Still employed at 6 months',
          'Still employed at 12 months',
        ]}
      >
        {groups.map((group) => (
          <tr key={group.label}>
            <td>{group.label}</td>
            <td className="number">{formatGuarded(group.hired)}</td>
            {group.marks.map((mark) => (
              <td key={mark.months} className="number">
                {mark.eligible === 0
                  ? 'not yet known'
                  : typeof mark.rate === 'number'
                    ? `${mark.retained} of ${mark.eligible} (${mark.rate}%)`
                    : formatGuarded(mark.rate)}
              </td>
            ))}
          </tr>
        ))}
      </Table>
    </ReportSection>
  );
}
