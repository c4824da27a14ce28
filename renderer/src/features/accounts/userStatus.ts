// 账号管理's 状态 column: 启用, 停用 or 锁定至 ….
import type { UserView } from '../../../../shared/api/contract';
import { formatDateTime } from '../../lib/format';

export interface StatusText {
  text: string;
  tone: 'ok' | 'muted' | 'danger';
}

/** 启用 / 停用 / 锁定至 2024-05-01 10:30 (a lock that has run out is no lock). */
export function userStatus(u: Pick<UserView, 'active' | 'lockedUntil'>, nowMs: number): StatusText {
  if (!u.active) return { text: '停用', tone: 'muted' };
  if (u.lockedUntil) {
    const until = Date.parse(u.lockedUntil);
    if (!Number.isNaN(until) && until > nowMs) return { text: `锁定至 ${formatDateTime(u.lockedUntil)}`, tone: 'danger' };
  }
  return { text: '启用', tone: 'ok' };
}
