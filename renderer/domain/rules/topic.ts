import { searchKey, storedLine } from '../text';
import type { Id, Topic } from '../types';
import { RuleError } from './rule-error';

export const MAX_TOPIC_LENGTH = 80;

/** A topic's label, tidied, once it is known to be present, short enough and not already taken. */
export function checkTopicLabel(
  label: string,
  existing: Pick<Topic, 'id' | 'label'>[],
  exceptId?: Id,
): string {
  const clean = storedLine(label);
  if (!clean) throw new RuleError('required', 'A topic needs a name.', 'label');
  if (clean.length > MAX_TOPIC_LENGTH)
    throw new RuleError('too-long', `Topic names are ${MAX_TOPIC_LENGTH} characters at most.`, 'label');
  if (existing.some((topic) => topic.id !== exceptId && searchKey(topic.label) === searchKey(clean)))
    throw new RuleError('duplicate', `There is already a topic called "${clean}".`, 'label');
  return clean;
}
