// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openInlineSession, type ReportRequest } from '../../renderer/data/report-session';
import { computeReport } from '../../renderer/domain/reports/compute-report';
import { tableToCsv } from '../../renderer/domain/reports/csv';
import { type PeriodChoice, type ReportPeriod, resolvePeriod } from '../../renderer/domain/reports/period';
import { computeRecognitionLetter } from '../../renderer/domain/reports/recognition-letter';
import { type ReportData, reportItemsOf } from '../../renderer/domain/reports/report-data';
import { letterMentors, shortenReport } from '../../renderer/domain/reports/screen-report';
import { reportTables } from '../../renderer/domain/reports/tables';
import type { IsoDate } from '../../renderer/domain/types';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import { freshDatabasePerTest, TODAY } from './helpers';

// The report session keeps, for the PDF, the files, the letters and another choice of programs, only
// lean copies of the period's records (no timestamps, no summary fields, each repeated id, day and list
// of topics held once: data/report-records.ts). Over a generated clinic, for several periods, each
// program and all of them, made one after the other in one session, the report on screen, the whole
// report, every file made from it and every mentor's recognition letter must be exactly those computed
// from every record of every table, read whole through the app's own reads (with the clinic lock on too,
// in the locked configuration).

const db = freshDatabasePerTest();

const CHOICES: PeriodChoice[] = [
  { kind: 'last-12-months' },
  { kind: 'calendar-year', year: 2023 },
  { kind: 'custom', start: '2024-02-01', end: '2024-04-30' },
  { kind: 'custom', start: '2010-01-01', end: TODAY },
];

const SCREEN_ROWS = 10;

/** Every record of every table the report uses, read through the app's reads, cut to the period. */
async function wholeData(period: ReportPeriod): Promise<ReportData> {
  const within = (day: IsoDate) => day >= period.start && day <= period.end;
  const [
    settings,
    people,
    programs,
    pairs,
    topics,
    meetings,
    items,
    training,
    milestones,
    areas,
    goals,
    history,
  ] = await Promise.all([
    db().settings.toArray(),
    db().people.toArray(),
    db().programs.toArray(),
    db().relationships.toArray(),
    db().topics.toArray(),
    db().meetings.toArray(),
    db().actionItems.toArray(),
    db().trainingRecords.toArray(),
    db().milestones.toArray(),
    db().goalAreas.toArray(),
    db().goals.toArray(),
    db().goalProgress.toArray(),
  ]);
  const inPeriod = meetings.filter((meeting) => within(meeting.date));
  const lastMeetingBeforeRange: Record<string, IsoDate> = {};
  const firstDebrief = new Map<string, IsoDate>();
  for (const meeting of meetings) {
    const known = lastMeetingBeforeRange[meeting.relationshipId];
    if (meeting.date < period.start && (!known || meeting.date > known))
      lastMeetingBeforeRange[meeting.relationshipId] = meeting.date;
    const debrief = meeting.milestoneId && firstDebrief.get(meeting.milestoneId);
    if (meeting.milestoneId && (!debrief || meeting.date < debrief))
      firstDebrief.set(meeting.milestoneId, meeting.date);
  }
  return {
    clinicName: settings[0]?.clinicName ?? '',
    paperSize: settings[0]?.paperSize ?? 'a4',
    people,
    programs,
    relationships: pairs,
    topics,
    meetingRange: { start: period.start, end: period.end },
    meetings: inPeriod,
    actionItems: reportItemsOf(items, inPeriod),
    lastMeetingBeforeRange,
    trainingRecords: training,
    milestones: milestones.map(({ description: _description, ...milestone }) => ({
      ...milestone,
      debriefDate: firstDebrief.get(milestone.id) ?? null,
    })),
    goalAreas: areas,
    goals: goals.map(({ title: _t, details: _d, steps: _s, dropReason: _r, ...goal }) => goal),
    goalProgress: history.map(({ note: _note, ...entry }) => entry),
  };
}

describe('the report session keeps lean records only', () => {
  it('makes the screen report, the whole report, the files and every letter the whole tables make', async () => {
    await loadSampleClinic({
      seed: 23,
      size: { people: 70, relationships: 120, meetings: 1_200 },
      today: TODAY,
    });
    const programIds = (await db().programs.toArray()).map((program) => program.id);
    let letters = 0;
    let evidenceRows = 0;
    let topicLists = 0;
    for (const choice of CHOICES) {
      const period = resolvePeriod(choice, TODAY);
      const whole = await wholeData(period);
      // One session a period: the first report reads, the others are made from what it kept.
      const session = openInlineSession();
      for (const programs of ['all' as const, ...programIds.map((id) => [id])]) {
        const request: ReportRequest = {
          period,
          programIds: programs,
          today: TODAY,
          generatedAt: `${TODAY}T12:00:00.000Z`,
          appVersion: 'test',
          screenRows: SCREEN_ROWS,
        };
        const made = await session.make(request, () => undefined);
        const expected = computeReport(whole, request);
        const { questionnaires: _questionnaires, mentors, ...screen } = made;
        expect(screen).toEqual(shortenReport(expected, SCREEN_ROWS));
        expect(mentors).toEqual(
          letterMentors(
            whole.people,
            whole.relationships.map((pair) => pair.mentorId),
          ),
        );
        const full = await session.full();
        expect(full).toEqual(expected);
        // The files (each section's CSV, alone, in the zip or as a workbook's sheet) are made from these.
        expect(reportTables(full).map(tableToCsv)).toEqual(reportTables(expected).map(tableToCsv));
        evidenceRows += full.evidence.rows.length;
        topicLists += full.evidence.rows.filter((row) => !row.confidential && row.topics.length > 0).length;
        for (const mentor of mentors) {
          expect(await session.letter(mentor.id)).toEqual(computeRecognitionLetter(whole, period, mentor.id));
          letters++;
        }
      }
      session.close();
    }
    // The test means something: meetings with topics are logged in the periods, and letters are made.
    expect(evidenceRows).toBeGreaterThan(1_000);
    expect(topicLists).toBeGreaterThan(500);
    expect(letters).toBeGreaterThan(50);
  });
});
