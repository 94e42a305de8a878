import { NO_WORDS, YES_WORDS } from '../../domain/roster-import';

/** What the import understands, so the manager can fix a file without guessing. */
export function ImportFormatGuide() {
  return (
    <details>
      <summary>What the file may contain</summary>
      <ul>
        <li>
          <strong>Files</strong>: an Excel workbook (.xlsx; the first sheet, or the one you choose) or a CSV
          file separated by commas, semicolons or tabs, saved as UTF-8 or as Excel’s plain CSV (Windows-1252).
          A title or blank lines above the column names are skipped.
        </li>
        <li>
          <strong>Job titles</strong> such as Staff Nurse, RN, CNA, Medical Assistant, PGY-1 or Attending: you
          confirm once for each title which profession (and, if the title says, which career stage) it means.
        </li>
        <li>
          <strong>Role</strong>: one column with Mentor, Mentee or Both (or Preceptor, Orientee…), or two
          columns of yes and no: {[...YES_WORDS].join(', ')} mean yes; {[...NO_WORDS].join(', ')} mean no.
        </li>
        <li>
          <strong>Dates</strong> such as 2019-03-15, 03/15/2019, 15/03/2019, 15.03.2019 and Excel dates. Day
          or month first is read from the whole column; you are asked only when every date could be either.
        </li>
        <li>
          <strong>Mentor capacity</strong> is a whole number: how many mentees a mentor can take.
        </li>
        <li>
          <strong>Interests and expertise</strong> may hold several words separated by semicolons.
        </li>
        <li>
          <strong>A person already in People</strong> (same name and email, whatever the capitals, accents and
          spaces) is flagged as a duplicate and not added again; so is a person repeated in the file.
        </li>
      </ul>
    </details>
  );
}
