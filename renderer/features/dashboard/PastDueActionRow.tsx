import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { PastDueAction } from '../../domain/dashboard';
import { formatDisplayDate } from '../../domain/calendar';
import { useActionItemActions } from '../../hooks/useMeetings';
import { describeError } from '../../ui/errors';
import { useToast } from '../../ui/toast';
import { pairName } from './PairRow';

/** A late action item, ticked off right here; the tick can be undone from the notice. */
export function PastDueActionRow({ item }: { item: PastDueAction }) {
  const id = useId();
  const { showToast } = useToast();
  const actionItemActions = useActionItemActions();
  // Ticked at once; the row then leaves the list when the database says the item is done.
  const [ticked, setTicked] = useState(false);

  async function markDone() {
    setTicked(true);
    try {
      await actionItemActions.setDone(item.actionItemId, true);
      showToast(`“${item.text}” is done.`, {
        label: 'Undo',
        run: () => actionItemActions.setDone(item.actionItemId, false).then(() => undefined),
      });
    } catch (error) {
      setTicked(false);
      showToast(describeError(error).message);
    }
  }

  return (
    <li>
      <div className="field--checkbox">
        <input
          id={id}
          type="checkbox"
          checked={ticked}
          onChange={markDone}
          aria-describedby={`${id}-about`}
        />
        <label htmlFor={id}>{item.text}</label>
        <p id={`${id}-about`} className="field__hint">
          <Link to={`/relationships/${item.relationshipId}`}>{pairName(item)}</Link> · due{' '}
          {formatDisplayDate(item.dueDate)} ({item.daysLate} {item.daysLate === 1 ? 'day' : 'days'} late)
        </p>
      </div>
    </li>
  );
}
