// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { isSealed } from '../../renderer/data/lock/seal';
import { loadQuestionnaireReportData } from '../../renderer/data/questionnaires.repo';
import { openInlineSession } from '../../renderer/data/report-session';
import { loadReportData } from '../../renderer/data/reports.repo';
import { answeredSet } from '../../renderer/domain/questionnaires/schedule';
import { type PeriodChoice, resolvePeriod } from '../../renderer/domain/reports/period';
import { computeQuestionnairesSection } from '../../renderer/domain/reports/questionnaires';
import { loadSampleClinic } from '../../renderer/sample-clinic/load-sample-clinic';
import { freshDatabasePerTest, LOCKED_CONFIGURATION, sealedAtRest, TODAY } from './helpers';

// The report reads only the period's questionnaire responses (by their answer date) and learns who
// answered each pair's scheduled questionnaires from the pairs' own summary, instead of every response
// ever given. Over a generated clinic, for several periods and programs, its questionnaires section must
// be the very section computed from every response and every pair, read whole through the app's reads.

const db = freshDatabasePerTest();

const CHOICES: PeriodChoice[] = [
  { kind: 'last-12-months' },
  { kind: 'custom', start: '2024-02-01', end: '2024-04-30' },
  { kind: 'calendar-year', year: 2023 },
  { kind: 'custom', start: '2022-01-01', end: TODAY },
];

async function clinic() {
  await loadSampleClinic({
    seed: 5,
    size: { people: 60, relationships: 90, meetings: 900 },
    today: TODAY,
  });
  return (await db().programs.toArray()).map((program) => program.id);
}

describe("the report's questionnaires section, read for its period only", () => {
  it('equals the section computed from every response, for each period and program', async () => {
    const programIds = await clinic();
    const total = await db().responses.count();
    expect(total).toBeGreaterThan(20);
    let narrower = 0;
    let shown = 0;
    for (const choice of CHOICES) {
      const period = resolvePeriod(choice, TODAY);
      for (const chosen of ['all' as const, ...programIds.map((id) => [id])]) {
        const whole = computeQuestionnairesSection({
          period,
          ...(await loadQuestionnaireReportData(chosen)),
        });
        const session = openInlineSession();
        const made = await session.make(
          {
            period,
            programIds: chosen,
            today: TODAY,
            generatedAt: `${TODAY}T12:00:00.000Z`,
            appVersion: 'test',
            screenRows: 10,
          },
          () => undefined,
        );
        session.close();
        expect(made.questionnaires).toEqual(whole);
        shown += whole.results.filter((result) => result.shown).length;
      }
      const read = (await loadReportData(period)).questionnaires;
      if ((read?.responses.length ?? 0) < total) narrower++;
    }
    // The test means something: figures are shown, and some periods read fewer responses than exist.
    expect(shown).toBeGreaterThan(0);
    expect(narrower).toBeGreaterThan(0);
  });

  it("learns who answered from the pairs' summary exactly as from every response", async () => {
    await clinic();
    const period = resolvePeriod({ kind: 'last-12-months' }, TODAY);
    const data = await loadReportData(period);
    const every = await db().responses.toArray();
    expect(data.questionnaires?.answered.length).toBeGreaterThan(0);
    expect(
      answeredSet(data.questionnaires?.answered ?? [])
        .keys()
        .sort(),
    ).toEqual(
      answeredSet(every.filter((response) => response.relationshipId !== null))
        .keys()
        .sort(),
    );
    expect(data.questionnaires?.responses.length).toBe(
      every.filter((response) => response.answeredOn >= period.start && response.answeredOn <= period.end)
        .length,
    );
  });

  it.runIf(LOCKED_CONFIGURATION)('opens the sealed answers it reads, with the lock on', async () => {
    await clinic();
    const stored = await db().responses.toCollection().raw().first();
    expect(sealedAtRest('responses', stored as unknown as Record<string, unknown>, 'answers')).toBe(true);
    const period = resolvePeriod({ kind: 'custom', start: '2022-01-01', end: TODAY }, TODAY);
    const data = await loadReportData(period);
    const answers = data.questionnaires?.responses.map((response) => response.answers) ?? [];
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(isSealed(answer)).toBe(false);
  });
});
