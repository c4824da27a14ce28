// 自动锁定 in words and numbers: the minutes a person may type, and the sentence that shows the setting.
import { asciiNumberText } from '../../lib/numbers';

export const IDLE_LOCK_MAX_MINUTES = 480;

/** The 自动锁定 input: whole minutes 0–480 (full-width digits too), or a message. */
export function parseIdleMinutes(text: string): { minutes: number } | { error: string } {
  const t = asciiNumberText(text);
  if (!/^\d{1,3}$/.test(t)) return { error: `请输入 0–${IDLE_LOCK_MAX_MINUTES} 之间的整数分钟数` };
  const n = Number(t);
  if (n > IDLE_LOCK_MAX_MINUTES) return { error: `最长 ${IDLE_LOCK_MAX_MINUTES} 分钟` };
  return { minutes: n };
}

export function idleLockText(minutes: number): string {
  return minutes === 0 ? '不自动锁定' : `闲置 ${minutes} 分钟后自动锁定`;
}
