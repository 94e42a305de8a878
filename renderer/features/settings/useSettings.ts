import { useLiveQuery } from 'dexie-react-hooks';
import { getSettings } from '../../data/settings.repo';
import type { ClinicSettings } from '../../domain/types';

/** The clinic's settings, kept live; undefined while they load. */
export function useSettings(): ClinicSettings | undefined {
  return useLiveQuery(() => getSettings(), []);
}
