import AxeBuilder from '@axe-core/playwright';
import { expect, loadSampleData, test } from './helpers';

// The header's search box: found by a keyboard shortcut, words typed without capitals show the
// matching notes in context, the arrow keys and Enter open a meeting, Escape closes the list.

test('the header search finds a note by a word, shows it in context and opens the meeting', async ({
  page,
}) => {
  await loadSampleData(page);
  const box = page.getByRole('combobox', { name: 'Search the clinic' });

  await page.keyboard.press('Control+K');
  await expect(box).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Type a name' })).toBeVisible();

  await box.fill('HANDOVER');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results).toBeVisible();
  const meetings = results.getByRole('group', { name: /^Meetings/ });
  const first = meetings.getByRole('option').first();
  await expect(first).toContainText('Meeting of');
  await expect(first.locator('mark').first()).toHaveText(/^handover$/i);
  await expect(page.getByRole('status').filter({ hasText: /\d+ match/ })).toBeVisible();

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = axe.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help}`);
  expect(serious, 'accessibility problems of the search results').toEqual([]);

  // The arrow keys move through the results (people and pairings come first), Enter opens the chosen one.
  const options = results.getByRole('option');
  const firstMeetingAt = await options.evaluateAll(
    (all, meetingOption) => all.findIndex((option) => option.id === meetingOption),
    await first.getAttribute('id'),
  );
  for (let i = 0; i <= firstMeetingAt; i++) await box.press('ArrowDown');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) as string);
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Edit meeting' })).toBeVisible();
  await expect(page).toHaveURL(/#\/meetings\/[^/]+\/edit$/);
  await expect(page.getByRole('textbox', { name: 'Notes', exact: true })).toHaveValue(/handover/i);
  await expect(results).toBeHidden();
});

test('the header search asks for a second letter, says when nothing matches, and Escape closes it', async ({
  page,
}) => {
  await loadSampleData(page);
  const box = page.getByRole('combobox', { name: 'Search the clinic' });
  // "/" comes to the search box from anywhere but a text field.
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).click();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  // One letter begins most words: the box asks for a second before searching.
  await box.press('z');
  await expect(
    page.getByRole('status').filter({ hasText: 'Type at least 2 letters to search.' }),
  ).toBeVisible();
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await box.pressSequentially('zqx');
  await expect(page.getByRole('status').filter({ hasText: 'No matches for “zzqx”.' })).toBeVisible();
  await expect(page.getByRole('listbox')).toHaveCount(0);

  await box.fill('résilience');
  await expect(page.getByRole('listbox', { name: 'Search results' })).toBeVisible();
  await box.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(box).toHaveValue('résilience');
  await box.press('Escape');
  await expect(box).toHaveValue('');
  await expect(box).not.toBeFocused();
});
