import { isSealed, openAsync, readPath, sealContext, writePath } from './seal';
import { sealedPathsOf } from './sealed-fields';
import { dataCryptoKey } from './session';

// Opening the sealed fields of many records at once with WebCrypto, for the readers that go through a
// whole table (backups, safety copies): they read raw pages (Collection.raw(), which skips the reading
// hook's one-at-a-time opening) and open each page here, every value of the page in parallel.

/** Opens, in place, every sealed field of the records of `table`. Throws LockedError while locked. */
export async function openRecordsInBulk(table: string, records: Record<string, unknown>[]): Promise<void> {
  const paths = sealedPathsOf(table);
  if (paths.length === 0) return;
  const work: Promise<void>[] = [];
  let key: CryptoKey | null = null;
  for (const record of records) {
    for (const path of paths) {
      const value = readPath(record, path);
      if (!isSealed(value)) continue;
      key ??= await dataCryptoKey();
      const id = record.id as string;
      const opening = openAsync(key, sealContext(table, id, path), value).then((plain) =>
        writePath(record, path, plain),
      );
      work.push(opening);
    }
  }
  await Promise.all(work);
}
