// A seeded random court for property tests: every kind of case the indicator formulas ask about, replayable by seed.
import { addDays, daysBetween } from '../../shared/dates/calendar';
import type { CaseRecord, ClosingMethod } from '../../shared/cases/types';
import { record } from './tempDb';

const TODAY = '2024-12-31';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

export const TYPES = ['民初', '民初', '民初', '刑初', '行初', '民催', '诉前调', '执', '执异', '民特'] as const;
export const DIVISIONS = [['民一庭', '王法官'], ['民一庭', '李法官'], ['刑事审判庭', '陈法官'], ['执行局', '赵法官']] as const;

export function randomCourt(seed: number, n: number): CaseRecord[] {
  const r = rng(seed);
  const out: CaseRecord[] = [];
  for (let i = 1; i <= n; i++) {
    const type = r.pick(TYPES);
    const filedOn = addDays('2021-01-01', r.int(daysBetween('2021-01-01', TODAY) + 1));
    const closedOn = r.next() < 0.65 ? addDays(filedOn, r.int(700)) : null;
    const isClosed = closedOn !== null && closedOn <= TODAY;
    const method: ClosingMethod | null = !isClosed ? null : type === '执' ? r.pick(['执行完毕', '终结本次执行', '其他'] as const) : r.pick(['判决', '调解', '撤诉', '裁定', '驳回起诉', '其他'] as const);
    const first = type === '民初' || type === '刑初' || type === '行初';
    const appealed = first && isClosed ? r.pick([null, true, false, false] as const) : null;
    const [division, judge] = r.pick(DIVISIONS);
    const claim = type === '执' && r.next() < 0.8 ? 100 + r.int(100_000) : null;
    out.push(record({
      caseNumber: `（${filedOn.slice(0, 4)}）辽0421${type}${i}号`, division, judge, filedOn,
      procedure: type === '民初' || type === '行初' ? r.pick(['普通程序', '简易程序'] as const) : type === '刑初' ? '普通程序' : null,
      cause: r.pick(['民间借贷纠纷', '买卖合同纠纷', '离婚纠纷']),
      closedOn: isClosed ? closedOn : null, closingMethod: method,
      appealed, appealOutcome: appealed ? r.pick([null, '维持', '改判', '发回重审'] as const) : null,
      originCaseNumber: !first && out.length && r.next() < 0.5 ? r.pick(out).caseNumber : null,
      enforcementClaim: claim, enforcementRecovered: claim !== null && r.next() < 0.8 ? r.int(claim + 1) : null,
      deductedDays: r.next() < 0.2 ? r.int(60) : 0, extendedDays: r.next() < 0.2 ? 30 : 0,
      reviewed: method === '判决' ? r.pick([null, true, false]) : null, precedentSearched: method === '判决' ? r.pick([null, true, false]) : null,
    }));
  }
  return out;
}

