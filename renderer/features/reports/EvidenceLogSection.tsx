import { formatDisplayDate } from '../../domain/date-format';
import type { EvidenceLog } from '../../domain/reports/evidence-log';
import { Table } from '../../ui/Table';
import { ReportSection } from './ReportSection';
import { limitRows } from './ScreenLimit';

export function EvidenceLogSection({
  log,
  limit,
  rowsTotal = log.rows.length,
}: {
  log: EvidenceLog;
  limit?: number;
  /** How many meetings the whole log lists, when `log` comes shortened for the screen. */
  rowsTotal?: number;
}) {
  const rows = limitRows(log.rows, limit);
  return (
    <ReportSection title="Appendix: evidence log" appendix>
      <p className="report-note">
        Every meeting in the period ({rowsTotal}). Note text is never included; confidential meetings (
        {log.confidentialMeetings}) are shown only as such.
        {rows.length < rowsTotal &&
          ` The first ${rows.length} are listed here; the PDF and the spreadsheet list them all.`}
      </p>
      <Table
        caption="Meetings"
        hideCaption
        className="evidence-log"
        headers={['Date', 'Mentee', 'Mentor', 'Program', 'Minutes', 'Format', 'Topics']}
      >
        {rows.map((row) =>
          row.confidential ? (
            <tr key={row.meetingId}>
              <td className="date">{formatDisplayDate(row.date)}</td>
              <td colSpan={6}>{row.description}</td>
            </tr>
          ) : (
            <tr key={row.meetingId}>
              <td className="date">{formatDisplayDate(row.date)}</td>
              <td>{row.menteeName}</td>
              <td>{row.mentorName}</td>
              <td>{row.programName}</td>
              <td className="number">{row.durationMinutes}</td>
              <td>{row.formatLabel}</td>
              <td>{row.topics.join(', ')}</td>
            </tr>
          ),
        )}
      </Table>
    </ReportSection>
  );
}
