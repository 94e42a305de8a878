import { unreadableMessage } from '../domain/unreadable';

/**
 * Says in plain words that part of a record could not be opened (a sealed value damaged, or copied from
 * another record), where the record is shown. Nothing is rendered when every field opened.
 */
export function UnreadableNotice({
  table,
  record,
  what,
}: {
  table: string;
  record: object | null | undefined;
  what: string;
}) {
  const message = unreadableMessage(table, record, what);
  if (!message) return null;
  return (
    <p className="notice notice--warn" role="note">
      {message}
    </p>
  );
}
