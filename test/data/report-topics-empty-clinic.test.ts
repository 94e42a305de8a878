// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { logMeeting } from '../../renderer/data/meetings.repo';
import { loadReportData } from '../../renderer/data/reports.repo';
import { computeReport } from '../../renderer/domain/reports/compute-report';
import { tableToCsv } from '../../renderer/domain/reports/csv';
import { resolvePeriod } from '../../renderer/domain/reports/period';
import { computeRecognitionLetter } from '../../renderer/domain/reports/recognition-letter';
import { reportTables } from '../../renderer/domain/reports/tables';
import { UNLISTED_TOPIC_LABEL } from '../../renderer/domain/reports/topics';
import { buildWorkbook } from '../../renderer/domain/reports/xlsx';
import { fixTodayPerTest, freshDatabasePerTest, meetingInput, seedPair, TODAY } from './helpers';

// A clinic that started empty and never opened its topic list stores no topic at all: the report and
// the recognition letter must still name the built-in topics its meetings covered.

const db = freshDatabasePerTest();
fixTodayPerTest();

const period = resolvePeriod({ kind: 'custom', start: '2024-01-01', end: '2024-06-30' }, TODAY);

async function emptyClinicWithOneMeeting() {
  const seeded = await seedPair();
  await logMeeting(
    meetingInput(seeded.relationship.id, { topics: ['ethics', 'patient-loss'], confidential: false }),
  );
  expect(await db().topics.count()).toBe(0);
  return { seeded, data: await loadReportData(period) };
}

describe('built-in topics in a clinic that never stored its topic list', () => {
  it('the report names each built-in topic a meeting covered, on screen, in CSV and in the workbook', async () => {
    const { data } = await emptyClinicWithOneMeeting();
    const report = computeReport(data, {
      period,
      programIds: 'all',
      today: TODAY,
      generatedAt: `${TODAY}T12:00:00.000Z`,
      appVersion: '0.1.0',
    });

    const covered = report.topics.topics.filter((topic) => topic.meetings > 0).map((topic) => topic.label);
    expect(covered.sort()).toEqual(['Ethics', 'Patient loss']);
    expect(report.topics.topics.map((topic) => topic.label)).not.toContain(UNLISTED_TOPIC_LABEL);
    const row = report.evidence.rows[0];
    expect(row && !row.confidential ? [...row.topics].sort() : row).toEqual(['Ethics', 'Patient loss']);

    const csv = reportTables(report)
      .map((table) => tableToCsv(table))
      .join('\n');
    expect(csv).toContain('Patient loss');
    expect(csv).not.toContain(UNLISTED_TOPIC_LABEL);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildWorkbook(reportTables(report), 'test')).buffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))),
    );
    expect(cells).toContain('Ethics');
    expect(cells).not.toContain(UNLISTED_TOPIC_LABEL);
  });

  it('the recognition letter names the built-in topics of the mentor’s meetings', async () => {
    const { seeded, data } = await emptyClinicWithOneMeeting();
    const letter = computeRecognitionLetter(data, period, seeded.mentor.id);
    expect(letter.topics.map((topic) => topic.label).sort()).toEqual(['Ethics', 'Patient loss']);
  });
});
