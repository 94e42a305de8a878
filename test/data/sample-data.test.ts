// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadDashboard } from '../../renderer/data/dashboard.repo';
import { TABLE_NAMES } from '../../renderer/data/db';
import { listMeetingsForRelationship } from '../../renderer/data/meetings.repo';
import { loadTrainingDue } from '../../renderer/data/training.repo';
import { RuleError } from '../../renderer/domain/rules';
import { generateSampleClinic } from '../../renderer/sample-clinic';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import { auditEntries, freshDatabasePerTest, personInput } from './helpers';

const db = freshDatabasePerTest();
const TODAY = '2026-01-15';

async function tableCounts(): Promise<Record<string, number>> {
  const database = db();
  const counts: Record<string, number> = {};
  for (const name of TABLE_NAMES) counts[name] = await database.table(name).count();
  return counts;
}

describe('loading the sample clinic', () => {
  it('writes every generated record, names the clinic and leaves the welcome behind', async () => {
    const expected = generateSampleClinic({ seed: 1, size: 'demo', today: TODAY });
    const summary = await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY });

    expect(summary).toEqual({
      people: expected.people.length,
      programs: expected.programs.length,
      relationships: expected.relationships.length,
      meetings: expected.meetings.length,
      actionItems: expected.actionItems.length,
      topics: expected.topics.length,
      trainingCourses: 2,
      trainingRecords: expected.trainingRecords?.length,
      recognitions: 3,
      questionnaires: expected.questionnaires.length,
      responses: expected.responses.length,
      milestones: expected.milestones?.length,
      goals: expected.goals.length,
    });
    expect(expected.milestones).toHaveLength(3);
    expect(await tableCounts()).toEqual({
      ...summary,
      supportRequests: expected.supportRequests.length,
      milestoneTypes: 0,
      meetingGuides: 0,
      goalAreas: expected.goalAreas.length,
      goalProgress: expected.goalProgress.length,
      settings: 1,
      auditLog: 1,
    });
    // The demo covers every questionnaire record: the clinic's own, answers, one request for contact.
    expect(summary.questionnaires).toBe(1);
    expect(summary.responses).toBeGreaterThan(20);
    expect(expected.supportRequests).toHaveLength(1);
    expect(await db().people.get(expected.people[0]!.id)).toEqual(expected.people[0]);
    const settings = await db().settings.get('clinic');
    expect(settings).toMatchObject({ clinicName: 'Riverside Community Clinic', onboarded: true });
  });

  it('records one audit entry with the counts and none of the note text', async () => {
    const clinic = generateSampleClinic({ seed: 1, size: 'demo', today: TODAY });
    await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY });
    const [entry] = await auditEntries();
    expect(entry).toMatchObject({
      table: 'settings',
      recordId: 'clinic',
      fields: ['clinicName', 'onboarded'],
    });
    expect(entry!.detail).toContain(`${clinic.meetings.length} meetings`);
    const logged = JSON.stringify(await auditEntries());
    for (const meeting of clinic.meetings) expect(logged).not.toContain(meeting.notes);
    for (const item of clinic.actionItems) expect(logged).not.toContain(item.text);
  });

  it('gives the repositories a working clinic: the dashboard has overdue and quiet pairs', async () => {
    await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY });
    const dashboard = await loadDashboard(TODAY);
    expect(dashboard.overdue.length).toBeGreaterThanOrEqual(1);
    expect(dashboard.quiet.length).toBeGreaterThanOrEqual(1);
    const quiet = dashboard.quiet[0]!;
    const meetings = await listMeetingsForRelationship(quiet.relationshipId);
    expect(meetings.map((meeting) => meeting.date)).toContain(quiet.lastMeetingDate);
  });

  it('gives the demo one mentor whose training has lapsed and one whose training lapses within 30 days', async () => {
    await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY });
    const due = await loadTrainingDue(TODAY);
    expect(due.rows.map((row) => row.state)).toEqual(['lapsed', 'lapsing']);
    expect(await db().recognitions.count()).toBe(3);
  });

  it('refuses a second load in plain words and changes nothing', async () => {
    await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY });
    const before = await tableCounts();
    const second = loadSampleClinic({ seed: 2, size: 'demo', today: TODAY });
    await expect(second).rejects.toBeInstanceOf(RuleError);
    await expect(second).rejects.toThrow('already has people in it');
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses to load next to people the manager has already entered', async () => {
    await db().people.add({
      ...personInput(),
      id: 'someone-real',
      archived: false,
      createdAt: `${TODAY}T09:00:00.000Z`,
      updatedAt: `${TODAY}T09:00:00.000Z`,
    });
    await expect(loadSampleClinic({ today: TODAY })).rejects.toThrow('already has people in it');
    expect(await db().people.count()).toBe(1);
  });

  it('replaces an earlier sample when asked to', async () => {
    await loadSampleClinic({ seed: 1, size: 'demo', today: TODAY });
    await loadSampleClinic({ seed: 2, size: 'demo', today: TODAY, replace: true });
    const second = generateSampleClinic({ seed: 2, size: 'demo', today: TODAY });
    const ids = (await db().people.toArray()).map((person) => person.id).sort();
    expect(ids).toEqual(second.people.map((person) => person.id).sort());
    expect(await db().meetings.count()).toBe(second.meetings.length);
    expect((await auditEntries()).at(-1)?.detail).toContain('replacing earlier records');
  });

  it('leaves nothing behind when it fails half-way', async () => {
    // An action item already holding one of the ids the sample will use makes the last write fail.
    const clinic = generateSampleClinic({ seed: 1, size: 'demo', today: TODAY });
    const clash = clinic.actionItems.at(-1)!;
    // Written with the meetings in the transaction: an item takes its meeting's date (none here).
    await db().transaction('rw', [db().actionItems, db().meetings, db().relationships], () =>
      db().actionItems.add(clash),
    );

    await expect(loadSampleClinic({ seed: 1, size: 'demo', today: TODAY })).rejects.toThrow();

    expect(await tableCounts()).toEqual({
      people: 0,
      programs: 0,
      relationships: 0,
      milestoneTypes: 0,
      milestones: 0,
      meetingGuides: 0,
      meetings: 0,
      actionItems: 1,
      topics: 0,
      questionnaires: 0,
      responses: 0,
      supportRequests: 0,
      goalAreas: 0,
      goals: 0,
      goalProgress: 0,
      settings: 0,
      trainingCourses: 0,
      trainingRecords: 0,
      recognitions: 0,
      auditLog: 0,
    });
  });

  it('keeps topics the clinic already has, including a renamed built-in one', async () => {
    await db().topics.add({ id: 'ethics', label: 'Ethics and consent', builtIn: true, archived: false });
    const summary = await loadSampleClinic({ today: TODAY });
    expect(await db().topics.get('ethics')).toMatchObject({ label: 'Ethics and consent' });
    expect(await db().topics.count()).toBe(summary.topics + 1);
  });
});
