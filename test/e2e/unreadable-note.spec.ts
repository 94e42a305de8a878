import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addPerson, addProgram, day, logMeetingHere, PROGRAM, pair } from './clinic-steps';
import { expect, startEmpty, test } from './helpers';
import { turnLockOn, unlock } from './lock-steps';

// A sealed note copied onto another meeting (or damaged) does not open: the pairing page shows the
// meeting with a plain message where the note would be, not the error screen, and the edit form warns
// and saves the other fields while the stored note stays as it is.

const FIRST = 'QXFIRSTNOTE2217 talked about the first night shift';
const SECOND = 'QXSECONDNOTE5530 talked about the hard family visit';
const MESSAGE =
  'This note could not be opened: it was damaged or does not belong to this meeting. The rest of the meeting is shown.';

/**
 * The stored meetings (as IndexedDB holds them, the notes in their own table): whether each note is
 * sealed, oldest first.
 */
function storedMeetings(page: Page) {
  return page.evaluate(async () => {
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
    const meetings = await read<{ id: string; date: string }>('meetings');
    const notes = new Map(
      (await read<{ id: string; notes: unknown }>('meetingNotes')).map((note) => [note.id, note.notes]),
    );
    db.close();
    return meetings
      .map((row) => ({ ...row, notes: notes.get(row.id) }))
      .map((meeting) => ({
        id: meeting.id,
        date: meeting.date,
        sealed: typeof meeting.notes === 'object' && meeting.notes !== null && '$sealed' in meeting.notes,
        ct:
          typeof meeting.notes === 'object' && meeting.notes !== null
            ? [...(meeting.notes as { ct: Uint8Array }).ct]
            : null,
      }))
      .sort((a, b) => a.date.localeCompare(b.date));
  });
}

test('a note moved onto another meeting shows a plain message on the pairing page, not the error screen', async ({
  page,
}) => {
  await startEmpty(page);
  await addProgram(page, PROGRAM, 14);
  await addPerson(page, 'Dana Whitfield', 'mentor');
  await addPerson(page, 'Liam Chen', 'mentee');
  await pair(page, 'Liam Chen', 'Dana Whitfield', day(30));
  await logMeetingHere(page, day(20), FIRST);
  await logMeetingHere(page, day(6), SECOND);
  const pairingUrl = page.url();

  // The lock goes on; the first unlock seals the notes already there.
  await turnLockOn(page);
  await unlock(page);
  await expect
    .poll(async () => (await storedMeetings(page)).map((meeting) => meeting.sealed))
    .toEqual([true, true]);

  // The older meeting's sealed note is copied onto the newer meeting's note, in IndexedDB itself.
  const [older, newer] = await storedMeetings(page);
  await page.evaluate(
    async ({ from, to }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('guiding-hands');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('meetingNotes', 'readwrite');
      const store = tx.objectStore('meetingNotes');
      const source = await new Promise<{ notes: unknown }>((resolve) => {
        const request = store.get(from);
        request.onsuccess = () => resolve(request.result);
      });
      const target = await new Promise<Record<string, unknown>>((resolve) => {
        const request = store.get(to);
        request.onsuccess = () => resolve(request.result);
      });
      store.put({ ...target, notes: source.notes });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { from: older?.id as string, to: newer?.id as string },
  );

  await page.reload();
  await unlock(page);
  await page.goto(pairingUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Liam Chen with Dana Whitfield' })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Meeting timeline, newest first' });
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(timeline.getByRole('listitem').first().getByRole('note')).toHaveText(MESSAGE);
  await expect(timeline.getByText(FIRST)).toHaveCount(1);
  await expect(page.getByText(SECOND)).toHaveCount(0);
  await expect(page.getByText('Something went wrong on this screen')).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  // The edit form warns; saved with the notes left empty, the other fields change and the stored note stays.
  await timeline
    .getByRole('link', { name: /^Edit the meeting of/ })
    .first()
    .click();
  // The form's own warning, not the timeline's (the pairing page stays on view while the form's code loads).
  await expect(page.getByRole('heading', { level: 1, name: 'Edit meeting' })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: MESSAGE })).toBeVisible();
  await expect(page.getByLabel('Notes')).toHaveValue('');
  await page.getByLabel('Duration in minutes').fill('55');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Meetings' })).toBeVisible();
  await expect(timeline.getByText(/55 minutes/)).toBeVisible();
  await expect(timeline.getByRole('listitem').first().getByRole('note')).toHaveText(MESSAGE);
  const after = await storedMeetings(page);
  expect(after.find((meeting) => meeting.id === newer?.id)?.ct).toEqual(older?.ct);
});
