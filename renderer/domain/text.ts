// Text as the app stores and compares it. "José" typed on one keyboard and pasted from another can be
// two different strings (é as one code point, or e plus a combining accent): every text is stored in
// Unicode NFC, and every search and duplicate check compares keys that ignore the difference.

/** A text as stored: Unicode NFC, so the same words are always the same string. */
export function storedText(value: string): string {
  return value.normalize('NFC').trim();
}

/** A one-line text as stored (names, labels): NFC, trimmed, inner spaces collapsed to one. */
export function storedLine(value: string): string {
  return storedText(value).replace(/\s+/g, ' ');
}

// Letters that carry no combining mark to strip but that people type without their stroke.
const PLAIN_LETTERS: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

/**
 * A text for searching: no accents, no capitals, single spaces ("Léa  MARTIN" → "lea martin"). U+0000 is
 * dropped: it separates the parts of the people's word-and-name index, so no key may hold it.
 */
export function searchKey(value: string): string {
  return value
    .replaceAll('\u0000', '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øłđßæœı]/g, (letter) => PLAIN_LETTERS[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of what the manager typed in a search box, as search keys. */
export function searchWords(query: string): string[] {
  return searchKey(query).split(' ').filter(Boolean);
}

/** Whether every word typed appears in one of the fields, whatever the accents and capitals. */
export function matchesSearch(words: readonly string[], fields: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = searchKey(fields.join(' '));
  return words.every((word) => haystack.includes(word));
}

/** Two people are the same when name and e-mail match, whatever the capitals, spaces and Unicode form. */
export function personKey(name: string, email: string): string {
  return `${storedLine(name).toLowerCase()}\u0000${storedText(email).toLowerCase()}`;
}
