import type { ClinicSettings } from '../domain/types';
import { RestoreCard } from '../features/backup/RestoreCard';
import { TurnOnLock } from '../features/settings/TurnOnLock';
import { WelcomeScreen } from '../features/welcome/WelcomeScreen';
import { settingsActions } from '../hooks/useSettings';
import { useToast } from '../ui/Toast';

// The welcome with its restore and lock set-up: shown once per clinic, so it is a chunk of its own
// (it carries the backup reader and the sample clinic), loaded only on a first run.

/** Until the welcome is answered, the app shows only the welcome. */
export function FirstRun({ settings }: { settings: ClinicSettings }) {
  return (
    <WelcomeScreen
      clinicName={settings.clinicName}
      restore={<RestoreOnFirstRun />}
      lockOffer={(done) => <TurnOnLock settings={settings} onClose={done} />}
    />
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
