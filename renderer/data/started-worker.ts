// Starting one of the app's module workers: each posts `{ type: 'ready' }` once its code has run.

/**
 * The worker `create` makes, once it says it is ready; null where no worker can be made, or where it is
 * not ready within `timeoutMs` (it is then ended). The caller sets its own handlers afterwards. `create`
 * calls `new Worker(new URL('./name.worker.ts', import.meta.url), { type: 'module' })` itself, so that the
 * bundler finds the worker's code.
 */
export async function startedWorker(create: () => Worker, timeoutMs: number): Promise<Worker | null> {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = create();
  } catch {
    return null;
  }
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    worker.onmessage = (event: MessageEvent<{ type?: unknown } | null>) => {
      if (event.data?.type !== 'ready') return;
      clearTimeout(timer);
      resolve(true);
    };
    worker.onerror = () => {
      clearTimeout(timer);
      resolve(false);
    };
  });
  if (ready) return worker;
  worker.terminate();
  return null;
}
