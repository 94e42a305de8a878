import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
// Types only: the sandboxed preload must stay one small file that requires nothing but 'electron'.
import type {
  IpcChannel,
  IpcRequest,
  IpcResponse,
  MainEvent,
  MainEventPayload,
  PlatformApi,
} from '../shared/ipc';

// The compiler checks this list against the contract's MAIN_EVENTS: a missing or extra event fails the build.
const SUBSCRIBABLE_EVENTS = {
  'menu:backup': true,
  'menu:restore': true,
  'menu:print': true,
  'menu:navigate': true,
  'autoBackup:due': true,
  'lock:now': true,
} as const satisfies Record<MainEvent, true>;

const REMOTE_ERROR_PREFIX = /^Error invoking remote method '[^']+': (?:Error: )?/;

async function invoke<C extends IpcChannel>(channel: C, request?: IpcRequest<C>): Promise<IpcResponse<C>> {
  try {
    return (await ipcRenderer.invoke(channel, request)) as IpcResponse<C>;
  } catch (error) {
    // Electron prefixes the main process's message with its own wording; the manager sees only ours.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(message.replace(REMOTE_ERROR_PREFIX, ''));
  }
}

const api: PlatformApi = {
  kind: 'electron',
  getInfo: () => invoke('app:getInfo'),
  saveAs: (request) => invoke('files:saveAs', request),
  openFile: (request) => invoke('files:open', request),
  chooseBackupFolder: () => invoke('backup:chooseFolder'),
  writeBackupToFolder: (request) => invoke('backup:writeToFolder', request),
  getAutoBackupStatus: () => invoke('autoBackup:getStatus'),
  configureAutoBackup: (request) => invoke('autoBackup:configure', request),
  setAutoBackupRecipient: (request) => invoke('autoBackup:useClinicLock', request),
  writeAutoBackup: (request) => invoke('autoBackup:write', request),
  reportAutoBackupNotMade: (request) => invoke('autoBackup:notMade', request),
  print: () => invoke('print:page'),
  printToPdf: (request) => invoke('print:toPdf', request),
  on<E extends MainEvent>(event: E, listener: (payload: MainEventPayload<E>) => void): () => void {
    if (!Object.hasOwn(SUBSCRIBABLE_EVENTS, event)) throw new Error(`Unknown app event: ${String(event)}`);
    // The Electron event object stays here: the page gets only the payload.
    const forward = (_event: IpcRendererEvent, payload: MainEventPayload<E>) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('guidingHands', api);
