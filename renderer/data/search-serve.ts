import { GuidingHandsDb } from './db';
import { DEFAULT_LIMITS, SearchEngine, type SearchKind, type SearchResults } from './search-engine';
import type { FromSearchWorker, ToSearchWorker } from './search-session';

// The search worker's side of the conversation with the window (search.worker.ts runs it; tests run it
// over a message channel). The manager types faster than a search answers: each keystroke asks again, and
// only the newest question matters. So a search waits one turn before it starts (questions already queued
// behind it arrive meanwhile), a newer question or a cancel stops an older one at its next step, and a
// stopped search is answered "superseded" instead of with results: the worker never spends its time
// reading and opening the notes of a text the manager has already typed past.

export interface SearchPort {
  postMessage(message: FromSearchWorker): void;
  onmessage: ((event: MessageEvent<ToSearchWorker>) => void) | null;
}

/** One turn of the worker's event loop: messages already queued are handled before it ends. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Searches one at a time in spirit: asking again stops the search asked before, wherever it is. */
export class LatestSearch {
  private latest: { id: number; controller: AbortController } | null = null;

  constructor(
    private readonly engine: SearchEngine,
    private readonly turn: () => Promise<void> = nextTurn,
  ) {}

  /** The answer to `text`, or an AbortError when a newer search (or a cancel) came first. */
  async ask(
    id: number,
    text: string,
    limits: Record<SearchKind, number> = DEFAULT_LIMITS,
  ): Promise<SearchResults> {
    this.latest?.controller.abort();
    const controller = new AbortController();
    this.latest = { id, controller };
    try {
      await this.turn();
      controller.signal.throwIfAborted();
      const results = await this.engine.search(text, limits, controller.signal);
      controller.signal.throwIfAborted();
      return results;
    } finally {
      if (this.latest?.controller === controller) this.latest = null;
    }
  }

  /** Stops the search asked as `id`, if it is still under way. */
  cancel(id: number): void {
    if (this.latest?.id === id) this.latest.controller.abort();
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Answers the window's messages on `port`: builds the index, follows changes and answers searches. */
export function serveSearch(port: SearchPort, openDb: (name: string) => GuidingHandsDb = openOwnDb): void {
  let engine: SearchEngine | null = null;
  let searches: LatestSearch | null = null;
  const fail = (id: number, error: unknown) =>
    port.postMessage({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });

  port.onmessage = (event) => {
    const message = event.data;
    if (message.type === 'open') {
      const db = openDb(message.dbName);
      const key = message.key;
      engine = new SearchEngine(
        () => db,
        () => (key ? Promise.resolve(key) : null),
        (progress) => port.postMessage({ type: 'progress', progress }),
      );
      searches = new LatestSearch(engine);
      engine.build().catch(() => undefined);
      return;
    }
    if (!engine || !searches) return;
    if (message.type === 'changed') {
      engine.changed(message.changes).catch(() => undefined);
      return;
    }
    if (message.type === 'cancel') {
      searches.cancel(message.id);
      return;
    }
    const { id } = message;
    if (message.type === 'search')
      searches.ask(id, message.text, message.limits).then(
        (results) => port.postMessage({ type: 'results', id, results }),
        (error: unknown) => (isAbort(error) ? port.postMessage({ type: 'superseded', id }) : fail(id, error)),
      );
    else if (message.type === 'memory') {
      // Only a browser started for measuring exposes a collector; elsewhere nothing is collected here.
      if (message.collect) (globalThis as { gc?: () => void }).gc?.();
      port.postMessage({ type: 'memory', id, bytes: engine.memoryEstimate() });
    } else if (message.type === 'settle')
      engine.settled().then(
        () => port.postMessage({ type: 'settled', id }),
        (error: unknown) => fail(id, error),
      );
  };
  port.postMessage({ type: 'ready' });
}

/** The same schema as the window's connection (same class), so opening never upgrades differently. */
function openOwnDb(name: string): GuidingHandsDb {
  return new GuidingHandsDb(name);
}
