// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  listMeetingGuides,
  resetMeetingGuide,
  saveMeetingGuide,
} from '../../renderer/data/meeting-guides.repo';
import {
  deleteMeeting,
  getMeeting,
  logMeeting,
  undoDeleteMeeting,
  updateMeeting,
} from '../../renderer/data/meetings.repo';
import {
  addMilestoneType,
  archiveMilestoneType,
  deleteMilestone,
  listMilestonesForRelationship,
  listMilestoneTypes,
  loadDebriefsDue,
  recordMilestone,
  updateMilestoneType,
} from '../../renderer/data/milestones.repo';
import { createPerson } from '../../renderer/data/people.repo';
import { changeRelationshipStatus, createRelationship } from '../../renderer/data/relationships.repo';
import { RuleError } from '../../renderer/domain/rules';
import {
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

const SECRET = 'First death on the ward: Mrs Example in bed 7, family very upset';

async function seedMilestone(date = '2024-06-10') {
  const seeded = await seedPair();
  const milestone = await recordMilestone({
    relationshipId: seeded.relationship.id,
    typeId: 'first-patient-death',
    date,
    description: SECRET,
  });
  return { ...seeded, milestone };
}

describe('recording a milestone', () => {
  it('stores it for the pairing’s mentee with the kind’s debrief target of 7 days', async () => {
    const { mentee, relationship, milestone } = await seedMilestone();
    expect(milestone).toMatchObject({
      relationshipId: relationship.id,
      menteeId: mentee.id,
      typeId: 'first-patient-death',
      date: '2024-06-10',
      description: SECRET,
      debriefWithinDays: 7,
    });
    expect(await listMilestonesForRelationship(relationship.id)).toEqual([{ ...milestone, debrief: null }]);
  });

  it('never writes the description to the audit log, only the field’s name', async () => {
    await seedMilestone();
    const audit = await auditText();
    expect(audit).not.toContain('Mrs Example');
    expect(audit).toContain('"description"');
  });

  it('refuses a milestone without a description, kind or real date, naming each field', async () => {
    const { relationship } = await seedPair();
    const attempt = recordMilestone({
      relationshipId: relationship.id,
      typeId: 'nope',
      date: '2024-13-01',
      description: ' ',
    });
    await expect(attempt).rejects.toBeInstanceOf(RuleError);
    const error = (await attempt.catch((caught: unknown) => caught)) as RuleError & { all: RuleError[] };
    expect(error.all.map((broken) => broken.field).sort()).toEqual(['date', 'description', 'typeId']);
    expect(await db().milestones.count()).toBe(0);
  });

  it('refuses a date in the future and a pairing that has ended', async () => {
    const { relationship } = await seedPair();
    await expect(
      recordMilestone({
        relationshipId: relationship.id,
        typeId: 'first-resuscitation',
        date: '2024-06-20',
        description: 'x',
      }),
    ).rejects.toThrow('cannot be dated in the future');
    await changeRelationshipStatus(relationship.id, 'completed', TODAY);
    await expect(
      recordMilestone({
        relationshipId: relationship.id,
        typeId: 'first-resuscitation',
        date: TODAY,
        description: 'x',
      }),
    ).rejects.toThrow('has ended');
  });

  it('takes the target of the clinic’s own kind, and keeps it when the kind changes later', async () => {
    const { relationship } = await seedPair();
    const type = await addMilestoneType({ label: 'First home visit alone', debriefWithinDays: 3 });
    const milestone = await recordMilestone({
      relationshipId: relationship.id,
      typeId: type.id,
      date: TODAY,
      description: 'x',
    });
    expect(milestone.debriefWithinDays).toBe(3);
    await updateMilestoneType(type.id, { label: 'First home visit alone', debriefWithinDays: 10 });
    expect((await listMilestonesForRelationship(relationship.id))[0]?.debriefWithinDays).toBe(3);
  });
});

describe('the clinic’s list of milestones', () => {
  it('starts with the six firsts, each debriefed within 7 days', async () => {
    const types = await listMilestoneTypes();
    expect(types.map((type) => type.label)).toEqual([
      'First conflict with a colleague',
      'First night shift in charge',
      'First operation or solo procedure',
      'First patient death',
      'First research presentation',
      'First resuscitation',
    ]);
    expect(new Set(types.map((type) => type.debriefWithinDays))).toEqual(new Set([7]));
  });

  it('edits a built-in kind’s target and refuses a duplicate name or a target out of range', async () => {
    await updateMilestoneType('first-resuscitation', { label: 'First resuscitation', debriefWithinDays: 2 });
    expect(
      (await listMilestoneTypes()).find((type) => type.id === 'first-resuscitation')?.debriefWithinDays,
    ).toBe(2);
    await expect(addMilestoneType({ label: 'first  RESUSCITATION', debriefWithinDays: 7 })).rejects.toThrow(
      'There is already a milestone called',
    );
    await expect(addMilestoneType({ label: 'First audit', debriefWithinDays: 0 })).rejects.toThrow(
      'from 1 to 90',
    );
  });

  it('no longer offers an archived kind for new milestones', async () => {
    const { relationship } = await seedPair();
    await archiveMilestoneType('first-research-presentation');
    await expect(
      recordMilestone({
        relationshipId: relationship.id,
        typeId: 'first-research-presentation',
        date: TODAY,
        description: 'x',
      }),
    ).rejects.toThrow('Choose what kind of first it was.');
  });
});

describe('debriefs', () => {
  it('a milestone is due for a debrief until a debrief meeting is logged for it', async () => {
    const { milestone, relationship } = await seedMilestone('2024-06-10');
    expect((await loadDebriefsDue(TODAY)).rows).toMatchObject([
      {
        milestoneId: milestone.id,
        menteeName: 'Liam Chen',
        typeLabel: 'First patient death',
        dueDate: '2024-06-17',
        daysLeft: 2,
      },
    ]);
    const meeting = await logMeeting(
      meetingInput(relationship.id, { format: 'debrief', milestoneId: milestone.id, date: '2024-06-14' }),
    );
    expect(await loadDebriefsDue(TODAY)).toEqual({ rows: [], total: 0, overdue: 0 });
    expect((await listMilestonesForRelationship(relationship.id))[0]?.debrief).toEqual({
      meetingId: meeting.id,
      date: '2024-06-14',
    });
  });

  it('the debrief is due again when its meeting is deleted, and leaves again on Undo', async () => {
    const { milestone, relationship } = await seedMilestone();
    const meeting = await logMeeting(meetingInput(relationship.id, { milestoneId: milestone.id }));
    const deleted = await deleteMeeting(meeting.id);
    expect((await loadDebriefsDue(TODAY)).rows.map((due) => due.milestoneId)).toEqual([milestone.id]);
    await undoDeleteMeeting(deleted);
    expect(await loadDebriefsDue(TODAY)).toEqual({ rows: [], total: 0, overdue: 0 });
  });

  it('editing a debrief meeting keeps it the milestone’s debrief', async () => {
    const { milestone, relationship } = await seedMilestone();
    const meeting = await logMeeting(meetingInput(relationship.id, { milestoneId: milestone.id }));
    await updateMeeting(meeting.id, meetingInput(relationship.id, { notes: 'Changed' }));
    expect((await getMeeting(meeting.id))?.milestoneId).toBe(milestone.id);
    expect(await loadDebriefsDue(TODAY)).toEqual({ rows: [], total: 0, overdue: 0 });
  });

  it('refuses a debrief dated before the milestone or logged for another pairing', async () => {
    const { milestone } = await seedMilestone('2024-06-10');
    await expect(
      logMeeting(meetingInput(milestone.relationshipId, { milestoneId: milestone.id, date: '2024-06-09' })),
    ).rejects.toThrow('dated before the milestone');
    const pair = (await db().relationships.get(milestone.relationshipId))!;
    const otherMentee = await createPerson(menteeInput({ name: 'Ana Silva', email: 'ana@clinic.example' }));
    const other = await createRelationship({
      programId: pair.programId,
      mentorId: pair.mentorId,
      menteeId: otherMentee.id,
      focus: 'clinical',
      startDate: '2024-03-01',
      plannedEndDate: null,
    });
    await expect(logMeeting(meetingInput(other.id, { milestoneId: milestone.id }))).rejects.toThrow(
      'for the pairing that should debrief',
    );
    expect(await db().meetings.count()).toBe(0);
  });

  it('a milestone of a pairing that ended is no longer asked of it', async () => {
    const { relationship } = await seedMilestone();
    await changeRelationshipStatus(relationship.id, 'completed', TODAY);
    expect(await loadDebriefsDue(TODAY)).toEqual({ rows: [], total: 0, overdue: 0 });
  });

  it('deleting a milestone keeps the debrief meeting, as an ordinary meeting', async () => {
    const { milestone, relationship } = await seedMilestone();
    const meeting = await logMeeting(meetingInput(relationship.id, { milestoneId: milestone.id }));
    await deleteMilestone(milestone.id);
    const kept = await getMeeting(meeting.id);
    expect(kept?.notes).toBe(meeting.notes);
    expect(kept && 'milestoneId' in kept).toBe(false);
    expect(await listMilestonesForRelationship(relationship.id)).toEqual([]);
  });
});

describe('meeting guides', () => {
  it('stores the clinic’s wording of a guide and goes back to ours on reset', async () => {
    const saved = await saveMeetingGuide('time-management', {
      questions: ['  What took longest this week? ', '', 'What can wait?', 'Who can help?'],
      watchFor: 'Staying late  every day.',
    });
    expect(saved).toMatchObject({
      id: 'time-management',
      questions: ['What took longest this week?', 'What can wait?', 'Who can help?'],
      watchFor: 'Staying late every day.',
    });
    expect(await listMeetingGuides()).toHaveLength(1);
    await resetMeetingGuide('time-management');
    expect(await listMeetingGuides()).toEqual([]);
  });

  it('refuses fewer than three questions, no watch-for line, or a topic that does not exist', async () => {
    await expect(saveMeetingGuide('ethics', { questions: ['One?', 'Two?'], watchFor: '' })).rejects.toThrow(
      'A guide has 3 to 6 questions',
    );
    await expect(
      saveMeetingGuide('no-such-topic', { questions: ['a', 'b', 'c'], watchFor: 'x' }),
    ).rejects.toThrow('This topic no longer exists.');
    expect(await listMeetingGuides()).toEqual([]);
  });
});
