import Dexie from 'dexie';
import { useDeferredValue, useEffect, useState } from 'react';
import { getDb } from '../renderer/data/db';
import { getSettings } from '../renderer/data/settings.repo';
import { todayIso } from '../renderer/domain/calendar';
import { type AccreditationReport, computeReport } from '../renderer/domain/reports/compute-report';
import { resolvePeriod } from '../renderer/domain/reports/period';
import {
  type ReportData,
  relationshipsNeedingEarlierMeeting,
  reportItemsOf,
} from '../renderer/domain/reports/report-data';
import type { IsoDate } from '../renderer/domain/types';
import { ReportDocument } from '../renderer/features/reports/ReportDocument';
import { PrintPortal } from '../renderer/ui/PrintPortal';

// The Reports screen as it was before the report worker (the baseline of reports-screen.bench.ts):
// every person read for the choices before the controls show, the period read whole (notes included,
// through the reading hooks) and the report computed on the window's thread, and the print layout drawn
// right after the screen (a deferred render).

async function formerChoices(): Promise<void> {
  const db = getDb();
  await db.transaction('r', [db.people, db.programs, db.relationships, db.meetings, db.settings], () =>
    Promise.all([
      getSettings(),
      db.people.toArray(),
      db.programs.toArray(),
      db.relationships.orderBy('mentorId').uniqueKeys(),
      db.meetings.orderBy('date').first(),
    ]),
  );
}

async function formerLoad(range: { start: IsoDate; end: IsoDate }): Promise<ReportData> {
  const db = getDb();
  return db.transaction(
    'r',
    [db.people, db.programs, db.relationships, db.meetings, db.actionItems, db.topics, db.settings],
    async () => {
      const [settings, people, programs, relationships, topics, meetings] = await Promise.all([
        getSettings(),
        db.people.toArray(),
        db.programs.toArray(),
        db.relationships.toArray(),
        db.topics.toArray(),
        db.meetings.where('date').between(range.start, range.end, true, true).toArray(),
      ]);
      const actionItems = reportItemsOf(await db.actionItems.toArray(), meetings);
      const lastMeetingBeforeRange: Record<string, IsoDate> = {};
      for (const id of relationshipsNeedingEarlierMeeting(relationships, meetings, range.start)) {
        const last = await db.meetings
          .where('[relationshipId+date]')
          .between([id, Dexie.minKey], [id, range.start], true, false)
          .last();
        if (last) lastMeetingBeforeRange[id] = last.date;
      }
      return {
        clinicName: settings.clinicName,
        paperSize: settings.paperSize,
        people,
        programs,
        relationships,
        topics,
        meetingRange: range,
        meetings,
        actionItems,
        lastMeetingBeforeRange,
        // The former screen came before development plans: it read none.
        goalAreas: [],
        goals: [],
        goalProgress: [],
      };
    },
  );
}

export function FormerReportsScreen() {
  const [choicesRead, setChoicesRead] = useState(false);
  const [report, setReport] = useState<AccreditationReport | null>(null);
  useEffect(() => {
    let live = true;
    const today = todayIso();
    const period = resolvePeriod({ kind: 'last-12-months' }, today);
    formerChoices()
      .then(() => {
        if (live) setChoicesRead(true);
        return formerLoad(period);
      })
      .then((data) => {
        if (!live) return;
        setReport(
          computeReport(data, {
            period,
            programIds: 'all',
            today,
            generatedAt: new Date().toISOString(),
            appVersion: 'bench',
          }),
        );
      });
    return () => {
      live = false;
    };
  }, []);
  const printReport = useDeferredValue(report, null);
  if (!choicesRead) return <p role="status">Loading reports…</p>;
  return (
    <>
      <form>
        <label>
          Period
          <select>
            <option>Last 12 months</option>
          </select>
        </label>
      </form>
      {report && <ReportDocument report={report} variant="screen" />}
      {printReport && (
        <PrintPortal className="report-print" paperSize="A4" runningHeader="" runningFooter="">
          <ReportDocument report={printReport} variant="print" />
        </PrintPortal>
      )}
    </>
  );
}
