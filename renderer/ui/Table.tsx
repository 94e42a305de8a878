import type { ReactNode } from 'react';

export interface TableSort<H extends string = string> {
  column: H;
  direction: 'ascending' | 'descending';
  /** Called with the header the manager chose to sort by. */
  onSort: (column: H) => void;
}

interface TableProps<H extends string> {
  /** Says what the table lists; read by screen readers, hidden on screen when `hideCaption`. */
  caption: string;
  hideCaption?: boolean;
  headers: ReadonlyArray<H>;
  /** Extra class on the <table>, for a table that needs its own column widths. */
  className?: string;
  /** Makes every column header a button that sorts by it, with aria-sort on the sorted one. */
  sort?: TableSort<H>;
  /** True while the rows shown are still those of the previous filter or order (aria-busy). */
  busy?: boolean;
  children: ReactNode;
}

/** A data table with a caption and column headers; rows are plain <tr> children. */
export function Table<H extends string>({
  caption,
  hideCaption = false,
  headers,
  className,
  sort,
  busy = false,
  children,
}: TableProps<H>) {
  return (
    <div className="table-wrap">
      <table className={className ? `table ${className}` : 'table'} aria-busy={busy || undefined}>
        <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th
                key={header}
                scope="col"
                aria-sort={sort ? (sort.column === header ? sort.direction : 'none') : undefined}
              >
                {sort ? (
                  <button type="button" className="sort-button" onClick={() => sort.onSort(header)}>
                    {header}
                    <span className="sort-button__arrow" aria-hidden="true">
                      {sort.column === header ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                ) : (
                  header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
