import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousViolations, loadSampleData, openApp, test } from './helpers';
import { expectLocked, expectPassphraseWorkers, unlock } from './lock-steps';

// Settings → Privacy: the manager turns the clinic lock on (passphrase, recovery sheet, two groups typed
// back, sealing with progress), changes the passphrase, and turns the lock off again.

const PASSPHRASE = 'orchard lantern velvet 47 harbour';
const NEXT = 'copper meadow thistle 19 beacon';

/** Fills the lock's set-up in `card` (Settings → Privacy, or the welcome's offer) up to "The clinic lock is on." */
async function setUpLock(page: Page, card: Locator, passphrase: string, scan = false): Promise<void> {
  await card.getByLabel('Clinic passphrase', { exact: true }).fill(passphrase);
  await card.getByLabel('Type the passphrase again').fill(passphrase);
  await card.getByLabel('Where will the recovery sheet be kept?').fill('the locked drawer');
  await card.getByRole('button', { name: 'Next: the recovery sheet' }).click();
  await expect(card.getByRole('alert')).toContainText('Tick the box');
  await card.getByLabel(/I understand/).check();
  await card.getByRole('button', { name: 'Next: the recovery sheet' }).click();
  if (scan) await expectNoSeriousViolations(page, 'recovery sheet');

  await expect(card.getByText(/^AGE-SECRET-KEY-1/)).toBeVisible();
  const sheet = card.getByRole('list', { name: 'Recovery key' }).getByRole('listitem');
  await expect(sheet).toHaveCount(8);
  const groups = await sheet.allTextContents();
  const asked = await card
    .getByLabel(/^Group \d$/)
    .evaluateAll((inputs) =>
      inputs.map((input) =>
        Number(input.closest('.field')?.querySelector('label')?.textContent?.replace('Group ', '')),
      ),
    );
  // A wrong group first: refused in plain words, nothing turned on.
  await card.getByLabel(`Group ${asked[0]}`).fill('ZZZZ');
  await card.getByLabel(`Group ${asked[1]}`).fill(groups[(asked[1] as number) - 1] as string);
  await card.getByRole('button', { name: 'Turn on the clinic lock' }).click();
  await expect(card.getByRole('alert')).toContainText('not the ones on the sheet');
  await card.getByLabel(`Group ${asked[0]}`).fill((groups[(asked[0] as number) - 1] as string).toLowerCase());
  await card.getByRole('button', { name: 'Turn on the clinic lock' }).click();
  await expect(card.getByText('The clinic lock is on.')).toBeVisible({ timeout: 60_000 });
}

async function turnOnLock(page: Page, passphrase: string): Promise<void> {
  await openApp(page, '/settings');
  const card = page.getByRole('region', { name: 'Privacy and the clinic lock' });
  // Settings itself, open, starts no passphrase worker (not the screen before, still on view a moment).
  await expect(card).toBeVisible();
  await expectPassphraseWorkers(page, 0);
  await card.getByRole('button', { name: 'Turn on the clinic lock' }).click();
  // The passphrase's worker waits from the first step of the set-up, and goes once the lock is on.
  await expectPassphraseWorkers(page, 1);
  await expectNoSeriousViolations(page, 'Settings → Privacy');
  await setUpLock(page, card, passphrase, true);
  await expectPassphraseWorkers(page, 0);
}

test('the manager turns the clinic lock on, changes its passphrase and turns it off again', async ({
  page,
}) => {
  // Six passphrases stretched at the full cost (seconds each on a busy machine).
  test.setTimeout(240_000);
  await loadSampleData(page);
  await turnOnLock(page, PASSPHRASE);
  const card = page.getByRole('region', { name: 'Privacy and the clinic lock' });
  await card.getByRole('button', { name: 'Close' }).click();

  // A form closed unused leaves no worker behind.
  await card.getByRole('button', { name: 'Change the passphrase' }).click();
  await expectPassphraseWorkers(page, 1);
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expectPassphraseWorkers(page, 0);

  await card.getByRole('button', { name: 'Change the passphrase' }).click();
  await expectPassphraseWorkers(page, 1);
  await card.getByLabel('Current clinic passphrase').fill('not the passphrase');
  await card.getByLabel('New clinic passphrase').fill(NEXT);
  await card.getByLabel('Type the passphrase again').fill(NEXT);
  await card.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect(card.getByRole('alert')).toContainText('does not open the clinic lock', { timeout: 20_000 });
  await card.getByLabel('Current clinic passphrase').fill(PASSPHRASE);
  await card.getByRole('button', { name: 'Change the passphrase' }).click();
  // The current passphrase and the new one: two stretchings.
  await expect(page.getByText('The clinic passphrase is changed.')).toBeVisible({ timeout: 60_000 });
  await expectPassphraseWorkers(page, 0);

  await card.getByRole('button', { name: 'Turn off the clinic lock' }).click();
  await expectPassphraseWorkers(page, 1);
  await card.getByLabel('Clinic passphrase').fill(PASSPHRASE);
  await card.getByRole('button', { name: 'Turn off the clinic lock' }).click();
  await expect(card.getByRole('alert')).toContainText('does not open the clinic lock', { timeout: 20_000 });
  await card.getByLabel('Clinic passphrase').fill(NEXT);
  await card.getByRole('button', { name: 'Turn off the clinic lock' }).click();
  await expect(card.getByRole('button', { name: 'Turn on the clinic lock' })).toBeVisible({
    timeout: 60_000,
  });
  await expectPassphraseWorkers(page, 0);

  // The sample clinic's notes read as before.
  await openApp(page, '/relationships');
  await expect(page.getByRole('heading', { name: 'Relationships' })).toBeVisible();
});

test('a new clinic is offered the lock on the welcome, and then opens locked', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Clinic name').fill('Riverside Family Clinic');
  await page.getByRole('button', { name: 'Start empty' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Keep the notes private' })).toBeVisible();
  await expectNoSeriousViolations(page, 'welcome lock offer');
  const offer = page.getByRole('region', { name: 'The clinic lock (recommended)' });
  await offer.getByRole('button', { name: 'Set up the clinic lock' }).click();
  await setUpLock(page, offer, PASSPHRASE, true);
  await offer.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await page.reload();
  await expectLocked(page);
  await unlock(page, PASSPHRASE);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});
