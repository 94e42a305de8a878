import { useLiveQuery } from 'dexie-react-hooks';
import { getSettings, updateSettings } from '../data/settings.repo';
import type { ClinicSettings } from '../domain/types';

/** The clinic's settings, kept live; undefined while they load. */
export function useSettings(): ClinicSettings | undefined {
  return useLiveQuery(() => getSettings(), []);
}

// Built once, so every render gets the same object and effects that depend on it do not rerun.
const settingsActions = { update: updateSettings };

/** Changing the clinic's settings (name, paper size, backup reminder, first-run state). */
export function useSettingsActions(): typeof settingsActions {
  return settingsActions;
}
