import type { IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { type IpcChannel, type IpcRequest, type IpcResponse, ipcContract } from '../../shared/ipc';
import { isAppUrl } from '../origin';

/** What a handler sees of the invoking event: the frame that asked and its web contents. */
export type IpcEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

export type IpcHandler<C extends IpcChannel> = (
  request: IpcRequest<C>,
  event: IpcEvent,
) => Promise<IpcResponse<C>> | IpcResponse<C>;

export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> };

type InvokeRegistrar = {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
};

/** Registers every channel of the contract, each behind the sender check and the argument schema. */
export function registerIpcHandlers(ipcMain: InvokeRegistrar, handlers: IpcHandlers): void {
  for (const channel of Object.keys(ipcContract) as IpcChannel[]) {
    registerChannel(ipcMain, channel, handlers[channel] as IpcHandler<typeof channel>);
  }
}

function registerChannel<C extends IpcChannel>(
  ipcMain: InvokeRegistrar,
  channel: C,
  handler: IpcHandler<C>,
): void {
  ipcMain.handle(channel, (event, ...args) => handleIpcRequest(channel, handler, event, args));
}

/** The checks every request passes before its handler runs; exported for tests. */
export async function handleIpcRequest<C extends IpcChannel>(
  channel: C,
  handler: IpcHandler<C>,
  event: IpcEvent,
  args: readonly unknown[],
): Promise<IpcResponse<C>> {
  const senderUrl = event.senderFrame?.url ?? '';
  if (!isAppUrl(senderUrl)) {
    throw new Error(`Refused a request from a page that is not part of Guiding Hands (${channel}).`);
  }
  const contract = ipcContract[channel];
  const parsed = contract.request.safeParse(args.length > 1 ? Symbol('too many arguments') : args[0]);
  if (!parsed.success) {
    throw new Error(
      `Refused a request the app did not understand (${channel}: ${describeIssues(parsed.error)}).`,
    );
  }
  const response = await handler(parsed.data as IpcRequest<C>, event);
  // Only plain data the contract allows goes back, so nothing uncloneable reaches the renderer.
  const answer = contract.response.safeParse(response);
  if (!answer.success) {
    console.error(`The answer to ${channel} broke the contract: ${describeIssues(answer.error)}`);
    throw new Error(`Guiding Hands could not finish that (${channel}). Please try again.`);
  }
  return answer.data as IpcResponse<C>;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
