import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addPerson, addProgram, day, openMeetingFormHere, PROGRAM, pair } from './clinic-steps';
import { expect, startEmpty, test } from './helpers';
import { CLINIC_PASSPHRASE, expectPassphraseWorkers, turnLockOn, unlock } from './lock-steps';

// A confidential meeting's notes: closed until asked for, the passphrase asked again when the last
// unlock is older than two minutes, and every showing written to the audit log (never the text).

const NOTE = 'Discussed the loss of a patient on the night shift.';

async function pairWithConfidentialMeeting(page: Page) {
  await addProgram(page, PROGRAM, 14);
  await addPerson(page, 'Dana Whitfield', 'mentor');
  await addPerson(page, 'Liam Chen', 'mentee');
  await pair(page, 'Liam Chen', 'Dana Whitfield', day(30));
  await openMeetingFormHere(page);
  await page.getByLabel('Date', { exact: true }).fill(day(2));
  await page.getByLabel('Notes', { exact: true }).fill(NOTE);
  await page.getByLabel('Confidential').check();
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Meetings' })).toBeVisible();
}

/** The audit log's 'view' entries, read from the page's IndexedDB (the log holds no sealed text). */
async function viewEntries(page: Page): Promise<{ table: string; recordId: string; fields: string[] }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('guiding-hands');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = db.transaction('auditLog').objectStore('auditLog').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return all
      .filter((entry) => entry.action === 'view')
      .map((entry) => ({
        table: entry.table as string,
        recordId: entry.recordId as string,
        fields: entry.fields as string[],
      }));
  });
}

const timeline = (page: Page) => page.getByRole('list', { name: 'Meeting timeline, newest first' });

test('with the lock on, a confidential note asks for the passphrase again after two minutes, in the timeline and the edit form, and each showing is audited', async ({
  page,
}) => {
  await page.clock.install();
  await startEmpty(page);
  await pairWithConfidentialMeeting(page);
  const pairingUrl = page.url();
  await turnLockOn(page);
  await unlock(page);
  await page.goto(pairingUrl);

  // Just unlocked: shown at once (read once the timeline is drawn, with its hidden note).
  await expect(timeline(page).getByRole('button', { name: 'Show confidential notes' })).toBeVisible();
  await expect(timeline(page).getByText(NOTE)).toHaveCount(0);
  await timeline(page).getByRole('button', { name: 'Show confidential notes' }).click();
  await expect(timeline(page).getByText(NOTE)).toBeVisible();
  await timeline(page).getByRole('button', { name: 'Hide confidential notes' }).click();
  await expect(timeline(page).getByText(NOTE)).toHaveCount(0);

  // Three minutes later (less than the idle lock's five): the passphrase first.
  await page.clock.runFor(3 * 60_000);
  await timeline(page).getByRole('button', { name: 'Show confidential notes' }).click();
  const prompt = page.getByRole('dialog', { name: 'Confirm the clinic passphrase' });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByLabel('Clinic passphrase')).toBeFocused();
  // The passphrase's worker waits while the question shows (and again after a wrong try), no longer.
  await expectPassphraseWorkers(page, 1);
  const axe = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  await prompt.getByLabel('Clinic passphrase').fill('not the passphrase');
  await prompt.getByLabel('Clinic passphrase').press('Enter');
  await expect(prompt.getByRole('alert')).toHaveText(/does not open the clinic lock/);
  await expect(timeline(page).getByText(NOTE)).toHaveCount(0);
  await expectPassphraseWorkers(page, 1);
  await prompt.getByLabel('Clinic passphrase').fill(CLINIC_PASSPHRASE);
  await prompt.getByRole('button', { name: 'Show the notes' }).click();
  await expect(prompt).toBeHidden();
  await expect(timeline(page).getByText(NOTE)).toBeVisible();
  await expectPassphraseWorkers(page, 0);

  // The edit form hides them the same way; the passphrase was just confirmed, so no question.
  await page.getByRole('link', { name: /Edit the meeting of/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit meeting' })).toBeVisible();
  await expect(page.getByLabel('Notes')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show confidential notes' }).click();
  await expect(page.getByLabel('Notes')).toHaveValue(NOTE);

  // And later, in the edit form too, it asks.
  await page.getByRole('button', { name: 'Hide confidential notes' }).click();
  await page.clock.runFor(3 * 60_000);
  await page.getByRole('button', { name: 'Show confidential notes' }).click();
  const again = page.getByRole('dialog', { name: 'Confirm the clinic passphrase' });
  await expect(again).toBeVisible();
  await expectPassphraseWorkers(page, 1);
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(again).toBeHidden();
  await expectPassphraseWorkers(page, 0);
  await expect(page.getByLabel('Notes')).toHaveCount(0);

  const views = await viewEntries(page);
  expect(views).toHaveLength(3);
  expect(new Set(views.map((entry) => entry.recordId)).size).toBe(1);
  expect(views[0]).toMatchObject({ table: 'meetings', fields: ['notes'] });
  expect(JSON.stringify(views)).not.toContain('night shift');
});

test('without a lock, Show opens a confidential note at once and the view is audited', async ({ page }) => {
  await startEmpty(page);
  await pairWithConfidentialMeeting(page);
  await expect(timeline(page).getByText(NOTE)).toHaveCount(0);
  await timeline(page).getByRole('button', { name: 'Show confidential notes' }).click();
  await expect(timeline(page).getByText(NOTE)).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await viewEntries(page)).toEqual([
    expect.objectContaining({ table: 'meetings', fields: ['notes'] }),
  ]);
});
