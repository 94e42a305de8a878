import type { Locator, Page } from '@playwright/test';
import { day } from './clinic-steps';
import { expect, expectNoSeriousViolations, goTo, loadSampleData, test } from './helpers';

// Milestones and their debriefs, the manager's way: record a mentee's first on the pairing's page, see
// "debrief due" on the dashboard, log the debrief from there, see it leave the dashboard and count in
// the report. Every new screen is scanned with axe-core.

function debriefsDue(page: Page): Locator {
  return page.getByRole('list', { name: 'Milestones waiting for a debrief' }).getByRole('listitem');
}

async function recordMilestone(page: Page, kind: string, date: string, description: string) {
  await page.getByRole('button', { name: 'Record a milestone' }).click();
  const dialog = page.getByRole('dialog', { name: /Record a milestone for/ });
  await dialog
    .getByLabel('Milestone', { exact: true })
    .selectOption({ label: `${kind} (debrief within 7 days)` });
  await dialog.getByLabel('Date it happened').fill(date);
  await dialog.getByLabel('What happened, in a few words').fill(description);
  await dialog.getByRole('button', { name: 'Record milestone' }).click();
  await expect(dialog).toHaveCount(0);
}

test('a milestone recorded on a pairing is due on the dashboard until its debrief is logged, and the report counts it', async ({
  page,
}) => {
  await loadSampleData(page);
  // The sample clinic has one milestone still within its target and one past it.
  await expect(debriefsDue(page)).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Debriefs due' })).toContainText('1 past its target.');
  await expectNoSeriousViolations(page, 'dashboard with debriefs due');

  // Two pairs overdue for a meeting whose mentees have no milestone yet.
  const pairLinks = 'a[href*="/relationships/"]';
  const waiting = await debriefsDue(page).locator(pairLinks).allTextContents();
  const overdueList = page.getByRole('list', { name: 'Pairs overdue for a meeting' });
  // Read once the card is drawn, not before.
  await expect(overdueList.locator(pairLinks).first()).toBeVisible();
  const overdue = await overdueList.locator(pairLinks).allTextContents();
  const [first, second] = overdue.filter((pair) => !waiting.includes(pair));
  if (!first || !second)
    throw new Error('The sample clinic should have two overdue pairs with no milestone.');

  // The first: a first operation three days ago, still within its target.
  await page.getByRole('link', { name: first, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
  const milestonesCard = page.getByRole('region', { name: 'Milestones' });
  await expect(milestonesCard).toContainText('No milestone recorded yet.');
  await expectNoSeriousViolations(page, 'pairing page without milestones');

  // An empty form says what is missing, next to each field.
  await page.getByRole('button', { name: 'Record a milestone' }).click();
  const dialog = page.getByRole('dialog', { name: /Record a milestone for/ });
  await dialog.getByRole('button', { name: 'Record milestone' }).click();
  await expect(dialog.getByText('Choose what kind of first it was.')).toBeVisible();
  await expect(dialog.getByText('Say in a few words what happened.')).toBeVisible();
  await expectNoSeriousViolations(page, 'record a milestone');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await recordMilestone(page, 'First operation or solo procedure', day(3), 'First appendectomy, assisted.');
  const row = milestonesCard.getByRole('listitem');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('First operation or solo procedure');
  await expect(row).toContainText('First appendectomy, assisted.');
  await expect(row).toContainText(/Debrief due by .+ \(in 4 days\)/);
  await expectNoSeriousViolations(page, 'pairing page with a milestone');

  // The second: a first patient death ten days ago, past its 7-day target.
  await goTo(page, 'Dashboard');
  await page.getByRole('link', { name: second, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: second })).toBeVisible();
  await recordMilestone(page, 'First patient death', day(10), 'Night shift, an expected death.');
  await expect(milestonesCard.getByRole('listitem')).toContainText(/Overdue.*\(3 days ago\)/);

  await goTo(page, 'Dashboard');
  await expect(debriefsDue(page)).toHaveCount(4);
  await expect(page.getByRole('region', { name: 'Debriefs due' })).toContainText('2 past their target.');
  const firstRow = debriefsDue(page).filter({ hasText: first });
  await expect(firstRow).toContainText('First operation or solo procedure on');
  await expect(debriefsDue(page).filter({ hasText: second })).toContainText('Overdue');

  // Log the debrief from the dashboard: the form knows which milestone it is for.
  await firstRow.getByRole('link', { name: `Log the debrief for ${first}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log a meeting' })).toBeVisible();
  await expect(page.getByLabel('This is a debrief of…')).toHaveValue(/.+/);
  await expect(page.getByLabel('This is a debrief of…').locator('option:checked')).toHaveText(
    /^First operation or solo procedure, /,
  );
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await expect(page.getByText('Write at least a line about what happened')).toBeVisible();
  await expect(page.getByLabel('What happened', { exact: true })).toBeFocused();
  await expectNoSeriousViolations(page, 'meeting form with the debrief');
  await page.getByLabel('What happened', { exact: true }).fill('Assisted appendectomy, went to plan.');
  await page.getByLabel('What went well').fill('Calm hands, good knots.');
  await page.getByLabel('What to do differently next time').fill('Ask for the retractor sooner.');
  await page.getByLabel('How the mentee is doing').fill('Tired but proud.');
  await page.getByLabel('Follow-up').fill('Watch a laparoscopic one next week.');
  await page.getByLabel('Other notes').fill('Talked about sleep before operating days.');
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();

  // The pairing's milestone shows the debrief; the meeting's notes hold the answers.
  await expect(milestonesCard.getByRole('listitem')).toContainText(/Debriefed on /);
  await expect(milestonesCard.getByRole('link', { name: /Log the debrief/ })).toHaveCount(0);
  const timeline = page.getByRole('region', { name: 'Meetings' });
  await expect(timeline).toContainText('Debrief: First operation or solo procedure');
  await expect(timeline).toContainText('What went well:');
  await expect(timeline).toContainText('Calm hands, good knots.');
  await expect(timeline).toContainText('Talked about sleep before operating days.');

  // It leaves the dashboard; the others stay.
  await goTo(page, 'Dashboard');
  await expect(debriefsDue(page)).toHaveCount(3);
  await expect(debriefsDue(page).filter({ hasText: first })).toHaveCount(0);

  // The report: of 5 milestones (5 mentees, so figures show), 2 debriefed within target (the sample's and
  // ours), none later, 2 past their target without a debrief, 1 still within it: 2 of 4 decided = 50%.
  await goTo(page, 'Reports');
  const report = page.getByRole('article', { name: 'Report for Last 12 months' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  const table = report.getByRole('table', { name: 'Milestone debriefs by program' });
  const total = table.getByRole('row').filter({ hasText: 'All programs' });
  await expect(total.getByRole('cell')).toHaveText(['All programs', '5', '2', '0', '2', '1', '50%']);
});

test('the clinic keeps its own list of milestones: added, renamed with its own target, retired', async ({
  page,
}) => {
  await loadSampleData(page);
  await goTo(page, 'Settings');
  const section = page.getByRole('region', { name: 'Milestones' });
  const list = section.getByRole('list', { name: 'Kinds of milestone' });
  await expect(list.getByRole('listitem')).toHaveCount(6);
  await expect(list).toContainText('First night shift in charge · debrief within 7 days');

  // A name already taken and a target out of range are both refused, in plain words.
  await section.getByLabel('New kind of milestone').fill('first resuscitation');
  await section.getByLabel('Debrief within … days').fill('0');
  await section.getByRole('button', { name: 'Add milestone' }).click();
  await expect(section.getByText('There is already a milestone called "first resuscitation".')).toBeVisible();
  await expect(
    section.getByText('The debrief target must be a whole number of days, from 1 to 90.'),
  ).toBeVisible();

  await section.getByLabel('New kind of milestone').fill('First home visit alone');
  await section.getByLabel('Debrief within … days').fill('3');
  await section.getByRole('button', { name: 'Add milestone' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(7);
  await expect(list).toContainText('First home visit alone · debrief within 3 days');
  await expectNoSeriousViolations(page, 'settings, milestones');

  // Renamed, and its target changed.
  await list.getByRole('button', { name: 'Change First home visit alone' }).click();
  await list.getByLabel('New name for First home visit alone').fill('First home visit on their own');
  await list.getByLabel('Debrief within … days').fill('5');
  await list.getByRole('button', { name: 'Save' }).click();
  await expect(list).toContainText('First home visit on their own · debrief within 5 days');

  // Retired: no longer offered when recording a milestone.
  await list.getByRole('button', { name: 'Retire First research presentation' }).click();
  await expect(list.getByRole('listitem').filter({ hasText: 'First research presentation' })).toContainText(
    'Retired',
  );
  await goTo(page, 'Dashboard');
  await page.getByRole('list', { name: 'Pairs overdue for a meeting' }).getByRole('link').first().click();
  await page.getByRole('button', { name: 'Record a milestone' }).click();
  // The dialog reads the clinic's kinds as it opens: wait for them, then check the retired one is not offered.
  const kinds = page.getByRole('dialog').getByLabel('Milestone', { exact: true }).locator('option');
  await expect(
    kinds.filter({ hasText: 'First home visit on their own (debrief within 5 days)' }),
  ).toHaveCount(1);
  await expect(kinds.filter({ hasText: /^First research presentation/ })).toHaveCount(0);
});
