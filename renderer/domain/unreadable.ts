// A record read with clinic-lock sealed fields that would not open (the value was damaged, or copied
// from another record) carries them in `$unreadable`, by path: those fields read as the empty value of
// their kind and the rest of the record is shown. The mark is never stored (see data/lock/sealing.ts).

export interface UnreadableMark {
  /** The stored (sealed) values that did not open, by field path; opaque outside the database layer. */
  $unreadable?: Readonly<Record<string, unknown>>;
}

/** The paths of the record's sealed fields that could not be opened as it was read (empty: none). */
export function unreadableFields(record: object | null | undefined): string[] {
  const marked = (record as UnreadableMark | null | undefined)?.$unreadable;
  return marked ? Object.keys(marked) : [];
}

/** Shown where a meeting's note would be when it could not be opened. */
export const UNREADABLE_MEETING_NOTE =
  'This note could not be opened: it was damaged or does not belong to this meeting. The rest of the meeting is shown.';
