// A record read with clinic-lock sealed fields that would not open (the value was damaged, or copied
// from another record) carries them in `$unreadable`, by path: those fields read as the empty value of
// their kind and the rest of the record is shown. The mark is never stored (see data/lock/sealing.ts).

/**
 * The field of a stored record holding its sealed fields together (a table with several, schema version
 * 25). In a mark, it names them all: they did not open, together.
 */
export const FIELDS_SEALED_TOGETHER = '$sealedFields';

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

/** How each sealed field is named to the manager when it could not be opened. */
const FIELD_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  meetings: { notes: 'the notes' },
  meetingNotes: { notes: 'the notes' },
  actionItems: { text: 'the text' },
  relationships: {
    endReason: 'why it ended early',
    'capacityOverride.reason': "why the mentor's limit was passed",
  },
  recognitions: { text: 'the text' },
  milestones: { description: 'the description' },
  goals: { title: 'the title', details: 'the details', steps: 'the steps', dropReason: 'why it was dropped' },
  goalProgress: { note: 'the note' },
};

/** "a, b and c". */
function listed(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * In plain words, which fields of a record could not be opened, or null when every field opened.
 * `what` names the record ("this goal", "this milestone").
 */
export function unreadableMessage(
  table: string,
  record: object | null | undefined,
  what: string,
): string | null {
  const fields = unreadableFields(record);
  if (fields.length === 0) return null;
  const words = fields.flatMap((field) =>
    field === FIELDS_SEALED_TOGETHER
      ? Object.values(FIELD_WORDS[table] ?? { field: 'a field' })
      : [FIELD_WORDS[table]?.[field] ?? 'a field'],
  );
  const subject = listed([...new Set(words)]);
  const verb = words.length === 1 ? 'was' : 'were';
  return `Part of ${what} could not be opened: ${subject} ${verb} damaged or ${words.length === 1 ? 'does' : 'do'} not belong to it. The rest is shown.`;
}
