import { readFile } from 'node:fs/promises';
import type { Download, Page, Worker } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { extractText } from 'unpdf';
import { todayIso } from '../../renderer/domain/calendar';
import { setDisplayLocale } from '../../renderer/domain/date-format';
import { computeReport } from '../../renderer/domain/reports/compute-report';
import { formatPeriodRange, resolvePeriod } from '../../renderer/domain/reports/period';
import { type ReportData, reportItemsOf } from '../../renderer/domain/reports/report-data';
import { generateSampleClinic, SAMPLE_CLINIC_NAME } from '../../renderer/sample-clinic';
import { expect, goTo, loadSampleData, startEmpty, test } from './helpers';
import { turnLockOn, unlock } from './lock-steps';

// The expected figures and titles are written here the way a UK computer writes dates, in both places.
setDisplayLocale('en-GB');
test.use({ locale: 'en-GB' });

// The accreditation report for the sample clinic, end to end: made from the browser's database,
// printed to PDF by Chromium from the print layout, and exported as a workbook and CSV files.
// The expected figures are computed here from the same sample clinic with the same pure functions.

function expectedReport() {
  const today = todayIso();
  const clinic = generateSampleClinic({ seed: 1, size: 'demo', today });
  const period = resolvePeriod({ kind: 'last-12-months' }, today);
  const meetings = clinic.meetings.filter(
    (meeting) => meeting.date >= period.start && meeting.date <= period.end,
  );
  const data: ReportData = {
    clinicName: clinic.settings.clinicName,
    paperSize: 'A4',
    people: clinic.people,
    programs: clinic.programs,
    relationships: clinic.relationships,
    topics: clinic.topics,
    meetingRange: { start: period.start, end: period.end },
    meetings,
    actionItems: reportItemsOf(clinic.actionItems, meetings),
    lastMeetingBeforeRange: {},
    goalAreas: clinic.goalAreas,
    goals: clinic.goals,
    goalProgress: clinic.goalProgress,
  };
  for (const pair of clinic.relationships) {
    const before = clinic.meetings
      .filter((meeting) => meeting.relationshipId === pair.id && meeting.date < period.start)
      .map((meeting) => meeting.date)
      .sort();
    if (before.length > 0) data.lastMeetingBeforeRange[pair.id] = before[before.length - 1];
  }
  return computeReport(data, {
    period,
    programIds: 'all',
    today,
    generatedAt: new Date().toISOString(),
    appVersion: 'test',
  });
}

async function openReport(page: Page) {
  await loadSampleData(page);
  await goTo(page, 'Reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Report for Last 12 months' })).toBeVisible({
    timeout: 30_000,
  });
  // The print layout is drawn just after the screen; "Save as PDF" is offered once it is there.
  await expect(page.getByRole('button', { name: 'Save as PDF' })).toBeEnabled();
}

/**
 * The print layout is drawn only when a PDF is asked for. Asks for one (the browser's print dialog,
 * which a headless browser cannot show, is recorded instead) and waits until every page is laid out.
 */
async function layOutForPrinting(page: Page) {
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = document.querySelector('.report-print')?.textContent ?? '';
    };
  });
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', /Appendix: evidence log/, {
    timeout: 30_000,
  });
  await expect(page.getByRole('button', { name: 'Save as PDF' })).toBeEnabled();
}

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

/** The page's report workers. */
function reportWorkers(page: Page): Worker[] {
  return page.workers().filter((worker) => worker.url().includes('report-session'));
}

/**
 * Leaves the Reports screen, whose report was made in the one report worker: that worker ends once its
 * digests are saved, and a spare for the next visit takes its place, which is returned.
 */
async function spareAfterLeaving(page: Page): Promise<Worker> {
  expect(reportWorkers(page)).toHaveLength(1);
  const used = reportWorkers(page)[0];
  await goTo(page, 'People');
  await expect.poll(() => reportWorkers(page).includes(used)).toBe(false);
  await expect.poll(() => reportWorkers(page).length).toBe(1);
  return reportWorkers(page)[0];
}

test('the report for the sample clinic prints to a PDF with the clinic, the period, the figures and page numbers', async ({
  page,
}) => {
  const expected = expectedReport();
  expect(expected.clinicName).toBe(SAMPLE_CLINIC_NAME);
  expect(expected.compliance.totals.held).toBeGreaterThan(0);
  await openReport(page);

  const report = page.getByRole('article', { name: 'Report for Last 12 months' });
  await expect(report.getByRole('heading', { name: SAMPLE_CLINIC_NAME })).toBeVisible();
  await expect(report.getByText(formatPeriodRange(expected.period), { exact: false }).first()).toBeVisible();
  const meetingsHeld = report.locator('.report-figures__item', { hasText: 'Meetings held' }).locator('dd');
  await expect(meetingsHeld).toHaveText(String(expected.compliance.totals.held));
  // Drawn a part at a time: once no longer busy, the last section and the letter card are there too.
  await expect(report).not.toHaveAttribute('aria-busy');
  await expect(report.getByRole('heading', { name: 'Appendix: evidence log' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Mentor' })).toBeVisible();

  await layOutForPrinting(page);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
  expect(totalPages).toBeGreaterThan(1);
  expect(text).toContain(SAMPLE_CLINIC_NAME);
  expect(text).toContain(formatPeriodRange(expected.period));
  expect(text).toMatch(new RegExp(`Meetings held\\s*${expected.compliance.totals.held}\\b`));
  expect(text).toContain(`Every meeting in the period (${expected.evidence.rows.length})`);
  expect(text).toContain(`Page 1 of ${totalPages}`);
  expect(text).toContain(`Page ${totalPages} of ${totalPages}`);
  // Every page carries the clinic and period at the top and its number at the bottom.
  const pages = (await extractText(new Uint8Array(pdf), { mergePages: false })).text;
  pages.forEach((pageText, i) => {
    expect(pageText).toContain(`${SAMPLE_CLINIC_NAME} · ${expected.period.name}`);
    expect(pageText).toContain(`Page ${i + 1} of ${totalPages}`);
  });
  // The app's own screen (navigation, buttons) is not in the print.
  expect(text).not.toContain('Save workbook');
  expect(text).not.toContain('Skip to main content');
});

test('on paper the evidence log keeps each date on one line, the 12-month sample fits in 13 pages, and chart labels are print-sized', async ({
  page,
}) => {
  await openReport(page);
  await layOutForPrinting(page);
  await page.emulateMedia({ media: 'print' });
  const layout = await page.evaluate(() => {
    const lines = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    };
    const dates = [...document.querySelectorAll('.report-print .evidence-log td.date')];
    const labels = [...document.querySelectorAll('.report-print .report-chart__label')];
    return {
      dates: dates.length,
      datesOnTwoLines: dates.filter((cell) => lines(cell) > 1).map((cell) => cell.textContent),
      // CSS pixels are 1/96 inch: 12 px is 9 pt.
      smallestLabel: Math.min(...labels.map((label) => label.getBoundingClientRect().height)),
      labels: labels.length,
    };
  });
  expect(layout.dates).toBeGreaterThan(100);
  expect(layout.datesOnTwoLines).toEqual([]);
  expect(layout.labels).toBeGreaterThan(3);
  expect(layout.smallestLabel).toBeGreaterThanOrEqual(12);

  // The same sample took 16 pages before the log's columns were sized to their content (and before the
  // development plans, mentor training and milestone debrief sections were added).
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const { totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
  expect(totalPages).toBeLessThanOrEqual(13);
});

test('the report exports as a workbook and, in one save, as a zip of one CSV file per section, which read back', async ({
  page,
}) => {
  const expected = expectedReport();
  await openReport(page);

  const [workbookDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save workbook (XLSX)' }).click(),
  ]);
  expect(workbookDownload.suggestedFilename()).toMatch(/^riverside-community-clinic-report-.*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  const xlsx = await bytesOf(workbookDownload);
  await workbook.xlsx.load(
    xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer,
  );
  expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('Evidence log');
  const byProgram = workbook.getWorksheet('Compliance by program')!;
  const totals = byProgram.getRow(byProgram.rowCount);
  expect(totals.getCell(1).value).toBe('All programs in this report');
  expect(totals.getCell(8).value).toBe(expected.compliance.totals.held);
  const log = workbook.getWorksheet('Evidence log')!;
  expect(log.rowCount).toBe(expected.evidence.rows.length + 1);
  expect(log.getCell('A2').value).toBeInstanceOf(Date);
  await expect(page.getByRole('status').filter({ hasText: 'The workbook was saved.' })).toBeVisible();

  // Every section (the default): one save, a .zip holding one CSV file per section.
  const [zipDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save CSV' }).click(),
  ]);
  expect(zipDownload.suggestedFilename()).toMatch(/^riverside-community-clinic-report-.*-csv\.zip$/);
  await expect(
    page.getByRole('status').filter({ hasText: 'The 12 CSV files were saved together in one .zip file.' }),
  ).toBeVisible();
  const zip = await JSZip.loadAsync(await bytesOf(zipDownload));
  const names = Object.keys(zip.files);
  expect(names.map((name) => name.replace(/^.*-to-\d{4}-\d{2}-\d{2}-/, ''))).toEqual([
    'report.csv',
    'pair-census.csv',
    'mentor-load.csv',
    'meeting-compliance.csv',
    'compliance-by-program.csv',
    'topics-covered.csv',
    'follow-up.csv',
    'development-plans.csv',
    'retention.csv',
    'mentor-training.csv',
    'milestone-debriefs.csv',
    'evidence-log.csv',
  ]);
  const compliance = Buffer.from(await zip.file(names[3])!.async('uint8array'));
  expect([...compliance.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = Papa.parse<string[]>(compliance.toString('utf8').slice(1), { skipEmptyLines: true }).data;
  expect(rows[0][0]).toBe('Mentee');
  expect(rows.length - 1).toBe(expected.compliance.pairs.length);
  const heldColumn = rows[0].indexOf('Meetings held');
  const heldSum = rows.slice(1).reduce((sum, row) => sum + Number(row[heldColumn]), 0);
  expect(heldSum).toBe(expected.compliance.totals.held);

  const evidence = await zip.file(names[11])!.async('string');
  expect(evidence.split('\r\n').filter(Boolean)).toHaveLength(expected.evidence.rows.length + 1);
});

test('a mentor recognition letter shows the mentor’s mentees, meetings and hours', async ({ page }) => {
  await openReport(page);
  const mentor = page.getByLabel('Mentor', { exact: true });
  const firstMentor = await mentor.locator('option').nth(1).textContent();
  await mentor.selectOption({ index: 1 });
  const letter = page.getByRole('article', { name: `Recognition letter for ${firstMentor}` });
  await expect(letter).toBeVisible();
  await expect(letter.getByRole('heading', { name: `Mentoring recognition: ${firstMentor}` })).toBeVisible();
  await expect(letter.getByText(/held \d+ recorded mentoring meetings?, \d+\.\d hours in all/)).toBeVisible();
});

test('a custom period is checked before any report is made, and a valid one reports on those days', async ({
  page,
}) => {
  await openReport(page);
  await page.getByLabel('Period', { exact: true }).selectOption('custom');
  await page.getByLabel('First day').fill('2025-05-01');
  await page.getByLabel('Last day').fill('2025-04-01');
  await expect(page.getByText('The last day comes before the first day.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save as PDF' })).toHaveCount(0);

  await page.getByLabel('Last day').fill('2025-06-30');
  await expect(page.getByRole('article', { name: 'Report for Custom period' })).toBeVisible();
  await expect(
    page
      .getByRole('article', { name: 'Report for Custom period' })
      .getByText('Custom period: 1 May 2025 – 30 Jun 2025'),
  ).toBeVisible();
});

test('saving a recognition letter prints the letter alone, and the report’s PDF afterwards prints the report', async ({
  page,
}) => {
  await openReport(page);
  // The browser build prints through window.print(), whose dialog a headless browser cannot show:
  // record what the print layout holds at that moment instead.
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = document.querySelector('.report-print')?.textContent ?? '';
    };
  });
  const mentor = page.getByLabel('Mentor', { exact: true });
  const firstMentor = await mentor.locator('option').nth(1).textContent();
  await mentor.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Save letter as PDF' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', /Mentoring recognition/);
  const printed = (await page.locator('body').getAttribute('data-printed')) ?? '';
  expect(printed).toContain(`Mentoring recognition: ${firstMentor}`);
  expect(printed).not.toContain('Pair census');
  await expect(page.getByRole('button', { name: 'Save letter as PDF' })).toBeEnabled();
  await expect(page.locator('.report-print')).toHaveCount(0);

  // The report's own PDF afterwards prints the report, not the letter.
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', /Pair census/, { timeout: 30_000 });
  expect(await page.locator('body').getAttribute('data-printed')).not.toContain('Mentoring recognition');
});

test('the report’s choices show at once and can be changed while the report is being made, with its progress shown', async ({
  page,
}) => {
  await loadSampleData(page);
  // Holds the report back: a write transaction on the action items, which the report reads and the
  // choices do not, kept open until the test lets it go.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('guiding-hands');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const held = open.result.transaction('actionItems', 'readwrite');
          const store = held.objectStore('actionItems');
          const flags = window as unknown as { __holdReport: boolean };
          flags.__holdReport = true;
          const keepOpen = () => {
            if (flags.__holdReport) store.count().onsuccess = keepOpen;
          };
          keepOpen();
          held.oncomplete = () => open.result.close();
          resolve();
        };
      }),
  );
  await goTo(page, 'Reports');
  await expect(page.getByLabel('Period', { exact: true })).toBeEnabled();
  await expect(page.getByLabel('Programs')).toBeEnabled();
  const progress = page.getByRole('status').filter({ hasText: 'Making the report…' });
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar', { name: 'Report progress' })).toBeVisible();
  await expect(page.getByRole('article', { name: /^Report for/ })).toHaveCount(0);

  // A choice made meanwhile is the report that comes.
  await page.getByLabel('Period', { exact: true }).selectOption('calendar-year');
  await page.evaluate(() => {
    (window as unknown as { __holdReport: boolean }).__holdReport = false;
  });
  await expect(page.getByRole('article', { name: /^Report for Calendar year/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(progress).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save as PDF' })).toBeEnabled();

  // The report was made in its own worker. Leaving the screen ends it once its digests are saved, and a
  // fresh one is started for the next visit, which takes it rather than start a second one.
  const spare = await spareAfterLeaving(page);
  await goTo(page, 'Reports');
  await expect(page.getByRole('article', { name: /^Report for/ })).toBeVisible({ timeout: 30_000 });
  expect(reportWorkers(page)).toEqual([spare]);
});

// Chromium lets a page start about ten downloads before it asks the user, so this has its own page.
test('one section can be saved alone as a CSV file', async ({ page }) => {
  const expected = expectedReport();
  await openReport(page);
  await page.getByLabel('CSV files').selectOption({ label: 'Topics covered' });
  const [topics] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save CSV' }).click(),
  ]);
  expect(topics.suggestedFilename()).toMatch(/-topics-covered\.csv$/);
  const topicRows = Papa.parse<string[]>((await bytesOf(topics)).toString('utf8').slice(1), {
    skipEmptyLines: true,
  }).data;
  expect(topicRows.slice(1).map((row) => [row[0], Number(row[1])])).toEqual(
    expected.topics.topics.map((topic) => [topic.label, topic.meetings]),
  );
});

test('a clinic with no records yet gets a report of zeros, not an error', async ({ page }) => {
  await startEmpty(page, 'Harbour Street Clinic');
  await goTo(page, 'Reports');
  const report = page.getByRole('article', { name: 'Report for Last 12 months' });
  await expect(report.getByRole('heading', { name: 'Harbour Street Clinic' })).toBeVisible();
  await expect(
    report.locator('.report-figures__item', { hasText: 'Meetings held' }).locator('dd'),
  ).toHaveText('0');
  await expect(
    report.locator('.report-figures__item', { hasText: 'Pairs meeting their target' }).locator('dd'),
  ).toHaveText('—');
  await expect(report.getByText('Every meeting in the period (0)')).toBeVisible();

  // Its CSV files still come as one zip, each with its header row.
  const [zipDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save CSV' }).click(),
  ]);
  expect(zipDownload.suggestedFilename()).toMatch(/^harbour-street-clinic-report-.*-csv\.zip$/);
  const zip = await JSZip.loadAsync(await bytesOf(zipDownload));
  expect(Object.keys(zip.files)).toHaveLength(12);
  const evidence = await zip.file(/-evidence-log\.csv$/)[0].async('string');
  expect(evidence).toBe('\uFEFFDate,Mentee,Mentor,Program,Minutes,Format,Topics\r\n');
});

test('with the clinic lock on, the report is made as before and names why pairs ended early', async ({
  page,
}) => {
  const expected = expectedReport();
  const earlyReasons = expected.census.endedByReason.filter((row) => row.reason.startsWith('Ended early: '));
  expect(earlyReasons.length).toBeGreaterThan(0);
  await loadSampleData(page);
  await turnLockOn(page);
  await unlock(page);
  await goTo(page, 'Reports');
  const report = page.getByRole('article', { name: 'Report for Last 12 months' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(
    report.locator('.report-figures__item', { hasText: 'Meetings held' }).locator('dd'),
  ).toHaveText(String(expected.compliance.totals.held));
  const reasons = report.getByRole('table', { name: 'Pairs that ended, by reason' });
  for (const row of earlyReasons) {
    await expect(reasons.getByRole('row', { name: `${row.reason} ${row.count}` })).toBeVisible();
  }

  // Leaving the screen ends the worker that was lent the key and starts a spare for the next visit;
  // locking ends the spare.
  await spareAfterLeaving(page);
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect.poll(() => reportWorkers(page).length).toBe(0);
});
