import './lock.css';
import { Button } from '../../ui/Button';
import { FormError } from '../../ui/Field';
import { MAIN_ID } from '../../ui/main-region';
import { WorkProgress } from '../../ui/WorkProgress';
import { useResumeSealing } from './useResumeSealing';

/**
 * After an unlock: an earlier session stopped half-way through sealing (or opening) the notes, or the
 * clinic was sealed by an earlier version of the app and its records are sealed again the new way.
 */
export function ResumeSealing({ onDone }: { onDone: () => void }) {
  const { progress, unsealing, failed, retry } = useResumeSealing(onDone);
  const label = unsealing ? 'Opening the sealed notes' : 'Sealing the notes';
  return (
    <main className="lock-screen" id={MAIN_ID}>
      <div className="lock-screen__panel">
        <h1>Finishing the sealing work</h1>
        <p>
          {unsealing
            ? 'The last time, the app was closed before this work was done.'
            : 'The app was closed before this work was done, or this version of the app seals the records in a new way.'}{' '}
          It carries on now; every note stays readable.
        </p>
        <WorkProgress label={label} done={progress?.done ?? 0} total={progress?.total ?? 0} />
        <FormError message={failed} />
        {failed && (
          <Button variant="primary" onClick={retry}>
            Try again
          </Button>
        )}
      </div>
    </main>
  );
}
