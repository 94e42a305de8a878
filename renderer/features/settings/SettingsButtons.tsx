import { Button } from '../../ui/Button';

/** A settings form's buttons: save (or add), and cancel. */
export function SaveOrCancel({
  label,
  onCancel,
  busy,
}: {
  label: string;
  onCancel: () => void;
  busy?: boolean;
}) {
  return (
    <div className="button-row">
      <Button type="submit" variant="primary" disabled={busy}>
        {label}
      </Button>
      <Button onClick={onCancel}>Cancel</Button>
    </div>
  );
}

/** A row's small button that opens it for a change ("Edit", "Rename"…), named with the row's name. */
export function ChangeButton({
  action,
  name,
  onClick,
}: {
  action: string;
  name: string;
  onClick: () => void;
}) {
  return (
    <Button className="button--small" onClick={onClick} aria-label={`${action} ${name}`}>
      {action}
    </Button>
  );
}

/**
 * A row's quiet button that takes it out of the lists offered for new records, or puts it back; named
 * with the row's name. The words are "Archive" and "Restore" unless a list says it otherwise.
 */
export function ArchiveButton({
  archived,
  name,
  onToggle,
  words = { archive: 'Archive', restore: 'Restore' },
}: {
  archived: boolean;
  name: string;
  onToggle: () => void;
  words?: { archive: string; restore: string };
}) {
  const action = archived ? words.restore : words.archive;
  return (
    <Button variant="quiet" className="button--small" onClick={onToggle} aria-label={`${action} ${name}`}>
      {action}
    </Button>
  );
}
