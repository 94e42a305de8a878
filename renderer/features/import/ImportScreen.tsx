import { useEffect, useRef } from 'react';
import { Button, ButtonLink } from '../../ui/Button';
import { FormError } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { ChooseRosterFile } from './ChooseRosterFile';
import { ColumnMappingForm } from './ColumnMappingForm';
import { FindTableForm, isUsableTable } from './FindTableForm';
import { MatchValuesStep } from './MatchValuesStep';
import { RosterReviewPanel } from './RosterReviewPanel';
import { type ImportResult, useRosterImport } from './useRosterImport';

/**
 * Import a staff roster from an Excel workbook or a CSV file: choose, find the table, match columns and
 * values, review every line, import all or nothing.
 */
export function ImportScreen() {
  const state = useRosterImport();
  const { file, table, mapping, review, choices } = state;

  return (
    <>
      <PageHeader title="Import a roster" />
      {state.result ? (
        <ImportSummary result={state.result} onAnother={state.startOver} />
      ) : (
        <>
          <ChooseRosterFile
            onChoose={state.chooseFile}
            reading={state.reading}
            fileName={state.chosenFileName}
            readOk={file !== null}
          />
          <FormError message={state.readError && `${state.readError} Nothing was imported.`} />
          {file && (
            <FindTableForm
              file={file}
              sheetIndex={state.place.sheetIndex}
              headerIndex={state.place.headerIndex}
              table={table}
              onSheetChange={state.chooseSheet}
              onHeaderChange={state.chooseHeaderRow}
            />
          )}
          {file && table && isUsableTable(table) && mapping && review && (
            <>
              <ColumnMappingForm
                headers={table.headers}
                mapping={mapping}
                onMappingChange={state.setMapping}
                defaults={choices.defaults}
                onDefaultsChange={state.setDefaults}
              />
              <MatchValuesStep
                rows={table.rows}
                mapping={mapping}
                choices={choices}
                onTitle={(key, meaning) => state.setTitles((titles) => ({ ...titles, [key]: meaning }))}
                onRole={(key, role) => state.setRoles((roles) => ({ ...roles, [key]: role }))}
                onStage={(key, stage) => state.setStages((stages) => ({ ...stages, [key]: stage }))}
                onDateOrder={(field, order) =>
                  state.setDateOrders((orders) => ({ ...orders, [field]: order }))
                }
              />
              <RosterReviewPanel
                rows={table.rows}
                lineWord={file.kind === 'xlsx' ? 'Row' : 'Line'}
                mapping={mapping}
                review={review}
                importing={state.importing}
                importError={state.importError}
                onImport={state.importReady}
              />
            </>
          )}
        </>
      )}
    </>
  );
}

function ImportSummary({ result, onAnother }: { result: ImportResult; onAnother: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Move focus to the outcome so keyboard and screen-reader users hear it.
  useEffect(() => headingRef.current?.focus(), []);
  const leftOut = result.leftOutProblems + result.leftOutDuplicates;
  return (
    <section className="card" aria-labelledby="import-done-heading">
      <h2 id="import-done-heading" ref={headingRef} tabIndex={-1}>
        Imported {result.imported} {result.imported === 1 ? 'person' : 'people'}
      </h2>
      {leftOut > 0 ? (
        <p>
          {result.leftOutProblems} {result.leftOutProblems === 1 ? 'line' : 'lines'} with problems and{' '}
          {result.leftOutDuplicates} {result.leftOutDuplicates === 1 ? 'duplicate' : 'duplicates'} were left
          out. Fix those lines in the file and import it again: the people just imported will be recognised as
          duplicates and not added twice.
        </p>
      ) : (
        <p>Every line of the file was imported.</p>
      )}
      <div className="button-row">
        <ButtonLink to="/people" variant="primary">
          Go to People
        </ButtonLink>
        <Button onClick={onAnother}>Import another file</Button>
      </div>
    </section>
  );
}
