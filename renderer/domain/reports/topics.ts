import type { Id } from '../types';
import type { ReportIndex } from './report-data';
import { percent } from './suppression';

// Topics covered: how many meetings touched each topic, and how many pairs touched it at least once.
// Topics no meeting touched are listed too: a surveyor asks what was not covered as well.

export interface TopicCoverage {
  topicId: Id;
  label: string;
  meetings: number;
  pairs: number;
  /** Share of the pairs that met in the period that touched this topic. */
  shareOfPairs: number | null;
}

export interface TopicsCovered {
  topics: TopicCoverage[];
  meetings: number;
  meetingsWithTopics: number;
  pairsThatMet: number;
}

export const UNLISTED_TOPIC_LABEL = 'Topic no longer listed';

export function computeTopicsCovered(index: ReportIndex): TopicsCovered {
  const meetingCounts = new Map<Id, number>();
  const pairCounts = new Map<Id, number>();
  // The last pair counted for each topic: a pair's meetings come together, so a topic is counted once a pair.
  const lastPair = new Map<Id, Id>();
  let meetingsWithTopics = 0;
  for (const [pairId, meetings] of index.meetingsByRelationship)
    for (const meeting of meetings) {
      const topicIds = meeting.topics;
      if (topicIds.length > 0) meetingsWithTopics++;
      for (let i = 0; i < topicIds.length; i++) {
        const topicId = topicIds[i];
        // A topic listed twice in one meeting counts once (no Set per meeting: there may be 200,000).
        if (topicIds.indexOf(topicId) !== i) continue;
        meetingCounts.set(topicId, (meetingCounts.get(topicId) ?? 0) + 1);
        if (lastPair.get(topicId) === pairId) continue;
        lastPair.set(topicId, pairId);
        pairCounts.set(topicId, (pairCounts.get(topicId) ?? 0) + 1);
      }
    }
  const pairsThatMet = index.meetingsByRelationship.size;
  const listed = index.topics.filter((topic) => !topic.archived || meetingCounts.has(topic.id));
  const ids = new Set([...listed.map((topic) => topic.id), ...meetingCounts.keys()]);
  const topics = [...ids].map((topicId) => {
    const pairs = pairCounts.get(topicId) ?? 0;
    return {
      topicId,
      label: index.topicsById.get(topicId)?.label ?? UNLISTED_TOPIC_LABEL,
      meetings: meetingCounts.get(topicId) ?? 0,
      pairs,
      shareOfPairs: percent(pairs, pairsThatMet),
    };
  });
  topics.sort((a, b) => b.meetings - a.meetings || a.label.localeCompare(b.label));
  return { topics, meetings: index.meetings.length, meetingsWithTopics, pairsThatMet };
}
