import { searchKey } from '../text';

// The words of a text as the clinic search keeps them: no accents, no capitals ("Résilience" and
// "resilience" are one word), split at anything that is not a letter or a digit. What the manager types is
// read the same way; the last word, while it is still being typed, matches as the start of a word once
// it has two letters (one letter begins most words of every note: it would find nearly everything, slowly).

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Longer words are cut: nobody types 40 letters to find a note, and the index stays small. */
export const MAX_WORD_LENGTH = 24;
/** A query keeps at most this many words; more narrow nothing in practice. */
export const MAX_QUERY_WORDS = 8;
/** A word still being typed matches as the start of longer words from this many letters. */
export const MIN_PREFIX_LENGTH = 2;

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
  /** A word still being typed that is too short to search yet (one letter); it is left out meanwhile. */
  tooShort: string | null;
}

/** What the manager typed, as words to find. An empty query has no words and no prefix. */
export function parseQuery(typed: string): SearchQuery {
  const found = [...searchKey(typed).matchAll(WORD)].map((match) => match[0].slice(0, MAX_WORD_LENGTH));
  const stillTyping = found.length > 0 && !/[^\p{L}\p{M}\p{N}]$/u.test(typed);
  const typing = stillTyping ? (found.pop() ?? null) : null;
  const prefix = typing !== null && typing.length >= MIN_PREFIX_LENGTH ? typing : null;
  const tooShort = typing !== null && prefix === null ? typing : null;
  const words = [...new Set(found)].filter((word) => word !== prefix).slice(0, MAX_QUERY_WORDS - 1);
  return { words, prefix, tooShort };
}

/** Nothing to search: no whole word and no word typed far enough (the box may still hold one letter). */
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

/** A word to find: whole, or as the start of longer words. */
export interface Term {
  word: string;
  prefix: boolean;
}

/** What a record must hold to match one word of the query: any one of these terms. */
export type Alternatives = readonly Term[];

// A record can be found by the words of another record it refers to (a meeting by its topics' labels)
// without holding those words: it holds a token standing for the other record, and the query's words
// are turned into the tokens of the records whose words they match, when the query is asked. Renaming
// the other record then changes what finds the first at once, with nothing indexed again.
// A token starts with a character no word has, so no word typed ever matches it, whole or as a start.
const TOKEN_MARK = '#';

/** The token that stands for a referred record (e.g. a topic) in the index. */
export function referenceToken(id: string): string {
  return `${TOKEN_MARK}${id}`;
}

/** Whether an indexed word is a reference token rather than a word of a text. */
export function isReferenceToken(word: string): boolean {
  return word.startsWith(TOKEN_MARK);
}

/** A record that others refer to, with the words it is found by now (see wordsOf). */
export interface Reference {
  id: string;
  words: readonly string[];
}

/**
 * What each word of the query asks a record to hold: the word itself, or the token of any referred record
 * whose words hold it (whole, or as their start for the word still being typed).
 */
export function queryTerms(query: SearchQuery, references: readonly Reference[] = []): Alternatives[] {
  const termsFor = (word: string, prefix: boolean): Alternatives => {
    const terms: Term[] = [{ word, prefix }];
    for (const reference of references) {
      const holds = reference.words.some((own) => (prefix ? own.startsWith(word) : own === word));
      if (holds) terms.push({ word: referenceToken(reference.id), prefix: false });
    }
    return terms;
  };
  const required = query.words.map((word) => termsFor(word, false));
  if (query.prefix !== null) required.push(termsFor(query.prefix, true));
  return required;
}
