import type { GoalCountRow, GoalsInPeriod } from '../../domain/reports/goals';
import { formatGuarded } from '../../domain/reports/suppression';
import { Table } from '../../ui/Table';
import { Figures } from './Figures';
import { ReportSection } from './ReportSection';

function CountTable({ caption, first, rows }: { caption: string; first: string; rows: GoalCountRow[] }) {
  return (
    <Table caption={caption} headers={[first, 'Goals set', 'Goals achieved']}>
      {rows.map((row) => (
        <tr key={row.id}>
          <td>{row.label}</td>
          <td className="number">{formatGuarded(row.set)}</td>
          <td className="number">{formatGuarded(row.achieved)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** Goals set and achieved in the period, by area and program, and pairs without a plan. No goal text. */
export function GoalsSection({ goals }: { goals: GoalsInPeriod }) {
  return (
    <ReportSection title="Development plans">
      <p className="report-note">
        Goals set in the period, and goals that became achieved in it. A figure about fewer than 5 mentees
        reads “fewer than 5”.
      </p>
      <Figures
        figures={[
          ['Goals set', formatGuarded(goals.set)],
          ['Goals achieved', formatGuarded(goals.achieved)],
          [
            'Pairs a month in without a plan on the last day',
            `${formatGuarded(goals.pairsWithoutPlan)} of ${goals.pairsDueAPlan}`,
          ],
        ]}
      />
      <CountTable caption="Goals by area" first="Area" rows={goals.byArea} />
      <CountTable caption="Goals by program" first="Program" rows={goals.byProgram} />
    </ReportSection>
  );
}
