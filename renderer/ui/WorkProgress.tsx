/** A labelled progress bar for long work (a native <progress>, so its role is progressbar). */
export function WorkProgress({ label, done, total }: { label: string; done: number; total: number }) {
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div className="work-progress">
      <progress aria-label={label} max={1} value={fraction} />
      <p aria-live="polite">
        {label}… {Math.round(fraction * 100)}%
      </p>
    </div>
  );
}
