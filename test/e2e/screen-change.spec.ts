import { expect, startEmpty, test } from './helpers';

// A screen whose code is not loaded yet (a click in the first moments after the start) keeps the screen
// before on view until its code is there, instead of a "Loading" line that React keeps on view for at
// least 300 ms once shown: the next screen shows as soon as its code has arrived.

test('a screen whose code is still loading keeps the screen before on view, then shows without a Loading line', async ({
  page,
}) => {
  // The People screen's code is held back until the test lets it through.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let asked = false;
  await page.route(/\/assets\/PeopleScreen-[^/]+\.js$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await startEmpty(page);
  // Whether the main region ever says it is opening a screen (its code loading) from now on; the screen's
  // own "Loading…" while its records are read is another matter.
  await page.evaluate(() => {
    const flags = window as unknown as { sawLoading: boolean };
    flags.sawLoading = false;
    new MutationObserver(() => {
      if (document.querySelector('main .loading')?.textContent?.startsWith('Opening the screen'))
        flags.sawLoading = true;
    }).observe(document, { subtree: true, childList: true });
  });

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'People', exact: true })
    .click();
  await expect.poll(() => asked).toBe(true);
  // While the code is held back, the dashboard stays on view, whole.
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toHaveCount(0);

  release();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sawLoading: boolean }).sawLoading)).toBe(false);
});
