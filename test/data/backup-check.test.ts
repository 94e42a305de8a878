import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkBackupFile,
  describeIssue,
  makeBackup,
  openBackup,
  WrongPassphraseError,
} from '../../renderer/data/backup';
import { decryptBackupFile } from '../../renderer/data/backup/encryption';
import { gunzipText } from './backup-documents';
import { clinicArbitrary, dumpDatabase, freshDatabase, loadTables, smallClinic } from './backup-fixtures';

// Backups are checked as they are made, with the very checks a restore applies: a sound clinic makes a
// sound backup; broken records are named and the file is marked "needs repair". "Check a backup file"
// runs the same checks on a file and changes nothing.

const PASSPHRASE = 'cedar-harbour-lantern-52';
const FAST_SCRYPT = 2;

async function backUp() {
  return makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: FAST_SCRYPT, now: new Date(2026, 2, 1, 9) });
}

/** The small clinic with a program that meets every 0 days and a mentor who may take 99 mentees. */
function brokenClinic() {
  const clinic = smallClinic();
  clinic.programs[0].cadenceDays = 0;
  clinic.people[0].mentorCapacity = 99;
  return clinic;
}

describe('making a backup', () => {
  it('checks every record of a sound clinic and finds nothing, so the backup restores', async () => {
    await fc.assert(
      fc.asyncProperty(clinicArbitrary, async (tables) => {
        await loadTables(freshDatabase('sound'), tables);
        const made = await backUp();
        expect(made.problemCount).toBe(0);
        expect(made.fileName).not.toMatch(/needs repair/);
        expect(made.header.needsRepair).toBeUndefined();
        await expect(openBackup(made.bytes, PASSPHRASE)).resolves.toBeDefined();
      }),
      { numRuns: 15 },
    );
  });

  it('names each record that breaks a rule (table, record, why) and marks the file "needs repair"', async () => {
    const clinic = brokenClinic();
    await loadTables(freshDatabase('broken'), clinic);
    const made = await backUp();
    expect(made.problemCount).toBe(2);
    const described = made.problems.map(describeIssue);
    expect(described).toContainEqual(
      expect.stringMatching(
        new RegExp(`programs record "${clinic.programs[0].id}".*cadenceDays.*from 1 to 366`),
      ),
    );
    expect(described).toContainEqual(
      expect.stringMatching(new RegExp(`people record "${clinic.people[0].id}".*mentorCapacity.*0 and 50`)),
    );
    expect(made.fileName).toMatch(/ backup 2026-03-01 needs repair\.age$/);
    expect(made.header.needsRepair).toEqual({ problemCount: 2 });
    const document = JSON.parse(await gunzipText(await decryptBackupFile(made.bytes, PASSPHRASE)));
    expect(document.needsRepair).toEqual({ problemCount: 2 });
    // Every record is still in the file, for a repair by hand or by a later version.
    expect(document.tables.programs).toHaveLength(clinic.programs.length);
  });

  it('finds exactly what a check of the saved file finds', async () => {
    await loadTables(freshDatabase('same-rules'), brokenClinic());
    const made = await backUp();
    const checked = await checkBackupFile(made.bytes, PASSPHRASE);
    expect(checked.problems).toEqual(made.problems);
  });
});

describe('checking a backup file', () => {
  it('says a sound backup is sound, with its clinic, date and counts, and changes nothing', async () => {
    const clinic = smallClinic();
    const db = freshDatabase('check-sound');
    await loadTables(db, clinic);
    const made = await backUp();
    const other = smallClinic();
    other.people = other.people.map((person) => ({ ...person, name: `Other ${person.name}` }));
    const target = freshDatabase('check-sound-target');
    await loadTables(target, other);
    const before = await dumpDatabase(target);
    const checked = await checkBackupFile(made.bytes, PASSPHRASE);
    expect(checked.problemCount).toBe(0);
    expect(checked.header.counts.people).toBe(clinic.people.length);
    expect(checked.header.createdAt).toBe(new Date(2026, 2, 1, 9).toISOString());
    expect(await dumpDatabase(target)).toBe(before);
  });

  it('lists the problems of a broken backup with what it holds, and changes nothing', async () => {
    await loadTables(freshDatabase('check-broken'), brokenClinic());
    const made = await backUp();
    const target = freshDatabase('check-broken-target');
    await loadTables(target, smallClinic());
    const before = await dumpDatabase(target);
    const checked = await checkBackupFile(made.bytes, PASSPHRASE);
    expect(checked.problemCount).toBe(2);
    expect(checked.header.needsRepair).toEqual({ problemCount: 2 });
    expect(await dumpDatabase(target)).toBe(before);
  });

  it('a wrong passphrase gets its own message, as for a restore', async () => {
    await loadTables(freshDatabase('check-wrong'), smallClinic());
    const made = await backUp();
    await expect(checkBackupFile(made.bytes, 'not the passphrase')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });
});
