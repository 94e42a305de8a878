import type { PairCensus } from '../../domain/reports/census';
import { Table } from '../../ui/Table';
import { BarChart } from './Charts';
import { Figures } from './Figures';
import { ReportSection } from './ReportSection';
import { limitRows, MoreInFiles } from './ScreenLimit';

export function CensusSection({
  census,
  limit,
  mentorLoadTotal = census.mentorLoad.length,
}: {
  census: PairCensus;
  limit?: number;
  /** How many mentors the whole report lists, when `census` comes shortened for the screen. */
  mentorLoadTotal?: number;
}) {
  const mentorLoad = limitRows(census.mentorLoad, limit);
  return (
    <ReportSection title="Pair census">
      <Figures
        figures={[
          ['Active on the first day', census.activeAtStart],
          ['Active on the last day', census.activeAtEnd],
          ['Started', census.started],
          ['Ended', census.ended],
          ['Paused on the last day', census.pausedAtEnd],
          ['Mentees without a mentor', census.menteesWithoutMentor.length],
        ]}
      />
      <div className="report-columns">
        <BarChart
          title="Pairs during the period, by the mentee’s profession"
          bars={census.byMenteeProfession.map((row) => ({ label: row.label, value: row.pairs }))}
        />
        {census.endedByReason.length > 0 && (
          <Table caption="Pairs that ended, by reason" headers={['Reason', 'Pairs']}>
            {census.endedByReason.map((row) => (
              <tr key={row.reason}>
                <td>{row.reason}</td>
                <td className="number">{row.count}</td>
              </tr>
            ))}
          </Table>
        )}
      </div>
      <Table
        caption="Pairs by program"
        headers={[
          'Program',
          'Active on the first day',
          'Active on the last day',
          'Started',
          'Ended',
          'During the period',
        ]}
      >
        {census.byProgram.map((row) => (
          <tr key={row.programId}>
            <td>{row.programName}</td>
            <td className="number">{row.activeAtStart}</td>
            <td className="number">{row.activeAtEnd}</td>
            <td className="number">{row.started}</td>
            <td className="number">{row.ended}</td>
            <td className="number">{row.pairsInPeriod}</td>
          </tr>
        ))}
      </Table>
      {census.mentorLoad.length > 0 && (
        <Table
          caption={`Mentor load on the last day (${census.mentorsOverCapacity} over capacity)`}
          headers={['Mentor', 'Active mentees', 'Capacity', 'Over capacity']}
        >
          {mentorLoad.map((row) => (
            <tr key={row.mentorId}>
              <td>{row.mentorName}</td>
              <td className="number">{row.activeMentees}</td>
              <td className="number">{row.capacity}</td>
              <td>{row.overCapacity ? <span className="badge badge--warn">Yes</span> : 'No'}</td>
            </tr>
          ))}
        </Table>
      )}
      <MoreInFiles shown={mentorLoad.length} total={mentorLoadTotal} what="mentors" />
      {census.menteesWithoutMentor.length > 0 && (
        <p>
          <strong>Mentees without a mentor on the last day:</strong>{' '}
          {census.menteesWithoutMentor.map((mentee) => mentee.name).join(', ')}.
        </p>
      )}
    </ReportSection>
  );
}
