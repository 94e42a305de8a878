// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  countMeetingsForRelationship,
  deleteMeeting,
  getMeeting,
  listActionItemsForRelationship,
  listLatestMeetingsForPerson,
  listLatestMeetingsForRelationship,
  listMeetingsForRelationship,
  logMeeting,
  recordMeetingNotesViewed,
  setActionItemDone,
  undoDeleteMeeting,
  updateMeeting,
} from '../../renderer/data/meetings.repo';
import { createPerson } from '../../renderer/data/people.repo';
import { createRelationship, getRelationship } from '../../renderer/data/relationships.repo';
import { addTopic } from '../../renderer/data/topics.repo';
import { RuleError } from '../../renderer/domain/rules';
import type { Relationship } from '../../renderer/domain/types';
import {
  auditOf,
  auditText,
  fixTodayPerTest,
  freshDatabasePerTest,
  meetingInput,
  menteeInput,
  seedPair,
  TODAY,
} from './helpers';

const db = freshDatabasePerTest();
fixTodayPerTest();

const SECRET_NOTE = 'Mentee disclosed panic attacks after the death of the patient in bed 4';
const SECRET_ACTION = 'Book a session with the staff counsellor about bed 4';

async function actionItemsOf(meetingId: string) {
  const meeting = await getMeeting(meetingId);
  if (!meeting) throw new Error(`Meeting ${meetingId} is missing.`);
  return meeting.actionItems;
}

async function lastMeetingDateOf(relationshipId: string) {
  return (await getRelationship(relationshipId))?.lastMeetingDate;
}

describe('logging a meeting', () => {
  it('stores the meeting and its action items, and moves the pair’s last meeting date', async () => {
    const { relationship } = await seedPair();
    const meeting = await logMeeting(
      meetingInput(relationship.id, {
        date: '2024-06-10',
        actionItems: [
          { text: '  Read the sepsis bundle ', owner: 'mentee', dueDate: '2024-06-20' },
          { text: 'Arrange a shadowing shift', owner: 'mentor', dueDate: null },
        ],
      }),
    );
    const stored = await getMeeting(meeting.id);
    expect(stored).toMatchObject({ ...meeting, date: '2024-06-10' });
    expect(stored?.actionItems.map((item) => [item.text, item.owner, item.dueDate, item.done])).toEqual(
      expect.arrayContaining([
        ['Read the sepsis bundle', 'mentee', '2024-06-20', false],
        ['Arrange a shadowing shift', 'mentor', null, false],
      ]),
    );
    expect(stored?.actionItems.every((item) => item.relationshipId === relationship.id)).toBe(true);
    expect(await lastMeetingDateOf(relationship.id)).toBe('2024-06-10');
  });

  it('keeps the latest date when an older meeting is logged afterwards', async () => {
    const { relationship } = await seedPair();
    await logMeeting(meetingInput(relationship.id, { date: '2024-06-10' }));
    await logMeeting(meetingInput(relationship.id, { date: '2024-04-02' }));
    expect(await lastMeetingDateOf(relationship.id)).toBe('2024-06-10');
    expect((await listMeetingsForRelationship(relationship.id)).map((meeting) => meeting.date)).toEqual([
      '2024-06-10',
      '2024-04-02',
    ]);
  });

  it('accepts tomorrow but refuses the day after, writing nothing', async () => {
    const { relationship } = await seedPair();
    await logMeeting(meetingInput(relationship.id, { date: '2024-06-16' }));
    const auditBefore = await db().auditLog.count();
    const refusal = logMeeting(meetingInput(relationship.id, { date: '2024-06-17' }));
    await expect(refusal).rejects.toBeInstanceOf(RuleError);
    await expect(refusal).rejects.toThrow('A meeting cannot be dated more than a day in the future.');
    expect(await db().meetings.count()).toBe(1);
    expect(await db().auditLog.count()).toBe(auditBefore);
    expect(await lastMeetingDateOf(relationship.id)).toBe('2024-06-16');
  });

  it('writes nothing when one action item is bad', async () => {
    const { relationship } = await seedPair();
    await expect(
      logMeeting(
        meetingInput(relationship.id, {
          actionItems: [
            { text: 'Fine', owner: 'mentee', dueDate: null },
            { text: 'Bad date', owner: 'mentee', dueDate: '2024-02-30' },
          ],
        }),
      ),
    ).rejects.toThrow(/Action item 2's due date must be a real date/);
    expect(await db().meetings.count()).toBe(0);
    expect(await db().actionItems.count()).toBe(0);
    expect(await lastMeetingDateOf(relationship.id)).toBeNull();
  });
});

describe('the audit log of meetings', () => {
  it('lists field names for every change and never contains note or action-item text', async () => {
    const { relationship } = await seedPair();
    const meeting = await logMeeting(
      meetingInput(relationship.id, {
        notes: SECRET_NOTE,
        actionItems: [{ text: SECRET_ACTION, owner: 'mentee', dueDate: '2024-06-30' }],
      }),
    );
    const [item] = await actionItemsOf(meeting.id);
    await updateMeeting(
      meeting.id,
      meetingInput(relationship.id, {
        notes: `${SECRET_NOTE} (follow-up booked)`,
        actionItems: [{ id: item.id, text: `${SECRET_ACTION}, this week`, owner: 'both', dueDate: null }],
      }),
    );
    await setActionItemDone(item.id, true);
    const deleted = await deleteMeeting(meeting.id);
    await undoDeleteMeeting(deleted);

    expect((await auditOf(meeting.id)).map((entry) => [entry.action, entry.fields])).toEqual([
      ['create', ['confidential', 'date', 'durationMinutes', 'format', 'notes', 'relationshipId', 'topics']],
      ['update', ['notes']],
      ['delete', []],
      ['restore', []],
    ]);
    expect((await auditOf(item.id)).map((entry) => [entry.action, entry.fields])).toEqual(
      expect.arrayContaining([
        ['create', ['owner', 'dueDate', 'text']],
        ['update', ['done', 'doneDate']],
      ]),
    );
    const everything = await auditText();
    expect(everything).not.toContain('panic attacks');
    expect(everything).not.toContain('bed 4');
    expect(everything).not.toContain('counsellor');
  });
});

describe('showing a confidential note', () => {
  it('writes a view entry naming the meeting and the field, never the text', async () => {
    const { relationship } = await seedPair();
    const meeting = await logMeeting(
      meetingInput(relationship.id, { notes: SECRET_NOTE, confidential: true }),
    );
    await recordMeetingNotesViewed(meeting.id);
    await recordMeetingNotesViewed(meeting.id);
    const views = (await auditOf(meeting.id)).filter((entry) => entry.action === 'view');
    expect(views).toEqual([
      expect.objectContaining({ table: 'meetings', recordId: meeting.id, action: 'view', fields: ['notes'] }),
      expect.objectContaining({ table: 'meetings', recordId: meeting.id, action: 'view', fields: ['notes'] }),
    ]);
    expect(await auditText()).not.toContain('panic attacks');
  });
});

describe('correcting a meeting', () => {
  it('replaces, adds and removes action items as the form says', async () => {
    const { relationship } = await seedPair();
    const meeting = await logMeeting(
      meetingInput(relationship.id, {
        actionItems: [
          { text: 'Keep me, reworded', owner: 'mentee', dueDate: '2024-06-20' },
          { text: 'Remove me', owner: 'mentor', dueDate: '2024-06-21' },
        ],
      }),
    );
    const before = await actionItemsOf(meeting.id);
    const kept = before.find((item) => item.text === 'Keep me, reworded')!;
    const removed = before.find((item) => item.text === 'Remove me')!;

    await updateMeeting(
      meeting.id,
      meetingInput(relationship.id, {
        actionItems: [
          { id: kept.id, text: 'Kept and reworded', owner: 'both', dueDate: '2024-06-25' },
          { text: 'Brand new', owner: 'mentee', dueDate: null },
        ],
      }),
    );
    const after = await actionItemsOf(meeting.id);
    expect(after).toHaveLength(2);
    expect(after.find((item) => item.id === kept.id)).toMatchObject({
      text: 'Kept and reworded',
      owner: 'both',
      dueDate: '2024-06-25',
      createdAt: kept.createdAt,
    });
    expect(after.find((item) => item.id !== kept.id)).toMatchObject({ text: 'Brand new', done: false });
    expect(await db().actionItems.get(removed.id)).toBeUndefined();
    expect((await auditOf(removed.id)).map((entry) => entry.action)).toEqual(['create', 'delete']);
  });

  it('audits the action items added or changed while correcting a meeting', async () => {
    const { relationship } = await seedPair();
    const meeting = await logMeeting(
      meetingInput(relationship.id, { actionItems: [{ text: 'First', owner: 'mentee', dueDate: null }] }),
    );
    const [first] = await actionItemsOf(meeting.id);
    await updateMeeting(
      meeting.id,
      meetingInput(relationship.id, {
        actionItems: [
          { id: first.id, text: 'First, reworded', owner: 'mentee', dueDate: '2024-06-30' },
          { text: 'Added later', owner: 'mentee', dueDate: null },
        ],
      }),
    );
    const added = (await actionItemsOf(meeting.id)).find((item) => item.id !== first.id)!;
    expect((await auditOf(added.id)).map((entry) => [entry.action, entry.fields])).toEqual([
      ['create', ['owner', 'dueDate', 'text']],
    ]);
    expect((await auditOf(first.id)).map((entry) => [entry.action, entry.fields])).toEqual([
      ['create', ['owner', 'dueDate', 'text']],
      ['update', ['dueDate', 'text']],
    ]);
  });

  it('removes every action item when the corrected meeting has none', async () => {
    const { relationship } = await seedPair();
    const meeting = await logMeeting(
      meetingInput(relationship.id, { actionItems: [{ text: 'One', owner: 'mentee', dueDate: null }] }),
    );
    await updateMeeting(meeting.id, meetingInput(relationship.id, { actionItems: [] }));
    expect((await getMeeting(meeting.id))?.actionItems).toEqual([]);
    expect(await listActionItemsForRelationship(relationship.id)).toEqual([]);
  });

  it('moves the last meeting date when the date of the latest meeting is corrected', async () => {
    const { relationship } = await seedPair();
    await logMeeting(meetingInput(relationship.id, { date: '2024-05-01' }));
    const latest = await logMeeting(meetingInput(relationship.id, { date: '2024-06-10' }));
    await updateMeeting(latest.id, meetingInput(relationship.id, { date: '2024-04-15' }));
    expect(await lastMeetingDateOf(relationship.id)).toBe('2024-05-01');
  });

  it('refuses to move a meeting to another pair', async () => {
    const first = await seedPair();
    const meeting = await logMeeting(meetingInput(first.relationship.id));
    await expect(updateMeeting(meeting.id, meetingInput('another-pair'))).rejects.toMatchObject({
      code: 'moved',
    });
  });
});

describe('deleting a meeting and undoing it', () => {
  it('rolls the last meeting date back to the previous meeting, or to none', async () => {
    const { relationship } = await seedPair();
    const older = await logMeeting(meetingInput(relationship.id, { date: '2024-05-01' }));
    const latest = await logMeeting(meetingInput(relationship.id, { date: '2024-06-10' }));
    await deleteMeeting(latest.id);
    expect(await lastMeetingDateOf(relationship.id)).toBe('2024-05-01');
    await deleteMeeting(older.id);
    expect(await lastMeetingDateOf(relationship.id)).toBeNull();
    expect(await listMeetingsForRelationship(relationship.id)).toEqual([]);
  });

  it('puts the meeting and its action items back exactly as they were', async () => {
    const { relationship } = await seedPair();
    await logMeeting(meetingInput(relationship.id, { date: '2024-05-01' }));
    const meeting = await logMeeting(
      meetingInput(relationship.id, {
        date: '2024-06-10',
        notes: SECRET_NOTE,
        actionItems: [
          { text: SECRET_ACTION, owner: 'mentee', dueDate: '2024-06-30' },
          { text: 'Done already', owner: 'mentor', dueDate: '2024-06-12' },
        ],
      }),
    );
    const doneItem = (await actionItemsOf(meeting.id)).find((item) => item.text === 'Done already')!;
    await setActionItemDone(doneItem.id, true, '2024-06-11');
    const original = await getMeeting(meeting.id);

    const deleted = await deleteMeeting(meeting.id);
    expect(await getMeeting(meeting.id)).toBeUndefined();
    expect(await db().actionItems.where('meetingId').equals(meeting.id).count()).toBe(0);
    expect(await lastMeetingDateOf(relationship.id)).toBe('2024-05-01');

    await undoDeleteMeeting(deleted);
    const restored = await getMeeting(meeting.id);
    expect(restored).toEqual(original);
    expect(restored?.actionItems.find((item) => item.id === doneItem.id)).toMatchObject({
      done: true,
      doneDate: '2024-06-11',
    });
    expect(await lastMeetingDateOf(relationship.id)).toBe('2024-06-10');
  });

  it('audits the deletion and the return of each action item along with its meeting', async () => {
    const { relationship } = await seedPair();
    const meeting = await logMeeting(
      meetingInput(relationship.id, { actionItems: [{ text: 'Item', owner: 'mentee', dueDate: null }] }),
    );
    const [item] = await actionItemsOf(meeting.id);
    await undoDeleteMeeting(await deleteMeeting(meeting.id));
    expect((await auditOf(item.id)).map((entry) => entry.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('cannot be undone twice', async () => {
    const { relationship } = await seedPair();
    const meeting = await logMeeting(meetingInput(relationship.id));
    const deleted = await deleteMeeting(meeting.id);
    await undoDeleteMeeting(deleted);
    await expect(undoDeleteMeeting(deleted)).rejects.toThrow();
    expect(await db().meetings.count()).toBe(1);
  });

  it('says plainly that a meeting already deleted no longer exists', async () => {
    await expect(deleteMeeting('gone')).rejects.toThrow('This meeting no longer exists.');
  });
});

describe('action items', () => {
  it('lists open items first, soonest due first, and records when an item is done', async () => {
    const { relationship } = await seedPair();
    await logMeeting(
      meetingInput(relationship.id, {
        actionItems: [
          { text: 'No due date', owner: 'mentee', dueDate: null },
          { text: 'Due later', owner: 'mentee', dueDate: '2024-07-01' },
          { text: 'Due soon', owner: 'mentor', dueDate: '2024-06-18' },
        ],
      }),
    );
    const soon = (await listActionItemsForRelationship(relationship.id)).find(
      (item) => item.text === 'Due soon',
    )!;
    const done = await setActionItemDone(soon.id, true);
    expect(done).toMatchObject({ done: true, doneDate: TODAY });
    expect((await listActionItemsForRelationship(relationship.id)).map((item) => item.text)).toEqual([
      'Due later',
      'No due date',
      'Due soon',
    ]);
    expect((await setActionItemDone(soon.id, false)).doneDate).toBeNull();
  });
});

describe("'tomorrow' follows the clinic's own clock, not UTC", () => {
  let previousZone: string | undefined;
  beforeEach(() => {
    previousZone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    // 23:30 on 15 June in New York, when it is already 16 June in UTC.
    vi.setSystemTime(new Date('2024-06-16T03:30:00Z'));
  });
  afterEach(() => {
    if (previousZone === undefined) delete process.env.TZ;
    else process.env.TZ = previousZone;
  });

  it('accepts a meeting dated 16 June late on 15 June, and refuses 17 June', async () => {
    const { relationship } = await seedPair();
    await expect(logMeeting(meetingInput(relationship.id, { date: '2024-06-16' }))).resolves.toMatchObject({
      date: '2024-06-16',
    });
    await expect(logMeeting(meetingInput(relationship.id, { date: '2024-06-17' }))).rejects.toMatchObject({
      code: 'future-meeting',
    });
  });
});

describe('the topics of a meeting', () => {
  it('are refused when the clinic has no such topic, and nothing is written', async () => {
    const { relationship } = await seedPair();
    await expect(
      logMeeting(meetingInput(relationship.id, { topics: ['ethics', 'no-such-topic'] })),
    ).rejects.toMatchObject({ code: 'unknown-topic' });
    expect(await listMeetingsForRelationship(relationship.id)).toEqual([]);
  });

  it("accept the built-in ones and the clinic's own", async () => {
    const { relationship } = await seedPair();
    const own = await addTopic('Night shift handovers');
    const meeting = await logMeeting(meetingInput(relationship.id, { topics: ['ethics', own.id] }));
    expect(meeting.topics).toEqual(['ethics', own.id]);
  });
});

function pairInputOf(pair: Relationship) {
  const { programId, mentorId, menteeId, focus, startDate, plannedEndDate } = pair;
  return { programId, mentorId, menteeId, focus, startDate, plannedEndDate };
}

describe('a long meeting history, shown a page at a time', () => {
  it('gives the latest meetings first, each growing page extending the last without gaps or repeats', async () => {
    const { relationship } = await seedPair();
    const otherMentee = await createPerson(
      menteeInput({ name: 'Omar Haddad', email: 'omar@clinic.example' }),
    );
    const other = await createRelationship({ ...pairInputOf(relationship), menteeId: otherMentee.id });
    const dates: string[] = [];
    for (let day = 1; day <= 25; day++) {
      // Day 25 repeats 3 May: equal dates must not make a page skip or repeat a meeting.
      const date = `2024-05-${String(day === 25 ? 3 : day).padStart(2, '0')}`;
      dates.push(date);
      await logMeeting(meetingInput(relationship.id, { date }));
    }
    await logMeeting(meetingInput(other.id, { date: '2024-06-14' }));

    const first = await listLatestMeetingsForRelationship(relationship.id, 10);
    expect(first.total).toBe(25);
    expect(first.meetings.map((meeting) => meeting.date)).toEqual([...dates].sort().reverse().slice(0, 10));
    const all = await listLatestMeetingsForRelationship(relationship.id, 30);
    expect(all.meetings).toHaveLength(25);
    expect(new Set(all.meetings.map((meeting) => meeting.id)).size).toBe(25);
    expect(all.meetings.every((meeting) => meeting.relationshipId === relationship.id)).toBe(true);
    const second = await listLatestMeetingsForRelationship(relationship.id, 20);
    expect(second.meetings.slice(0, 10).map((meeting) => meeting.id)).toEqual(
      first.meetings.map((m) => m.id),
    );
    expect(second.meetings.map((meeting) => meeting.id)).toEqual(all.meetings.slice(0, 20).map((m) => m.id));
    expect(await countMeetingsForRelationship(other.id)).toBe(1);
  });

  it('merges a mentor’s pairings into one history, latest first, counting every meeting', async () => {
    const { relationship, mentor } = await seedPair();
    const otherMentee = await createPerson(
      menteeInput({ name: 'Omar Haddad', email: 'omar@clinic.example' }),
    );
    const other = await createRelationship({ ...pairInputOf(relationship), menteeId: otherMentee.id });
    for (let day = 1; day <= 6; day++) {
      const date = `2024-05-${String(day).padStart(2, '0')}`;
      await logMeeting(meetingInput(day % 2 ? relationship.id : other.id, { date }));
    }
    const latest = await listLatestMeetingsForPerson(mentor.id, 4);
    expect(latest.total).toBe(6);
    expect(latest.meetings.map(({ meeting, relationship: pair }) => [meeting.date, pair.id])).toEqual([
      ['2024-05-06', other.id],
      ['2024-05-05', relationship.id],
      ['2024-05-04', other.id],
      ['2024-05-03', relationship.id],
    ]);
    const mentee = await listLatestMeetingsForPerson(otherMentee.id, 4);
    expect(mentee.total).toBe(3);
    expect(mentee.meetings.map(({ meeting }) => meeting.date)).toEqual([
      '2024-05-06',
      '2024-05-04',
      '2024-05-02',
    ]);
  });
});
