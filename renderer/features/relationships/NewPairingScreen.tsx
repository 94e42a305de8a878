import { addMonths } from 'date-fns';
import { type FormEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { isIsoDate, parseIsoDate, todayIso, toIsoDate } from '../../domain/calendar';
import { formatDisplayDate } from '../../domain/date-format';
import { FOCUS_LABELS, FOCUSES, type Focus, type Person, type Program } from '../../domain/types';
import { usePrograms } from '../../hooks/usePrograms';
import { relationshipActions } from '../../hooks/useRelationships';
import { useMentorTrainingStatuses } from '../../hooks/useTraining';
import { Button, ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { FormError, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useFormErrors } from '../../ui/useFormErrors';
import { useLeaveGuard } from '../../ui/useLeaveGuard';
import { MenteeChoice } from './MenteeChoice';
import { MENTORS_SHOWN, MentorChoice } from './MentorChoice';
import { useChosenPerson, useMenteeMatches, useMentorCandidates } from './usePairingCandidates';

const FOCUS_OPTIONS = FOCUSES.map((value) => ({ value, label: FOCUS_LABELS[value] }));

function plannedEnd(startDate: string, program: Program | undefined): string {
  if (!program || !isIsoDate(startDate)) return '';
  return toIsoDate(addMonths(parseIsoDate(startDate), program.typicalLengthMonths));
}

/** Pairs a mentee with a mentor: the mentee first, then program and focus, then a mentor with room. */
export function NewPairingScreen() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const programs = usePrograms();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  // A link from a person's page names the mentee; otherwise the manager finds them by typing.
  const asked = useChosenPerson(params.get('mentee') ?? '');
  const [picked, setPicked] = useState<Person | null>(null);
  const mentee = picked ?? (asked?.isMentee && !asked.archived ? asked : null);
  const menteeId = mentee?.id ?? '';
  // Only whether any mentee exists: one read that stops at the first.
  const anyMentee = useMenteeMatches('', 1);
  const [programId, setProgramId] = useState('');
  const [focus, setFocus] = useState<Focus>('clinical');
  const [startDate, setStartDate] = useState(todayIso());
  const [endDate, setEndDate] = useState<string | null>(null);
  const [mentorId, setMentorId] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [saving, setSaving] = useState(false);
  const typed = JSON.stringify([menteeId, programId, focus, startDate, endDate, mentorId, overrideReason]);
  const [untouched] = useState(typed);
  const guard = useLeaveGuard(typed !== untouched);

  const livePrograms = useMemo(() => programs?.filter((program) => !program.archived) ?? [], [programs]);
  const noMentee = anyMentee !== undefined && anyMentee.people.length === 0 && !mentee;
  // Mentors are ranked for the chosen mentee, read once one is chosen: the first ones shown, or those who
  // may match what the manager types to search them; the chosen mentor always among them.
  const [mentorSearch, setMentorSearch] = useState('');
  const searchMentors = useCallback((query: string) => setMentorSearch(query), []);
  const candidates = useMentorCandidates(mentee, MENTORS_SHOWN, mentorSearch, mentorId);
  const options = candidates?.options ?? [];
  const program = livePrograms.find((candidate) => candidate.id === programId);
  const chosen = options.find((option) => option.mentor.id === mentorId);
  const shownEnd = endDate ?? plannedEnd(startDate, program);
  // Training is judged on the pairing's start date, as the pairing will remember it.
  // Only the mentors shown: their own records.
  const training = useMentorTrainingStatuses(
    isIsoDate(startDate) ? startDate : todayIso(),
    options.map((option) => option.mentor.id),
  );
  const chosenTraining = chosen ? training?.get(chosen.mentor.id) : undefined;

  if (!programs || anyMentee === undefined || asked === undefined) return <Loading />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!errors.beginSave()) return;
    setSaving(true);
    try {
      const relationship = await relationshipActions.create(
        { menteeId, mentorId, programId, focus, startDate, plannedEndDate: shownEnd || null },
        { capacityOverrideReason: chosen?.full ? overrideReason : null },
      );
      guard.allowLeaving();
      navigate(`/relationships/${relationship.id}`);
    } catch (error) {
      errors.show(error);
      setSaving(false);
    }
  }

  const fieldError = (field: string) => errors.fields[field] ?? null;
  return (
    <>
      <PageHeader title="New pairing" />
      {guard.prompt}
      {livePrograms.length === 0 || noMentee ? (
        <EmptyState title="Not ready to pair yet.">
          <p>
            {livePrograms.length === 0 && 'Add a program in Settings first (for example a nurse residency). '}
            {noMentee && 'Add at least one mentee and one mentor on the People screen.'}
          </p>
          <div className="button-row">
            {livePrograms.length === 0 && <ButtonLink to="/settings">Go to Settings</ButtonLink>}
            {noMentee && <ButtonLink to="/people/new">Add a person</ButtonLink>}
          </div>
        </EmptyState>
      ) : (
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          <FormError message={errors.form} />
          <MenteeChoice
            chosen={mentee}
            onChange={(person) => {
              setPicked(person);
              setMentorId('');
            }}
            error={fieldError('menteeId')}
          />
          {menteeId && (
            <>
              <SelectField
                label="Program"
                value={programId}
                onChange={setProgramId}
                options={livePrograms.map((item) => ({
                  value: item.id,
                  label: `${item.name} (meets every ${item.cadenceDays} days)`,
                }))}
                placeholder="Choose a program"
                error={fieldError('programId')}
              />
              <div className="form-grid">
                <SelectField
                  label="Focus"
                  value={focus}
                  onChange={(value) => setFocus(value as Focus)}
                  options={FOCUS_OPTIONS}
                  error={fieldError('focus')}
                />
                <TextField
                  label="Start date"
                  type="date"
                  value={startDate}
                  onChange={setStartDate}
                  error={fieldError('startDate')}
                />
                <TextField
                  label="Planned end"
                  type="date"
                  value={shownEnd}
                  onChange={setEndDate}
                  error={fieldError('plannedEndDate')}
                />
              </div>
              {program && (
                <p className="muted">
                  The planned end follows the program's typical length of {program.typicalLengthMonths}{' '}
                  months; change it if this pair needs longer or shorter.
                </p>
              )}
            </>
          )}
          {menteeId && programId && (
            <>
              {!candidates ? (
                <Loading what="Loading mentors" />
              ) : candidates.total === 0 ? (
                <EmptyState title="No mentor to choose from.">
                  Mark someone as a mentor on the People screen.
                </EmptyState>
              ) : (
                <MentorChoice
                  options={options}
                  total={candidates.total}
                  complete={candidates.complete}
                  searched={candidates.search}
                  matching={candidates.matching}
                  onSearch={searchMentors}
                  value={mentorId}
                  onChange={setMentorId}
                  error={fieldError('mentorId')}
                  training={training}
                />
              )}
              {chosen && chosenTraining?.state === 'lapsed' && chosenTraining.renewBy && (
                <p className="notice notice--warn" role="status">
                  {chosen.mentor.name}'s mentor training lapsed after{' '}
                  {formatDisplayDate(chosenTraining.renewBy)}. You can still pair them; the pairing will note
                  that their training had lapsed.
                </p>
              )}
              {chosen?.full && (
                <TextAreaField
                  label="Reason to go over this mentor's capacity"
                  value={overrideReason}
                  onChange={setOverrideReason}
                  rows={2}
                  hint={`${chosen.mentor.name} already mentors ${chosen.load} of ${chosen.mentor.mentorCapacity}. The reason is kept with the pairing.`}
                  error={fieldError('capacityOverrideReason')}
                />
              )}
              <div className="button-row">
                <Button type="submit" variant="primary" disabled={saving || !mentorId}>
                  Create pairing
                </Button>
                <ButtonLink to="/relationships">Cancel</ButtonLink>
              </div>
            </>
          )}
        </form>
      )}
    </>
  );
}
