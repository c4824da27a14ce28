// The window's idle lock as arithmetic on timestamps (milliseconds), so it can be tested without timers.

/** Whether the window should lock now: minutes = 0 never locks; a clock that went backwards counts as activity. */
export function idleLockDue(lastActivity: number, now: number, minutes: number): boolean {
  if (!(minutes > 0)) return false;
  if (now < lastActivity) return false;
  return now - lastActivity >= minutes * 60_000;
}

/** Milliseconds until the lock, or null when the window never locks. */
export function msUntilIdleLock(lastActivity: number, now: number, minutes: number): number | null {
  if (!(minutes > 0)) return null;
  return Math.max(0, lastActivity + minutes * 60_000 - Math.max(now, lastActivity));
}

/** How often a window in use tells the server so (a third of the idle period, between 30 s and 5 min). */
export function keepAliveInterval(minutes: number): number {
  return Math.min(5 * 60_000, Math.max(30_000, (minutes * 60_000) / 3));
}

/**
 * The server counts only calls as activity; a person reading or typing makes none. When there was input since the
 * last call and that call is a while ago, one light call keeps the server's idle clock in step with the window's.
 */
export function keepAliveDue(lastActivity: number, lastCall: number, now: number, minutes: number): boolean {
  if (!(minutes > 0)) return false;
  if (lastActivity <= lastCall) return false;
  return now - lastCall >= keepAliveInterval(minutes);
}

/** How often the window checks (often enough that the lock comes within seconds of the limit). */
export const IDLE_CHECK_MS = 5_000;
