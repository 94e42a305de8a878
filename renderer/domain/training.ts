import { addDaysIso, addMonthsIso, daysBetween } from './calendar';
import type { IsoDate, TrainingAtPairing, TrainingRecord } from './types';

// Whether a mentor's training is current on a day. A completion counts from the day it was completed to
// its renew-by day, both included; a renewal is simply a later completion, so currency carries across
// renewals done in time and lapses in the days between a renew-by and a late renewal.

export const DEFAULT_RENEWAL_MONTHS = 12;
/** The dashboard warns this many days before a mentor's training lapses. */
export const LAPSING_WITHIN_DAYS = 30;

export type TrainingState = 'current' | 'lapsing' | 'lapsed' | 'none';

export interface TrainingStatus {
  state: TrainingState;
  /** The furthest renew-by among completions up to the day (null when there are none). */
  renewBy: IsoDate | null;
}

export type TrainingDates = Pick<TrainingRecord, 'completedOn' | 'renewBy'>;

/** The renew-by day of a completion: the same day `months` later. */
export function renewByFor(completedOn: IsoDate, months: number = DEFAULT_RENEWAL_MONTHS): IsoDate {
  return addMonthsIso(completedOn, months);
}

/** True when one of the completions covers `day`. */
export function isTrainingCurrentOn(records: readonly TrainingDates[], day: IsoDate): boolean {
  return records.some((record) => record.completedOn <= day && day <= record.renewBy);
}

/** A mentor's training on `day`: current, current but lapsing within 30 days, lapsed, or never done. */
export function trainingStatusOn(records: readonly TrainingDates[], day: IsoDate): TrainingStatus {
  let renewBy: IsoDate | null = null;
  for (const record of records)
    if (record.completedOn <= day && (renewBy === null || record.renewBy > renewBy)) renewBy = record.renewBy;
  if (renewBy === null) return { state: 'none', renewBy: null };
  if (renewBy < day) return { state: 'lapsed', renewBy };
  // Completions dated later than the day cover nothing yet; the furthest renew-by covers the day here.
  const state = renewBy <= addDaysIso(day, LAPSING_WITHIN_DAYS) ? 'lapsing' : 'current';
  return { state, renewBy };
}

/** What a new pairing remembers of its mentor's training on its start date: null unless it had lapsed. */
export function trainingAtPairing(
  records: readonly TrainingDates[],
  startDate: IsoDate,
): TrainingAtPairing | null {
  const status = trainingStatusOn(records, startDate);
  return status.state === 'lapsed' && status.renewBy ? { state: 'lapsed', renewBy: status.renewBy } : null;
}

/** Days from `day` to the renew-by day (negative once lapsed). */
export function daysUntilRenewal(renewBy: IsoDate, day: IsoDate): number {
  return daysBetween(day, renewBy);
}
