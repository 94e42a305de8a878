import { builtInGoalAreaRecords, withBuiltInGoalAreas } from '../domain/goal-areas';
import { checkGoalAreaLabel, RuleError } from '../domain/rules';
import type { GoalArea, Id } from '../domain/types';
import { newId, recordAudit } from './audit';
import { getDb } from './db';

// The areas goals are filed under: the built-in ones and the clinic's own (like meeting topics).

export async function listGoalAreas(): Promise<GoalArea[]> {
  const stored = await getDb().goalAreas.toArray();
  return withBuiltInGoalAreas(stored).sort(
    (a, b) => Number(b.builtIn) - Number(a.builtIn) || a.label.localeCompare(b.label),
  );
}

async function ensureBuiltIns(): Promise<void> {
  const db = getDb();
  const known = new Set(await db.goalAreas.toCollection().primaryKeys());
  const missing = builtInGoalAreaRecords().filter((area) => !known.has(area.id));
  if (missing.length) await db.goalAreas.bulkAdd(missing);
}

export async function addGoalArea(label: string): Promise<GoalArea> {
  const db = getDb();
  return db.transaction('rw', db.goalAreas, db.auditLog, async () => {
    await ensureBuiltIns();
    const area: GoalArea = {
      id: newId(),
      label: checkGoalAreaLabel(label, await db.goalAreas.toArray()),
      builtIn: false,
      archived: false,
    };
    await db.goalAreas.add(area);
    await recordAudit('goalAreas', area.id, 'create', ['label']);
    return area;
  });
}

/** Archived areas stay on existing goals but are no longer offered for new ones. */
export async function archiveGoalArea(id: Id, archived = true): Promise<GoalArea> {
  const db = getDb();
  return db.transaction('rw', db.goalAreas, db.auditLog, async () => {
    await ensureBuiltIns();
    const area = await db.goalAreas.get(id);
    if (!area) throw new RuleError('not-found', 'This area no longer exists.');
    const changed = { ...area, archived };
    await db.goalAreas.put(changed);
    await recordAudit('goalAreas', id, 'update', ['archived']);
    return changed;
  });
}
