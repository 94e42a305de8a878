import { useEffect, useState } from 'react';
import { requestPersistentStorage, type StoragePersistence } from '../data/storage';

export type { StoragePersistence };

/** Whether the browser engine keeps the records when the disk runs low; null while it answers. */
export function useStoragePersistence(): StoragePersistence | null {
  const [persistence, setPersistence] = useState<StoragePersistence | null>(null);
  useEffect(() => {
    let live = true;
    // The same request the app made at start: asked once, answered from memory afterwards.
    void requestPersistentStorage().then((answer) => {
      if (live) setPersistence(answer);
    });
    return () => {
      live = false;
    };
  }, []);
  return persistence;
}
