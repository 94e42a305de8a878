import {
  type Alternatives,
  isReferenceToken,
  MIN_PREFIX_LENGTH,
  queryTerms,
  type SearchQuery,
  type Term,
} from './words';

// An inverted index of words, small enough to hold every note of a large clinic in memory: each word
// maps to the sorted numbers of the records that hold it. After the first build the lists are packed
// into one Uint32Array (4 bytes a posting) behind one sorted array of words, so a word is found by binary
// search and the words starting with what is being typed are one contiguous run of that array. Records
// added later go to a small growing part; removed records are only marked, until the next packing.
// Only record keys and words are kept, never the text itself: a snippet is made from the one record read
// again after matching.
// A short start of a word ("re", "the") begins many words that together fill most records several
// times over; matching it word by word costs as much as every one of their lists. So packing also
// keeps, for each such short start, the one list of records holding any word that begins with it:
// a query's cost is then bounded by the number of records, not by the number of words.

export interface Match {
  /** The matching records' keys, best first (highest rank, then first added), at most `limit`. */
  keys: string[];
  /** How many records match in all. */
  total: number;
}

/** Starts of words this long get a list of their own at packing (see above). */
const SHORT_PREFIX_LENGTHS = [MIN_PREFIX_LENGTH, MIN_PREFIX_LENGTH + 1];
/** …when their words' lists hold more postings than this in all, and more than the merged list would. */
const SHORT_PREFIX_MIN_POSTINGS = 8192;

const EMPTY = new Uint32Array(0);

type List = Uint32Array | number[];

/** Doubles a typed array's room when `size` does not fit. */
function grown<T extends Uint8Array | Int32Array | Uint32Array>(
  array: T,
  size: number,
  make: (n: number) => T,
): T {
  if (size <= array.length) return array;
  const next = make(Math.max(size, array.length * 2, 1024));
  next.set(array);
  return next;
}

export class WordIndex {
  // The packed part: words sorted, and for word i its postings at postings[offsets[i]..offsets[i+1]).
  private words: string[] = [];
  private offsets = new Uint32Array(1);
  private postings = EMPTY;
  /** For a short start of a word, the sorted records holding any word that begins with it (packed part). */
  private prefixLists = new Map<string, Uint32Array>();
  // The growing part: records added since the last packing.
  private fresh = new Map<string, number[]>();
  private freshCount = 0;

  private keys: (string | null)[] = [];
  private numberOf = new Map<string, number>();
  private ranks = new Int32Array(0);
  private removed = new Uint8Array(0);
  private removedCount = 0;
  /** Per record, how many of the query's terms it holds so far (reused by every search). */
  private marks = new Uint8Array(0);

  /** Packs the growing part once it holds this many records. */
  constructor(private readonly packAfter = 5000) {}

  get size(): number {
    return this.numberOf.size;
  }

  has(key: string): boolean {
    return this.numberOf.has(key);
  }

  /** The rank a record was added with, or null for a record not held. */
  rankOf(key: string): number | null {
    const number = this.numberOf.get(key);
    return number === undefined ? null : (this.ranks[number] as number);
  }

  /** Adds (or replaces) a record: its key, its words (see wordsOf) and a rank (higher comes first). */
  set(key: string, words: readonly string[], rank = 0): void {
    this.remove(key);
    if (words.length === 0) return;
    const number = this.keys.length;
    this.keys.push(key);
    this.numberOf.set(key, number);
    this.ranks = grown(this.ranks, number + 1, (n) => new Int32Array(n));
    this.ranks[number] = rank;
    this.removed = grown(this.removed, number + 1, (n) => new Uint8Array(n));
    for (const word of new Set(words)) {
      const list = this.fresh.get(word);
      if (list) list.push(number);
      else this.fresh.set(word, [number]);
    }
    this.freshCount++;
    if (this.freshCount >= this.packAfter) this.pack();
  }

  remove(key: string): void {
    const number = this.numberOf.get(key);
    if (number === undefined) return;
    this.numberOf.delete(key);
    this.keys[number] = null;
    this.removed[number] = 1;
    this.removedCount++;
    // Many removed records waste room and time: pack them away.
    if (this.removedCount > 1000 && this.removedCount * 4 > this.keys.length) this.pack();
  }

  /** Moves the growing part into the packed arrays and drops removed records from every list. */
  pack(): void {
    const every = new Set<string>(this.words);
    for (const word of this.fresh.keys()) every.add(word);
    const words: string[] = [];
    const partsOf: List[][] = [];
    let total = 0;
    const removed = this.removed;
    for (const word of [...every].sort()) {
      const parts: List[] = [];
      const packed = this.packedList(word);
      if (packed.length) parts.push(packed);
      const fresh = this.fresh.get(word);
      if (fresh) parts.push(fresh);
      let kept = 0;
      for (const part of parts) for (let i = 0; i < part.length; i++) if (!removed[part[i] as number]) kept++;
      // A word left with no record is dropped.
      if (kept === 0) continue;
      words.push(word);
      partsOf.push(parts);
      total += kept;
    }
    const offsets = new Uint32Array(words.length + 1);
    const postings = new Uint32Array(total);
    let at = 0;
    for (const [i, parts] of partsOf.entries()) {
      for (const part of parts)
        for (let j = 0; j < part.length; j++) {
          const number = part[j] as number;
          if (!removed[number]) postings[at++] = number;
        }
      offsets[i + 1] = at;
    }
    this.words = words;
    this.offsets = offsets;
    this.postings = postings;
    this.fresh = new Map();
    this.freshCount = 0;
    // Removed records no longer appear in any list; their numbers are never given again.
    this.removedCount = 0;
    this.prefixLists = this.mergeShortPrefixes();
  }

  /** The merged lists of the short starts of words whose words' lists are long (see above). */
  private mergeShortPrefixes(): Map<string, Uint32Array> {
    const merged = new Map<string, Uint32Array>();
    const seen = new Uint32Array(this.keys.length);
    let stamp = 0;
    let buffer = new Uint32Array(1024);
    for (const length of SHORT_PREFIX_LENGTHS) {
      let from = 0;
      while (from < this.words.length) {
        const word = this.words[from] as string;
        if (word.length < length || isReferenceToken(word)) {
          from++;
          continue;
        }
        const prefix = word.slice(0, length);
        let to = from + 1;
        while (to < this.words.length && (this.words[to] as string).startsWith(prefix)) to++;
        const sum = (this.offsets[to] as number) - (this.offsets[from] as number);
        if (to - from > 1 && sum > SHORT_PREFIX_MIN_POSTINGS) {
          stamp++;
          buffer = grown(buffer, Math.min(sum, this.keys.length), (n) => new Uint32Array(n));
          let count = 0;
          for (let i = this.offsets[from] as number; i < (this.offsets[to] as number); i++) {
            const number = this.postings[i] as number;
            if (seen[number] !== stamp) {
              seen[number] = stamp;
              buffer[count++] = number;
            }
          }
          if (count < sum) merged.set(prefix, buffer.slice(0, count).sort());
        }
        from = to;
      }
    }
    return merged;
  }

  private packedList(word: string): Uint32Array {
    const i = this.findWord(word);
    if (i < 0) return EMPTY;
    return this.postings.subarray(this.offsets[i], this.offsets[i + 1]);
  }

  /** The position of the first packed word ≥ `word`. */
  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.words[mid] as string) < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private findWord(word: string): number {
    const i = this.lowerBound(word);
    return this.words[i] === word ? i : -1;
  }

  /** Every list of records holding the term's word (exactly, or as the start of a word). */
  private listsFor({ word, prefix }: Term, lists: List[]): void {
    if (!prefix) {
      const packed = this.packedList(word);
      if (packed.length) lists.push(packed);
      const fresh = this.fresh.get(word);
      if (fresh) lists.push(fresh);
      return;
    }
    const merged = this.prefixLists.get(word);
    if (merged) lists.push(merged);
    else {
      const from = this.lowerBound(word);
      let to = from;
      while (to < this.words.length && (this.words[to] as string).startsWith(word)) to++;
      // The words starting with the prefix are one run: one contiguous stretch of postings.
      if (to > from) lists.push(this.postings.subarray(this.offsets[from], this.offsets[to]));
    }
    for (const [key, list] of this.fresh) if (key.startsWith(word)) lists.push(list);
  }

  /** The records holding every word of the query (and a word starting with the one being typed), best first. */
  search(query: SearchQuery, limit: number): Match {
    return this.match(queryTerms(query), limit);
  }

  /** The records holding, for each of `required`, at least one of its terms; best first. */
  match(required: readonly Alternatives[], limit: number): Match {
    const wanted = required.map((alternatives) => {
      const lists: List[] = [];
      for (const term of alternatives) this.listsFor(term, lists);
      return lists;
    });
    if (wanted.length === 0 || wanted.some((lists) => lists.length === 0)) return { keys: [], total: 0 };
    const sizeOf = (lists: List[]) => lists.reduce((sum, list) => sum + list.length, 0);
    wanted.sort((a, b) => sizeOf(a) - sizeOf(b));

    this.marks = grown(this.marks, this.keys.length, (n) => new Uint8Array(n));
    const marks = this.marks;
    const removed = this.removed;
    const [first, ...rest] = wanted as [List[], ...List[][]];
    for (const list of first)
      for (let i = 0; i < list.length; i++) {
        const number = list[i] as number;
        if (!removed[number]) marks[number] = 1;
      }
    // Term by term, a record keeps going only if it held every term before (once, though it may be
    // in several of a term's lists).
    for (let t = 0; t < rest.length; t++) {
      const before = t + 1;
      for (const list of rest[t] as List[])
        for (let i = 0; i < list.length; i++) {
          const number = list[i] as number;
          if (marks[number] === before) marks[number] = before + 1;
        }
    }
    const all = wanted.length;
    const best: number[] = [];
    let total = 0;
    const ranks = this.ranks;
    const better = (a: number, b: number) =>
      (ranks[a] as number) > (ranks[b] as number) || (ranks[a] === ranks[b] && a < b);
    for (const list of first) {
      for (let i = 0; i < list.length; i++) {
        const number = list[i] as number;
        if (marks[number] === all) {
          total++;
          if (best.length < limit || better(number, best[best.length - 1] as number)) {
            let at = best.length;
            while (at > 0 && better(number, best[at - 1] as number)) at--;
            best.splice(at, 0, number);
            if (best.length > limit) best.pop();
          }
        }
        // Counted once, even when a record is in two lists of one term; cleared for the next search.
        marks[number] = 0;
      }
    }
    return { keys: best.map((number) => this.keys[number] as string), total };
  }

  /** Bytes held by the packed and growing parts and the record table (an estimate for the growing part). */
  memoryEstimate(): number {
    let strings = 0;
    for (const word of this.words) strings += 16 + word.length * 2;
    let merged = 0;
    for (const [prefix, list] of this.prefixLists) merged += 16 + prefix.length * 2 + list.byteLength;
    let fresh = 0;
    for (const [word, list] of this.fresh) fresh += 16 + word.length * 2 + list.length * 8;
    const keys = this.keys.length * (8 + 16 + 36) + this.numberOf.size * 40;
    return (
      this.postings.byteLength +
      this.offsets.byteLength +
      strings +
      merged +
      fresh +
      keys +
      this.ranks.byteLength +
      this.removed.byteLength +
      this.marks.byteLength
    );
  }
}
