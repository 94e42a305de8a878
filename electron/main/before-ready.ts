import type { App } from 'electron';
import { APP_NAME, userDataPathFor } from './app-identity';
import { hardenEveryWebContents, registerAppScheme } from './security';

type EarlyApp = Pick<
  App,
  'setName' | 'getPath' | 'setPath' | 'requestSingleInstanceLock' | 'enableSandbox' | 'on' | 'isPackaged'
>;

/** Development builds (never the installed app) may be pointed at a scratch data folder, e.g. by tests. */
export const DEV_USER_DATA_VARIABLE = 'GH_USER_DATA_DIR';
type EarlyProtocol = Parameters<typeof registerAppScheme>[0];

/**
 * Everything Electron only honours before `ready`: the name and data folder (else the clinic's data
 * seems gone), the privileged app:// scheme (else IndexedDB is disabled), sandboxing, the rules for every
 * web contents and the single-instance lock. Returns false when another copy already runs.
 */
export function prepareBeforeReady(
  app: EarlyApp,
  protocol: EarlyProtocol,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  app.setName(APP_NAME);
  const scratchFolder = app.isPackaged ? undefined : env[DEV_USER_DATA_VARIABLE];
  app.setPath('userData', scratchFolder || userDataPathFor(app.getPath('appData')));
  registerAppScheme(protocol);
  app.enableSandbox();
  hardenEveryWebContents(app);
  return app.requestSingleInstanceLock();
}
