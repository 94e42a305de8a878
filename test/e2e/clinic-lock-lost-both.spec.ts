import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addPerson, addProgram, day, logMeetingHere, PROGRAM, pair } from './clinic-steps';
import { expect, goTo, startEmpty, test } from './helpers';
import { expectLocked, turnLockOn, unlock } from './lock-steps';

// Both the passphrase and the recovery sheet lost: from the lock screen, with the keyboard alone, the
// manager reads what is lost and what remains, can step back, and once a phrase is typed the sealed
// text is erased with a progress bar; the clinic opens with its names and pairings, the notes empty and
// the lock off.

const MARKER = 'WALRUS-8812 spoke about the night the patient in bay 3 died';
const PAIRING = 'Liam Chen with Dana Whitfield';

async function expectNoAccessibilityProblems(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** Presses Tab until `name`'s button has the focus (at most `limit` times), as a keyboard user does. */
async function tabTo(page: Page, name: string, limit = 12) {
  const target = page.getByRole('button', { name, exact: true });
  for (let step = 0; step < limit; step++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** The key ring's record as the page's IndexedDB holds it (undefined once the lock is off). */
async function storedKeyRing(page: Page): Promise<{ state: string } | undefined> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('guiding-hands-keyring');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const ring = await new Promise<{ state: string } | undefined>((resolve, reject) => {
      const request = db.transaction('rings').objectStore('rings').get('clinic');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return ring;
  });
}

/** Notes, from now on, every value the erasing progress bar shows (it may be on screen only briefly). */
async function watchErasingProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { erasingProgress: number[] }).erasingProgress = seen;
    const note = () => {
      const bar = document.querySelector<HTMLProgressElement>(
        'progress[aria-label="Erasing the sealed text"]',
      );
      if (bar) seen.push(bar.value);
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['value'],
    });
  });
}

async function clinicWithSealedNote(page: Page) {
  await startEmpty(page, 'Riverside Family Clinic');
  await addProgram(page, PROGRAM, 14);
  await addPerson(page, 'Dana Whitfield', 'mentor');
  await addPerson(page, 'Liam Chen', 'mentee');
  await pair(page, 'Liam Chen', 'Dana Whitfield', day(30));
  await turnLockOn(page);
  await unlock(page);
  await goTo(page, 'Relationships');
  await page.getByRole('link', { name: PAIRING }).click();
  await logMeetingHere(page, day(3), MARKER);
  await expect(page.getByText(MARKER)).toBeVisible();
}

test('with the clinic lock on, both the passphrase and the sheet lost: the sealed text is erased and the clinic opens without the lock, by keyboard alone', async ({
  page,
}) => {
  await clinicWithSealedNote(page);
  await page.keyboard.press('Control+l');
  await expectLocked(page);

  // The way in, beside the recovery sheet's, reached with Tab.
  await expect(page.getByLabel('Clinic passphrase')).toBeFocused();
  await tabTo(page, 'Lost both the passphrase and the recovery sheet?');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', {
    level: 1,
    name: 'Lost both the passphrase and the recovery sheet?',
  });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  // Still the lock screen: nothing of the clinic is shown.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByText('Dana Whitfield')).toHaveCount(0);
  await expect(page.getByText(MARKER)).toHaveCount(0);
  // What to look for first, what is lost (every sealed field), what remains.
  await expect(page.getByText(/Guiding Hands — recovery sheet/)).toBeVisible();
  await expect(page.getByText(/Backups → Back up now/)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Automatic backups' })).toContainText(
    'can no longer be opened',
  );
  const lost = page
    .getByRole('heading', { name: 'What is erased for good' })
    .locator('xpath=following-sibling::ul[1]');
  await expect(lost.getByRole('listitem')).toHaveCount(14);
  for (const line of ['meeting notes', 'the text of action items', 'why a pairing ended early', 'goal steps'])
    await expect(lost.getByText(line, { exact: true })).toBeVisible();
  await expect(lost).toContainText('questionnaire answers');
  await expect(page.getByText(/Names, pairings and their status/)).toBeVisible();
  await expectNoAccessibilityProblems(page);

  // Cancel goes back to the passphrase, and nothing has changed.
  await tabTo(page, 'Cancel', 30);
  await page.keyboard.press('Enter');
  await expectLocked(page);
  await expect(page.getByLabel('Clinic passphrase')).toBeFocused();
  expect((await storedKeyRing(page))?.state).toBe('on');

  // A wrong phrase changes nothing either.
  await tabTo(page, 'Lost both the passphrase and the recovery sheet?');
  await page.keyboard.press('Enter');
  await expect(heading).toBeFocused();
  await page.keyboard.press('Tab');
  const phrase = page.getByLabel('To confirm, type: erase the sealed text');
  await expect(phrase).toBeFocused();
  await page.keyboard.type('erase');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    /type “erase the sealed text” in the box\. Nothing has changed/,
  );
  expect((await storedKeyRing(page))?.state).toBe('on');

  // The phrase, Enter: the erasing shows its progress, then the clinic opens.
  await watchErasingProgress(page);
  await phrase.fill('');
  await phrase.pressSequentially('Erase the sealed text');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 30_000 });
  const progress = await page.evaluate(
    () => (window as unknown as { erasingProgress: number[] }).erasingProgress,
  );
  expect(progress.length).toBeGreaterThan(0);

  const notice = page.getByRole('region', { name: 'The clinic lock is off' });
  await expect(notice).toContainText('The sealed text was erased');
  await expect(notice).toContainText('Names, pairings, dates and counts are all here');
  await expect(page.getByRole('button', { name: 'Lock now' })).toHaveCount(0);
  expect(await storedKeyRing(page)).toBeUndefined();
  await expectNoAccessibilityProblems(page);

  // The notice is kept on the disk: a reload (or a restart of the app) still opens with it.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(notice).toContainText('The sealed text was erased');
  await expect(notice).toContainText('This message stays until you close it');

  // Names and pairings are there; the meeting is, without its note.
  await goTo(page, 'Relationships');
  await page.getByRole('link', { name: PAIRING }).click();
  await expect(page.getByRole('heading', { level: 1, name: PAIRING })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Meeting timeline, newest first' });
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText('WALRUS-8812')).toHaveCount(0);

  // The notice stays on the dashboard until closed; its link leads to Settings → Privacy.
  await goTo(page, 'Dashboard');
  const link = notice.getByRole('link', { name: 'Settings → Privacy' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Privacy and the clinic lock' }).getByRole('button', {
      name: 'Turn on the clinic lock',
    }),
  ).toBeVisible();
  await goTo(page, 'Dashboard');
  await tabTo(page, 'Close this message', 40);
  await page.keyboard.press('Enter');
  await expect(notice).toHaveCount(0);

  // The app now opens without the lock, and without the notice once it was closed.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'This clinic is locked' })).toHaveCount(0);
  await expect(notice).toHaveCount(0);
});

test('with the clinic lock on, an erasing stopped by a closed page finishes at the next start, with no key', async ({
  page,
}) => {
  await clinicWithSealedNote(page);
  // The manager confirmed, and the page closed before any record was erased: the key ring says so.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('guiding-hands-keyring');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const store = db.transaction('rings', 'readwrite').objectStore('rings');
      const read = store.get('clinic');
      read.onsuccess = () => {
        store.put({
          ...read.result,
          state: 'erasing',
          progress: null,
          erasure: { since: new Date().toISOString(), safetyCopiesRemoved: null },
        });
        store.transaction.oncomplete = () => resolve();
      };
      read.onerror = () => reject(read.error);
    });
    db.close();
  });
  await page.reload();
  // No passphrase is asked: the erasing carries on and the clinic opens.
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'The clinic lock is off' })).toBeVisible();
  expect(await storedKeyRing(page)).toBeUndefined();
  await goTo(page, 'Relationships');
  await page.getByRole('link', { name: PAIRING }).click();
  await expect(page.getByRole('heading', { level: 1, name: PAIRING })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Meeting timeline, newest first' }).getByRole('listitem'),
  ).toHaveCount(1);
  await expect(page.getByText('WALRUS-8812')).toHaveCount(0);
});
