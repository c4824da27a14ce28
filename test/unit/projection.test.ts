// The projection model (shared/ledger/projection.ts) on hand-computed small courts, the N·k rule over random inputs, and its edges.
import { describe, expect, it } from 'vitest';
import { ageMonths, apportion, bandOf, NO_ASSUMPTIONS, project, type Assumptions, type BandProfile, type ProjectionInputs } from '../../shared/ledger/projection';
import { rng } from '../helpers/randomCourt';

const months12 = (received: number, resolved: number) =>
  Array.from({ length: 12 }, (_, i) => ({ month: `2024-${String(i + 1).padStart(2, '0')}`, received, resolved }));
const onlyBand0: BandProfile[] = [{ closed: 60, withLimit: 60, onTime: 54 }, ...Array.from({ length: 5 }, () => ({ closed: 0, withLimit: 0, onTime: 0 }))];

/** Ten cases filed on 2024-06-10, four filed and five closed a month, every closing of the year under three months old. */
const small: ProjectionInputs = { start: '2024-12-31', open: [{ filedOn: '2024-06-10', count: 10 }], history: months12(4, 5), profile: onlyBand0, judges: 2 };
const a = (x: Partial<Assumptions>): Assumptions => ({ ...NO_ASSUMPTIONS, ...x });
const col = <K extends keyof ReturnType<typeof project>['months'][number]>(p: ReturnType<typeof project>, k: K) => p.months.map((m) => m[k]);

describe('month rule and bands', () => {
  it.each([
    ['2024-06-10', '2025-06-10', 11], ['2024-06-10', '2025-06-11', 12], ['2024-01-31', '2024-02-29', 0], ['2024-01-31', '2024-03-31', 1],
    ['2024-08-31', '2025-02-28', 5], ['2024-08-30', '2025-03-31', 7], ['2024-05-05', '2024-05-05', 0], ['2024-05-05', '2024-05-31', 0],
  ])('%s is open %s whole months on %s', (filed, day, m) => expect(ageMonths(filed, day)).toBe(m));
  it.each([[0, 0], [2, 0], [3, 1], [5, 1], [6, 2], [11, 2], [12, 3], [17, 3], [18, 4], [35, 4], [36, 5], [200, 5]])('%i months is band %i', (m, b) => expect(bandOf(m)).toBe(b));
  it('apportions by weight with the largest remainder, within the caps, spilling what one entry cannot take', () => {
    expect(apportion(10, [1, 1, 1], [10, 10, 10])).toEqual([4, 3, 3]);
    expect(apportion(10, [3, 1, 0], [2, 100, 100])).toEqual([2, 8, 0]);
    expect(apportion(5, [1, 0, 0], [1, 2, 9])).toEqual([1, 0, 4]);
    expect(apportion(50, [1, 1], [3, 4])).toEqual([3, 4]);
    expect(apportion(0, [1, 1], [3, 4])).toEqual([0, 0]);
  });
});

describe('hand-computed small court', () => {
  it('baseline: four new cases close in their month and one old case a month; the old ones turn long in June', () => {
    const p = project(small, a({ months: 7 }));
    expect(p.rates).toEqual({ historyMonths: 12, filingsPerMonth: 4, closingsPerMonth: 5, scaledClosingsPerMonth: 5, judges: 2, openAtStart: 10 });
    expect(col(p, 'month')).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07']);
    expect(col(p, 'pending')).toEqual([9, 8, 7, 6, 5, 4, 3]);
    // 2024-06-10 + 12 months = 2025-06-10 < 2025-06-30: long from June.
    expect(col(p, 'longPending12')).toEqual([0, 0, 0, 0, 0, 4, 3]);
    expect(col(p, 'longPending12Ratio')).toEqual([0, 0, 0, 0, 0, 100, 100]);
    expect(col(p, 'clearanceRate')).toEqual(Array(7).fill(125));
    // Every closing has a limit (the band with none takes all closings' shares), 90 % on time: 4.5 of 5.
    expect(col(p, 'resolvedWithLimit')).toEqual(Array(7).fill(5));
    expect(col(p, 'resolvedOnTime')).toEqual(Array(7).fill(4.5));
    expect(col(p, 'onTimeRate')).toEqual(Array(7).fill(90));
    expect(col(p, 'capped')).toEqual(Array(7).fill(false));
  });
  it('closing two more a month: three old ones a month until they run out in month 4', () => {
    const p = project(small, a({ months: 5, closeMore: 2 }));
    expect(col(p, 'pending')).toEqual([7, 4, 1, 0, 0]);
    expect(col(p, 'resolved')).toEqual([7, 7, 7, 5, 4]);
    expect(col(p, 'capped')).toEqual([false, false, false, true, true]);
    expect(col(p, 'clearanceRate')).toEqual([175, 175, 175, 125, 100]);
  });
  it('clearing the 6 oldest by 2025-03-20: two a month on top of the usual closings', () => {
    const p = project(small, a({ months: 5, clearOldest: 6, by: '2025-03-20' }));
    expect(col(p, 'pending')).toEqual([7, 4, 1, 0, 0]);
    expect(col(p, 'resolved')).toEqual([7, 7, 7, 5, 4]);
    expect(col(p, 'capped')).toEqual([false, false, false, false, true]);
  });
  it('clearing by a date beyond the months shown keeps its pace: 12 by 2025-12-31 is one a month', () => {
    const p = project({ ...small, history: months12(0, 0), open: [{ filedOn: '2020-01-01', count: 30 }] }, a({ months: 3, clearOldest: 12, by: '2025-12-31' }));
    expect(p.months.map((m) => m.resolved)).toEqual([1, 1, 1]);
  });
  it('a judge more or fewer scales the closings by (J+Δ)/J, rounded half up', () => {
    expect(project(small, a({ judgesDelta: 1 })).rates.scaledClosingsPerMonth).toBe(8); // 5 × 3/2 = 7.5
    expect(project(small, a({ judgesDelta: -1 })).rates.scaledClosingsPerMonth).toBe(3); // 5 × 1/2 = 2.5
    expect(col(project(small, a({ months: 3, judgesDelta: -1 })), 'pending')).toEqual([11, 12, 13]);
    expect(col(project(small, a({ months: 3, judgesDelta: 1 })), 'pending')).toEqual([6, 2, 0]);
    expect(project(small, a({ judgesDelta: -2 })).rates.scaledClosingsPerMonth).toBe(0);
  });
  it('closings follow the profile: with as many closings of 6–12 months as under 3, half of them are old cases', () => {
    const court = { ...small, open: [{ filedOn: '2024-06-10', count: 40 }], history: months12(10, 10) };
    // Every closing of the year under three months old: the ten new cases close, the old ones wait.
    expect(project(court, a({ months: 1 })).months[0]).toMatchObject({ pending: 40, resolved: 10, resolvedWithLimit: 10, resolvedOnTime: 9, onTimeRate: 90, longPending12: 0 });
    // Ten open cases under three months and forty of 6–12 months; the year closed 60 of each band, those of 6–12
    // months all with a limit and half on time. Monthly chances: 60/10 = 6 and 60/40 = 1.5; in January 20 cases are
    // under three months (10 new), so the 10 closings split 20·6 : 40·1.5 = 2 : 1, 6.67 and 3.33, i.e. 7 and 3.
    // Limits 7 + 3 = 10, on time 7·0.9 + 3·0.5 = 7.8.
    const profile = onlyBand0.map((b, i) => (i === 2 ? { closed: 60, withLimit: 60, onTime: 30 } : b));
    const mixed = { ...court, profile, open: [{ filedOn: '2024-06-10', count: 40 }, { filedOn: '2024-11-20', count: 10 }] };
    expect(project(mixed, a({ months: 1 })).months[0]).toMatchObject({ pending: 50, resolved: 10, resolvedWithLimit: 10, resolvedOnTime: 7.8, onTimeRate: 78 });
  });
});

describe('edges', () => {
  it('no open cases and no history: nothing moves, every ratio is null', () => {
    const p = project({ start: '2024-12-31', open: [], history: [], profile: [], judges: 0 }, a({ months: 3, closeMore: 5, judgesDelta: 2 }));
    expect(col(p, 'pending')).toEqual([0, 0, 0]);
    expect(col(p, 'longPending12Ratio')).toEqual([null, null, null]);
    expect(col(p, 'clearanceRate')).toEqual([null, null, null]);
    expect(col(p, 'onTimeRate')).toEqual([null, null, null]);
    expect(col(p, 'capped')).toEqual([true, true, true]);
  });
  it('open cases but no history: only the extra closings close cases, oldest band first', () => {
    const p = project({ start: '2024-12-31', open: [{ filedOn: '2020-01-01', count: 3 }, { filedOn: '2024-12-01', count: 5 }], history: [], profile: [], judges: 0 }, a({ months: 2, closeMore: 2 }));
    expect(col(p, 'pending')).toEqual([6, 4]);
    expect(col(p, 'longPending12')).toEqual([1, 0]);
  });
  it('one month and twenty-four months', () => {
    expect(project(small, a({ months: 1 })).months).toHaveLength(1);
    const p = project(small, a({ months: 24 }));
    expect(p.months).toHaveLength(24);
    expect(p.months[23].month).toBe('2026-12');
    // The old cases are gone after ten months; then four in, four of the five closings possible.
    expect(p.months[23].pending).toBe(0);
  });
  it('everything cleared by a date: nothing left from then on when nothing new comes in', () => {
    const inputs: ProjectionInputs = { ...small, history: months12(0, 0), open: [{ filedOn: '2019-03-03', count: 7 }, { filedOn: '2024-11-11', count: 4 }] };
    const p = project(inputs, a({ months: 6, clearOldest: 11, by: '2025-04-30' }));
    expect(col(p, 'resolved')).toEqual([2, 3, 3, 3, 0, 0]);
    expect(col(p, 'pending')).toEqual([9, 6, 3, 0, 0, 0]);
    // More to clear than there are open cases: all of them.
    expect(project(inputs, a({ months: 2, clearOldest: 1000, by: '2025-01-15' })).months.map((m) => m.pending)).toEqual([0, 0]);
  });
});

describe('the N·k rule', () => {
  it('closing N more a month lowers projected pending by N·k after k months while cases remain (random courts)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const open = Array.from({ length: 1 + r.int(60) }, () => ({ filedOn: `20${String(15 + r.int(10)).padStart(2, '0')}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`, count: r.int(40) }));
      const history = Array.from({ length: 1 + r.int(12) }, (_, i) => ({ month: `2024-${String(i + 1).padStart(2, '0')}`, received: r.int(200), resolved: r.int(200) }));
      const profile = Array.from({ length: 6 }, () => { const closed = r.int(100); const withLimit = r.int(closed + 1); return { closed, withLimit, onTime: r.int(withLimit + 1) }; });
      const inputs: ProjectionInputs = { start: '2024-12-31', open, history, profile, judges: r.int(8) };
      const base: Assumptions = { months: 1 + r.int(24), closeMore: 0, clearOldest: r.next() < 0.3 ? r.int(200) : 0, by: '2025-06-30', judgesDelta: r.int(3) - 1 };
      const n = 1 + r.int(30);
      const without = project(inputs, base);
      const withN = project(inputs, { ...base, closeMore: n });
      for (let k = 1; k <= base.months; k++) {
        if (withN.months[k - 1].capped) break;
        expect(without.months[k - 1].pending - withN.months[k - 1].pending, `seed ${seed}, month ${k}`).toBe(n * k);
      }
    }
  });
});

describe('the model in words', () => {
  it('docs/ledger-projection.md states the model word for word as the screen does', async () => {
    const { readFileSync } = await import('node:fs');
    const page = readFileSync(new URL('../../docs/ledger-projection.md', import.meta.url), 'utf8');
    const { MODEL_STATEMENT } = await import('../../shared/ledger/projection');
    MODEL_STATEMENT.forEach((s, i) => expect(page).toContain(`${i + 1}. ${s}`));
    expect(page).not.toContain('../shared');
  });
});
