import { type ReactNode, useCallback, useState } from 'react';
import { createHashRouter, Route, RouterProvider, Routes, useNavigate } from 'react-router';
import { IDLE_LOCK_MINUTES } from '../domain/rules';
import { BackupScreen } from '../features/backup/BackupScreen';
import { RestoreCard } from '../features/backup/RestoreCard';
import { AutoBackupResponder } from '../features/backup/useAutoBackupResponder';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { GoalFormScreen } from '../features/goals/GoalFormScreen';
import { GoalScreen } from '../features/goals/GoalScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { LockErasedNotice } from '../features/lock/LockErasedNotice';
import { LockScreen } from '../features/lock/LockScreen';
import { ResumeSealing } from '../features/lock/ResumeSealing';
import { LockNowContext, useHasLock, useLockTriggers } from '../features/lock/useLockControls';
import { MeetingFormScreen } from '../features/meetings/MeetingFormScreen';
import { PeopleScreen } from '../features/people/PeopleScreen';
import { PersonEditScreen } from '../features/people/PersonEditScreen';
import { PersonScreen } from '../features/people/PersonScreen';
import { PortfolioScreen } from '../features/portfolio/PortfolioScreen';
import { HandOverScreen } from '../features/questionnaires/HandOverScreen';
import { QuestionnairesScreen } from '../features/questionnaires/QuestionnairesScreen';
import { NewPairingScreen } from '../features/relationships/NewPairingScreen';
import { RelationshipScreen } from '../features/relationships/RelationshipScreen';
import { RelationshipsScreen } from '../features/relationships/RelationshipsScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { StartForRealCard } from '../features/sample-data/StartForRealCard';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { TurnOnLock } from '../features/settings/TurnOnLock';
import { WelcomeScreen } from '../features/welcome/WelcomeScreen';
import { useLockGate } from '../hooks/useClinicLock';
import { useHandOver } from '../hooks/useHandOver';
import { settingsActions, useSettings } from '../hooks/useSettings';
import { useStoragePersistence } from '../hooks/useStoragePersistence';
import { Loading } from '../ui/Loading';
import { NotFound } from '../ui/NotFound';
import { ToastProvider, useToast } from '../ui/Toast';
import { finishHandOver } from './hand-over-end';
import { Layout } from './Layout';
import { PlatformEvents } from './PlatformEvents';

// A data router (one catch-all route; the screens' routes are below it), because only a data router
// lets a half-typed form ask before the manager navigates away (useBlocker).
const router = createHashRouter([{ path: '*', element: <Shell /> }]);

export function App() {
  return <RouterProvider router={router} />;
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

  if (lock.loadFailed) throw lock.loadFailed;
  if (lock.view === 'loading') {
    return (
      <main className="app-main">
        <Loading what="Opening your records" />
      </main>
    );
  }
  // Keyed by the count of locks: after each one, nothing of the app before it is kept, toasts included.
  return (
    <ToastProvider key={lock.generation}>
      <KeepStorage />
      <AutoBackupResponder />
      {lock.view === 'locked' ? (
        <LockScreen />
      ) : resuming ? (
        <ResumeSealing onDone={resumed} />
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
    <HandOverScreen
      key={`${handOver.questionnaireId}|${handOver.personId}`}
      handOver={handOver}
      onFinished={() => finishHandOver({ hasLock, lockNow, navigate })}
    />
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
      <WelcomeScreen
        restore={<RestoreOnFirstRun />}
        lockOffer={(done) => <TurnOnLock settings={settings} onClose={done} />}
      />
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

/** The welcome's third way in: a clinic moving to a new computer restores its backup instead of starting over. */
function RestoreOnFirstRun() {
  const { showToast } = useToast();
  async function restored() {
    // A backup made before the welcome was answered would bring the welcome back: the restore answered it.
    await settingsActions.update({ onboarded: true });
    showToast('Your clinic was restored from the backup.');
  }
  return <RestoreCard onRestored={() => void restored()} />;
}
