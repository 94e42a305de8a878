import { useState } from 'react';
import { todayIso } from '../../domain/calendar';
import type { Id, Person } from '../../domain/types';
import { Button } from '../../ui/Button';
import { peopleTable, savePeopleCsv, savePeopleWorkbook } from './people-export';

interface PeopleExportActionsProps {
  /** Reads the people as the list orders them, filtered, every page of them (read only when saving). */
  load: () => Promise<{ people: Person[]; loads: Map<Id, number> }>;
}

/** Saves the list as shown, as a CSV file or an Excel workbook. */
export function PeopleExportActions({ load }: PeopleExportActionsProps) {
  const [message, setMessage] = useState('');
  const [working, setWorking] = useState(false);
  const stem = `people-${todayIso()}`;

  async function run(what: string, save: () => Promise<boolean>) {
    setWorking(true);
    setMessage('');
    try {
      setMessage((await save()) ? `The ${what} was saved.` : `The ${what} was not saved.`);
    } catch (error) {
      console.error(`Saving the ${what} failed`, error);
      setMessage(`The ${what} could not be saved. Nothing was written; please try again.`);
    } finally {
      setWorking(false);
    }
  }

  return (
    <div className="people-export">
      <div className="button-row">
        <Button
          onClick={() =>
            run('CSV file', async () => {
              const { people, loads } = await load();
              return savePeopleCsv(peopleTable(people, loads), stem);
            })
          }
          disabled={working}
        >
          Save list as CSV
        </Button>
        <Button
          onClick={() =>
            run('workbook', async () => {
              const { people, loads } = await load();
              return savePeopleWorkbook(peopleTable(people, loads), stem);
            })
          }
          disabled={working}
        >
          Save list as XLSX
        </Button>
        <span className="muted">Everyone the search and filters keep, in this order.</span>
      </div>
      <p role="status" className="people-export__status">
        {working ? 'Saving…' : message}
      </p>
    </div>
  );
}
