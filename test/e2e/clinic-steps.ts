import type { Page } from '@playwright/test';
import { format, subDays } from 'date-fns';
import { expect, goTo } from './helpers';

// The steps a manager takes to fill a clinic by hand, shared by the browser tests that start empty.

export const day = (daysAgo: number) => format(subDays(new Date(), daysAgo), 'yyyy-MM-dd');
export const PROGRAM = 'New-graduate nurse residency';

export async function addProgram(page: Page, name: string, cadenceDays: number) {
  await goTo(page, 'Settings');
  await page.getByRole('button', { name: 'Add a program' }).click();
  await page.getByLabel('Program name').fill(name);
  await page.getByLabel('Meet every … days').fill(String(cadenceDays));
  await page.getByLabel('Typical length in months').fill('12');
  await page.getByRole('button', { name: 'Add program' }).click();
  const row = page.getByRole('list', { name: 'Programs' }).getByRole('listitem').filter({ hasText: name });
  await expect(row).toContainText(`Meets every ${cadenceDays} days`);
}

/** Imports a roster written as CSV from the People screen, up to pressing "Import N people". */
export async function importRoster(page: Page, csv: string, people: number) {
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Import a roster (Excel or CSV)' }).click();
  await page.getByLabel('Roster file (Excel or CSV)').setInputFiles({
    name: 'staff.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: `Import ${people} people` }).click();
}

export async function addPerson(page: Page, name: string, role: 'mentor' | 'mentee') {
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Profession').selectOption({ label: role === 'mentor' ? 'Physician' : 'Nurse' });
  if (role === 'mentor') {
    await page.getByLabel('Mentors others').check();
    await page.getByLabel('Is mentored').uncheck();
    await page.getByLabel('Mentor capacity').fill('2');
  }
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** On New pairing: types the mentee's name and picks them; with no name, picks the first mentee listed. */
export async function chooseMentee(page: Page, name?: string) {
  const group = page.getByRole('group', { name: 'Mentee' });
  if (name) await group.getByLabel('Find the mentee').fill(name);
  const radio = name ? group.getByRole('radio', { name }) : group.getByRole('radio').first();
  await radio.check();
  await expect(radio).toBeChecked();
}

export async function pair(page: Page, mentee: string, mentor: string, startDate: string) {
  await goTo(page, 'Relationships');
  await page.getByRole('link', { name: 'New pairing' }).click();
  await chooseMentee(page, mentee);
  await page.getByLabel('Program').selectOption({ label: `${PROGRAM} (meets every 14 days)` });
  await page.getByLabel('Start date').fill(startDate);
  await page
    .getByRole('group', { name: 'Choose a mentor' })
    .getByRole('radio', { name: new RegExp(mentor) })
    .check();
  await page.getByRole('button', { name: 'Create pairing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${mentee} with ${mentor}` })).toBeVisible();
}

/** Logs a meeting from the open relationship page, and comes back to it. */
export async function logMeetingHere(page: Page, date: string, note: string, topics = ['Time management']) {
  await openMeetingFormHere(page);
  await fillMeeting(page, date, note, topics);
}

/**
 * Opens "Log meeting" from the open relationship page and waits for the form: the page before stays on
 * view while the form's code loads, and a label there may hold the same words as a field of the form.
 */
export async function openMeetingFormHere(page: Page) {
  await page.getByRole('link', { name: 'Log meeting', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log a meeting' })).toBeVisible();
}

export async function fillMeeting(page: Page, date: string, note: string, topics = ['Time management']) {
  await expect(page.getByRole('heading', { level: 1, name: 'Log a meeting' })).toBeVisible();
  await page.getByLabel('Date', { exact: true }).fill(date);
  for (const topic of topics) await page.getByRole('button', { name: topic }).click();
  await page.getByLabel('Notes', { exact: true }).fill(note);
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Meetings' })).toBeVisible();
}

/**
 * Makes a backup from the backup screen and saves the downloaded file to `file`. Waits for the strength
 * meter's verdict first: until its dictionaries have loaded, "Back up now" only says it is still checking.
 */
export async function backUpNow(page: Page, passphrase: string, file?: string) {
  await page.getByLabel('Backup passphrase').fill(passphrase);
  await page.getByLabel('Type the passphrase again').fill(passphrase);
  await expect(page.getByText('Very strong', { exact: true })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up now' }).click();
  const download = await downloading;
  if (file) await download.saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: 'Backup made' })).toBeVisible();
}
