import { addPerson, addProgram, backUpNow, day, logMeetingHere, pair } from './clinic-steps';
import { expect, goTo, openApp, startEmpty, test } from './helpers';

// One date style everywhere, following the computer's locale: a US clinic reads "Mar 15, 2019",
// a UK one "15 Mar 2019" — on a person's page, in the report, and for the time of a backup.

const styles = [
  {
    locale: 'en-US',
    hireDate: 'Mar 15, 2019',
    period: /^Last 12 months: [A-Z][a-z]{2} \d{1,2}, \d{4} – [A-Z][a-z]{2} \d{1,2}, \d{4}$/,
    moment: /\([A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M\)/,
  },
  {
    locale: 'en-GB',
    hireDate: '15 Mar 2019',
    period: /^Last 12 months: \d{1,2} [A-Z][a-z]{2,3} \d{4} – \d{1,2} [A-Z][a-z]{2,3} \d{4}$/,
    moment: /\(\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}\)/,
  },
];

for (const style of styles) {
  test.describe(`on a computer set to ${style.locale}`, () => {
    test.use({ locale: style.locale });

    test(`dates read "${style.hireDate}" on screens, in the report and for a backup`, async ({ page }) => {
      await startEmpty(page);
      await goTo(page, 'People');
      await page.getByRole('link', { name: 'Add a person' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Léa Martin');
      await page.getByLabel('Hire date').fill('2019-03-15');
      await page.getByRole('button', { name: 'Add person' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Léa Martin' })).toBeVisible();
      await expect(page.getByText(style.hireDate, { exact: true })).toBeVisible();

      await goTo(page, 'Reports');
      const report = page.getByRole('article', { name: 'Report for Last 12 months' });
      await expect(report.getByRole('definition').filter({ hasText: 'Last 12 months:' })).toHaveText(
        style.period,
      );

      await openApp(page, '/backup');
      await backUpNow(page, 'lantern meadow copper violin 42');
      await goTo(page, 'Dashboard');
      await expect(page.getByRole('region', { name: 'Backups' })).toContainText(style.moment);
    });
  });
}

test('the toast after logging a meeting names the pair once, in plain words', async ({ page }) => {
  await startEmpty(page);
  await addProgram(page, 'New-graduate nurse residency', 14);
  await addPerson(page, 'Amara Okafor', 'mentor');
  await addPerson(page, 'Ben Roy', 'mentee');
  await pair(page, 'Ben Roy', 'Amara Okafor', day(30));
  await logMeetingHere(page, day(1), 'First month.');
  await expect(page.getByRole('status').getByText('Meeting saved: Ben Roy with Amara Okafor.')).toBeVisible();
});
