// First: this file loads the database module in the test process (through the bench's fill), and Dexie
// looks for IndexedDB as it is first imported; the lock steps of the specs after it need one there.
import 'fake-indexeddb/auto';
import type { Page } from '@playwright/test';
import { BENCH_TODAY } from '../../bench/fill-database';
import { pairLabel } from '../../renderer/domain/pair-label';
import type { Meeting } from '../../renderer/domain/types';
import { generateSampleClinic, type SampleCounts } from '../../renderer/sample-clinic';
import { expect, openApp, test } from './helpers';
import { CLINIC_PASSPHRASE, unlock } from './lock-steps';
import { writeOlderClinic } from './older-clinic-steps';

// A clinic kept by version 22 of the app opens in this version: its database is upgraded to the latest
// version in the browser's own IndexedDB, whose step to version 23 moves every meeting's notes to a table
// of their own while the window says "Updating your records for this version" with its progress.
//
// What is asserted, and why it holds however fast the machine is:
// - The window shows the upgrade notice, with the number of meetings written. An upgrade of a few thousand
//   meetings can be over before the app's window has even mounted, so the test holds it back: before the
//   app's code runs, the page opens its own connection to the version 22 database and keeps it open, which
//   makes the app's opening wait (IndexedDB upgrades only once every other connection is closed). Once the
//   window shows (its "Opening your records" line, or the lock screen), the test closes that connection and
//   the upgrade runs with the window listening. A notice shown for a moment may be gone before an assertion
//   looks, so an observer installed before load records every notice the page ever shows.
// - The app reaches its dashboard, and afterwards the database is at the latest version with every note in
//   meetingNotes and none left in a meeting (read from IndexedDB itself).
// - A known pair's newest meeting shows the very note written at version 22; under the clinic lock the
//   note was sealed at version 22, is moved byte for byte (the upgrade is given no key) and opens after the
//   unlock.
//
// Both clinics are here, in the first Playwright configuration only: the "locked" configuration turns
// the lock on once the app has made a clinic, but a locked clinic must have its lock at version 22, before
// the upgrade, for its sealed notes to be moved.

/** Enough meetings for three pages of the upgrade (2,000 meetings each), and a visible moment. */
const SIZE: SampleCounts = { people: 300, relationships: 600, meetings: 6_000 };
const OLDER_VERSION = 22;
/**
 * The version the app opens it at: 23 moved the notes; 24 added an index of the pairs only; 25 changed
 * nothing stored at the opening; 26 added the report's digests, empty.
 */
const LATEST_VERSION = 26;
const NOTICE = 'Updating your records for this version';

/**
 * A pair whose newest meeting (alone on its day, not confidential) has notes, from the same synthetic
 * clinic the page writes: its id, title and that meeting.
 */
function knownPair() {
  const clinic = generateSampleClinic({ seed: 1, size: SIZE, today: BENCH_TODAY });
  const peopleById = new Map(clinic.people.map((person) => [person.id, person]));
  const byPair = new Map<string, Meeting[]>();
  for (const meeting of clinic.meetings)
    byPair.set(meeting.relationshipId, [...(byPair.get(meeting.relationshipId) ?? []), meeting]);
  for (const relationship of clinic.relationships) {
    const [newest, before] = [...(byPair.get(relationship.id) ?? [])].sort((a, b) =>
      b.date.localeCompare(a.date),
    );
    if (!newest || newest.confidential || newest.notes.trim() === '') continue;
    if (before && before.date === newest.date) continue;
    return { id: relationship.id, title: pairLabel(relationship, peopleById), meeting: newest };
  }
  throw new Error('The synthetic clinic has no pair with a newest meeting to show.');
}

/** What the page saw of the upgrade notice, recorded from before the app's code ran. */
interface NoticeSeen {
  headings: string[];
  progress: string[];
}

type UpgradeWindow = Window & { noticeSeen: NoticeSeen; releaseUpgrade: () => Promise<void> };

/**
 * Before the app's code runs: records every upgrade notice and progress label the page shows, and holds a
 * connection to the clinic's database open (at the version it is) until releaseUpgrade() closes it.
 */
async function holdAndWatchTheUpgrade(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: NoticeSeen = { headings: [], progress: [] };
    const held = indexedDB.open('guiding-hands');
    const upgradeWindow = window as unknown as UpgradeWindow;
    upgradeWindow.noticeSeen = seen;
    upgradeWindow.releaseUpgrade = () =>
      new Promise((resolve, reject) => {
        const release = () => {
          held.result.close();
          resolve();
        };
        if (held.readyState === 'done') release();
        else {
          held.onsuccess = release;
          held.onerror = () => reject(held.error);
        }
      });
    new MutationObserver(() => {
      const notice = document.querySelector('section[aria-labelledby="upgrade-notice-title"]');
      if (!notice) return;
      const heading = notice.querySelector('h2')?.textContent ?? '';
      if (!seen.headings.includes(heading)) seen.headings.push(heading);
      const label = notice.querySelector('progress')?.getAttribute('aria-label') ?? '';
      if (seen.progress.at(-1) !== label) seen.progress.push(label);
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

function releaseUpgrade(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as UpgradeWindow).releaseUpgrade());
}

function noticeSeen(page: Page): Promise<NoticeSeen> {
  return page.evaluate(() => (window as unknown as UpgradeWindow).noticeSeen);
}

/** The clinic's database as IndexedDB holds it: its version, and where the notes are. */
function storedDatabase(page: Page, notesOf: readonly string[]) {
  return page.evaluate(async (ids) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('guiding-hands');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const asJson = (value: unknown) =>
      JSON.stringify(value, (_key, part) => (part instanceof Uint8Array ? [...part] : part));
    const version = db.version;
    const meetings = await read<Record<string, unknown>>('meetings');
    const notes = await read<{ id: string; notes: unknown }>('meetingNotes');
    db.close();
    const noteById = new Map(notes.map((note) => [note.id, note.notes]));
    const meetingIds = new Set(meetings.map((meeting) => meeting.id));
    return {
      version,
      meetings: meetings.length,
      meetingsWithNotes: meetings.filter((meeting) => 'notes' in meeting).length,
      notes: notes.length,
      notesWithoutMeeting: notes.filter((note) => !meetingIds.has(note.id)).length,
      storedNotes: Object.fromEntries(ids.map((id) => [id, asJson(noteById.get(id))])),
    };
  }, notesOf);
}

/** Dexie stores version n as IndexedDB version 10 n. */
const indexedDbVersion = (schemaVersion: number) => schemaVersion * 10;

/**
 * The database is at the new version, every note in the notes' table under its meeting and none left in a
 * meeting, and the known meeting's note stored exactly as it was written at the older version.
 */
async function expectNotesMoved(
  page: Page,
  meetingId: string,
  storedNotes: Record<string, string>,
): Promise<void> {
  expect(await storedDatabase(page, [meetingId])).toEqual({
    version: indexedDbVersion(LATEST_VERSION),
    meetings: SIZE.meetings,
    meetingsWithNotes: 0,
    notes: SIZE.meetings,
    notesWithoutMeeting: 0,
    storedNotes,
  });
}

/** The notice was shown, counting the meetings written as it went, and is gone now. */
async function expectNoticeShown(page: Page, meetings: number): Promise<void> {
  const seen = await noticeSeen(page);
  expect(seen.headings).toEqual([NOTICE]);
  const done = seen.progress.map((label) => {
    const [, updated, of] = /^Updating ([\d,]+) of ([\d,]+) meetings$/.exec(label) ?? [];
    expect(of, `the progress "${label}"`).toBe(meetings.toLocaleString('en'));
    return Number(updated?.replaceAll(',', ''));
  });
  expect(done.length).toBeGreaterThan(0);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  await expect(page.getByRole('region', { name: NOTICE })).toHaveCount(0);
}

/** The clinic at the older version (locked with `passphrase` if given), and the known pair's stored note. */
async function writeKnownOlderClinic(page: Page, passphrase?: string) {
  const pair = knownPair();
  const written = await writeOlderClinic(page, {
    version: OLDER_VERSION,
    size: SIZE,
    ...(passphrase ? { passphrase } : {}),
    notesOf: [pair.meeting.id],
  });
  expect(written.meetings).toBe(SIZE.meetings);
  return { pair, written };
}

async function expectNewestNoteShown(page: Page, pair: ReturnType<typeof knownPair>): Promise<void> {
  await page.goto(`/index.html#/relationships/${pair.id}`);
  await expect(page.getByRole('heading', { level: 1, name: pair.title })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Meeting timeline, newest first' });
  await expect(timeline.getByRole('listitem').first()).toContainText(pair.meeting.notes);
}

test('a clinic kept by version 22 is upgraded as it opens, with its progress shown, and keeps every note', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { pair, written } = await writeKnownOlderClinic(page);
  expect(JSON.parse(written.storedNotes[pair.meeting.id] ?? 'null')).toBe(pair.meeting.notes);

  await holdAndWatchTheUpgrade(page);
  await openApp(page);
  // The window is up, the upgrade held back: nothing of the clinic can show yet.
  await expect(page.getByRole('status').filter({ hasText: 'Opening your records' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await releaseUpgrade(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expectNoticeShown(page, SIZE.meetings);

  await expectNotesMoved(page, pair.meeting.id, written.storedNotes);

  await expectNewestNoteShown(page, pair);
});

test('a clinic kept by version 22 with the clinic lock on keeps its sealed notes byte for byte through the upgrade, and opens them after the unlock', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { pair, written } = await writeKnownOlderClinic(page, CLINIC_PASSPHRASE);
  // Sealed at version 22.
  expect(JSON.parse(written.storedNotes[pair.meeting.id] ?? 'null')).toHaveProperty('$sealed');

  await holdAndWatchTheUpgrade(page);
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'This clinic is locked' })).toBeVisible();
  await releaseUpgrade(page);
  // Sealed the way before version 25: the unlock also seals the records again (a note, alone in its
  // record, is left as it is) before the dashboard.
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 60_000 });
  await expectNoticeShown(page, SIZE.meetings);

  // The note moved is the very sealed value written at version 22 (the upgrade is given no key), and it
  // opens for its meeting after the unlock.
  await expectNotesMoved(page, pair.meeting.id, written.storedNotes);
  await expectNewestNoteShown(page, pair);
});
