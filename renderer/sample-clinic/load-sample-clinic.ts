import { nowIso } from '../data/audit';
import { getDb } from '../data/db';
import { toIsoDate } from '../domain/calendar';
import { RuleError } from '../domain/rules';
import type { IsoDate } from '../domain/types';
import { generateSampleClinic, type SampleSize } from './';

// Writes a generated sample clinic into the database in one transaction: all of it or none of it.

export interface LoadSampleClinicOptions {
  seed?: number;
  size?: SampleSize;
  /** The day the sample is built around; defaults to the real today. */
  today?: Date | IsoDate;
  /** Wipe the people, programs, pairs, meetings, action items and topics already there first. */
  replace?: boolean;
}

export interface SampleLoadSummary {
  people: number;
  programs: number;
  relationships: number;
  meetings: number;
  actionItems: number;
  topics: number;
}

export async function loadSampleClinic({
  seed = 1,
  size = 'demo',
  today = new Date(),
  replace = false,
}: LoadSampleClinicOptions = {}): Promise<SampleLoadSummary> {
  const clinic = generateSampleClinic({
    seed,
    size,
    today: typeof today === 'string' ? today : toIsoDate(today),
  });
  const db = getDb();
  const tables = [
    db.people,
    db.programs,
    db.relationships,
    db.meetings,
    db.actionItems,
    db.topics,
    db.settings,
    db.auditLog,
  ];
  return db.transaction('rw', tables, async () => {
    if (replace) {
      await Promise.all([
        db.people.clear(),
        db.programs.clear(),
        db.relationships.clear(),
        db.meetings.clear(),
        db.actionItems.clear(),
        db.topics.clear(),
      ]);
    } else if ((await db.people.count()) > 0) {
      throw new RuleError(
        'not-empty',
        'This clinic already has people in it. Sample data can only be loaded into an empty clinic.',
      );
    }
    // Topics the clinic already has (the built-in list, its own) are kept as they are.
    const knownTopics = new Set(await db.topics.toCollection().primaryKeys());
    const newTopics = clinic.topics.filter((topic) => !knownTopics.has(topic.id));
    await db.people.bulkAdd(clinic.people);
    await db.programs.bulkAdd(clinic.programs);
    await db.topics.bulkAdd(newTopics);
    await db.relationships.bulkAdd(clinic.relationships);
    await db.meetings.bulkAdd(clinic.meetings);
    await db.actionItems.bulkAdd(clinic.actionItems);
    const settings = await db.settings.get('clinic');
    await db.settings.put({
      ...clinic.settings,
      ...settings,
      clinicName: clinic.settings.clinicName,
      onboarded: true,
    });
    const summary: SampleLoadSummary = {
      people: clinic.people.length,
      programs: clinic.programs.length,
      relationships: clinic.relationships.length,
      meetings: clinic.meetings.length,
      actionItems: clinic.actionItems.length,
      topics: newTopics.length,
    };
    const counts = Object.entries(summary)
      .map(([table, count]) => `${count} ${table}`)
      .join(', ');
    const sizeLabel = typeof size === 'string' ? size : 'custom';
    await db.auditLog.add({
      at: nowIso(),
      table: 'settings',
      recordId: 'clinic',
      action: 'update',
      fields: ['clinicName', 'onboarded'],
      detail: `Sample clinic loaded (${sizeLabel}, seed ${seed})${replace ? ', replacing earlier records' : ''}: ${counts}.`,
    });
    return summary;
  });
}
