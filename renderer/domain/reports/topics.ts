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
  const pairsByTopic = new Map<Id, Set<Id>>();
  let meetingsWithTopics = 0;
  for (const meeting of index.meetings) {
    if (meeting.topics.length > 0) meetingsWithTopics++;
    const topicIds = meeting.topics;
    for (let i = 0; i < topicIds.length; i++) {
      const topicId = topicIds[i];
      // A topic listed twice in one meeting counts once (no Set per meeting: there may be 200,000).
      if (topicIds.indexOf(topicId) !== i) continue;
      meetingCounts.set(topicId, (meetingCounts.get(topicId) ?? 0) + 1);
      const pairs = pairsByTopic.get(topicId);
      if (pairs) pairs.add(meeting.relationshipId);
      else pairsByTopic.set(topicId, new Set([meeting.relationshipId]));
    }
  }
  const pairsThatMet = index.meetingsByRelationship.size;
  const listed = index.topics.filter((topic) => !topic.archived || meetingCounts.has(topic.id));
  const ids = new Set([...listed.map((topic) => topic.id), ...meetingCounts.keys()]);
  const topics = [...ids].map((topicId) => {
    const pairs = pairsByTopic.get(topicId)?.size ?? 0;
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
