import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../renderer/domain/reports/compute-report';
import { neutraliseFormula, tableToCsv, tableToCsvBytes, UTF8_BOM } from '../../renderer/domain/reports/csv';
import { resolvePeriod } from '../../renderer/domain/reports/period';
import { reportTables } from '../../renderer/domain/reports/tables';
import { buildWorkbook, sheetName } from '../../renderer/domain/reports/xlsx';
import { zipFiles } from '../../renderer/domain/reports/zip';
import { buildFixture, PERIOD_END, PERIOD_START, TODAY } from './reports-fixture';

const period = resolvePeriod({ kind: 'custom', start: PERIOD_START, end: PERIOD_END }, TODAY);

function reportWithMentee(name: string) {
  const data = buildFixture();
  data.people = data.people.map((person) => (person.id === 'chloe' ? { ...person, name } : person));
  return computeReport(data, {
    period,
    programIds: 'all',
    today: TODAY,
    generatedAt: '2025-03-01T10:00:00.000Z',
    appVersion: '1.2.3',
  });
}

function table(id: string, report = reportWithMentee('Chloé Durand')) {
  return reportTables(report).find((candidate) => candidate.id === id)!;
}

describe('CSV export', () => {
  it('starts with a byte-order mark so accented names open correctly', () => {
    const bytes = tableToCsvBytes(table('meeting-compliance'));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text).toContain('Chloé Durand');
  });

  it('makes a person named =HYPERLINK("x") come out as inert text', () => {
    const csv = tableToCsv(table('meeting-compliance', reportWithMentee('=HYPERLINK("x")')));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    const menteeCells = parsed.data.slice(1).map((row) => row[0]);
    expect(menteeCells).toContain(`'=HYPERLINK("x")`);
  });

  it('neutralises every character a spreadsheet reads as the start of a formula', () => {
    for (const risky of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(neutraliseFormula(risky)).toBe(`'${risky}`);
    expect(neutraliseFormula('Ana')).toBe('Ana');
    expect(neutraliseFormula('a=b')).toBe('a=b');
  });

  it('writes figures and dates plainly, one row per pair', () => {
    const parsed = Papa.parse<string[]>(tableToCsv(table('meeting-compliance')).slice(1), {
      skipEmptyLines: true,
    });
    expect(parsed.data[0].slice(0, 7)).toEqual([
      'Mentee',
      'Mentor',
      'Program',
      'Cadence (days)',
      'Active days',
      'Meetings expected',
      'Meetings held',
    ]);
    const chloe = parsed.data.find((row) => row[0] === 'Chloé Durand')!;
    expect(chloe.slice(3, 11)).toEqual(['14', '168', '12', '6', '5', '50', 'No', '2024-06-20']);
    expect(parsed.data).toHaveLength(6);
  });

  it('never carries a confidential meeting’s pair or topics', () => {
    const csv = tableToCsv(table('evidence-log'));
    const line = csv.split('\r\n').find((row) => row.startsWith('2024-03-01'))!;
    expect(line).toBe('2024-03-01,Confidential meeting,,,,,');
  });
});

describe('XLSX export', () => {
  it('writes one sheet per section with headers, widths and real dates', async () => {
    const report = reportWithMentee('=HYPERLINK("x")');
    const tables = reportTables(report);
    const bytes = await buildWorkbook(tables, 'Guiding Hands 1.2.3');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      tables.map((t) => sheetName(t.title, new Set())),
    );

    const log = workbook.getWorksheet('Evidence log')!;
    expect(log.getRow(1).values).toEqual([
      undefined,
      'Date',
      'Mentee',
      'Mentor',
      'Program',
      'Minutes',
      'Format',
      'Topics',
    ]);
    expect(log.getColumn(7).width).toBe(60);
    const firstDate = log.getCell('A2').value;
    expect(firstDate).toBeInstanceOf(Date);
    expect((firstDate as Date).toISOString().slice(0, 10)).toBe('2024-01-20');
    expect(log.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    expect(log.rowCount).toBe(12);

    // The formula-like name is stored as text, not as a formula.
    const compliance = workbook.getWorksheet('Meeting compliance')!;
    const names = compliance.getColumn(1).values.filter((value) => typeof value === 'string');
    expect(names).toContain('=HYPERLINK("x")');
    expect(
      compliance
        .getColumn(1)
        .values.some((value) => typeof value === 'object' && value !== null && 'formula' in value),
    ).toBe(false);
  });

  it('keeps sheet names within Excel’s rules', () => {
    const taken = new Set<string>();
    expect(sheetName('Retention (as of 1 Mar 2025) and more words', taken)).toHaveLength(31);
    expect(sheetName('A/B: C?', taken)).toBe('A B  C');
    expect(sheetName('a/b: c?', taken)).toBe('a b  c (2)');
  });
});

describe('CSV files in one zip', () => {
  it('holds every section’s CSV file, byte for byte as it would be saved alone', async () => {
    const tables = reportTables(reportWithMentee('Chloé Durand'));
    const entries = tables.map((t) => ({ name: `report-${t.id}.csv`, data: tableToCsvBytes(t) }));
    const zip = await JSZip.loadAsync(await zipFiles(entries));
    const names = Object.keys(zip.files);
    expect(names).toEqual(tables.map((t) => `report-${t.id}.csv`));
    for (const entry of entries) {
      const read = await zip.file(entry.name)!.async('uint8array');
      expect(read).toEqual(entry.data);
    }
    const compliance = await zip.file('report-meeting-compliance.csv')!.async('string');
    expect(compliance).toContain('Chloé Durand');
  });

  it('refuses two files of one name rather than silently keeping only one', async () => {
    const data = new Uint8Array([1]);
    await expect(
      zipFiles([
        { name: 'a.csv', data },
        { name: 'a.csv', data },
      ]),
    ).rejects.toThrow('Two files named a.csv');
  });
});
