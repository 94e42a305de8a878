import { formatDisplayDate } from '../../domain/date-format';
import type { RosterReview } from '../../domain/roster-import';
import { type ColumnMapping, IMPORT_FIELD_LABELS, IMPORT_FIELDS } from '../../domain/roster-mapping';
import type { RosterRow } from '../../domain/roster-table';
import type { PersonInput } from '../../domain/rules';
import { CAREER_STAGE_LABELS, PROFESSION_LABELS } from '../../domain/types';
import { Card } from '../../ui/Card';
import { Table } from '../../ui/Table';

/** How many lines of the file the preview shows. */
export const PREVIEW_ROWS = 5;

interface RosterPreviewTableProps {
  rows: RosterRow[];
  mapping: ColumnMapping;
  lineWord: 'Line' | 'Row';
  review: RosterReview;
}

function personReading(person: PersonInput): string {
  const role = [person.isMentor && 'mentor', person.isMentee && 'mentee'].filter(Boolean).join(' and ');
  const hired = person.hireDate ? `; hired ${formatDisplayDate(person.hireDate)}` : '';
  return `${PROFESSION_LABELS[person.profession]}, ${CAREER_STAGE_LABELS[person.careerStage].toLowerCase()}; ${role}${hired}`;
}

/** What the app will make of a line: the person as stored, or why the line is left out. */
function readingOf(line: number, review: RosterReview): string {
  if (review.mappingProblems.length > 0) return '';
  const ready = review.ready.find((row) => row.line === line);
  if (ready) return personReading(ready.person);
  if (review.duplicates.some((row) => row.line === line)) return 'Not imported: already known';
  return 'Not imported: see the lines with problems';
}

/** The first lines as they are in the file, column by column, and what each becomes. */
export function RosterPreviewTable({ rows, mapping, lineWord, review }: RosterPreviewTableProps) {
  const fields = IMPORT_FIELDS.filter((field) => mapping[field] !== null);
  const shown = rows.slice(0, PREVIEW_ROWS);
  const count = `${shown.length} ${shown.length === 1 ? 'line' : 'lines'}`;
  return (
    <Card title="5. Check the first lines">
      <p className="muted">
        The first {count} of {rows.length} as the file has them, and what each will be imported as.
      </p>
      {fields.length === 0 ? (
        <p>No column is matched yet.</p>
      ) : (
        <Table
          caption="First lines of the file"
          hideCaption
          headers={[lineWord, ...fields.map((field) => IMPORT_FIELD_LABELS[field]), 'Will be imported as']}
        >
          {shown.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              {fields.map((field) => {
                const column = mapping[field];
                return <td key={field}>{column === null ? '' : (row.values[column] ?? '')}</td>;
              })}
              <td>{readingOf(row.line, review)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
