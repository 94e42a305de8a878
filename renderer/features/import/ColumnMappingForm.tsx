import {
  type ColumnMapping,
  IMPORT_FIELD_LABELS,
  type ImportDefaults,
  type ImportField,
} from '../../domain/roster-mapping';
import { MAX_MENTOR_CAPACITY } from '../../domain/rules';
import { CAREER_STAGE_LABELS, CAREER_STAGES, type CareerStage } from '../../domain/types';
import { SelectField } from '../../ui/Field';

const FIELD_GROUPS: ReadonlyArray<{ legend: string; fields: ImportField[]; hint?: string }> = [
  {
    legend: 'Who they are',
    fields: ['name', 'firstName', 'lastName', 'email', 'profession', 'specialty', 'careerStage'],
    hint: 'Choose a full-name column, or a first-name and a last-name column.',
  },
  { legend: 'Dates', fields: ['hireDate', 'leavingDate'] },
  {
    legend: 'In the program',
    fields: ['role', 'isMentor', 'isMentee', 'mentorCapacity', 'tags'],
    hint: 'Choose one role column (Mentor, Mentee, Both), or separate yes/no columns for mentors and mentees.',
  },
];

const FIELD_HINTS: Partial<Record<ImportField, string>> = {
  profession: 'Job titles such as Staff Nurse, CNA or PGY-1; you confirm what each means in the next step.',
  hireDate: '2019-03-15, 03/15/2019, 15/03/2019, 15.03.2019 or Excel dates.',
  leavingDate: 'Written like the hire date.',
  role: 'Mentor, Mentee, Both and similar words; you confirm what each means in the next step.',
  isMentor: 'Yes or no.',
  isMentee: 'Yes or no.',
  mentorCapacity: `A whole number from 0 to ${MAX_MENTOR_CAPACITY}.`,
  tags: 'Several may be separated by semicolons.',
};

const YES_NO = [
  { value: 'no', label: 'No' },
  { value: 'yes', label: 'Yes' },
];
const CAPACITY_OPTIONS = Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: String(n) }));
const STAGE_OPTIONS = CAREER_STAGES.map((stage) => ({ value: stage, label: CAREER_STAGE_LABELS[stage] }));

interface ColumnMappingFormProps {
  headers: string[];
  mapping: ColumnMapping;
  onMappingChange: (mapping: ColumnMapping) => void;
  defaults: ImportDefaults;
  onDefaultsChange: (defaults: ImportDefaults) => void;
}

/** Step 2: which column holds what, pre-filled from the header names; and what a blank cell means. */
export function ColumnMappingForm({
  headers,
  mapping,
  onMappingChange,
  defaults,
  onDefaultsChange,
}: ColumnMappingFormProps) {
  // Options carry the column's position: a header may be empty or repeat, positions never do.
  const options = headers.map((header, index) => ({
    value: String(index),
    label: header === '' ? `Column ${index + 1} (no name)` : header,
  }));
  const selected = (field: ImportField) => {
    const column = mapping[field];
    return column === null ? '' : String(headers.indexOf(column));
  };
  const choose = (field: ImportField, value: string) =>
    onMappingChange({ ...mapping, [field]: value === '' ? null : headers[Number(value)] });

  return (
    <section className="card" aria-labelledby="import-mapping-heading">
      <h2 id="import-mapping-heading">3. Match the columns</h2>
      <p>
        We guessed from the column names. Check each one; choose “Not in this file” for anything the file
        lacks.
      </p>
      {FIELD_GROUPS.map((group) => (
        <fieldset key={group.legend} className="fieldset">
          <legend>{group.legend}</legend>
          {group.hint && <p className="field__hint">{group.hint}</p>}
          <div className="form-grid">
            {group.fields.map((field) => (
              <SelectField
                key={field}
                label={IMPORT_FIELD_LABELS[field]}
                value={selected(field)}
                onChange={(value) => choose(field, value)}
                options={options}
                placeholder="Not in this file"
                hint={FIELD_HINTS[field]}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <fieldset className="fieldset">
        <legend>When a cell is blank or the column is not in the file</legend>
        <div className="form-grid">
          <SelectField
            label="A blank career stage means"
            value={defaults.careerStage}
            onChange={(value) => onDefaultsChange({ ...defaults, careerStage: value as CareerStage })}
            options={STAGE_OPTIONS}
          />
          <SelectField
            label="A blank “Mentors others” means"
            value={defaults.isMentor ? 'yes' : 'no'}
            onChange={(value) => onDefaultsChange({ ...defaults, isMentor: value === 'yes' })}
            options={YES_NO}
          />
          <SelectField
            label="A blank “Is mentored” means"
            value={defaults.isMentee ? 'yes' : 'no'}
            onChange={(value) => onDefaultsChange({ ...defaults, isMentee: value === 'yes' })}
            options={YES_NO}
          />
          <SelectField
            label="A blank mentor capacity means"
            value={String(defaults.mentorCapacity)}
            onChange={(value) => onDefaultsChange({ ...defaults, mentorCapacity: Number(value) })}
            options={CAPACITY_OPTIONS}
            hint="For mentors; people who do not mentor get 0."
          />
        </div>
      </fieldset>
    </section>
  );
}
