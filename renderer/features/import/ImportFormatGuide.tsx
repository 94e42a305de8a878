import { NO_WORDS, PROFESSION_SYNONYMS, YES_WORDS } from '../../domain/roster-import';
import { PROFESSION_LABELS, PROFESSIONS } from '../../domain/types';

/** The words the import understands, so the manager can fix a file without guessing. */
export function ImportFormatGuide() {
  return (
    <details>
      <summary>What the file may contain</summary>
      <ul>
        <li>
          <strong>Dates</strong> are written year-month-day: 2024-03-15. A date such as 03/04/2024 is refused,
          because it could mean 3 April or March 4.
        </li>
        <li>
          <strong>Yes and no</strong>: {[...YES_WORDS].join(', ')} mean yes; {[...NO_WORDS].join(', ')} mean
          no.
        </li>
        <li>
          <strong>Mentor capacity</strong> is a whole number: how many mentees a mentor can take.
        </li>
        <li>
          <strong>Interests and expertise</strong> may hold several words separated by semicolons.
        </li>
        <li>
          <strong>A person already in People</strong> (same name and email, whatever the capitals and spaces)
          is flagged as a duplicate and not added again; so is a person repeated in the file.
        </li>
      </ul>
      <table className="table">
        <caption>
          Professions and the other words understood for each (capitals and dots do not matter)
        </caption>
        <thead>
          <tr>
            <th scope="col">Profession</th>
            <th scope="col">Also understood</th>
          </tr>
        </thead>
        <tbody>
          {PROFESSIONS.map((profession) => (
            <tr key={profession}>
              <td>{PROFESSION_LABELS[profession]}</td>
              <td>{PROFESSION_SYNONYMS[profession].join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
