// Signed-in sessions of a running host, held in memory: a token per session, locked after a spell of inactivity.
import { randomBytes } from 'node:crypto';

export interface Session {
  token: string;
  staffId: number;
  lastActive: number;
  locked: boolean;
}

export class Sessions {
  private byToken = new Map<string, Session>();

  constructor(private idleMinutes: () => number) {}

  create(staffId: number, now = Date.now()): Session {
    const s: Session = { token: randomBytes(32).toString('base64url'), staffId, lastActive: now, locked: false };
    this.byToken.set(s.token, s);
    return s;
  }

  /** The session for a token, locked first if it has been idle too long; activity counts only while unlocked. */
  get(token: string | undefined, now = Date.now()): Session | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    const idle = this.idleMinutes();
    if (!s.locked && idle > 0 && now - s.lastActive > idle * 60_000) s.locked = true;
    return s;
  }

  touch(s: Session, now = Date.now()): void {
    if (!s.locked) s.lastActive = now;
  }

  unlock(s: Session, now = Date.now()): void {
    s.locked = false;
    s.lastActive = now;
  }

  end(token: string): void {
    this.byToken.delete(token);
  }

  /** After a password reset or disabling, that person's sessions end everywhere. */
  endAllOf(staffId: number): void {
    for (const [t, s] of this.byToken) if (s.staffId === staffId) this.byToken.delete(t);
  }
}
