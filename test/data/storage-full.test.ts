// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { recordBackupSaved } from '../../renderer/data/backup';
import { TABLE_NAMES } from '../../renderer/data/db';
import {
  deleteMeeting,
  logMeeting,
  setActionItemDone,
  undoDeleteMeeting,
  updateMeeting,
} from '../../renderer/data/meetings.repo';
import {
  archivePerson,
  createPeopleInBulk,
  createPerson,
  deletePerson,
  updatePerson,
} from '../../renderer/data/people.repo';
import { createProgram, updateProgram } from '../../renderer/data/programs.repo';
import {
  changeRelationshipStatus,
  createRelationship,
  updateRelationship,
} from '../../renderer/data/relationships.repo';
import { updateSettings } from '../../renderer/data/settings.repo';
import { addTopic, archiveTopic, renameTopic } from '../../renderer/data/topics.repo';
import { DISK_FULL_MESSAGE } from '../../renderer/domain/storage-full';
import { loadSampleData } from '../../renderer/features/welcome/load-sample-data';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import { describeError } from '../../renderer/ui/errors';
import {
  fixTodayPerTest,
  freshDatabasePerTest,
  meetingInput,
  menteeInput,
  personInput,
  programInput,
  seedPair,
  TODAY,
} from './helpers';
import { injectQuotaExceeded, type QuotaFault } from './storage-faults';

// Every write the app makes, with the disk full: the manager reads that the disk is full and that
// nothing changed, and indeed not one record of any table has changed.

const db = freshDatabasePerTest();
fixTodayPerTest();

async function everyTable(): Promise<Record<string, unknown[]>> {
  const database = db();
  const tables: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) tables[name] = await database.table(name).toArray();
  tables.meetingNotes = await database.meetingNotes.toArray();
  return tables;
}

/** A clinic with a pair that has met once (with an action item), a spare person and a topic of its own. */
async function smallClinic() {
  const pair = await seedPair();
  const spare = await createPerson(personInput({ name: 'Nobody Paired', email: 'spare@clinic.example' }));
  const meeting = await logMeeting(
    meetingInput(pair.relationship.id, {
      actionItems: [{ text: 'Read the sepsis bundle', owner: 'mentee', dueDate: TODAY }],
    }),
  );
  const item = (await db().actionItems.where('meetingId').equals(meeting.id).first())!;
  const topic = await addTopic('Shift handover');
  return { ...pair, spare, meeting, item, topic };
}

type Clinic = Awaited<ReturnType<typeof smallClinic>>;

const WRITES: [string, (clinic: Clinic) => Promise<unknown>][] = [
  ['adding a person', () => createPerson(personInput({ name: 'Ada New', email: 'ada@clinic.example' }))],
  ['editing a person', ({ mentor }) => updatePerson(mentor.id, { specialty: 'Intensive care' })],
  ['archiving a person', ({ mentee }) => archivePerson(mentee.id)],
  ['deleting a person', ({ spare }) => deletePerson(spare.id)],
  [
    'importing a roster',
    () =>
      createPeopleInBulk([
        personInput({ name: 'Roster One', email: 'one@clinic.example' }),
        menteeInput({ name: 'Roster Two', email: 'two@clinic.example' }),
      ]),
  ],
  ['adding a program', () => createProgram(programInput({ name: 'Physician onboarding' }))],
  ['editing a program', ({ program }) => updateProgram(program.id, { cadenceDays: 21 })],
  [
    'pairing two people',
    ({ program, mentor, spare }) =>
      createRelationship({
        programId: program.id,
        mentorId: mentor.id,
        menteeId: spare.id,
        focus: 'career',
        startDate: '2024-04-01',
        plannedEndDate: null,
      }),
  ],
  ['pausing a pairing', ({ relationship }) => changeRelationshipStatus(relationship.id, 'paused', TODAY)],
  ['editing a pairing', ({ relationship }) => updateRelationship(relationship.id, { focus: 'research' })],
  [
    'logging a meeting',
    ({ relationship }) => logMeeting(meetingInput(relationship.id, { date: '2024-06-01' })),
  ],
  [
    'editing a meeting',
    ({ relationship, meeting }) =>
      updateMeeting(meeting.id, meetingInput(relationship.id, { durationMinutes: 90 })),
  ],
  ['deleting a meeting', ({ meeting }) => deleteMeeting(meeting.id)],
  ['ticking off an action item', ({ item }) => setActionItemDone(item.id, true, TODAY)],
  ['adding a topic', () => addTopic('Night shifts')],
  ['renaming a topic', ({ topic }) => renameTopic(topic.id, 'Handover between shifts')],
  ['archiving a topic', ({ topic }) => archiveTopic(topic.id)],
  ['changing the settings', () => updateSettings({ clinicName: 'Lakeside Clinic', backupWarnDays: 14 })],
  ['noting a backup on the dashboard', () => recordBackupSaved(new Date())],
];

describe.each<QuotaFault>(['commit', 'request'])('with the disk full (the %s fails)', (fault) => {
  it.each(WRITES)('%s says the disk is full and changes nothing', async (_name, write) => {
    const clinic = await smallClinic();
    const before = await everyTable();
    const restore = injectQuotaExceeded(fault);
    const failure = await write(clinic).then(
      () => null,
      (error: unknown) => error,
    );
    restore();
    expect(failure, 'the write should have failed').not.toBeNull();
    expect(describeError(failure).message).toBe(DISK_FULL_MESSAGE);
    expect(await everyTable()).toEqual(before);
  });

  it('bringing back a deleted meeting says the disk is full and changes nothing', async () => {
    const clinic = await smallClinic();
    const deleted = await deleteMeeting(clinic.meeting.id);
    const before = await everyTable();
    const restore = injectQuotaExceeded(fault);
    const failure = await undoDeleteMeeting(deleted).catch((error: unknown) => error);
    restore();
    expect(describeError(failure).message).toBe(DISK_FULL_MESSAGE);
    expect(await everyTable()).toEqual(before);
  });

  it('loading the sample clinic says the disk is full and leaves the welcome as it was', async () => {
    const before = await everyTable();
    const restore = injectQuotaExceeded(fault);
    const direct = await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY }).catch((error) => error);
    const fromWelcome = await loadSampleData().catch((error: unknown) => error);
    restore();
    expect(describeError(direct).message).toBe(DISK_FULL_MESSAGE);
    expect(describeError(fromWelcome).message).toBe(DISK_FULL_MESSAGE);
    expect(await everyTable()).toEqual(before);
  });

  it('once there is room again, the same write succeeds', async () => {
    const restore = injectQuotaExceeded(fault);
    await expect(createPerson(personInput())).rejects.toBeDefined();
    restore();
    await createPerson(personInput());
    expect(await db().people.count()).toBe(1);
  });
});
