import { formatDisplayDate } from '../../domain/date-format';
import type { MentorTraining, MentorTrainingRow } from '../../domain/reports/mentor-training';
import { formatGuarded } from '../../domain/reports/suppression';
import { Table } from '../../ui/Table';
import { ReportSection } from './ReportSection';

function Row({ row, total = false }: { row: MentorTrainingRow; total?: boolean }) {
  const cells = [
    formatGuarded(row.mentors),
    formatGuarded(row.currentAtEnd),
    formatGuarded(row.currentPercent, '%'),
    typeof row.hoursInPeriod === 'number' ? String(row.hoursInPeriod) : row.hoursInPeriod,
  ];
  return (
    <tr className={total ? 'report-total' : undefined}>
      <td>{row.label}</td>
      {cells.map((cell, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the cells are fixed columns.
        <td key={index} className="number">
          {cell}
        </td>
      ))}
    </tr>
  );
}

/** Mentor training completion: current training on the last day, and hours of training, by profession. */
export function MentorTrainingSection({ training }: { training: MentorTraining }) {
  return (
    <ReportSection title="Mentor training">
      <p className="report-note">
        Mentors of a pair active during the period, and how many had current mentor training on{' '}
        {formatDisplayDate(training.asOf)}; hours are those of training completed in the period. A group of
        fewer than 5 mentors is not shown, so that no one can be singled out.
      </p>
      {training.rows.length === 0 ? (
        <p>No mentor had an active pair in the period.</p>
      ) : (
        <Table
          caption="Mentor training by profession"
          headers={[
            'Profession',
            'Mentors',
            'Training current on the last day',
            'Current (%)',
            'Hours of training',
          ]}
        >
          {training.rows.map((row) => (
            <Row key={row.label} row={row} />
          ))}
          <Row row={training.total} total />
        </Table>
      )}
    </ReportSection>
  );
}
