import { addPerson, addProgram, day, logMeetingHere, PROGRAM, pair } from './clinic-steps';
import { expect, goTo, loadSampleData, startEmpty, test } from './helpers';

test('a pair with a long history shows its latest 20 meetings, and "Show more" shows the rest', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await startEmpty(page);
  await addProgram(page, PROGRAM, 14);
  await addPerson(page, 'Ada Mentor', 'mentor');
  await addPerson(page, 'Ben Mentee', 'mentee');
  await pair(page, 'Ben Mentee', 'Ada Mentor', day(60));
  // 21 meetings, the oldest 21 days ago: one more than a page.
  for (let daysAgo = 21; daysAgo >= 1; daysAgo--)
    await logMeetingHere(page, day(daysAgo), `Meeting ${daysAgo}`);

  const timeline = page.getByRole('list', { name: 'Meeting timeline, newest first' });
  await expect(timeline.getByRole('listitem')).toHaveCount(20);
  await expect(timeline).toContainText('Meeting 1');
  await expect(timeline).not.toContainText('Meeting 21');
  await expect(page.getByText('20 of 21 shown')).toBeVisible();
  await page.getByRole('button', { name: 'Show more meetings' }).click();
  await expect(timeline.getByRole('listitem')).toHaveCount(21);
  await expect(timeline).toContainText('Meeting 21');
  await expect(page.getByRole('button', { name: 'Show more meetings' })).toHaveCount(0);

  // The mentee's page lists the same history, latest first, a page at a time.
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Ben Mentee', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ben Mentee' })).toBeVisible();
  const history = page.getByRole('table', { name: 'Meeting history' });
  await expect(history.getByRole('row')).toHaveCount(21); // a header row and 20 meetings
  await page.getByRole('button', { name: 'Show more meetings' }).click();
  await expect(history.getByRole('row')).toHaveCount(22);
});

test('sample pairs show their meetings with no "Show more" when they fit on one page', async ({ page }) => {
  await loadSampleData(page);
  await goTo(page, 'Relationships');
  await page
    .getByRole('table', { name: 'Pairings' })
    .getByRole('row')
    // The newest pairs come first and may not have met yet: the first pair that has (a last-meeting date).
    .filter({ has: page.locator('td:last-child', { hasText: /\d{4}/ }) })
    .first()
    .getByRole('link')
    .click();
  const timeline = page.getByRole('list', { name: 'Meeting timeline, newest first' });
  await expect(page.getByRole('heading', { name: 'Meetings' })).toBeVisible();
  // The timeline fills in after the page's heading: wait for its entries before counting them.
  await expect(timeline.getByRole('listitem').first()).toBeVisible();
  const entries = await timeline.getByRole('listitem').count();
  expect(entries).toBeGreaterThan(0);
  expect(entries).toBeLessThanOrEqual(20);
  await expect(page.getByRole('button', { name: 'Show more meetings' })).toHaveCount(0);
});
