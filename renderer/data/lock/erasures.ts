import { SEALED_FIELDS, type SealedTable, unreadableValueOf } from './sealed-fields';

// What each sealed field is left with when its value can never be opened again: every value, when the
// clinic continues without its passphrase and recovery sheet (erase-all.ts); a damaged value met while
// the lock is turned off (seal-all.ts). Also what the manager reads before confirming an erase.

/** What a sealed field is left with once erased, and what the manager loses, in plain words. */
export interface FieldErasure {
  /** Completes "What is erased for good:", e.g. "meeting notes". */
  what: string;
  /**
   * The value left in the field: absent for the empty value of its kind (UNREADABLE_VALUES); a short
   * word where the app's rules need some text (a goal's title), so every record stays valid for backups.
   */
  value?: unknown;
  /** The record is removed instead: without this field it says nothing (who asked to be contacted). */
  removesRecord?: true;
}

/** Left in a field the app's rules require (a goal's title…), where the empty value would break them. */
export const ERASED_TEXT = '(erased)';

/** Every sealed field, how it is erased: a new field of SEALED_FIELDS fails to compile until it is here. */
export const ERASURES: {
  readonly [Table in SealedTable]: {
    readonly [Path in (typeof SEALED_FIELDS)[Table][number]]: FieldErasure;
  };
} = {
  meetingNotes: { notes: { what: 'meeting notes' } },
  actionItems: { text: { what: 'the text of action items' } },
  relationships: {
    endReason: { what: 'why a pairing ended early' },
    'capacityOverride.reason': { what: 'why a mentor was paired beyond their capacity' },
  },
  recognitions: { text: { what: 'the words of recognitions', value: ERASED_TEXT } },
  responses: {
    answers: { what: 'questionnaire answers, well-being checks included' },
    support: { what: 'whether support was offered after an answer' },
  },
  supportRequests: {
    personId: {
      what: 'who asked to be contacted after a well-being check (those requests are removed)',
      removesRecord: true,
    },
  },
  milestones: { description: { what: 'milestone descriptions' } },
  goals: {
    title: { what: `goal titles (each reads “${ERASED_TEXT}”)`, value: ERASED_TEXT },
    details: { what: 'goal details' },
    steps: { what: 'goal steps' },
    dropReason: { what: 'why a goal was dropped', value: ERASED_TEXT },
  },
  goalProgress: { note: { what: 'notes on goal progress' } },
};

export function erasureOf(table: string, path: string): FieldErasure {
  const erasure = (ERASURES as Record<string, Record<string, FieldErasure>>)[table]?.[path];
  if (!erasure) throw new Error(`The sealed field ${table}.${path} has no erasure.`);
  return erasure;
}

/** What is erased for good, in the order of SEALED_FIELDS, for the manager to read before confirming. */
export function erasedFieldDescriptions(): string[] {
  return Object.entries(SEALED_FIELDS).flatMap(([table, paths]) =>
    paths.map((path) => erasureOf(table, path).what),
  );
}

/** The value a sealed field is left with once erased (a fresh copy). */
export function erasedValueOf(table: string, path: string): unknown {
  const erasure = erasureOf(table, path);
  return erasure.value !== undefined ? structuredClone(erasure.value) : unreadableValueOf(table, path);
}
