import { useEffect, useState } from 'react';
import { Button } from './Button';

/** How many rows a long list shows at first and adds per "Show more": enough to scan, quick to draw. */
export const PAGE_SIZE = 100;

/** A growing limit for a long list; it starts over whenever `resetKey` changes (a new search or filter). */
export function useListLimit(resetKey: string, pageSize = PAGE_SIZE): [number, () => void] {
  const [limit, setLimit] = useState(pageSize);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is the trigger, not an input.
  useEffect(() => setLimit(pageSize), [resetKey, pageSize]);
  return [limit, () => setLimit((current) => current + pageSize)];
}

interface ShowMoreProps {
  shown: number;
  /** How many there are in all; null when the list reads page by page and does not count (see `more`). */
  total: number | null;
  /** With no total: whether another page follows. */
  more?: boolean;
  onMore: () => void;
  /** Plural noun for the rows, e.g. "people". */
  what: string;
}

export function ShowMore({ shown, total, more = false, onMore, what }: ShowMoreProps) {
  if (total === null ? !more : shown >= total) return null;
  return (
    <div className="button-row">
      <Button onClick={onMore}>Show more {what}</Button>
      <span className="muted">{total === null ? `${shown} shown` : `${shown} of ${total} shown`}</span>
    </div>
  );
}
