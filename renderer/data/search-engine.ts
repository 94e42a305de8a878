import { WordIndex } from '../domain/search/word-index';
import {
  isEmptyQuery,
  parseQuery,
  queryTerms,
  type Reference,
  referenceToken,
  type SearchQuery,
  type SnippetPart,
  snippetOf,
  wordsOf,
} from '../domain/search/words';
import { withBuiltInTopics } from '../domain/topics';
import type { ActionItem, Id, IsoDate, Meeting, Person, Program, Relationship } from '../domain/types';
import type { GuidingHandsDb, MeetingNote, StoredMeeting } from './db';
import { isSealed, openAsync, sealContext } from './lock/seal';

// The clinic search: one word index per kind of record (people, pairings, meetings, action items),
// built from the database and kept up to date as records change, answering what the header's search box
// asks. It runs in a worker with its own connection to the database (search-session.ts), or inline
// where no worker can start. Sealed text (notes, action items) is opened with the data key the window
// lends while the clinic is unlocked; only words and record keys are kept, never the text itself.
// A confidential meeting's notes are not searched: showing them asks for the passphrase again.
// A meeting holds its topics as tokens, not their labels' words: a query's words are matched against
// the labels as they are now, so a renamed topic finds its meetings by its new name at once.
// The names that titles are made of (people, pairings, programs) are kept in memory, small beside the
// notes, so answering reads only the few matching records again.

export const SEARCH_KINDS = ['person', 'pair', 'meeting', 'actionItem'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  id: Id;
  /** What the hit is: a name, a pairing, "Meeting of … and …". */
  title: string;
  /** A date for meetings and action items (shown in the clinic's date style by the screen). */
  date: IsoDate | null;
  /** The matching words in their context. */
  snippet: SnippetPart[];
  /** The screen that opens it. */
  to: string;
}

export interface SearchGroup {
  kind: SearchKind;
  total: number;
  hits: SearchHit[];
}

export interface SearchProgress {
  /** Records read into the index so far, of `total`. */
  done: number;
  total: number;
  ready: boolean;
  /**
   * Set when the index could not read every record (a build or a change failed): the search still
   * answers from what it holds, and the window says, in these words, that results may be missing.
   */
  incomplete?: string;
}

/** What the window says when the index could not read every record. */
export const SEARCH_INCOMPLETE =
  'The search could not read every record, so it may miss some results. Close Guiding Hands and open it again to read them afresh.';

export interface SearchResults {
  text: string;
  groups: SearchGroup[];
  progress: SearchProgress;
  /** Time spent answering, in milliseconds, from the query to the built snippets. */
  ms: number;
  /** Of which matching in the indexes (the rest is reading the shown records and their snippets). */
  matchMs: number;
}

/** Which tables changed: a list of record ids, or null when a whole range changed (a bulk write). */
export type SearchChange = { table: string; ids: Id[] | null };

export const DEFAULT_LIMITS: Record<SearchKind, number> = { person: 5, pair: 4, meeting: 8, actionItem: 5 };

const PAGE = 2000;

/** A date as a rank: later dates come first. */
function dateRank(date: string | null | undefined): number {
  return date ? Number(date.slice(0, 10).replaceAll('-', '')) || 0 : 0;
}

/** The date a rank was made from, or null for a record ranked without one. */
function dateOfRank(rank: number | null): IsoDate | null {
  if (rank === null || rank < 10000101) return null;
  const digits = String(rank);
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

/** What a pairing's title is made of. */
interface PairFacts {
  mentorId: Id;
  menteeId: Id;
  programId: Id;
  startDate: IsoDate;
}

export class SearchEngine {
  private indexes: Record<SearchKind, WordIndex> = {
    person: new WordIndex(),
    pair: new WordIndex(),
    meeting: new WordIndex(),
    actionItem: new WordIndex(),
  };
  private topicLabels = new Map<Id, string>();
  /** The topics with the words of their labels now, which the meetings' topic tokens stand for. */
  private topicWords: Reference[] = [];
  private personNames = new Map<Id, string>();
  private pairFacts = new Map<Id, PairFacts>();
  private programNames = new Map<Id, string>();
  private progress: SearchProgress = { done: 0, total: 0, ready: false };
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: () => GuidingHandsDb,
    /** The data key while the clinic is unlocked; null without a lock. */
    private readonly key: () => Promise<CryptoKey> | null,
    private readonly onProgress: (progress: SearchProgress) => void = () => undefined,
  ) {}

  /** Reads every record into the indexes; changes arriving meanwhile wait and are applied after. */
  build(): Promise<void> {
    return this.noticed(async () => {
      const db = this.db();
      const [meetings, items] = await Promise.all([db.meetings.count(), db.actionItems.count()]);
      const people = await db.people.count();
      const pairs = await db.relationships.count();
      this.progress = { done: 0, total: meetings + items + people + pairs, ready: false };
      this.onProgress(this.progress);
      await this.loadTopics();
      await this.rebuildPeople();
      await this.rebuildPairs();
      await this.rebuildMeetings();
      await this.rebuildActionItems();
      this.progress = { ...this.progress, done: this.progress.total, ready: true };
      this.onProgress(this.progress);
    });
  }

  /** Stops reading: a build half-way ends at its next page. */
  stop(): void {
    this.stopped = true;
  }

  get status(): SearchProgress {
    return this.progress;
  }

  /** Applies what changed in the database, after anything already under way. */
  changed(changes: readonly SearchChange[]): Promise<void> {
    return this.noticed(async () => {
      for (const { table, ids } of changes) {
        if (table === 'people') {
          if (ids === null) {
            await this.rebuildPeople();
            await this.rebuildPairs();
          } else {
            await this.refreshPeople(ids);
            // A pairing is found by its people's names.
            const pairs = await this.db()
              .relationships.where('mentorId')
              .anyOf(ids)
              .or('menteeId')
              .anyOf(ids)
              .primaryKeys();
            await this.refreshPairs(pairs);
          }
        } else if (table === 'relationships') {
          if (ids === null) await this.rebuildPairs();
          else await this.refreshPairs(ids);
        } else if (table === 'programs') await this.rebuildPairs();
        else if (table === 'meetings') {
          if (ids === null) await this.rebuildMeetings();
          else await this.refreshMeetings(ids);
        } else if (table === 'actionItems') {
          if (ids === null) await this.rebuildActionItems();
          else await this.refreshActionItems(ids);
        } else if (table === 'topics') await this.loadTopics();
      }
    });
  }

  /** Resolves once the build and every change passed so far are done. */
  settled(): Promise<void> {
    return this.queue;
  }

  /**
   * Runs `work` after what is under way; if it fails, the progress says the index is incomplete (the
   * window tells the manager) before the failure is passed on. A later failure does not clear it.
   */
  private noticed(work: () => Promise<void>): Promise<void> {
    return this.serially(async () => {
      try {
        await work();
      } catch (error) {
        this.progress = { ...this.progress, incomplete: SEARCH_INCOMPLETE };
        this.onProgress(this.progress);
        throw error;
      }
    });
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private advance(count: number): void {
    if (this.progress.ready) return;
    this.progress = { ...this.progress, done: this.progress.done + count };
    this.onProgress(this.progress);
  }

  private async loadTopics(): Promise<void> {
    const topics = withBuiltInTopics(await this.db().topics.toArray());
    this.topicLabels = new Map(topics.map((topic) => [topic.id, topic.label]));
    this.topicWords = topics.map((topic) => ({ id: topic.id, words: wordsOf(topic.label) }));
  }

  /** Opens a sealed value with the lent key; plain values are returned as they are. */
  private async open(table: string, id: Id, path: string, value: unknown): Promise<unknown> {
    if (!isSealed(value)) return value;
    const key = this.key();
    if (!key) return null;
    return openAsync(await key, sealContext(table, id, path), value);
  }

  private async openText(table: string, id: Id, path: string, value: unknown): Promise<string> {
    try {
      const opened = await this.open(table, id, path, value);
      return typeof opened === 'string' ? opened : '';
    } catch {
      // A damaged sealed value is left out of the search; the meeting screen says so in words.
      return '';
    }
  }

  /** Reads a table page by page (by primary key), raw: sealed values stay sealed until opened here. */
  private async eachPage<T>(table: 'meetings' | 'actionItems', use: (rows: T[]) => Promise<void>) {
    let after: string | null = null;
    for (;;) {
      if (this.stopped) return;
      const db = this.db();
      const collection =
        after === null ? db.table(table).toCollection() : db.table(table).where(':id').above(after);
      const rows = (await collection.limit(PAGE).raw().toArray()) as (T & { id: Id })[];
      if (rows.length === 0) return;
      await use(rows);
      this.advance(rows.length);
      after = (rows[rows.length - 1] as { id: Id }).id;
      if (rows.length < PAGE) return;
    }
  }

  // People: name, e-mail, specialty and interests.
  private personWords(person: Person): string[] {
    return wordsOf([person.name, person.email, person.specialty, ...(person.tags ?? [])].join(' '));
  }

  private async rebuildPeople(): Promise<void> {
    const people = await this.db().people.toArray();
    const index = new WordIndex();
    people.sort((a, b) => a.name.localeCompare(b.name));
    for (const person of people) index.set(person.id, this.personWords(person));
    index.pack();
    this.indexes.person = index;
    this.personNames = new Map(people.map((person) => [person.id, person.name]));
    this.advance(people.length);
  }

  private async refreshPeople(ids: readonly Id[]): Promise<void> {
    const people = await this.db().people.bulkGet([...ids]);
    ids.forEach((id, i) => {
      const person = people[i];
      if (person) {
        this.indexes.person.set(id, this.personWords(person));
        this.personNames.set(id, person.name);
      } else {
        this.indexes.person.remove(id);
        this.personNames.delete(id);
      }
    });
  }

  // Pairings: the names of both people (read into memory just before) and the program.
  private pairWords(pair: Relationship): string[] {
    return wordsOf(
      [
        this.personNames.get(pair.mentorId),
        this.personNames.get(pair.menteeId),
        this.programNames.get(pair.programId),
      ].join(' '),
    );
  }

  private setPair(index: WordIndex, pair: Relationship): void {
    const { mentorId, menteeId, programId, startDate } = pair;
    this.pairFacts.set(pair.id, { mentorId, menteeId, programId, startDate });
    index.set(pair.id, this.pairWords(pair), dateRank(startDate));
  }

  private async rebuildPairs(): Promise<void> {
    const db = this.db();
    const [pairs, programs] = await Promise.all([
      db.relationships.toCollection().raw().toArray() as Promise<Relationship[]>,
      db.programs.toArray(),
    ]);
    this.programNames = new Map(programs.map((program: Program) => [program.id, program.name]));
    this.pairFacts = new Map();
    const index = new WordIndex();
    for (const pair of pairs) this.setPair(index, pair);
    index.pack();
    this.indexes.pair = index;
    this.advance(pairs.length);
  }

  private async refreshPairs(ids: readonly Id[]): Promise<void> {
    const found = (await this.db()
      .relationships.where(':id')
      .anyOf([...ids])
      .raw()
      .toArray()) as Relationship[];
    const seen = new Set<Id>();
    for (const pair of found) {
      seen.add(pair.id);
      this.setPair(this.indexes.pair, pair);
    }
    for (const id of ids)
      if (!seen.has(id)) {
        this.indexes.pair.remove(id);
        this.pairFacts.delete(id);
      }
  }

  /**
   * The meetings with their notes as stored (raw: a sealed note is opened by openText, bound to its
   * meeting). `range`: the meetings are a page in primary-key order, whose notes are the same id range.
   */
  private async withRawNotes(meetings: StoredMeeting[], range = false): Promise<Meeting[]> {
    if (meetings.length === 0) return [];
    const table = this.db().meetingNotes;
    const first = meetings[0]?.id as Id;
    const last = meetings[meetings.length - 1]?.id as Id;
    const notes = (await (range
      ? table.where(':id').between(first, last, true, true)
      : table.where(':id').anyOf(meetings.map((meeting) => meeting.id))
    )
      .raw()
      .toArray()) as MeetingNote[];
    const byId = new Map(notes.map((note) => [note.id, note.notes]));
    return meetings.map((meeting) => ({ ...meeting, notes: byId.get(meeting.id) ?? '' }));
  }

  // Meetings: the notes (unless confidential) and the topics' tokens.
  private async meetingWords(meeting: Meeting): Promise<string[]> {
    const notes = meeting.confidential
      ? ''
      : await this.openText('meetings', meeting.id, 'notes', meeting.notes);
    return [...wordsOf(notes), ...(meeting.topics ?? []).map(referenceToken)];
  }

  private async addMeetings(index: WordIndex, meetings: Meeting[]): Promise<void> {
    const words = await Promise.all(meetings.map((meeting) => this.meetingWords(meeting)));
    meetings.forEach((meeting, i) => {
      index.set(meeting.id, words[i] as string[], dateRank(meeting.date));
    });
  }

  private async rebuildMeetings(): Promise<void> {
    const index = new WordIndex(Number.POSITIVE_INFINITY);
    await this.eachPage<StoredMeeting>('meetings', async (rows) =>
      this.addMeetings(index, await this.withRawNotes(rows, true)),
    );
    index.pack();
    this.indexes.meeting = index;
  }

  private async refreshMeetings(ids: readonly Id[]): Promise<void> {
    const found = (await this.db()
      .meetings.where(':id')
      .anyOf([...ids])
      .raw()
      .toArray()) as StoredMeeting[];
    await this.addMeetings(this.indexes.meeting, await this.withRawNotes(found));
    const seen = new Set(found.map((meeting) => meeting.id));
    for (const id of ids) if (!seen.has(id)) this.indexes.meeting.remove(id);
  }

  private async addActionItems(index: WordIndex, items: ActionItem[]): Promise<void> {
    const texts = await Promise.all(
      items.map((item) => this.openText('actionItems', item.id, 'text', item.text)),
    );
    items.forEach((item, i) => {
      index.set(item.id, wordsOf(texts[i] as string), dateRank(item.dueDate ?? item.createdAt));
    });
  }

  private async rebuildActionItems(): Promise<void> {
    const index = new WordIndex(Number.POSITIVE_INFINITY);
    await this.eachPage<ActionItem>('actionItems', (rows) =>
      this.addActionItems(index, rows as ActionItem[]),
    );
    index.pack();
    this.indexes.actionItem = index;
  }

  private async refreshActionItems(ids: readonly Id[]): Promise<void> {
    const found = (await this.db()
      .actionItems.where(':id')
      .anyOf([...ids])
      .raw()
      .toArray()) as ActionItem[];
    await this.addActionItems(this.indexes.actionItem, found);
    const seen = new Set(found.map((item) => item.id));
    for (const id of ids) if (!seen.has(id)) this.indexes.actionItem.remove(id);
  }

  /** Bytes the indexes hold (packed arrays exactly, the rest estimated). */
  memoryEstimate(): number {
    return SEARCH_KINDS.reduce((sum, kind) => sum + this.indexes[kind].memoryEstimate(), 0);
  }

  /** The records matching what was typed, each kind's best first, with their snippets. A search
   * superseded meanwhile (`signal` aborted) stops at its next step with an AbortError: it reads and opens
   * nothing more. */
  async search(
    text: string,
    limits: Record<SearchKind, number> = DEFAULT_LIMITS,
    signal?: AbortSignal,
  ): Promise<SearchResults> {
    const started = performance.now();
    signal?.throwIfAborted();
    const query = parseQuery(text);
    if (isEmptyQuery(query)) return { text, groups: [], progress: this.progress, ms: 0, matchMs: 0 };
    const matches = SEARCH_KINDS.map((kind) => ({
      kind,
      ...(kind === 'meeting'
        ? this.indexes.meeting.match(queryTerms(query, this.topicWords), limits.meeting)
        : this.indexes[kind].search(query, limits[kind])),
    }));
    const matchMs = performance.now() - started;
    signal?.throwIfAborted();
    const byKind = new Map(matches.map((match) => [match.kind, match]));
    const hits = await this.describe(
      query,
      byKind.get('person')?.keys ?? [],
      byKind.get('pair')?.keys ?? [],
      byKind.get('meeting')?.keys ?? [],
      byKind.get('actionItem')?.keys ?? [],
      signal,
    );
    const groups = matches
      .filter((match) => match.total > 0)
      .map((match) => ({
        kind: match.kind,
        total: match.total,
        hits: hits.filter((hit) => hit.kind === match.kind),
      }));
    return { text, groups, progress: this.progress, ms: performance.now() - started, matchMs };
  }

  /** Reads the few matching records again and describes them: titles, dates, snippets and links. */
  private async describe(
    query: SearchQuery,
    personIds: Id[],
    pairIds: Id[],
    meetingIds: Id[],
    itemIds: Id[],
    signal: AbortSignal | undefined,
  ): Promise<SearchHit[]> {
    const db = this.db();
    const none = Promise.resolve([]);
    // One step in one transaction, the reads side by side; a kind with no match reads nothing.
    const [people, meetingsRead, itemsRead] = await db.transaction(
      'r',
      [db.people, db.meetings, db.meetingNotes, db.actionItems],
      () =>
        Promise.all([
          personIds.length ? db.people.bulkGet(personIds) : none,
          meetingIds.length
            ? db.meetings
                .where(':id')
                .anyOf(meetingIds)
                .raw()
                .toArray()
                .then((rows) => this.withRawNotes(rows))
            : none,
          itemIds.length
            ? (db.actionItems.where(':id').anyOf(itemIds).raw().toArray() as Promise<ActionItem[]>)
            : none,
        ]),
    );
    signal?.throwIfAborted();
    // An action item is dated by its meeting: the meeting index ranks meetings by their date; a meeting
    // it does not hold (confidential, without topics) is read.
    const meetingDates = new Map<Id, IsoDate | null>();
    const unknownMeetings: Id[] = [];
    for (const item of itemsRead) {
      const date = dateOfRank(this.indexes.meeting.rankOf(item.meetingId));
      if (date) meetingDates.set(item.meetingId, date);
      else unknownMeetings.push(item.meetingId);
    }
    if (unknownMeetings.length)
      for (const meeting of (await db.meetings
        .where(':id')
        .anyOf([...new Set(unknownMeetings)])
        .raw()
        .toArray()) as Meeting[])
        meetingDates.set(meeting.id, meeting.date);
    const pairTitle = (id: Id) => {
      const pair = this.pairFacts.get(id);
      if (!pair) return 'a pairing';
      const name = (personId: Id) => this.personNames.get(personId) ?? 'someone';
      return `${name(pair.mentorId)} and ${name(pair.menteeId)}`;
    };
    const byId = <T extends { id: Id }>(rows: T[], ids: Id[]) => {
      const map = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => map.get(id)).filter((row): row is T => Boolean(row));
    };

    const hits: SearchHit[] = [];
    for (const person of people) {
      if (!person) continue;
      hits.push({
        kind: 'person',
        id: person.id,
        title: person.name,
        date: null,
        snippet: snippetOf(
          [person.name, person.email, person.specialty, ...(person.tags ?? [])].filter(Boolean).join(' · '),
          query,
        ),
        to: `/people/${person.id}`,
      });
    }
    for (const id of pairIds) {
      const pair = this.pairFacts.get(id);
      if (!pair) continue;
      const program = this.programNames.get(pair.programId) ?? '';
      hits.push({
        kind: 'pair',
        id,
        title: `Pairing of ${pairTitle(id)}`,
        date: pair.startDate,
        snippet: snippetOf([pairTitle(id), program].filter(Boolean).join(' · '), query),
        to: `/relationships/${id}`,
      });
    }
    const meetings = byId(meetingsRead, meetingIds);
    const items = byId(itemsRead, itemIds);
    signal?.throwIfAborted();
    // The sealed notes and action items are opened side by side.
    const [notes, texts] = await Promise.all([
      Promise.all(
        meetings.map((meeting) =>
          meeting.confidential ? '' : this.openText('meetings', meeting.id, 'notes', meeting.notes),
        ),
      ),
      Promise.all(items.map((item) => this.openText('actionItems', item.id, 'text', item.text))),
    ]);
    meetings.forEach((meeting, i) => {
      const topics = (meeting.topics ?? []).map((id) => this.topicLabels.get(id) ?? '').filter(Boolean);
      const noteSnippet = snippetOf(notes[i] as string, query);
      const topicSnippet = snippetOf(`Topics: ${topics.join(', ')}`, query);
      hits.push({
        kind: 'meeting',
        id: meeting.id,
        title: `Meeting of ${pairTitle(meeting.relationshipId)}`,
        date: meeting.date,
        snippet: noteSnippet.some((part) => part.match) ? noteSnippet : topicSnippet,
        to: `/meetings/${meeting.id}/edit`,
      });
    });
    items.forEach((item, i) => {
      hits.push({
        kind: 'actionItem',
        id: item.id,
        title: `Action item of ${pairTitle(item.relationshipId)}`,
        date: meetingDates.get(item.meetingId) ?? null,
        snippet: snippetOf(texts[i] as string, query),
        to: `/meetings/${item.meetingId}/edit`,
      });
    });
    return hits;
  }
}
