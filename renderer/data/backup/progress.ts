// Long work reports how far it got, so the screen can show a progress bar; it also hands the browser
// a moment now and then, so the bar is actually painted.

export type BackupPhase =
  | 'reading'
  | 'writing-file'
  | 'encrypting'
  | 'decrypting'
  | 'checking'
  | 'safety-copy'
  | 'replacing';

export interface BackupProgress {
  phase: BackupPhase;
  done: number;
  total: number;
}

export type ProgressListener = (progress: BackupProgress) => void;

const SLICE_MS = 50;

export function createYielder(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < SLICE_MS) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    last = performance.now();
  };
}
