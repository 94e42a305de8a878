import { formatDisplayDate } from '../../domain/date-format';
import type { MeetingCompliance } from '../../domain/reports/compliance';
import { formatHours, formatPercent } from '../../domain/reports/format';
import { RELATIONSHIP_STATUS_LABELS } from '../../domain/types';
import { Table } from '../../ui/Table';
import { BarChart } from './Charts';
import { Figures } from './Figures';
import { ReportSection } from './ReportSection';
import { limitRows, MoreInFiles } from './ScreenLimit';

export function ComplianceSection({
  compliance,
  limit,
  pairsTotal = compliance.pairs.length,
}: {
  compliance: MeetingCompliance;
  limit?: number;
  /** How many pairs the whole report lists, when `compliance` comes shortened for the screen. */
  pairsTotal?: number;
}) {
  const pairs = limitRows(compliance.pairs, limit);
  const { totals } = compliance;
  return (
    <ReportSection title="Meeting compliance">
      <p className="report-note">
        Meetings expected are counted over the days each pair was active in the period, from its program’s
        cadence; pauses do not count against a pair.
      </p>
      <Figures
        figures={[
          ['Pairs meeting their target', formatPercent(totals.shareMeetingTarget)],
          ['Meetings held', totals.held],
          ['Meetings expected', totals.expected],
          ['Hours of mentoring', formatHours(totals.minutes)],
          ['Overdue on the last day', totals.overdueAtEnd],
          ['No meeting for 90 days', totals.quietAtEnd],
        ]}
      />
      <BarChart
        title="Share of pairs meeting their target, by program"
        unit="%"
        max={100}
        bars={compliance.programs
          .filter((program) => program.shareMeetingTarget !== null)
          .map((program) => ({ label: program.programName, value: program.shareMeetingTarget ?? 0 }))}
      />
      <Table
        caption="By program"
        headers={[
          'Program',
          'Cadence',
          'Pairs',
          'Meeting target',
          'Held',
          'Expected',
          'Hours',
          'Overdue',
          'Quiet 90 days',
        ]}
      >
        {compliance.programs.map((program) => (
          <tr key={program.programId}>
            <td>{program.programName}</td>
            <td>every {program.cadenceDays} days</td>
            <td className="number">{program.pairs}</td>
            <td className="number">
              {program.pairsMeetingTarget} of {program.pairsWithTarget} (
              {formatPercent(program.shareMeetingTarget)})
            </td>
            <td className="number">{program.held}</td>
            <td className="number">{program.expected}</td>
            <td className="number">{formatHours(program.minutes)}</td>
            <td className="number">{program.overdueAtEnd}</td>
            <td className="number">{program.quietAtEnd}</td>
          </tr>
        ))}
      </Table>
      <Table
        caption="By pair"
        headers={[
          'Mentee',
          'Mentor',
          'Program',
          'Held',
          'Expected',
          'Of target',
          'Hours',
          'Last meeting',
          'On the last day',
        ]}
      >
        {pairs.map((pair) => (
          <tr key={pair.relationshipId}>
            <td>{pair.menteeName}</td>
            <td>{pair.mentorName}</td>
            <td>{pair.programName}</td>
            <td className="number">{pair.held}</td>
            <td className="number">{pair.expected}</td>
            <td className="number">
              {pair.metTarget === null ? 'not yet due' : formatPercent(pair.percentOfTarget)}
            </td>
            <td className="number">{formatHours(pair.minutes)}</td>
            <td className="date">{formatDisplayDate(pair.lastMeetingDate)}</td>
            <td>
              {pair.statusAtEnd ? RELATIONSHIP_STATUS_LABELS[pair.statusAtEnd] : ''}
              {pair.quietAtEnd ? ', no meeting for 90 days' : pair.overdueAtEnd ? ', overdue' : ''}
            </td>
          </tr>
        ))}
      </Table>
      <MoreInFiles shown={pairs.length} total={pairsTotal} what="pairs" />
    </ReportSection>
  );
}
