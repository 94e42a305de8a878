import { todayIso } from '../../domain/calendar';
import { formatDisplayDate } from '../../domain/date-format';
import { type ActionItem, type Id, OWNER_LABELS } from '../../domain/types';
import { unreadableMessage } from '../../domain/unreadable';
import { actionItemActions, useActionItemsForRelationship } from '../../hooks/useMeetings';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { CheckboxField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { useToastOnFailure } from '../../ui/useToastOnFailure';

function describeItem(item: ActionItem, today: string): string {
  const parts = [`Owner: ${OWNER_LABELS[item.owner]}`];
  if (item.dueDate)
    parts.push(
      `due ${formatDisplayDate(item.dueDate)}${!item.done && item.dueDate < today ? ' (past due)' : ''}`,
    );
  if (item.done && item.doneDate) parts.push(`done ${formatDisplayDate(item.doneDate)}`);
  return parts.join(' · ');
}

export function ActionItemsCard({ relationshipId }: { relationshipId: Id }) {
  const items = useActionItemsForRelationship(relationshipId);
  const toastOnFailure = useToastOnFailure();
  const today = todayIso();
  const open = items?.filter((item) => !item.done).length ?? 0;

  return (
    <Card title="Action items" aside={items && <span className="badge">{open} open</span>}>
      {!items ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title="No action items yet.">Add them when you log a meeting.</EmptyState>
      ) : (
        <ul className="row-list">
          {items.map((item) => (
            <li key={item.id} className={item.done ? 'is-done' : undefined}>
              <CheckboxField
                label={unreadableMessage('actionItems', item, 'this action item') ?? item.text}
                checked={item.done}
                hint={describeItem(item, today)}
                onChange={async (done) => {
                  await toastOnFailure(() => actionItemActions.setDone(item.id, done));
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
