import type { Id } from './types';

// Records of the made-up sample clinic carry this prefix in their id. An id is kept by every write and
// by backups and restores, so the mark needs no field of its own and no schema change, and "Start for
// real" can tell the sample from what the manager entered, even after a restore.

export const SAMPLE_ID_PREFIX = 'sample-';

export function sampleId(id: Id): Id {
  return id.startsWith(SAMPLE_ID_PREFIX) ? id : `${SAMPLE_ID_PREFIX}${id}`;
}

export function isSampleId(id: Id): boolean {
  return id.startsWith(SAMPLE_ID_PREFIX);
}
