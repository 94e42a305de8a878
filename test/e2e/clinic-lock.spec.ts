import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addPerson, addProgram, PROGRAM } from './clinic-steps';
import { expect, goTo, startEmpty, test } from './helpers';
import { CLINIC_PASSPHRASE, expectLocked, expectPassphraseWorkers, turnLockOn, unlock } from './lock-steps';

// Being locked and unlocking, in real Chromium IndexedDB.

async function expectNoAccessibilityProblems(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test.describe('with the clinic lock on', () => {
  test('the app starts locked, showing only the clinic name and the passphrase field, focused', async ({
    page,
  }) => {
    await startEmpty(page, 'Riverside Family Clinic');
    await addPerson(page, 'Dana Whitfield', 'mentor');
    await turnLockOn(page);
    await expectLocked(page);
    await expect(page.getByText('Riverside Family Clinic')).toBeVisible();
    await expect(page.getByText('Dana Whitfield')).toHaveCount(0);
    await expect(page.getByLabel('Clinic passphrase')).toBeFocused();
    await expect(page).toHaveTitle('Locked — Guiding Hands');
    // Another route typed in the address bar shows the lock screen too.
    await page.goto('/index.html#/people');
    await expectLocked(page);
    await expect(page.getByText('Dana Whitfield')).toHaveCount(0);

    await expectNoAccessibilityProblems(page);

    await unlock(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  });

  test('a wrong passphrase gets a plain message and changes nothing; the right one opens', async ({
    page,
  }) => {
    await startEmpty(page);
    await turnLockOn(page);
    // The passphrase's worker is started as the lock screen shows, and again after a wrong try.
    await expectPassphraseWorkers(page, 1);
    await page.getByLabel('Clinic passphrase').fill('not the passphrase at all');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toHaveText(/does not open the clinic lock/);
    await expect(page.getByLabel('Clinic passphrase')).toHaveValue('');
    await expect(page.getByLabel('Clinic passphrase')).toBeFocused();
    await expectLocked(page);
    await expectPassphraseWorkers(page, 1);
    await unlock(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expectPassphraseWorkers(page, 0);
  });

  test('after five wrong passphrases the lock screen counts down the wait', async ({ page }) => {
    await startEmpty(page);
    await turnLockOn(page);
    const field = page.getByLabel('Clinic passphrase');
    for (let attempt = 1; attempt <= 4; attempt++) {
      await field.fill(`wrong guess number ${attempt}`);
      await field.press('Enter');
      await expect(page.getByRole('alert')).toHaveText(/does not open/);
      await expect(field).toHaveValue('');
    }
    await field.fill('wrong guess number 5');
    await field.press('Enter');
    await expect(page.getByText(/Too many wrong passphrases\. You can try again in 0:(30|29)/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Unlock' })).toBeDisabled();
    // The wait survives a reload: it is kept with the key ring, not in the page.
    await page.reload();
    await expect(page.getByText(/You can try again in 0:[0-3]\d/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Unlock' })).toBeDisabled();
  });

  test('the recovery sheet opens the clinic with a new passphrase; the old one no longer does', async ({
    page,
  }) => {
    await startEmpty(page, 'Riverside Family Clinic');
    const recoveryKey = await turnLockOn(page);
    await page.getByRole('button', { name: 'Use the recovery sheet' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Unlock with the recovery sheet' }),
    ).toBeVisible();
    await expect(page.getByLabel('Recovery key')).toBeFocused();
    await expectNoAccessibilityProblems(page);
    // The new passphrase's worker waits here too.
    await expectPassphraseWorkers(page, 1);

    const newPassphrase = 'violet harbour kettle ninety';
    const wrongKey = [...recoveryKey.replace(/-/g, '')].reverse().join('');
    await page.getByLabel('Recovery key').fill(wrongKey);
    await page.getByLabel('New clinic passphrase').fill(newPassphrase);
    await page.getByLabel('Type the passphrase again').fill(newPassphrase);
    await page.getByRole('button', { name: 'Unlock and set the new passphrase' }).click();
    await expect(page.getByRole('alert').first()).toHaveText(/recovery key does not open the clinic lock/);
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

    // The same strength floor as the backups.
    await page.getByLabel('Recovery key').fill(recoveryKey);
    await page.getByLabel('New clinic passphrase').fill('riverside1');
    await page.getByLabel('Type the passphrase again').fill('riverside1');
    await page.getByRole('button', { name: 'Unlock and set the new passphrase' }).click();
    await expect(page.getByRole('alert').first()).toHaveText(/too weak/i);
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

    await page.getByLabel('New clinic passphrase').fill(newPassphrase);
    await page.getByLabel('Type the passphrase again').fill(newPassphrase);
    await page.getByRole('button', { name: 'Unlock and set the new passphrase' }).click();
    // The new passphrase is stretched at the full cost (several seconds on a busy machine).
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 60_000 });
    await expectPassphraseWorkers(page, 0);

    await page.getByRole('button', { name: 'Lock now' }).click();
    await expectLocked(page);
    await page.getByLabel('Clinic passphrase').fill(CLINIC_PASSPHRASE);
    await page.getByLabel('Clinic passphrase').press('Enter');
    await expect(page.getByRole('alert')).toHaveText(/does not open the clinic lock/, { timeout: 60_000 });
    await unlock(page, newPassphrase);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  });

  test('Lock now in the header and Ctrl+L lock at once; Back does not bring the screen back', async ({
    page,
  }) => {
    await startEmpty(page);
    await addProgram(page, PROGRAM, 14);
    await addPerson(page, 'Dana Whitfield', 'mentor');
    await turnLockOn(page);
    await unlock(page);

    await goTo(page, 'People');
    await page.getByRole('link', { name: 'Dana Whitfield' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dana Whitfield' })).toBeVisible();
    await expect(page).toHaveTitle(/Dana Whitfield/);
    await page.getByRole('button', { name: 'Lock now' }).click();
    await expectLocked(page);
    await expect(page).toHaveTitle('Locked — Guiding Hands');
    await expectPassphraseWorkers(page, 1);
    await page.goBack();
    await expectLocked(page);
    await expect(page.getByText('Dana Whitfield')).toHaveCount(0);
    await unlock(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

    // A dialog open at the time goes with the screen, and does not come back after the unlock.
    await goTo(page, 'People');
    await page.getByRole('link', { name: 'Dana Whitfield' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('dialog', { name: 'Delete Dana Whitfield?' })).toBeVisible();
    await page.keyboard.press('Control+l');
    await expectLocked(page);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await unlock(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('after the chosen minutes without input the app locks itself; Back does not bring the screen back', async ({
    page,
  }) => {
    await page.clock.install();
    await startEmpty(page);
    await addPerson(page, 'Dana Whitfield', 'mentor');
    await turnLockOn(page);
    await unlock(page);
    await goTo(page, 'Settings');
    await page.getByLabel('Lock after minutes without use').fill('2');
    await page.getByRole('button', { name: 'Save clinic settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();

    await goTo(page, 'People');
    await expect(page.getByRole('link', { name: 'Dana Whitfield' })).toBeVisible();
    await page.clock.runFor(60_000);
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    await page.clock.runFor(61_000);
    await expectLocked(page);
    await expect(page.getByText('Dana Whitfield')).toHaveCount(0);
    await page.goBack();
    await expectLocked(page);
    await expect(page.getByText('Dana Whitfield')).toHaveCount(0);
  });

  test('the idle minutes are refused outside 1 to 30, in plain words', async ({ page }) => {
    await startEmpty(page);
    await goTo(page, 'Settings');
    await page.getByLabel('Lock after minutes without use').fill('45');
    await page.getByRole('button', { name: 'Save clinic settings' }).click();
    await expect(
      page.getByText('The lock wait must be a whole number of minutes from 1 to 30.'),
    ).toBeVisible();
  });
});

test('without a lock there is no Lock now, and Ctrl+L changes nothing', async ({ page }) => {
  await startEmpty(page);
  await expect(page.getByRole('button', { name: 'Lock now' })).toHaveCount(0);
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});
