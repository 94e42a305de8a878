import './lock.css';
import { Button } from '../../ui/Button';
import { FormError } from '../../ui/Field';
import { WorkProgress } from '../../ui/WorkProgress';
import { useResumeSealing } from './useResumeSealing';

/** After an unlock: an earlier session stopped half-way through sealing (or opening) the notes. */
export function ResumeSealing({ onDone }: { onDone: () => void }) {
  const { progress, unsealing, failed, retry } = useResumeSealing(onDone);
  const label = unsealing ? 'Opening the sealed notes' : 'Sealing the notes';
  return (
    <main className="lock-screen" id="main">
      <div className="lock-screen__panel">
        <h1>Finishing what was interrupted</h1>
        <p>
          The last time, the app was closed before this work was done. It carries on now; every note stays
          readable.
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
