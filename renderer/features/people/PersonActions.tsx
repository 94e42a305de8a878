import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Person } from '../../domain/types';
import { personActions } from '../../hooks/usePeople';
import { Button, ButtonLink } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToast } from '../../ui/Toast';
import { useToastOnFailure } from '../../ui/useToastOnFailure';

interface PersonActionsProps {
  person: Person;
  /** Whether the person has ever been paired; their record is then archived, never deleted. */
  hasRelationships: boolean;
}

export function PersonActions({ person, hasRelationships }: PersonActionsProps) {
  const navigate = useNavigate();
  const { showToast } = useToast();
  const toastOnFailure = useToastOnFailure();
  const [confirming, setConfirming] = useState<'archive' | 'delete' | null>(null);

  async function run(action: () => Promise<unknown>, done: string) {
    if (await toastOnFailure(action)) showToast(done);
    setConfirming(null);
  }

  return (
    <>
      <ButtonLink to={`/people/${person.id}/edit`}>Edit</ButtonLink>
      {person.isMentor && <ButtonLink to={`/people/${person.id}/portfolio`}>Portfolio</ButtonLink>}
      {person.isMentee && !person.archived && (
        <ButtonLink to={`/relationships/new?mentee=${person.id}`}>New pairing</ButtonLink>
      )}
      {person.archived ? (
        <Button
          onClick={() =>
            run(() => personActions.archive(person.id, false), `${person.name} is back in the active list.`)
          }
        >
          Restore
        </Button>
      ) : hasRelationships ? (
        <Button onClick={() => setConfirming('archive')}>Archive</Button>
      ) : (
        <Button variant="danger" onClick={() => setConfirming('delete')}>
          Delete
        </Button>
      )}
      {confirming === 'archive' && (
        <ConfirmDialog
          title={`Archive ${person.name}?`}
          message="Their pairings and meetings stay in your records and reports, but they are no longer offered for new pairings. You can restore them at any time."
          confirmLabel="Archive"
          onConfirm={() => run(() => personActions.archive(person.id), `${person.name} was archived.`)}
          onCancel={() => setConfirming(null)}
        />
      )}
      {confirming === 'delete' && (
        <ConfirmDialog
          title={`Delete ${person.name}?`}
          message="They have never been paired, so nothing else refers to them. This cannot be undone."
          confirmLabel="Delete"
          danger
          onConfirm={async () => {
            if (await toastOnFailure(() => personActions.remove(person.id))) {
              showToast(`${person.name} was deleted.`);
              navigate('/people');
            } else setConfirming(null);
          }}
          onCancel={() => setConfirming(null)}
        />
      )}
    </>
  );
}
