// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { countPairsIn, findPairsByPerson } from '../../renderer/data/pair-search.repo';
import { createPeopleInBulk } from '../../renderer/data/people.repo';
import { listRelationshipsPage, type PairsCursor } from '../../renderer/data/relationships.repo';
import { pairLabel } from '../../renderer/domain/pair-label';
import { nameAndEmailWords, searchTerms, termsMatch, textsMatch } from '../../renderer/domain/people-search';
import { searchKey } from '../../renderer/domain/text';
import type { Person, Relationship, RelationshipStatus } from '../../renderer/domain/types';
import { freshDatabasePerTest, personInput } from './helpers';

// The Relationships list and the pairing picker of "Log a meeting" read one page of pairs at a time:
// newest first by start date, across the statuses asked for; a search walks people by name.

const db = freshDatabasePerTest();
const STAMP = '2024-01-01T09:00:00.000Z';

/** Adds pairs with their people's pairing summaries kept (the people are in the transaction). */
async function addPairs(pairs: Parameters<ReturnType<typeof db>['relationships']['bulkAdd']>[0]) {
  await db().transaction('rw', db().relationships, db().people, () => db().relationships.bulkAdd(pairs));
}

function pair(
  id: string,
  status: RelationshipStatus,
  startDate: string,
  menteeId = 'mentee',
  mentorId = 'mentor',
) {
  return {
    id,
    programId: id.endsWith('x') ? 'other' : 'residency',
    mentorId,
    menteeId,
    focus: 'clinical',
    startDate,
    plannedEndDate: null,
    endDate: null,
    status,
    endReason: null,
    statusHistory: [{ status, date: startDate }],
    capacityOverride: null,
    lastMeetingDate: null,
    createdAt: STAMP,
    updatedAt: STAMP,
  } as Relationship;
}

async function allIds(statuses: RelationshipStatus[], limit: number, keep?: (pair: Relationship) => boolean) {
  const ids: string[] = [];
  let after: PairsCursor | null = null;
  do {
    const page = await listRelationshipsPage({ statuses, after, limit, keep });
    expect(page.relationships.length).toBeLessThanOrEqual(limit);
    ids.push(...page.relationships.map((relationship) => relationship.id));
    after = page.next;
  } while (after);
  return ids;
}

describe('paging the pairings newest first', () => {
  it('merges the statuses asked for into one order, a page at a time, and leaves the others out', async () => {
    await addPairs([
      pair('a', 'active', '2024-05-01'),
      pair('b', 'paused', '2024-06-01'),
      pair('c', 'proposed', '2024-04-01'),
      pair('d', 'completed', '2024-07-01'),
      pair('e', 'active', '2024-03-01'),
    ]);
    const first = await listRelationshipsPage({ statuses: ['proposed', 'active', 'paused'], limit: 2 });
    expect(first.relationships.map((relationship) => relationship.id)).toEqual(['b', 'a']);
    const next = await listRelationshipsPage({
      statuses: ['proposed', 'active', 'paused'],
      after: first.next,
      limit: 2,
    });
    expect(next.relationships.map((relationship) => relationship.id)).toEqual(['c', 'e']);
    expect(next.next).toBeNull();
    expect(await allIds(['completed', 'active', 'paused', 'proposed', 'ended-early'], 4)).toEqual([
      'd',
      'b',
      'a',
      'c',
      'e',
    ]);
  });

  it('splits pairs started the same day across a page boundary without repeating or losing one', async () => {
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    await addPairs(ids.map((id, index) => pair(id, index % 2 ? 'active' : 'paused', '2024-05-01')));
    for (const limit of [1, 2, 4])
      expect(await allIds(['active', 'paused'], limit)).toEqual([...ids].reverse());
  });

  it('fills a page of one program from further down, and counts pairs by status without reading them', async () => {
    await addPairs(
      Array.from({ length: 300 }, (_, index) =>
        pair(
          `p${String(index).padStart(3, '0')}${index % 50 === 0 ? 'x' : ''}`,
          'active',
          `2024-01-${String((index % 28) + 1).padStart(2, '0')}`,
        ),
      ),
    );
    const other = await allIds(['active'], 2, (relationship) => relationship.programId === 'other');
    expect(other.sort()).toEqual(['p000x', 'p050x', 'p100x', 'p150x', 'p200x', 'p250x']);
    expect(await countPairsIn(['active', 'paused'])).toBe(300);
  });

  it('shows a pair started while paging in its place, and the next page neither repeats nor skips one', async () => {
    await addPairs([
      pair('a', 'active', '2024-05-01'),
      pair('b', 'active', '2024-04-01'),
      pair('c', 'active', '2024-03-01'),
    ]);
    const first = await listRelationshipsPage({ statuses: ['active'], limit: 1 });
    await addPairs([pair('new', 'active', '2024-06-01'), pair('mid', 'active', '2024-03-15')]);
    const rest = await allIds(['active'], 10);
    expect(rest).toEqual(['new', 'a', 'b', 'mid', 'c']);
    const next = await listRelationshipsPage({ statuses: ['active'], after: first.next, limit: 10 });
    expect(next.relationships.map((relationship) => relationship.id)).toEqual(['b', 'mid', 'c']);
  });
});

describe('finding running pairs by a name or e-mail typed', () => {
  async function clinic(): Promise<Person[]> {
    const people = await createPeopleInBulk(
      ['Léa Martin', 'José Ruiz', 'Ben Roy', 'Amara Okafor', 'Dana Cruz'].map((name, index) =>
        personInput({
          name,
          email: `${searchKey(name).replace(' ', '.')}@clinic.example`,
          isMentor: index % 2 === 0,
          isMentee: index % 2 === 1,
          mentorCapacity: index % 2 === 0 ? 2 : 0,
        }),
      ),
    );
    const [lea, jose, ben, amara, dana] = people;
    await addPairs([
      pair('jose-lea', 'active', '2024-05-01', jose.id, lea.id),
      pair('ben-amara', 'paused', '2024-04-01', ben.id, amara.id),
      pair('dana-amara', 'completed', '2024-03-01', dana.id, amara.id),
      pair('dana-lea', 'active', '2024-02-01', dana.id, lea.id),
    ]);
    return people;
  }

  function search(query: string, limit = 10) {
    const terms = searchTerms(query);
    return findPairsByPerson({
      statuses: ['active', 'paused'],
      terms,
      limit,
      personMatches: (person, term) => termsMatch([term], nameAndEmailWords(person)),
      pairMatches: (relationship, people) =>
        textsMatch(terms, [
          pairLabel(relationship, people),
          people.get(relationship.menteeId)?.email ?? '',
          people.get(relationship.mentorId)?.email ?? '',
        ]),
    });
  }

  it('finds the pairs of either person, accents ignored, names them, and leaves ended pairs out', async () => {
    await clinic();
    const found = await search('LEA');
    expect(found.relationships.map((relationship) => relationship.id).sort()).toEqual([
      'dana-lea',
      'jose-lea',
    ]);
    expect(pairLabel(found.relationships.find((r) => r.id === 'jose-lea')!, found.people)).toBe(
      'José Ruiz with Léa Martin',
    );
    expect((await search('amara')).relationships.map((relationship) => relationship.id)).toEqual([
      'ben-amara',
    ]);
    expect((await search('jose lea')).relationships.map((relationship) => relationship.id)).toEqual([
      'jose-lea',
    ]);
    expect((await search('ben.roy@clinic')).relationships.map((relationship) => relationship.id)).toEqual([
      'ben-amara',
    ]);
    expect((await search('nobody')).relationships).toEqual([]);
  });

  it('stops at a page of pairs and says more match', async () => {
    await clinic();
    // Every e-mail address is at the clinic: each running pair matches.
    const found = await search('clinic', 1);
    expect(found.relationships).toHaveLength(1);
    expect(found.more).toBe(true);
  });
});
