// The formula step: per-group tallies (counts, sums, counted durations) into the indicators' values; pure, no SQL.
import { addDays, addMonths, daysBetween, type IsoDate } from '../dates/calendar';
import { AGE_BOUNDS, AGE_BUCKETS, type AgeBucket, type IndicatorId } from './catalogue';

/**
 * What the formulas need of one group's cases in one period. A source of tallies (the plain SQL pass today, a daily
 * pre-aggregation later) fills these and nothing else, so the formulas never change with the source.
 */
export interface Tally {
  received: number;
  /** Received cases whose 先行调解 ended settled on or before `to`. */
  receivedAdvanceSettled: number;
  carriedOver: number;
  resolved: number;
  pending: number;
  /** Resolved with a time limit (closed_overdue known), in time, with an approved extension, in time without one. */
  resolvedWithLimit: number;
  resolvedOnTime: number;
  resolvedExtended: number;
  resolvedNormalOnTime: number;
  /** Σ duration of resolved cases, and their durations counted (for median and p90). */
  durationSum: number;
  durationCounts: Counted;
  longPending12: number;
  longPending18: number;
  longPending36: number;
  /** Pending at `to` per AGE_BUCKETS. */
  age: number[];
  overduePending: number;
  firstResolved: number;
  firstByJudgmentOrRuling: number;
  firstAppealed: number;
  firstReversed: number;
  firstRemanded: number;
  firstNotAppealed: number;
  civilResolved: number;
  civilMediated: number;
  civilWithdrawn: number;
  preMediationClosed: number;
  preMediationSettled: number;
  advanceMediationEnded: number;
  advanceMediationSettled: number;
  /** 案 (first-instance received) and 件 (those plus every later case linked to them). */
  caseCount: number;
  itemCount: number;
  enforcementResolved: number;
  enforcementCompleted: number;
  /** Amounts in fen (1/100 yuan), over 执 cases resolved with an amount applied for. */
  enforcementClaimFen: number;
  enforcementRecoveredFen: number;
  /** Judges with a case on their docket in the period (carried over or received). */
  judges: number;
  judgmentResolved: number;
  judgmentReviewed: number;
  judgmentPrecedent: number;
}

/**
 * Values counted: flat [value, count, value, count, …], the values ascending and distinct, each count a positive whole
 * number. It stands for the ascending list with every value written out count times, and median and percentile of it
 * are those of that list; a year's court is some 1,300 distinct durations instead of 118,000 written out.
 */
export type Counted = number[];

export type TallyCounter = Exclude<keyof Tally, 'durationCounts' | 'age'>;

export function emptyTally(): Tally {
  return {
    received: 0, receivedAdvanceSettled: 0, carriedOver: 0, resolved: 0, pending: 0, resolvedWithLimit: 0, resolvedOnTime: 0,
    resolvedExtended: 0, resolvedNormalOnTime: 0, durationSum: 0, durationCounts: [], longPending12: 0, longPending18: 0,
    longPending36: 0, age: AGE_BUCKETS.map(() => 0), overduePending: 0, firstResolved: 0, firstByJudgmentOrRuling: 0,
    firstAppealed: 0, firstReversed: 0, firstRemanded: 0, firstNotAppealed: 0, civilResolved: 0, civilMediated: 0,
    civilWithdrawn: 0, preMediationClosed: 0, preMediationSettled: 0, advanceMediationEnded: 0, advanceMediationSettled: 0,
    caseCount: 0, itemCount: 0, enforcementResolved: 0, enforcementCompleted: 0, enforcementClaimFen: 0,
    enforcementRecoveredFen: 0, judges: 0, judgmentResolved: 0, judgmentReviewed: 0, judgmentPrecedent: 0,
  };
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** Days in [from, to], both ends included (a calendar year: 365 or 366). */
export function periodDays(p: Period): number {
  return daysBetween(p.from, p.to) + 1;
}

export interface RatioValue { value: number | null; numerator: number; denominator: number }
export interface CountValue { value: number }
export interface ReceivedValue extends CountValue { withoutAdvanceSettled: number }
export interface DurationValue extends RatioValue { median: number | null; p90: number | null }
export interface DispositionTimeValue extends RatioValue { days: number }
export interface ReversalValue extends RatioValue { reversed: number; remanded: number }
export interface AgeValue extends CountValue { buckets: Record<AgeBucket, number> }

export interface IndicatorValues {
  received: ReceivedValue;
  carriedOver: CountValue;
  resolved: CountValue;
  pending: CountValue;
  clearanceRate: RatioValue;
  dispositionRate: RatioValue;
  onTimeRate: RatioValue;
  avgDuration: DurationValue;
  dispositionTime: DispositionTimeValue;
  longPending12: CountValue;
  longPending18: CountValue;
  longPending36: CountValue;
  pendingAge: AgeValue;
  overduePending: CountValue;
  extensionRate: RatioValue;
  appealRate: RatioValue;
  reversalRate: ReversalValue;
  acceptanceRate: RatioValue;
  mediationRate: RatioValue;
  withdrawalRate: RatioValue;
  settlementRate: RatioValue;
  preMediationRate: RatioValue;
  advanceMediationRate: RatioValue;
  normalOnTimeRate: RatioValue;
  longPending12Ratio: RatioValue;
  /** value = 件 ÷ 案 to two decimals (1 : value); numerator 件, denominator 案. */
  caseItemRatio: RatioValue;
  /** numerator and denominator in yuan. */
  enforcementRecoveryRate: RatioValue;
  enforcementCompletionRate: RatioValue;
  /** value = resolved ÷ judges to one decimal. */
  resolvedPerJudge: RatioValue;
  reviewRate: RatioValue;
  precedentRate: RatioValue;
}

// Every id of the catalogue has a value, and no other key: the type refuses a missing or extra one.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const VALUES_COVER_CATALOGUE: Exact<keyof IndicatorValues, IndicatorId> = true;

/**
 * n ÷ d × scale rounded half up to `decimals`, exactly (BigInt, so 95.25 % is 95.3 and sums of amounts in fen do
 * not lose digits); null when d is 0. n an integer, d a positive integer.
 */
export function roundedQuotient(n: number, d: number, scale: number, decimals: number): number | null {
  if (d === 0) return null;
  const unit = 10n ** BigInt(decimals);
  const num = BigInt(Math.abs(n)) * BigInt(scale) * unit;
  const den = BigInt(d);
  const q = (2n * num + den) / (2n * den);
  // Half away from zero for a negative sum (imported deducted days can exceed a case's length).
  return ((n < 0 ? -1 : 1) * Number(q)) / Number(unit);
}

export function ratio(numerator: number, denominator: number): RatioValue {
  return { value: roundedQuotient(numerator, denominator, 100, 1), numerator, denominator };
}

/*
 * Median and percentile read the i-th smallest value through `at`, so the written-out list and the counted one share
 * one rule (index, interpolation, rounding) and cannot drift apart.
 */
function medianOf(n: number, at: (i: number) => number): number | null {
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 ? at(mid) : roundedQuotient(at(mid - 1) + at(mid), 2, 1, 1);
}

function percentileOf(n: number, at: (i: number) => number, p: number): number | null {
  if (n === 0) return null;
  return at(Math.max(0, Math.ceil((p / 100) * n) - 1));
}

/** The median of ascending values (mean of the two middle ones for an even count), to one decimal; null when none. */
export function median(sorted: readonly number[]): number | null {
  return medianOf(sorted.length, (i) => sorted[i]);
}

/** The p-th percentile by the nearest-rank method (the ⌈p/100 × n⌉-th smallest value); null when none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  return percentileOf(sorted.length, (i) => sorted[i], p);
}

/** How many values a counted list stands for. */
export function countOf(c: Counted): number {
  let n = 0;
  for (let i = 1; i < c.length; i += 2) n += c[i];
  return n;
}

/** The i-th smallest value (from 0) of a counted list: a walk over the distinct values, no list written out. */
export function countedAt(c: Counted, i: number): number {
  let seen = 0;
  for (let j = 0; j < c.length; j += 2) {
    seen += c[j + 1];
    if (i < seen) return c[j];
  }
  throw new RangeError(`value ${i} of a counted list of ${seen}`);
}

/** median of the counted list's values written out. */
export function countedMedian(c: Counted): number | null {
  return medianOf(countOf(c), (i) => countedAt(c, i));
}

/** percentile of the counted list's values written out. */
export function countedPercentile(c: Counted, p: number): number | null {
  return percentileOf(countOf(c), (i) => countedAt(c, i), p);
}

/**
 * The counted lists' values together, as one counted list (an entry with a count of 0 or less adds none): any values,
 * fractional or far apart. sortedDurations.mergeCounted counts whole days in a narrow range faster, to the same list.
 */
export function addCounted(lists: ReadonlyArray<readonly number[]>): Counted {
  const counts = new Map<number, number>();
  for (const l of lists) {
    for (let i = 0; i < l.length; i += 2) if (l[i + 1] > 0) counts.set(l[i], (counts.get(l[i]) ?? 0) + l[i + 1]);
  }
  const values = Float64Array.from(counts.keys()).sort();
  const out: Counted = new Array(values.length * 2);
  values.forEach((v, i) => ((out[2 * i] = v), (out[2 * i + 1] = counts.get(v)!)));
  return out;
}

/**
 * The month rule for "open more than N months at `to`" (filedOn + N months < to), turned into one date: a case is
 * that old exactly when filedOn < monthCutoff(to, N). addMonths never decreases as filedOn grows, so one cutoff
 * exists; it lies within a few days of to − N months (month ends clamp), and the walk below finds it exactly.
 */
export function monthCutoff(to: IsoDate, months: number): IsoDate {
  const older = (filed: IsoDate) => addMonths(filed, months) < to;
  let c = addMonths(to, -months);
  while (older(c)) c = addDays(c, 1);
  while (!older(addDays(c, -1))) c = addDays(c, -1);
  return c;
}

/** The tally's plain counters (every key but durationCounts and age), listed once rather than per call. */
export const TALLY_COUNTERS: readonly TallyCounter[] = (Object.keys(emptyTally()) as Array<keyof Tally>)
  .filter((k): k is TallyCounter => k !== 'durationCounts' && k !== 'age');

/**
 * Sums tallies (for a court figure from its groups); caseCount/itemCount sum too. The durations are counted together
 * by `merge`: addCounted, or sortedDurations.mergeCounted (the same list, faster on whole days).
 */
export function addTallies(list: readonly Tally[], merge: (lists: Counted[]) => Counted = addCounted): Tally {
  const sum = emptyTally();
  for (const t of list) {
    for (const k of TALLY_COUNTERS) sum[k] += t[k];
    t.age.forEach((n, i) => (sum.age[i] += n));
  }
  sum.durationCounts = merge(list.map((t) => t.durationCounts));
  return sum;
}

/** The formulas of the spec over one tally. */
export function computeIndicators(t: Tally, p: Period): IndicatorValues {
  const days = periodDays(p);
  const buckets = Object.fromEntries(AGE_BUCKETS.map((b, i) => [b, t.age[i] ?? 0])) as Record<AgeBucket, number>;
  return {
    received: { value: t.received, withoutAdvanceSettled: t.received - t.receivedAdvanceSettled },
    carriedOver: { value: t.carriedOver },
    resolved: { value: t.resolved },
    pending: { value: t.pending },
    clearanceRate: ratio(t.resolved, t.received),
    dispositionRate: ratio(t.resolved, t.carriedOver + t.received),
    onTimeRate: ratio(t.resolvedOnTime, t.resolvedWithLimit),
    avgDuration: {
      value: roundedQuotient(t.durationSum, t.resolved, 1, 1), numerator: t.durationSum, denominator: t.resolved,
      median: countedMedian(t.durationCounts), p90: countedPercentile(t.durationCounts, 90),
    },
    dispositionTime: { value: roundedQuotient(days * t.pending, t.resolved, 1, 1), numerator: t.pending, denominator: t.resolved, days },
    longPending12: { value: t.longPending12 },
    longPending18: { value: t.longPending18 },
    longPending36: { value: t.longPending36 },
    pendingAge: { value: t.pending, buckets },
    overduePending: { value: t.overduePending },
    extensionRate: ratio(t.resolvedExtended, t.resolvedWithLimit),
    appealRate: ratio(t.firstAppealed, t.firstByJudgmentOrRuling),
    reversalRate: { ...ratio(t.firstReversed + t.firstRemanded, t.firstResolved), reversed: t.firstReversed, remanded: t.firstRemanded },
    acceptanceRate: ratio(t.firstNotAppealed, t.firstResolved),
    mediationRate: ratio(t.civilMediated, t.civilResolved),
    withdrawalRate: ratio(t.civilWithdrawn, t.civilResolved),
    settlementRate: ratio(t.civilMediated + t.civilWithdrawn, t.civilResolved),
    preMediationRate: ratio(t.preMediationSettled, t.preMediationClosed),
    advanceMediationRate: ratio(t.advanceMediationSettled, t.advanceMediationEnded),
    normalOnTimeRate: ratio(t.resolvedNormalOnTime, t.resolvedWithLimit),
    longPending12Ratio: ratio(t.longPending12, t.pending),
    caseItemRatio: { value: roundedQuotient(t.itemCount, t.caseCount, 1, 2), numerator: t.itemCount, denominator: t.caseCount },
    enforcementRecoveryRate: {
      value: roundedQuotient(t.enforcementRecoveredFen, t.enforcementClaimFen, 100, 1),
      numerator: t.enforcementRecoveredFen / 100, denominator: t.enforcementClaimFen / 100,
    },
    enforcementCompletionRate: ratio(t.enforcementCompleted, t.enforcementResolved),
    resolvedPerJudge: { value: roundedQuotient(t.resolved, t.judges, 1, 1), numerator: t.resolved, denominator: t.judges },
    reviewRate: ratio(t.judgmentReviewed, t.judgmentResolved),
    precedentRate: ratio(t.judgmentPrecedent, t.judgmentResolved),
  };
}

export { AGE_BOUNDS };
