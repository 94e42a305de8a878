import { type AccreditationReport, computeReport } from '../domain/reports/compute-report';
import type { ReportPeriod } from '../domain/reports/period';
import { computeQuestionnairesSection, type QuestionnairesSection } from '../domain/reports/questionnaires';
import { computeRecognitionLetter, type RecognitionLetter } from '../domain/reports/recognition-letter';
import type { ReportData } from '../domain/reports/report-data';
import { letterMentors, type ScreenReport, shortenReport } from '../domain/reports/screen-report';
import type { Id, IsoDate, IsoTimestamp, Relationship } from '../domain/types';
import type { GuidingHandsDb } from './db';
import {
  loadReportData,
  type OpenEndReasons,
  type OpenResponses,
  type ReportLoadProgress,
} from './reports.repo';

// Makes reports and letters and keeps what they were made from. The same code runs in the report
// worker (report-session.worker.ts), away from the window, or inline where there are no workers (tests in
// Node). The period's data (lean copies of its records: report-records.ts) is kept while the screen is
// open, so choosing another program, or a letter, reads nothing again; the whole report is kept so the
// PDF and the files need no second computation.

export interface ReportRequest {
  period: ReportPeriod;
  programIds: Id[] | 'all';
  today: IsoDate;
  generatedAt: IsoTimestamp;
  appVersion: string;
  /** How many lines of a long table the screen shows. */
  screenRows: number;
}

export type ReportProgress = ReportLoadProgress | { step: 'figures' };

export interface MadeReport extends ScreenReport {
  /** Who a recognition letter can be made for. */
  mentors: { id: Id; name: string }[];
  /** The questionnaires section, in aggregate only (null when the data had none to count). */
  questionnaires: QuestionnairesSection | null;
}

/** Thrown when a newer request replaced the one being worked on. */
export class ReportSuperseded extends Error {
  constructor() {
    super('A newer report was asked for.');
    this.name = 'ReportSuperseded';
  }
}

export class ReportEngine {
  private data: { key: string; value: ReportData } | null = null;
  private report: AccreditationReport | null = null;
  private period: ReportPeriod | null = null;

  constructor(
    private readonly db: () => GuidingHandsDb,
    /** Where sealed end reasons are opened (the window, which holds the clinic's key). */
    private readonly openEndReasons?: OpenEndReasons,
    /** How the period's sealed questionnaire answers are opened (a worker is lent the key). */
    private readonly openResponses?: OpenResponses,
  ) {}

  async make(
    request: ReportRequest,
    onProgress: (progress: ReportProgress) => void,
    stillWanted: () => boolean,
  ): Promise<MadeReport> {
    const check = () => {
      if (!stillWanted()) throw new ReportSuperseded();
    };
    const key = `${request.period.start}|${request.period.end}`;
    if (this.data?.key !== key) {
      this.data = null;
      this.report = null;
      const value = await loadReportData(request.period, {
        db: this.db(),
        onProgress,
        checkStillWanted: check,
        openEndReasons: this.openEndReasons,
        openResponses: this.openResponses,
      });
      this.data = { key, value };
    }
    check();
    onProgress({ step: 'figures' });
    const data = this.data.value;
    const report = computeReport(data, {
      period: request.period,
      programIds: request.programIds,
      today: request.today,
      generatedAt: request.generatedAt,
      appVersion: request.appVersion,
    });
    const questionnaires = data.questionnaires
      ? computeQuestionnairesSection({
          period: request.period,
          questionnaires: data.questionnaires.questionnaires,
          responses: data.questionnaires.responses,
          answered: data.questionnaires.answered,
          relationships: inPrograms(data.relationships, request.programIds),
        })
      : null;
    check();
    this.report = report;
    this.period = request.period;
    return {
      ...shortenReport(report, request.screenRows),
      questionnaires,
      mentors: letterMentors(
        data.people,
        data.relationships.map((pair) => pair.mentorId),
      ),
    };
  }

  /** The last report made, every line of it (for the PDF and the files). */
  full(): AccreditationReport {
    if (!this.report) throw new Error('No report has been made yet.');
    return this.report;
  }

  /** A mentor's recognition letter for the period of the last report made. */
  letter(mentorId: Id): RecognitionLetter {
    if (!this.data || !this.period) throw new Error('No report has been made yet.');
    return computeRecognitionLetter(this.data.value, this.period, mentorId);
  }
}

/** The pairs of the chosen programs (every pair for all programs). */
function inPrograms(pairs: Relationship[], programIds: Id[] | 'all'): Relationship[] {
  if (programIds === 'all') return pairs;
  const chosen = new Set(programIds);
  return pairs.filter((pair) => chosen.has(pair.programId));
}
