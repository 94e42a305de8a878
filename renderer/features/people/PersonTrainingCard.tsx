import { type FormEvent, useMemo, useRef, useState } from 'react';
import { isIsoDate, todayIso } from '../../domain/calendar';
import { formatDisplayDate } from '../../domain/date-format';
import { renewByFor, trainingStatusOn } from '../../domain/training';
import { describeTrainingStatus } from '../../domain/training-words';
import type { Person, TrainingCourse, TrainingRecord } from '../../domain/types';
import { trainingActions, useCourses, useTrainingFor } from '../../hooks/useTraining';
import { Button, ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { FormError, SelectField, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { useFormErrors } from '../../ui/useFormErrors';
import { useToastOnFailure } from '../../ui/useToastOnFailure';

/** A mentor's training: whether it is current today, every completion, and a form to record one. */
export function PersonTrainingCard({ person }: { person: Person }) {
  const records = useTrainingFor(person.id);
  const courses = useCourses();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<TrainingRecord | null>(null);
  const toastOnFailure = useToastOnFailure();
  const { showToast } = useToast();
  const today = todayIso();
  const coursesById = useMemo(() => new Map((courses ?? []).map((course) => [course.id, course])), [courses]);

  if (!records || !courses) return <Loading />;
  const status = trainingStatusOn(records, today);
  const warn = status.state === 'lapsed' || status.state === 'lapsing';
  return (
    <Card
      title="Mentor training"
      aside={
        !adding && courses.length > 0 && <Button onClick={() => setAdding(true)}>Record training</Button>
      }
    >
      <p>
        <span
          className={warn ? 'badge badge--warn' : status.state === 'current' ? 'badge badge--ok' : 'badge'}
        >
          {describeTrainingStatus(status, today)}
        </span>
      </p>
      {adding && <TrainingForm person={person} courses={courses} onDone={() => setAdding(false)} />}
      {courses.length === 0 ? (
        <EmptyState title="The clinic has no training courses yet.">
          <p>Add the courses your mentors take in Settings, then record {person.name}'s training here.</p>
          <ButtonLink to="/settings">Go to Settings</ButtonLink>
        </EmptyState>
      ) : records.length === 0 ? (
        !adding && (
          <EmptyState title={`No training recorded for ${person.name} yet.`}>
            Use "Record training" above.
          </EmptyState>
        )
      ) : (
        <Table
          caption={`Training of ${person.name}`}
          hideCaption
          headers={['Course', 'Provider', 'Completed', 'Hours', 'Renew by', '']}
        >
          {records.map((record) => {
            const name = coursesById.get(record.courseId)?.name ?? 'A course no longer listed';
            return (
              <tr key={record.id}>
                <td>{name}</td>
                <td>{record.provider || '—'}</td>
                <td>{formatDisplayDate(record.completedOn)}</td>
                <td className="number">{record.hours}</td>
                <td>{formatDisplayDate(record.renewBy)}</td>
                <td>
                  <Button
                    variant="quiet"
                    className="button--small"
                    onClick={() => setDeleting(record)}
                    aria-label={`Delete ${name} completed ${formatDisplayDate(record.completedOn)}`}
                  >
                    Delete
                  </Button>
                </td>
              </tr>
            );
          })}
        </Table>
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this training record?"
          message={`${coursesById.get(deleting.courseId)?.name ?? 'This course'}, completed ${formatDisplayDate(deleting.completedOn)}, will be removed from ${person.name}'s training. Pairings keep what they noted.`}
          confirmLabel="Delete training record"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const target = deleting;
            setDeleting(null);
            if (await toastOnFailure(() => trainingActions.remove(target.id), 'deleting the training record'))
              showToast('The training record was deleted.');
          }}
        />
      )}
    </Card>
  );
}

function TrainingForm({
  person,
  courses,
  onDone,
}: {
  person: Person;
  courses: TrainingCourse[];
  onDone: () => void;
}) {
  const offered = courses.filter((course) => !course.archived);
  const [courseId, setCourseId] = useState(offered.length === 1 ? offered[0].id : '');
  const [provider, setProvider] = useState<string | null>(null);
  const [completedOn, setCompletedOn] = useState(todayIso());
  const [hours, setHours] = useState('');
  const [renewBy, setRenewBy] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const course = offered.find((item) => item.id === courseId);
  // Until typed over, the provider and renew-by follow the chosen course and the completion date.
  const shownProvider = provider ?? course?.provider ?? '';
  const shownRenewBy =
    renewBy ?? (course && isIsoDate(completedOn) ? renewByFor(completedOn, course.renewalMonths) : '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!errors.beginSave()) return;
    const parsedHours = hours.trim() === '' ? Number.NaN : Number(hours.replace(',', '.'));
    try {
      await trainingActions.add({
        personId: person.id,
        courseId,
        provider: shownProvider,
        completedOn,
        hours: parsedHours,
        renewBy: shownRenewBy,
      });
      onDone();
    } catch (error) {
      errors.show(error, 'saving the training');
    }
  }

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label="Record training">
      <FormError message={errors.form} />
      <div className="form-grid">
        <SelectField
          label="Course"
          value={courseId}
          onChange={setCourseId}
          placeholder="Choose a course"
          options={offered.map((item) => ({ value: item.id, label: item.name }))}
          error={errors.fields.courseId}
        />
        <TextField
          label="Provider"
          value={shownProvider}
          onChange={setProvider}
          error={errors.fields.provider}
        />
        <TextField
          label="Date completed"
          type="date"
          value={completedOn}
          onChange={setCompletedOn}
          error={errors.fields.completedOn}
        />
        <TextField
          label="Hours"
          type="number"
          min={0.25}
          max={500}
          value={hours}
          onChange={setHours}
          hint="In quarters of an hour, e.g. 1.5"
          error={errors.fields.hours}
        />
        <TextField
          label="Renew by"
          type="date"
          value={shownRenewBy}
          onChange={setRenewBy}
          hint={course ? `${course.renewalMonths} months after completion unless you change it` : undefined}
          error={errors.fields.renewBy}
        />
      </div>
      <div className="button-row">
        <Button type="submit" variant="primary">
          Save training
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
