import { formatDisplayMoment } from '../../domain/date-format';
import { COUNTED_TABLES } from './backup-labels';
import type { BackupHeader } from './useBackup';

/** What a backup holds: clinic, when it was made, how many records of each kind. */
export function BackupContents({ header, caption }: { header: BackupHeader; caption: string }) {
  return (
    <div className="backup-contents">
      <dl>
        <dt>Clinic</dt>
        <dd>{header.clinicName || '(no name)'}</dd>
        <dt>Made on</dt>
        <dd>{formatDisplayMoment(header.createdAt)}</dd>
        <dt>Made by</dt>
        <dd>Guiding Hands {header.appVersion}</dd>
        {header.needsRepair && (
          <>
            <dt>Marked</dt>
            <dd>
              Needs repair ({header.needsRepair.problemCount.toLocaleString()} problems when it was made)
            </dd>
          </>
        )}
      </dl>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Records</th>
            <th scope="col">How many</th>
          </tr>
        </thead>
        <tbody>
          {COUNTED_TABLES.map(({ table, label }) => (
            <tr key={table}>
              <th scope="row">{label}</th>
              <td>{header.counts[table].toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
