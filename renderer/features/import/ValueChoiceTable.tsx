import type { DistinctValue } from '../../domain/roster-values';
import type { SelectOption } from '../../ui/Field';
import { Table } from '../../ui/Table';

interface ValueChoiceTableProps<T extends string> {
  /** The file's column the values come from. */
  column: string;
  /** What the choice is about, as the table's last heading ("In the program", "Career stage"). */
  heading: string;
  values: ReadonlyArray<DistinctValue & { meaning: T | null }>;
  options: ReadonlyArray<SelectOption>;
  /** The accessible name of each value's choice, e.g. "Meaning of “Buddy”". */
  labelFor: (text: string) => string;
  onChange: (key: string, value: T) => void;
}

/** One line per distinct value of a column, with what it means in the app, chosen once for every row. */
export function ValueChoiceTable<T extends string>({
  column,
  heading,
  values,
  options,
  labelFor,
  onChange,
}: ValueChoiceTableProps<T>) {
  return (
    <Table caption={`What each value of “${column}” means`} headers={[column, 'Lines', heading]}>
      {values.map((value) => (
        <tr key={value.key}>
          <th scope="row">{value.text}</th>
          <td>{value.count}</td>
          <td>
            <select
              aria-label={labelFor(value.text)}
              value={value.meaning ?? ''}
              aria-invalid={value.meaning === null || undefined}
              onChange={(event) => onChange(value.key, event.target.value as T)}
            >
              {value.meaning === null && <option value="">Choose…</option>}
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </td>
        </tr>
      ))}
    </Table>
  );
}
