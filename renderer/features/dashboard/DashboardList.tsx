import type { ReactNode } from 'react';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { ShowMore, useListLimit } from '../../ui/ShowMore';

/** Enough rows to act on this morning; a large clinic's long tail waits behind "Show more". */
const ROWS_SHOWN = 10;

interface DashboardListProps<T> {
  title: string;
  /** The list's name for screen readers, e.g. "Pairs overdue for a meeting". */
  listLabel: string;
  items: T[];
  emptyTitle: string;
  /** What to do next, or why an empty list is good news. */
  emptyHint?: string;
  /** Warn (amber count) when the list is not empty; otherwise the count is neutral. */
  warn?: boolean;
  what: string;
  renderItem: (item: T) => ReactNode;
}

export function DashboardList<T>({
  title,
  listLabel,
  items,
  emptyTitle,
  emptyHint,
  warn = true,
  what,
  renderItem,
}: DashboardListProps<T>) {
  const [limit, showMore] = useListLimit(title, ROWS_SHOWN);
  const tone = !warn ? 'badge' : items.length > 0 ? 'badge badge--warn' : 'badge badge--ok';
  return (
    <Card title={title} aside={<span className={tone}>{items.length}</span>}>
      {items.length === 0 ? (
        <EmptyState title={emptyTitle}>{emptyHint}</EmptyState>
      ) : (
        <>
          <ul className="row-list" aria-label={listLabel}>
            {items.slice(0, limit).map(renderItem)}
          </ul>
          <ShowMore
            shown={Math.min(limit, items.length)}
            total={items.length}
            onMore={showMore}
            what={what}
          />
        </>
      )}
    </Card>
  );
}
