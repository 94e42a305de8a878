import type { IpcHandlers } from './register';

export function createAppHandlers(info: {
  version: string;
  platform: string;
  userDataPath: string;
}): Pick<IpcHandlers, 'app:getInfo'> {
  return { 'app:getInfo': () => ({ ...info }) };
}
