import type { ReactNode } from 'react';
import { Button } from './Button';
import { PassphrasePrompt } from './PassphrasePrompt';

/** What ConfidentialNotes needs of the reveal (useNoteReveal gives it). */
export interface RevealControl {
  revealed: boolean;
  asking: boolean;
  busy: boolean;
  problem: string | null;
  show: () => void | Promise<void>;
  confirm: (passphrase: string) => void | Promise<void>;
  cancel: () => void;
  hide: () => void;
}

/**
 * A confidential meeting's notes stay closed on a shared computer until asked for; `children` are drawn
 * only once they are shown.
 */
export function ConfidentialNotes({ reveal, children }: { reveal: RevealControl; children: ReactNode }) {
  return (
    <div className="confidential-notes">
      {reveal.revealed ? (
        <>
          {children}
          <Button variant="quiet" className="button--small" onClick={reveal.hide} aria-expanded="true">
            Hide confidential notes
          </Button>
        </>
      ) : (
        <Button className="button--small" onClick={() => void reveal.show()} aria-expanded="false">
          Show confidential notes
        </Button>
      )}
      {reveal.asking && (
        <PassphrasePrompt
          what="the notes of this meeting"
          busy={reveal.busy}
          problem={reveal.problem}
          onConfirm={reveal.confirm}
          onCancel={reveal.cancel}
        />
      )}
    </div>
  );
}
