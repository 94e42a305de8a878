// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, closeDatabase, tablesOfSchema } from '../../renderer/data/db';
import { loadDebriefsDue } from '../../renderer/data/milestones.repo';
import { loadPlanDashboard } from '../../renderer/data/plan-dashboard.repo';
import { listOpenSupportRequests } from '../../renderer/data/questionnaires.repo';
import { loadTrainingDue } from '../../renderer/data/training.repo';
import {
  closeUpgradeDatabasesAfterEach,
  everyStoredField,
  inKeyOrder,
  staffAsStored,
  storedRecords,
  upgradeAppDatabaseFrom,
} from './schema-upgrade-helpers';

// A clinic on version 11 opens version 12: every record keeps every field it had, and the dashboard's
// summary fields are computed from what is there, so each card lists exactly what it listed before.

const STAMP = '2024-01-01T09:00:00.000Z';
const TODAY = '2024-06-15';
closeUpgradeDatabasesAfterEach();

const pair = (id: string, menteeId: string, status: string, startDate: string) => ({
  id,
  programId: 'residency',
  mentorId: 'grace',
  menteeId,
  status,
  startDate,
  plannedEndDate: null,
  endDate: status === 'completed' ? '2024-06-01' : null,
  statusHistory: [{ status: 'active', date: startDate }],
  lastMeetingDate: null,
  clockStart: startDate,
});
const goal = (id: string, relationshipId: string, targetDate: string) => ({
  id,
  relationshipId,
  areaId: 'area-clinical',
  title: 'Lead a handover',
  details: '',
  setDate: '2024-01-15',
  targetDate,
  status: 'on-track',
  dropReason: null,
  steps: [],
  createdAt: STAMP,
  updatedAt: STAMP,
});
const milestone = (id: string, relationshipId: string, menteeId: string, date: string) => ({
  id,
  relationshipId,
  menteeId,
  typeId: 'first-patient-death',
  date,
  description: 'A first',
  debriefWithinDays: 7,
  createdAt: STAMP,
  updatedAt: STAMP,
});
const training = (id: string, personId: string, completedOn: string, renewBy: string) => ({
  id,
  personId,
  courseId: 'course',
  provider: '',
  completedOn,
  hours: 4,
  renewBy,
  createdAt: STAMP,
  updatedAt: STAMP,
});

const V11_CONTENT: Record<string, object[]> = {
  people: [
    staffAsStored('grace', 'Grace Okafor', 'mentor'),
    staffAsStored('omar', 'Omar Haddad', 'mentor'),
    staffAsStored('liam', 'Liam Chen', 'mentee'),
    staffAsStored('ana', 'Ana Silva', 'mentee'),
    staffAsStored('noor', 'Noor Ali', 'mentee'),
  ],
  programs: [
    { id: 'residency', name: 'Residency', cadenceDays: 14, typicalLengthMonths: 12, archived: false },
  ],
  relationships: [
    // Has a plan; its goal is past its target.
    pair('planned', 'liam', 'active', '2024-01-08'),
    // Three months in without a goal.
    pair('unplanned', 'ana', 'active', '2024-03-01'),
    // Ended: its open goal and its milestone are no longer followed up.
    pair('ended', 'noor', 'completed', '2023-09-01'),
  ],
  meetings: [
    {
      id: 'debrief',
      relationshipId: 'planned',
      date: '2024-05-20',
      durationMinutes: 30,
      format: 'debrief',
      topics: [],
      notes: 'Talked it through',
      confidential: false,
      milestoneId: 'debriefed',
      createdAt: STAMP,
      updatedAt: STAMP,
    },
  ],
  trainingCourses: [
    { id: 'course', name: 'Mentoring basics', provider: '', renewalMonths: 12, archived: false },
  ],
  trainingRecords: [
    // Grace renewed late: the later completion counts, and lapses within 30 days of today.
    training('grace-2022', 'grace', '2022-07-01', '2023-07-01'),
    training('grace-2023', 'grace', '2023-07-05', '2024-07-05'),
    // Omar's training lapsed in March.
    training('omar-2023', 'omar', '2023-03-01', '2024-03-01'),
  ],
  supportRequests: [
    { id: 'open', personId: 'liam', requestedOn: '2024-06-10', createdAt: STAMP, doneAt: null },
    { id: 'done', personId: 'ana', requestedOn: '2024-02-10', createdAt: STAMP, doneAt: STAMP },
  ],
  goals: [goal('late-goal', 'planned', '2024-05-01'), goal('ended-goal', 'ended', '2024-03-01')],
  milestones: [
    milestone('debriefed', 'planned', 'liam', '2024-05-18'),
    milestone('waiting', 'planned', 'liam', '2024-06-12'),
    milestone('ended-waiting', 'ended', 'noor', '2024-05-01'),
  ],
  settings: [{ key: 'clinic', clinicName: 'Riverside', onboarded: true }],
  auditLog: [{ at: STAMP, table: 'people', recordId: 'grace', action: 'create', fields: ['name'] }],
};

async function upgradedClinic(): Promise<string> {
  const { name, db } = await upgradeAppDatabaseFrom(11, V11_CONTENT);
  expect(db.verno).toBeGreaterThanOrEqual(12);
  return name;
}

describe('upgrading a version 11 database to version 12', () => {
  it('keeps every field of every record in every table of version 11', async () => {
    const name = await upgradedClinic();
    closeDatabase();
    for (const table of tablesOfSchema(11)) {
      const stored = await storedRecords(name, table);
      if (table === 'auditLog') {
        expect(stored[0]).toEqual({ ...V11_CONTENT.auditLog[0], seq: 1 });
        // One confirmation, of the version the app is at (later versions' upgrades run after this one).
        expect(stored.at(-1)).toMatchObject({
          detail: `Database upgraded to version ${CURRENT_SCHEMA_VERSION}.`,
        });
      } else expect(stored, table).toStrictEqual(inKeyOrder(V11_CONTENT[table] ?? []));
    }
  });

  it('stores the summaries beside the records, from the records they summarise', async () => {
    const name = await upgradedClinic();
    closeDatabase();
    // Every field as stored, the summaries included.
    const stored = (await everyStoredField(name)) as Record<string, Record<string, unknown>[]>;
    const { people, relationships: pairs, goals, milestones, supportRequests: requests } = stored;
    const pick = (rows: Record<string, unknown>[], fields: string[]) =>
      Object.fromEntries(rows.map((row) => [row.id, Object.fromEntries(fields.map((f) => [f, row[f]]))]));
    expect(pick(people!, ['trainingRenewBy', 'mentorRenewBy'])).toEqual({
      ana: { trainingRenewBy: undefined, mentorRenewBy: undefined },
      grace: { trainingRenewBy: '2024-07-05', mentorRenewBy: '2024-07-05' },
      liam: { trainingRenewBy: undefined, mentorRenewBy: undefined },
      noor: { trainingRenewBy: undefined, mentorRenewBy: undefined },
      omar: { trainingRenewBy: '2024-03-01', mentorRenewBy: '2024-03-01' },
    });
    expect(pick(pairs!, ['hasGoal', 'startWithoutPlan'])).toEqual({
      ended: { hasGoal: true, startWithoutPlan: undefined },
      planned: { hasGoal: true, startWithoutPlan: undefined },
      unplanned: { hasGoal: undefined, startWithoutPlan: '2024-03-01' },
    });
    expect(pick(goals!, ['pairStatus', 'liveTargetDate'])).toEqual({
      'ended-goal': { pairStatus: 'completed', liveTargetDate: undefined },
      'late-goal': { pairStatus: 'active', liveTargetDate: '2024-05-01' },
    });
    expect(pick(milestones!, ['pairStatus', 'debriefed', 'debriefDueOn'])).toEqual({
      debriefed: { pairStatus: 'active', debriefed: true, debriefDueOn: undefined },
      'ended-waiting': { pairStatus: 'completed', debriefed: undefined, debriefDueOn: undefined },
      waiting: { pairStatus: 'active', debriefed: undefined, debriefDueOn: '2024-06-19' },
    });
    expect(pick(requests!, ['openSince'])).toEqual({
      done: { openSince: undefined },
      open: { openSince: '2024-06-10' },
    });
  });

  it('lists on the dashboard what it listed before the upgrade', async () => {
    await upgradedClinic();
    const plans = await loadPlanDashboard(TODAY, 10);
    expect(plans.overdueGoals.map((row) => row.goalId)).toEqual(['late-goal']);
    expect(plans.pairsWithoutPlan.map((row) => row.relationshipId)).toEqual(['unplanned']);
    expect(plans.totals).toEqual({ overdueGoals: 1, pairsWithoutPlan: 1 });
    const debriefs = await loadDebriefsDue(TODAY, 10);
    expect(debriefs.rows.map((row) => [row.milestoneId, row.daysLeft])).toEqual([['waiting', 4]]);
    expect([debriefs.total, debriefs.overdue]).toEqual([1, 0]);
    const renew = await loadTrainingDue(TODAY, 10);
    expect(renew.rows).toEqual([
      { personId: 'omar', name: 'Omar Haddad', state: 'lapsed', renewBy: '2024-03-01' },
      { personId: 'grace', name: 'Grace Okafor', state: 'lapsing', renewBy: '2024-07-05' },
    ]);
    expect((await listOpenSupportRequests()).map((request) => request.id)).toEqual(['open']);
  });
});
