// The formula step on hand-made tallies: every indicator of the catalogue, rounding, denominator 0, median and p90 counted as written out, the month rule's cutoff.
import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, INDICATORS } from '../../shared/indicators/catalogue';
import {
  addCounted, addTallies, computeIndicators, countedAt, countedMedian, countedPercentile, countOf, emptyTally, median, monthCutoff, percentile, ratio,
  roundedQuotient, type Tally,
} from '../../shared/indicators/formulas';
import { formatIndicator } from '../../shared/indicators/format';
import { addDays, addMonths } from '../../shared/dates/calendar';
import { rng } from '../helpers/randomCourt';
import { countValues, writeOut } from '../helpers/countedValues';

const P = { from: '2024-01-01', to: '2024-01-31' };
const tally = (over: Partial<Tally>): Tally => ({ ...emptyTally(), ...over });

describe('the catalogue', () => {
  it('has every id of the spec once, each with a Chinese name and a formula', () => {
    expect(INDICATOR_IDS).toHaveLength(31);
    expect(new Set(INDICATOR_IDS).size).toBe(31);
    for (const id of INDICATOR_IDS) {
      expect(INDICATORS[id].id).toBe(id);
      expect(INDICATORS[id].name).toMatch(/[\u4e00-\u9fff]/);
      expect(INDICATORS[id].formula.length).toBeGreaterThan(3);
    }
  });

  it('computes a value for every id and nothing else', () => {
    expect(Object.keys(computeIndicators(emptyTally(), P))).toEqual([...INDICATOR_IDS]);
  });
});

describe('rounding', () => {
  it.each([
    [95, 100, 95], [2, 3, 66.7], [1, 3, 33.3], [1905, 2000, 95.3], [3809, 4000, 95.2], [1, 8, 12.5], [1, 16, 6.3], [0, 5, 0], [7, 7, 100], [3, 2, 150],
  ])('%i / %i is %d %%', (n, d, pct) => {
    expect(ratio(n, d)).toEqual({ value: pct, numerator: n, denominator: d });
  });

  it('a ratio over 0 is null, never 0 or 100', () => {
    expect(ratio(0, 0)).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(roundedQuotient(5, 0, 1, 1)).toBeNull();
  });

  it('rounds half up exactly where floating point would not (0.15 × 100 = 15.000000000000002)', () => {
    expect(roundedQuotient(1, 8, 1, 2)).toBe(0.13);
    expect(roundedQuotient(3, 20, 100, 1)).toBe(15);
    expect(roundedQuotient(9_007_199_254_740, 9_007_199_254_741 * 2, 100, 1)).toBe(50);
    expect(roundedQuotient(-3, 2, 1, 0)).toBe(-2);
  });
});

describe('median and the 90th percentile', () => {
  it.each([
    [[], null, null],
    [[5], 5, 5],
    [[1, 2], 1.5, 2],
    [[1, 2, 3], 2, 3],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 6, 10],
  ])('of %j: median %s, p90 %s, written out and counted', (xs, m, p) => {
    expect(median(xs)).toBe(m);
    expect(percentile(xs, 90)).toBe(p);
    expect(countedMedian(countValues(xs))).toBe(m);
    expect(countedPercentile(countValues(xs), 90)).toBe(p);
  });

  it.each<[string, number[], number | null, number | null]>([
    ['none', [], null, null],
    ['one value once', [7, 1], 7, 7],
    ['one value many times', [7, 4], 7, 7],
    ['two values, the middle between them', [3, 1, 8, 1], 5.5, 8],
    ['an even count, the middle two in one run', [1, 1, 4, 2, 9, 1], 4, 9],
    ['an even count, the middle two across runs (1 1 1 4 | 4 4 4 4)', [1, 3, 4, 5], 4, 4],
    ['the middle two 2 and 5: 3.5', [2, 2, 5, 2], 3.5, 5],
    ['the middle of 0 and 1: 0.5', [0, 1, 1, 1], 0.5, 1],
    ['negatives (deducted days beyond a case’s length): (−3 + −2) / 2 = −2.5', [-3, 1, -2, 1], -2.5, -2],
    ['p90 at a run boundary: ⌈0.9 × 10⌉ = 9th', [1, 9, 50, 1], 1, 1],
    ['p90 just past it: ⌈0.9 × 11⌉ = 10th', [1, 9, 50, 2], 1, 50],
  ])('counted, %s', (_what, c, m, p) => {
    expect(countedMedian(c)).toBe(m);
    expect(countedPercentile(c, 90)).toBe(p);
    expect(median(writeOut(c))).toBe(m);
    expect(percentile(writeOut(c), 90)).toBe(p);
  });

  it('are the same counted as written out, for random lists with ties and every percentile', () => {
    const r = rng(2026);
    for (let round = 0; round < 2000; round++) {
      const spread = [1, 3, 30, 4000][r.int(4)];
      const xs = Array.from({ length: r.int(round < 100 ? 4 : 60) }, () => r.int(spread) - (round % 7 === 0 ? 10 : 0)).sort((a, b) => a - b);
      const c = countValues(xs);
      expect(countOf(c)).toBe(xs.length);
      expect(xs.map((_, i) => countedAt(c, i))).toEqual(xs);
      expect(countedMedian(c), `${xs}`).toBe(median(xs));
      for (const p of [0, 1, 10, 25, 50, 75, 90, 99, 100]) expect(countedPercentile(c, p), `p${p} of ${xs}`).toBe(percentile(xs, p));
    }
  });

  it('a value past the end of a counted list is an error, not undefined', () => {
    expect(() => countedAt([4, 2], 2)).toThrow(RangeError);
  });
});

describe('adding counted lists', () => {
  it('equals counting all the values written out, for random whole, negative, wide and fractional values (counts of 0 or less add none)', () => {
    const r = rng(31);
    for (let round = 0; round < 300; round++) {
      const kind = r.int(4);
      const value = () => (kind === 0 ? r.int(40) : kind === 1 ? r.int(400) - 200 : kind === 2 ? r.int(2 ** 30) : r.int(50) / 4);
      const lists = Array.from({ length: r.int(6) }, () => Array.from({ length: r.int(30) }, () => [value(), r.int(6) - 1]).flat());
      expect(addCounted(lists), `round ${round} kind ${kind}`).toEqual(countValues(lists.flatMap(writeOut)));
    }
    expect(addCounted([])).toEqual([]);
    expect(addCounted([[5, 0], [7, -1]])).toEqual([]);
    expect(addCounted([[3, 2, 1, 1], [1, 1, 2, 1]])).toEqual([1, 2, 2, 1, 3, 2]);
  });
});

describe('the month rule as one cutoff date', () => {
  // The rule itself: open more than N months at `to` when filedOn + N months < to.
  const older = (filed: string, to: string, n: number) => addMonths(filed, n) < to;

  it.each([
    ['2025-01-15', 12, '2024-01-15'],
    ['2025-02-28', 12, '2024-02-28'],
    ['2024-02-29', 12, '2023-03-01'],
    ['2025-03-31', 1, '2025-03-01'],
    ['2024-03-01', 1, '2024-02-01'],
  ])('at %s, %i months: filed before %s', (to, n, cutoff) => {
    expect(monthCutoff(to, n)).toBe(cutoff);
    expect(older(addDays(cutoff, -1), to, n)).toBe(true);
    expect(older(cutoff, to, n)).toBe(false);
  });

  it('agrees with the rule for every filing day around every cutoff of 2023–2025 (month ends, leap days)', () => {
    for (let to = '2023-01-01'; to <= '2025-12-31'; to = addDays(to, 1)) {
      for (const n of [3, 6, 12, 18, 36]) {
        const c = monthCutoff(to, n);
        for (let d = -4; d <= 4; d++) {
          const filed = addDays(c, d);
          expect(older(filed, to, n), `${filed} at ${to}, ${n} months`).toBe(filed < c);
        }
      }
    }
  });
});

describe('every formula on a tally', () => {
  const t = tally({
    received: 40, receivedAdvanceSettled: 6, carriedOver: 10, resolved: 30, pending: 20,
    resolvedWithLimit: 28, resolvedOnTime: 25, resolvedExtended: 4, resolvedNormalOnTime: 22,
    durationSum: 2_200, durationCounts: countValues([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]),
    longPending12: 5, longPending18: 3, longPending36: 1, age: [8, 4, 3, 2, 2, 1], overduePending: 7,
    firstResolved: 20, firstByJudgmentOrRuling: 12, firstAppealed: 3, firstReversed: 1, firstRemanded: 2, firstNotAppealed: 17,
    civilResolved: 25, civilMediated: 8, civilWithdrawn: 5, preMediationClosed: 4, preMediationSettled: 3,
    advanceMediationEnded: 9, advanceMediationSettled: 6, caseCount: 16, itemCount: 20,
    enforcementResolved: 6, enforcementCompleted: 2, enforcementClaimFen: 1_000_000, enforcementRecoveredFen: 333_333,
    judges: 4, judgmentResolved: 11, judgmentReviewed: 9, judgmentPrecedent: 0,
  });
  const v = computeIndicators(t, P);

  it.each<[string, unknown]>([
    ['received', { value: 40, withoutAdvanceSettled: 34 }],
    ['carriedOver', { value: 10 }],
    ['resolved', { value: 30 }],
    ['pending', { value: 20 }],
    ['clearanceRate', { value: 75, numerator: 30, denominator: 40 }],
    ['dispositionRate', { value: 60, numerator: 30, denominator: 50 }],
    ['onTimeRate', { value: 89.3, numerator: 25, denominator: 28 }],
    // 2200 / 30 = 73.33…; sorted: eleven 10s, then 20 … 200: fifteenth 50, sixteenth 60 → median 55; ⌈0.9 × 30⌉ = 27th = 170.
    ['avgDuration', { value: 73.3, numerator: 2200, denominator: 30, median: 55, p90: 170 }],
    // 31 days × 20 pending / 30 resolved = 20.666…
    ['dispositionTime', { value: 20.7, numerator: 20, denominator: 30, days: 31 }],
    ['longPending12', { value: 5 }],
    ['longPending18', { value: 3 }],
    ['longPending36', { value: 1 }],
    ['pendingAge', { value: 20, buckets: { '≤3': 8, '3–6': 4, '6–12': 3, '12–18': 2, '18–36': 2, '>36': 1 } }],
    ['overduePending', { value: 7 }],
    ['extensionRate', { value: 14.3, numerator: 4, denominator: 28 }],
    ['appealRate', { value: 25, numerator: 3, denominator: 12 }],
    ['reversalRate', { value: 15, numerator: 3, denominator: 20, reversed: 1, remanded: 2 }],
    ['acceptanceRate', { value: 85, numerator: 17, denominator: 20 }],
    ['mediationRate', { value: 32, numerator: 8, denominator: 25 }],
    ['withdrawalRate', { value: 20, numerator: 5, denominator: 25 }],
    ['settlementRate', { value: 52, numerator: 13, denominator: 25 }],
    ['preMediationRate', { value: 75, numerator: 3, denominator: 4 }],
    ['advanceMediationRate', { value: 66.7, numerator: 6, denominator: 9 }],
    ['normalOnTimeRate', { value: 78.6, numerator: 22, denominator: 28 }],
    ['longPending12Ratio', { value: 25, numerator: 5, denominator: 20 }],
    ['caseItemRatio', { value: 1.25, numerator: 20, denominator: 16 }],
    ['enforcementRecoveryRate', { value: 33.3, numerator: 3333.33, denominator: 10000 }],
    ['enforcementCompletionRate', { value: 33.3, numerator: 2, denominator: 6 }],
    ['resolvedPerJudge', { value: 7.5, numerator: 30, denominator: 4 }],
    ['reviewRate', { value: 81.8, numerator: 9, denominator: 11 }],
    ['precedentRate', { value: 0, numerator: 0, denominator: 11 }],
  ])('%s', (id, expected) => {
    expect(v[id as keyof typeof v]).toEqual(expected);
  });

  it('a year of 365 days in the CEPEJ disposition time, 366 in a leap year', () => {
    const one = tally({ pending: 1, resolved: 1 });
    expect(computeIndicators(one, { from: '2023-01-01', to: '2023-12-31' }).dispositionTime.value).toBe(365);
    expect(computeIndicators(one, { from: '2024-01-01', to: '2024-12-31' }).dispositionTime.value).toBe(366);
  });
});

describe('denominator 0', () => {
  const v = computeIndicators(emptyTally(), P);
  const ratios = INDICATOR_IDS.filter((id) => 'denominator' in v[id]);

  it.each(ratios)('%s is null over an empty tally, never 0 or 100', (id) => {
    expect((v[id] as { value: number | null }).value).toBeNull();
  });

  it('counts are 0, and the text says "—" for every ratio', () => {
    expect(v.received.value).toBe(0);
    expect(v.pendingAge.value).toBe(0);
    expect(v.avgDuration.median).toBeNull();
    for (const id of ratios) expect(formatIndicator(id, v)).toMatch(/^—|^[^（]*—/);
  });
});

describe('adding tallies', () => {
  it('sums every counter and counts the durations together', () => {
    const a = tally({ received: 2, durationCounts: [1, 1, 5, 2], durationSum: 11, age: [1, 0, 0, 0, 0, 2], enforcementClaimFen: 100 });
    const b = tally({ received: 3, durationCounts: [2, 1, 5, 1, 9, 1], durationSum: 16, age: [0, 1, 0, 0, 0, 0], enforcementClaimFen: 50 });
    const s = addTallies([a, b]);
    expect(s).toMatchObject({ received: 5, durationCounts: [1, 1, 2, 1, 5, 3, 9, 1], durationSum: 27, age: [1, 1, 0, 0, 0, 2], enforcementClaimFen: 150 });
  });
});
