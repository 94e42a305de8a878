import { searchKey } from './text';
import { type Id, type Person, PROFESSION_LABELS } from './types';

// The order of the People list, for each of its columns, and the keys that make it an index order.
//
// Each column sorts by what it shows, as a person reads it: accents and capitals ignored, "Room 2" before
// "Room 10", spaces before punctuation before digits before letters. The shown text becomes a sort key
// (collationKey) compared code unit by code unit, as an index compares it, so a page of the list sorted
// by a column is a range of that column's index (schema version 19) and the whole list sorted in memory
// (sortPeople) is the very same order:
// - the column's keys in the direction asked;
// - blank values (no specialty, no tags) last, whichever the direction;
// - people with the same value in the name order of the list sorted by name, ascending either way: their
//   name's search key (accents and capitals ignored), then their id. Two names differing only by accents
//   or capitals ("Lea Martin", "Léa Martin") are in the order of their ids, as in the list sorted by name.

export const PEOPLE_COLUMNS = ['Name', 'Profession', 'Specialty', 'Role', 'Tags'] as const;
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];

/** The columns other than the name, each with a sort key kept beside every person. */
export type KeyedColumn = Exclude<PeopleColumn, 'Name'>;
export const KEYED_COLUMNS: readonly KeyedColumn[] = ['Profession', 'Specialty', 'Role', 'Tags'];

export type SortDirection = 'ascending' | 'descending';

type Shown = Pick<Person, 'profession' | 'specialty' | 'isMentor' | 'isMentee' | 'tags'>;

export function roleLabel(person: Pick<Person, 'isMentor' | 'isMentee'>): string {
  if (person.isMentor && person.isMentee) return 'Mentor and mentee';
  return person.isMentor ? 'Mentor' : 'Mentee';
}

/**
 * The text a column other than the name shows for a person, which is what it sorts by. A record written
 * before a field existed (a schema upgrade reads it as stored) may lack the specialty or the tags.
 */
export function shownText(person: Shown, column: KeyedColumn): string {
  switch (column) {
    case 'Profession':
      return PROFESSION_LABELS[person.profession] ?? '';
    case 'Specialty':
      return (person.specialty ?? '').trim();
    case 'Role':
      return roleLabel(person);
    case 'Tags':
      return (person.tags ?? []).join(', ');
  }
}

// Character classes in reading order; each mark sorts below every letter, digit and punctuation mark.
const SPACE = '\u0001';
const PUNCTUATION = '\u0002';
const DIGITS = '\u0003';

/**
 * A text as a sort key, compared code unit by code unit: letters lose their accents and capitals (the
 * search key's letters); a run of spaces is one low mark; any other character that is neither a letter
 * nor a digit is a mark above it followed by the character; a run of digits is a mark, its length
 * (leading zeros dropped) as one character, and the digits, so that 2 comes before 10. A text with nothing
 * to sort by has the empty key, which is the blank value.
 */
export function collationKey(text: string): string {
  let key = '';
  for (const [part] of searchKey(text).matchAll(/\s+|\d+|\p{L}+|[^\s\d\p{L}]/gu)) {
    if (/^\s/.test(part)) key += SPACE;
    else if (/^\d/.test(part)) {
      const digits = part.replace(/^0+(?=\d)/, '');
      key += DIGITS + String.fromCharCode(0x20 + digits.length) + digits;
    } else if (/^\p{L}/u.test(part)) key += part;
    else key += PUNCTUATION + part;
  }
  return key;
}

/** A person's sort key for a column other than the name (empty when the column shows nothing). */
export function columnSortKey(person: Shown, column: KeyedColumn): string {
  return collationKey(shownText(person, column));
}

/** Where a person stands in the list sorted by a column: the column's key, their name key, their id. */
export interface SortedPosition {
  key: string;
  nameKey: string;
  id: Id;
}

export function sortedPosition(
  person: Shown & Pick<Person, 'id' | 'name'>,
  column: KeyedColumn,
): SortedPosition {
  return { key: columnSortKey(person, column), nameKey: searchKey(person.name), id: person.id };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The list's order by a column other than the name: negative when `a` comes first. */
export function compareSorted(a: SortedPosition, b: SortedPosition, direction: SortDirection): number {
  if ((a.key === '') !== (b.key === '')) return a.key === '' ? 1 : -1;
  const sign = direction === 'ascending' ? 1 : -1;
  return sign * compareText(a.key, b.key) || compareText(a.nameKey, b.nameKey) || compareText(a.id, b.id);
}

/** The list's order by name: the name's search key, then the id, in the direction asked. */
export function compareByName(
  a: Pick<Person, 'id' | 'name'>,
  b: Pick<Person, 'id' | 'name'>,
  direction: SortDirection,
): number {
  const sign = direction === 'ascending' ? 1 : -1;
  return sign * (compareText(searchKey(a.name), searchKey(b.name)) || compareText(a.id, b.id));
}
