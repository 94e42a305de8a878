import { tableToCsvBytes } from '../../domain/reports/csv';
import type { SectionTable } from '../../domain/reports/tables';
import { type Id, type Person, PROFESSION_LABELS } from '../../domain/types';
import { getPlatform } from '../../platform/platform';
import { roleLabel } from './filter-people';

// The people list as the manager sees it (filters and order applied), as a CSV file or a workbook,
// written by the same code as the report's exports: byte-order mark, formulas made inert, real sheets.

export function peopleTable(people: Person[], loads: Map<Id, number>): SectionTable {
  return {
    id: 'people',
    title: 'People',
    columns: [
      { header: 'Name', kind: 'text', width: 28 },
      { header: 'Email', kind: 'text', width: 30 },
      { header: 'Profession', kind: 'text', width: 20 },
      { header: 'Specialty', kind: 'text', width: 20 },
      { header: 'Role', kind: 'text', width: 18 },
      { header: 'Mentoring now', kind: 'number', width: 14 },
      { header: 'Mentor capacity', kind: 'number', width: 14 },
      { header: 'Tags', kind: 'text', width: 30 },
      { header: 'Archived', kind: 'text', width: 10 },
    ],
    rows: people.map((person) => [
      person.name,
      person.email,
      PROFESSION_LABELS[person.profession],
      person.specialty,
      roleLabel(person),
      person.isMentor ? (loads.get(person.id) ?? 0) : null,
      person.isMentor ? person.mentorCapacity : null,
      person.tags.join(', '),
      person.archived ? 'Yes' : 'No',
    ]),
  };
}

export async function savePeopleCsv(table: SectionTable, stem: string): Promise<boolean> {
  const result = await getPlatform().saveAs({
    suggestedName: `${stem}.csv`,
    filters: [{ name: 'CSV spreadsheet', extensions: ['csv'] }],
    data: tableToCsvBytes(table),
  });
  return result.saved;
}

export async function savePeopleWorkbook(table: SectionTable, stem: string): Promise<boolean> {
  // The workbook library is large: loaded only when the manager asks for a workbook.
  const { buildWorkbook } = await import('../../domain/reports/xlsx');
  const result = await getPlatform().saveAs({
    suggestedName: `${stem}.xlsx`,
    filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
    data: await buildWorkbook([table], 'Guiding Hands'),
  });
  return result.saved;
}
