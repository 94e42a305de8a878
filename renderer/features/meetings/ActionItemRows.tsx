import { useRef, useState } from 'react';
import { ACTION_OWNERS, type ActionOwner, OWNER_LABELS } from '../../domain/types';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { type ActionItemDraft, emptyActionItem } from './meeting-draft';

const OWNER_OPTIONS = ACTION_OWNERS.map((value) => ({ value, label: OWNER_LABELS[value] }));

interface ActionItemRowsProps {
  items: ActionItemDraft[];
  onChange: (items: ActionItemDraft[]) => void;
  /** Errors by field name, e.g. "actionItems.0.text". */
  errors: Record<string, string>;
}

export function ActionItemRows({ items, onChange, errors }: ActionItemRowsProps) {
  const update = (index: number, changes: Partial<ActionItemDraft>) =>
    onChange(items.map((item, at) => (at === index ? { ...item, ...changes } : item)));
  // A row just added takes the cursor in its text; a row removed hands it to "Add an action item".
  const [added, setAdded] = useState<string | null>(null);
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const add = () => {
    const item = emptyActionItem();
    setAdded(item.key);
    onChange([...items, item]);
  };
  const remove = (index: number) => {
    onChange(items.filter((_, at) => at !== index));
    fieldset.current?.querySelector<HTMLButtonElement>('[data-add-action-item]')?.focus();
  };

  return (
    <fieldset ref={fieldset} className="fieldset">
      <legend>Action items</legend>
      {items.length === 0 && (
        <p className="muted">No action items. Add one for anything agreed at the meeting.</p>
      )}
      {items.map((item, index) => (
        <div key={item.key} className="action-row">
          <TextField
            label={`Action item ${index + 1}`}
            value={item.text}
            onChange={(text) => update(index, { text })}
            error={errors[`actionItems.${index}.text`]}
            autoFocus={item.key === added}
          />
          <SelectField
            label={
              <>
                Owner<span className="visually-hidden"> of item {index + 1}</span>
              </>
            }
            value={item.owner}
            onChange={(owner) => update(index, { owner: owner as ActionOwner })}
            options={OWNER_OPTIONS}
            error={errors[`actionItems.${index}.owner`]}
          />
          <TextField
            label={
              <>
                Due date<span className="visually-hidden"> of item {index + 1}</span>
              </>
            }
            type="date"
            value={item.dueDate}
            onChange={(dueDate) => update(index, { dueDate })}
            error={errors[`actionItems.${index}.dueDate`]}
          />
          <Button
            variant="quiet"
            className="button--small action-row__remove"
            onClick={() => remove(index)}
            aria-label={`Remove action item ${index + 1}`}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button className="button--small" onClick={add} data-add-action-item>
        Add an action item
      </Button>
    </fieldset>
  );
}
