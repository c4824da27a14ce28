// The synthetic court generator: same seed same court, well-formed numbers and dates, and a docket that looks like a weak basic court's.
import { describe, expect, it } from 'vitest';
import { generateCourt } from '../../electron/core/generator/generate';
import type { GeneratedCase, GeneratorOptions } from '../../electron/core/generator/types';
import { parseCaseNumber } from '../../shared/cases/caseNumber';
import { computeDeadline } from '../../shared/deadlines/engine';
import { PROCEDURES_BY_STAGE } from '../../shared/deadlines/limits';
import { addMonths, isIsoDate } from '../../shared/dates/calendar';

const TODAY = '2025-06-30';
const OPTIONS: GeneratorOptions = { courtCode: '辽0421', cases: 20_000, seed: 20240601, today: TODAY };
const court = generateCourt(OPTIONS);
const all: GeneratedCase[] = [...court.cases];

function take(iterable: Iterable<GeneratedCase>, n: number): GeneratedCase[] {
  const out: GeneratedCase[] = [];
  for (const c of iterable) {
    if (out.length === n) break;
    out.push(c);
  }
  return out;
}

const typeOf = (c: GeneratedCase): string => {
  const p = parseCaseNumber(c.record.caseNumber);
  if (!p.ok) throw new Error(p.error);
  return p.value.typeCode;
};

const deadlineOf = (c: GeneratedCase) =>
  computeDeadline(
    {
      typeCode: typeOf(c), procedure: c.record.procedure, limitVariant: c.record.limitVariant, filedOn: c.record.filedOn,
      closedOn: c.record.closedOn, events: c.events, extensions: c.extensions, importedDeductedDays: 0, importedExtendedDays: 0,
    },
    TODAY,
  );

const share = (part: number, whole: number) => part / whole;

describe('determinism', () => {
  it('gives the same court for the same seed, a different one for another seed', () => {
    const again = generateCourt(OPTIONS);
    expect(JSON.stringify(again.divisions)).toBe(JSON.stringify(court.divisions));
    expect(JSON.stringify(again.staff)).toBe(JSON.stringify(court.staff));
    expect(JSON.stringify(take(again.cases, 2000))).toBe(JSON.stringify(all.slice(0, 2000)));

    const other = generateCourt({ ...OPTIONS, seed: OPTIONS.seed + 1 });
    expect(JSON.stringify(take(other.cases, 2000))).not.toBe(JSON.stringify(all.slice(0, 2000)));
    expect(JSON.stringify(other.staff)).not.toBe(JSON.stringify(court.staff));
  });

  it('can be iterated twice with identical results', () => {
    expect(JSON.stringify(take(court.cases, 500))).toBe(JSON.stringify(all.slice(0, 500)));
  });

  it('yields exactly the number of cases asked for', () => {
    expect(all).toHaveLength(OPTIONS.cases);
    for (const n of [0, 1, 7, 333]) expect([...generateCourt({ ...OPTIONS, cases: n }).cases]).toHaveLength(n);
  });

  it('refuses a malformed court code or date', () => {
    expect(() => generateCourt({ ...OPTIONS, courtCode: 'XX12' })).toThrow();
    expect(() => generateCourt({ ...OPTIONS, today: '2025-02-30' })).toThrow();
  });
});

describe('court structure', () => {
  const divisionNames = new Set(court.divisions.map((d) => d.name));
  const judges = court.staff.filter((s) => s.roles.includes('judge'));

  it('has a weak basic court\'s divisions, tribunals among them, one with a long name', () => {
    expect(court.divisions.length).toBeGreaterThanOrEqual(12);
    expect(court.divisions.length).toBeLessThanOrEqual(16);
    for (const name of ['立案庭', '民一庭', '民二庭', '刑事审判庭', '行政审判庭', '执行局', '审判管理办公室']) expect(divisionNames).toContain(name);
    expect(court.divisions.find((d) => d.name === '执行局')?.kind).toBe('enforcement');
    expect(court.divisions.find((d) => d.name === '审判管理办公室')?.kind).toBe('office');
    const tribunals = court.divisions.filter((d) => d.kind === 'tribunal');
    expect(tribunals.length).toBeGreaterThanOrEqual(4);
    expect(tribunals.length).toBeLessThanOrEqual(6);
    expect(tribunals.every((t) => t.name.endsWith('人民法庭'))).toBe(true);
    expect(Math.max(...court.divisions.map((d) => d.name.length))).toBeGreaterThanOrEqual(14);
  });

  it('has unique staff names, 40 to 90 judges, one head per trial division, and the court leaders', () => {
    expect(new Set(court.staff.map((s) => s.name)).size).toBe(court.staff.length);
    expect(judges.length).toBeGreaterThanOrEqual(40);
    expect(judges.length).toBeLessThanOrEqual(90);
    for (const s of court.staff) {
      expect(s.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/u);
      if (s.division !== null) expect(divisionNames).toContain(s.division);
    }
    for (const d of court.divisions) {
      const heads = court.staff.filter((s) => s.division === d.name && s.roles.includes('division_head'));
      expect(heads, d.name).toHaveLength(1);
    }
    expect(court.staff.filter((s) => s.roles.includes('president'))).toHaveLength(1);
    expect(court.staff.find((s) => s.roles.includes('president'))?.roles).toContain('judge');
    expect(court.staff.filter((s) => s.roles.includes('vice_president'))).toHaveLength(2);
    expect(court.staff.some((s) => s.roles.includes('statistician') && s.division === '审判管理办公室')).toBe(true);
    expect(court.staff.some((s) => s.roles.includes('admin'))).toBe(true);
    expect(court.staff.some((s) => s.roles.includes('assistant'))).toBe(true);
    expect(court.staff.some((s) => s.roles.includes('clerk'))).toBe(true);
  });

  it('assigns every case to a known division and a judge on the staff', () => {
    const judgeNames = new Set(judges.map((j) => j.name));
    const wrong = all.filter((c) => !divisionNames.has(c.record.division) || !judgeNames.has(c.record.judge));
    expect(wrong.map((c) => c.record.caseNumber)).toEqual([]);
  });

  it('spreads work unevenly over judges', () => {
    const counts = new Map<string, number>();
    for (const c of all) counts.set(c.record.judge, (counts.get(c.record.judge) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1];
    expect(sorted[sorted.length - 1] / median).toBeGreaterThanOrEqual(2);
  });
});

describe('case numbers and dates', () => {
  it('parses every case number, in canonical form, with the court code and the filing year', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    const lastSeq = new Map<string, number>();
    for (const c of all) {
      const n = c.record.caseNumber;
      const p = parseCaseNumber(n);
      if (!p.ok) {
        problems.push(`${n}: ${p.error}`);
        continue;
      }
      if (p.value.canonical !== n) problems.push(`${n}: not canonical`);
      if (p.value.courtCode !== OPTIONS.courtCode) problems.push(`${n}: court code`);
      if (!p.value.knownType) problems.push(`${n}: unknown type`);
      if (String(p.value.year) !== c.record.filedOn.slice(0, 4)) problems.push(`${n}: year differs from ${c.record.filedOn}`);
      if (seen.has(n)) problems.push(`${n}: duplicate`);
      seen.add(n);
      // Numbers run from 1 per year and type, in filing order.
      const key = `${p.value.year}${p.value.typeCode}`;
      if (p.value.seq !== (lastSeq.get(key) ?? 0) + 1) problems.push(`${n}: sequence gap`);
      lastSeq.set(key, p.value.seq);
    }
    expect(problems).toEqual([]);
  });

  it('keeps dates valid and ordered, events inside the case, extensions decided in time', () => {
    const problems: string[] = [];
    let previousFiling = '';
    for (const c of all) {
      const r = c.record;
      const n = r.caseNumber;
      const end = r.closedOn ?? TODAY;
      if (!isIsoDate(r.filedOn) || r.filedOn > TODAY) problems.push(`${n}: filed ${r.filedOn}`);
      if (r.filedOn < previousFiling) problems.push(`${n}: out of filing order`);
      previousFiling = r.filedOn;
      if (r.closedOn !== null && (!isIsoDate(r.closedOn) || r.closedOn < r.filedOn || r.closedOn > TODAY)) problems.push(`${n}: closed ${r.closedOn}`);
      for (const e of c.events) {
        // A 先行调解 still running today has its consented days on file to their end, which may lie ahead (as the app
        // records them); every other period lies inside the case.
        const last = e.kind === '先行调解延长' && c.mediation?.endedOn === null ? '9999-12-31' : end;
        if (!isIsoDate(e.fromOn) || e.fromOn < r.filedOn || e.fromOn > last) problems.push(`${n}: ${e.kind} from ${e.fromOn}`);
        if (e.toOn === null) {
          if (r.closedOn !== null) problems.push(`${n}: closed while ${e.kind} is still open`);
        } else if (!isIsoDate(e.toOn) || e.toOn < e.fromOn || e.toOn > last) problems.push(`${n}: ${e.kind} to ${e.toOn}`);
      }
      for (const x of c.extensions) {
        if (x.requestedOn < r.filedOn || x.requestedOn > end) problems.push(`${n}: extension requested ${x.requestedOn}`);
        if (x.status === 'pending' || x.status === 'higher_court') {
          if (x.decidedOn !== null || r.closedOn !== null) problems.push(`${n}: undecided extension on a closed case or with a decision date`);
        } else if (x.decidedOn === null || x.decidedOn < x.requestedOn || x.decidedOn > end) problems.push(`${n}: extension decided ${x.decidedOn}`);
        if (!(x.months > 0) || x.reason.length === 0) problems.push(`${n}: extension without months or reason`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('files mostly on working days, over about ten years, growing', () => {
    const weekend = all.filter((c) => [0, 6].includes(new Date(`${c.record.filedOn}T00:00:00Z`).getUTCDay())).length;
    expect(share(weekend, all.length)).toBeLessThan(0.03);
    const perYear = new Map<string, number>();
    for (const c of all) perYear.set(c.record.filedOn.slice(0, 4), (perYear.get(c.record.filedOn.slice(0, 4)) ?? 0) + 1);
    expect(perYear.size).toBe(10);
    // The current year is partial; compare the last full year with the first.
    const years = [...perYear.keys()].sort();
    expect(perYear.get(years[years.length - 2])!).toBeGreaterThan(perYear.get(years[0])!);
  });
});

describe('case fields', () => {
  it('has a closing method exactly when closed, and only first-instance cases carry appeals', () => {
    const problems: string[] = [];
    for (const c of all) {
      const r = c.record;
      const n = r.caseNumber;
      const t = typeOf(c);
      if ((r.closedOn === null) !== (r.closingMethod === null)) problems.push(`${n}: closedOn and closingMethod disagree`);
      const firstInstance = t === '民初' || t === '刑初' || t === '行初';
      if ((!firstInstance || r.closedOn === null) && r.appealed !== null) problems.push(`${n}: appealed set`);
      if (r.appealOutcome !== null && r.appealed !== true) problems.push(`${n}: outcome without appeal`);
      if (firstInstance ? !PROCEDURES_BY_STAGE[t].includes(r.procedure!) : r.procedure !== null) problems.push(`${n}: procedure ${r.procedure}`);
      if (r.limitVariant !== null && (r.limitVariant !== 'heavy_sentence' || t !== '刑初' || r.procedure === '普通程序')) problems.push(`${n}: variant`);
      if (r.deductedDays !== 0 || r.extendedDays !== 0) problems.push(`${n}: imported totals set`);
      if (r.reviewed !== null && r.closingMethod !== '判决') problems.push(`${n}: reviewed without judgment`);
      if (r.cause.length === 0) problems.push(`${n}: no cause`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps amounts in yuan to the fen, recovery within the claim', () => {
    const fen = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
    const problems: string[] = [];
    for (const c of all) {
      const r = c.record;
      for (const v of [r.claimAmount, r.enforcementClaim, r.enforcementRecovered]) {
        if (v !== null && (v < 0 || !fen(v))) problems.push(`${r.caseNumber}: amount ${v}`);
      }
      if (r.enforcementRecovered !== null && !(r.enforcementRecovered <= r.enforcementClaim!)) problems.push(`${r.caseNumber}: recovered more than claimed`);
      if (typeOf(c).startsWith('执') && r.claimAmount !== null) problems.push(`${r.caseNumber}: enforcement with a claim amount`);
    }
    expect(problems).toEqual([]);
    const civil = all.filter((c) => typeOf(c) === '民初' && c.record.claimAmount !== null).map((c) => c.record.claimAmount!);
    expect(Math.min(...civil)).toBeGreaterThanOrEqual(3000);
    expect(Math.max(...civil)).toBeLessThanOrEqual(5_000_000);
  });

  it('names parties plausibly: public prosecution, people, companies and banks, many different names', () => {
    const defendants = new Set<string>();
    let companies = 0;
    let banks = 0;
    const problems: string[] = [];
    for (const c of all) {
      const r = c.record;
      if (typeOf(c) === '刑初' && (!r.plaintiffs.every((p) => p.endsWith('人民检察院')) || r.defendants.length === 0)) {
        problems.push(`${r.caseNumber}: criminal parties`);
      }
      for (const p of [...r.plaintiffs, ...r.defendants]) {
        if (p.length < 2) problems.push(`${r.caseNumber}: party ${p}`);
        if (p.endsWith('公司')) companies++;
        if (p.includes('银行')) banks++;
      }
      for (const d of r.defendants) defendants.add(d);
    }
    expect(problems).toEqual([]);
    expect(companies).toBeGreaterThan(1000);
    expect(banks).toBeGreaterThan(300);
    expect(defendants.size).toBeGreaterThan(5000);
  });

  it('points enforcement cases at earlier judgments or mediations of the same court', () => {
    const byNumber = new Map(all.map((c) => [c.record.caseNumber, c]));
    const problems: string[] = [];
    let pointing = 0;
    for (const c of all) {
      if (typeOf(c) !== '执' || c.record.originCaseNumber === null) continue;
      const n = c.record.caseNumber;
      const origin = byNumber.get(c.record.originCaseNumber);
      if (!origin) {
        problems.push(`${n}: origin ${c.record.originCaseNumber} not found`);
        continue;
      }
      const t = typeOf(origin);
      const m = origin.record.closingMethod;
      if (!(m === '判决' || (t === '民初' && m === '调解')) || !['民初', '刑初'].includes(t)) problems.push(`${n}: origin ${t} closed by ${m}`);
      if (!(origin.record.closedOn! < c.record.filedOn)) problems.push(`${n}: origin closed ${origin.record.closedOn}, after filing`);
      if (c.record.cause !== origin.record.cause) problems.push(`${n}: cause differs from origin`);
      pointing++;
    }
    expect(problems).toEqual([]);
    expect(pointing).toBeGreaterThan(1000);
  });
});

describe('proportions over 20,000 cases', () => {
  const counts = new Map<string, GeneratedCase[]>();
  for (const c of all) {
    const t = typeOf(c);
    if (!counts.has(t)) counts.set(t, []);
    counts.get(t)!.push(c);
  }
  const of = (t: string) => counts.get(t) ?? [];
  const closedShare = (list: GeneratedCase[], methods: string[]) => {
    const closed = list.filter((c) => c.record.closingMethod !== null);
    return share(closed.filter((c) => methods.includes(c.record.closingMethod!)).length, closed.length);
  };

  it('mixes case types like a basic court (no appeals heard)', () => {
    const n = all.length;
    expect(share(of('民初').length, n)).toBeGreaterThan(0.4);
    expect(share(of('民初').length, n)).toBeLessThan(0.5);
    const enforcement = of('执').length + of('执保').length + of('执异').length + of('执恢').length;
    expect(share(enforcement, n)).toBeGreaterThan(0.27);
    expect(share(enforcement, n)).toBeLessThan(0.37);
    expect(share(of('刑初').length, n)).toBeGreaterThan(0.05);
    expect(share(of('刑初').length, n)).toBeLessThan(0.09);
    expect(share(of('行初').length, n)).toBeGreaterThan(0.01);
    expect(share(of('行初').length, n)).toBeLessThan(0.035);
    expect(share(of('诉前调').length, n)).toBeGreaterThan(0.06);
    expect(share(of('诉前调').length, n)).toBeLessThan(0.1);
    expect(of('民终')).toHaveLength(0);
    expect(of('刑终')).toHaveLength(0);
  });

  it('splits procedures and closing methods as specified', () => {
    const civil = of('民初');
    const proc = (list: GeneratedCase[], p: string) => share(list.filter((c) => c.record.procedure === p).length, list.length);
    expect(proc(civil, '简易程序')).toBeGreaterThan(0.48);
    expect(proc(civil, '简易程序')).toBeLessThan(0.62);
    expect(proc(civil, '普通程序')).toBeGreaterThan(0.29);
    expect(proc(civil, '普通程序')).toBeLessThan(0.41);
    expect(proc(civil, '小额诉讼程序')).toBeGreaterThan(0.06);
    expect(proc(civil, '小额诉讼程序')).toBeLessThan(0.14);
    const criminal = of('刑初');
    expect(proc(criminal, '速裁程序')).toBeGreaterThan(0.18);
    expect(proc(criminal, '速裁程序')).toBeLessThan(0.32);
    const lighter = criminal.filter((c) => c.record.procedure !== '普通程序');
    const heavy = share(lighter.filter((c) => c.record.limitVariant === 'heavy_sentence').length, lighter.length);
    expect(heavy).toBeGreaterThan(0.12);
    expect(heavy).toBeLessThan(0.28);

    expect(closedShare(civil, ['判决'])).toBeGreaterThan(0.28);
    expect(closedShare(civil, ['判决'])).toBeLessThan(0.44);
    expect(closedShare(civil, ['调解'])).toBeGreaterThan(0.18);
    expect(closedShare(civil, ['调解'])).toBeLessThan(0.32);
    expect(closedShare(civil, ['撤诉'])).toBeGreaterThan(0.22);
    expect(closedShare(civil, ['撤诉'])).toBeLessThan(0.38);
    expect(closedShare(of('执'), ['执行完毕'])).toBeGreaterThan(0.36);
    expect(closedShare(of('执'), ['执行完毕'])).toBeLessThan(0.54);
    expect(closedShare(of('执'), ['终结本次执行'])).toBeGreaterThan(0.32);
    expect(closedShare(of('执'), ['终结本次执行'])).toBeLessThan(0.5);
    expect(closedShare(criminal, ['判决'])).toBeGreaterThan(0.9);
    expect(closedShare(of('诉前调'), ['调解', '撤诉'])).toBeGreaterThan(0.5);
    expect(closedShare(of('诉前调'), ['调解', '撤诉'])).toBeLessThan(0.7);
  });

  it('has appeals on judgments, mostly upheld', () => {
    const judged = all.filter((c) => ['民初', '刑初', '行初'].includes(typeOf(c)) && c.record.closingMethod === '判决');
    const appealed = judged.filter((c) => c.record.appealed);
    expect(share(appealed.length, judged.length)).toBeGreaterThan(0.12);
    expect(share(appealed.length, judged.length)).toBeLessThan(0.32);
    const decided = appealed.filter((c) => c.record.appealOutcome !== null);
    expect(share(decided.filter((c) => c.record.appealOutcome === '维持').length, decided.length)).toBeGreaterThan(0.65);
    expect(decided.some((c) => c.record.appealOutcome === '发回重审')).toBe(true);
    expect(decided.some((c) => c.record.appealOutcome === '改判')).toBe(true);
  });

  it('records deducted periods and extensions on a minority of cases', () => {
    const withEvents = share(all.filter((c) => c.events.length > 0).length, all.length);
    expect(withEvents).toBeGreaterThan(0.08);
    expect(withEvents).toBeLessThan(0.18);
    const withExtensions = share(all.filter((c) => c.extensions.length > 0).length, all.length);
    expect(withExtensions).toBeGreaterThan(0.02);
    expect(withExtensions).toBeLessThan(0.08);
    const statuses = new Set(all.flatMap((c) => c.extensions.map((x) => x.status)));
    expect(statuses).toContain('approved');
    expect(statuses).toContain('rejected');
  });

  it('closes most cases in time, a few late, and leaves a tail of long-pending open cases', () => {
    let limitedClosed = 0;
    let closedLate = 0;
    let openOverdue = 0;
    let suspended = 0;
    for (const c of all) {
      const d = deadlineOf(c);
      if (d.status === 'no_limit') continue;
      if (c.record.closedOn !== null) {
        limitedClosed++;
        if (d.status === 'closed_overdue') closedLate++;
      } else if (d.status === 'overdue') openOverdue++;
      else if (d.status === 'suspended') suspended++;
    }
    expect(share(closedLate, limitedClosed)).toBeGreaterThan(0.02);
    expect(share(closedLate, limitedClosed)).toBeLessThan(0.07);
    expect(openOverdue).toBeGreaterThan(0);
    expect(suspended).toBeGreaterThan(0);

    const open = all.filter((c) => c.record.closedOn === null);
    const olderThan = (months: number) => open.filter((c) => c.record.filedOn < addMonths(TODAY, -months));
    expect(olderThan(12).length).toBeGreaterThan(0);
    expect(olderThan(18).length).toBeGreaterThan(0);
    expect(olderThan(36).length).toBeGreaterThan(0);
    const longPending = olderThan(12);
    const enforcementOrOrdinary = longPending.filter((c) => typeOf(c).startsWith('执') || c.record.procedure === '普通程序');
    expect(share(enforcementOrOrdinary.length, longPending.length)).toBeGreaterThan(0.6);
  });

  it('leaves recent filings mostly open and old ones almost all closed', () => {
    const recent = all.filter((c) => c.record.filedOn > addMonths(TODAY, -1));
    const old = all.filter((c) => c.record.filedOn < addMonths(TODAY, -36));
    expect(share(recent.filter((c) => c.record.closedOn === null).length, recent.length)).toBeGreaterThan(0.6);
    expect(share(old.filter((c) => c.record.closedOn !== null).length, old.length)).toBeGreaterThan(0.98);
  });
});
