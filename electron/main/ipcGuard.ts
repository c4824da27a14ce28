// The one wrapper behind every IPC handler, pure so it is tested without Electron: origin check, then the core.
import type { ApiResponse } from '../../shared/api/contract';
import { API_METHODS, type ApiMethod } from '../../shared/api/methods';
import { isAllowedIpcSender } from './security';

export interface ApiCaller {
  call(method: string, args: unknown): Promise<ApiResponse<unknown>>;
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
): Promise<ApiResponse<unknown>> {
  if (!isAllowedIpcSender(senderUrl)) return FORBIDDEN_SENDER;
  try {
    return await caller.call(method, args);
  } catch (err) {
    return { ok: false, error: { code: 'INTERNAL', message: `内部错误：${err instanceof Error ? err.message : String(err)}` } };
  }
}
