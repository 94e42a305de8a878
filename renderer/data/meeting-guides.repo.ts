import { checkGuide, type GuideText } from '../domain/meeting-guides';
import { RuleError } from '../domain/rules';
import { builtInTopicRecords } from '../domain/topics';
import type { Id, MeetingGuide } from '../domain/types';
import { nowIso, recordAudit } from './audit';
import { getDb } from './db';

// The meeting guides the clinic rewrote (or wrote for its own topics), one a topic, keyed by the topic's
// id. A topic with no stored guide shows ours (domain/meeting-guides.ts).

export async function listMeetingGuides(): Promise<MeetingGuide[]> {
  return getDb().meetingGuides.toArray();
}

/** Saves the clinic's wording of a topic's guide. */
export async function saveMeetingGuide(topicId: Id, input: GuideText): Promise<MeetingGuide> {
  const db = getDb();
  return db.transaction('rw', db.meetingGuides, db.topics, db.auditLog, async () => {
    const known =
      builtInTopicRecords().some((topic) => topic.id === topicId) ||
      (await db.topics.get(topicId)) !== undefined;
    if (!known) throw new RuleError('not-found', 'This topic no longer exists.');
    const guide: MeetingGuide = { id: topicId, ...checkGuide(input), updatedAt: nowIso() };
    const existed = (await db.meetingGuides.get(topicId)) !== undefined;
    await db.meetingGuides.put(guide);
    await recordAudit('meetingGuides', topicId, existed ? 'update' : 'create', ['questions', 'watchFor']);
    return guide;
  });
}

/** Puts a built-in topic's guide back to ours (or removes the guide of the clinic's own topic). */
export async function resetMeetingGuide(topicId: Id): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.meetingGuides, db.auditLog, async () => {
    if (!(await db.meetingGuides.get(topicId))) return;
    await db.meetingGuides.delete(topicId);
    await recordAudit('meetingGuides', topicId, 'delete', []);
  });
}
