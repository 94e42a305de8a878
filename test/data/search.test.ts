// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLock, unlockWithPassphrase } from '../../renderer/data/lock/keyring';
import { sealClinic } from '../../renderer/data/lock/seal-all';
import { closeSession, lockMode } from '../../renderer/data/lock/session';
import {
  deleteMeeting,
  logMeeting,
  undoDeleteMeeting,
  updateMeeting,
} from '../../renderer/data/meetings.repo';
import { updatePerson } from '../../renderer/data/people.repo';
import {
  dropSearchIndex,
  hasSearchIndex,
  type SearchResults,
  searchClinic,
  searchReady,
  searchSettled,
} from '../../renderer/data/search-session';
import { renameTopic } from '../../renderer/data/topics.repo';
import {
  fixTodayPerTest,
  freshDatabasePerTest,
  LOCKED_CONFIGURATION,
  meetingInput,
  type SeededPair,
  seedPair,
} from './helpers';

const db = freshDatabasePerTest();
fixTodayPerTest();

/** What a search found, as "kind title: snippet" lines, the matched words in [brackets]. */
async function found(text: string): Promise<string[]> {
  await searchSettled();
  const results = (await searchClinic(text)) as SearchResults;
  return results.groups.flatMap((group) =>
    group.hits.map(
      (hit) =>
        `${hit.kind} ${hit.to}: ${hit.snippet.map((part) => (part.match ? `[${part.text}]` : part.text)).join('')}`,
    ),
  );
}

let pair: SeededPair;

beforeEach(async () => {
  pair = await seedPair(
    {},
    { mentor: { name: 'Zoë Lefèvre', email: 'zoe@clinic.example' }, mentee: { name: 'Liam Chen' } },
  );
  await searchReady();
});
afterEach(() => dropSearchIndex());

describe('the clinic search follows what is written', () => {
  it('finds people and their pairing by a name typed without accents or capitals', async () => {
    expect(await found('zoe lef')).toEqual([
      `person /people/${pair.mentor.id}: [Zoë] [Lefèvre] · [zoe]@clinic.example · Emergency · triage`,
      `pair /relationships/${pair.relationship.id}: [Zoë] [Lefèvre] and Liam Chen · New-graduate nurse residency`,
    ]);
  });

  it('finds a meeting logged after the index was built, its notes in context, and follows edits and deletes', async () => {
    const meeting = await logMeeting(
      meetingInput(pair.relationship.id, {
        confidential: false,
        notes: 'Liam described the handover on the night shift as rushed.',
        actionItems: [
          { text: 'Shadow the charge nurse at handover', owner: 'mentee', dueDate: '2024-07-01' },
        ],
      }),
    );
    expect(await found('HANDOVER')).toEqual([
      `meeting /meetings/${meeting.id}/edit: Liam described the [handover] on the night shift as rushed.`,
      `actionItem /meetings/${meeting.id}/edit: Shadow the charge nurse at [handover]`,
    ]);

    await updateMeeting(
      meeting.id,
      meetingInput(pair.relationship.id, {
        confidential: false,
        notes: 'Liam found the résumé workshop useful.',
        actionItems: [],
      }),
    );
    expect(await found('handover')).toEqual([]);
    expect(await found('resume work')).toEqual([
      `meeting /meetings/${meeting.id}/edit: Liam found the [résumé] [workshop] useful.`,
    ]);

    const deleted = await deleteMeeting(meeting.id);
    expect(await found('resume')).toEqual([]);
    await undoDeleteMeeting(deleted);
    expect(await found('resume')).toHaveLength(1);
  });

  it('finds a pairing by its person’s new name once the person is renamed', async () => {
    await updatePerson(pair.mentee.id, { name: 'Liam Okonkwo' });
    expect(await found('okonkwo')).toEqual([
      `person /people/${pair.mentee.id}: Liam [Okonkwo] · liam.chen@clinic.example · Emergency`,
      `pair /relationships/${pair.relationship.id}: Zoë Lefèvre and Liam [Okonkwo] · New-graduate nurse residency`,
    ]);
  });

  it('finds a meeting by its topic’s new name once the topic is renamed, and no longer by the old one', async () => {
    const meeting = await logMeeting(
      meetingInput(pair.relationship.id, {
        confidential: true,
        topics: ['workplace-politics'],
        notes: 'Private.',
      }),
    );
    expect(await found('workplace pol')).toEqual([
      `meeting /meetings/${meeting.id}/edit: Topics: [Workplace] [politics]`,
    ]);

    await renameTopic('workplace-politics', 'Team dynamics');
    expect(await found('workplace')).toEqual([]);
    expect(await found('team dyn')).toEqual([
      `meeting /meetings/${meeting.id}/edit: Topics: [Team] [dynamics]`,
    ]);
  });

  it('waits for a second letter before matching the start of words', async () => {
    await logMeeting(meetingInput(pair.relationship.id, { confidential: false, notes: 'Liam on leave.' }));
    expect((await searchClinic('l'))?.groups).toEqual([]);
    expect(await found('li')).toHaveLength(3);
  });

  it('does not search a confidential meeting’s notes', async () => {
    await logMeeting(meetingInput(pair.relationship.id, { confidential: true, notes: 'A private grief.' }));
    expect(await found('grief')).toEqual([]);
  });
});

describe('the clinic search and the lock', () => {
  it('is dropped when the clinic locks, answers nothing while locked, and is built again after the unlock', async () => {
    if (!LOCKED_CONFIGURATION) {
      await createLock(db().name, 'test clinic passphrase', { logN: 10, r: 8, p: 1 });
      await sealClinic(db());
    }
    expect(lockMode()).toBe('on');
    await logMeeting(
      meetingInput(pair.relationship.id, { confidential: false, notes: 'Burnout after the flu season.' }),
    );
    // Rebuilt after the lock was turned on: the notes are sealed on the disk and opened for the index.
    await searchReady();
    expect(await found('burnout')).toHaveLength(1);

    closeSession();
    expect(hasSearchIndex()).toBe(false);
    expect(await searchClinic('burnout')).toBeNull();
    expect(hasSearchIndex()).toBe(false);

    await unlockWithPassphrase(db().name, 'test clinic passphrase');
    await searchClinic('');
    await searchReady();
    expect(await found('burnout flu')).toHaveLength(1);
  });
});
