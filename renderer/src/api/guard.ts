// One place that notices a lost or locked session, or a database gone bad, whichever call met it, so the window can
// show the sign-in, lock or start-up failure screen.
import type { ApiErrorCode, ApiMethod, ApiResponse, CourtDeskApi } from '../../../shared/api/contract';
import { API_METHODS, PUBLIC_METHODS } from '../../../shared/api/contract';

export type AuthLoss = Extract<ApiErrorCode, 'SIGNED_OUT' | 'LOCKED'>;

/** Calls whose STARTUP_FAILED answer the start-up screen and the session store read themselves (asking again would loop). */
const STARTUP_READERS: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['auth.status', 'startup.status', 'startup.restoreLatest']);

export interface GuardHooks {
  /** A call other than the public ones was refused for want of a (unlocked) session. */
  onAuthLost(code: AuthLoss, message: string, method: ApiMethod): void;
  /** The person still holds a temporary password (reset elsewhere meanwhile): show the new-password screen. */
  onPasswordChangeRequired?(method: ApiMethod): void;
  /** The database stopped being usable (the start's integrity check found it damaged): show the start-up screen. */
  onStartupFailed?(message: string, method: ApiMethod): void;
  /** A call answered successfully, so the server saw activity then (for the keep-alive). */
  onAnswered?(method: ApiMethod, at: number): void;
  now?(): number;
}

export function isAuthLoss(res: ApiResponse<unknown>): res is { ok: false; error: { code: AuthLoss; message: string } } {
  return !res.ok && (res.error.code === 'SIGNED_OUT' || res.error.code === 'LOCKED');
}

/** The same API, with every answer looked at on its way back; the caller still gets the answer unchanged. */
export function guardApi(api: CourtDeskApi, hooks: GuardHooks): CourtDeskApi {
  const now = hooks.now ?? Date.now;
  const guarded: Partial<Record<ApiMethod, (args: unknown) => Promise<ApiResponse<unknown>>>> = {};
  for (const m of API_METHODS) {
    const call = api[m] as (args: unknown) => Promise<ApiResponse<unknown>>;
    guarded[m] = async (args: unknown) => {
      const res = await call(args);
      // Even a sign-in can meet a database that the start's check has just found damaged.
      if (!res.ok && res.error.code === 'STARTUP_FAILED' && !STARTUP_READERS.has(m)) hooks.onStartupFailed?.(res.error.message, m);
      // Calls answered without a session (so declared in the contract): their errors are the screen's own business.
      if (PUBLIC_METHODS.has(m)) return res;
      if (isAuthLoss(res)) hooks.onAuthLost(res.error.code, res.error.message, m);
      else if (!res.ok && res.error.code === 'PASSWORD_CHANGE_REQUIRED') hooks.onPasswordChangeRequired?.(m);
      else if (res.ok) hooks.onAnswered?.(m, now());
      return res;
    };
  }
  return Object.freeze(guarded) as unknown as CourtDeskApi;
}
