// The one wrapper behind every IPC handler, pure so it is tested without Electron: origin check, then the core.
import type { ApiResponse } from '../../shared/api/contract';
import { API_METHODS, type ApiMethod } from '../../shared/api/methods';
import { isAllowedIpcSender } from './security';

export type SessionDirective = { set: string } | { clear: true };
export interface ApiCaller {
  call(method: string, args: unknown, caller?: { session?: string }): Promise<ApiResponse<unknown> & { session?: SessionDirective }>;
}

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
    return { ok: false, error: { code: 'INTERNAL', message: `内部错误：${err instanceof Error ? err.message : String(err)}` } };
  }
}
