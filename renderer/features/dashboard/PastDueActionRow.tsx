import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { PastDueAction } from '../../domain/dashboard';
import { formatDisplayDate } from '../../domain/date-format';
import { unreadableMessage } from '../../domain/unreadable';
import { actionItemActions } from '../../hooks/useMeetings';
import { mainRegion } from '../../ui/main-region';
import { useToast } from '../../ui/Toast';
import { useToastOnFailure } from '../../ui/useToastOnFailure';
import { pairName } from './PairRow';

/** A late action item, ticked off right here; the tick can be undone from the notice. */
export function PastDueActionRow({ item }: { item: PastDueAction }) {
  const id = useId();
  const { showToast } = useToast();
  const toastOnFailure = useToastOnFailure();
  // Ticked at once; the row then leaves the list when the database says the item is done.
  const [ticked, setTicked] = useState(false);
  const saving = useRef(false);
  const row = useRef<HTMLLIElement>(null);

  async function markDone() {
    // A second click while the first is being saved must not tick the item (and offer Undo) twice.
    if (saving.current) return;
    saving.current = true;
    // The ticked box is disabled and its row leaves the list: the keyboard moves on to the next item (or
    // the one before, or the start of the screen), not to the top of the page.
    if (row.current?.contains(document.activeElement)) nextPlaceForFocus(row.current)?.focus();
    setTicked(true);
    if (await toastOnFailure(() => actionItemActions.setDone(item.actionItemId, true))) {
      showToast(`“${item.text}” is done.`, {
        label: 'Undo',
        undoes: true,
        run: () => actionItemActions.setDone(item.actionItemId, false).then(() => undefined),
      });
    } else {
      saving.current = false;
      setTicked(false);
    }
  }

  return (
    <li ref={row}>
      <div className="field--checkbox">
        <input
          id={id}
          type="checkbox"
          checked={ticked}
          disabled={ticked}
          onChange={markDone}
          aria-describedby={`${id}-about`}
        />
        <label htmlFor={id}>{unreadableMessage('actionItems', item, 'this action item') ?? item.text}</label>
        <p id={`${id}-about`} className="field__hint">
          <Link to={`/relationships/${item.relationshipId}`}>{pairName(item)}</Link> · due{' '}
          {formatDisplayDate(item.dueDate)} ({item.daysLate} {item.daysLate === 1 ? 'day' : 'days'} late)
        </p>
      </div>
    </li>
  );
}

/** Where focus goes from a row about to leave its list. */
function nextPlaceForFocus(row: HTMLLIElement): HTMLElement | null {
  const boxOf = (element: Element | null) =>
    element?.querySelector<HTMLInputElement>('input[type="checkbox"]:not(:disabled)') ?? null;
  return boxOf(row.nextElementSibling) ?? boxOf(row.previousElementSibling) ?? mainRegion();
}
