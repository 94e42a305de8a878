import { WordIndex } from '../domain/search/word-index';
import {
  isEmptyQuery,
  parseQuery,
  type SearchQuery,
  type SnippetPart,
  snippetOf,
  wordsOf,
} from '../domain/search/words';
import { withBuiltInTopics } from '../domain/topics';
import type { ActionItem, Id, IsoDate, Meeting, Person, Program, Relationship } from '../domain/types';
import type { GuidingHandsDb } from './db';
import { isSealed, openAsync, sealContext } from './lock/seal';

// The clinic search: one word index per kind of record (people, pairings, meetings, action items),
// built from the database and kept up to date as records change, answering what the header's search box
// asks. It runs in a worker with its own connection to the database (search-session.ts), or inline
// where no worker can start. Sealed text (notes, action items) is opened with the data key the window
// lends while the clinic is unlocked; only words and record keys are kept, never the text itself.
// A confidential meeting's notes are not searched: showing them asks for the passphrase again.

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
}

export interface SearchResults {
  text: string;
  groups: SearchGroup[];
  progress: SearchProgress;
  /** Time spent answering, in milliseconds, from the query to the built snippets. */
  ms: number;
}

/** Which tables changed: a list of record ids, or null when a whole range changed (a bulk write). */
export type SearchChange = { table: string; ids: Id[] | null };

export const DEFAULT_LIMITS: Record<SearchKind, number> = { person: 5, pair: 4, meeting: 8, actionItem: 5 };

const PAGE = 2000;

/** A date as a rank: later dates come first. */
function dateRank(date: string | null | undefined): number {
  return date ? Number(date.slice(0, 10).replaceAll('-', '')) || 0 : 0;
}

export class SearchEngine {
  private indexes: Record<SearchKind, WordIndex> = {
    person: new WordIndex(),
    pair: new WordIndex(),
    meeting: new WordIndex(),
    actionItem: new WordIndex(),
  };
  private topicLabels = new Map<Id, string>();
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
    return this.serially(async () => {
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
    return this.serially(async () => {
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
    this.advance(people.length);
  }

  private async refreshPeople(ids: readonly Id[]): Promise<void> {
    const people = await this.db().people.bulkGet([...ids]);
    ids.forEach((id, i) => {
      const person = people[i];
      if (person) this.indexes.person.set(id, this.personWords(person));
      else this.indexes.person.remove(id);
    });
  }

  // Pairings: the names of both people and the program.
  private async pairWords(pairs: readonly Relationship[]): Promise<string[][]> {
    const db = this.db();
    const personIds = [...new Set(pairs.flatMap((pair) => [pair.mentorId, pair.menteeId]))];
    const programIds = [...new Set(pairs.map((pair) => pair.programId))];
    const [people, programs] = await Promise.all([
      db.people.bulkGet(personIds),
      db.programs.bulkGet(programIds),
    ]);
    const names = new Map(people.filter((p): p is Person => Boolean(p)).map((p) => [p.id, p.name]));
    const programNames = new Map(programs.filter((p): p is Program => Boolean(p)).map((p) => [p.id, p.name]));
    return pairs.map((pair) =>
      wordsOf(
        [names.get(pair.mentorId), names.get(pair.menteeId), programNames.get(pair.programId)].join(' '),
      ),
    );
  }

  private async rebuildPairs(): Promise<void> {
    const pairs = (await this.db().relationships.toCollection().raw().toArray()) as Relationship[];
    const words = await this.pairWords(pairs);
    const index = new WordIndex();
    pairs.forEach((pair, i) => {
      index.set(pair.id, words[i] as string[], dateRank(pair.startDate));
    });
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
    const words = await this.pairWords(found);
    const seen = new Set<Id>();
    found.forEach((pair, i) => {
      seen.add(pair.id);
      this.indexes.pair.set(pair.id, words[i] as string[], dateRank(pair.startDate));
    });
    for (const id of ids) if (!seen.has(id)) this.indexes.pair.remove(id);
  }

  // Meetings: the notes (unless confidential) and the topics.
  private async meetingWords(meeting: Meeting): Promise<string[]> {
    const topics = (meeting.topics ?? []).map((id) => this.topicLabels.get(id) ?? '').join(' ');
    const notes = meeting.confidential
      ? ''
      : await this.openText('meetings', meeting.id, 'notes', meeting.notes);
    return wordsOf(`${notes} ${topics}`);
  }

  private async addMeetings(index: WordIndex, meetings: Meeting[]): Promise<void> {
    const words = await Promise.all(meetings.map((meeting) => this.meetingWords(meeting)));
    meetings.forEach((meeting, i) => {
      index.set(meeting.id, words[i] as string[], dateRank(meeting.date));
    });
  }

  private async rebuildMeetings(): Promise<void> {
    const index = new WordIndex(Number.POSITIVE_INFINITY);
    await this.eachPage<Meeting>('meetings', (rows) => this.addMeetings(index, rows as Meeting[]));
    index.pack();
    this.indexes.meeting = index;
  }

  private async refreshMeetings(ids: readonly Id[]): Promise<void> {
    const found = (await this.db()
      .meetings.where(':id')
      .anyOf([...ids])
      .raw()
      .toArray()) as Meeting[];
    await this.addMeetings(this.indexes.meeting, found);
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

  /** The records matching what was typed, each kind's best first, with their snippets. */
  async search(text: string, limits: Record<SearchKind, number> = DEFAULT_LIMITS): Promise<SearchResults> {
    const started = performance.now();
    const query = parseQuery(text);
    if (isEmptyQuery(query)) return { text, groups: [], progress: this.progress, ms: 0 };
    const matches = SEARCH_KINDS.map((kind) => ({ kind, ...this.indexes[kind].search(query, limits[kind]) }));
    const byKind = new Map(matches.map((match) => [match.kind, match]));
    const hits = await this.describe(
      query,
      byKind.get('person')?.keys ?? [],
      byKind.get('pair')?.keys ?? [],
      byKind.get('meeting')?.keys ?? [],
      byKind.get('actionItem')?.keys ?? [],
    );
    const groups = matches
      .filter((match) => match.total > 0)
      .map((match) => ({
        kind: match.kind,
        total: match.total,
        hits: hits.filter((hit) => hit.kind === match.kind),
      }));
    return { text, groups, progress: this.progress, ms: performance.now() - started };
  }

  /** Reads the few matching records again and describes them: titles, dates, snippets and links. */
  private async describe(
    query: SearchQuery,
    personIds: Id[],
    pairIds: Id[],
    meetingIds: Id[],
    itemIds: Id[],
  ): Promise<SearchHit[]> {
    const db = this.db();
    const [people, pairsRead, meetingsRead, itemsRead] = await Promise.all([
      db.people.bulkGet(personIds),
      db.relationships.where(':id').anyOf(pairIds).raw().toArray() as Promise<Relationship[]>,
      db.meetings.where(':id').anyOf(meetingIds).raw().toArray() as Promise<Meeting[]>,
      db.actionItems.where(':id').anyOf(itemIds).raw().toArray() as Promise<ActionItem[]>,
    ]);
    // Meetings of the action items, and every pairing named, for their people's names.
    const meetingOfItem = new Map(
      (
        (await db.meetings
          .where(':id')
          .anyOf([...new Set(itemsRead.map((item) => item.meetingId))])
          .raw()
          .toArray()) as Meeting[]
      ).map((meeting) => [meeting.id, meeting]),
    );
    const pairIdsNamed = new Set<Id>([
      ...pairsRead.map((pair) => pair.id),
      ...meetingsRead.map((meeting) => meeting.relationshipId),
      ...itemsRead.map((item) => item.relationshipId),
    ]);
    const pairs = new Map(
      (
        (await db.relationships
          .where(':id')
          .anyOf([...pairIdsNamed])
          .raw()
          .toArray()) as Relationship[]
      ).map((pair) => [pair.id, pair]),
    );
    const personIdsNamed = [
      ...new Set([...pairs.values()].flatMap((pair) => [pair.mentorId, pair.menteeId])),
    ];
    const namesRead = await db.people.bulkGet(personIdsNamed);
    const names = new Map(namesRead.filter((p): p is Person => Boolean(p)).map((p) => [p.id, p.name]));
    const pairTitle = (id: Id) => {
      const pair = pairs.get(id);
      if (!pair) return 'a pairing';
      return `${names.get(pair.mentorId) ?? 'someone'} and ${names.get(pair.menteeId) ?? 'someone'}`;
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
    for (const pair of byId(pairsRead, pairIds)) {
      const program = (await db.programs.get(pair.programId))?.name ?? '';
      hits.push({
        kind: 'pair',
        id: pair.id,
        title: `Pairing of ${pairTitle(pair.id)}`,
        date: pair.startDate,
        snippet: snippetOf([pairTitle(pair.id), program].filter(Boolean).join(' · '), query),
        to: `/relationships/${pair.id}`,
      });
    }
    const meetings = byId(meetingsRead, meetingIds);
    const notes = await Promise.all(
      meetings.map((meeting) =>
        meeting.confidential ? '' : this.openText('meetings', meeting.id, 'notes', meeting.notes),
      ),
    );
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
    const items = byId(itemsRead, itemIds);
    const texts = await Promise.all(
      items.map((item) => this.openText('actionItems', item.id, 'text', item.text)),
    );
    items.forEach((item, i) => {
      hits.push({
        kind: 'actionItem',
        id: item.id,
        title: `Action item of ${pairTitle(item.relationshipId)}`,
        date: meetingOfItem.get(item.meetingId)?.date ?? null,
        snippet: snippetOf(texts[i] as string, query),
        to: `/meetings/${item.meetingId}/edit`,
      });
    });
    return hits;
  }
}
