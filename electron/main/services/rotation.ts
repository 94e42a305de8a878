import { format, getISOWeek, getISOWeekYear } from 'date-fns';
import type { Rotation } from '../../shared/ipc';

/**
 * Automatic backups are named `<name>-auto-<UTC timestamp>.age`, e.g.
 * `Riverside Clinic-auto-2026-03-01T02-00-00Z.age`. Rotation only ever touches names of this form, so a
 * backup the manager saved by hand, or any other file in the folder, is never deleted.
 */
const AUTO_BACKUP_NAME = /^(.+)-auto-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.age$/;

export function autoBackupFileName(requestedName: string, at: Date): string {
  const stem = requestedName.replace(/\.age$/i, '').replace(/-auto-[\dTZ-]+$/, '') || 'Guiding Hands';
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  return `${stem}-auto-${stamp}Z.age`;
}

/** The moment an automatic backup was made, read from its name; null for any other file. */
export function parseAutoBackupTime(fileName: string): Date | null {
  const match = AUTO_BACKUP_NAME.exec(fileName);
  if (!match) return null;
  const [, , year, month, day, hour, minute, second] = match;
  const time = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
  return Number.isNaN(time.getTime()) ? null : time;
}

export interface BackupFile {
  name: string;
  createdAt: Date;
}

export interface RotationPlan {
  keep: string[];
  remove: string[];
}

/**
 * Grandfather-father-son: keeps the newest backup of each of the last `daily` days that have a backup,
 * of each of the last `weekly` ISO weeks and of each of the last `monthly` months (local calendar), and
 * always the newest backup of all. Everything else is to be removed.
 */
export function planRotation(files: readonly BackupFile[], rotation: Rotation): RotationPlan {
  const newestFirst = [...files].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<string>();
  if (newestFirst.length > 0) keep.add(newestFirst[0].name);
  keepNewestPerPeriod(newestFirst, rotation.daily, (date) => format(date, 'yyyy-MM-dd'), keep);
  keepNewestPerPeriod(
    newestFirst,
    rotation.weekly,
    (date) => `${getISOWeekYear(date)}-W${getISOWeek(date)}`,
    keep,
  );
  keepNewestPerPeriod(newestFirst, rotation.monthly, (date) => format(date, 'yyyy-MM'), keep);
  return {
    keep: newestFirst.filter((file) => keep.has(file.name)).map((file) => file.name),
    remove: newestFirst.filter((file) => !keep.has(file.name)).map((file) => file.name),
  };
}

function keepNewestPerPeriod(
  newestFirst: readonly BackupFile[],
  periods: number,
  periodOf: (date: Date) => string,
  keep: Set<string>,
): void {
  const seen = new Set<string>();
  for (const file of newestFirst) {
    if (seen.size >= periods) return;
    const period = periodOf(file.createdAt);
    if (seen.has(period)) continue;
    seen.add(period);
    keep.add(file.name);
  }
}

/**
 * Picks the app's automatic backups out of a folder listing; other files are left out entirely. With a
 * `stem`, only backups of that name count, so two clinics (or computers) sharing one folder never
 * rotate away each other's backups.
 */
export function automaticBackupsIn(fileNames: readonly string[], stem?: string): BackupFile[] {
  const backups: BackupFile[] = [];
  for (const name of fileNames) {
    const createdAt = parseAutoBackupTime(name);
    if (createdAt && (stem === undefined || AUTO_BACKUP_NAME.exec(name)?.[1] === stem))
      backups.push({ name, createdAt });
  }
  return backups;
}

/** The name part of an automatic backup's file name ("Riverside Clinic"), or null for any other file. */
export function autoBackupStem(fileName: string): string | null {
  return AUTO_BACKUP_NAME.exec(fileName)?.[1] ?? null;
}
