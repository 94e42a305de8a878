import type { ClinicRecords, IsoDate } from '../domain/types';

// The shapes the sample clinic is asked for and hands back.

export interface SampleCounts {
  people: number;
  relationships: number;
  meetings: number;
}
export type SampleSize = 'demo' | 'large' | SampleCounts;

export interface SampleClinicOptions {
  seed: number;
  size: SampleSize;
  /** The day the sample is built around; every date is relative to it. */
  today?: IsoDate;
}

export type SampleClinic = ClinicRecords;
