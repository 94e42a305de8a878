import { extractText } from 'unpdf';
import { addPerson, addProgram, day, PROGRAM, pair } from './clinic-steps';
import { expect, goTo, loadSampleData, startEmpty, test } from './helpers';

// The mentoring agreement a mentor and mentee sign, printed from the pairing's page.

test('from an empty clinic, a new pairing prints a mentoring agreement to sign, and only the agreement', async ({
  page,
}) => {
  await startEmpty(page, 'Harbour Street Clinic');
  await addProgram(page, PROGRAM, 14);
  await addPerson(page, 'Amara Okafor', 'mentor');
  await addPerson(page, 'Ben Roy', 'mentee');
  await pair(page, 'Ben Roy', 'Amara Okafor', day(3));

  // The browser prints through window.print(), whose dialog a headless browser cannot show: keep a
  // copy of the print layout as it is at that moment, and make a PDF of that copy.
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
  await page.getByRole('button', { name: 'Print agreement' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', /Mentoring agreement/);
  // Once printed, the layout leaves the page and the button is ready again.
  await expect(page.getByRole('button', { name: 'Print agreement' })).toBeEnabled();
  await expect(page.locator('.print-layout:not([data-copy])')).toHaveCount(0);

  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
  expect(totalPages).toBeLessThanOrEqual(2);
  for (const expected of [
    'Mentoring agreement',
    'Harbour Street Clinic',
    PROGRAM,
    'Amara Okafor',
    'Ben Roy',
    'At least every 14 days',
    'Our goals',
    'Confidentiality',
    'Program coordinator',
  ])
    expect(text).toContain(expected);
  expect(text.match(/Signature/g)?.length).toBeGreaterThanOrEqual(3);
  expect(text.match(/Date/g)?.length).toBeGreaterThanOrEqual(3);
  // The start date is printed as the app writes dates elsewhere on the page.
  const started = await page
    .getByRole('term')
    .filter({ hasText: /^Started$/ })
    .locator('xpath=following-sibling::dd')
    .textContent();
  expect(text).toContain(started ?? 'missing');
  // Nothing of the app's screen is on the paper.
  expect(text).not.toContain('Log meeting');
  expect(text).not.toContain('Skip to main content');
});

test('a pairing from the sample clinic prints its own names and program in the agreement', async ({
  page,
}) => {
  await loadSampleData(page);
  await goTo(page, 'Relationships');
  const firstPair = page
    .getByRole('table', { name: 'Pairings' })
    .getByRole('row')
    .nth(1)
    .getByRole('link')
    .first();
  const [mentee, mentor] = ((await firstPair.textContent()) ?? '').split(' with ');
  await firstPair.click();
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = document.querySelector('.print-layout')?.textContent ?? '';
    };
  });
  await page.getByRole('button', { name: 'Print agreement' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', /Mentoring agreement/);
  const printed = (await page.locator('body').getAttribute('data-printed')) ?? '';
  expect(printed).toContain(`Mentor${mentor}`);
  expect(printed).toContain(`Mentee${mentee}`);
  expect(printed).toContain('Riverside Community Clinic');
});
