import { WorkProgress } from '../../ui/WorkProgress';
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

/** The backup's progress, phase by phase. */
export function ProgressBar({ progress }: { progress: BackupProgress | null }) {
  if (!progress) return null;
  return <WorkProgress label={PHASE_LABELS[progress.phase]} done={progress.done} total={progress.total} />;
}
