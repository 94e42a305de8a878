import type { DateOrder } from '../../domain/roster-dates';
import {
  dateOrders,
  type ImportChoices,
  roleMeanings,
  stageMeanings,
  titleMeanings,
} from '../../domain/roster-import';
import type { ColumnMapping, DateField } from '../../domain/roster-mapping';
import type { RosterRow } from '../../domain/roster-table';
import {
  PROGRAM_ROLE_LABELS,
  PROGRAM_ROLES,
  type ProgramRole,
  type TitleMeaning,
} from '../../domain/roster-values';
import { CAREER_STAGE_LABELS, CAREER_STAGES, type CareerStage } from '../../domain/types';
import { DateOrderQuestions } from './DateOrderQuestions';
import { TitleMeaningsTable } from './TitleMeaningsTable';
import { ValueChoiceTable } from './ValueChoiceTable';

const ROLE_OPTIONS = PROGRAM_ROLES.map((role) => ({ value: role, label: PROGRAM_ROLE_LABELS[role] }));
const STAGE_OPTIONS = CAREER_STAGES.map((stage) => ({ value: stage, label: CAREER_STAGE_LABELS[stage] }));

interface MatchValuesStepProps {
  rows: RosterRow[];
  mapping: ColumnMapping;
  choices: ImportChoices;
  onTitle: (key: string, meaning: TitleMeaning) => void;
  onRole: (key: string, role: ProgramRole) => void;
  onStage: (key: string, stage: CareerStage) => void;
  onDateOrder: (field: DateField, order: DateOrder) => void;
}

/** Step 4: what the values of the job-title, role and date columns mean, decided once for all rows. */
export function MatchValuesStep({
  rows,
  mapping,
  choices,
  onTitle,
  onRole,
  onStage,
  onDateOrder,
}: MatchValuesStepProps) {
  const titles = titleMeanings(rows, mapping, choices);
  const roles = roleMeanings(rows, mapping, choices);
  const stages = stageMeanings(rows, mapping, choices);
  const dates = dateOrders(rows, mapping, choices);
  if (titles.length + roles.length + stages.length + dates.length === 0) return null;
  const open =
    titles.filter((title) => title.meaning.profession === null).length +
    [...roles, ...stages].filter((value) => value.meaning === null).length;
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
      {mapping.careerStage && stages.length > 0 && (
        <ValueChoiceTable
          column={mapping.careerStage}
          heading="Career stage"
          values={stages}
          options={STAGE_OPTIONS}
          labelFor={(text) => `Career stage meant by “${text}”`}
          onChange={onStage}
        />
      )}
      {mapping.role && roles.length > 0 && (
        <ValueChoiceTable
          column={mapping.role}
          heading="In the program"
          values={roles}
          options={ROLE_OPTIONS}
          labelFor={(text) => `Meaning of “${text}”`}
          onChange={onRole}
        />
      )}
    </section>
  );
}
