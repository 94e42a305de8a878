import { formatDisplayDate } from '../../domain/date-format';
import { DATE_ORDER_LABELS, type DateOrder, readRosterDate } from '../../domain/roster-dates';
import type { dateOrders } from '../../domain/roster-import';
import { type DateField, IMPORT_FIELD_LABELS } from '../../domain/roster-mapping';

type DateColumn = ReturnType<typeof dateOrders>[number];

interface DateOrderQuestionsProps {
  columns: DateColumn[];
  onAnswer: (field: DateField, order: DateOrder) => void;
}

const ORDERS: DateOrder[] = ['day-first', 'month-first'];

/** "Day first: 03/04/2019 is 3 Apr 2019", from the column's own example, so the manager sees the stakes. */
function orderLabel(order: DateOrder, example: string | null): string {
  const read = example ? readRosterDate(example, '', order) : null;
  if (!example || !read?.ok || !read.value) return DATE_ORDER_LABELS[order];
  return `${order === 'day-first' ? 'Day first' : 'Month first'}: ${example} is ${formatDisplayDate(read.value)}`;
}

/** Says how each date column is read; asks only for a column whose every date reads both ways. */
export function DateOrderQuestions({ columns, onAnswer }: DateOrderQuestionsProps) {
  return (
    <>
      {columns.map((column) =>
        column.ambiguous ? (
          <fieldset key={column.field} className="fieldset">
            <legend>
              How are the dates in “{column.column}” written? Every one of them, such as {column.example},
              could be day first or month first.
            </legend>
            {ORDERS.map((order) => (
              <div key={order} className="field field--checkbox">
                <input
                  id={`${column.field}-${order}`}
                  type="radio"
                  name={`${column.field}-order`}
                  checked={column.order === order}
                  onChange={() => onAnswer(column.field, order)}
                />
                <label htmlFor={`${column.field}-${order}`}>{orderLabel(order, column.example)}</label>
              </div>
            ))}
          </fieldset>
        ) : (
          column.order && (
            <p key={column.field}>
              {IMPORT_FIELD_LABELS[column.field]} (“{column.column}”): read{' '}
              {column.order === 'day-first' ? 'day first, like 15/03/2019' : 'month first, like 03/15/2019'},
              as the dates in the column show.
            </p>
          )
        ),
      )}
    </>
  );
}
