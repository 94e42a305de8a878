// First: this file loads the database module in the test process (through the bench's fill), and Dexie
// looks for IndexedDB as it is first imported; the lock steps of the specs after it need one there.
import 'fake-indexeddb/auto';
import type { Page } from '@playwright/test';
import { BENCH_TODAY } from '../../bench/fill-database';
import { RECORD_FORMAT } from '../../renderer/data/lock/keyring';
import { readPath, SEALED_RECORD_FIELD, SEALED_VERSION } from '../../renderer/data/lock/seal';
import { sealedPathsOf, sealsTogether } from '../../renderer/data/lock/sealed-fields';
import { pairLabel } from '../../renderer/domain/pair-label';
import { generateSampleClinic, type SampleCounts } from '../../renderer/sample-clinic';
import { expect, openApp, test } from './helpers';
import { CLINIC_PASSPHRASE, unlock } from './lock-steps';
import { writeOlderClinic } from './older-clinic-steps';

// A clinic kept by version 24 of the app with the clinic lock on opens in this version: version 25 seals
// the several sealed fields of a record (a goal's texts, a response's answers and support, an ended pair's
// reason) as one value, where version 24 sealed each field alone. Nothing can be sealed again while the
// database opens (the key is not there yet): the first unlock finds a key ring that does not name the new
// way and runs the sealing walk, with "Finishing the sealing work" on screen, before the dashboard.
//
// What is asserted:
// - Before the app opens, the records are as version 24 stored them (read from IndexedDB): each field of
//   those tables sealed alone, none sealed together, and the key ring names no record format.
// - The unlock shows "Finishing the sealing work" and then the dashboard. The walk over a small clinic may
//   be over in a moment, so an observer installed before load records every page heading shown.
// - Afterwards every record of those tables that holds sealed text has it sealed together, none of its
//   fields sealed alone, and the key ring names the new way with the lock on.
// - A known goal's title, details and steps show on its pairing and its own page, opened from the new way.
//
// In the first Playwright configuration only: the clinic must have its lock at version 24, before it opens.

const SIZE: SampleCounts = { people: 150, relationships: 300, meetings: 3_000 };
const OLDER_VERSION = 24;
const LOCKED = 'This clinic is locked';
const FINISHING = 'Finishing the sealing work';
const DASHBOARD = 'Dashboard';
/** The tables whose records kept several sealed fields, each alone before version 25. */
const TABLES_SEALED_TOGETHER = ['relationships', 'responses', 'goals'] as const;

type TableSealedTogether = (typeof TABLES_SEALED_TOGETHER)[number];
type Row = Record<string, unknown>;

/** How the records of one table hold their sealed fields, as IndexedDB stores them. */
interface RecordsSealing {
  records: number;
  /** Records whose sealed fields are one sealed value of the record. */
  sealedTogether: number;
  /** Records with at least one sealed field sealed alone. */
  withFieldsSealedAlone: number;
  /** Records with at least one sealed field holding a value that is not sealed (null is not a value). */
  withFieldsPlain: number;
}

/** The synthetic clinic the page writes (the same seed, size and day). */
function syntheticClinic() {
  const clinic = generateSampleClinic({ seed: 1, size: SIZE, today: BENCH_TODAY });
  for (const table of TABLES_SEALED_TOGETHER)
    if (!sealsTogether(table)) throw new Error(`${table} has one sealed field: not a table of this test.`);
  return clinic;
}

/** Per table, the records that hold sealed text (a sealed field with a value, even an empty one). */
function recordsWithSealedText(
  clinic: ReturnType<typeof syntheticClinic>,
): Record<TableSealedTogether, number> {
  const count = (table: TableSealedTogether) =>
    (clinic[table] as unknown as Row[]).filter((record) =>
      sealedPathsOf(table).some((path) => {
        const value = readPath(record, path);
        return value !== null && value !== undefined;
      }),
    ).length;
  return { relationships: count('relationships'), responses: count('responses'), goals: count('goals') };
}

/** A goal with details and steps, alone in its pair with its title, and what the app shows around it. */
function knownGoal(clinic: ReturnType<typeof syntheticClinic>) {
  const peopleById = new Map(clinic.people.map((person) => [person.id, person]));
  const goal = clinic.goals.find(
    (candidate) =>
      candidate.details !== '' &&
      candidate.steps.length > 0 &&
      clinic.goals.filter(
        (other) => other.relationshipId === candidate.relationshipId && other.title === candidate.title,
      ).length === 1,
  );
  const pair = clinic.relationships.find((relationship) => relationship.id === goal?.relationshipId);
  const area = clinic.goalAreas.find((one) => one.id === goal?.areaId);
  if (!goal || !pair || !area) throw new Error('The synthetic clinic has no goal to show.');
  return { goal, pairTitle: pairLabel(pair, peopleById), area: area.label };
}

/** Per table, how its records hold their sealed fields, read straight from IndexedDB. */
function recordsSealing(page: Page): Promise<Record<TableSealedTogether, RecordsSealing>> {
  const tables = TABLES_SEALED_TOGETHER.map((table) => ({ table, paths: sealedPathsOf(table) }));
  return page.evaluate(
    async ({ tables, together, sealedVersion }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('guiding-hands');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const read = (store: string) =>
        new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const isSealed = (value: unknown) => {
        const sealed = value as { $sealed?: unknown; iv?: unknown; ct?: unknown } | null;
        return (
          typeof sealed === 'object' &&
          sealed !== null &&
          sealed.$sealed === sealedVersion &&
          sealed.iv instanceof Uint8Array &&
          sealed.ct instanceof Uint8Array
        );
      };
      const valueAt = (record: Record<string, unknown>, path: string) =>
        path
          .split('.')
          .reduce<unknown>(
            (value, part) =>
              typeof value === 'object' && value !== null
                ? (value as Record<string, unknown>)[part]
                : undefined,
            record,
          );
      const sealing: Record<string, unknown> = {};
      try {
        for (const { table, paths } of tables) {
          const records = await read(table);
          const values = (record: Record<string, unknown>) =>
            paths
              .map((path) => valueAt(record, path))
              .filter((value) => value !== null && value !== undefined);
          sealing[table] = {
            records: records.length,
            sealedTogether: records.filter((record) => isSealed(record[together])).length,
            withFieldsSealedAlone: records.filter((record) => values(record).some(isSealed)).length,
            withFieldsPlain: records.filter((record) => values(record).some((value) => !isSealed(value)))
              .length,
          };
        }
      } finally {
        db.close();
      }
      return sealing as Record<TableSealedTogether, RecordsSealing>;
    },
    { tables, together: SEALED_RECORD_FIELD, sealedVersion: SEALED_VERSION },
  );
}

/** The clinic's key ring as IndexedDB stores it: its state and the record format it names. */
function keyRingStored(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('guiding-hands-keyring');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const ring = await new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
      const request = db.transaction('rings').objectStore('rings').get('clinic');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return { state: ring?.state, recordFormat: ring?.recordFormat ?? null, progress: ring?.progress };
  });
}

type HeadingsWindow = Window & { headingsSeen: string[] };

/** Before the app's code runs: records every page heading (h1) the page shows, as it changes. */
async function watchHeadings(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as HeadingsWindow).headingsSeen = seen;
    new MutationObserver(() => {
      for (const heading of document.querySelectorAll('h1')) {
        const text = heading.textContent ?? '';
        if (text !== '' && seen.at(-1) !== text) seen.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

function headingsSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as HeadingsWindow).headingsSeen);
}

test('a clinic kept by version 24 with the clinic lock on is sealed again the new way at its first unlock, with the work shown, and reads as before', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const clinic = syntheticClinic();
  const withText = recordsWithSealedText(clinic);
  // The clinic has what this is about: ended pairs with a reason, answers, goals.
  expect(withText.relationships).toBeGreaterThan(5);
  expect(withText.responses).toBeGreaterThan(5);
  expect(withText.goals).toBeGreaterThan(5);

  const written = await writeOlderClinic(page, {
    version: OLDER_VERSION,
    size: SIZE,
    passphrase: CLINIC_PASSPHRASE,
    notesOf: [],
  });
  expect(written.meetings).toBe(SIZE.meetings);
  // As version 24 left it: each field sealed alone, none together, no record format in the key ring.
  const before = await recordsSealing(page);
  for (const table of TABLES_SEALED_TOGETHER)
    expect(before[table], table).toEqual({
      records: clinic[table].length,
      sealedTogether: 0,
      withFieldsSealedAlone: withText[table],
      withFieldsPlain: 0,
    });
  expect(await keyRingStored(page)).toEqual({ state: 'on', recordFormat: null, progress: null });

  await watchHeadings(page);
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: LOCKED })).toBeVisible({ timeout: 60_000 });
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: DASHBOARD })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const shown = (await headingsSeen(page))
    .filter((text) => [LOCKED, FINISHING, DASHBOARD].includes(text))
    .filter((text, at, texts) => texts[at - 1] !== text);
  expect(shown).toEqual([LOCKED, FINISHING, DASHBOARD]);

  // Every record with sealed text holds it sealed together, and no field sealed alone or plain is left.
  const after = await recordsSealing(page);
  for (const table of TABLES_SEALED_TOGETHER)
    expect(after[table], table).toEqual({
      records: clinic[table].length,
      sealedTogether: withText[table],
      withFieldsSealedAlone: 0,
      withFieldsPlain: 0,
    });
  expect(await keyRingStored(page)).toEqual({ state: 'on', recordFormat: RECORD_FORMAT, progress: null });

  // A known goal reads as it was written at version 24: its title on its pairing's plan, then its page.
  const { goal, pairTitle, area } = knownGoal(clinic);
  await page.goto(`/index.html#/relationships/${goal.relationshipId}`);
  await expect(page.getByRole('heading', { level: 1, name: pairTitle })).toBeVisible();
  await page
    .getByRole('region', { name: 'Development plan' })
    .getByRole('link', { name: goal.title, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Goal: ${area}` })).toBeVisible();
  await expect(page.getByText(goal.title, { exact: true })).toBeVisible();
  const about = page.getByRole('region', { name: 'About this goal' });
  await expect(about).toContainText(goal.details);
  for (const step of goal.steps)
    await expect(about.getByRole('group', { name: 'Steps' })).toContainText(step.text);
});
