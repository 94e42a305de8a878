import '../backup/backup.css';
import { differenceInCalendarDays, formatDistanceToNow } from 'date-fns';
import { formatDisplayMoment } from '../../domain/date-format';
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

/** The dashboard card: when the last backup was made, with a warning when it is too old or never made. */
export function BackupStatus() {
  const settings = useSettings();
  if (!settings) return null;
  const warnDays = settings.backupWarnDays || DEFAULT_BACKUP_WARN_DAYS;
  const age = backupAge(settings.lastBackupAt, warnDays, new Date());
  const warn = age.state !== 'recent';
  return (
    <Card title="Backups" className={warn ? 'card--warning' : undefined}>
      {age.state === 'never' ? (
        <p role="alert">No backup has been made yet. If this computer fails, every record would be lost.</p>
      ) : (
        <p role={warn ? 'alert' : undefined}>
          Last backup: {formatDistanceToNow(new Date(age.at), { addSuffix: true })} (
          {formatDisplayMoment(age.at)}).
          {warn && ` That is more than ${warnDays} days ago — please make a new one.`}
        </p>
      )}
      <ButtonLink to="/backup" variant={warn ? 'primary' : 'quiet'}>
        Back up now
      </ButtonLink>
    </Card>
  );
}
