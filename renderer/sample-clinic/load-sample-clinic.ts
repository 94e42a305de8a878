import { addClinicRecords, type ClinicRecordsSummary } from '../data/clinic-records.repo';
import { toIsoDate } from '../domain/calendar';
import type { IsoDate } from '../domain/types';
import { generateSampleClinic } from './generate';
import type { SampleSize } from './types';

// The sample clinic's one door to the database: it generates the clinic and hands the records to a
// repository, which writes them in one transaction.

export interface LoadSampleClinicOptions {
  seed?: number;
  size?: SampleSize;
  /** The day the sample is built around; defaults to the real today. */
  today?: Date | IsoDate;
  /** Wipe the people, programs, pairs, meetings, action items and topics already there first. */
  replace?: boolean;
}

export type SampleLoadSummary = ClinicRecordsSummary;

export async function loadSampleClinic({
  seed = 1,
  size = 'demo',
  today = new Date(),
  replace = false,
}: LoadSampleClinicOptions = {}): Promise<SampleLoadSummary> {
  const clinic = generateSampleClinic({
    seed,
    size,
    today: typeof today === 'string' ? today : toIsoDate(today),
  });
  const sizeLabel = typeof size === 'string' ? size : 'custom';
  return addClinicRecords(clinic, {
    replace,
    auditNote: `Sample clinic loaded (${sizeLabel}, seed ${seed})`,
  });
}
