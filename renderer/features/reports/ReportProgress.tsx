import type { ReportProgress as Progress } from './useReports';

// How far making the report has got, in words a manager reads, with a bar for the whole way.

/** The share of the work done (0–1) and what is being done now. */
export function describeProgress(progress: Progress | null): { done: number; words: string } {
  if (!progress || progress.step === 'records')
    return { done: 0.03, words: 'Reading the people, pairs and programs' };
  if (progress.step === 'meetings')
    return {
      done: 0.05 + 0.8 * (progress.monthsRead / Math.max(1, progress.months)),
      words: `Reading the meetings: ${progress.monthsRead} of ${progress.months} months read (${progress.meetingsRead.toLocaleString()} meetings so far)`,
    };
  if (progress.step === 'follow-up') return { done: 0.87, words: 'Reading the follow-up actions' };
  return { done: 0.92, words: 'Working out the figures' };
}

export function ReportProgress({ progress }: { progress: Progress | null }) {
  const { done, words } = describeProgress(progress);
  const percent = Math.round(done * 100);
  return (
    <div className="report-progress" role="status" aria-live="polite">
      <p>
        <strong>Making the report…</strong> {words}. The choices above can be changed meanwhile.
      </p>
      <progress max={100} value={percent} aria-label="Report progress">
        {percent}%
      </progress>
    </div>
  );
}
