import { useState } from 'react';
import { DEFAULT_RENEWAL_MONTHS } from '../../domain/training';
import type { TrainingCourse } from '../../domain/types';
import { courseActions, useCourses } from '../../hooks/useTraining';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { FormError, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { useToastOnFailure } from '../../ui/useToastOnFailure';
import { ArchiveButton, ChangeButton, SaveOrCancel } from './SettingsButtons';
import { useSaveForm } from './useSaveForm';

/** The mentor-training courses the clinic recognises, offered when a mentor's training is recorded. */
export function TrainingCoursesSection() {
  const courses = useCourses();
  const [editing, setEditing] = useState<TrainingCourse | 'new' | null>(null);
  const toastOnFailure = useToastOnFailure();

  return (
    <Card
      title="Mentor training courses"
      aside={editing === null && <Button onClick={() => setEditing('new')}>Add a course</Button>}
    >
      <p className="muted">
        Completions count as current until their renew-by date; archived courses stay on past records.
      </p>
      {editing !== null && (
        <CourseForm
          key={editing === 'new' ? 'new' : editing.id}
          course={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {!courses ? (
        <Loading />
      ) : courses.length === 0 ? (
        <EmptyState title="No training courses yet.">
          Add the courses your mentors take, for example "Mentoring essentials", renewed every 12 months.
        </EmptyState>
      ) : (
        <ul className="row-list" aria-label="Training courses">
          {courses.map((course) => (
            <li key={course.id}>
              <div>
                <strong>{course.name}</strong> {course.archived && <span className="badge">Archived</span>}
                <div className="muted">
                  {course.provider ? `${course.provider} · ` : ''}renew every {course.renewalMonths}{' '}
                  {course.renewalMonths === 1 ? 'month' : 'months'}
                </div>
              </div>
              <div className="button-row">
                <ChangeButton action="Edit" name={course.name} onClick={() => setEditing(course)} />
                <ArchiveButton
                  archived={course.archived}
                  name={course.name}
                  onToggle={() =>
                    toastOnFailure(() => courseActions.update(course.id, { archived: !course.archived }))
                  }
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function CourseForm({ course, onDone }: { course: TrainingCourse | null; onDone: () => void }) {
  const [name, setName] = useState(course?.name ?? '');
  const [provider, setProvider] = useState(course?.provider ?? '');
  const [months, setMonths] = useState(String(course?.renewalMonths ?? DEFAULT_RENEWAL_MONTHS));
  const { formRef, errors, submit } = useSaveForm(async () => {
    const input = { name, provider, renewalMonths: Number(months) };
    if (course) await courseActions.update(course.id, input);
    else await courseActions.add(input);
    onDone();
  });

  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={submit}
      noValidate
      aria-label={course ? `Edit ${course.name}` : 'New course'}
    >
      <FormError message={errors.form} />
      <div className="form-grid">
        <TextField label="Course name" value={name} onChange={setName} error={errors.fields.name} autoFocus />
        <TextField
          label="Usual provider"
          value={provider}
          onChange={setProvider}
          error={errors.fields.provider}
        />
        <TextField
          label="Renew every … months"
          type="number"
          min={1}
          max={120}
          value={months}
          onChange={setMonths}
          error={errors.fields.renewalMonths}
        />
      </div>
      <SaveOrCancel label={course ? 'Save course' : 'Add course'} onCancel={onDone} />
    </form>
  );
}
