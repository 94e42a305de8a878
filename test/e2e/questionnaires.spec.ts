import type { Page } from '@playwright/test';
import { format, subDays, subMonths } from 'date-fns';
import { addPerson, addProgram, day, logMeetingHere, PROGRAM, pair } from './clinic-steps';
import {
  expect,
  expectNoSeriousViolations,
  goTo,
  loadSampleData,
  openApp,
  startEmpty,
  test,
} from './helpers';
import { expectLocked, turnLockOn, unlock } from './lock-steps';

// The private hand-over of a questionnaire, in real Chromium IndexedDB: the person answering sees only
// their questionnaire, whatever they type or press; it ends where it should; a high burnout answer
// shows the clinic's contacts, and only a "yes" reaches the manager's dashboard.

const BURNOUT = 'Well-being check (single-item burnout measure)';
const EAP = 'CareFirst EAP, 0800 123 456, weekdays 8–20';

async function openQuestionnaires(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questionnaires' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Questionnaires' })).toBeVisible();
}

async function handOver(page: Page, questionnaire: string, person: string) {
  await openQuestionnaires(page);
  await page.getByLabel('Questionnaire', { exact: true }).selectOption({ label: questionnaire });
  const answering = page.getByRole('group', { name: 'Person answering' });
  await answering.getByLabel('Find the person').fill(person);
  await answering.getByRole('radio', { name: new RegExp(person) }).check();
  await page.getByRole('button', { name: 'Start and hand over' }).click();
  await expect(page.getByRole('heading', { level: 1, name: questionnaire })).toBeVisible();
}

async function clinicWithOnePerson(page: Page) {
  await startEmpty(page);
  await addPerson(page, 'Noor Haddad', 'mentee');
}

async function expectOnlyTheQuestionnaire(page: Page, title: string) {
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('link')).toHaveCount(0);
}

/** The stored responses, read from the page's IndexedDB (ids and dates only are looked at). */
async function storedResponses(
  page: Page,
): Promise<{ questionnaireId: string; relationshipId: string | null }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('guiding-hands');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = db.transaction('responses').objectStore('responses').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return all.map((response) => ({
      questionnaireId: response.questionnaireId as string,
      relationshipId: (response.relationshipId as string | null) ?? null,
    }));
  });
}

test('the person answering cannot reach any other screen by address, Back, reload or keyboard', async ({
  page,
}) => {
  await clinicWithOnePerson(page);
  await handOver(page, BURNOUT, 'Noor Haddad');
  await expectOnlyTheQuestionnaire(page, BURNOUT);
  await expect(page.getByText('For Noor Haddad')).toBeVisible();

  // Typed addresses show the questionnaire, not the screen they name.
  for (const route of ['/people', '/settings', '/backup', '/']) {
    await page.goto(`/index.html#${route}`);
    await expectOnlyTheQuestionnaire(page, BURNOUT);
  }
  await page.goBack();
  await expectOnlyTheQuestionnaire(page, BURNOUT);
  await page.keyboard.press('Alt+ArrowLeft');
  await page.reload();
  await expectOnlyTheQuestionnaire(page, BURNOUT);

  // Every stop of the Tab key is a control of the questionnaire itself.
  const stops = new Set<string>();
  for (let press = 0; press < 20; press++) {
    await page.keyboard.press('Tab');
    stops.add(
      await page.evaluate(() => {
        const active = document.activeElement;
        if (!active || active === document.body) return 'body';
        return `${active.tagName.toLowerCase()}:${active.getAttribute('type') ?? ''}:${active.textContent?.trim() ?? ''}`;
      }),
    );
  }
  for (const stop of stops)
    expect(stop, 'a Tab stop outside the questionnaire').toMatch(
      /^(body|input:radio:|button:(submit|button):(Send my answers|Stop without saving))$/,
    );
  await expect(page.getByText('Noor Haddad', { exact: false })).toHaveCount(1);
  // The search's shortcuts open nothing either.
  for (const key of ['Control+k', '/', 'Escape']) {
    await page.keyboard.press(key);
    await expectOnlyTheQuestionnaire(page, BURNOUT);
    await expect(page.getByRole('search')).toHaveCount(0);
    await expect(page.getByRole('combobox')).toHaveCount(0);
  }
});

test('stopping without saving asks first, then goes back to the manager’s screen and keeps nothing', async ({
  page,
}) => {
  await clinicWithOnePerson(page);
  await handOver(page, 'Session rating', 'Noor Haddad');
  await page
    .getByRole('group', { name: /How useful was this meeting/ })
    .getByRole('radio', { name: /5/ })
    .check();
  await page.getByRole('button', { name: 'Stop without saving' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stop without saving?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousViolations(page, 'stop without saving');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session rating' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop without saving' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Stop and hand back' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Questionnaires' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  // A reload now stays on the manager's screens: the hand-over is over.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Questionnaires' })).toBeVisible();
});

test('a high burnout answer shows the clinic’s contacts at once, and a "yes" reaches the dashboard as a name only', async ({
  page,
}) => {
  await clinicWithOnePerson(page);
  await goTo(page, 'Settings');
  await expect(page.getByText("Please fill in your clinic's support contacts.")).toBeVisible();
  await page.getByLabel('Employee assistance program').fill(EAP);
  await page.getByLabel('Crisis line').fill('Samaritans 116 123, day and night');
  await page.getByRole('button', { name: 'Save support contacts' }).click();
  await expect(page.getByText('Support contacts saved.')).toBeVisible();
  await expectNoSeriousViolations(page, 'settings with well-being support');

  await handOver(page, BURNOUT, 'Noor Haddad');
  await expectNoSeriousViolations(page, 'hand-over questionnaire');
  // Sending nothing is refused in words.
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Please answer at least one question, or stop without saving.',
  );
  await page.getByRole('radio', { name: /I am definitely burning out/ }).check();
  await page.getByRole('button', { name: 'Send my answers' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Support is here for you' })).toBeFocused();
  await expect(page.getByText(EAP)).toBeVisible();
  await expect(page.getByText('Samaritans 116 123, day and night')).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Would you like the program manager to contact you?' }),
  ).toBeVisible();
  await expectNoSeriousViolations(page, 'support offer');
  await page.getByRole('button', { name: 'Yes, please contact me' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await expect(page.getByText('The program manager will get in touch with you.')).toBeVisible();
  await page.getByRole('button', { name: 'Finish and hand back' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Questionnaires' })).toBeVisible();
  await goTo(page, 'Dashboard');
  const task = page.getByRole('region', { name: 'Asked to be contacted' });
  await expect(task.getByRole('listitem')).toHaveCount(1);
  await expect(task.getByRole('listitem')).toContainText('Noor Haddad asked to be contacted');
  await expect(task).not.toContainText(/burn|exhaust|symptom/i);
  await expectNoSeriousViolations(page, 'dashboard with a request for contact');
  await task.getByRole('button', { name: 'Mark Noor Haddad as contacted' }).click();
  await expect(task).toHaveCount(0);
});

test('a "no, thank you" or a low answer tells the manager nothing', async ({ page }) => {
  await clinicWithOnePerson(page);
  await handOver(page, BURNOUT, 'Noor Haddad');
  await page.getByRole('radio', { name: /completely burned out/ }).check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  // No contacts filled in: the person is still pointed to help.
  await expect(page.getByText('Your own doctor can help you find support.')).toBeVisible();
  await page.getByRole('button', { name: 'No, thank you' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await expect(page.getByText('The program manager will get in touch with you.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Finish and hand back' }).click();

  await handOver(page, BURNOUT, 'Noor Haddad');
  await page.getByRole('radio', { name: /I enjoy my work/ }).check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await page.getByRole('button', { name: 'Finish and hand back' }).click();
  await goTo(page, 'Dashboard');
  await expect(page.getByRole('region', { name: 'Asked to be contacted' })).toHaveCount(0);
});

test('a pairing-fit check falls due a month into a pairing and is handed over from the dashboard', async ({
  page,
}) => {
  await startEmpty(page);
  await addProgram(page, PROGRAM, 14);
  await addPerson(page, 'Dana Whitfield', 'mentor');
  await addPerson(page, 'Noor Haddad', 'mentee');
  await pair(
    page,
    'Noor Haddad',
    'Dana Whitfield',
    format(subDays(subMonths(new Date(), 1), 3), 'yyyy-MM-dd'),
  );
  // A meeting logged and deleted: its notice, with its Undo, is still up as the computer is handed over.
  await logMeetingHere(page, day(2), 'Went over the first month.');
  await page.getByRole('button', { name: /^Delete the meeting of/ }).click();
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  await goTo(page, 'Dashboard');
  const due = page.getByRole('region', { name: 'Questionnaires due' });
  await expect(due.getByRole('listitem')).toContainText('Pairing-fit check, 1 month');
  await expectNoSeriousViolations(page, 'dashboard with questionnaires due');
  // The pointer on the notice holds its clock; leaving it for the hand-over button starts a full 10 s again,
  // so a notice gone within 2 s is the hand-over's doing.
  await undo.hover();
  await due.getByRole('button', { name: 'Hand over to Noor Haddad' }).click();
  await expect(undo).toHaveCount(0, { timeout: 2_000 });
  await expectOnlyTheQuestionnaire(page, 'Pairing-fit check');
  await expect(page.getByText('about your mentoring with Dana Whitfield')).toBeVisible();
  for (const group of await page.getByRole('group').all()) await group.getByRole('radio').nth(2).check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('button', { name: 'Finish and hand back' }).click();
  // Back where the manager started; the mentor still has to answer.
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(due.getByRole('button', { name: 'Hand over to Noor Haddad' })).toHaveCount(0);
  await expect(due.getByRole('button', { name: 'Hand over to Dana Whitfield' })).toBeVisible();
});

test('the clinic writes its own questionnaire, with clear messages, and deletes it only after asking', async ({
  page,
}) => {
  await clinicWithOnePerson(page);
  await openQuestionnaires(page);
  await expect(page.getByText('No questionnaires of your own yet.')).toBeVisible();
  await expectNoSeriousViolations(page, 'questionnaires');
  await page.getByRole('button', { name: 'New questionnaire' }).click();
  await page.getByRole('button', { name: 'Save questionnaire' }).click();
  await expect(page.getByRole('alert')).toContainText('The questionnaire needs a title.');
  await page.getByLabel('Title').fill('New-starter check-in');
  await page.getByLabel('Question 1: words').fill('I know whom to ask when unsure.');
  await page.getByLabel('Question 1: lowest point means').fill('Never');
  await page.getByLabel('Question 1: highest point means').fill('Always');
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByLabel('Question 2: kind').selectOption({ label: 'A choice among options' });
  await page.getByLabel('Question 2: words').fill('Which shift suits you?');
  await page.getByLabel('Question 2: options, one per line').fill('Days\nNights');
  await expectNoSeriousViolations(page, 'new questionnaire form');
  await page.getByRole('button', { name: 'Save questionnaire' }).click();
  const list = page.getByRole('list', { name: "Your clinic's questionnaires" });
  await expect(list).toContainText('New-starter check-in');
  await expect(list).toContainText('2 questions, 0 answers');

  await list.getByRole('button', { name: 'Delete New-starter check-in' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(list).toContainText('New-starter check-in');
  await list.getByRole('button', { name: 'Delete New-starter check-in' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete questionnaire' }).click();
  await expect(page.getByText('No questionnaires of your own yet.')).toBeVisible();
});

test('with the clinic lock on, a finished hand-over ends at the lock screen', async ({ page }) => {
  await clinicWithOnePerson(page);
  await turnLockOn(page);
  await unlock(page);
  await handOver(page, 'Session rating', 'Noor Haddad');
  await page
    .getByRole('group', { name: /How useful was this meeting/ })
    .getByRole('radio', { name: /4/ })
    .check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('button', { name: 'Finish and hand back' }).click();
  await expectLocked(page);
  await openApp(page, '/questionnaires');
  await expectLocked(page);
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Session rating' })).toHaveCount(0);
});

test('the report shows questionnaire figures in aggregate only, and support offered under 5 as "fewer than 5"', async ({
  page,
}) => {
  await loadSampleData(page);
  await goTo(page, 'Reports');
  const section = page.getByRole('region', { name: 'Questionnaires' });
  await expect(section.getByRole('table', { name: 'Questionnaire response rates' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(section.getByRole('row').filter({ hasText: 'Pairing-fit check' }).first()).toContainText('%');
  const support = page.getByRole('table', { name: 'Well-being support offered and accepted' });
  await expect(support.getByRole('row').nth(1)).toHaveText(/fewer than 5\s*fewer than 5/);
  // The demo's burnout answers come from fewer than 5 people at the high end: the shares per option
  // are shown only because at least 5 answered; no name appears anywhere in the section.
  await expect(section).not.toContainText(/Noor|Dana|asked to be contacted/);
  await expectNoSeriousViolations(page, 'reports with questionnaires');
});

test('after a meeting, the pairing page hands the one-minute session rating to the mentee and comes back', async ({
  page,
}) => {
  await startEmpty(page);
  await addProgram(page, PROGRAM, 14);
  await addPerson(page, 'Dana Whitfield', 'mentor');
  await addPerson(page, 'Noor Haddad', 'mentee');
  await pair(page, 'Noor Haddad', 'Dana Whitfield', day(10));
  // No meeting yet: nothing to rate.
  await expect(page.getByRole('region', { name: 'Session rating' })).toHaveCount(0);
  await logMeetingHere(page, day(0), 'Talked through the first night shifts.');
  const card = page.getByRole('region', { name: 'Session rating' });
  await expect(card.getByRole('button', { name: 'Hand over to Dana Whitfield' })).toBeVisible();
  await expectNoSeriousViolations(page, 'pairing page with the session rating');

  await card.getByRole('button', { name: 'Hand over to Noor Haddad' }).click();
  await expectOnlyTheQuestionnaire(page, 'Session rating');
  await expect(page.getByText('For Noor Haddad, about your mentoring with Dana Whitfield')).toBeVisible();
  for (const group of await page.getByRole('group').all()) await group.getByRole('radio').nth(3).check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await expectNoSeriousViolations(page, 'thank-you step');
  await page.getByRole('button', { name: 'Finish and hand back' }).click();

  // Back on the pairing page the manager started from, and the rating is kept for this pairing.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Noor Haddad with Dana Whitfield' }),
  ).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const pairingId = page.url().split('/relationships/')[1];
  expect(await storedResponses(page)).toEqual([
    { questionnaireId: 'builtin-session-rating', relationshipId: pairingId },
  ]);
});

test('with the clinic lock on, locking in the middle of a hand-over abandons it: after the unlock the manager is back, nothing kept', async ({
  page,
}) => {
  await clinicWithOnePerson(page);
  await turnLockOn(page);
  await unlock(page);
  await handOver(page, BURNOUT, 'Noor Haddad');
  await page.getByRole('radio', { name: /I am definitely burning out/ }).check();
  await page.keyboard.press('Control+l');
  await expectLocked(page);
  await unlock(page);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: BURNOUT })).toHaveCount(0);
  await page.reload();
  await expectLocked(page);
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: BURNOUT })).toHaveCount(0);
  expect(await storedResponses(page)).toEqual([]);
});
