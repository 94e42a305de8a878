import { addDays, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  autoBackupFileName,
  autoBackupStem,
  automaticBackupsIn,
  type BackupFile,
  parseAutoBackupTime,
  planRotation,
} from '../../electron/main/services/rotation';

// Backups are made at 10:00 local time, far from midnight, so the local calendar day is never in doubt.
function backupOn(year: number, month: number, day: number, hour = 10): BackupFile {
  const createdAt = new Date(year, month - 1, day, hour);
  return { name: autoBackupFileName('Riverside Clinic.age', createdAt), createdAt };
}

function localDays(names: string[]): string[] {
  return names
    .map((name) => parseAutoBackupTime(name))
    .map((time) => (time ? format(time, 'yyyy-MM-dd') : 'not a backup'))
    .sort();
}

describe('automatic backup names', () => {
  it('embed the moment in UTC and read back to the same moment', () => {
    const at = new Date(Date.UTC(2026, 2, 1, 2, 5, 9));
    const name = autoBackupFileName('Riverside Clinic 2026-03-01.age', at);
    expect(name).toBe('Riverside Clinic 2026-03-01-auto-2026-03-01T02-05-09Z.age');
    expect(parseAutoBackupTime(name)).toEqual(at);
  });

  it('only files in the app’s own automatic form count as automatic backups', () => {
    const listing = [
      'Riverside Clinic-auto-2026-03-01T02-05-09Z.age',
      'Riverside Clinic 2026-03-01.age',
      'notes.txt',
      'Riverside Clinic-auto-2026-03-01T02-05-09Z.age.partial',
      'x-auto-2026-13-45T99-00-00Z.age',
    ];
    expect(automaticBackupsIn(listing).map((file) => file.name)).toEqual([
      'Riverside Clinic-auto-2026-03-01T02-05-09Z.age',
    ]);
  });

  it('another clinic’s automatic backups in a shared folder are not counted as ours', () => {
    const listing = [
      'Riverside Clinic-auto-2026-03-01T02-05-09Z.age',
      'Hillside Clinic-auto-2026-03-01T02-07-00Z.age',
    ];
    expect(automaticBackupsIn(listing, 'Riverside Clinic').map((file) => file.name)).toEqual([
      'Riverside Clinic-auto-2026-03-01T02-05-09Z.age',
    ]);
    expect(autoBackupStem('Hillside Clinic-auto-2026-03-01T02-07-00Z.age')).toBe('Hillside Clinic');
    expect(autoBackupStem('Hillside Clinic 2026-03-01.age')).toBeNull();
  });
});

describe('rotation', () => {
  it('over a year of daily backups keeps 7 daily, 4 weekly and 12 monthly, worked out by hand', () => {
    const year: BackupFile[] = [];
    for (let day = new Date(2025, 0, 1, 10); day.getFullYear() === 2025; day = addDays(day, 1)) {
      year.push({ name: autoBackupFileName('Riverside Clinic.age', day), createdAt: day });
    }
    expect(year).toHaveLength(365);
    const plan = planRotation(year, { daily: 7, weekly: 4, monthly: 12 });
    // Daily: 25–31 Dec. Weekly (ISO weeks, Monday to Sunday): 31 Dec (week of 29 Dec–4 Jan), 28 Dec,
    // 21 Dec, 14 Dec. Monthly: the last day of each month, 31 Jan to 31 Dec.
    expect(localDays(plan.keep)).toEqual(
      [
        '2025-01-31',
        '2025-02-28',
        '2025-03-31',
        '2025-04-30',
        '2025-05-31',
        '2025-06-30',
        '2025-07-31',
        '2025-08-31',
        '2025-09-30',
        '2025-10-31',
        '2025-11-30',
        '2025-12-14',
        '2025-12-21',
        '2025-12-25',
        '2025-12-26',
        '2025-12-27',
        '2025-12-28',
        '2025-12-29',
        '2025-12-30',
        '2025-12-31',
      ].sort(),
    );
    expect(plan.keep).toHaveLength(20);
    expect(plan.remove).toHaveLength(345);
    expect(new Set([...plan.keep, ...plan.remove]).size).toBe(365);
  });

  it('keeps the newest backup of a day when there are several', () => {
    const morning = backupOn(2026, 3, 2, 9);
    const evening = backupOn(2026, 3, 2, 18);
    const plan = planRotation([morning, evening, backupOn(2026, 3, 1)], { daily: 1, weekly: 0, monthly: 0 });
    expect(plan.keep).toEqual([evening.name]);
  });

  it('counts days that have backups, not calendar days, so a holiday gap loses nothing', () => {
    const beforeHoliday = [backupOn(2026, 7, 1), backupOn(2026, 7, 2), backupOn(2026, 7, 3)];
    const afterHoliday = backupOn(2026, 7, 28);
    const plan = planRotation([...beforeHoliday, afterHoliday], { daily: 3, weekly: 0, monthly: 0 });
    expect(localDays(plan.keep)).toEqual(['2026-07-02', '2026-07-03', '2026-07-28']);
  });

  it('always keeps the newest backup, even when every count is zero', () => {
    const newest = backupOn(2026, 3, 3);
    const plan = planRotation([backupOn(2026, 3, 1), newest], { daily: 0, weekly: 0, monthly: 0 });
    expect(plan.keep).toEqual([newest.name]);
  });

  it('removes nothing while there are fewer backups than the rotation keeps', () => {
    const files = [backupOn(2026, 3, 1), backupOn(2026, 3, 2)];
    expect(planRotation(files, { daily: 7, weekly: 4, monthly: 12 }).remove).toEqual([]);
    expect(planRotation([], { daily: 7, weekly: 4, monthly: 12 })).toEqual({ keep: [], remove: [] });
  });
});
