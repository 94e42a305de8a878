import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeBackup, restoreBackupFile } from '../../renderer/data/backup';
import { addClinicRecords } from '../../renderer/data/clinic-records.repo';
import { isSealed } from '../../renderer/data/lock/seal';
import {
  deleteMeeting,
  getMeeting,
  listLatestMeetingsForRelationship,
  logMeeting,
  undoDeleteMeeting,
  updateMeeting,
} from '../../renderer/data/meetings.repo';
import { removeSampleData } from '../../renderer/data/sample-records.repo';
import { generateSampleClinic } from '../../renderer/sample-clinic';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import { freshDatabasePerTest, LOCKED_CONFIGURATION, meetingInput, seedPair, TODAY } from './helpers';

// The meeting notes live in a table of their own (schema version 23): each meeting has exactly one note
// record under its id, written with it and removed with it, whichever path writes or removes meetings.

const db = freshDatabasePerTest();
const PASSPHRASE = 'tulip-harbour-quietly-47';

/** Meeting ids without a note, and note ids without a meeting: both empty in a sound database. */
async function strays() {
  const meetings = new Set(await db().meetings.toCollection().primaryKeys());
  const notes = new Set(await db().meetingNotes.toCollection().primaryKeys());
  return {
    withoutNote: [...meetings].filter((id) => !notes.has(id)),
    orphanNotes: [...notes].filter((id) => !meetings.has(id)),
  };
}

const SOUND = { withoutNote: [], orphanNotes: [] };

describe('meeting notes in their own table', () => {
  it('stores the note apart from the meeting and reads them together', async () => {
    const pair = await seedPair();
    const meeting = await logMeeting(
      meetingInput(pair.relationship.id, { notes: 'Night shifts 🌙 went well' }),
    );
    const stored = await db().meetings.toCollection().raw().first();
    expect(stored && 'notes' in stored).toBe(false);
    const note = await db().meetingNotes.toCollection().raw().first();
    expect(note?.id).toBe(meeting.id);
    if (LOCKED_CONFIGURATION) expect(isSealed(note?.notes)).toBe(true);
    else expect(note?.notes).toBe('Night shifts 🌙 went well');
    expect((await getMeeting(meeting.id))?.notes).toBe('Night shifts 🌙 went well');
    const page = await listLatestMeetingsForRelationship(pair.relationship.id, 5);
    expect(page.meetings.map((row) => row.notes)).toEqual(['Night shifts 🌙 went well']);
  });

  it('edits the note with the meeting, and a delete takes the note with it; undo brings both back', async () => {
    const pair = await seedPair();
    const meeting = await logMeeting(meetingInput(pair.relationship.id, { notes: 'first words' }));
    await updateMeeting(meeting.id, meetingInput(pair.relationship.id, { notes: 'second words' }));
    expect((await getMeeting(meeting.id))?.notes).toBe('second words');

    const deleted = await deleteMeeting(meeting.id);
    expect(await db().meetingNotes.count()).toBe(0);
    expect(await strays()).toEqual(SOUND);

    await undoDeleteMeeting(deleted);
    expect((await getMeeting(meeting.id))?.notes).toBe('second words');
    expect(await strays()).toEqual(SOUND);
  });

  it('leaves no note behind when the sample data is removed, and none when a clinic replaces another', async () => {
    await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY, asSample: true });
    expect(await db().meetingNotes.count()).toBe(await db().meetings.count());
    await removeSampleData('Harbour Street Clinic');
    expect(await db().meetings.count()).toBe(0);
    expect(await strays()).toEqual(SOUND);

    await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY });
    const other = generateSampleClinic({ seed: 2, size: 'demo', today: TODAY });
    await addClinicRecords(other, { replace: true, auditNote: 'Another clinic' });
    expect(await db().meetings.count()).toBe(other.meetings.length);
    expect(await strays()).toEqual(SOUND);
    const some = other.meetings[3];
    expect((await getMeeting(some?.id as string))?.notes).toBe(some?.notes);
  });

  it('backs up each meeting with its notes, and a restore splits them off again, replacing the old ones', async () => {
    const pair = await seedPair();
    const kept = await logMeeting(meetingInput(pair.relationship.id, { notes: 'kept in the backup «é»' }));
    const backup = await makeBackup({ passphrase: PASSPHRASE, scryptWorkFactor: 2 });
    // After the backup: another meeting, whose note the restore must remove with it.
    const later = await logMeeting(meetingInput(pair.relationship.id, { notes: 'written after the backup' }));

    await restoreBackupFile(backup.bytes, PASSPHRASE);
    expect(await getMeeting(later.id)).toBeUndefined();
    expect((await getMeeting(kept.id))?.notes).toBe('kept in the backup «é»');
    expect(await strays()).toEqual(SOUND);
    const stored = await db().meetings.toCollection().raw().first();
    expect(stored && 'notes' in stored).toBe(false);
  });
});
