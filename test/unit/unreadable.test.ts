import { describe, expect, it } from 'vitest';
import { SEALED_FIELDS } from '../../renderer/data/lock/sealed-fields';
import { unreadableMessage } from '../../renderer/domain/unreadable';

// What the screens say when part of a record could not be opened (a sealed value damaged, or copied
// from another record).

const marked = (...paths: string[]) => ({ $unreadable: Object.fromEntries(paths.map((path) => [path, {}])) });

describe('unreadableMessage', () => {
  it('says nothing when every field opened', () => {
    expect(unreadableMessage('goals', { title: 'Lead a ward round' }, 'this goal')).toBeNull();
    expect(unreadableMessage('goals', null, 'this goal')).toBeNull();
  });

  it('names one field in the singular', () => {
    expect(unreadableMessage('milestones', marked('description'), 'this milestone')).toBe(
      'Part of this milestone could not be opened: the description was damaged or does not belong to it. The rest is shown.',
    );
  });

  it('names several fields as a list, in the plural', () => {
    expect(unreadableMessage('goals', marked('title', 'steps', 'dropReason'), 'this goal')).toBe(
      'Part of this goal could not be opened: the title, the steps and why it was dropped were damaged or do not belong to it. The rest is shown.',
    );
  });

  it('has words for every sealed field shown on a screen', () => {
    // Answers and support requests are only ever counted, never shown one by one.
    const shown = Object.entries(SEALED_FIELDS).filter(
      ([table]) => !['responses', 'supportRequests'].includes(table),
    );
    for (const [table, paths] of shown) {
      for (const path of paths) {
        const message = unreadableMessage(table, marked(path), 'it');
        expect(message, `${table}.${path}`).not.toContain('a field');
      }
    }
  });
});
