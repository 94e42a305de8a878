import { format as formatDate } from 'date-fns';
import { plainFileStem } from '../../domain/file-names';
import { TABLE_NAMES, type TableName } from '../db';

// The backup document's identity and version numbers. docs/backup-format.md describes every version;
// a change to the layout below means a new FORMAT_VERSION and a new section there.

export const BACKUP_FORMAT_NAME = 'guiding-hands-backup';
/** Version 1: the first format (age → gzip → line-laid-out JSON; see docs/backup-format.md). */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_FILE_EXTENSION = 'age';
export const BACKUP_FILE_FILTER = { name: 'Guiding Hands backup', extensions: [BACKUP_FILE_EXTENSION] };
/** Larger files are refused before they are read into memory. */
export const MAX_BACKUP_BYTES = 2 * 1024 * 1024 * 1024 - 1;

export type TableCounts = Record<TableName, number>;

/** Everything before the tables: what the restore screen shows before the manager confirms. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT_NAME;
  formatVersion: number;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  clinicName: string;
  counts: TableCounts;
  /** Present when records broke a rule as the backup was made: it was saved anyway, to be repaired. */
  needsRepair?: { problemCount: number };
}

export function emptyCounts(): TableCounts {
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, 0])) as TableCounts;
}

/**
 * "Riverside Clinic backup 2026-03-01.age": named after the clinic and the day it was made; a backup
 * saved with broken records says so in its name ("… 2026-03-01 needs repair.age").
 */
export function backupFileName(clinicName: string, when: Date, needsRepair = false): string {
  const mark = needsRepair ? ' needs repair' : '';
  return `${plainFileStem(clinicName, 'Guiding Hands')} backup ${formatDate(when, 'yyyy-MM-dd')}${mark}.${BACKUP_FILE_EXTENSION}`;
}

/** The stem for automatic backups; the main process adds the time and applies the rotation. */
export function autoBackupFileName(clinicName: string): string {
  return `${plainFileStem(clinicName, 'Guiding Hands')}.${BACKUP_FILE_EXTENSION}`;
}
