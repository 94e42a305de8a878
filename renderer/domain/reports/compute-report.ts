import type { Id, IsoDate, IsoTimestamp, PaperSize } from '../types';
import { computePairCensus, type PairCensus } from './census';
import { computeMeetingCompliance, type MeetingCompliance } from './compliance';
import { computeEvidenceLog, type EvidenceLog } from './evidence-log';
import { computeFollowUp, type FollowUp } from './follow-up';
import { computeGoalsInPeriod, type GoalsInPeriod } from './goals';
import { computeMentorTraining, type MentorTraining } from './mentor-training';
import { computeMilestoneDebriefs, type MilestoneDebriefs } from './milestone-debriefs';
import type { ReportPeriod } from './period';
import { buildReportIndex, type ReportData } from './report-data';
import { computeRetention, type Retention } from './retention';
import { computeTopicsCovered, type TopicsCovered } from './topics';

// The whole accreditation report for a period: the header facts and every section.

export interface ReportOptions {
  period: ReportPeriod;
  /** 'all' or the ids of the programs to report on. */
  programIds: ReadonlyArray<Id> | 'all';
  today: IsoDate;
  generatedAt: IsoTimestamp;
  appVersion: string;
}

export interface AccreditationReport {
  clinicName: string;
  paperSize: PaperSize;
  period: ReportPeriod;
  programs: { id: Id; name: string; cadenceDays: number }[];
  allPrograms: boolean;
  generatedAt: IsoTimestamp;
  appVersion: string;
  census: PairCensus;
  compliance: MeetingCompliance;
  topics: TopicsCovered;
  followUp: FollowUp;
  goals: GoalsInPeriod;
  retention: Retention;
  training: MentorTraining;
  evidence: EvidenceLog;
  debriefs: MilestoneDebriefs;
}

export function computeReport(data: ReportData, options: ReportOptions): AccreditationReport {
  const index = buildReportIndex(data, options.period, options.programIds, options.today);
  return {
    clinicName: data.clinicName,
    paperSize: data.paperSize,
    period: options.period,
    programs: index.selectedPrograms.map((program) => ({
      id: program.id,
      name: program.name,
      cadenceDays: program.cadenceDays,
    })),
    allPrograms: options.programIds === 'all',
    generatedAt: options.generatedAt,
    appVersion: options.appVersion,
    census: computePairCensus(index),
    compliance: computeMeetingCompliance(index),
    topics: computeTopicsCovered(index),
    followUp: computeFollowUp(index),
    goals: computeGoalsInPeriod(index),
    retention: computeRetention(index),
    training: computeMentorTraining(index, data.trainingRecords ?? []),
    evidence: computeEvidenceLog(index),
    debriefs: computeMilestoneDebriefs(index, data.milestones ?? []),
  };
}
