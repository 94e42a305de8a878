/** Shown while a screen's data loads; IndexedDB answers fast, so it is plain text. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}…
    </p>
  );
}
