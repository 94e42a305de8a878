import type { ReactNode } from 'react';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { ShowMore } from '../../ui/ShowMore';

interface DashboardListProps<T> {
  title: string;
  /** The list's name for screen readers, e.g. "Pairs overdue for a meeting". */
  listLabel: string;
  /** The first rows of the list (at least `limit` of them when there are that many). */
  items: T[];
  /** How many rows the whole list has. */
  total: number;
  limit: number;
  onMore: () => void;
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
  total,
  limit,
  onMore,
  emptyTitle,
  emptyHint,
  warn = true,
  what,
  renderItem,
}: DashboardListProps<T>) {
  const tone = !warn ? 'badge' : total > 0 ? 'badge badge--warn' : 'badge badge--ok';
  return (
    <Card title={title} aside={<span className={tone}>{total}</span>}>
      {total === 0 ? (
        <EmptyState title={emptyTitle}>{emptyHint}</EmptyState>
      ) : (
        <>
          <ul className="row-list" aria-label={listLabel}>
            {items.slice(0, limit).map(renderItem)}
          </ul>
          <ShowMore shown={Math.min(limit, items.length)} total={total} onMore={onMore} what={what} />
        </>
      )}
    </Card>
  );
}
