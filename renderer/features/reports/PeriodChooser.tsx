import { PERIOD_KIND_LABELS, PERIOD_KINDS, type PeriodKind } from '../../domain/reports/period';
import { SelectField, TextField } from '../../ui/Field';

export interface PeriodForm {
  kind: PeriodKind;
  academicYear: number;
  calendarYear: number;
  customStart: string;
  customEnd: string;
}

interface PeriodChooserProps {
  form: PeriodForm;
  onChange: (form: PeriodForm) => void;
  /** The years offered, newest first. */
  years: number[];
  error: string | null;
}

export function PeriodChooser({ form, onChange, years, error }: PeriodChooserProps) {
  const set = (changes: Partial<PeriodForm>) => onChange({ ...form, ...changes });
  return (
    <>
      <SelectField
        label="Period"
        value={form.kind}
        onChange={(value) => set({ kind: value as PeriodKind })}
        options={PERIOD_KINDS.map((kind) => ({ value: kind, label: PERIOD_KIND_LABELS[kind] }))}
      />
      {form.kind === 'academic-year' && (
        <SelectField
          label="Academic year"
          value={String(form.academicYear)}
          onChange={(value) => set({ academicYear: Number(value) })}
          options={years.map((year) => ({ value: String(year), label: `July ${year} – June ${year + 1}` }))}
        />
      )}
      {form.kind === 'calendar-year' && (
        <SelectField
          label="Year"
          value={String(form.calendarYear)}
          onChange={(value) => set({ calendarYear: Number(value) })}
          options={years.map((year) => ({ value: String(year), label: String(year) }))}
        />
      )}
      {form.kind === 'custom' && (
        <>
          <TextField
            label="First day"
            type="date"
            value={form.customStart}
            onChange={(value) => set({ customStart: value })}
          />
          <TextField
            label="Last day"
            type="date"
            value={form.customEnd}
            onChange={(value) => set({ customEnd: value })}
            error={error}
          />
        </>
      )}
    </>
  );
}
