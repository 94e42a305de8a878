import { Link } from 'react-router';
import { useStaffStarted } from '../../hooks/usePeople';
import { usePrograms } from '../../hooks/usePrograms';

interface Step {
  done: boolean;
  label: string;
  to: string;
  action: string;
}

/** A new clinic's first three steps, each ticked off as the records appear. */
export function GettingStarted() {
  const programs = usePrograms();
  const staff = useStaffStarted();
  if (!programs || !staff) return null;
  const steps: Step[] = [
    {
      done: programs.some((program) => !program.archived),
      label: 'Add a program and how often its pairs should meet',
      to: '/settings',
      action: 'Go to Settings',
    },
    {
      done: staff.mentor && staff.mentee,
      label: 'Add your mentors and mentees, one by one or from a CSV file',
      to: '/people',
      action: 'Go to People',
    },
    { done: false, label: 'Pair a mentee with a mentor', to: '/relationships/new', action: 'New pairing' },
  ];
  return (
    <ol className="steps" aria-label="Getting started">
      {steps.map((step) => (
        <li key={step.label} className={step.done ? 'steps__done' : undefined}>
          <span>
            {step.label}
            {step.done && <span className="badge badge--ok">Done</span>}
          </span>
          {!step.done && <Link to={step.to}>{step.action}</Link>}
        </li>
      ))}
    </ol>
  );
}
