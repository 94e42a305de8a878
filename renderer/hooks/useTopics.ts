import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { addTopic, archiveTopic, listTopics, renameTopic } from '../data/topics.repo';
import type { Id, Topic } from '../domain/types';

/** The clinic's topics, built-in first; undefined while loading. */
export function useTopics(): Topic[] | undefined {
  return useLiveQuery(() => listTopics(), []);
}

export function useTopicsById(): Map<Id, Topic> | undefined {
  const topics = useTopics();
  return useMemo(() => (topics ? new Map(topics.map((topic) => [topic.id, topic])) : undefined), [topics]);
}

// Plain objects, not hooks: the same object on every render, so effects that use them never rerun.
/** Adding, renaming and archiving meeting topics. */
export const topicActions = {
  add: addTopic,
  rename: renameTopic,
  /** Archives a topic, or with `false` offers it for new meetings again. */
  archive: archiveTopic,
};
