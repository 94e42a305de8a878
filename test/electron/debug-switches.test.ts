import { describe, expect, it } from 'vitest';
import { findDebugSwitches, refuseDebugSwitches } from '../../electron/main/debug-switches';

const exe = '/opt/Guiding Hands/guiding-hands';

describe('debugging switches', () => {
  it('finds each Chromium and Node debugging switch, with or without a value', () => {
    for (const argument of [
      '--remote-debugging-port=9222',
      '--remote-debugging-pipe',
      '--inspect',
      '--inspect=127.0.0.1:9229',
      '--inspect-brk',
      '--inspect-brk=0',
      '--inspect-port=9230',
      '--js-flags=--allow-natives-syntax',
      '-remote-debugging-port=9222',
      '--INSPECT',
    ]) {
      expect(findDebugSwitches([exe, argument], {}, 'linux')).toEqual([argument]);
    }
  });

  it('reads Windows-style "/switch" arguments only on Windows, where Chromium accepts them', () => {
    expect(findDebugSwitches([exe, '/remote-debugging-port=9222'], {}, 'win32')).toEqual([
      '/remote-debugging-port=9222',
    ]);
    expect(findDebugSwitches([exe, '/inspect'], {}, 'linux')).toEqual([]);
  });

  it('leaves ordinary arguments alone, and stops reading switches after a bare "--"', () => {
    expect(
      findDebugSwitches([exe, '--no-sandbox-not-really', '--inspection-report', 'notes.txt'], {}, 'linux'),
    ).toEqual([]);
    expect(findDebugSwitches([exe, '--', '--inspect'], {}, 'linux')).toEqual([]);
    // The executable itself is never read as a switch.
    expect(findDebugSwitches(['--inspect'], {}, 'linux')).toEqual([]);
  });

  it('finds the environment variables that run Electron as Node or attach an inspector through Node', () => {
    expect(findDebugSwitches([exe], { ELECTRON_RUN_AS_NODE: '1' }, 'linux')).toEqual([
      'ELECTRON_RUN_AS_NODE',
    ]);
    expect(
      findDebugSwitches([exe], { NODE_OPTIONS: '--max-old-space-size=4096 --inspect' }, 'linux'),
    ).toEqual(['NODE_OPTIONS']);
    expect(findDebugSwitches([exe], { NODE_OPTIONS: '--require ./evil.js' }, 'linux')).toEqual([
      'NODE_OPTIONS',
    ]);
    expect(findDebugSwitches([exe], { NODE_OPTIONS: '--max-old-space-size=4096' }, 'linux')).toEqual([]);
  });

  it('the installed app shows a plain message naming the switch and exits', () => {
    const calls: string[] = [];
    let message = '';
    const refused = refuseDebugSwitches(
      { isPackaged: true, exit: (code?: number) => calls.push(`exit ${code}`) },
      {
        showErrorBox: (title, content) => {
          calls.push(`box ${title}`);
          message = content;
        },
      },
      [exe, '--inspect-brk'],
      {},
      'linux',
    );
    expect(refused).toBe(true);
    expect(calls).toEqual(['box Guiding Hands will not start this way', 'exit 1']);
    expect(message).toContain('--inspect-brk');
    expect(message).toContain('the app will close now');
  });

  it('a development build may be debugged, and a clean start of the installed app goes ahead', () => {
    const calls: string[] = [];
    const dialog = { showErrorBox: () => calls.push('box') };
    const exit = () => calls.push('exit');
    expect(refuseDebugSwitches({ isPackaged: false, exit }, dialog, [exe, '--inspect'], {}, 'linux')).toBe(
      false,
    );
    expect(refuseDebugSwitches({ isPackaged: true, exit }, dialog, [exe], {}, 'linux')).toBe(false);
    expect(calls).toEqual([]);
  });
});
