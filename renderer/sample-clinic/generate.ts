import type { IsoDate } from '../domain/types';
import { ClinicBuilder } from './builder';
import { addRecordsAtScale } from './clinic-at-scale';
import { buildDemoClinic } from './demo-cast';
import { buildCountedClinic, LARGE_SAMPLE_COUNTS } from './large-clinic';
import { buildSampleQuestionnaires } from './questionnaires';
import { Random } from './random';
import type { SampleClinic, SampleClinicOptions } from './types';

// A deterministic sample clinic: the demo a new manager explores, and the large clinic benchmarks
// load. Same seed, size and today give the same records, ids included, so nothing here reads the
// clock or crypto: every choice comes from one seeded generator.

/** Used when the caller gives no `today`, so that a bare call is reproducible too. */
export const SAMPLE_DEFAULT_TODAY: IsoDate = '2026-01-15';

/** Builds a whole sample clinic, deterministically from the seed, size and today. */
export function generateSampleClinic({
  seed,
  size,
  today = SAMPLE_DEFAULT_TODAY,
}: SampleClinicOptions): SampleClinic {
  if (!Number.isInteger(seed)) throw new RangeError('The sample seed must be a whole number.');
  const builder = new ClinicBuilder(seed, today);
  if (size === 'demo') {
    const clinic = buildDemoClinic(builder);
    // Their own stream, so the records made before them stay exactly as they were for each seed.
    const rng = new Random(seed ^ 0x5eed);
    return {
      ...clinic,
      ...buildSampleQuestionnaires(rng, today, clinic.people, clinic.relationships, clinic.meetings),
    };
  }
  const clinic = buildCountedClinic(builder, size === 'large' ? { ...LARGE_SAMPLE_COUNTS } : size);
  return addRecordsAtScale(clinic, seed, today);
}
