import { type BackupIssue, describeIssue } from './useBackup';

/** "One record breaks a rule" or "3 problems were found in its records". */
export function problemsFound(count: number): string {
  return count === 1
    ? 'One record breaks a rule'
    : `${count.toLocaleString()} problems were found in its records`;
}

/** The records of a backup that break a rule, each named with its table and the reason. */
export function BackupProblems({
  problems,
  problemCount,
  label,
}: {
  problems: BackupIssue[];
  problemCount: number;
  label: string;
}) {
  const more = problemCount - problems.length;
  return (
    <div className="backup-problems">
      <ul aria-label={label}>
        {problems.map((problem) => (
          <li key={`${problem.table}-${problem.position}-${problem.field}-${problem.problem}`}>
            {describeIssue(problem)}
          </li>
        ))}
      </ul>
      {more > 0 && <p>…and {more.toLocaleString()} more.</p>}
    </div>
  );
}
