import { BUILT_IN_TOPICS, type Topic } from './types';

// The one place that turns what the clinic stored into the topics it has: a clinic that never edited
// its list stores no topic at all, yet every built-in topic is still its topic, by name.

function builtInTopic(topic: (typeof BUILT_IN_TOPICS)[number]): Topic {
  return { ...topic, builtIn: true, archived: false };
}

/** The clinic's topics: the stored ones, plus every built-in topic the clinic never stored. */
export function withBuiltInTopics(stored: readonly Topic[]): Topic[] {
  const known = new Set(stored.map((topic) => topic.id));
  return [...BUILT_IN_TOPICS.filter((topic) => !known.has(topic.id)).map(builtInTopic), ...stored];
}

/** The built-in topics as records, for a clinic that stores them (sample data, first edit). */
export function builtInTopicRecords(): Topic[] {
  return BUILT_IN_TOPICS.map(builtInTopic);
}
