import { computeDashboard, type Dashboard } from '../domain/dashboard';
import type { IsoDate } from '../domain/types';
import { getDb } from './db';

/** Loads what the dashboard needs: live pairs, programs, names and open action items. */
export async function loadDashboard(today: IsoDate): Promise<Dashboard> {
  const db = getDb();
  const [relationships, programs, people, actionItems] = await Promise.all([
    db.relationships.where('status').anyOf(['active', 'paused', 'proposed']).toArray(),
    db.programs.toArray(),
    db.people.toArray(),
    db.actionItems.where('dueDate').below(today).toArray(),
  ]);
  const openActionItems = actionItems.filter((item) => !item.done);
  return computeDashboard({ relationships, programs, people, openActionItems }, today);
}
