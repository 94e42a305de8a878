import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';

// The meetings' notes live in a table of their own, meetingNotes (schema version 23): `{ id, notes }`
// under the meeting's id, no other index. A meeting and its note are written and removed together at
// the database boundary, so no repository, import, restore or sample loader can leave a note behind or
// a meeting without its note: a meeting written with `notes` has them moved to meetingNotes in the same
// request's transaction (sealed on the way, by the clinic lock's layer), and removing meetings removes
// their notes. Reading them back is the repositories' choice (a report reads meetings without notes):
// see withNotes. Every transaction that writes meetings therefore includes meetingNotes.

export const MEETING_NOTES = 'meetingNotes';

type Row = Record<string, unknown>;

/**
 * The notes carried by the written meetings, taken off them: the meetings go on without them. Each note
 * keeps the index of its meeting in the request. A meeting read with a note that would not open carries
 * the mark (UnreadableMark): it moves to the note, so the sealing layer keeps the damaged note as it is
 * stored unless a new one was typed; the meeting itself is stored without it.
 */
function splitNotes(
  values: readonly unknown[],
  always: boolean,
): { meetings: Row[]; notes: [number, Row][] } {
  const meetings: Row[] = [];
  const notes: [number, Row][] = [];
  values.forEach((value, index) => {
    const meeting = value as Row;
    const hasNotes = Object.hasOwn(meeting, 'notes');
    const hasMark = Object.hasOwn(meeting, '$unreadable');
    if (!hasNotes && !hasMark) {
      meetings.push(meeting);
      // A new meeting always has a note, empty when none was given.
      if (always) notes.push([index, { id: meeting.id, notes: '' }]);
      return;
    }
    const { notes: text, $unreadable: mark, ...rest } = meeting;
    meetings.push(rest);
    if (!hasNotes && !always) return;
    const note: Row = { id: meeting.id, notes: text ?? '' };
    const sealed = (mark as Row | undefined)?.notes;
    if (sealed !== undefined) note.$unreadable = { notes: sealed };
    notes.push([index, note]);
  });
  return { meetings, notes };
}

function withoutNotesField<T extends Row | undefined>(spec: T): T {
  if (!spec || !Object.hasOwn(spec, 'notes')) return spec;
  const { notes: _notes, ...rest } = spec;
  return rest as T;
}

/**
 * Registered after the clinic lock's sealing layer, so above it: the notes it writes to meetingNotes go
 * down through that layer and are sealed like any write.
 */
export function meetingNotesMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'meetingNotes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'meetings') return table;
        const notesTable = () => down.table(MEETING_NOTES);
        // Said in words rather than IndexedDB's "object store not found": a mistake in the code, not data.
        const checkScope = (trans: DBCoreTransaction) => {
          const names = (trans as unknown as IDBTransaction).objectStoreNames;
          if (names && !names.contains(MEETING_NOTES))
            throw new Error(
              'Meetings are written and removed with their notes: include meetingNotes in the transaction.',
            );
        };
        const writeNotes = async (trans: DBCoreTransaction, type: 'add' | 'put', notes: Row[]) => {
          if (notes.length === 0) return;
          const result = await notesTable().mutate({ type, trans, values: notes });
          if (result.numFailures > 0) throw Object.values(result.failures)[0];
        };
        return {
          ...table,
          mutate: async (request: DBCoreMutateRequest) => {
            if (request.type === 'delete' || request.type === 'deleteRange') checkScope(request.trans);
            if (request.type === 'add' || request.type === 'put') {
              const { meetings, notes } = splitNotes(request.values, request.type === 'add');
              if (notes.length > 0) checkScope(request.trans);
              const changed: DBCoreMutateRequest = {
                ...request,
                values: meetings,
                ...(request.type === 'put' && request.changeSpec
                  ? { changeSpec: withoutNotesField(request.changeSpec) }
                  : {}),
              };
              const result = await table.mutate(changed);
              // Only the notes of the meetings written: a meeting refused (a duplicate id) keeps none.
              const failed = new Set(Object.keys(result.failures).map(Number));
              const written = notes.filter(([index]) => !failed.has(index)).map(([, note]) => note);
              // Put, also where the meeting was added: the note belongs to the meeting just written.
              await writeNotes(request.trans, 'put', written);
              return result;
            }
            if (request.type === 'delete') {
              const result = await table.mutate(request);
              await notesTable().mutate({ type: 'delete', trans: request.trans, keys: request.keys });
              return result;
            }
            const result = await table.mutate(request);
            await notesTable().mutate({ type: 'deleteRange', trans: request.trans, range: request.range });
            return result;
          },
        };
      },
    }),
  };
}

/** A meeting's note as read (opened by the clinic lock's reading hook; marked if it did not open). */
export type ReadNote = { notes: string; $unreadable?: Readonly<Record<string, unknown>> } | undefined;

/** The meeting with its note (read from meetingNotes), the note's unreadable mark carried over. */
export function joinNote<T extends object>(meeting: T, note: ReadNote): T & { notes: string } {
  const joined = { ...meeting, notes: note?.notes ?? '' };
  if (note?.$unreadable) (joined as Row).$unreadable = note.$unreadable;
  return joined;
}
