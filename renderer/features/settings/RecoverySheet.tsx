import { formatDisplayDate } from '../../domain/date-format';
import { recoveryGroups } from '../../hooks/useClinicLock';

/** The recovery sheet: printed once when the lock is turned on, kept somewhere safe, never stored. */
export function RecoverySheet({
  clinicName,
  recoveryKey,
  ageIdentity,
  keptAt,
  madeOn,
}: {
  clinicName: string;
  recoveryKey: string;
  ageIdentity: string;
  keptAt: string;
  madeOn: string;
}) {
  return (
    <article className="recovery-sheet">
      <h1>Guiding Hands — recovery sheet</h1>
      <p>
        <strong>{clinicName || 'Your clinic'}</strong>, clinic lock turned on {formatDisplayDate(madeOn)}.
        {keptAt && <> To be kept: {keptAt}.</>}
      </p>
      <h2>Recovery key</h2>
      <ol className="recovery-sheet__key" aria-label="Recovery key">
        {recoveryGroups(recoveryKey).map((group, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the groups are a fixed list in order
          <li key={index}>{group}</li>
        ))}
      </ol>
      <p>
        If the clinic passphrase is forgotten, choose <em>Use the recovery sheet</em> on the lock screen, type
        this key (spaces and dashes do not matter), and choose a new passphrase.
      </p>
      <h2>Opening automatic backups on another computer</h2>
      <p>Automatic backups are encrypted to this clinic. The line below opens them with the free age tool:</p>
      <p className="recovery-sheet__age">{ageIdentity}</p>
      <p>
        Save the line in a file (for example <code>clinic-key.txt</code>) and run{' '}
        <code>age -d -i clinic-key.txt backup.age &gt; backup.json.gz</code>.
      </p>
      <h2>Keep this sheet safe</h2>
      <p>
        Anyone with this sheet can open the clinic&apos;s notes. Keep it locked away, apart from the computer.
        If both the passphrase and this sheet are lost, the notes cannot be recovered by anyone.
      </p>
    </article>
  );
}
