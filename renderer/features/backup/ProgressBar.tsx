import type { BackupProgress } from './useBackup';

const PHASE_LABELS: Record<BackupProgress['phase'], string> = {
  reading: 'Reading your records',
  'writing-file': 'Writing the backup',
  encrypting: 'Encrypting',
  decrypting: 'Opening the backup',
  checking: 'Checking every record',
  'safety-copy': 'Keeping a safety copy of your current records',
  replacing: 'Replacing your records',
};

/** A labelled progress bar for long work (a native <progress>, so its role is progressbar). */
export function ProgressBar({ progress }: { progress: BackupProgress | null }) {
  if (!progress) return null;
  const label = PHASE_LABELS[progress.phase];
  const fraction = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  return (
    <div className="backup-progress">
      <progress aria-label={label} max={1} value={fraction} />
      <p aria-live="polite">
        {label}… {Math.round(fraction * 100)}%
      </p>
    </div>
  );
}
