import { useSyncExternalStore } from 'react';
import type { Checkpoint } from '../domain/questionnaires/types';
import type { Id } from '../domain/types';

// The private hand-over: while one is under way, the whole window shows only that questionnaire (the
// shell renders nothing else). It is kept in the tab's session storage, so a reload or a typed address
// comes back to the questionnaire rather than to the manager's screens. Ids only: no answer, no name.

export interface HandOver {
  questionnaireId: Id;
  personId: Id;
  relationshipId: Id | null;
  checkpoint: Checkpoint | null;
  /** The manager's screen to go back to when the lock is off. */
  returnTo: string;
}

const STORAGE_KEY = 'guiding-hands:hand-over';
const listeners = new Set<() => void>();
let cached: { raw: string | null; value: HandOver | null } = { raw: null, value: null };

function read(): HandOver | null {
  let raw: string | null = null;
  try {
    raw = window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    raw = null;
  }
  if (raw === cached.raw) return cached.value;
  let value: HandOver | null = null;
  try {
    value = raw ? (JSON.parse(raw) as HandOver) : null;
  } catch {
    value = null;
  }
  cached = { raw, value };
  return value;
}

function write(value: HandOver | null): void {
  try {
    if (value) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the hand-over still holds for this page, in memory.
    cached = { raw: value ? JSON.stringify(value) : null, value };
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The hand-over under way, or null. */
export function useHandOver(): HandOver | null {
  return useSyncExternalStore(subscribe, read);
}

/** Plain functions, not hooks: the manager starts a hand-over; the shell ends it. */
export const handOverActions = {
  start(handOver: Omit<HandOver, 'returnTo'>): void {
    write({ ...handOver, returnTo: window.location.hash.replace(/^#/, '') || '/' });
  },
  /** Ends the hand-over; returns where the manager was. Called only from the shell (app/hand-over-end). */
  clear(): string {
    const returnTo = read()?.returnTo ?? '/';
    write(null);
    return returnTo;
  },
};
