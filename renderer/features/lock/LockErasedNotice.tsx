import { Link } from 'react-router';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormError } from '../../ui/Field';
import { useErasedNotice } from './useEraseClinic';

/**
 * What the app opens with once the sealed text was erased (both the passphrase and the recovery sheet
 * lost): the lock is off, and where to turn it on again. Shown until the manager closes it, across
 * restarts (the key ring database keeps it).
 */
export function LockErasedNotice() {
  const { erased, dismiss, problem } = useErasedNotice();
  if (!erased) return null;
  const copies = erased.safetyCopiesRemoved;
  return (
    <Card title="The clinic lock is off">
      <p role="status">
        The sealed text was erased: meeting notes, action items, reasons and answers are empty now. Names,
        pairings, dates and counts are all here.
        {copies > 0 &&
          ` ${copies} safety cop${copies === 1 ? 'y' : 'ies'} kept by earlier restores could not be opened any more and ${copies === 1 ? 'was' : 'were'} removed.`}
      </p>
      <p>
        Anyone at this computer can open Guiding Hands now. Turn the lock on again, with a new passphrase and
        a new recovery sheet, in <Link to="/settings">Settings → Privacy</Link>. This message stays until you
        close it.
      </p>
      <FormError message={problem} />
      <Button onClick={dismiss}>Close this message</Button>
    </Card>
  );
}
