// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataCryptoKey, hasLock } from '../../renderer/data/lock/session';
import { logMeeting } from '../../renderer/data/meetings.repo';
import { DEFAULT_LIMITS, type SearchProgress, type SearchResults } from '../../renderer/data/search-engine';
import { type SearchPort, serveSearch } from '../../renderer/data/search-serve';
import {
  dropSearchIndex,
  type FromSearchWorker,
  isSuperseded,
  type SearchWorkerPort,
  searchClinic,
  searchReady,
  type ToSearchWorker,
  talkToSearchWorker,
} from '../../renderer/data/search-session';
import { fixTodayPerTest, freshDatabasePerTest, meetingInput, seedPair } from './helpers';

// The header's search as the manager types: each keystroke asks again, and a newer question supersedes the
// older ones. The worker's side (serveSearch, the code the search worker runs) and the window's side
// (talkToSearchWorker) talk here over a message queue of the test's own, which can hold a reply back to
// make an older answer arrive late; the engine, the index and the database are the real ones.

const db = freshDatabasePerTest();
fixTodayPerTest();

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Both ends of a conversation, delivering each message on a later turn, in order, as a worker does. */
function conversation() {
  const fromWorker: FromSearchWorker[] = [];
  const held: FromSearchWorker[] = [];
  let hold: ((message: FromSearchWorker) => boolean) | null = null;
  const page: SearchWorkerPort = {
    onmessage: null,
    postMessage: (message: ToSearchWorker) => {
      setTimeout(() => worker.onmessage?.({ data: message } as MessageEvent<ToSearchWorker>), 0);
    },
  };
  const toPage = (message: FromSearchWorker) =>
    setTimeout(() => page.onmessage?.({ data: message } as MessageEvent<FromSearchWorker>), 0);
  const worker: SearchPort = {
    onmessage: null,
    postMessage: (message: FromSearchWorker) => {
      fromWorker.push(message);
      if (hold?.(message)) held.push(message);
      else toPage(message);
    },
  };
  return {
    page,
    worker,
    fromWorker,
    held,
    holdWhere(test: (message: FromSearchWorker) => boolean) {
      hold = test;
    },
    release() {
      hold = null;
      for (const message of held.splice(0)) toPage(message);
    },
    /** Hands several messages to the worker in one go, as if they had queued while it was busy. */
    queued(messages: ToSearchWorker[]) {
      for (const message of messages) worker.onmessage?.({ data: message } as MessageEvent<ToSearchWorker>);
    },
  };
}

async function startConversation() {
  const talk = conversation();
  serveSearch(talk.worker, () => db());
  let progress: SearchProgress = { done: 0, total: 0, ready: false };
  const key = hasLock() ? await dataCryptoKey() : null;
  const backend = talkToSearchWorker(
    talk.page,
    db().name,
    key,
    (step) => (progress = step),
    () => undefined,
  );
  while (!progress.ready) await tick();
  return { talk, backend };
}

const resultsOf = (talk: ReturnType<typeof conversation>) =>
  talk.fromWorker.filter((message) => message.type === 'results' || message.type === 'superseded');

beforeEach(async () => {
  const pair = await seedPair({}, { mentor: { name: 'Zoë Lefèvre' }, mentee: { name: 'Liam Chen' } });
  await logMeeting(
    meetingInput(pair.relationship.id, {
      confidential: false,
      notes: 'Liam described the handover on the night shift as rushed.',
    }),
  );
});
afterEach(() => dropSearchIndex());

describe('a newer search supersedes the older ones', () => {
  it('never shows a slow older answer that arrives after the newer one', async () => {
    const { talk, backend } = await startConversation();
    // What the box shows: each keystroke supersedes the search before it, as the header's hook does.
    const shown: string[] = [];
    let asking: AbortController | null = null;
    const outcomes: Promise<string>[] = [];
    const type = (text: string) => {
      asking?.abort();
      const controller = new AbortController();
      asking = controller;
      outcomes.push(
        backend.search(text, DEFAULT_LIMITS, controller.signal).then(
          (results) => {
            if (!controller.signal.aborted) shown.push(results.text);
            return 'answered';
          },
          (error: unknown) => (isSuperseded(error) ? 'superseded' : `failed: ${String(error)}`),
        ),
      );
    };

    // The worker answers "handover", but its answer is held back on the way to the window.
    talk.holdWhere((message) => message.type === 'results' && message.results.text === 'handover');
    type('handover');
    while (talk.held.length === 0) await tick();
    // Then "night" is typed and answered, and only after that the older answer arrives.
    type('night');
    expect(await outcomes[1]).toBe('answered');
    talk.release();
    await tick();
    await tick();

    expect(await outcomes[0]).toBe('superseded');
    expect(shown).toEqual(['night']);
    const answered = talk.fromWorker.flatMap((message) =>
      message.type === 'results' ? [message.results.text] : [],
    );
    // The worker did answer both (the older one was slow, not skipped): the window dropped the late one.
    expect(answered).toEqual(['handover', 'night']);
    backend.close();
  });

  it('skips the searches queued behind a newer one, and answers only the newest', async () => {
    const { talk } = await startConversation();
    talk.queued([
      { type: 'search', id: 101, text: 'ha', limits: DEFAULT_LIMITS },
      { type: 'search', id: 102, text: 'hand', limits: DEFAULT_LIMITS },
      { type: 'search', id: 103, text: 'handover', limits: DEFAULT_LIMITS },
    ]);
    while (resultsOf(talk).length < 3) await tick();
    expect(
      resultsOf(talk).map((message) =>
        message.type === 'results' ? `${message.id} ${message.results.text}` : `${message.id} superseded`,
      ),
    ).toEqual(['101 superseded', '102 superseded', '103 handover']);
    const newest = resultsOf(talk)[2] as Extract<FromSearchWorker, { type: 'results' }>;
    expect(newest.results.groups.map((group) => [group.kind, group.total])).toEqual([['meeting', 1]]);
  });

  it('stops a search the window cancels (the box emptied) and answers it as superseded', async () => {
    const { talk } = await startConversation();
    talk.queued([
      { type: 'search', id: 201, text: 'night shift', limits: DEFAULT_LIMITS },
      { type: 'cancel', id: 201 },
    ]);
    while (resultsOf(talk).length < 1) await tick();
    expect(resultsOf(talk)).toEqual([{ type: 'superseded', id: 201 }]);
    // A later search is answered as usual.
    talk.queued([{ type: 'search', id: 202, text: 'night shift', limits: DEFAULT_LIMITS }]);
    while (resultsOf(talk).length < 2) await tick();
    expect(resultsOf(talk)[1]).toMatchObject({ type: 'results', id: 202 });
  });

  it('rejects the older of two searches asked of the clinic search as superseded, and answers the newer', async () => {
    await searchReady();
    const older = searchClinic('handover');
    const newer = searchClinic('liam');
    await expect(older).rejects.toSatisfy(isSuperseded);
    const answer = (await newer) as SearchResults;
    expect(answer.text).toBe('liam');
    expect(answer.groups.map((group) => group.kind)).toEqual(['person', 'pair', 'meeting']);
  });
});
