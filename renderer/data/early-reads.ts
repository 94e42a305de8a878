import Dexie from 'dexie';
import type { DashboardView } from '../domain/dashboard';
import type { ClinicSettings, IsoDate } from '../domain/types';
import { clinicLockActions, lockState } from './clinic-lock.repo';
import { loadDashboard } from './dashboard.repo';
import { learnWhatIsOnDisk } from './db';
import { getSettings } from './settings.repo';

// The first reads of a start, begun by the page's entry before the app's code has loaded (main.tsx):
// opening the database, the lock's key ring, the settings and the dashboard's first rows all run while
// the browser still loads and compiles the rest of the app. The screens take the answers as their
// first value (their live queries then take over); nothing of the clinic is read early while it has a
// lock, since nothing may be read before the unlock.

let settings: ClinicSettings | undefined;
let dashboard: { today: IsoDate; rows: number; view: DashboardView } | undefined;

// The early answers hold only while nothing has been written since: any change drops them, so a screen
// mounted later never starts from an old value. A reading under way when a change lands is dropped too
// when it arrives (`changes` has moved since it began).
let changes = 0;
Dexie.on('storagemutated', () => {
  changes += 1;
  settings = undefined;
  dashboard = undefined;
});

/**
 * Starts the first reads; the lock's mode is then taken by the app's first loadMode(). The database's
 * version on disk is asked first (a few milliseconds): at the current version, its connection is made
 * without the older versions' declarations (learnWhatIsOnDisk).
 */
export function startEarlyReads(today: IsoDate, rows: number): void {
  learnWhatIsOnDisk()
    .then(() => clinicLockActions.preloadMode())
    .then(
      () => {
        if (lockState.hasLock()) return;
        const begun = changes;
        getSettings().then((value) => {
          if (changes === begun) settings = value;
        }, ignore);
        loadDashboard(today, rows).then((view) => {
          if (changes === begun) dashboard = { today, rows, view };
        }, ignore);
      },
      // The app reads the lock's mode again and shows what went wrong.
      ignore,
    );
}

// A failed early read only means the screen reads for itself, as it would have anyway.
function ignore(): void {}

/** The settings read early, once they have arrived. */
export function earlySettings(): ClinicSettings | undefined {
  return settings;
}

/** The dashboard read early, if it has arrived and is the one asked for. */
export function earlyDashboard(today: IsoDate, rows: number): DashboardView | undefined {
  return dashboard && dashboard.today === today && dashboard.rows === rows ? dashboard.view : undefined;
}
