import type { BackupHeader } from './format';

// Every way a backup or a restore can fail has its own class, code and plain message, so the screen can
// say exactly what happened. A failed restore never changes anything, and each message says so.

export type BackupErrorCode =
  | 'empty-file'
  | 'not-a-backup'
  | 'wrong-passphrase'
  | 'recovery-key-needed'
  | 'wrong-recovery-key'
  | 'damaged'
  | 'newer-version'
  | 'work-factor-too-high'
  | 'invalid-data'
  | 'safety-copy-failed'
  | 'restore-failed'
  | 'disk-full';

export abstract class BackupError extends Error {
  abstract readonly code: BackupErrorCode;
}

export class EmptyBackupFileError extends BackupError {
  readonly code = 'empty-file';
  constructor() {
    super(
      'This file is empty, so it holds no backup. Pick the backup file again; if it was copied from a USB stick, the copy may not have finished.',
    );
  }
}

export class NotABackupError extends BackupError {
  readonly code = 'not-a-backup';
  constructor(readonly reason: string) {
    super(`This file is not a Guiding Hands backup: ${reason}`);
  }
}

export class WrongPassphraseError extends BackupError {
  readonly code = 'wrong-passphrase';
  constructor() {
    super(
      'That passphrase does not open this backup. Check for typing mistakes and Caps Lock, then try again. (If you are sure it is right, the file itself may be damaged.)',
    );
  }
}

/** An automatic backup of a locked clinic is encrypted to the recovery sheet, not with a passphrase. */
export class RecoveryKeyNeededError extends BackupError {
  readonly code = 'recovery-key-needed';
  constructor() {
    super(
      'This is an automatic backup of a clinic with the clinic lock: it opens with the recovery key from the recovery sheet (eight groups of four letters and digits), not with a passphrase. Type the recovery key.',
    );
  }
}

export class WrongRecoveryKeyError extends BackupError {
  readonly code = 'wrong-recovery-key';
  constructor() {
    super(
      'That recovery key does not open this backup: check each group against the recovery sheet. A backup made before the lock was set up again opens only with the sheet printed at that time.',
    );
  }
}

export class DamagedBackupError extends BackupError {
  readonly code = 'damaged';
  constructor(readonly reason: string) {
    super(
      `This backup file is damaged or incomplete (perhaps cut short while copying), so it cannot be read: ${reason}. Try another copy of the backup.`,
    );
  }
}

export class NewerBackupVersionError extends BackupError {
  readonly code = 'newer-version';
  constructor(
    readonly formatVersion: number,
    readonly schemaVersion: number,
  ) {
    super(
      'This backup was made by a newer version of Guiding Hands than the one on this computer. Update Guiding Hands, then restore the backup again.',
    );
  }
}

export class WorkFactorTooHighError extends BackupError {
  readonly code = 'work-factor-too-high';
  constructor(
    readonly workFactor: number,
    readonly supported: number,
  ) {
    super(
      `This backup was encrypted with a much slower setting than Guiding Hands uses (an scrypt work factor of ${workFactor}; this app opens up to ${supported}), so it cannot be opened here. The file is not damaged: the standard "age" tool can still open it. Nothing was changed.`,
    );
  }
}

/** One record that breaks a rule: which table, which record, which field and why. */
export interface BackupIssue {
  table: string;
  /** Position of the record in its table in the backup, counting from 1; 0 for the table itself. */
  position: number;
  recordId: string | null;
  field: string | null;
  problem: string;
}

export function describeIssue(issue: BackupIssue): string {
  // Position 0 stands for a whole table, not one of its records.
  if (issue.position === 0) return `the "${issue.table}" table: ${issue.problem}`;
  const record = issue.recordId ? `${issue.table} record "${issue.recordId}"` : `${issue.table} record`;
  const field = issue.field ? `, field "${issue.field}"` : '';
  return `${record} (number ${issue.position}${field}): ${issue.problem}`;
}

export class InvalidBackupDataError extends BackupError {
  readonly code = 'invalid-data';
  /** What the backup says of itself (clinic, date, counts), when it could be read that far. */
  header: BackupHeader | null = null;
  constructor(
    readonly issues: BackupIssue[],
    readonly totalIssues: number = issues.length,
  ) {
    const first = issues[0] ? describeIssue(issues[0]) : 'the data is not as expected';
    const more = totalIssues > 1 ? ` (and ${totalIssues - 1} more problem${totalIssues > 2 ? 's' : ''})` : '';
    super(`This backup holds data that breaks the app's rules, so nothing was restored. ${first}${more}.`);
  }
}

export class SafetyCopyError extends BackupError {
  readonly code = 'safety-copy-failed';
  constructor(readonly cause: unknown) {
    super(
      'A safety copy of your current records could not be saved, so nothing was restored. Your records are exactly as they were.',
    );
  }
}

export class RestoreWriteError extends BackupError {
  readonly code = 'restore-failed';
  constructor(readonly cause: unknown) {
    super(
      'The restore could not be completed (perhaps the disk is full), so nothing was changed: your records are exactly as they were.',
    );
  }
}

export class DiskFullError extends BackupError {
  readonly code = 'disk-full';
  constructor() {
    super(
      'The disk of this computer is full, so the backup could not be restored. Nothing was changed: your records are exactly as they were. Free some space on the disk (empty the Recycle Bin or Trash, or move large files elsewhere), then try again.',
    );
  }
}
