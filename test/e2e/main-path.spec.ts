import {
  addPerson,
  addProgram,
  chooseMentee,
  day,
  fillMeeting,
  logMeetingHere,
  PROGRAM,
  pair,
} from './clinic-steps';
import { expect, goTo, loadSampleData, openApp, reloadApp, startEmpty, test } from './helpers';

// The path a new clinic manager walks on her first day: an empty clinic, a program, two mentors and
// two mentees, two pairings, the first meetings — and the next morning's dashboard.

test('an overdue pair shows on the dashboard and leaves it once a meeting is logged; all of it survives a reload', async ({
  page,
}) => {
  await startEmpty(page, 'Riverside Family Clinic');
  await expect(page.getByText('No active pairs yet.')).toBeVisible();

  await addProgram(page, PROGRAM, 14);
  await addPerson(page, 'Amara Okafor', 'mentor');
  await addPerson(page, 'Jonas Berg', 'mentor');
  await addPerson(page, 'Ben Roy', 'mentee');
  await addPerson(page, 'Chen Wei', 'mentee');
  await goTo(page, 'Dashboard');
  const steps = page.getByRole('list', { name: 'Getting started' });
  await expect(steps.getByText('Done')).toHaveCount(2);
  await expect(steps.getByRole('link')).toHaveText(['New pairing']);

  await pair(page, 'Ben Roy', 'Amara Okafor', day(30));
  await logMeetingHere(page, day(20), 'Talked through night shifts.');
  await pair(page, 'Chen Wei', 'Jonas Berg', day(30));
  // The second meeting is logged from the main navigation, finding the pair by name.
  await goTo(page, 'Log a meeting');
  await page.getByLabel('Find the pair that met').fill('chen');
  await page
    .getByRole('list', { name: 'Active pairs' })
    .getByRole('link', { name: 'Chen Wei with Jonas Berg' })
    .click();
  await fillMeeting(page, day(0), 'First case review went well.');

  await goTo(page, 'Dashboard');
  const overdue = page.getByRole('list', { name: 'Pairs overdue for a meeting' });
  await expect(overdue.getByRole('listitem')).toHaveCount(1);
  await expect(overdue).toContainText('Ben Roy with Amara Okafor');
  // Last met 20 days ago, due every 14 days: 6 days overdue.
  await expect(overdue).toContainText('6 days overdue');
  await expect(overdue).not.toContainText('Chen Wei');
  await expect(page.getByRole('region', { name: 'Active pairs' })).toContainText('2');

  await overdue.getByRole('link', { name: 'Log meeting for Ben Roy with Amara Okafor' }).click();
  // The dashboard stays on view while the form's code loads, and "Goals past their target date" there
  // also holds the word "date": wait for the form itself.
  await expect(page.getByRole('heading', { level: 1, name: 'Log a meeting' })).toBeVisible();
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue(day(0));
  await page.getByLabel('Notes', { exact: true }).fill('Caught up on the overdue meeting.');
  await page.getByLabel('Notes', { exact: true }).press('Control+Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Ben Roy with Amara Okafor' })).toBeVisible();

  await goTo(page, 'Dashboard');
  await expect(page.getByText('No pair is overdue.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Pairs overdue for a meeting' })).toHaveCount(0);

  await reloadApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText('Riverside Family Clinic')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Active pairs' })).toContainText('2');
  await expect(page.getByText('No pair is overdue.')).toBeVisible();
  await goTo(page, 'People');
  for (const name of ['Amara Okafor', 'Jonas Berg', 'Ben Roy', 'Chen Wei'])
    await expect(page.getByRole('link', { name })).toBeVisible();
  await goTo(page, 'Relationships');
  await page.getByRole('link', { name: 'Ben Roy with Amara Okafor' }).click();
  await expect(
    page.getByRole('list', { name: 'Meeting timeline, newest first' }).getByRole('listitem'),
  ).toHaveCount(2);
  await expect(page.getByText('Talked through night shifts.')).toBeVisible();
});

test('"Load sample data" opens a populated dashboard', async ({ page }) => {
  await loadSampleData(page);
  const active = page.getByRole('region', { name: 'Active pairs' });
  await expect(active.locator('.figure')).toHaveText(/^[1-9]\d*$/);
  await expect(page.getByText('No active pairs yet.')).toHaveCount(0);
  await expect(
    page.getByRole('list', { name: 'Pairs overdue for a meeting' }).getByRole('listitem').first(),
  ).toBeVisible();

  // A late action item is ticked off from the dashboard, and the tick can be undone.
  const late = page.getByRole('list', { name: 'Action items past due' }).getByRole('checkbox');
  await expect(late.first()).toBeVisible();
  const lateCount = await late.count();
  const first = (await late.first().getAttribute('id')) ?? '';
  const text = (await page.locator(`label[for="${first}"]`).textContent()) ?? '';
  // click(), not check(): check() verifies the box afterwards, and when the ticked row has already left
  // the list it retries on the locator's new first row and ticks a second item (two "Undo" notices).
  await late.first().click();
  await expect(late).toHaveCount(lateCount - 1);
  await expect(page.getByText(`“${text}” is done.`)).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(late).toHaveCount(lateCount);
  await expect(page.getByRole('checkbox', { name: text }).first()).not.toBeChecked();

  await goTo(page, 'People');
  await expect(page.getByRole('table', { name: 'People' }).getByRole('row').nth(1)).toBeVisible();
  await openApp(page, '/relationships');
  await expect(page.getByRole('table', { name: 'Pairings' }).getByRole('row').nth(1)).toBeVisible();
});

test('a meeting can be edited, and a deleted meeting comes back with Undo', async ({ page }) => {
  await loadSampleData(page);
  await goTo(page, 'Relationships');
  // A pair that has met: its "Last meeting" cell holds a date.
  const metPair = page
    .getByRole('table', { name: 'Pairings' })
    .getByRole('row')
    .filter({ has: page.locator('td:last-child', { hasText: /\d{4}/ }) })
    .first();
  await metPair.getByRole('link').click();
  const timeline = page.getByRole('list', { name: 'Meeting timeline, newest first' });
  await expect(timeline.getByRole('listitem').first()).toBeVisible();
  const meetings = await timeline.getByRole('listitem').count();
  expect(meetings).toBeGreaterThan(0);

  await timeline
    .getByRole('link', { name: /^Edit the meeting of/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit meeting' })).toBeVisible();
  await page.getByLabel('Duration in minutes').fill('75');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(timeline.getByRole('listitem').first()).toContainText('75 minutes');

  await timeline
    .getByRole('button', { name: /^Delete the meeting of/ })
    .first()
    .click();
  await expect(timeline.getByRole('listitem')).toHaveCount(meetings - 1);
  await expect(page.getByRole('status').getByText(/was deleted/)).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(timeline.getByRole('listitem')).toHaveCount(meetings);
  await expect(timeline.getByRole('listitem').first()).toContainText('75 minutes');
  await expect(page.getByText('The meeting is back.')).toBeVisible();

  // The keyboard's undo brings it back too, but not while the cursor is in a field: there the keys undo
  // the typing.
  const undo = page.getByRole('button', { name: 'Undo' });
  await timeline
    .getByRole('button', { name: /^Delete the meeting of/ })
    .first()
    .click();
  await expect(timeline.getByRole('listitem')).toHaveCount(meetings - 1);
  await expect(undo).toHaveAttribute('aria-keyshortcuts', 'Control+Z Meta+Z');
  // The pointer rests on the notice, which holds its clock (a slow machine's steps can outlast it).
  await undo.hover();
  const search = page.getByLabel('Search the clinic');
  await search.fill('x');
  await search.press('ControlOrMeta+z');
  await expect(undo).toBeVisible();
  await expect(timeline.getByRole('listitem')).toHaveCount(meetings - 1);
  await search.fill('');
  await search.blur();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(timeline.getByRole('listitem')).toHaveCount(meetings);
  await expect(undo).toHaveCount(0);
});

test('pairing a mentor who is full asks for a reason, and the pairing keeps it', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, '/relationships/new');
  await chooseMentee(page);
  await page.getByLabel('Program').selectOption({ index: 1 });
  const fullMentor = page
    .getByRole('group', { name: 'Choose a mentor' })
    .getByRole('listitem')
    .filter({ hasText: 'Full' })
    .first();
  await fullMentor.getByRole('radio').check();
  await page.getByRole('button', { name: 'Create pairing' }).click();
  const reason = page.getByLabel("Reason to go over this mentor's capacity");
  await expect(reason).toBeFocused();
  await expect(page.getByText(/To pair them anyway, give a reason\./)).toBeVisible();

  await reason.fill('Only cardiology mentor on site this quarter.');
  await page.getByRole('button', { name: 'Create pairing' }).click();
  await expect(page.getByRole('heading', { name: 'About this pairing' })).toBeVisible();
  await expect(page.getByText('Only cardiology mentor on site this quarter.')).toBeVisible();
});

test('a form that breaks a rule says so next to the field, in plain words', async ({ page }) => {
  await startEmpty(page);
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toBeFocused();
  await expect(name).toHaveAccessibleDescription('Name is required.');
  await name.fill('Ada Park');
  await page.getByLabel('Email').fill('not an email');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/does not look like an email address/);
  await page.getByLabel('Email').fill('ada@clinic.example');
  await page.getByLabel('Is mentored').uncheck();
  await page.getByRole('button', { name: 'Add person' }).click();
  const roles = page.getByRole('group', { name: 'Role in the program' });
  await expect(roles).toBeFocused();
  await expect(roles).toHaveAccessibleDescription('Tick at least one role: mentor, mentee, or both.');
  await page.getByLabel('Is mentored').check();
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ada Park' })).toBeVisible();

  // The same name and email again is flagged before a second record is made.
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Ada Park');
  await page.getByLabel('Email').fill('ADA@clinic.example');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Ada Park (ada@clinic.example) is already in your records',
  );
  await page.getByRole('alert').getByRole('link', { name: 'Open their record' }).click();

  // Never paired, so she can be deleted; the dialog starts on Cancel so Enter destroys nothing.
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Ada Park?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByText('Nobody is here yet.')).toBeVisible();
});

test('someone with pairings is archived, not deleted, and leaves the list until archived people are shown', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, '/relationships');
  await page.getByRole('table', { name: 'Pairings' }).getByRole('link').first().click();
  // Read the pairing's heading only once its page is open (the list's heading is also a level-1 heading).
  const pairingHeading = page.getByRole('heading', { level: 1, name: / with / });
  await expect(pairingHeading).toBeVisible();
  const mentee = (await pairingHeading.textContent())?.split(' with ')[0] ?? '';
  await goTo(page, 'People');
  await page.getByRole('link', { name: mentee, exact: true }).click();
  // On their page (the list stays on view while the page's code loads, and has no Delete either).
  await expect(page.getByRole('heading', { level: 1, name: mentee })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Archive' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Archive' }).click();
  await page
    .getByRole('dialog', { name: `Archive ${mentee}?` })
    .getByRole('button', { name: 'Archive' })
    .click();
  await expect(page.getByRole('button', { name: 'Restore' })).toBeVisible();

  await goTo(page, 'People');
  await expect(page.getByRole('link', { name: mentee, exact: true })).toHaveCount(0);
  await page.getByLabel('Show archived people').check();
  await expect(page.getByRole('link', { name: mentee, exact: true })).toBeVisible();
});

test('ending a pairing early asks why, and Escape backs out without a change', async ({ page }) => {
  await loadSampleData(page);
  await goTo(page, 'Relationships');
  await page.getByLabel('Status').selectOption({ label: 'Active' });
  // The rows of the filter before stay until the active pairs are read: wait for them.
  await expect(page.getByRole('table', { name: 'Pairings' })).not.toHaveAttribute('aria-busy', 'true');
  await page.getByRole('table', { name: 'Pairings' }).getByRole('link').first().click();
  const endEarly = page.getByRole('button', { name: 'End early' });

  await endEarly.click();
  const dialog = page.getByRole('dialog', { name: 'End this pairing early?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(endEarly).toBeFocused();
  await expect(page.getByText('Status: Active')).toBeVisible();

  await endEarly.click();
  await dialog.getByRole('button', { name: 'End early' }).click();
  await expect(dialog.getByText('Please write a reason.')).toBeVisible();
  await dialog.getByLabel('Why is it ending early?').fill('The mentee moved to another hospital.');
  await dialog.getByRole('button', { name: 'End early' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Status: Ended early')).toBeVisible();
  await expect(page.getByText('The mentee moved to another hospital.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log meeting', exact: true })).toHaveCount(0);
});

test("a pairing's details can be corrected, and an end before the start is refused in words", async ({
  page,
}) => {
  await loadSampleData(page);
  await goTo(page, 'Relationships');
  await page.getByLabel('Status').selectOption({ label: 'Active' });
  // The rows of the filter before stay until the active pairs are read: wait for them.
  await expect(page.getByRole('table', { name: 'Pairings' })).not.toHaveAttribute('aria-busy', 'true');
  await page.getByRole('table', { name: 'Pairings' }).getByRole('link').first().click();
  await page.getByRole('button', { name: 'Edit details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit pairing details' });
  await dialog.getByLabel('Planned end').fill('2001-01-01');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByLabel('Planned end')).toHaveAccessibleDescription(
    'Optional The planned end must be after the start date.',
  );
  await dialog.getByLabel('Focus').selectOption({ label: 'Research' });
  await dialog.getByLabel('Planned end').fill('');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toHaveCount(0);
  const details = page.getByRole('region', { name: 'About this pairing' });
  await expect(details).toContainText('FocusResearch');
  await expect(details).toContainText('Planned end—');
});
