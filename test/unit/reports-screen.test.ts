import { describe, expect, it } from 'vitest';
import { computeReport } from '../../renderer/domain/reports/compute-report';
import { resolvePeriod } from '../../renderer/domain/reports/period';
import { letterMentors, shortenReport } from '../../renderer/domain/reports/screen-report';
import { buildFixture, PERIOD_END, PERIOD_START, TODAY } from './reports-fixture';

const period = resolvePeriod({ kind: 'custom', start: PERIOD_START, end: PERIOD_END }, TODAY);

describe('the report as the screen receives it', () => {
  const report = computeReport(buildFixture(), {
    period,
    programIds: 'all',
    today: TODAY,
    generatedAt: '2025-03-01T10:00:00.000Z',
    appVersion: '1.2.3',
  });

  it('cuts the long tables to the lines shown and says how many the whole report has', () => {
    const { report: shown, totals } = shortenReport(report, 1);
    expect(report.evidence.rows.length).toBeGreaterThan(1);
    expect(shown.evidence.rows).toEqual(report.evidence.rows.slice(0, 1));
    expect(shown.compliance.pairs).toEqual(report.compliance.pairs.slice(0, 1));
    expect(shown.census.mentorLoad).toEqual(report.census.mentorLoad.slice(0, 1));
    expect(totals).toEqual({
      evidenceRows: report.evidence.rows.length,
      compliancePairs: report.compliance.pairs.length,
      mentorLoad: report.census.mentorLoad.length,
    });
  });

  it('keeps every figure and short list as the whole report has them', () => {
    const { report: shown } = shortenReport(report, 1);
    expect(shown.compliance.totals).toEqual(report.compliance.totals);
    expect(shown.compliance.programs).toEqual(report.compliance.programs);
    expect(shown.topics).toEqual(report.topics);
    expect(shown.followUp).toEqual(report.followUp);
    expect(shown.retention).toEqual(report.retention);
    expect(shown.evidence.confidentialMeetings).toBe(report.evidence.confidentialMeetings);
  });

  it('offers letters for mentors and for anyone who mentored a pair, by name', () => {
    const people = [
      { id: 'z', name: 'Zoe', isMentor: true },
      { id: 'b', name: 'Ben', isMentor: false },
      { id: 'c', name: 'Cara', isMentor: false },
    ];
    expect(letterMentors(people, ['b', 'b'])).toEqual([
      { id: 'b', name: 'Ben' },
      { id: 'z', name: 'Zoe' },
    ]);
  });
});
