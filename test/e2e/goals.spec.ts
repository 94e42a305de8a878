import { addPerson, addProgram, day, PROGRAM, pair } from './clinic-steps';
import { expect, expectNoSeriousViolations, goTo, startEmpty, test } from './helpers';

// The manager's path through a development plan: a pair a month in without a plan shows on the
// dashboard; she plans a goal, logs a meeting with progress on it, reads the goal's history, sees it
// past its target date on the dashboard and counted in the report. Every new screen is scanned by axe.

const GOAL = 'Lead the morning handover on my own';

test('a goal planned on a pairing gets progress at a meeting, shows its history, and is followed up on the dashboard and in the report', async ({
  page,
}) => {
  await startEmpty(page, 'Riverside Family Clinic');
  await addProgram(page, PROGRAM, 14);
  await addPerson(page, 'Amara Okafor', 'mentor');
  await addPerson(page, 'Ben Roy', 'mentee');
  await pair(page, 'Ben Roy', 'Amara Okafor', day(40));

  // Forty days in without a plan: the dashboard says so.
  await goTo(page, 'Dashboard');
  const withoutPlan = page.getByRole('list', { name: 'Pairs a month into the program without a plan' });
  await expect(withoutPlan).toContainText('Ben Roy with Amara Okafor');
  await expectNoSeriousViolations(page, 'dashboard with plan cards');
  await withoutPlan.getByRole('link', { name: 'Ben Roy with Amara Okafor', exact: true }).click();

  const plan = page.getByRole('region', { name: 'Development plan' });
  await expect(plan.getByText('No goals yet.')).toBeVisible();
  await plan.getByRole('link', { name: 'Add goal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a goal' })).toBeVisible();
  // Saving an empty goal says what is missing, in words, beside each field.
  await page.getByRole('button', { name: 'Add goal' }).click();
  await expect(page.getByText('Write what the goal is: a short title.')).toBeVisible();
  await expect(page.getByText('Choose the area of this goal.')).toBeVisible();
  await page.getByLabel('Goal', { exact: true }).fill(GOAL);
  await page.getByLabel('Area').selectOption({ label: 'Clinical skills and complex cases' });
  await expect(page.getByRole('complementary', { name: 'Writing a good goal' })).toContainText(
    'Measurable: say how you will both know it is done.',
  );
  await page.getByLabel('How you will know it is done (optional)').fill('Three handovers without prompting.');
  await page.getByLabel('Set on').fill(day(35));
  await page.getByLabel('Target date').fill(day(5));
  await page.getByRole('button', { name: 'Add a step' }).click();
  await page.getByRole('textbox', { name: 'Step 1' }).fill('Shadow two handovers');
  await expectNoSeriousViolations(page, 'goal form');
  await page.getByRole('button', { name: 'Add goal' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Goal: Clinical skills and complex cases' }),
  ).toBeVisible();
  await expect(page.getByText(GOAL)).toBeVisible();
  await expect(page.getByText('Overdue by 5 days')).toBeVisible();
  await expectNoSeriousViolations(page, 'goal page');

  // Deleting asks first; Cancel keeps the goal.
  await page.getByRole('button', { name: 'Delete goal' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this goal?' });
  await expect(confirm).toBeVisible();
  await expectNoSeriousViolations(page, 'delete goal dialog');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);

  await page.getByRole('link', { name: 'Ben Roy with Amara Okafor', exact: true }).click();
  await page.getByRole('link', { name: 'Log meeting', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log a meeting' })).toBeVisible();
  await page.getByLabel('Notes', { exact: true }).fill('Talked about the handover.');
  const progress = page.getByRole('group', { name: 'Progress on goals' });
  await progress.getByLabel(`Status after this meeting: ${GOAL}`).selectOption({ label: 'At risk' });
  await progress.getByLabel(`Progress note: ${GOAL}`).fill('Rota changes left no time');
  await expectNoSeriousViolations(page, 'log meeting with goal progress');
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ben Roy with Amara Okafor' })).toBeVisible();

  const planAfter = page.getByRole('region', { name: 'Development plan' });
  await expect(planAfter.getByRole('row', { name: new RegExp(GOAL) })).toContainText('At risk');
  await planAfter.getByRole('link', { name: GOAL }).click();
  const history = page.getByRole('list', { name: 'Goal history, newest first' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('At risk');
  await expect(history.getByRole('listitem').first()).toContainText('Rota changes left no time');
  await expect(history.getByRole('listitem').first()).toContainText('at a meeting');
  await expect(history.getByRole('listitem').last()).toContainText('Not started (goal set)');

  await goTo(page, 'Dashboard');
  const overdueGoals = page.getByRole('list', { name: 'Goals past their target date' });
  await expect(overdueGoals.getByRole('listitem')).toHaveCount(1);
  await expect(overdueGoals).toContainText(GOAL);
  await expect(overdueGoals).toContainText('5 days ago');
  await expect(page.getByText('Every pair a month in has a plan.')).toBeVisible();

  await goTo(page, 'Reports');
  const report = page.getByRole('article', { name: 'Report for Last 12 months' });
  const section = report.getByRole('region', { name: 'Development plans' });
  await expect(section).toBeVisible();
  // One mentee's goal: too few people to show a number.
  await expect(
    section.getByRole('table', { name: 'Goals by area' }).getByRole('row', { name: /Clinical skills/ }),
  ).toContainText('fewer than 5');
  await expect(section).not.toContainText(GOAL);
  await expect(report).not.toContainText('Rota changes left no time');
  await expectNoSeriousViolations(page, 'report with development plans');

  // The clinic's own goal areas, in Settings.
  await goTo(page, 'Settings');
  // By keyboard: Enter in the field adds the area.
  await page.getByLabel('New goal area').fill('Teaching students');
  await page.getByLabel('New goal area').press('Enter');
  await expect(page.getByRole('list', { name: 'Goal areas' })).toContainText('Teaching students');
  await page.getByLabel('New goal area').fill('teaching STUDENTS');
  await page.getByLabel('New goal area').press('Enter');
  await expect(page.getByText('There is already an area called "teaching STUDENTS".')).toBeVisible();
  await expectNoSeriousViolations(page, 'settings with goal areas');
});
