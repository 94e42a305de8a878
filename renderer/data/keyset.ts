// Keyset paging: a page is read from an index range starting just after the last row of the page
// before, so it costs the same wherever it starts (offset() walks every row it skips), and a record
// added or removed meanwhile neither repeats nor skips anyone on the next page.

// A filtered page reads on in batches until it has its rows: bulk reads, growing so that a rare match
// costs few round trips (a cursor stepping one record at a time measured slower).
const FIRST_BATCH = 200;
const LARGEST_BATCH = 3200;

/**
 * Up to `wanted` rows that `keep` accepts, in index order. `read(after, count)` reads the next `count`
 * rows after the row `after` (from the start when null), in the same order.
 */
export async function readKept<T>(
  read: (after: T | null, count: number) => Promise<T[]>,
  wanted: number,
  keep?: (row: T) => boolean,
): Promise<T[]> {
  const kept: T[] = [];
  let after: T | null = null;
  let batch = keep ? Math.max(FIRST_BATCH, wanted) : wanted;
  while (kept.length < wanted) {
    const rows = await read(after, batch);
    for (const row of rows) {
      if (keep && !keep(row)) continue;
      kept.push(row);
      if (kept.length === wanted) break;
    }
    if (rows.length < batch) break;
    after = rows[rows.length - 1];
    batch = Math.min(batch * 2, LARGEST_BATCH);
  }
  return kept;
}
