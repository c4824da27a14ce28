// The idle lock in the window: no mouse or keyboard for idleLockMinutes locks the screen (the server locks too).
import { useEffect } from 'react';
import { IDLE_CHECK_MS, idleLockDue, keepAliveDue } from './idle';
import { api, lastAnsweredAt, session } from '../../stores';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

export function useIdleLock(active: boolean, minutes: number): void {
  useEffect(() => {
    if (!active || minutes <= 0) return;
    let lastActivity = Date.now();
    let pinging = false;
    const mark = () => {
      lastActivity = Date.now();
    };
    const check = () => {
      const now = Date.now();
      if (idleLockDue(lastActivity, now, minutes)) {
        session.getState().lockIdle();
        return;
      }
      // Someone is reading or typing but the window has asked nothing lately: tell the server the session is in use.
      if (!pinging && keepAliveDue(lastActivity, lastAnsweredAt(), now, minutes)) {
        pinging = true;
        void api['catalog.divisions']({}).finally(() => {
          pinging = false;
        });
      }
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, mark, { capture: true, passive: true });
    // Timers sleep with the computer; look again the moment the window is seen.
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    const timer = window.setInterval(check, IDLE_CHECK_MS);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, mark, { capture: true });
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
      window.clearInterval(timer);
    };
  }, [active, minutes]);
}
