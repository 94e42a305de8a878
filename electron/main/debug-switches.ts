import type { App, Dialog } from 'electron';
import { APP_NAME } from './app-identity';

// An installed app that accepts a debugger would let anyone at the shared computer read the page's
// memory and bypass the clinic lock. The fuses close Node's own doors at packaging time; these checks
// also refuse Chromium's switches, which no fuse covers.

/** Chromium and Node switches that attach a debugger or change how the JavaScript engine runs. */
const DEBUG_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-wait',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
  'debug-port',
  'js-flags',
];

/** Node options that attach an inspector or load foreign code before the app. */
const NODE_OPTION_PATTERN =
  /(?:^|\s)(?:--inspect[\w-]*|--debug[\w-]*|--require|-r|--import|--loader)(?:[=\s]|$)/;

/**
 * The debugging switches among the arguments and environment, as written ("--inspect=9229"); empty when
 * none. Chromium accepts "--", "-" and on Windows "/" as prefixes, in any letter case on Windows, and
 * stops reading switches after a bare "--".
 */
export function findDebugSwitches(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string[] {
  const prefix = platform === 'win32' ? /^(?:--|-|\/)([^=\s]+)/ : /^--?([^=\s]+)/;
  const found: string[] = [];
  for (const argument of argv.slice(1)) {
    if (argument === '--') break;
    const name = prefix.exec(argument)?.[1]?.toLowerCase();
    if (name !== undefined && DEBUG_SWITCHES.includes(name)) found.push(argument);
  }
  if (env.ELECTRON_RUN_AS_NODE) found.push('ELECTRON_RUN_AS_NODE');
  if (env.NODE_OPTIONS && NODE_OPTION_PATTERN.test(env.NODE_OPTIONS)) found.push('NODE_OPTIONS');
  return found;
}

export function debugSwitchesMessage(found: readonly string[]): string {
  return [
    `${APP_NAME} was started with settings meant for software developers (${found.join(', ')}).`,
    'These would let another program read the clinic’s records, so the app will close now.',
    `Start ${APP_NAME} from its own shortcut or the Start menu instead.`,
  ].join('\n\n');
}

/**
 * In the installed app, refuses to start when a debugging switch is present: says why and exits.
 * Returns true when it refused (the caller must then do nothing else). Development builds are left alone.
 */
export function refuseDebugSwitches(
  app: Pick<App, 'isPackaged' | 'exit'>,
  dialog: Pick<Dialog, 'showErrorBox'>,
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (!app.isPackaged) return false;
  const found = findDebugSwitches(argv, env, platform);
  if (found.length === 0) return false;
  dialog.showErrorBox(`${APP_NAME} will not start this way`, debugSwitchesMessage(found));
  app.exit(1);
  return true;
}
