import { MAX_WORD_LENGTH, wordsOf } from './search/words';
import { searchKey } from './text';
import type { Person } from './types';

// How the People list, the mentee and mentor choices of New pairing and the pair picker of "Log a
// meeting" match what is typed: every word typed must be the start of a word of the person (their name,
// e-mail, specialty or a tag), accents and capitals ignored. "mar" finds Martin and Marie, not Omar;
// "lea.martin@" finds lea.martin@clinic.example (its words "lea" and "martin"). Matching word starts,
// not any part of a word, is what lets an index answer a search (the database keeps each person's words,
// see derived-fields.ts), so a search costs the same at any clinic size.

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words typed in a search box, as search keys split like the words they are matched against. */
export function searchTerms(typed: string): string[] {
  const found = [...searchKey(typed).matchAll(WORD)].map((match) => match[0].slice(0, MAX_WORD_LENGTH));
  // A term that starts another one typed adds nothing ("mar martin" is "martin").
  return [...new Set(found)].filter(
    (term, _, all) => !all.some((other) => other !== term && other.startsWith(term)),
  );
}

/** The distinct words of some texts, as search keys, sorted. */
export function wordsOfTexts(texts: readonly string[]): string[] {
  return wordsOf(texts.join(' ')).sort();
}

/** The words a People search matches: those of the name, e-mail, specialty and tags. */
export function personWords(person: Pick<Person, 'name' | 'email' | 'specialty' | 'tags'>): string[] {
  return wordsOfTexts([
    person.name ?? '',
    person.email ?? '',
    person.specialty ?? '',
    ...(person.tags ?? []),
  ]);
}

/** The words of a person's name and e-mail only (the pair picker finds a pair by them). */
export function nameAndEmailWords(person: Pick<Person, 'name' | 'email'>): string[] {
  return wordsOfTexts([person.name ?? '', person.email ?? '']);
}

/** Whether every term starts one of the words (no term: everything matches). */
export function termsMatch(terms: readonly string[], words: readonly string[]): boolean {
  return terms.every((term) => words.some((word) => word.startsWith(term)));
}

/** Whether every term typed starts a word of these texts. */
export function textsMatch(terms: readonly string[], texts: readonly string[]): boolean {
  return terms.length === 0 || termsMatch(terms, wordsOfTexts(texts));
}
