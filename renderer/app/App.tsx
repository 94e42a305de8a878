import { type ReactNode, Suspense, useCallback, useEffect, useState } from 'react';
import { createHashRouter, Route, RouterProvider, Routes, useNavigate } from 'react-router';
import { IDLE_LOCK_MINUTES } from '../domain/rules';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { LockErasedNotice } from '../features/lock/LockErasedNotice';
import { LockScreen } from '../features/lock/LockScreen';
import { LockNowContext, useHasLock, useLockTriggers } from '../features/lock/useLockControls';
import { StartForRealCard } from '../features/sample-data/StartForRealCard';
import { useLockGate } from '../hooks/useClinicLock';
import { useHandOver } from '../hooks/useHandOver';
import { useSettings } from '../hooks/useSettings';
import { useStoragePersistence } from '../hooks/useStoragePersistence';
import { useUpgradeProgress } from '../hooks/useUpgradeProgress';
import { Loading } from '../ui/Loading';
import { NotFound } from '../ui/NotFound';
import { ToastProvider, useToast } from '../ui/Toast';
import { WorkProgress } from '../ui/WorkProgress';
import { finishHandOver } from './hand-over-end';
import { Layout } from './Layout';
import { lazyScreen, lazyScreenLoaders } from './lazy-screen';
import { PlatformEvents } from './PlatformEvents';
import { preloadAfterStart } from './preload-screens';

// What a start needs is in the page's first chunks: the shell, the lock screen (a clinic with a lock
// starts locked) and the dashboard. Every other screen, and the libraries only they use (backups and
// their validation, spreadsheets, zip, CSV, the sample clinic), is a chunk of its own, loaded when first
// shown or, earlier, once the start is over (preload-screens.ts).
const PeopleScreen = lazyScreen(() => import('../features/people/PeopleScreen').then((m) => m.PeopleScreen));
const PersonScreen = lazyScreen(() => import('../features/people/PersonScreen').then((m) => m.PersonScreen));
const PersonEditScreen = lazyScreen(() =>
  import('../features/people/PersonEditScreen').then((m) => m.PersonEditScreen),
);
const RelationshipsScreen = lazyScreen(() =>
  import('../features/relationships/RelationshipsScreen').then((m) => m.RelationshipsScreen),
);
const RelationshipScreen = lazyScreen(() =>
  import('../features/relationships/RelationshipScreen').then((m) => m.RelationshipScreen),
);
const NewPairingScreen = lazyScreen(() =>
  import('../features/relationships/NewPairingScreen').then((m) => m.NewPairingScreen),
);
const MeetingFormScreen = lazyScreen(() =>
  import('../features/meetings/MeetingFormScreen').then((m) => m.MeetingFormScreen),
);
const GoalScreen = lazyScreen(() => import('../features/goals/GoalScreen').then((m) => m.GoalScreen));
const GoalFormScreen = lazyScreen(() =>
  import('../features/goals/GoalFormScreen').then((m) => m.GoalFormScreen),
);
const PortfolioScreen = lazyScreen(() =>
  import('../features/portfolio/PortfolioScreen').then((m) => m.PortfolioScreen),
);
const ReportsScreen = lazyScreen(() =>
  import('../features/reports/ReportsScreen').then((m) => m.ReportsScreen),
);
const QuestionnairesScreen = lazyScreen(() =>
  import('../features/questionnaires/QuestionnairesScreen').then((m) => m.QuestionnairesScreen),
);
const SettingsScreen = lazyScreen(() =>
  import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen),
);
const BackupScreen = lazyScreen(() => import('../features/backup/BackupScreen').then((m) => m.BackupScreen));
const ImportScreen = lazyScreen(() => import('../features/import/ImportScreen').then((m) => m.ImportScreen));
const HandOverScreen = lazyScreen(() =>
  import('../features/questionnaires/HandOverScreen').then((m) => m.HandOverScreen),
);
const ResumeSealing = lazyScreen(() => import('../features/lock/ResumeSealing').then((m) => m.ResumeSealing));
// Once per clinic: not preloaded (it carries the sample clinic and the backup reader).
const FirstRun = lazyScreen(() => import('./FirstRun').then((m) => m.FirstRun), { preloaded: false });
// Not a screen, but the backup code and its validation: it is mounted once the start is over.
const AutoBackupResponder = lazyScreen(() =>
  import('../features/backup/useAutoBackupResponder').then((m) => m.AutoBackupResponder),
);

// A data router (one catch-all route; the screens' routes are below it), because only a data router
// lets a half-typed form ask before the manager navigates away (useBlocker).
const router = createHashRouter([{ path: '*', element: <Shell /> }]);

export function App() {
  return <RouterProvider router={router} />;
}

/**
 * While a new version updates the stored records (once, as the database opens), the window says so with
 * its progress: until it is over no record can be read, and a window that only says "Loading" for a
 * minute looks stuck.
 */
function UpgradeNotice() {
  const progress = useUpgradeProgress();
  if (!progress) return null;
  return (
    <section className="upgrade-notice" aria-labelledby="upgrade-notice-title">
      <h2 id="upgrade-notice-title">Updating your records for this version</h2>
      <p>
        This version of Guiding Hands stores the {progress.what} in a new way, and updates them once. Please
        keep the app open until it is done: closing it loses nothing, and the update starts again next time.
      </p>
      <WorkProgress
        label={`Updating ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} ${progress.what}`}
        done={progress.done}
        total={progress.total}
      />
    </section>
  );
}

function Shell() {
  const lock = useLockGate();
  const [resuming, setResuming] = useState(false);
  const [previousView, setPreviousView] = useState(lock.view);
  // Unlocked while an earlier session's sealing (or unsealing) was half-done: it is finished first.
  if (lock.view !== previousView) {
    setPreviousView(lock.view);
    if (previousView !== 'open' && lock.view === 'open' && lock.workInterrupted) setResuming(true);
  }
  const resumed = useCallback(() => setResuming(false), []);
  const started = useStartOver();

  if (lock.loadFailed) throw lock.loadFailed;
  if (lock.view === 'loading') {
    return (
      <main className="app-main">
        <UpgradeNotice />
        <Loading what="Opening your records" />
      </main>
    );
  }
  // Keyed by the count of locks: after each one, nothing of the app before it is kept, toasts included.
  return (
    <ToastProvider key={lock.generation}>
      <UpgradeNotice />
      <KeepStorage />
      {started && (
        <Suspense fallback={null}>
          <AutoBackupResponder />
        </Suspense>
      )}
      {lock.view === 'locked' ? (
        <LockScreen />
      ) : resuming ? (
        <ScreenSuspense>
          <ResumeSealing onDone={resumed} />
        </ScreenSuspense>
      ) : (
        <LockNowContext value={lock.lockNow}>
          <HandOverGate lockNow={lock.lockNow}>
            <PlatformEvents />
            <FirstRunGate lockNow={lock.lockNow} />
          </HandOverGate>
        </LockNowContext>
      )}
    </ToastProvider>
  );
}

/**
 * While the computer is handed to someone for a questionnaire, the window shows only that: no
 * navigation, no menu commands, no other screen, whatever the address says (the routes are not even
 * rendered). The lock's shortcut and idle timer still work.
 */
function HandOverGate({ lockNow, children }: { lockNow: () => void; children: ReactNode }) {
  const handOver = useHandOver();
  const hasLock = useHasLock();
  const settings = useSettings();
  const navigate = useNavigate();
  // The manager's notices go as the computer is handed over: their text is the manager's, and their Undo
  // (a button, or Ctrl+Z) is not for the person answering.
  const { clearToasts } = useToast();
  const handingOver = handOver !== null;
  useEffect(() => {
    if (handingOver) clearToasts();
  }, [handingOver, clearToasts]);
  // Locking in the middle (Ctrl+L, the idle timer, the computer going to sleep) abandons the hand-over:
  // after the unlock the manager is back on their own screens, not on someone else's questionnaire.
  const abandonAndLock = useCallback(
    () => finishHandOver({ hasLock: true, lockNow, navigate }),
    [lockNow, navigate],
  );
  useLockTriggers(
    abandonAndLock,
    settings?.idleLockMinutes ?? IDLE_LOCK_MINUTES.default,
    hasLock && handOver !== null,
  );
  if (!handOver) return children;
  return (
    <ScreenSuspense>
      <HandOverScreen
        key={`${handOver.questionnaireId}|${handOver.personId}`}
        handOver={handOver}
        onFinished={() => finishHandOver({ hasLock, lockNow, navigate })}
      />
    </ScreenSuspense>
  );
}

/** The clinic's only copy must never be evicted under storage pressure: asked first, once. */
function KeepStorage() {
  useStoragePersistence();
  return null;
}

/** Until the welcome is answered, the app shows only the welcome. */
function FirstRunGate({ lockNow }: { lockNow: () => void }) {
  const settings = useSettings();
  const hasLock = useHasLock();
  useLockTriggers(lockNow, settings?.idleLockMinutes ?? IDLE_LOCK_MINUTES.default, hasLock);
  if (!settings) {
    return (
      <main className="app-main">
        <Loading what="Opening your records" />
      </main>
    );
  }
  if (!settings.onboarded)
    return (
      <ScreenSuspense>
        <FirstRun settings={settings} />
      </ScreenSuspense>
    );
  return (
    <Routes>
      <Route element={<Layout clinicName={settings.clinicName} />}>
        <Route
          index
          element={
            <DashboardScreen
              notice={
                <>
                  <LockErasedNotice />
                  <StartForRealCard />
                </>
              }
            />
          }
        />
        <Route path="people" element={<PeopleScreen />} />
        <Route path="people/new" element={<PersonEditScreen />} />
        <Route path="people/:personId" element={<PersonScreen />} />
        <Route path="people/:personId/edit" element={<PersonEditScreen />} />
        <Route path="people/:personId/portfolio" element={<PortfolioScreen />} />
        <Route path="relationships" element={<RelationshipsScreen />} />
        <Route path="relationships/new" element={<NewPairingScreen />} />
        <Route path="relationships/:relationshipId" element={<RelationshipScreen />} />
        <Route path="relationships/:relationshipId/goals/new" element={<GoalFormScreen />} />
        <Route path="goals/:goalId" element={<GoalScreen />} />
        <Route path="goals/:goalId/edit" element={<GoalFormScreen />} />
        <Route path="meetings/new" element={<MeetingFormScreen />} />
        <Route path="meetings/:meetingId/edit" element={<MeetingFormScreen />} />
        <Route path="settings" element={<SettingsScreen sampleData={<StartForRealCard />} />} />
        <Route path="reports" element={<ReportsScreen />} />
        <Route path="questionnaires" element={<QuestionnairesScreen />} />
        <Route path="import" element={<ImportScreen />} />
        <Route path="backup" element={<BackupScreen />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/**
 * Whether the start is over: the first screen shows no "Loading" line and the window is idle. From then
 * on the other screens' chunks are loaded in the background, one per idle moment.
 */
function useStartOver(): boolean {
  const [over, setOver] = useState(false);
  useEffect(
    () =>
      preloadAfterStart(
        [
          ...lazyScreenLoaders(),
          // Last: a report worker started ahead for the first visit to the Reports screen.
          () => import('../features/reports/prepare-report-worker').then((m) => m.prepareReportWorker()),
        ],
        {
          onStartOver: () => setOver(true),
        },
      ),
    [],
  );
  return over;
}

/** A screen still loading its code shows the app's Loading line (a status, read out by screen readers). */
function ScreenSuspense({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <main className="app-main">
          <Loading what="Opening the screen" />
        </main>
      }
    >
      {children}
    </Suspense>
  );
}
