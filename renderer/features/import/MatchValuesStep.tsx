import type { DateOrder } from '../../domain/roster-dates';
import {
  type ColumnMapping,
  type DateField,
  dateOrders,
  type ImportChoices,
  type RosterRow,
  roleMeanings,
  titleMeanings,
} from '../../domain/roster-import';
import type { ProgramRole, TitleMeaning } from '../../domain/roster-values';
import { DateOrderQuestions } from './DateOrderQuestions';
import { RoleMeaningsTable } from './RoleMeaningsTable';
import { TitleMeaningsTable } from './TitleMeaningsTable';

interface MatchValuesStepProps {
  rows: RosterRow[];
  mapping: ColumnMapping;
  choices: ImportChoices;
  onTitle: (key: string, meaning: TitleMeaning) => void;
  onRole: (key: string, role: ProgramRole) => void;
  onDateOrder: (field: DateField, order: DateOrder) => void;
}

/** Step 4: what the values of the job-title, role and date columns mean, decided once for all rows. */
export function MatchValuesStep({
  rows,
  mapping,
  choices,
  onTitle,
  onRole,
  onDateOrder,
}: MatchValuesStepProps) {
  const titles = titleMeanings(rows, mapping, choices);
  const roles = roleMeanings(rows, mapping, choices);
  const dates = dateOrders(rows, mapping, choices);
  if (titles.length === 0 && roles.length === 0 && dates.length === 0) return null;
  const open =
    titles.filter((title) => !title.meaning.profession).length + roles.filter((role) => !role.meaning).length;
  return (
    <section className="card" aria-labelledby="import-values-heading">
      <h2 id="import-values-heading">4. Match the values</h2>
      <p>
        Each value below is decided once for every line that holds it. We suggested what we could; check them.
        {open > 0 &&
          ` ${open} ${open === 1 ? 'value needs' : 'values need'} your choice; until then, lines with ${open === 1 ? 'it' : 'them'} are not imported.`}
      </p>
      <DateOrderQuestions columns={dates} onAnswer={onDateOrder} />
      {mapping.profession && titles.length > 0 && (
        <TitleMeaningsTable column={mapping.profession} titles={titles} onChange={onTitle} />
      )}
      {mapping.role && roles.length > 0 && (
        <RoleMeaningsTable column={mapping.role} roles={roles} onChange={onRole} />
      )}
    </section>
  );
}
