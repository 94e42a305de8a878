import { useLiveQuery } from 'dexie-react-hooks';

/** What a live read returns, and whether it was read for the arguments given now. */
export type LiveRead<T> = T & {
  /**
   * False while the value shown is still the one read for earlier arguments (a new search, order or
   * page being read): a list says so with aria-busy, so that neither a screen reader nor a test takes
   * the rows of before for the answer.
   */
  current: boolean;
};

/**
 * A live query (kept up to date as the records change) of `read(...args)`. Until the first answer it is
 * undefined; once the arguments change, the previous answer stays, marked not current, until the new
 * one is read.
 */
export function useLiveRead<A extends readonly unknown[], T extends object>(
  read: (...args: A) => Promise<T>,
  args: A,
): LiveRead<T> | undefined {
  const answer = useLiveQuery(async () => ({ value: await read(...args), args }), [...args]);
  if (!answer) return undefined;
  const current =
    answer.args.length === args.length && answer.args.every((arg, i) => Object.is(arg, args[i]));
  return { ...answer.value, current };
}
