// Renderer: numbers, dates, statuses and days remaining as shown.
import { describe, expect, it } from 'vitest';
import type { DeadlineView } from '../../shared/api/contract';
import {
  daysBetween,
  deadlineSummary,
  formatCount,
  formatDate,
  formatDateTime,
  formatSpan,
  formatYuan,
  remainingCell,
  statusLabel,
} from '../../renderer/src/lib/format';

const dl = (patch: Partial<DeadlineView>): DeadlineView => ({
  limit: '6个月',
  ruleLabel: '民初·普通程序',
  basis: '民事诉讼法第152条',
  statutoryDueOn: '2024-09-01',
  deductedDays: 0,
  extension: null,
  dueOn: '2024-09-01',
  daysRemaining: 0,
  status: 'in_time',
  steps: [],
  ...patch,
});

describe('numbers and dates', () => {
  it('groups with zh-CN separators', () => {
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(-91)).toBe('-91');
    expect(formatCount(null)).toBe('—');
    expect(formatYuan(12345.5)).toBe('12,345.50 元');
  });

  it('shows dates as YYYY-MM-DD', () => {
    expect(formatDate('2024-03-01')).toBe('2024-03-01');
    expect(formatDate('2024-03-01T08:30:00.000Z')).toBe('2024-03-01');
    expect(formatDate(null)).toBe('—');
    // UTC timestamps are shown in local time; without a zone, as written.
    const utc = new Date('2026-11-23T16:06:41.921Z');
    const local = `${utc.getFullYear()}-${String(utc.getMonth() + 1).padStart(2, '0')}-${String(utc.getDate()).padStart(2, '0')} ${String(utc.getHours()).padStart(2, '0')}:${String(utc.getMinutes()).padStart(2, '0')}`;
    expect(formatDateTime('2026-11-23T16:06:41.921Z')).toBe(local);
    expect(formatDateTime('2024-03-01 08:30:00')).toBe('2024-03-01 08:30');
    expect(daysBetween('2024-04-01', '2024-05-01')).toBe(30);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('spells spans', () => {
    expect(formatSpan(6, 0)).toBe('6个月');
    expect(formatSpan(0, 15)).toBe('15天');
    expect(formatSpan(1, 10)).toBe('1个月10天');
  });
});

describe('the 剩余天数 and 状态 columns', () => {
  it('shows negative days in red for overdue cases', () => {
    expect(remainingCell({ status: 'overdue', daysRemaining: -91, closedOn: null })).toEqual({
      text: '-91',
      tone: 'danger',
      title: '已超审限 91 天',
    });
    expect(statusLabel({ status: 'overdue', daysRemaining: -91, closedOn: null })).toEqual({ text: '已超审限', tone: 'danger' });
  });

  it('shows a stopped clock\'s frozen days marked as stopped, and 无审限 and 已结 instead of a number', () => {
    // A stopped clock is never invisible: its days remaining stay, marked as not counting down.
    expect(remainingCell({ status: 'suspended', daysRemaining: 200, closedOn: null })).toMatchObject({ text: '200·停', tone: 'info' });
    expect(remainingCell({ status: 'suspended', daysRemaining: null, closedOn: null }).text).toBe('中止');
    expect(remainingCell({ status: 'no_limit', daysRemaining: null, closedOn: null }).text).toBe('无审限');
    expect(remainingCell({ status: 'closed_in_time', daysRemaining: 5, closedOn: '2024-07-10' }).text).toBe('已结');
    const late = remainingCell({ status: 'closed_overdue', daysRemaining: -1, closedOn: '2024-07-16' });
    expect(late).toMatchObject({ text: '已结', tone: 'danger', title: '已结案，超审限 1 天结案' });
    expect(statusLabel({ status: 'closed_overdue', daysRemaining: -1, closedOn: '2024-07-16' }).text).toBe('已结·超审限');
    expect(statusLabel({ status: 'no_limit', daysRemaining: null, closedOn: null }).text).toBe('未结·无审限');
  });

  it('flags cases due within 7 days, and due today without calling them overdue', () => {
    expect(remainingCell({ status: 'in_time', daysRemaining: 0, closedOn: null })).toMatchObject({ text: '0', tone: 'warn' });
    expect(statusLabel({ status: 'in_time', daysRemaining: 0, closedOn: null }).text).toBe('今日届满');
    expect(remainingCell({ status: 'in_time', daysRemaining: 7, closedOn: null }).tone).toBe('warn');
    expect(remainingCell({ status: 'in_time', daysRemaining: 60, closedOn: null })).toMatchObject({ text: '60', tone: 'normal' });
    expect(remainingCell({ status: 'in_time', daysRemaining: 1234, closedOn: null }).text).toBe('1,234');
  });
});

describe('the case page summary (time-limits.md worked examples)', () => {
  it('民初105号: extension approved, 60 remaining', () => {
    const s = deadlineSummary(dl({ extension: '6个月', dueOn: '2025-03-01', daysRemaining: 60 }));
    expect(s.line).toBe('审限 6个月 · 已延长 6个月 · 届满日 2025-03-01 · 剩余 60 天');
    expect(s.tone).toBe('ok');
  });

  it('民初104号: overdue by 91 days', () => {
    const s = deadlineSummary(dl({ dueOn: '2024-10-01', daysRemaining: -91, status: 'overdue', deductedDays: 30 }));
    expect(s.remaining).toBe('已超审限 91 天');
    expect(s.dueOn).toBe('2024-10-01');
    expect(s.tone).toBe('danger');
  });

  it('民初108号: suspended, not overdue', () => {
    const s = deadlineSummary(dl({ dueOn: '2025-03-30', daysRemaining: 89, status: 'suspended' }));
    expect(s.remaining).toBe('中止（审限暂停计算，剩余 89 天不变）');
    expect(s.tone).toBe('info');
  });

  it('paused by another open deducted period (鉴定 …): neither in time nor overdue, days remaining kept', () => {
    expect(statusLabel({ status: 'paused', daysRemaining: 40, closedOn: null })).toEqual({ text: '暂停计算', tone: 'info' });
    expect(remainingCell({ status: 'paused', daysRemaining: 40, closedOn: null })).toEqual({ text: '40·停', tone: 'info', title: '扣除审限的期间（如鉴定）尚未结束，审限暂停计算，剩余 40 天不变' });
    const s = deadlineSummary(dl({ dueOn: '2025-03-30', daysRemaining: 40, status: 'paused' }));
    expect(s.remaining).toBe('暂停计算（扣除审限的期间尚未结束，剩余 40 天不变）');
    expect(s.tone).toBe('info');
  });

  it('民初107号: due today', () => {
    expect(deadlineSummary(dl({ limit: '2个月', dueOn: '2024-12-31', daysRemaining: 0 })).remaining).toBe('今日届满（剩余 0 天）');
  });

  it('closed cases and cases without a limit', () => {
    expect(deadlineSummary(dl({ status: 'closed_in_time', daysRemaining: 5 })).remaining).toBe('审限内结案（提前 5 天）');
    expect(deadlineSummary(dl({ status: 'closed_overdue', daysRemaining: -1 })).remaining).toBe('超审限结案（超 1 天）');
    const none = deadlineSummary(dl({ limit: null, dueOn: null, daysRemaining: null, status: 'no_limit' }));
    expect(none).toMatchObject({ limit: '无审限', dueOn: '不适用', tone: 'muted' });
  });
});
