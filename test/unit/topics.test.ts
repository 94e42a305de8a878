import { describe, expect, it } from 'vitest';
import { withBuiltInTopics } from '../../renderer/domain/topics';
import { BUILT_IN_TOPICS, type Topic } from '../../renderer/domain/types';

describe('the clinic’s topics', () => {
  it('are every built-in topic when the clinic stored none', () => {
    expect(withBuiltInTopics([]).map((topic) => topic.label)).toEqual(BUILT_IN_TOPICS.map((t) => t.label));
  });

  it('keep a built-in topic the clinic renamed or archived as stored, once, beside its own topics', () => {
    const stored: Topic[] = [
      { id: 'ethics', label: 'Clinical ethics', builtIn: true, archived: true },
      { id: 'own', label: 'Quality improvement', builtIn: false, archived: false },
    ];
    const topics = withBuiltInTopics(stored);
    expect(topics).toHaveLength(BUILT_IN_TOPICS.length + 1);
    expect(topics.filter((topic) => topic.id === 'ethics')).toEqual([stored[0]]);
    expect(topics).toContainEqual(stored[1]);
  });
});
