// Renderer: the ledger review's pure parts: where a measure's day falls on the month axis, its markers, the addresses, names typed into the attendees box, and the save's message without the dispatcher's English field name.
import { describe, expect, it, vi } from 'vitest';
import { dayPosition, measureMarkers, valueText } from '../../renderer/src/features/ledgerReview/trendChart';
import { formatLedgerReviewRoute, parseLedgerReviewRoute } from '../../renderer/src/features/ledgerReview/routes';
import { saveMeeting, splitNames } from '../../renderer/src/features/ledgerReview/store';
import { previousMonthOf } from '../../renderer/src/features/ledgerReview/MeetingsPage';
import { splitHash } from '../../renderer/src/router/hash';
import type { CourtDeskApi } from '../../shared/api/contract';

const MONTHS = ['2025-06', '2025-07', '2025-08'];
const measure = (startOn: string, dueOn: string, doneOn: string | null = null) => ({ id: 1, text: '措施', short: '措施', kindLabel: '整改措施', startOn, dueOn, doneOn, statusLabel: '推进中' });

describe('the trend chart’s markers', () => {
  it.each([
    ['the first day sits at the month’s left edge', '2025-07-01', 1 - 0.5 + 0.5 / 31],
    ['the last day at its right edge', '2025-07-31', 1 - 0.5 + 30.5 / 31],
    ['mid-June', '2025-06-15', -0.5 + 14.5 / 30],
    ['outside the months shown', '2025-09-01', null],
  ] as const)('%s', (_, day, at) => {
    const p = dayPosition(MONTHS, day);
    if (at === null) expect(p).toBeNull();
    else expect(p).toBeCloseTo(at, 10);
  });

  it('marks a start and a done or due end, in axis order, leaving out days off the axis', () => {
    expect(measureMarkers(MONTHS, [measure('2025-07-01', '2025-12-31'), measure('2025-06-10', '2025-08-20', '2025-08-10')]).map((m) => [m.kind, m.text])).toEqual([
      ['start', '▶ 开始 措施'],
      ['start', '▶ 开始 措施'],
      ['end', '■ 完成 措施'],
    ]);
    expect(measureMarkers(MONTHS, [measure('2025-07-01', '2025-08-31')]).map((m) => m.text)).toEqual(['▶ 开始 措施', '◆ 截止 措施']);
  });

  it('writes values in the indicator’s unit', () => {
    expect([valueText({ kind: 'ratio' }, 3.4), valueText({ kind: 'ratioPair' }, 1.2), valueText({ kind: 'days' }, 45), valueText({ kind: 'count' }, 12)]).toEqual(['3.4%', '1 : 1.20', '45.0 天', '12']);
  });
});

describe('the addresses', () => {
  it.each([
    ['#/ledger/point?id=3', { name: 'ledgerPoint', id: 3 }],
    ['#/ledger/meetings', { name: 'ledgerMeetings' }],
    ['#/ledger/meeting?id=12', { name: 'ledgerMeeting', id: 12 }],
    ['#/ledger/point?id=0', null],
    ['#/ledger/point?id=1e3', null],
    ['#/ledger/meeting', null],
    ['#/ledger', null],
    ['#/ledger/other?id=1', null],
  ] as const)('%s', (hash, route) => {
    const parsed = parseLedgerReviewRoute(splitHash(hash)!);
    expect(parsed).toEqual(route);
    if (parsed) expect(formatLedgerReviewRoute(parsed)).toBe(hash);
  });
});

describe('the meeting form', () => {
  it('splits attendees on lines, commas and 、, dropping blanks and repeats', () => {
    expect(splitNames('院长戊\n副院长丁、统计己，院长戊\n\n ; 王五 ')).toEqual(['院长戊', '副院长丁', '统计己', '王五']);
  });

  it('defaults the period to the month before the meeting', () => {
    expect(previousMonthOf('2025-10-15')).toEqual({ from: '2025-09-01', to: '2025-09-30' });
    expect(previousMonthOf('2024-03-01')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousMonthOf('2025-01-09')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
  });

  it('shows the core’s message beside its box without the dispatcher’s English field name', async () => {
    const api = { 'ledger.addMeeting': vi.fn(async () => ({ ok: false as const, error: { code: 'BAD_ARGS' as const, message: '参数“attendees”：请填写参会人员', field: 'attendees' } })) } as unknown as Pick<CourtDeskApi, 'ledger.addMeeting'>;
    expect(await saveMeeting(api, { heldOn: '2025-10-15', title: 'x', attendees: [], indicators: ['onTimeRate'] })).toEqual({ error: '请填写参会人员', field: 'attendees' });
  });
});
