import type { IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { encodeIpcError } from '../../shared/errors';
import {
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
  ipcContract,
  PAYLOAD_TOO_LARGE,
} from '../../shared/ipc';
import { asIpcFailure, IpcFailure } from '../failure';
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
  ipcMain.handle(channel, (event, ...args) => answerIpcRequest(channel, handler, event, args));
}

/**
 * What the page receives: the answer, or an error whose message carries the failure's code and words
 * (Electron passes only the message across).
 */
export async function answerIpcRequest<C extends IpcChannel>(
  channel: C,
  handler: IpcHandler<C>,
  event: IpcEvent,
  args: readonly unknown[],
): Promise<IpcResponse<C>> {
  try {
    return await handleIpcRequest(channel, handler, event, args);
  } catch (error) {
    const failure = asIpcFailure(error, channel);
    throw new Error(encodeIpcError(failure.code, failure.details, failure.message));
  }
}

/** The checks every request passes before its handler runs; exported for tests. */
export async function handleIpcRequest<C extends IpcChannel>(
  channel: C,
  handler: IpcHandler<C>,
  event: IpcEvent,
  args: readonly unknown[],
): Promise<IpcResponse<C>> {
  const senderUrl = event.senderFrame?.url ?? '';
  if (!isAppUrl(senderUrl)) throw new IpcFailure('foreign-sender', { channel });
  const contract = ipcContract[channel];
  const parsed = contract.request.safeParse(args.length > 1 ? Symbol('too many arguments') : args[0]);
  if (!parsed.success) {
    const tooLarge = parsed.error.issues.find((issue) => issue.message === PAYLOAD_TOO_LARGE);
    if (tooLarge) throw new IpcFailure('payload-too-large', { channel, limit: limitOf(tooLarge) });
    throw new IpcFailure('bad-request', { channel, problem: describeIssues(parsed.error) });
  }
  const response = await handler(parsed.data as IpcRequest<C>, event);
  // Only plain data the contract allows goes back, so nothing uncloneable reaches the renderer.
  const answer = contract.response.safeParse(response);
  if (!answer.success) {
    console.error(`The answer to ${channel} broke the contract: ${describeIssues(answer.error)}`);
    throw new IpcFailure('unexpected', { channel });
  }
  return answer.data as IpcResponse<C>;
}

function limitOf(issue: z.core.$ZodIssue): number | undefined {
  const limit = (issue as { params?: { limit?: unknown } }).params?.limit;
  return typeof limit === 'number' ? limit : undefined;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
