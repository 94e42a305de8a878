import type { Page } from '@playwright/test';
import { addProgram, day, pair } from './clinic-steps';
import { expect, goTo, startEmpty, test } from './helpers';

// Names typed on one computer and pasted from another: "José" with é as one character, or as e plus a
// combining accent. Both are the same person, and every search ignores accents and capitals.

const COMPOSED = 'Jos\u00e9 Ruiz';
const DECOMPOSED = 'Jose\u0301 Ruiz';

async function fillPerson(page: Page, name: string, email: string, role: 'mentor' | 'mentee') {
  await goTo(page, 'People');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Email').fill(email);
  if (role === 'mentor') {
    await page.getByLabel('Mentors others').check();
    await page.getByLabel('Is mentored').uncheck();
    await page.getByLabel('Mentor capacity').fill('2');
  }
  await page.getByRole('button', { name: 'Add person' }).click();
}

test('a name pasted with a decomposed accent is the same person, and searches ignore accents and capitals', async ({
  page,
}) => {
  await startEmpty(page);
  await addProgram(page, 'New-graduate nurse residency', 14);
  await fillPerson(page, 'Léa Martin', 'Lea.Martin@clinic.example', 'mentor');
  await expect(page.getByRole('heading', { level: 1, name: 'Léa Martin' })).toBeVisible();
  await fillPerson(page, DECOMPOSED, 'jose.ruiz@clinic.example', 'mentee');
  await expect(page.getByRole('heading', { level: 1, name: COMPOSED })).toBeVisible();

  // The same José typed the other way round is flagged before a second record is made.
  await fillPerson(page, COMPOSED, 'JOSE.RUIZ@clinic.example', 'mentee');
  await expect(page.getByRole('alert')).toContainText(
    `${COMPOSED} (jose.ruiz@clinic.example) is already in your records`,
  );
  await page.getByRole('alert').getByRole('link', { name: 'Open their record' }).click();
  await goTo(page, 'People');
  const people = page.getByRole('table', { name: 'People' });
  await expect(people.getByRole('link', { name: COMPOSED })).toHaveCount(1);

  const search = page.getByRole('search', { name: 'Find people' }).getByLabel('Search');
  await search.fill('lea');
  await expect(people.getByRole('link')).toHaveText(['Léa Martin']);
  await search.fill('JOSE');
  await expect(people.getByRole('link')).toHaveText([COMPOSED]);
  await search.fill('lea.martin@');
  await expect(people.getByRole('link')).toHaveText(['Léa Martin']);

  await pair(page, COMPOSED, 'Léa Martin', day(10));
  await goTo(page, 'Log a meeting');
  const find = page.getByLabel('Find the pair that met');
  const pairs = page.getByRole('list', { name: 'Active pairs' });
  await find.fill('jose lea');
  await expect(pairs.getByRole('link', { name: `${COMPOSED} with Léa Martin` })).toBeVisible();
  await find.fill('JOSE.RUIZ@CLINIC');
  await expect(pairs.getByRole('link', { name: `${COMPOSED} with Léa Martin` })).toBeVisible();
  await find.fill('nobody');
  await expect(pairs.getByRole('link')).toHaveCount(0);
});
