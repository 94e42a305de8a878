import { checkTopicLabel, RuleError } from '../domain/rules';
import { builtInTopicRecords, withBuiltInTopics } from '../domain/topics';
import type { Id, Topic } from '../domain/types';
import { newId, recordAudit } from './audit';
import { getDb } from './db';

/** The clinic's topics; the built-in ones are added the first time they are asked for. */
export async function listTopics(): Promise<Topic[]> {
  const db = getDb();
  return withBuiltInTopics(await db.topics.toArray()).sort(
    (a, b) => Number(b.builtIn) - Number(a.builtIn) || a.label.localeCompare(b.label),
  );
}

async function ensureBuiltIns(): Promise<void> {
  const db = getDb();
  const known = new Set(await db.topics.toCollection().primaryKeys());
  const missing = builtInTopicRecords().filter((topic) => !known.has(topic.id));
  if (missing.length) await db.topics.bulkAdd(missing);
}

export async function addTopic(label: string): Promise<Topic> {
  const db = getDb();
  return db.transaction('rw', db.topics, db.auditLog, async () => {
    await ensureBuiltIns();
    const topic: Topic = {
      id: newId(),
      label: checkTopicLabel(label, await db.topics.toArray()),
      builtIn: false,
      archived: false,
    };
    await db.topics.add(topic);
    await recordAudit('topics', topic.id, 'create', ['label']);
    return topic;
  });
}

export async function renameTopic(id: Id, label: string): Promise<Topic> {
  const db = getDb();
  return db.transaction('rw', db.topics, db.auditLog, async () => {
    await ensureBuiltIns();
    const topic = await db.topics.get(id);
    if (!topic) throw new RuleError('not-found', 'This topic no longer exists.');
    const renamed = { ...topic, label: checkTopicLabel(label, await db.topics.toArray(), id) };
    await db.topics.put(renamed);
    await recordAudit('topics', id, 'update', ['label']);
    return renamed;
  });
}

/** Archived topics stay on past meetings but are no longer offered for new ones. */
export async function archiveTopic(id: Id, archived = true): Promise<Topic> {
  const db = getDb();
  return db.transaction('rw', db.topics, db.auditLog, async () => {
    await ensureBuiltIns();
    const topic = await db.topics.get(id);
    if (!topic) throw new RuleError('not-found', 'This topic no longer exists.');
    const changed = { ...topic, archived };
    await db.topics.put(changed);
    await recordAudit('topics', id, 'update', ['archived']);
    return changed;
  });
}
