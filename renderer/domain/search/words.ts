import { searchKey } from '../text';

// The words of a text as the clinic search keeps them: no accents, no capitals ("Résilience" and
// "resilience" are one word), split at anything that is not a letter or a digit. What the manager types is
// read the same way; the last word, while it is still being typed, matches as the start of a word.

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Longer words are cut: nobody types 40 letters to find a note, and the index stays small. */
export const MAX_WORD_LENGTH = 24;
/** A query keeps at most this many words; more narrow nothing in practice. */
export const MAX_QUERY_WORDS = 8;

/** Every distinct word of a text, as search keys, in no particular order. */
export function wordsOf(text: string): string[] {
  const words = new Set<string>();
  for (const match of searchKey(text).matchAll(WORD)) words.add(match[0].slice(0, MAX_WORD_LENGTH));
  return [...words];
}

export interface SearchQuery {
  /** Whole words every result must hold. */
  words: string[];
  /** The word still being typed: a result must hold a word that starts with it; null after a space. */
  prefix: string | null;
}

/** What the manager typed, as words to find. An empty query has no words and no prefix. */
export function parseQuery(typed: string): SearchQuery {
  const found = [...searchKey(typed).matchAll(WORD)].map((match) => match[0].slice(0, MAX_WORD_LENGTH));
  const stillTyping = found.length > 0 && !/[^\p{L}\p{M}\p{N}]$/u.test(typed);
  const prefix = stillTyping ? (found.pop() ?? null) : null;
  const words = [...new Set(found)].filter((word) => word !== prefix).slice(0, MAX_QUERY_WORDS - 1);
  return { words, prefix };
}

export function isEmptyQuery(query: SearchQuery): boolean {
  return query.words.length === 0 && query.prefix === null;
}

/** A piece of a snippet: plain text, or a word that matched the query (shown highlighted). */
export interface SnippetPart {
  text: string;
  match: boolean;
}

function matchesQuery(key: string, query: SearchQuery): boolean {
  const word = key.slice(0, MAX_WORD_LENGTH);
  return query.words.includes(word) || (query.prefix !== null && word.startsWith(query.prefix));
}

/**
 * The matching words of a text in their context: a window of about `length` characters around the
 * first match, cut at spaces, with "…" where the text goes on, and each matching word marked. The
 * text is shown as written (accents and capitals kept); only the comparison ignores them.
 */
export function snippetOf(text: string, query: SearchQuery, length = 160): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const spans: { start: number; end: number }[] = [];
  for (const match of flat.matchAll(WORD)) {
    if (matchesQuery(searchKey(match[0]), query))
      spans.push({ start: match.index, end: match.index + match[0].length });
  }
  const first = spans[0];
  let start = 0;
  if (first && first.start > length / 3) {
    start = flat.lastIndexOf(' ', first.start - Math.floor(length / 3));
    start = start < 0 ? 0 : start + 1;
  }
  let end = Math.min(flat.length, start + length);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > (first?.end ?? start)) end = space;
  }
  const parts: SnippetPart[] = [];
  const push = (piece: string, match: boolean) => {
    if (piece) parts.push({ text: piece, match });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const span of spans) {
    if (span.start < start || span.end > end) continue;
    push(flat.slice(at, span.start), false);
    push(flat.slice(span.start, span.end), true);
    at = span.end;
  }
  push(flat.slice(at, end), false);
  if (end < flat.length) push('…', false);
  return parts;
}
