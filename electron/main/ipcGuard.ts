// The one wrapper behind every IPC handler, pure so it is tested without Electron: origin check, then the core.
import type { ApiResponse } from '../../shared/api/contract';
import { API_METHODS, type ApiMethod } from '../../shared/api/methods';
import { isAllowedIpcSender } from './security';
import type { ApiCaller, SessionDirective } from '../core/kernel/context';

export type { ApiCaller, SessionDirective };

/**
 * Sessions of the windows, by the id of their web contents: the renderer never holds a token, and a window
 * that is closed or reloaded elsewhere cannot reuse another's.
 */
export class WindowSessions {
  private tokens = new Map<number, string>();

  get(senderId: number): string | undefined {
    return this.tokens.get(senderId);
  }

  apply(senderId: number, directive: SessionDirective | undefined): void {
    if (!directive) return;
    if ('set' in directive) this.tokens.set(senderId, directive.set);
    else this.tokens.delete(senderId);
  }

  forget(senderId: number): void {
    this.tokens.delete(senderId);
  }
}

/** What registering needs of Electron's ipcMain: the main process passes ipcMain itself, tests a recorder. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcEvent, args: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}
export interface IpcEvent {
  sender: { id: number; once(event: 'destroyed', listener: () => void): unknown };
  senderFrame?: { url: string } | null;
}

/**
 * One handler per API call, each behind the origin guard; no other channel exists. A closed window's session ends
 * with it.
 */
export function registerApiHandlers(ipc: IpcRegistrar, caller: ApiCaller, sessions = new WindowSessions()): void {
  const watched = new Set<number>();
  for (const method of API_METHODS) {
    // senderFrame is null once the frame has navigated away or been destroyed: the guard refuses that too.
    ipc.handle(ipcChannel(method), (event, args) => {
      const id = event.sender.id;
      if (!watched.has(id)) {
        watched.add(id);
        event.sender.once('destroyed', () => {
          sessions.forget(id);
          watched.delete(id);
        });
      }
      return guardedCall(caller, method, event.senderFrame?.url, args, { id, sessions });
    });
  }
}

export function removeApiHandlers(ipc: IpcRegistrar): void {
  for (const method of API_METHODS) ipc.removeHandler(ipcChannel(method));
}

/** The channel of one API call; the preload builds the same string, so both sides share this rule. */
export function ipcChannel(method: ApiMethod): string {
  return `api:${method}`;
}

export function ipcChannels(): string[] {
  return API_METHODS.map(ipcChannel);
}

export const FORBIDDEN_SENDER: ApiResponse<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的调用' },
};

/**
 * Runs one call for the frame at senderUrl. The core validates args and does not throw by contract; the catch
 * is there so that a bug in it reaches the window as an answer rather than as an unhandled rejection.
 */
export async function guardedCall(
  caller: ApiCaller,
  method: ApiMethod,
  senderUrl: string | null | undefined,
  args: unknown,
  sender?: { id: number; sessions: WindowSessions },
): Promise<ApiResponse<unknown>> {
  if (!isAllowedIpcSender(senderUrl)) return FORBIDDEN_SENDER;
  try {
    const { session, ...answer } = await caller.call(method, args, { session: sender?.sessions.get(sender.id) });
    if (sender) sender.sessions.apply(sender.id, session);
    return answer;
  } catch (err) {
    // The runtime answers every failure itself; reaching here is a bug, whose own text is for the log, not the window.
    process.stderr.write(`内部错误：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return { ok: false, error: { code: 'INTERNAL', message: '内部错误，本次操作未完成；详情已写入日志，请告知信息技术人员' } };
  }
}
