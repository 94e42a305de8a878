import type { Page } from '@playwright/test';
import { extractText } from 'unpdf';
import { addMonthsIso } from '../../renderer/domain/calendar';
import { formatDisplayDate, setDisplayLocale } from '../../renderer/domain/date-format';
import { addPerson, addProgram, chooseMentee, day, PROGRAM } from './clinic-steps';
import { expect, expectNoSeriousViolations, goTo, startEmpty, test } from './helpers';

// Mentor training and recognition, as a manager meets them: record a course a mentor took long ago, see
// the lapse on the dashboard, pair the mentor anyway (warned, and the pairing keeps it), add a thank-you,
// and save the mentor's portfolio as a PDF. Every new screen is scanned with axe-core.

const MENTOR = 'Ada Okonkwo';
const MENTEE = 'Ben Laurent';
const COURSE = 'Mentoring essentials';
const THANKS = 'Ben wrote: thank you for the calm on my first night shifts.';

async function openPerson(page: Page, name: string) {
  await goTo(page, 'People');
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  // Dates on screen are written in the browser's locale; the test writes them the same way.
  setDisplayLocale(await page.evaluate(() => navigator.language));
});

test('a lapsed mentor shows on the dashboard, is paired with a warning the pairing keeps, and gets a portfolio PDF', async ({
  page,
}) => {
  await startEmpty(page);
  await addProgram(page, PROGRAM, 14);
  await addPerson(page, MENTOR, 'mentor');
  await addPerson(page, MENTEE, 'mentee');

  // The clinic's list of courses.
  await goTo(page, 'Settings');
  const courses = page.getByRole('region', { name: 'Mentor training courses' });
  await expect(courses.getByText('No training courses yet.')).toBeVisible();
  await courses.getByRole('button', { name: 'Add a course' }).click();
  await courses.getByRole('button', { name: 'Add course' }).click();
  await expect(courses.getByLabel('Course name')).toHaveAccessibleDescription('A course needs a name.');
  await expect(courses.getByLabel('Course name')).toBeFocused();
  await courses.getByLabel('Course name').fill(COURSE);
  await courses.getByLabel('Usual provider').fill('Regional health education centre');
  await expectNoSeriousViolations(page, 'settings with the course form');
  await courses.getByRole('button', { name: 'Add course' }).click();
  await expect(courses.getByRole('list', { name: 'Training courses' })).toContainText(
    'renew every 12 months',
  );

  // Training done 400 days ago, renewed by default 12 months later: lapsed about a month ago.
  const completedOn = day(400);
  const renewBy = addMonthsIso(completedOn, 12);
  await openPerson(page, MENTOR);
  const training = page.getByRole('region', { name: 'Mentor training' });
  await expect(training.getByText(`No training recorded for ${MENTOR} yet.`)).toBeVisible();
  await training.getByRole('button', { name: 'Record training' }).click();
  await training.getByLabel('Course').selectOption({ label: COURSE });
  await expect(training.getByLabel('Provider')).toHaveValue('Regional health education centre');
  await training.getByLabel('Date completed').fill(completedOn);
  await expect(training.getByLabel('Renew by')).toHaveValue(renewBy);
  await training.getByRole('button', { name: 'Save training' }).click();
  await expect(training.getByLabel('Hours')).toHaveAccessibleDescription(/Hours must be more than 0/);
  await training.getByLabel('Hours').fill('6.5');
  await expectNoSeriousViolations(page, 'person page with the training form');
  await training.getByRole('button', { name: 'Save training' }).click();
  await expect(training.getByRole('table')).toContainText(COURSE);
  await expect(training.getByText(`Training lapsed after ${formatDisplayDate(renewBy)}`)).toBeVisible();

  // The dashboard lists the mentor.
  await goTo(page, 'Dashboard');
  const due = page.getByRole('list', { name: 'Mentors whose training has lapsed or lapses within 30 days' });
  await expect(due.getByRole('listitem')).toHaveCount(1);
  await expect(due).toContainText(MENTOR);
  await expect(due).toContainText(`training lapsed after ${formatDisplayDate(renewBy)}`);
  await expectNoSeriousViolations(page, 'dashboard with the training card');

  // Pairing the lapsed mentor: allowed, with a warning, and the pairing remembers it.
  await goTo(page, 'Relationships');
  await page.getByRole('link', { name: 'New pairing' }).click();
  await chooseMentee(page, MENTEE);
  await page.getByLabel('Program').selectOption({ label: `${PROGRAM} (meets every 14 days)` });
  const mentorChoice = page.getByRole('group', { name: 'Choose a mentor' });
  await expect(mentorChoice.getByText('Training lapsed')).toBeVisible();
  await mentorChoice.getByRole('radio', { name: new RegExp(MENTOR) }).check();
  await expect(page.getByRole('status').filter({ hasText: 'training lapsed' })).toContainText(
    'You can still pair them',
  );
  await expectNoSeriousViolations(page, 'new pairing with the training warning');
  await page.getByRole('button', { name: 'Create pairing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${MENTEE} with ${MENTOR}` })).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Lapsed (renewal was due by ${formatDisplayDate(renewBy)})`)).toBeVisible();

  // Recognition, with a clear message for an empty entry; deleting asks first.
  await openPerson(page, MENTOR);
  const recognition = page.getByRole('region', { name: 'Recognition' });
  await recognition.getByRole('button', { name: 'Add recognition' }).click();
  await recognition.getByLabel('Kind').selectOption({ label: 'Thanks from a mentee' });
  await recognition.getByRole('button', { name: 'Save recognition' }).click();
  await expect(recognition.getByLabel('What it was')).toHaveAccessibleDescription(/Write a few words/);
  await recognition.getByLabel('What it was').fill(THANKS);
  await expectNoSeriousViolations(page, 'person page with the recognition form');
  await recognition.getByRole('button', { name: 'Save recognition' }).click();
  await expect(recognition.getByRole('list', { name: `Recognition of ${MENTOR}` })).toContainText(THANKS);
  await training.getByRole('button', { name: /^Delete Mentoring essentials/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this training record?' });
  await expect(confirm).toBeVisible();
  await expectNoSeriousViolations(page, 'delete training confirmation');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(training.getByRole('table')).toContainText(COURSE);

  // The portfolio, on screen and as a PDF.
  await page.getByRole('link', { name: 'Portfolio' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Portfolio of ${MENTOR}` })).toBeVisible();
  const portfolio = page.getByRole('article', { name: `Mentoring portfolio of ${MENTOR}` });
  await expect(portfolio).toContainText(MENTEE);
  await expect(portfolio).toContainText(THANKS);
  await expect(portfolio).toContainText(COURSE);
  await expect(portfolio).toContainText('Goals achieved by mentees0');
  await expect(portfolio).toContainText('Milestone debriefs held0');
  await expect(portfolio).toContainText('No mentee rated a meeting in this period.');
  await expectNoSeriousViolations(page, 'portfolio');
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = document.querySelector('.portfolio-print')?.textContent ?? '';
    };
  });
  await page.getByRole('button', { name: 'Save portfolio as PDF' }).click();
  await expect(page.locator('body')).toHaveAttribute(
    'data-printed',
    new RegExp(`Mentoring portfolio: ${MENTOR}`),
  );
  await expect(page.getByRole('button', { name: 'Save portfolio as PDF' })).toBeEnabled();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  // Words wrap at the ends of lines and table cells on paper: compare with single spaces.
  const text = (await extractText(new Uint8Array(pdf), { mergePages: true })).text.replace(/\s+/g, ' ');
  expect(text).toContain(`Mentoring portfolio: ${MENTOR}`);
  expect(text).toContain(MENTEE);
  expect(text).toContain(THANKS);
  expect(text).toContain('Page 1 of');
  // Only the portfolio is printed, not the app around it.
  expect(text).not.toContain('Save portfolio as PDF');
});
