import { useLiveQuery } from 'dexie-react-hooks';
import { earlySettings } from '../data/early-reads';
import { getSettings, updateSettings } from '../data/settings.repo';
import type { ClinicSettings } from '../domain/types';

/** The clinic's settings, kept live; undefined while they load. */
export function useSettings(): ClinicSettings | undefined {
  // The settings read as the page started (if they have arrived) serve until the live query answers.
  return useLiveQuery(() => getSettings(), [], earlySettings());
}

// Plain objects, not hooks: the same object on every render, so effects that use them never rerun.
/** Changing the clinic's settings (name, paper size, backup reminder, first-run state). */
export const settingsActions = { update: updateSettings };
