// 各院对比 at the intermediate court on hand-built received packages: court-code order, flags against this court's ranges, the courts' median, the latest package per court, 12-month trends where a newer package's month wins, and one court's cases and extension requests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { caseRow, count, monthsOf, ratio, writeHandPackage } from '../helpers/receivedCourts';
import { compareCourts, courtCases, courtExtensions, courtTrends, medianOf } from '../../electron/core/exchange/compare/compareQueries';
import { rangesInForce, setRange } from '../../electron/core/indicators/rangeSettings';
import { SettingsStore } from '../../electron/core/settings/settingsStore';
import { InputError } from '../../electron/core/kernel/errors';
import { compareLines } from '../../shared/exchange/compareText';
import { indicatorsPartSchema } from '../../shared/exchange/parts';
import { buildParts } from '../../electron/core/exchange/parts/buildParts';
import { validateParts } from '../../electron/core/exchange/parts/validateParts';
import { writeReceivedPackage } from '../../electron/core/exchange/parts/receivedStore';
import type { DataPart } from '../../shared/exchange/parts';
import { smallCourt, PERIOD } from '../helpers/exchangeCourt';

let mid: ReturnType<typeof freshCourtDb>;
beforeEach(() => {
  mid = freshCourtDb('辽04');
  const settings = new SettingsStore(mid.db);
  setRange(settings, { id: 'clearanceRate', low: 95, high: 105 }, 'tester');
  setRange(settings, { id: 'overduePending', low: null, high: 2 }, 'tester');
});
afterEach(() => mid?.close());

const ranges = () => rangesInForce(new SettingsStore(mid.db));
const H1 = { from: '2025-01-01', to: '2025-06-30' };

/** Three courts written out of code order: clearance 90 / 100 / 110, on-time 99 / none / 80, overdue 1 / 3 / 0. */
function threeCourts() {
  writeHandPackage(mid.db, { code: '辽0423', name: '丙县人民法院', sequence: 1, ...H1, court: { clearanceRate: ratio(110, 100), onTimeRate: ratio(80, 100), overduePending: count(0), received: count(100) } });
  writeHandPackage(mid.db, { code: '辽0421', name: '甲县人民法院', sequence: 1, ...H1, court: { clearanceRate: ratio(90, 100), onTimeRate: ratio(99, 100), overduePending: count(1), received: count(100) } });
  writeHandPackage(mid.db, { code: '辽0422', name: '乙县人民法院', sequence: 1, ...H1, court: { clearanceRate: ratio(100, 100), onTimeRate: ratio(0, 0), overduePending: count(3), received: count(100) } });
}

describe('exchange.compare', () => {
  it('an intermediate court without packages: no courts, and the command line says so', () => {
    const v = compareCourts(mid.db, ranges());
    expect(v.courts).toEqual([]);
    expect(v.medians.clearanceRate).toBeNull();
    expect(compareLines(v)).toEqual(['尚未收到任何基层法院的报送包，没有可对比的数据']);
  });

  it('courts in code order, each value flagged against this court range, and the median of the courts', () => {
    threeCourts();
    const v = compareCourts(mid.db, ranges());
    expect(v.courts.map((c) => c.courtCode)).toEqual(['辽0421', '辽0422', '辽0423']);
    expect(v.courts.map((c) => c.values.clearanceRate)).toEqual([
      { value: 90, numerator: 90, denominator: 100, status: 'below' },
      { value: 100, numerator: 100, denominator: 100, status: 'inside' },
      { value: 110, numerator: 110, denominator: 100, status: 'above' },
    ]);
    expect(v.courts.map((c) => c.values.overduePending.status)).toEqual(['inside', 'above', 'inside']);
    expect(v.courts.map((c) => c.outside)).toEqual([['clearanceRate'], ['overduePending'], ['clearanceRate', 'onTimeRate']]);
    // An indicator a package lacks is no value, never a zero.
    expect(v.courts[0]!.values.appealRate).toEqual({ value: null, numerator: null, denominator: null, status: 'none' });
    expect(v.medians).toMatchObject({ clearanceRate: 100, overduePending: 1, onTimeRate: 89.5, received: 100, appealRate: null });
    expect(v.mixedPeriods).toBe(false);
    expect(v.ranges.find((r) => r.id === 'clearanceRate')).toMatchObject({ low: 95, high: 105 });

    const lines = compareLines(v);
    expect(lines[1]).toContain('辽0421\t甲县人民法院\t2025-01-01 至 2025-06-30');
    expect(lines[1]).toContain('90.0% ▼偏低');
    expect(lines[3]).toContain('110.0% ▲偏高');
    expect(lines[4]).toMatch(/^\t各院中位数\t\t/);
    expect(lines).toContain('乙县人民法院超出合理区间：超审限未结案件数▲偏高');
  });

  // Found by the e2e test: the median of two values with decimals (66.7 and 33.3) went through the indicators' integer
  // quotient, which threw on a non-integer (RangeError: not an integer): 内部错误 on the whole page.
  it('the median of values with decimals, both in the table and month by month', () => {
    writeHandPackage(mid.db, { code: '辽0421', name: '甲', sequence: 1, ...H1, court: { clearanceRate: ratio(2, 3), caseItemRatio: { value: 1.24 } }, months: monthsOf('2025-06', 'clearanceRate', () => 66.7) });
    writeHandPackage(mid.db, { code: '辽0422', name: '乙', sequence: 1, ...H1, court: { clearanceRate: ratio(1, 3), caseItemRatio: { value: 1.31 } }, months: monthsOf('2025-06', 'clearanceRate', () => 33.4) });
    const v = compareCourts(mid.db, ranges());
    expect(v.medians.clearanceRate).toBe(50);
    expect(v.medians.caseItemRatio).toBe(1.28);
    // 66.7 and 33.4: 50.05, shown half up as the rate's one decimal (a binary 50.05 printed as 50.0).
    expect(courtTrends(mid.db, ranges(), 'clearanceRate').medians).toEqual(Array(12).fill(50.1));
  });

  // Found in review: 调解率 0.0% and 33.3% showed a median of 16.6% (16.65 printed by toFixed as a binary fraction).
  it('a median between two shown values is rounded half up to the decimals the indicator shows', () => {
    expect(medianOf('mediationRate', [0, 33.3, null])).toBe(16.7);
    expect(medianOf('avgDuration', [69, 34.3])).toBe(51.7);
    expect(medianOf('caseItemRatio', [1.24, 1.31])).toBe(1.28);
    expect(medianOf('received', [3, 4])).toBe(3.5);
    expect(medianOf('clearanceRate', [10, 90, 50])).toBe(50);
    expect(medianOf('clearanceRate', [null, null])).toBeNull();
  });

  it('the latest package of a court stands for it; the table says when periods differ', () => {
    threeCourts();
    writeHandPackage(mid.db, { code: '辽0421', name: '甲县人民法院', sequence: 2, from: '2025-01-01', to: '2025-07-31', court: { clearanceRate: ratio(96, 100) } });
    const v = compareCourts(mid.db, ranges());
    expect(v.courts[0]).toMatchObject({ courtCode: '辽0421', sequence: 2, periodTo: '2025-07-31', outside: [] });
    expect(v.courts[0]!.values.clearanceRate.value).toBe(96);
    expect(v.medians.clearanceRate).toBe(100);
    expect(v.mixedPeriods).toBe(true);
    expect(compareLines(v).at(-1)).toContain('期间不同');
  });
});

describe('exchange.trends', () => {
  it('twelve months per court on one axis of months, the newest package winning a month, the median per month', () => {
    // 甲: first package to 15 June (June cut short: 6), then one to 30 June whose months replace May (50) and add a whole June (60).
    writeHandPackage(mid.db, { code: '辽0421', name: '甲县人民法院', sequence: 1, from: '2025-01-01', to: '2025-06-15', court: {}, months: monthsOf('2025-06', 'clearanceRate', (_m, i) => i + 1 - 6, '2025-06-15') });
    writeHandPackage(mid.db, { code: '辽0421', name: '甲县人民法院', sequence: 2, ...H1, court: {}, months: monthsOf('2025-06', 'clearanceRate', (m) => (m === '2025-05' ? 50 : m === '2025-06' ? 60 : null)) });
    // 乙 reaches July, so the months run August 2024 to July 2025.
    writeHandPackage(mid.db, { code: '辽0422', name: '乙县人民法院', sequence: 1, from: '2025-01-01', to: '2025-07-31', court: {}, months: monthsOf('2025-07', 'clearanceRate', () => 100) });
    const t = courtTrends(mid.db, ranges(), 'clearanceRate');
    expect(t.months).toEqual(['2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07']);
    expect(t.range).toEqual({ low: 95, high: 105 });
    expect(t.courts.map((c) => c.courtCode)).toEqual(['辽0421', '辽0422']);
    // The newer package's May and June; its null months replace the older ones too (same month rows); no July.
    expect(t.courts[0]!.values).toEqual([null, null, null, null, null, null, null, null, null, 50, 60, null]);
    expect(t.courts[1]!.values).toEqual(Array(12).fill(100));
    expect(t.medians.slice(9)).toEqual([75, 80, 100]);
    expect(t.medians[0]).toBe(100);
    // The older cut-short June stays stored beside the whole one, but loses to it.
    expect(mid.db.prepare("SELECT count(*) FROM received_indicators WHERE sender_code = '辽0421' AND period_from = '2025-06-01' AND indicator_id = 'clearanceRate'").pluck().get()).toBe(2);
    expect(mid.db.prepare("SELECT count(*) FROM received_indicators WHERE sender_code = '辽0421' AND period_from = '2025-05-01' AND indicator_id = 'clearanceRate'").pluck().get()).toBe(1);
  });

  it('no package: no months', () => {
    expect(courtTrends(mid.db, ranges(), 'onTimeRate')).toEqual({ indicator: 'onTimeRate', months: [], range: expect.anything(), medians: [], courts: [] });
  });
});

describe('a court own cases and extension requests', () => {
  const N = (n: number) => `（2025）辽0421民初${n}号`;
  beforeEach(() => {
    writeHandPackage(mid.db, {
      code: '辽0421', name: '甲县人民法院', sequence: 1, ...H1, court: {},
      cases: [
        caseRow(N(1), { filedOn: '2025-01-05', dueOn: '2025-06-01' }), // open, overdue at 30 June
        caseRow(N(2), { filedOn: '2025-02-05', dueOn: '2025-08-01', division: '民二庭', judge: '周法官' }), // open, not yet due
        caseRow(N(3), { filedOn: '2025-03-05', closedOn: '2025-05-01', closingMethod: '调解', clock: 'closed', dueOn: '2025-09-05', closedOverdue: false, durationDays: 57 }),
        caseRow(N(4), { filedOn: '2025-04-05', dueOn: null, clock: 'suspended' }), // open, no due date while suspended
      ],
      extensions: {
        extensionRequests: [
          { id: 7, caseNumber: N(1), months: 3, days: 0, reason: '案情复杂', requestedOn: '2025-05-20', late: false, status: 'approved', decidedOn: '2025-05-25' },
          { id: 8, caseNumber: N(2), months: 0, days: 30, reason: '需要鉴定', requestedOn: '2025-06-10', late: true, status: 'pending', decidedOn: null },
        ],
        extensionDecisions: [
          { id: 12, requestId: 7, step: 'decision', outcome: 'approved', decidedOn: '2025-05-25', months: 3, days: 0, comment: '同意' },
          { id: 11, requestId: 7, step: 'opinion', outcome: 'agree', decidedOn: '2025-05-22', months: null, days: null, comment: null },
        ],
      },
    });
  });

  it('open, overdue (a due date before the latest package end) or all, newest filing first, paginated', () => {
    const numbers = (f: 'open' | 'overdue' | 'all', limit = 50, offset = 0) => {
      const r = courtCases(mid.db, { courtCode: '辽0421', filter: f, limit, offset });
      return { total: r.total, rows: r.rows.map((c) => c.caseNumber) };
    };
    expect(numbers('open')).toEqual({ total: 3, rows: [N(4), N(2), N(1)] });
    expect(numbers('overdue')).toEqual({ total: 1, rows: [N(1)] });
    expect(numbers('all')).toEqual({ total: 4, rows: [N(4), N(3), N(2), N(1)] });
    expect(numbers('all', 2, 2)).toEqual({ total: 4, rows: [N(2), N(1)] });
    const r = courtCases(mid.db, { courtCode: '辽0421', filter: 'all', limit: 1, offset: 1 });
    expect(r).toMatchObject({ courtName: '甲县人民法院', asOf: '2025-06-30', filter: 'all', offset: 1 });
    expect(r.rows[0]).toEqual({ caseNumber: N(3), cause: '民间借贷纠纷', division: '民一庭', judge: '王法官', filedOn: '2025-03-05', closedOn: '2025-05-01', dueOn: '2025-09-05', clock: 'closed', closedOverdue: false });
  });

  it('extension requests newest first with their steps in order and the case division and judge', () => {
    const r = courtExtensions(mid.db, '辽0421');
    expect(r.rows.map((x) => [x.caseNumber, x.status, x.division, x.judge, x.late])).toEqual([[N(2), 'pending', '民二庭', '周法官', true], [N(1), 'approved', '民一庭', '王法官', false]]);
    expect(r.rows[1]!.decisions.map((d) => [d.step, d.outcome])).toEqual([['opinion', 'agree'], ['decision', 'approved']]);
    expect(r.rows[0]!.decisions).toEqual([]);
  });

  it('a court with no package is named in a clear message', () => {
    for (const f of [() => courtCases(mid.db, { courtCode: '辽0429', filter: 'all', limit: 10, offset: 0 }), () => courtExtensions(mid.db, '辽0429')]) {
      expect(f).toThrow(InputError);
      expect(f).toThrow('尚未收到法院“辽0429”的报送包');
    }
  });
});

describe('the months of indicators.json', () => {
  it('a package carries the court figures of the 12 months ending with its period, stored as court rows of each month', () => {
    const basic = smallCourt('辽0421');
    try {
      basic.put([record({ caseNumber: '（2024）辽0421民初5号', filedOn: '2024-11-03' })], '2024-12-31');
      const { parts } = buildParts(basic.db, { from: '2024-07-01', to: '2024-12-20', sinceRowVersion: null, includePartyNames: false });
      const ind = JSON.parse(parts.find((p) => p.name === 'indicators.json')!.data.toString()) as { months: Array<{ from: string; to: string; values: Record<string, { value: number | null }> }> };
      expect(ind.months.map((m) => `${m.from}/${m.to}`)).toEqual([
        '2024-01-01/2024-01-31', '2024-02-01/2024-02-29', '2024-03-01/2024-03-31', '2024-04-01/2024-04-30', '2024-05-01/2024-05-31', '2024-06-01/2024-06-30',
        '2024-07-01/2024-07-31', '2024-08-01/2024-08-31', '2024-09-01/2024-09-30', '2024-10-01/2024-10-31', '2024-11-01/2024-11-30', '2024-12-01/2024-12-20',
      ]);
      // smallCourt: A filed 1 March, B filed 1 February and closed 30 June; the added case filed 3 November.
      expect(ind.months.map((m) => m.values.received!.value)).toEqual([0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
      expect(ind.months[5]!.values.resolved!.value).toBe(1);

      const counts = Object.fromEntries(parts.map((p) => [p.name, p.rows])) as Record<DataPart, number>;
      const v = validateParts(new Map(parts.map((p) => [p.name as string, p.data])), { senderCode: '辽0421', kind: 'full', counts });
      if (!v.ok) throw new Error(v.message);
      mid.db.transaction(() => writeReceivedPackage(mid.db, {
        packageId: 'p1', senderCode: '辽0421', senderName: '测试县人民法院', sequence: 1, kind: 'full', baseSequence: null, periodFrom: '2024-07-01', periodTo: '2024-12-20',
        payloadSha256: '1'.repeat(64), manifestJson: '{}', createdAt: '2024-12-20T00:00:00Z', includesPartyNames: false, receivedBy: 'tester', warning: null,
      }, v.rows))();
      const t = courtTrends(mid.db, ranges(), 'received');
      expect(t.months.at(-1)).toBe('2024-12');
      expect(t.courts[0]!.values).toEqual([0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
      // The period's own figures keep every scope; the months are court rows only.
      expect(mid.db.prepare("SELECT DISTINCT scope FROM received_indicators WHERE period_from = '2024-02-01'").pluck().all()).toEqual(['court']);
      expect(mid.db.prepare("SELECT count(DISTINCT scope) FROM received_indicators WHERE period_from = '2024-07-01' AND period_to = '2024-12-20'").pluck().get()).toBeGreaterThan(1);
    } finally {
      basic.close();
    }
  });

  it('the months are checked strictly: inside one month, not after the period, in order, no stray field', () => {
    const base = { from: PERIOD.from, to: '2024-06-30', groups: [] };
    const m = (from: string, to: string, extra: object = {}) => ({ from, to, values: { received: { value: 1 } }, ...extra });
    expect(indicatorsPartSchema.safeParse({ ...base, months: [m('2024-05-01', '2024-05-31'), m('2024-06-01', '2024-06-30')] }).success).toBe(true);
    expect(indicatorsPartSchema.parse(base).months).toEqual([]);
    const bad = (months: unknown[]) => {
      const r = indicatorsPartSchema.safeParse({ ...base, months });
      return r.success ? null : r.error.issues[0]!.message;
    };
    expect(bad([m('2024-05-02', '2024-05-31')])).toBe('月份的起止日期应在同一个月内，从 1 日起');
    expect(bad([m('2024-05-01', '2024-06-03')])).toBe('月份的起止日期应在同一个月内，从 1 日起');
    expect(bad([m('2024-07-01', '2024-07-31')])).toBe('月份晚于报送期间');
    expect(bad([m('2024-06-01', '2024-06-30'), m('2024-05-01', '2024-05-31')])).toBe('月份应从早到晚排列且不重复');
    expect(bad([m('2024-05-01', '2024-05-31', { scope: 'court' })])).toMatch(/scope/);
    expect(bad(Array.from({ length: 13 }, () => m('2024-05-01', '2024-05-31')))).not.toBeNull();
  });
});
