// Who is at the keyboard: auth.status at start-up, then sign-in, the idle lock, sign-out and password changes.
// The session itself lives with the host (a cookie on the loopback host, the sender in Electron); no token here.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiArgs, ApiError, AuthStatus, CourtDeskApi, SignedInUser } from '../../../../shared/api/contract';
import { DEFAULT_IDLE_LOCK_MINUTES, type Action } from '../../../../shared/accounts/roles';
import type { AuthLoss } from '../../api/guard';

/**
 * loading: auth.status not answered yet; failed: it could not be asked (failure says why); setup: no account yet;
 * signIn: nobody signed in; locked: signed in but idle too long; mustChange: a new password first; ready: the app.
 */
export type SessionPhase = 'loading' | 'failed' | 'setup' | 'signIn' | 'locked' | 'mustChange' | 'ready';

export function phaseOf(status: Pick<AuthStatus, 'setupNeeded' | 'user' | 'locked'>): SessionPhase {
  if (status.setupNeeded) return 'setup';
  if (!status.user) return 'signIn';
  if (status.locked) return 'locked';
  return status.user.mustChangePassword ? 'mustChange' : 'ready';
}

export const SESSION_LOST_NOTICE = '登录已失效（程序可能已重新启动，或账号口令已被重置、账号已被停用），请重新登录。';

export interface SessionState {
  phase: SessionPhase;
  /** The last answer of auth.status (court, demo accounts), kept up to date by sign-in and sign-out. */
  status: AuthStatus | null;
  user: SignedInUser | null;
  idleLockMinutes: number;
  failure: ApiError | null;
  /** Shown on the sign-in screen: why the person has to sign in again. */
  notice: string | null;
  /** The lock came from this window's idle timer, not from the server. */
  lockedLocally: boolean;
  /** What the lock covers: the app (kept mounted behind it), the new-password screen, or nothing yet. */
  underLock: 'ready' | 'mustChange' | null;
  loadStatus(): Promise<void>;
  /** Each returns null on success or the message to show. */
  setup(args: ApiArgs<'auth.setup'>): Promise<string | null>;
  signIn(name: string, password: string): Promise<string | null>;
  unlock(password: string): Promise<string | null>;
  changePassword(oldPassword: string, newPassword: string): Promise<string | null>;
  signOut(): Promise<void>;
  /** A call met SIGNED_OUT or LOCKED. */
  authLost(code: AuthLoss): void;
  /** The window's own idle timer ran out. */
  lockIdle(): void;
  setIdleLockMinutes(minutes: number): void;
  /** The database was replaced (a restore): everyone signs in again against it; notice says what happened. */
  databaseReplaced(notice: string): Promise<void>;
}

export type SessionStore = StoreApi<SessionState>;
export type SessionApi = Pick<CourtDeskApi, 'auth.status' | 'auth.setup' | 'auth.signIn' | 'auth.unlock' | 'auth.signOut' | 'auth.changePassword'>;

/** Whether the signed-in person may do this (the server decides again; this only hides what would be refused). */
export function userCan(user: Pick<SignedInUser, 'permissions'> | null, action: Action): boolean {
  return !!user && user.permissions.includes(action);
}

export function createSessionStore(api: SessionApi, busyRetryMs = 1000): SessionStore {
  let statusSeq = 0;
  return createStore<SessionState>()((set, get) => {
    function signedIn(user: SignedInUser): void {
      const status = get().status;
      set({
        user,
        status: status ? { ...status, user, locked: false, setupNeeded: false } : status,
        phase: user.mustChangePassword ? 'mustChange' : 'ready',
        notice: null,
        lockedLocally: false,
        failure: null,
      });
    }

    function signedOut(notice: string | null): void {
      const status = get().status;
      set({ user: null, status: status ? { ...status, user: null, locked: false } : status, phase: 'signIn', notice, lockedLocally: false, underLock: null });
    }

    return {
      phase: 'loading',
      status: null,
      user: null,
      idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
      failure: null,
      notice: null,
      lockedLocally: false,
      underLock: null,

      async loadStatus() {
        const mine = ++statusSeq;
        if (!get().status) set({ phase: 'loading', failure: null });
        let res = await api['auth.status']({});
        // BUSY: a restore (from another window) is replacing the database; it is over in seconds.
        for (let tries = 0; !res.ok && res.error.code === 'BUSY' && tries < 60 && mine === statusSeq; tries++) {
          await new Promise((r) => setTimeout(r, busyRetryMs));
          res = await api['auth.status']({});
        }
        if (mine !== statusSeq) return;
        if (!res.ok) {
          set({ phase: 'failed', failure: res.error });
          return;
        }
        const s = res.value;
        const phase = phaseOf(s);
        set({
          status: s,
          user: s.user,
          idleLockMinutes: s.idleLockMinutes,
          failure: null,
          // A window that locked itself stays locked until the password is given, whatever the server thinks.
          phase: get().lockedLocally && phase === 'ready' ? 'locked' : phase,
          ...(phase === 'signIn' || phase === 'setup' ? { lockedLocally: false, underLock: null } : {}),
        });
      },

      async setup(args) {
        const res = await api['auth.setup'](args);
        if (!res.ok) return res.error.message;
        signedIn(res.value);
        await get().loadStatus();
        return null;
      },

      async signIn(name, password) {
        const res = await api['auth.signIn']({ name, password });
        if (!res.ok) return res.error.message;
        statusSeq++;
        signedIn(res.value);
        return null;
      },

      async unlock(password) {
        const res = await api['auth.unlock']({ password });
        if (res.ok) {
          statusSeq++;
          signedIn(res.value);
          // The idle-lock setting may have changed meanwhile in another window.
          void get().loadStatus();
          return null;
        }
        if (res.error.code === 'SIGNED_OUT') return res.error.message; // the guard has switched to the sign-in screen
        // Too many wrong passwords end the session: then the sign-in screen says why.
        const st = await api['auth.status']({});
        if (st.ok && !st.value.user) {
          set({ status: st.value });
          signedOut(res.error.message);
        }
        return res.error.message;
      },

      async changePassword(oldPassword, newPassword) {
        const res = await api['auth.changePassword']({ oldPassword, newPassword });
        if (!res.ok) return res.error.message;
        const user = get().user;
        if (user) {
          const updated = { ...user, mustChangePassword: false };
          set({ user: updated, phase: get().phase === 'mustChange' ? 'ready' : get().phase });
        }
        return null;
      },

      async signOut() {
        statusSeq++;
        await api['auth.signOut']({});
        signedOut(null);
        await get().loadStatus();
      },

      authLost(code) {
        const phase = get().phase;
        if (code === 'LOCKED') {
          if (phase === 'ready' || phase === 'mustChange') set({ phase: 'locked', underLock: phase });
          return;
        }
        if (phase === 'ready' || phase === 'mustChange' || phase === 'locked') {
          signedOut(SESSION_LOST_NOTICE);
          void get().loadStatus();
        }
      },

      lockIdle() {
        const phase = get().phase;
        if ((phase === 'ready' || phase === 'mustChange') && get().idleLockMinutes > 0) set({ phase: 'locked', lockedLocally: true, underLock: phase });
      },

      async databaseReplaced(notice) {
        statusSeq++;
        set({ status: null, user: null, lockedLocally: false, underLock: null });
        await get().loadStatus();
        if (get().phase === 'signIn' || get().phase === 'setup') set({ notice });
      },

      setIdleLockMinutes(minutes) {
        const status = get().status;
        set({ idleLockMinutes: minutes, status: status ? { ...status, idleLockMinutes: minutes } : status });
      },
    };
  });
}
