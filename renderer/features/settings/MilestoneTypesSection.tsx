import { useState } from 'react';
import { DEFAULT_DEBRIEF_DAYS, MAX_DEBRIEF_DAYS } from '../../domain/rules';
import type { MilestoneType } from '../../domain/types';
import { milestoneTypeActions, useMilestoneTypes } from '../../hooks/useMilestones';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { useToastOnFailure } from '../../ui/useToastOnFailure';
import { ArchiveButton, ChangeButton } from './SettingsButtons';
import { useSaveForm } from './useSaveForm';

function days(count: number): string {
  return `${count} day${count === 1 ? '' : 's'}`;
}

/** The clinic's list of firsts that deserve a debrief, and how soon each debrief should follow. */
export function MilestoneTypesSection() {
  const types = useMilestoneTypes();
  const [editing, setEditing] = useState<MilestoneType | null>(null);
  const toastOnFailure = useToastOnFailure();

  return (
    <Card title="Milestones">
      <p className="muted">
        A milestone is a first that deserves a conversation with the mentor, such as a first operation or a
        first patient death. Each kind says how soon the debrief should follow. Retired kinds stay on the
        milestones already recorded but are no longer offered.
      </p>
      <MilestoneTypeForm key="new" type={null} onDone={() => undefined} />
      {!types ? (
        <Loading />
      ) : (
        <ul className="row-list" aria-label="Kinds of milestone">
          {types.map((type) => (
            <li key={type.id}>
              {editing?.id === type.id ? (
                <MilestoneTypeForm type={type} onDone={() => setEditing(null)} />
              ) : (
                <>
                  <span>
                    {type.label}{' '}
                    <span className="muted">· debrief within {days(type.debriefWithinDays)}</span>{' '}
                    {type.builtIn && <span className="badge">Built in</span>}{' '}
                    {type.archived && <span className="badge">Retired</span>}
                  </span>
                  <span className="button-row">
                    <ChangeButton action="Change" name={type.label} onClick={() => setEditing(type)} />
                    <ArchiveButton
                      archived={type.archived}
                      name={type.label}
                      onToggle={() =>
                        toastOnFailure(() => milestoneTypeActions.archive(type.id, !type.archived))
                      }
                      words={{ archive: 'Retire', restore: 'Offer again' }}
                    />
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function MilestoneTypeForm({ type, onDone }: { type: MilestoneType | null; onDone: () => void }) {
  const [label, setLabel] = useState(type?.label ?? '');
  const [within, setWithin] = useState(String(type?.debriefWithinDays ?? DEFAULT_DEBRIEF_DAYS));
  const { formRef, errors, submit } = useSaveForm(async () => {
    const input = { label, debriefWithinDays: within.trim() === '' ? Number.NaN : Number(within) };
    if (type) await milestoneTypeActions.update(type.id, input);
    else await milestoneTypeActions.add(input);
    setLabel('');
    setWithin(String(DEFAULT_DEBRIEF_DAYS));
    onDone();
  });

  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} noValidate>
      <TextField
        label={type ? `New name for ${type.label}` : 'New kind of milestone'}
        value={label}
        onChange={setLabel}
        error={errors.fields.label ?? errors.form}
        autoFocus={type !== null}
      />
      <TextField
        label="Debrief within … days"
        type="number"
        min={1}
        max={MAX_DEBRIEF_DAYS}
        value={within}
        onChange={setWithin}
        error={errors.fields.debriefWithinDays}
      />
      <Button type="submit" variant={type ? 'primary' : 'secondary'}>
        {type ? 'Save' : 'Add milestone'}
      </Button>
      {type && <Button onClick={onDone}>Cancel</Button>}
    </form>
  );
}
