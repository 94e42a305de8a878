import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { addDaysIso, todayIso } from '../../domain/calendar';
import type { TopicGuide } from '../../domain/meeting-guides';
import {
  type Goal,
  type Id,
  MEETING_FORMAT_LABELS,
  MEETING_FORMATS,
  type MeetingFormat,
  type Topic,
} from '../../domain/types';
import { UNREADABLE_MEETING_NOTE } from '../../domain/unreadable';
import { useNoteReveal } from '../../hooks/useNoteReveal';
import { Button } from '../../ui/Button';
import { ConfidentialNotes } from '../../ui/ConfidentialNotes';
import { CheckboxField, FormError, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { useFormErrors } from '../../ui/useFormErrors';
import { useLeaveGuard } from '../../ui/useLeaveGuard';
import { ActionItemRows } from './ActionItemRows';
import { type DebriefChoice, DebriefFields } from './DebriefFields';
import { GoalProgressFields } from './GoalProgressFields';
import { MeetingGuidePanel } from './MeetingGuidePanel';
import { type MeetingDraft, meetingDraftChanged } from './meeting-draft';
import { TopicChips } from './TopicChips';

const FORMAT_OPTIONS = MEETING_FORMATS.map((value) => ({ value, label: MEETING_FORMAT_LABELS[value] }));

interface MeetingFormProps {
  initial: MeetingDraft;
  topics: Topic[];
  /** The pair's open goals, for a new meeting; absent when editing (progress is recorded once). */
  goals?: Goal[];
  /** Saves the draft; a thrown RuleError is shown next to its field. */
  onSave: (draft: MeetingDraft) => Promise<void>;
  onCancel: () => void;
  saveLabel: string;
  /** The meeting being edited; a confidential one's notes stay hidden until asked for. */
  meetingId?: Id;
  /** The pair's milestones this meeting can debrief (with, when editing a debrief, its own). */
  debriefChoices: DebriefChoice[];
  /** Editing a meeting already saved as a debrief. */
  savedDebrief: boolean;
  /** Every offered topic's meeting guide; the chosen topics' are shown. */
  guides: TopicGuide[];
  /** The pair, e.g. "Ben Roy with Amara Okafor", for the printed guide. */
  pairName: string;
}

export function MeetingForm({
  initial,
  topics,
  goals,
  onSave,
  onCancel,
  saveLabel,
  meetingId,
  debriefChoices,
  savedDebrief,
  guides,
  pairName,
}: MeetingFormProps) {
  const [draft, setDraft] = useState(initial);
  const reveal = useNoteReveal(meetingId);
  const notesHidden = Boolean(meetingId && initial.confidential && initial.notes);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const guard = useLeaveGuard(meetingDraftChanged(draft, initial));
  const set =
    <K extends keyof MeetingDraft>(key: K) =>
    (value: MeetingDraft[K]) => {
      setDraft((current) => ({ ...current, [key]: value }));
    };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    if (!errors.beginSave()) return;
    setSaving(true);
    guard.allowLeaving();
    try {
      await onSave(draft);
    } catch (error) {
      guard.guardAgain();
      errors.show(error);
      setSaving(false);
    }
  }

  // Ctrl+Enter (Cmd+Enter on a Mac) saves from anywhere in the form, notes included.
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const fieldError = (field: string) => errors.fields[field] ?? null;
  // A new debrief's answers are asked above; what else was said goes under them in the notes.
  const notesLabel = draft.milestoneId && !savedDebrief ? 'Other notes' : 'Notes';
  return (
    <>
      {guard.prompt}
      <form ref={formRef} className="form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <FormError message={errors.form} />
        <div className="form-grid">
          <TextField
            label="Date"
            type="date"
            value={draft.date}
            onChange={set('date')}
            error={fieldError('date')}
            max={addDaysIso(todayIso(), 1)}
          />
          <TextField
            label="Duration in minutes"
            type="number"
            min={1}
            max={1440}
            value={draft.duration}
            onChange={set('duration')}
            error={fieldError('durationMinutes')}
          />
          <SelectField
            label="Format"
            value={draft.format}
            onChange={(value) => set('format')(value as MeetingFormat)}
            options={FORMAT_OPTIONS}
            error={fieldError('format')}
          />
        </div>
        <TopicChips topics={topics} selected={draft.topics} onChange={set('topics')} />
        <MeetingGuidePanel guides={guides} chosen={draft.topics} pairName={pairName} />
        <DebriefFields
          choices={debriefChoices}
          milestoneId={draft.milestoneId}
          onChoose={set('milestoneId')}
          answers={draft.debrief}
          onAnswer={set('debrief')}
          errors={errors.fields}
          saved={savedDebrief}
        />
        {initial.notesUnreadable && (
          <p className="notice notice--warn" role="note">
            {UNREADABLE_MEETING_NOTE} Saving with the notes left empty keeps the stored note as it is; a note
            typed here replaces it.
          </p>
        )}
        {notesHidden ? (
          <fieldset className="fieldset">
            <legend>Notes</legend>
            <ConfidentialNotes reveal={reveal}>
              <NotesField value={draft.notes} onChange={set('notes')} label={notesLabel} />
            </ConfidentialNotes>
          </fieldset>
        ) : (
          <NotesField value={draft.notes} onChange={set('notes')} label={notesLabel} />
        )}
        <CheckboxField
          label="Confidential"
          checked={draft.confidential}
          onChange={set('confidential')}
          hint="Notes stay hidden on screen until someone chooses to show them."
        />
        <ActionItemRows items={draft.actionItems} onChange={set('actionItems')} errors={errors.fields} />
        {goals && (
          <GoalProgressFields
            goals={goals}
            progress={draft.goalProgress}
            onChange={set('goalProgress')}
            errors={errors.fields}
          />
        )}
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={saving}>
            {saveLabel}
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
          <span className="muted">Tip: Ctrl+Enter saves.</span>
        </div>
      </form>
    </>
  );
}

function NotesField({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
}) {
  return (
    <TextAreaField
      label={label}
      value={value}
      onChange={onChange}
      rows={6}
      hint="What was discussed. Kept on this computer only."
    />
  );
}
