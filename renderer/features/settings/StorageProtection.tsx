import { type StoragePersistence, useStoragePersistence } from '../../hooks/useStoragePersistence';

const WORDS: Record<StoragePersistence, { title: string; meaning: string }> = {
  persistent: {
    title: 'Kept safe on this computer.',
    meaning:
      'Your records are stored as permanent: they stay even when the disk runs low on space, and go only if someone deletes them. A broken or stolen computer still loses them, so keep making backups.',
  },
  'best-effort': {
    title: 'Not guaranteed on this computer.',
    meaning:
      'The browser may delete your records by itself to free space when the disk is nearly full. Make backups often and keep them away from this computer; using the desktop app, or keeping the disk from filling up, avoids it.',
  },
  unknown: {
    title: 'Unknown on this computer.',
    meaning:
      'This browser cannot say whether it keeps your records when the disk runs low. Make backups often and keep them away from this computer.',
  },
};

/** Settings → Backups: whether the browser engine promised to keep the records, in plain words. */
export function StorageProtection() {
  const persistence = useStoragePersistence();
  if (!persistence) return <p role="status">Checking how your records are stored…</p>;
  const words = WORDS[persistence];
  return (
    <section aria-label="Permanent storage">
      <p>
        <strong>Permanent storage: {words.title}</strong> {words.meaning}
      </p>
    </section>
  );
}
