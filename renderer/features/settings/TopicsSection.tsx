import { useState } from 'react';
import type { Topic } from '../../domain/types';
import { topicActions, useTopics } from '../../hooks/useTopics';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { useToastOnFailure } from '../../ui/useToastOnFailure';
import { ArchiveButton, ChangeButton } from './SettingsButtons';
import { useSaveForm } from './useSaveForm';

/** The topic chips offered when logging a meeting: the built-in list plus the clinic's own. */
export function TopicsSection() {
  const topics = useTopics();
  const [renaming, setRenaming] = useState<Topic | null>(null);
  const toastOnFailure = useToastOnFailure();

  async function toggleArchive(topic: Topic) {
    await toastOnFailure(() => topicActions.archive(topic.id, !topic.archived));
  }

  return (
    <Card title="Meeting topics">
      <p className="muted">Archived topics stay on past meetings but are not offered for new ones.</p>
      <TopicForm key="new" topic={null} onDone={() => undefined} />
      {!topics ? (
        <Loading />
      ) : (
        <ul className="row-list" aria-label="Topics">
          {topics.map((topic) => (
            <li key={topic.id}>
              {renaming?.id === topic.id ? (
                <TopicForm topic={topic} onDone={() => setRenaming(null)} />
              ) : (
                <>
                  <span>
                    {topic.label} {topic.builtIn && <span className="badge">Built in</span>}{' '}
                    {topic.archived && <span className="badge">Archived</span>}
                  </span>
                  <span className="button-row">
                    {!topic.builtIn && (
                      <ChangeButton action="Rename" name={topic.label} onClick={() => setRenaming(topic)} />
                    )}
                    <ArchiveButton
                      archived={topic.archived}
                      name={topic.label}
                      onToggle={() => toggleArchive(topic)}
                    />
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function TopicForm({ topic, onDone }: { topic: Topic | null; onDone: () => void }) {
  const [label, setLabel] = useState(topic?.label ?? '');
  const { formRef, errors, submit } = useSaveForm(async () => {
    if (topic) await topicActions.rename(topic.id, label);
    else await topicActions.add(label);
    setLabel('');
    onDone();
  });

  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} noValidate>
      <TextField
        label={topic ? `New name for ${topic.label}` : 'New topic'}
        value={label}
        onChange={setLabel}
        error={errors.fields.label ?? errors.form}
        autoFocus={topic !== null}
      />
      <Button type="submit" variant={topic ? 'primary' : 'secondary'}>
        {topic ? 'Save name' : 'Add topic'}
      </Button>
      {topic && <Button onClick={onDone}>Cancel</Button>}
    </form>
  );
}
