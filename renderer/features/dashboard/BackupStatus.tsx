import '../backup/backup.css';
import { differenceInCalendarDays, formatDistance } from 'date-fns';
import { formatDisplayMoment } from '../../domain/date-format';
import type { ClinicSettings } from '../../domain/types';
import { useSettings } from '../../hooks/useSettings';
import { ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';

/** Past this many days without a backup the card warns (when the clinic has not chosen its own limit). */
export const DEFAULT_BACKUP_WARN_DAYS = 7;

export type BackupAge = { state: 'never' } | { state: 'recent' | 'overdue'; days: number; at: string };

/** How old the last backup is, against the clinic's limit. Pure, so it is easy to test. */
export function backupAge(lastBackupAt: string | null, warnDays: number, now: Date): BackupAge {
  if (!lastBackupAt) return { state: 'never' };
  const days = differenceInCalendarDays(now, new Date(lastBackupAt));
  return { state: days > warnDays ? 'overdue' : 'recent', days, at: lastBackupAt };
}

type BackupHistory = Pick<
  ClinicSettings,
  'lastBackupAt' | 'lastManualBackupAt' | 'lastAutoBackupAt' | 'restoredFrom'
>;

function when(iso: string, now: Date): string {
  return `${formatDistance(new Date(iso), now, { addSuffix: true })} (${formatDisplayMoment(iso)})`;
}

/**
 * What the card says besides the warning: where the records came from right after a restore, and the
 * last backup of each kind. Pure, so it is easy to test.
 */
export function backupHistoryLines(history: BackupHistory, now: Date): string[] {
  const lines: string[] = [];
  const restored = history.restoredFrom;
  if (restored)
    lines.push(
      restored.source === 'backup'
        ? `Your records came from the backup made on ${formatDisplayMoment(restored.madeAt)} (restored ${formatDistance(new Date(restored.restoredAt), now, { addSuffix: true })}).`
        : `Your records were put back as they were on ${formatDisplayMoment(restored.madeAt)}, from a safety copy.`,
    );
  const manual = history.lastManualBackupAt ?? null;
  const automatic = history.lastAutoBackupAt ?? null;
  if (!manual && !automatic) {
    // Records from before the two kinds were told apart know only the latest backup.
    if (history.lastBackupAt) lines.push(`Last backup: ${when(history.lastBackupAt, now)}.`);
    return lines;
  }
  lines.push(manual ? `Last backup made by hand: ${when(manual, now)}.` : 'No backup made by hand yet.');
  lines.push(automatic ? `Last automatic backup: ${when(automatic, now)}.` : 'No automatic backup yet.');
  return lines;
}

/** The dashboard card: the last backups, where the records came from after a restore, and a warning when too old. */
export function BackupStatus() {
  const settings = useSettings();
  if (!settings) return null;
  const now = new Date();
  const warnDays = settings.backupWarnDays || DEFAULT_BACKUP_WARN_DAYS;
  const age = backupAge(settings.lastBackupAt, warnDays, now);
  const warn = age.state !== 'recent';
  const lines = backupHistoryLines(settings, now);
  return (
    <Card title="Backups" className={warn ? 'card--warning' : undefined}>
      {age.state === 'never' && (
        <p role="alert">No backup has been made yet. If this computer fails, every record would be lost.</p>
      )}
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {age.state === 'overdue' && (
        <p role="alert">The last backup is more than {warnDays} days old — please make a new one.</p>
      )}
      <ButtonLink to="/backup" variant={warn ? 'primary' : 'quiet'}>
        Back up now
      </ButtonLink>
    </Card>
  );
}
