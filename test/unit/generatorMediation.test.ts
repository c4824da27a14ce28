// The generator follows the 2025 change in mediation: 诉前调 numbers only until 2024, their failed disputes filed again
// as 民初 naming them, and from 2025 a share of 民初 cases sent to 先行调解, recorded as the app's Mediations would.
import { describe, expect, it } from 'vitest';
import { generateCourt } from '../../electron/core/generator/generate';
import type { GeneratedCase } from '../../electron/core/generator/types';
import { OUTCOME_CLOSES } from '../../electron/core/cases/mediation';
import { parseCaseNumber } from '../../shared/cases/caseNumber';
import { ADVANCE_MEDIATION_FROM, MEDIATION_DESTINATIONS, MEDIATION_MAX_EXTENSION_DAYS } from '../../shared/cases/caseWork';
import { computeDeadline } from '../../shared/deadlines/engine';
import { addDays, daysBetween } from '../../shared/dates/calendar';

const COURTS = [
  { courtCode: '辽0421', cases: 20_000, seed: 20240601, today: '2025-06-30' },
  { courtCode: '辽0421', cases: 20_000, seed: 5, today: '2026-11-23' },
  { courtCode: '辽0421', cases: 5000, seed: 1, today: '2027-08-15' },
];
const courts = COURTS.map((o) => ({ today: o.today, all: [...generateCourt(o).cases] }));
const everyCase = courts.flatMap((c) => c.all.map((x) => ({ today: c.today, c: x })));
const mediated = everyCase.filter((x) => x.c.mediation);

function typeOf(c: GeneratedCase): string {
  const p = parseCaseNumber(c.record.caseNumber);
  if (!p.ok) throw new Error(p.error);
  return p.value.typeCode;
}

/** The consented days a mediation used, as Mediations.end cuts them: all while it runs, up to its end once ended. */
function usedDays(c: GeneratedCase): number {
  const m = c.mediation!;
  if (m.extensionDays === 0) return 0;
  if (m.endedOn === null) return m.extensionDays;
  return Math.min(m.extensionDays, Math.max(0, daysBetween(addDays(m.receivedOn, m.baseDays), m.endedOn)));
}

const deadline = (c: GeneratedCase, today: string, events = c.events) => computeDeadline({
  typeCode: typeOf(c), procedure: c.record.procedure, limitVariant: c.record.limitVariant, filedOn: c.record.filedOn,
  closedOn: c.record.closedOn, events, extensions: c.extensions, importedDeductedDays: 0, importedExtendedDays: 0,
}, today, false);

describe('诉前调 until 2024', () => {
  it('issues no 诉前调 number for a filing after 2024-12-31, but keeps them before', () => {
    for (const { all } of courts) {
      const pre = all.filter((c) => typeOf(c) === '诉前调');
      expect(pre.filter((c) => c.record.filedOn >= ADVANCE_MEDIATION_FROM).map((c) => c.record.caseNumber)).toEqual([]);
      expect(pre.length).toBeGreaterThan(100);
      // Their outcomes as before: settled, withdrawn, or failed (其他).
      const methods = new Set(pre.map((c) => c.record.closingMethod));
      for (const m of ['调解', '撤诉', '其他']) expect(methods).toContain(m);
    }
  });

  it('files a failed 诉前调 again as 民初 for most of them, with its parties and claim, naming it as 原审案号', () => {
    for (const { all, today } of courts) {
      const byNumber = new Map(all.map((c) => [c.record.caseNumber, c]));
      const problems: string[] = [];
      const linked = new Set<string>();
      for (const c of all) {
        const origin = c.record.originCaseNumber ? byNumber.get(c.record.originCaseNumber) : undefined;
        if (!origin || typeOf(origin) !== '诉前调') continue;
        const n = c.record.caseNumber;
        if (typeOf(c) !== '民初') problems.push(`${n}: a ${typeOf(c)} follows a 诉前调`);
        if (origin.record.closingMethod !== '其他') problems.push(`${n}: follows a 诉前调 closed by ${origin.record.closingMethod}`);
        if (!(origin.record.closedOn! < c.record.filedOn)) problems.push(`${n}: filed before its 诉前调 closed`);
        if (c.record.cause !== origin.record.cause || c.record.claimAmount !== origin.record.claimAmount) problems.push(`${n}: cause or claim differs`);
        if (c.record.plaintiffs.join() !== origin.record.plaintiffs.join() || c.record.defendants.join() !== origin.record.defendants.join()) problems.push(`${n}: parties differ`);
        // Its mediation failed already: no 先行调解 on top.
        if (c.mediation) problems.push(`${n}: 先行调解 after a failed 诉前调`);
        if (linked.has(origin.record.caseNumber)) problems.push(`${n}: ${origin.record.caseNumber} followed twice`);
        linked.add(origin.record.caseNumber);
      }
      expect(problems).toEqual([]);
      // The share is set at 70% of the failed ones; those closed in the last weeks may not be filed yet.
      const failed = all.filter((c) => typeOf(c) === '诉前调' && c.record.closingMethod === '其他' && c.record.closedOn! < addDays(today, -30));
      const share = failed.filter((c) => linked.has(c.record.caseNumber)).length / failed.length;
      expect(share).toBeGreaterThan(0.55);
      expect(share).toBeLessThan(0.85);
    }
  });
});

describe('先行调解 since 2025', () => {
  it('is only on 民初 cases filed since 2025-01-01, a fifth to a third of them', () => {
    expect(mediated.filter(({ c }) => typeOf(c) !== '民初' || c.record.filedOn < ADVANCE_MEDIATION_FROM).map(({ c }) => c.record.caseNumber)).toEqual([]);
    for (const { all } of courts) {
      const civil = all.filter((c) => typeOf(c) === '民初' && c.record.filedOn >= ADVANCE_MEDIATION_FROM);
      const share = civil.filter((c) => c.mediation).length / civil.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.3);
    }
  });

  it('never before 2025: a court whose today is in 2024 has none', () => {
    const older = [...generateCourt({ courtCode: '辽0421', cases: 5000, seed: 9, today: '2024-12-31' }).cases];
    expect(older.filter((c) => c.mediation)).toEqual([]);
    expect(older.filter((c) => c.events.some((e) => e.kind === '先行调解延长'))).toEqual([]);
  });

  it('records destination, mediator, receipt, first days and a consented extension of at most 30 days within the first ones', () => {
    const problems: string[] = [];
    for (const { c, today } of mediated) {
      const m = c.mediation!;
      const r = c.record;
      const n = r.caseNumber;
      if (!(MEDIATION_DESTINATIONS as readonly string[]).includes(m.destination)) problems.push(`${n}: destination ${m.destination}`);
      if (!/^[\u4e00-\u9fff（）]{2,50}$/u.test(m.mediator)) problems.push(`${n}: mediator ${m.mediator}`);
      const lag = daysBetween(r.filedOn, m.receivedOn);
      if (lag < 0 || lag > 3 || m.receivedOn > today) problems.push(`${n}: received ${m.receivedOn}`);
      if (m.baseDays !== (r.procedure === '普通程序' ? 15 : 7)) problems.push(`${n}: ${m.baseDays} days in ${r.procedure}`);
      if (m.extensionDays !== 0 && (m.extensionDays < 5 || m.extensionDays > MEDIATION_MAX_EXTENSION_DAYS)) problems.push(`${n}: extension ${m.extensionDays}`);
      if ((m.consentOn === null) !== (m.extensionDays === 0)) problems.push(`${n}: consent and extension disagree`);
      if (m.consentOn !== null && (m.consentOn < m.receivedOn || m.consentOn > addDays(m.receivedOn, m.baseDays) || m.consentOn > today)) problems.push(`${n}: consent ${m.consentOn}`);
      if ((m.endedOn === null) !== (m.outcome === null)) problems.push(`${n}: ended without outcome or the reverse`);
      if (m.endedOn !== null && (m.endedOn < m.receivedOn || m.endedOn > addDays(m.receivedOn, m.baseDays + m.extensionDays) || m.endedOn > today)) problems.push(`${n}: ended ${m.endedOn}`);
      if (m.consentOn !== null && m.endedOn !== null && m.endedOn < m.consentOn) problems.push(`${n}: ended before the consent`);
    }
    expect(problems).toEqual([]);
    const extensions = mediated.map(({ c }) => c.mediation!.extensionDays).filter((d) => d > 0);
    expect(extensions.length / mediated.length).toBeGreaterThan(0.2);
    expect(Math.max(...extensions)).toBe(MEDIATION_MAX_EXTENSION_DAYS);
    expect(Math.min(...extensions)).toBe(5);
    for (const d of MEDIATION_DESTINATIONS) expect(mediated.some(({ c }) => c.mediation!.destination === d), d).toBe(true);
  });

  it('closes a settled, withdrawn or paid case on the day the mediation ended, by the method Mediations.end uses; a failed one goes to trial', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const { c } of mediated) {
      const m = c.mediation!;
      const r = c.record;
      const n = r.caseNumber;
      seen.add(m.outcome ?? 'running');
      if (m.outcome === null) {
        if (r.closedOn !== null) problems.push(`${n}: closed while its mediation runs`);
        if (c.events.some((e) => e.kind !== '先行调解延长') || c.extensions.length) problems.push(`${n}: trial periods while its mediation runs`);
        continue;
      }
      const closes = OUTCOME_CLOSES[m.outcome];
      if (closes) {
        if (r.closedOn !== m.endedOn || r.closingMethod !== closes) problems.push(`${n}: ${m.outcome} on ${m.endedOn}, closed ${r.closedOn} by ${r.closingMethod}`);
        if (c.events.some((e) => e.kind !== '先行调解延长') || c.extensions.length) problems.push(`${n}: trial periods after a closing mediation`);
      } else if (r.closedOn !== null && !(r.closedOn > m.endedOn!)) {
        problems.push(`${n}: closed ${r.closedOn}, by the end of its failed mediation ${m.endedOn}`);
      }
    }
    expect(problems).toEqual([]);
    expect([...seen].sort()).toEqual(['running', '调解不成转审理', '调解成功', '当场履行', '撤诉'].sort());
  });

  it('keeps the consented days as one 先行调解延长 period from the end of the first days, cut at the end of the mediation', () => {
    const problems: string[] = [];
    for (const { c } of everyCase) {
      const periods = c.events.filter((e) => e.kind === '先行调解延长');
      const m = c.mediation;
      const n = c.record.caseNumber;
      if (!m || m.extensionDays === 0) {
        if (periods.length) problems.push(`${n}: 先行调解延长 without a consented extension`);
        continue;
      }
      const from = addDays(m.receivedOn, m.baseDays);
      const expected = { kind: '先行调解延长', fromOn: from, toOn: addDays(from, usedDays(c)) };
      if (JSON.stringify(periods) !== JSON.stringify([expected])) problems.push(`${n}: ${JSON.stringify(periods)}, expected ${JSON.stringify(expected)}`);
      // Before every other period of the case.
      if (c.events[0].kind !== '先行调解延长') problems.push(`${n}: a period before the mediation's`);
    }
    expect(problems).toEqual([]);
  });

  it('moves the due date by exactly the consented days used', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const { c, today } of mediated) {
      const used = usedDays(c);
      const d = deadline(c, today);
      const counted = d.periods.filter((p) => p.kind === '先行调解延长').reduce((s, p) => s + p.days, 0);
      if (counted !== used) problems.push(`${c.record.caseNumber}: ${counted} days deducted for the mediation, ${used} used`);
      // With nothing else deducted or extended, the due date is the statutory one plus those days.
      if (c.events.length === (used ? 1 : 0) && c.extensions.length === 0) {
        checked++;
        if (d.dueOn !== addDays(d.statutoryDueOn!, used)) problems.push(`${c.record.caseNumber}: due ${d.dueOn}, statutory ${d.statutoryDueOn} + ${used}`);
        const without = deadline(c, today, []);
        if (daysBetween(without.dueOn!, d.dueOn!) !== used) problems.push(`${c.record.caseNumber}: the period moves the due date by ${daysBetween(without.dueOn!, d.dueOn!)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('leaves some mediations running on the recent days, extended ones among them, their consented end ahead', () => {
    const running = mediated.filter(({ c }) => c.mediation!.endedOn === null);
    expect(running.length).toBeGreaterThan(3);
    for (const { c, today } of running) expect(daysBetween(c.mediation!.receivedOn, today)).toBeLessThanOrEqual(c.mediation!.baseDays + c.mediation!.extensionDays);
    expect(running.some(({ c }) => c.mediation!.extensionDays > 0)).toBe(true);
  });

  it('is the same for the same seed', () => {
    const again = [...generateCourt(COURTS[1]).cases].filter((c) => c.mediation);
    expect(JSON.stringify(again)).toBe(JSON.stringify(courts[1].all.filter((c) => c.mediation)));
  });
});
