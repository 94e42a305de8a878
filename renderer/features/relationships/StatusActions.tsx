import { useState } from 'react';
import { todayIso } from '../../domain/calendar';
import { STATUS_TRANSITIONS } from '../../domain/rules';
import type { Relationship, RelationshipStatus } from '../../domain/types';
import { relationshipActions } from '../../hooks/useRelationships';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { describeError } from '../../ui/errors';
import { useToast } from '../../ui/Toast';

interface Transition {
  button: string;
  title: string;
  message: string;
  done: string;
  danger?: boolean;
  /** The change cannot be undone (the pairing cannot be reopened). */
  irreversible?: boolean;
  reason?: string;
}

function transitionFor(from: RelationshipStatus, to: RelationshipStatus): Transition {
  switch (to) {
    case 'active':
      return from === 'paused'
        ? {
            button: 'Resume',
            title: 'Resume this pairing?',
            message: 'Meetings will be expected again from today.',
            done: 'The pairing is active again.',
          }
        : {
            button: 'Start',
            title: 'Start this pairing?',
            message: 'The pair becomes active from today.',
            done: 'The pairing is now active.',
          };
    case 'paused':
      return {
        button: 'Pause',
        title: 'Pause this pairing?',
        message: 'While paused, the pair is not counted as overdue. You can resume it at any time.',
        done: 'The pairing is paused.',
      };
    case 'completed':
      return {
        button: 'Complete',
        title: 'Mark this pairing as completed?',
        message: 'The pairing ends today as completed. This cannot be reopened.',
        done: 'The pairing is completed.',
        irreversible: true,
      };
    case 'ended-early':
      return {
        button: 'End early',
        title: 'End this pairing early?',
        message: 'The pairing ends today. This cannot be reopened.',
        done: 'The pairing was ended early.',
        danger: true,
        irreversible: true,
        reason: 'Why is it ending early?',
      };
    default:
      return { button: to, title: to, message: '', done: '' };
  }
}

/** The status changes this pair can make now, each confirmed first. */
export function StatusActions({ relationship }: { relationship: Relationship }) {
  const { showToast } = useToast();
  const [pending, setPending] = useState<RelationshipStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const next = STATUS_TRANSITIONS[relationship.status];
  const transition = pending ? transitionFor(relationship.status, pending) : null;

  return (
    <>
      {next.map((status) => (
        <Button
          key={status}
          variant={status === 'ended-early' ? 'quiet' : 'secondary'}
          onClick={() => setPending(status)}
        >
          {transitionFor(relationship.status, status).button}
        </Button>
      ))}
      {pending && transition && (
        <ConfirmDialog
          title={transition.title}
          message={error ?? transition.message}
          confirmLabel={transition.button}
          danger={transition.danger}
          irreversible={transition.irreversible}
          reasonLabel={transition.reason}
          onConfirm={async (reason) => {
            try {
              await relationshipActions.changeStatus(relationship.id, pending, todayIso(), reason || null);
              showToast(transition.done);
              setPending(null);
              setError(null);
            } catch (failure) {
              setError(describeError(failure).message);
            }
          }}
          onCancel={() => {
            setPending(null);
            setError(null);
          }}
        />
      )}
    </>
  );
}
