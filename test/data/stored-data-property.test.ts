import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackupTables } from '../../renderer/data/backup/schemas';
import { recordSchemas } from '../../renderer/data/backup/schemas';
import { loadDashboard } from '../../renderer/data/dashboard.repo';
import { TABLE_NAMES } from '../../renderer/data/db';
import { loadDueQuestionnaires, loadQuestionnaireReportData } from '../../renderer/data/questionnaires.repo';
import { loadReportChoices, loadReportData } from '../../renderer/data/reports.repo';
import { CHECKPOINTS, SUPPORT_OUTCOMES } from '../../renderer/domain/questionnaires/types';
import { computeReport } from '../../renderer/domain/reports/compute-report';
import { tableToCsv } from '../../renderer/domain/reports/csv';
import { resolvePeriod } from '../../renderer/domain/reports/period';
import { computeQuestionnairesSection } from '../../renderer/domain/reports/questionnaires';
import { computeRecognitionLetter, LetterError } from '../../renderer/domain/reports/recognition-letter';
import { reportTables } from '../../renderer/domain/reports/tables';
import {
  ACTION_OWNERS,
  BUILT_IN_TOPICS,
  CAREER_STAGES,
  FOCUSES,
  GOAL_STATUSES,
  MEETING_FORMATS,
  PROFESSIONS,
  RELATIONSHIP_STATUSES,
} from '../../renderer/domain/types';
import { freshDatabase, loadTables } from './backup-fixtures';

// Whatever the database holds, as long as each record has the shape a backup allows, the dashboard and
// every report open: dangling links, a cadence of 0 days, a history out of order, dates far in the past
// or future, a mentee paired with herself. A crash there would lock a manager out of her own records.

/** Any real calendar day from year 1 to 9999, as a backup's schema allows. */
const day = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
/** Mostly near today, so the figures are computed, and sometimes anywhere at all. */
const nearDay = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -900, max: 200 }).map((offset) => offsetDay(offset)) },
  { weight: 1, arbitrary: day },
);
const moment = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const text = fc.string({ maxLength: 12 });
const count = fc.oneof(fc.constantFrom(0, 1, 2), fc.nat(100_000));

const TODAY = '2026-03-15';
function offsetDay(offset: number): string {
  const date = new Date(`${TODAY}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

/** Ids from small pools, so links sometimes hold and sometimes point at nothing. */
const personId = fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5');
const programId = fc.constantFrom('g1', 'g2', 'g3');
const pairId = fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6');
const meetingId = fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8');
const topicId = fc.constantFrom('t1', 't2', ...BUILT_IN_TOPICS.slice(0, 3).map((topic) => topic.id));
const stamps = { createdAt: moment, updatedAt: moment };
const goalId = fc.constantFrom('o1', 'o2', 'o3', 'o4');

const tables: fc.Arbitrary<BackupTables> = fc.record({
  people: fc.uniqueArray(
    fc.record({
      id: personId,
      name: text,
      email: text,
      profession: fc.constantFrom(...PROFESSIONS),
      specialty: text,
      careerStage: fc.constantFrom(...CAREER_STAGES),
      hireDate: fc.option(nearDay, { nil: null }),
      leavingDate: fc.option(nearDay, { nil: null }),
      tags: fc.array(text, { maxLength: 2 }),
      isMentor: fc.boolean(),
      isMentee: fc.boolean(),
      mentorCapacity: count,
      archived: fc.boolean(),
      ...stamps,
    }),
    { maxLength: 5, selector: (record) => record.id },
  ),
  programs: fc.uniqueArray(
    fc.record({
      id: programId,
      name: text,
      cadenceDays: count,
      typicalLengthMonths: count,
      archived: fc.boolean(),
      ...stamps,
    }),
    { maxLength: 3, selector: (record) => record.id },
  ),
  relationships: fc.uniqueArray(
    fc.record({
      id: pairId,
      programId,
      mentorId: personId,
      menteeId: personId,
      focus: fc.constantFrom(...FOCUSES),
      startDate: nearDay,
      plannedEndDate: fc.option(nearDay, { nil: null }),
      endDate: fc.option(nearDay, { nil: null }),
      status: fc.constantFrom(...RELATIONSHIP_STATUSES),
      endReason: fc.option(text, { nil: null }),
      statusHistory: fc.array(
        fc.record({ status: fc.constantFrom(...RELATIONSHIP_STATUSES), date: nearDay }),
        {
          maxLength: 4,
        },
      ),
      capacityOverride: fc.option(fc.record({ reason: text, at: moment }), { nil: null }),
      lastMeetingDate: fc.option(nearDay, { nil: null }),
      ...stamps,
    }),
    { maxLength: 6, selector: (record) => record.id },
  ),
  meetings: fc.uniqueArray(
    fc.record({
      id: meetingId,
      relationshipId: pairId,
      date: nearDay,
      durationMinutes: count,
      format: fc.constantFrom(...MEETING_FORMATS),
      topics: fc.uniqueArray(topicId, { maxLength: 3 }),
      notes: text,
      confidential: fc.boolean(),
      ...stamps,
    }),
    { maxLength: 8, selector: (record) => record.id },
  ),
  actionItems: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('a1', 'a2', 'a3', 'a4'),
      meetingId,
      relationshipId: pairId,
      text,
      owner: fc.constantFrom(...ACTION_OWNERS),
      dueDate: fc.option(nearDay, { nil: null }),
      done: fc.boolean(),
      doneDate: fc.option(nearDay, { nil: null }),
      ...stamps,
    }),
    { maxLength: 4, selector: (record) => record.id },
  ),
  topics: fc.uniqueArray(
    fc.record({ id: topicId, label: text, builtIn: fc.boolean(), archived: fc.boolean() }),
    { maxLength: 3, selector: (record) => record.id },
  ),
  questionnaires: fc.constant([]),
  // Answers of any shape the backup schema lets through, even ones no questionnaire asked for.
  responses: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('q-a', 'q-b', 'q-c', 'q-d', 'q-e', 'q-f'),
      questionnaireId: fc.constantFrom(
        'builtin-pairing-fit',
        'builtin-burnout',
        'builtin-end-of-pairing',
        'gone',
      ),
      personId,
      relationshipId: fc.option(pairId, { nil: null }),
      checkpoint: fc.option(fc.constantFrom(...CHECKPOINTS), { nil: null }),
      answeredOn: nearDay,
      createdAt: moment,
      answers: fc.dictionary(
        fc.constantFrom('burnout', 'often-enough', 'satisfied', 'recommend', 'other'),
        fc.oneof(fc.integer({ min: -5, max: 12 }), text, fc.constant(null)),
      ),
      support: fc.constantFrom(...SUPPORT_OUTCOMES),
    }),
    { maxLength: 6, selector: (record) => record.id },
  ),
  supportRequests: fc.constant([]),
  milestoneTypes: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('k1', 'k2'),
      label: text,
      debriefWithinDays: count,
      builtIn: fc.boolean(),
      archived: fc.boolean(),
    }),
    { maxLength: 2, selector: (record) => record.id },
  ),
  milestones: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('s1', 's2', 's3'),
      relationshipId: pairId,
      menteeId: personId,
      typeId: fc.constantFrom('k1', 'k2', 'first-resuscitation'),
      date: nearDay,
      description: text,
      debriefWithinDays: count,
      ...stamps,
    }),
    { maxLength: 3, selector: (record) => record.id },
  ),
  meetingGuides: fc.constant([]),
  goalAreas: fc.constant([]),
  goals: fc.uniqueArray(
    fc.record({
      id: goalId,
      relationshipId: pairId,
      areaId: fc.constantFrom('area-clinical', 'area-ethics', 'no-such-area'),
      title: text,
      details: text,
      setDate: nearDay,
      targetDate: fc.option(nearDay, { nil: null }),
      status: fc.constantFrom(...GOAL_STATUSES),
      dropReason: fc.option(text, { nil: null }),
      steps: fc.array(fc.record({ text, done: fc.boolean() }), { maxLength: 2 }),
      ...stamps,
    }),
    { maxLength: 4, selector: (record) => record.id },
  ),
  goalProgress: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6'),
      goalId,
      relationshipId: pairId,
      meetingId: fc.option(meetingId, { nil: null }),
      date: nearDay,
      status: fc.constantFrom(...GOAL_STATUSES),
      note: text,
      createdAt: moment,
    }),
    { maxLength: 6, selector: (record) => record.id },
  ),
  settings: fc.constant([]),
  trainingCourses: fc.constant([]),
  trainingRecords: fc.constant([]),
  recognitions: fc.constant([]),
  auditLog: fc.constant([]),
});

describe('stored data of any shape a backup allows', () => {
  it('is what the generator makes: every record passes the backup schema', () => {
    fc.assert(
      fc.property(tables, (drawn) => {
        for (const table of TABLE_NAMES)
          for (const record of drawn[table] as unknown[])
            expect(recordSchemas[table].safeParse(record).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('never makes the dashboard or a report throw', async () => {
    const period = fc.oneof(
      fc.constant({ kind: 'last-quarter' as const }),
      fc.constant({ kind: 'last-12-months' as const }),
      fc.record({ kind: fc.constant('calendar-year' as const), year: fc.integer({ min: 2020, max: 2026 }) }),
      fc
        // A period the report screen accepts: it may not start after today.
        .tuple(fc.integer({ min: -3000, max: 0 }), fc.integer({ min: -3000, max: 0 }))
        .map(([a, b]) => ({
          kind: 'custom' as const,
          start: offsetDay(Math.min(a, b)),
          end: offsetDay(Math.max(a, b)),
        })),
    );
    await fc.assert(
      fc.asyncProperty(tables, period, fc.boolean(), async (drawn, choice, allPrograms) => {
        await loadTables(freshDatabase('stored-data'), drawn);
        await loadDashboard(TODAY);
        await loadDueQuestionnaires(TODAY);
        await loadReportChoices();
        const resolved = resolvePeriod(choice, TODAY);
        const data = await loadReportData(resolved);
        const report = computeReport(data, {
          period: resolved,
          programIds: allPrograms ? 'all' : drawn.programs.slice(0, 1).map((program) => program.id),
          today: TODAY,
          generatedAt: `${TODAY}T10:00:00.000Z`,
          appVersion: 'test',
        });
        for (const table of reportTables(report)) tableToCsv(table);
        computeQuestionnairesSection({
          period: resolved,
          ...(await loadQuestionnaireReportData(
            allPrograms ? 'all' : drawn.programs.slice(0, 1).map((program) => program.id),
          )),
        });
        for (const person of drawn.people)
          try {
            computeRecognitionLetter(data, resolved, person.id);
          } catch (error) {
            // The letter's own refusal in words is fine; anything else is a crash.
            if (!(error instanceof LetterError)) throw error;
          }
      }),
      { numRuns: 150 },
    );
  });
});
