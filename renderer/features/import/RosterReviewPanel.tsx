import type { RosterReview } from '../../domain/roster-import';
import type { ColumnMapping } from '../../domain/roster-mapping';
import type { RosterRow } from '../../domain/roster-table';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormError } from '../../ui/Field';
import { RosterPreviewTable } from './RosterPreviewTable';

interface RosterReviewPanelProps {
  rows: RosterRow[];
  /** How the file's positions are named: "Line" in a text file, "Row" in a sheet. */
  lineWord: 'Line' | 'Row';
  mapping: ColumnMapping;
  review: RosterReview;
  importing: boolean;
  importError: string | null;
  onImport: () => void;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Step 5: the first lines as they will be read, every bad line and every duplicate, and the import. */
export function RosterReviewPanel({
  rows,
  lineWord,
  mapping,
  review,
  importing,
  importError,
  onImport,
}: RosterReviewPanelProps) {
  const ready = review.ready.length;
  const blocked = review.mappingProblems.length > 0;
  return (
    <>
      <RosterPreviewTable rows={rows} mapping={mapping} lineWord={lineWord} review={review} />
      {blocked ? (
        <section className="card" aria-labelledby="import-mapping-problems">
          <h2 id="import-mapping-problems">Before anything can be imported</h2>
          <ul>
            {review.mappingProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </section>
      ) : (
        <>
          <p role="status">
            {plural(ready, 'person is', 'people are')} ready to import;{' '}
            {plural(review.problems.length, 'line has', 'lines have')} problems;{' '}
            {plural(review.duplicates.length, 'line repeats', 'lines repeat')} someone already known.
          </p>
          {review.problems.length > 0 && (
            <Card title={`Lines with problems (${review.problems.length}) — not imported`}>
              <p className="muted">
                {lineWord === 'Row'
                  ? 'Row numbers are those of the sheet, as your spreadsheet program shows them.'
                  : 'Line numbers are those of the file, counting from its first line.'}
              </p>
              <ul className="row-list" aria-label="Lines with problems">
                {review.problems.map((problem) => (
                  <li key={problem.line}>
                    {/* One child, so the list's row layout keeps the line number and its reasons together. */}
                    <span>
                      <strong>
                        {lineWord} {problem.line}
                      </strong>
                      {problem.name && ` (${problem.name})`}: {problem.reasons.join(' ')}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          {review.duplicates.length > 0 && (
            <Card title={`Duplicates (${review.duplicates.length}) — flagged, not imported`}>
              <ul className="row-list" aria-label="Duplicates">
                {review.duplicates.map((duplicate) => (
                  <li key={duplicate.line}>
                    <span>
                      <strong>
                        {lineWord} {duplicate.line}
                      </strong>{' '}
                      ({duplicate.person.name}
                      {duplicate.person.email && `, ${duplicate.person.email}`}): {duplicate.reason}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </>
      )}
      <FormError message={importError} />
      <div className="button-row">
        <Button variant="primary" onClick={onImport} disabled={blocked || ready === 0 || importing}>
          {importing ? 'Importing…' : `Import ${plural(ready, 'person', 'people')}`}
        </Button>
      </div>
    </>
  );
}
