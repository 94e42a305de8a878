import { GuidingHandsDb } from './db';
import { SearchEngine } from './search-engine';
import type { FromSearchWorker, ToSearchWorker } from './search-session';

// The search worker: holds the clinic's word index away from the window. It reads the records through
// its own connection and opens sealed text with the key the window lent it; the window ends this worker
// when the clinic locks. It posts results and progress only; nothing is logged (the records name people).

interface WorkerScope {
  postMessage(message: FromSearchWorker): void;
  onmessage: ((event: MessageEvent<ToSearchWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let engine: SearchEngine | null = null;

function fail(id: number, error: unknown): void {
  scope.postMessage({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'open') {
    // The same schema as the window's connection (same class), so opening never upgrades differently.
    const db = new GuidingHandsDb(message.dbName);
    const key = message.key;
    engine = new SearchEngine(
      () => db,
      () => (key ? Promise.resolve(key) : null),
      (progress) => scope.postMessage({ type: 'progress', progress }),
    );
    engine.build().catch(() => undefined);
    return;
  }
  if (!engine) return;
  if (message.type === 'changed') {
    engine.changed(message.changes).catch(() => undefined);
    return;
  }
  const { id } = message;
  if (message.type === 'search')
    engine.search(message.text, message.limits).then(
      (results) => scope.postMessage({ type: 'results', id, results }),
      (error: unknown) => fail(id, error),
    );
  else if (message.type === 'memory')
    scope.postMessage({ type: 'memory', id, bytes: engine.memoryEstimate() });
  else if (message.type === 'settle')
    engine.settled().then(
      () => scope.postMessage({ type: 'settled', id }),
      (error: unknown) => fail(id, error),
    );
};
scope.postMessage({ type: 'ready' });
