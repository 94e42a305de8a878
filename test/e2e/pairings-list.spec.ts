import { addPerson, addProgram, chooseMentee, day, importRoster, PROGRAM, pair } from './clinic-steps';
import { expect, goTo, startEmpty, test } from './helpers';

// The Relationships list and the pair picker of "Log a meeting" read a page of pairs at a time, newest
// first, with the names of the pairs shown.

test('pairings are listed newest first, filtered by status, and the picker finds a pair by either name', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startEmpty(page);
  await addProgram(page, PROGRAM, 14);
  await addPerson(page, 'Amara Okafor', 'mentor');
  await addPerson(page, 'Jonas Berg', 'mentor');
  await addPerson(page, 'Ben Roy', 'mentee');
  await addPerson(page, 'Chen Wei', 'mentee');
  await addPerson(page, 'Dana Cruz', 'mentee');
  await pair(page, 'Ben Roy', 'Amara Okafor', day(30));
  await pair(page, 'Chen Wei', 'Jonas Berg', day(10));
  await pair(page, 'Dana Cruz', 'Amara Okafor', day(20));

  await goTo(page, 'Relationships');
  const links = page.getByRole('table', { name: 'Pairings' }).getByRole('link');
  await expect(links).toHaveText([
    'Chen Wei with Jonas Berg',
    'Dana Cruz with Amara Okafor',
    'Ben Roy with Amara Okafor',
  ]);
  await expect(page.getByText('Showing 3 of 3 pairings, newest first.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show more pairings' })).toHaveCount(0);
  await page.getByLabel('Status').selectOption({ label: 'Completed' });
  await expect(page.getByText('No pairing matches these filters.')).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Proposed, active or paused' });
  await expect(links).toHaveCount(3);

  await goTo(page, 'Log a meeting');
  const pairs = page.getByRole('list', { name: 'Active pairs' }).getByRole('link');
  await expect(pairs).toHaveText([
    'Chen Wei with Jonas Berg',
    'Dana Cruz with Amara Okafor',
    'Ben Roy with Amara Okafor',
  ]);
  await expect(page.getByText('3 pairs.')).toBeVisible();
  const find = page.getByLabel('Find the pair that met');
  await find.fill('amara');
  await expect(pairs).toHaveText(['Ben Roy with Amara Okafor', 'Dana Cruz with Amara Okafor']);
  await find.fill('dana amara');
  await expect(pairs).toHaveText(['Dana Cruz with Amara Okafor']);
  // The start of a word finds it, a part inside a word does not.
  await find.fill('oka cru');
  await expect(pairs).toHaveText(['Dana Cruz with Amara Okafor']);
  await find.fill('kafor');
  await expect(pairs).toHaveCount(0);
  await find.fill('dana amara');
  await expect(pairs).toHaveText(['Dana Cruz with Amara Okafor']);
  // From the keyboard: Tab from the search box reaches the pair, Enter opens its meeting form.
  await find.press('Tab');
  await expect(pairs.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Log a meeting' })).toBeVisible();
  await expect(page.getByText('Pair: Dana Cruz with Amara Okafor')).toBeVisible();
});

test('New pairing finds the mentee by typing, accents and capitals ignored, and a person page link chooses them', async ({
  page,
}) => {
  await startEmpty(page);
  await addProgram(page, PROGRAM, 14);
  await addPerson(page, 'Amara Okafor', 'mentor');
  await addPerson(page, 'Ben Roy', 'mentee');
  await addPerson(page, 'Léa Martin', 'mentee');

  await goTo(page, 'Relationships');
  await page.getByRole('link', { name: 'New pairing' }).click();
  const mentee = page.getByRole('group', { name: 'Mentee' });
  // Mentors are not offered as mentees.
  await expect(mentee.getByRole('radio')).toHaveCount(2);
  await expect(mentee.getByText('2 mentees.')).toBeVisible();
  await mentee.getByLabel('Find the mentee').fill('LEA');
  await expect(mentee.getByRole('radio')).toHaveCount(1);
  // From the keyboard: Tab to the match, Space chooses it; the program and the mentors follow.
  await mentee.getByLabel('Find the mentee').press('Tab');
  await expect(mentee.getByRole('radio', { name: /Léa Martin/ })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(mentee.getByRole('radio', { name: /Léa Martin/ })).toBeChecked();
  await page.getByLabel('Program').selectOption({ label: `${PROGRAM} (meets every 14 days)` });
  await expect(
    page.getByRole('group', { name: 'Choose a mentor' }).getByRole('radio', { name: /Amara Okafor/ }),
  ).toBeVisible();
  // A search that finds nobody keeps the chosen mentee in view and chosen.
  await mentee.getByLabel('Find the mentee').fill('nobody');
  await expect(mentee.getByText('No mentee matches that search.')).toBeVisible();
  await expect(mentee.getByRole('radio', { name: /Léa Martin/ })).toBeChecked();

  // Leaving the half-made pairing asks first.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.getByRole('button', { name: 'Leave and discard' }).click();
  await page.getByRole('table', { name: 'People' }).getByRole('link', { name: 'Ben Roy' }).click();
  await page.getByRole('link', { name: 'New pairing' }).click();
  await expect(
    page.getByRole('group', { name: 'Mentee' }).getByRole('radio', { name: /Ben Roy/ }),
  ).toBeChecked();
});

test('New pairing shows the best 25 mentors for the mentee and finds any other one by typing', async ({
  page,
}) => {
  await startEmpty(page);
  await addProgram(page, PROGRAM, 14);
  // Thirty mentors from a roster: Zed Zulu shares the mentee's specialty and an interest (last by name
  // all the same), Ada Ames and Bo Berg one of them; the others share nothing, and Yara Young comes last.
  const mentors = Array.from({ length: 26 }, (_, at) => {
    const name = `Mentor ${String.fromCharCode(65 + (at % 26))}${at}`;
    return `${name},m${at}@clinic.example,Physician,Family medicine,Teaching,yes,no,2`;
  });
  const roster = [
    'Name,Email,Profession,Specialty,Tags,Mentor,Mentee,Mentor capacity',
    ...mentors,
    'Zed Zulu,zed@clinic.example,Physician,Pediatrics,Research,yes,no,2',
    'Ada Ames,ada@clinic.example,Physician,Pediatrics,Teaching,yes,no,2',
    'Bo Berg,bo@clinic.example,Physician,Family medicine,research,yes,no,2',
    'Yara Young,yara@clinic.example,Physician,Psychiatry,Wellness,yes,no,2',
    'Lin Lowe,lin@clinic.example,Nurse,Pediatrics,Research;Triage,no,yes,',
  ].join('\r\n');
  await importRoster(page, roster, 31);
  await expect(page.getByRole('heading', { name: 'Imported 31 people' })).toBeFocused();

  await goTo(page, 'Relationships');
  await page.getByRole('link', { name: 'New pairing' }).click();
  await chooseMentee(page, 'Lin Lowe');
  await page.getByLabel('Program').selectOption({ label: `${PROGRAM} (meets every 14 days)` });
  const choice = page.getByRole('group', { name: 'Choose a mentor' });
  await expect(choice.getByText('Showing the best 25 of 30 mentors. Type to narrow the list.')).toBeVisible();
  const radios = choice.getByRole('radio');
  await expect(radios).toHaveCount(25);
  // Both shared first, then one shared (the least busy, then by name), then the rest by name.
  await expect(radios.nth(0)).toHaveAccessibleName(/^Zed Zulu/);
  await expect(radios.nth(1)).toHaveAccessibleName(/^Ada Ames/);
  await expect(radios.nth(2)).toHaveAccessibleName(/^Bo Berg/);
  await expect(radios.nth(3)).toHaveAccessibleName(/^Mentor A0/);
  await expect(choice.getByRole('radio', { name: /Yara Young/ })).toHaveCount(0);

  // Typing looks through every mentor, not only those shown.
  await choice.getByLabel('Find a mentor').fill('yara');
  await expect(choice.getByText('1 mentor, those with room first.')).toBeVisible();
  await choice.getByRole('radio', { name: /Yara Young/ }).check();
  await choice.getByLabel('Find a mentor').fill('');
  await expect(choice.getByText('Showing the best 25 of 30 mentors. Type to narrow the list.')).toBeVisible();
  // The chosen mentor stays in view and chosen.
  await expect(choice.getByRole('radio', { name: /Yara Young/ })).toBeChecked();
  await expect(radios).toHaveCount(26);
});
