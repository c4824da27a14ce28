// indicators.cases on a built court: for every indicator and part, the cases listed are exactly as many as compute counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { INDICATOR_IDS } from '../../shared/indicators/catalogue';
import { INDICATOR_PARTS, partCount, type DrillPart } from '../../shared/indicators/parts';
import type { IndicatorCasesResult, IndicatorsResult } from '../../shared/indicators/api';
import type { CaseRecord, ClosingMethod } from '../../shared/cases/types';
import { addDays } from '../../shared/dates/calendar';

const TODAY = '2024-12-31';
const PASSWORD = 'right-pass-1';
const PERIOD = { from: '2024-01-01', to: '2024-09-30' };
const PEOPLE = [['民一庭', '王法官'], ['民一庭', '李法官'], ['刑事审判庭', '陈法官'], ['执行局', '赵法官']] as const;
const TYPES = ['民初', '民初', '民初', '刑初', '行初', '民催', '诉前调', '执', '执', '执异'] as const;
const METHODS: Record<string, readonly ClosingMethod[]> = {
  执: ['执行完毕', '终结本次执行'],
  other: ['判决', '调解', '撤诉', '裁定', '驳回起诉', '其他'],
};

/** A small seeded generator (mulberry32), so the court is the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

/*
 * 600 cases over three years, every kind of case, closing, appeal, link and amount, so that every part of every
 * indicator holds some cases in the period (checked below, or the test could pass comparing zeros).
 */
function court(): CaseRecord[] {
  const r = rng(14);
  const out: CaseRecord[] = [];
  for (let i = 0; i < 600; i++) {
    const type = r.pick(TYPES);
    const filedOn = addDays('2021-06-01', r.int(1300));
    const closedOn = r.next() < 0.3 ? null : addDays(filedOn, r.int(400));
    const isClosed = closedOn !== null && closedOn <= TODAY;
    const first = type === '民初' || type === '刑初' || type === '行初';
    const [division, judge] = r.pick(PEOPLE);
    const appealed = first && isClosed ? r.pick([true, false, null] as const) : null;
    const method = isClosed ? r.pick(type === '执' ? METHODS.执 : METHODS.other) : null;
    out.push(record({
      caseNumber: `（${filedOn.slice(0, 4)}）辽0421${type}${i + 1}号`, division, judge, filedOn,
      procedure: type === '民初' || type === '行初' ? r.pick(['普通程序', '简易程序'] as const) : type === '刑初' ? '普通程序' : null,
      closedOn: isClosed ? closedOn : null, closingMethod: method,
      appealed, appealOutcome: appealed ? r.pick(['维持', '改判', '发回重审'] as const) : null,
      originCaseNumber: !first && out.length && r.next() < 0.6 ? r.pick(out).caseNumber : null,
      enforcementClaim: type === '执' && r.next() < 0.8 ? 1000 + i : null, enforcementRecovered: type === '执' ? i : null,
      extendedDays: r.next() < 0.2 ? 60 : 0,
      reviewed: method === '判决' ? r.pick([true, false, null]) : null, precedentSearched: method === '判决' ? r.pick([true, false, null]) : null,
    }));
  }
  return out;
}

let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const sessions = new Map<string, string>();

beforeAll(async () => {
  t = freshCourtDb();
  const cases = court();
  t.put(cases, TODAY);
  // 先行调解 of 民初 cases ending in the period, settled or not.
  const mediation = t.db.prepare(`INSERT INTO mediations (case_id, destination, mediator, received_on, base_days, ended_on, outcome, row_version, created_at, updated_at)
    VALUES ((SELECT id FROM cases WHERE case_number = ?), '特邀调解员', '调解员甲', ?, 15, ?, ?, 1, 'x', 'x')`);
  cases.filter((c) => c.caseNumber.includes('民初')).slice(0, 40).forEach((c, i) => mediation.run(c.caseNumber, c.filedOn, addDays(c.filedOn, 10), i % 2 ? '调解成功' : '调解不成转审理'));
  const accounts = new AccountStore(t.db);
  accounts.create({ name: '王法官', roles: ['judge'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '院长戊', roles: ['president'], division: null, password: PASSWORD, actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
  for (const name of ['王法官', '院长戊']) sessions.set(name, ((await core.call('auth.signIn', { name, password: PASSWORD })).session as { set: string }).set);
});
afterAll(() => {
  core.close();
  t.cleanup();
});

async function call<T>(who: string, method: 'indicators.compute' | 'indicators.cases', args: Record<string, unknown>) {
  return core.call(method, args, { session: sessions.get(who) }) as Promise<{ ok: boolean; value: T; error: { code: string; message: string } }>;
}
async function value<T>(who: string, method: 'indicators.compute' | 'indicators.cases', args: Record<string, unknown>): Promise<T> {
  const r = await call<T>(who, method, args);
  expect(r.ok, JSON.stringify(r.error)).toBe(true);
  return r.value;
}

const PARTS = INDICATOR_IDS.flatMap((id) => (Object.keys(INDICATOR_PARTS[id]) as DrillPart[]).map((part) => [id, part] as const));

describe.each(['院长戊', '王法官'])('as %s', (who) => {
  let computed: IndicatorsResult;
  beforeAll(async () => {
    computed = await value<IndicatorsResult>(who, 'indicators.compute', PERIOD);
  });

  it.each(PARTS)('%s %s lists as many cases as compute counts', async (id, part) => {
    const r = await value<IndicatorCasesResult>(who, 'indicators.cases', { ...PERIOD, id, part, limit: 500 });
    expect(r.rows.length).toBe(r.total);
    expect(r.hasMore).toBe(false);
    const expected = partCount(id, part, computed.total);
    if (expected !== null) expect(r.total + r.outOfScope, r.title).toBe(expected);
    if (who === '院长戊') {
      expect(r.outOfScope).toBe(0);
      // Each part holds cases on this court, so the equality above is not one between two zeros (but the rare sets).
      if (!['longPending36', 'preMediationRate'].includes(id) && !(id === 'pendingAge' && part === '>36')) expect(r.total, r.title).toBeGreaterThan(0);
    } else {
      expect(new Set(r.rows.map((c) => c.judge))).toEqual(r.rows.length ? new Set(['王法官']) : new Set());
    }
    expect(new Set(r.rows.map((c) => c.id)).size).toBe(r.rows.length);
  });
});

describe('the cases behind a figure', () => {
  it('says what it lists in words', async () => {
    const r = await value<IndicatorCasesResult>('院长戊', 'indicators.cases', { ...PERIOD, id: 'onTimeRate', part: 'denominator' });
    expect(r.title).toBe('法定审限内结案率 · 分母：已结且有法定审限的案件 · 2024-01-01 至 2024-09-30');
    expect(r.scope).toBe('全院案件');
  });

  it('narrows to a judge as compute does, and pages', async () => {
    const mine = await value<IndicatorCasesResult>('王法官', 'indicators.cases', { ...PERIOD, id: 'resolved', part: 'count', limit: 500 });
    const asked = await value<IndicatorCasesResult>('院长戊', 'indicators.cases', { ...PERIOD, id: 'resolved', part: 'count', judge: '王法官', limit: 500 });
    expect(asked.rows.map((c) => c.id)).toEqual(mine.rows.map((c) => c.id));
    const page = await value<IndicatorCasesResult>('院长戊', 'indicators.cases', { ...PERIOD, id: 'resolved', part: 'count', limit: 3, offset: 3 });
    expect(page.rows.map((c) => c.id)).toEqual((await value<IndicatorCasesResult>('院长戊', 'indicators.cases', { ...PERIOD, id: 'resolved', part: 'count', limit: 500 })).rows.slice(3, 6).map((c) => c.id));
    expect(page.hasMore).toBe(true);
  });

  it('lists the 件 a judge holds and counts the rest as out of his scope', async () => {
    const computed = await value<IndicatorsResult>('王法官', 'indicators.compute', PERIOD);
    const r = await value<IndicatorCasesResult>('王法官', 'indicators.cases', { ...PERIOD, id: 'caseItemRatio', part: 'numerator', limit: 500 });
    expect(r.outOfScope).toBeGreaterThan(0);
    expect(r.total + r.outOfScope).toBe(computed.total.caseItemRatio.numerator);
  });

  it.each([
    [{ id: 'avgDuration', part: 'numerator' }, 'part', '“平均审理天数”没有可以打开的分子'],
    [{ id: 'resolved', part: 'numerator' }, 'part', '“结案数”没有可以打开的分子'],
    [{ id: 'nothing', part: 'count' }, 'id', '没有这个指标'],
    [{ id: 'resolved', part: 'count', judge: '无此人' }, 'judge', '没有名为“无此人”的人员'],
    [{ id: 'resolved', part: 'count', from: '2024-10-01' }, 'to', '截止日期 2024-09-30 早于起始日期 2024-10-01'],
  ])('refuses %j in Chinese', async (args, _field, message) => {
    const r = await call<IndicatorCasesResult>('院长戊', 'indicators.cases', { ...PERIOD, ...args });
    expect(r.ok).toBe(false);
    expect(r.error.message).toContain(message);
  });
});
