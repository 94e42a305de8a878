import type { ReactNode } from 'react';

interface TableProps {
  /** Says what the table lists; read by screen readers, hidden on screen when `hideCaption`. */
  caption: string;
  hideCaption?: boolean;
  headers: ReadonlyArray<string>;
  children: ReactNode;
}

/** A data table with a caption and column headers; rows are plain <tr> children. */
export function Table({ caption, hideCaption = false, headers, children }: TableProps) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
