import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { listTopics } from '../../data/topics.repo';
import type { Id, Topic } from '../../domain/types';

/** The clinic's topics, built-in first; undefined while loading. */
export function useTopics(): Topic[] | undefined {
  return useLiveQuery(() => listTopics(), []);
}

export function useTopicsById(): Map<Id, Topic> | undefined {
  const topics = useTopics();
  return useMemo(() => (topics ? new Map(topics.map((topic) => [topic.id, topic])) : undefined), [topics]);
}
