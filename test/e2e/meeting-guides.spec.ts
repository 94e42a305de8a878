import type { Page } from '@playwright/test';
import { extractText } from 'unpdf';
import { expect, expectNoSeriousViolations, goTo, loadSampleData, startEmpty, test } from './helpers';

// Meeting guides: ours for every built-in topic, editable by the clinic in Settings, opened while
// logging a meeting and printed on one page; and the printable mentor's handbook.

/** The browser's print dialog cannot show in a headless browser: keep a copy of the layout instead. */
async function recordPrints(page: Page) {
  await page.evaluate(() => {
    window.print = () => {
      const layout = document.querySelector('.print-layout');
      if (!layout) return;
      document.body.dataset.printed = layout.textContent ?? '';
      const copy = layout.cloneNode(true) as HTMLElement;
      copy.dataset.copy = 'true';
      document.body.append(copy);
    };
  });
}

async function printedPdf(page: Page) {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  return extractText(new Uint8Array(pdf), { mergePages: true });
}

test('every built-in topic has our guide; the clinic rewrites one, within the rules, and puts ours back', async ({
  page,
}) => {
  await startEmpty(page, 'Harbour Street Clinic');
  await goTo(page, 'Settings');
  const section = page.getByRole('region', { name: 'Meeting guides' });
  const list = section.getByRole('list', { name: 'Meeting guides' });
  // One row a topic (each guide's questions are a list of their own, inside its row).
  const rows = list.locator(':scope > li');
  await expect(rows).toHaveCount(11);
  const resilience = list.getByRole('region', { name: 'Guide: Emotional resilience' });
  await expect(resilience).toContainText('Watch for: Signs of burnout');
  await expect(resilience).toContainText('where the clinic’s support is');
  await expect(list.getByRole('region', { name: 'Guide: Workplace politics' })).toContainText(
    'A mentee who does not know who to ask',
  );
  await expectNoSeriousViolations(page, 'settings, meeting guides');

  // Two questions and no watch-for line: both refused, next to their fields.
  await list.getByRole('button', { name: 'Edit the guide for Time management' }).click();
  await list.getByLabel('Questions for Time management').fill('What takes your time?\n\nWhat could wait?');
  await list.getByLabel('Watch for').fill('');
  await list.getByRole('button', { name: 'Save guide' }).click();
  await expect(list.getByText('A guide has 3 to 6 questions, one a line (this one has 2).')).toBeVisible();
  await expect(list.getByText('Write one thing to watch for.')).toBeVisible();
  await expectNoSeriousViolations(page, 'editing a guide');

  await list
    .getByLabel('Questions for Time management')
    .fill('What takes your time?\nWhat could wait?\nWhen do you go home?');
  await list.getByLabel('Watch for').fill('Charting after every shift ends.');
  await list.getByRole('button', { name: 'Save guide' }).click();
  const timeGuide = rows.filter({ hasText: 'Time management' });
  await expect(timeGuide).toContainText('When do you go home?');
  await expect(timeGuide).toContainText('Watch for: Charting after every shift ends.');
  await expect(timeGuide).toContainText('Your wording');

  // Putting ours back asks first.
  await timeGuide.getByRole('button', { name: 'Put back our guide for Time management' }).click();
  const dialog = page.getByRole('dialog', { name: 'Put back our wording?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Put back our wording' }).click();
  await expect(timeGuide).toContainText('Where did your time go last week?');
  await expect(timeGuide).not.toContainText('Your wording');

  // A topic of the clinic's own has no guide until someone writes one.
  await page.getByLabel('New topic').fill('Night shifts');
  await page.getByRole('button', { name: 'Add topic' }).click();
  const night = rows.filter({ hasText: 'Night shifts' });
  await expect(night).toContainText('no guide yet');
  await night.getByRole('button', { name: 'Write the guide for Night shifts' }).click();
  await list
    .getByLabel('Questions for Night shifts')
    .fill('How do you sleep?\nWho covers you?\nWhat helps at 4 a.m.?');
  await list.getByLabel('Watch for').fill('Exhaustion on the drive home.');
  await list.getByRole('button', { name: 'Save guide' }).click();
  await expect(night).toContainText('Watch for: Exhaustion on the drive home.');
});

test("the mentor's handbook prints the purpose, the rhythm, confidentiality, debriefs, distress and the guides", async ({
  page,
}) => {
  await loadSampleData(page);
  await goTo(page, 'Settings');
  await recordPrints(page);
  await page.getByRole('button', { name: "Print the mentor's handbook" }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', /Mentor's handbook/);
  await expect(page.locator('.print-layout:not([data-copy])')).toHaveCount(0);
  const { text } = await printedPdf(page);
  for (const expected of [
    "Mentor's handbook",
    'Why the program exists',
    'How often to meet',
    'at least every',
    'Confidentiality',
    'Milestones and debriefs',
    'First patient death: within 7 days.',
    'How the mentee is doing',
    'When a mentee is in distress',
    'call the emergency services',
    'Crisis line',
    'Meeting guides',
    'Emotional resilience',
    'Signs of burnout',
  ])
    expect(text).toContain(expected);
  expect(text).not.toContain('Skip to main content');
});

test('a mentor opens the guide of the chosen topics while logging a meeting, and prints it on one page', async ({
  page,
}) => {
  await loadSampleData(page);
  await page
    .getByRole('list', { name: 'Pairs overdue for a meeting' })
    .getByRole('link', { name: /^Log meeting for / })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log a meeting' })).toBeVisible();

  const panel = page.locator('details.guide-panel');
  await panel.getByText('Meeting guide for the chosen topics (0)').click();
  await expect(panel).toContainText('Choose one or more topics above');
  await page.getByRole('button', { name: 'Emotional resilience' }).click();
  await page.getByRole('button', { name: 'Workplace politics' }).click();
  await expect(panel.getByText('Meeting guide for the chosen topics (2)')).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Guide: Emotional resilience' })).toContainText(
    'How are you, really?',
  );
  await expect(panel.getByRole('region', { name: 'Guide: Workplace politics' })).toBeVisible();
  await expectNoSeriousViolations(page, 'meeting form with the guide open');

  await recordPrints(page);
  await panel.getByRole('button', { name: 'Print this guide' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', /Meeting guide/);
  const { text, totalPages } = await printedPdf(page);
  expect(totalPages).toBe(1);
  expect(text).toContain('Emotional resilience');
  expect(text).toContain('Workplace politics');
  expect(text).toContain('Watch for');
  expect(text).not.toContain('Save meeting');
  // The form is as it was: nothing typed is lost by printing.
  await expect(page.getByRole('button', { name: 'Emotional resilience' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});
