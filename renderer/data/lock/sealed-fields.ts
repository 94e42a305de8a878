// The fields the clinic lock seals at rest: every free-text field and every answer about a person.
// Names, pairings, dates and counts stay plain so that indexes, the dashboard and the reports work.
// A path is a field of the record, or a field of an object inside it ("capacityOverride.reason").
// Any JSON value can be sealed (a string, an array of steps, a questionnaire's answers); null and
// absent values stay as they are. Since schema version 25, a table with one sealed field keeps its
// value sealed in that field, an empty one ('') left plain (the length of a sealed value says as much);
// a table with several keeps them all in one sealed value of the record (SEALED_RECORD_FIELD in
// seal.ts). Every table listed here has a string primary key `id`: the sealed
// value is bound to its table, record and field, so it cannot be moved to another record.
// A new sensitive field is added here and nowhere else: the database layer (sealing.ts) seals it on
// every write and opens it on every read; backups and restores follow this list too.

export const SEALED_FIELDS = {
  // The meetings' notes, in a table of their own since schema version 23 (still bound to the meeting).
  meetingNotes: ['notes'],
  actionItems: ['text'],
  relationships: ['endReason', 'capacityOverride.reason'],
  recognitions: ['text'],
  // A person's answers and whether support was offered and taken: the most sensitive records kept.
  responses: ['answers', 'support'],
  // Who asked the program manager to get in touch after a high burnout answer.
  supportRequests: ['personId'],
  milestones: ['description'],
  goals: ['title', 'details', 'steps', 'dropReason'],
  goalProgress: ['note'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type SealedTable = keyof typeof SEALED_FIELDS;

/**
 * What a sealed field reads as when its value cannot be opened (it was damaged, or copied from another
 * record): the empty value of its kind, so the record stays whole for the screens. The record says which
 * fields these are (see unreadableFields in sealing.ts), and the stored value is left as it is.
 */
export const UNREADABLE_VALUES: {
  readonly [Table in SealedTable]: { readonly [Path in (typeof SEALED_FIELDS)[Table][number]]: unknown };
} = {
  meetingNotes: { notes: '' },
  actionItems: { text: '' },
  relationships: { endReason: '', 'capacityOverride.reason': '' },
  recognitions: { text: '' },
  responses: { answers: {}, support: 'not-offered' },
  supportRequests: { personId: '' },
  milestones: { description: '' },
  goals: { title: '', details: '', steps: [], dropReason: '' },
  goalProgress: { note: '' },
};

/** A fresh copy of the empty value a field reads as when it cannot be opened. */
export function unreadableValueOf(table: string, path: string): unknown {
  const values = (UNREADABLE_VALUES as Record<string, Record<string, unknown>>)[table];
  const value = values?.[path];
  return value === undefined ? null : structuredClone(value);
}

export function sealedPathsOf(table: string): readonly string[] {
  return (SEALED_FIELDS as Record<string, readonly string[]>)[table] ?? [];
}

/** True for a table whose sealed fields are sealed together, as one value of the record. */
export function sealsTogether(table: string): boolean {
  return sealedPathsOf(table).length > 1;
}

/**
 * True when a field of a table with one sealed field holds the empty value of its kind, which is not
 * sealed: a sealed value's length already says that it is empty, so sealing it hides nothing.
 */
export function isEmptyValue(table: string, path: string, value: unknown): boolean {
  const empty = (UNREADABLE_VALUES as Record<string, Record<string, unknown>>)[table]?.[path];
  return value === empty || (typeof empty === 'object' && JSON.stringify(value) === JSON.stringify(empty));
}
