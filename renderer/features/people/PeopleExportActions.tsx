import { useState } from 'react';
import { todayIso } from '../../domain/calendar';
import type { Id, Person } from '../../domain/types';
import { Button } from '../../ui/Button';
import { peopleTable, savePeopleCsv, savePeopleWorkbook } from './people-export';

interface PeopleExportActionsProps {
  /** The people as the list shows them: filtered and sorted, every page of them. */
  people: Person[];
  loads: Map<Id, number>;
}

/** Saves the list as shown, as a CSV file or an Excel workbook. */
export function PeopleExportActions({ people, loads }: PeopleExportActionsProps) {
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

  const count = `${people.length} ${people.length === 1 ? 'person' : 'people'}`;
  return (
    <div className="people-export">
      <div className="button-row">
        <Button
          onClick={() => run('CSV file', () => savePeopleCsv(peopleTable(people, loads), stem))}
          disabled={working || people.length === 0}
        >
          Save list as CSV
        </Button>
        <Button
          onClick={() => run('workbook', () => savePeopleWorkbook(peopleTable(people, loads), stem))}
          disabled={working || people.length === 0}
        >
          Save list as XLSX
        </Button>
        <span className="muted">The {count} shown, in this order.</span>
      </div>
      <p role="status" className="people-export__status">
        {working ? 'Saving…' : message}
      </p>
    </div>
  );
}
