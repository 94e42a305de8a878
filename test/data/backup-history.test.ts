import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeBackup, openBackup, recordBackupSaved } from '../../renderer/data/backup';
import { createPerson } from '../../renderer/data/people.repo';
import { getSettings, updateSettings } from '../../renderer/data/settings.repo';
import { backupActions } from '../../renderer/features/backup/useBackup';
import { backupAge, backupHistoryLines } from '../../renderer/features/dashboard/BackupStatus';
import { freshDatabase } from './backup-fixtures';
import { personInput } from './helpers';

// What the dashboard's backup card knows: the last backup made by hand and the last automatic one, and,
// right after a restore, which backup the records came from (it used to say no backup was ever made).

const PASSPHRASE = 'meadow-copper-violin-19';
const FAST_SCRYPT = 2;
const MADE_AT = new Date('2026-03-02T09:30:00.000Z');
const LATER = new Date('2026-03-09T16:00:00.000Z');

/** A clinic that made one backup by hand at MADE_AT; returns the backup's bytes. */
async function clinicWithOneBackup(name: string) {
  freshDatabase(name);
  await updateSettings({ clinicName: 'Riverside Clinic', onboarded: true });
  await createPerson(personInput());
  const backup = await makeBackup({ passphrase: PASSPHRASE, now: MADE_AT, scryptWorkFactor: FAST_SCRYPT });
  await recordBackupSaved(MADE_AT);
  return backup.bytes;
}

describe('the backup card', () => {
  it('tells a backup made by hand from an automatic one', async () => {
    freshDatabase('kinds');
    await recordBackupSaved(MADE_AT);
    await recordBackupSaved(LATER, 'automatic');
    const settings = await getSettings();
    expect(settings).toMatchObject({
      lastBackupAt: LATER.toISOString(),
      lastManualBackupAt: MADE_AT.toISOString(),
      lastAutoBackupAt: LATER.toISOString(),
    });
    const lines = backupHistoryLines(settings, LATER);
    expect(lines[0]).toMatch(/^Last backup made by hand: 7 days ago \(/);
    expect(lines[1]).toMatch(/^Last automatic backup: less than a minute ago \(/);
  });

  it('right after a restore says the records came from the backup of that date, never that none was made', async () => {
    const file = await clinicWithOneBackup('restore-source');
    // A new computer: an empty clinic that never made a backup.
    freshDatabase('restore-target');
    expect(backupAge((await getSettings()).lastBackupAt, 7, LATER)).toEqual({ state: 'never' });
    const actions = backupActions;
    await actions.restoreBackup(await openBackup(file, PASSPHRASE));

    const settings = await getSettings();
    expect(settings.clinicName).toBe('Riverside Clinic');
    expect(settings.restoredFrom).toMatchObject({ source: 'backup', madeAt: MADE_AT.toISOString() });
    // The records are in that backup, so the last backup is at least that recent.
    expect(backupAge(settings.lastBackupAt, 7, LATER)).toMatchObject({ state: 'recent', days: 7 });
    const [first] = backupHistoryLines(settings, LATER);
    expect(first).toMatch(/^Your records came from the backup made on .*2026.* \(restored /);
  });

  it('forgets the restore notice once a new backup is made', async () => {
    const file = await clinicWithOneBackup('notice-source');
    freshDatabase('notice-target');
    await backupActions.restoreBackup(await openBackup(file, PASSPHRASE));
    await recordBackupSaved(LATER, 'automatic');
    const settings = await getSettings();
    expect(settings.restoredFrom).toBeNull();
    expect(backupHistoryLines(settings, LATER).join(' ')).not.toContain('came from');
  });

  it('says so when the records were put back from a safety copy, which is not a backup', async () => {
    freshDatabase('safety');
    await updateSettings({ clinicName: 'Riverside Clinic' });
    await createPerson(personInput());
    const file = await makeBackup({ passphrase: PASSPHRASE, now: MADE_AT, scryptWorkFactor: FAST_SCRYPT });
    const actions = backupActions;
    // Restoring keeps the records it replaces as a safety copy; putting that back is the undo.
    await actions.restoreBackup(await openBackup(file.bytes, PASSPHRASE));
    const [copy] = await actions.listSafetyCopies();
    await actions.restoreSafetyCopy(await actions.openSafetyCopy(copy!.id));
    const settings = await getSettings();
    expect(settings.restoredFrom).toMatchObject({ source: 'safety-copy', madeAt: copy!.createdAt });
    expect(settings.lastBackupAt).toBeNull();
    expect(backupHistoryLines(settings, LATER)[0]).toMatch(/from a safety copy\.$/);
  });

  it('knows only "last backup" for records kept before the two kinds were told apart', () => {
    const lines = backupHistoryLines(
      { lastBackupAt: MADE_AT.toISOString(), lastManualBackupAt: undefined, lastAutoBackupAt: undefined },
      LATER,
    );
    expect(lines).toEqual([expect.stringMatching(/^Last backup: 7 days ago \(/)]);
  });
});
