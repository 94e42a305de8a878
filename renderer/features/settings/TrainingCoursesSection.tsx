import { type FormEvent, useRef, useState } from 'react';
import { DEFAULT_RENEWAL_MONTHS } from '../../domain/training';
import type { TrainingCourse } from '../../domain/types';
import { courseActions, useCourses } from '../../hooks/useTraining';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { FormError, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { useFormErrors } from '../../ui/useFormErrors';
import { useToastOnFailure } from '../../ui/useToastOnFailure';

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
                <Button
                  className="button--small"
                  onClick={() => setEditing(course)}
                  aria-label={`Edit ${course.name}`}
                >
                  Edit
                </Button>
                <Button
                  variant="quiet"
                  className="button--small"
                  onClick={() =>
                    toastOnFailure(() => courseActions.update(course.id, { archived: !course.archived }))
                  }
                  aria-label={`${course.archived ? 'Restore' : 'Archive'} ${course.name}`}
                >
                  {course.archived ? 'Restore' : 'Archive'}
                </Button>
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
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    const input = { name, provider, renewalMonths: Number(months) };
    try {
      if (course) await courseActions.update(course.id, input);
      else await courseActions.add(input);
      onDone();
    } catch (error) {
      errors.show(error);
    }
  }

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
      <div className="button-row">
        <Button type="submit" variant="primary">
          {course ? 'Save course' : 'Add course'}
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
