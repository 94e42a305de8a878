import { useLiveQuery } from 'dexie-react-hooks';
import { getSettings, updateSettings } from '../data/settings.repo';
import type { ClinicSettings } from '../domain/types';

/** The clinic's settings, kept live; undefined while they load. */
export function useSettings(): ClinicSettings | undefined {
  return useLiveQuery(() => getSettings(), []);
}

// Plain objects, not hooks: the same object on every render, so effects that use them never rerun.
/** Changing the clinic's settings (name, paper size, backup reminder, first-run state). */
export const settingsActions = { update: updateSettings };
