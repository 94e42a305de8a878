import { type FormEvent, useState } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { TextAreaField } from './Field';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: (reason: string) => void | Promise<void>;
  onCancel: () => void;
  danger?: boolean;
  /** What is confirmed cannot be undone (not a deletion): focus starts on Cancel, as for `danger`. */
  irreversible?: boolean;
  /** When set, the manager must type a reason (e.g. why a pair ended early) before confirming. */
  reasonLabel?: string;
}

export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  danger = false,
  irreversible = false,
  reasonLabel,
}: ConfirmDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reasonLabel && reason.trim() === '') {
      setError('Please write a reason.');
      return;
    }
    setBusy(true);
    try {
      await onConfirm(reason.trim());
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} onClose={onCancel}>
      <form onSubmit={submit} noValidate>
        <p>{message}</p>
        {reasonLabel && (
          <TextAreaField label={reasonLabel} value={reason} onChange={setReason} error={error} rows={3} />
        )}
        <div className="button-row">
          <Button type="submit" variant={danger ? 'danger' : 'primary'} disabled={busy}>
            {confirmLabel}
          </Button>
          {/* Enter on a destructive or irreversible dialog should not confirm: focus starts on Cancel. */}
          <Button
            onClick={onCancel}
            data-autofocus={(danger || irreversible) && !reasonLabel ? true : undefined}
          >
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
