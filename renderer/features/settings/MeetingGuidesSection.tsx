import { useState } from 'react';
import {
  BUILT_IN_GUIDES,
  MAX_GUIDE_QUESTIONS,
  MIN_GUIDE_QUESTIONS,
  type TopicGuide,
  topicGuides,
} from '../../domain/meeting-guides';
import type { Topic } from '../../domain/types';
import { meetingGuideActions, useStoredMeetingGuides } from '../../hooks/useMeetingGuides';
import { useTopics } from '../../hooks/useTopics';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormError, TextAreaField, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { GuideBlock } from '../../ui/MeetingGuides';
import { useToast } from '../../ui/Toast';
import { useToastOnFailure } from '../../ui/useToastOnFailure';
import { PrintHandbookButton } from './PrintHandbookButton';
import { SaveOrCancel } from './SettingsButtons';
import { useSaveForm } from './useSaveForm';

/** Each topic's guide, ours or the clinic's wording, editable here; and the printable handbook. */
export function MeetingGuidesSection() {
  const topics = useTopics();
  const stored = useStoredMeetingGuides();
  const [editing, setEditing] = useState<Topic | null>(null);
  const [resetting, setResetting] = useState<Topic | null>(null);
  const toastOnFailure = useToastOnFailure();
  const { showToast } = useToast();

  if (!topics || !stored) {
    return (
      <Card title="Meeting guides">
        <Loading />
      </Card>
    );
  }
  const guides = new Map(topicGuides(topics, stored).map((guide) => [guide.topic.id, guide]));
  const offered = topics.filter((topic) => !topic.archived);
  return (
    <Card title="Meeting guides" aside={<PrintHandbookButton />}>
      <p className="muted">
        For each topic, three to six questions worth asking and one thing to watch for. Mentors can open them
        while logging a meeting, and print them. The guides of the built-in topics are ours; change the
        wording to fit your clinic, or put ours back.
      </p>
      {resetting && (
        <ConfirmDialog
          title="Put back our wording?"
          message={`The guide for "${resetting.label}" goes back to the one that came with the app. Your wording is not kept.`}
          confirmLabel="Put back our wording"
          danger
          onCancel={() => setResetting(null)}
          onConfirm={async () => {
            const done = await toastOnFailure(() => meetingGuideActions.reset(resetting.id));
            setResetting(null);
            if (done) showToast(`The guide for ${resetting.label} is ours again.`);
          }}
        />
      )}
      <ul className="row-list guide-list" aria-label="Meeting guides">
        {offered.map((topic) => {
          const guide = guides.get(topic.id);
          return (
            <li key={topic.id}>
              {editing?.id === topic.id ? (
                <GuideForm topic={topic} guide={guide} onDone={() => setEditing(null)} />
              ) : (
                <>
                  <div>
                    {guide ? (
                      <GuideBlock guide={guide} />
                    ) : (
                      <p>
                        <strong>{topic.label}</strong> <span className="muted">· no guide yet</span>
                      </p>
                    )}
                    {guide?.edited && topic.builtIn && <span className="badge">Your wording</span>}
                  </div>
                  <span className="button-row">
                    <Button
                      className="button--small"
                      onClick={() => setEditing(topic)}
                      aria-label={`${guide ? 'Edit' : 'Write'} the guide for ${topic.label}`}
                    >
                      {guide ? 'Edit' : 'Write a guide'}
                    </Button>
                    {guide?.edited && (
                      <Button
                        variant="quiet"
                        className="button--small"
                        onClick={() => setResetting(topic)}
                        aria-label={
                          BUILT_IN_GUIDES[topic.id]
                            ? `Put back our guide for ${topic.label}`
                            : `Remove the guide for ${topic.label}`
                        }
                      >
                        {BUILT_IN_GUIDES[topic.id] ? 'Put back ours' : 'Remove'}
                      </Button>
                    )}
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function GuideForm({
  topic,
  guide,
  onDone,
}: {
  topic: Topic;
  guide: TopicGuide | undefined;
  onDone: () => void;
}) {
  const [questions, setQuestions] = useState(guide?.guide.questions.join('\n') ?? '');
  const [watchFor, setWatchFor] = useState(guide?.guide.watchFor ?? '');
  const [busy, setBusy] = useState(false);
  const { showToast } = useToast();
  const { formRef, errors, submit } = useSaveForm(async () => {
    setBusy(true);
    try {
      await meetingGuideActions.save(topic.id, { questions: questions.split('\n'), watchFor });
      showToast(`The guide for ${topic.label} was saved.`);
      onDone();
    } catch (error) {
      setBusy(false);
      throw error;
    }
  });

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      <FormError message={errors.form} />
      <TextAreaField
        label={`Questions for ${topic.label}`}
        hint={`${MIN_GUIDE_QUESTIONS} to ${MAX_GUIDE_QUESTIONS} questions, one a line.`}
        value={questions}
        onChange={setQuestions}
        rows={6}
        error={errors.fields.questions}
      />
      <TextField
        label="Watch for"
        hint="One line: the sign a mentor should not miss, and where to turn."
        value={watchFor}
        onChange={setWatchFor}
        error={errors.fields.watchFor}
      />
      <SaveOrCancel label="Save guide" onCancel={onDone} busy={busy} />
    </form>
  );
}
