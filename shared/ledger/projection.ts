// The projection (what-if) of the 脱薄 ledger as a pure function: open cases, the last 12 months' rates and closing-age profile in; month-by-month pending, 超12个月未结案件比, 结收比 and 法定审限内结案率 out.
import { addMonths, daysInMonth } from '../dates/calendar';

/** Ages of open and closed cases in the six bands of 未结案件审理时长分布: ≤3, 3–6, 6–12, 12–18, 18–36, >36 months. */
export const AGE_BANDS = ['3个月以内', '3至6个月', '6至12个月', '12至18个月', '18至36个月', '36个月以上'] as const;
const BAND_FROM = [0, 3, 6, 12, 18, 36];
export const DEFAULT_MONTHS = 6;
export const MAX_MONTHS = 24;

/** Open cases filed on one day, as they stand at the start. */
export interface OpenCohort {
  filedOn: string;
  count: number;
}

/** One age band's closings of the last 12 months: how many, how many had a statutory limit, how many of those on time. */
export interface BandProfile {
  closed: number;
  withLimit: number;
  onTime: number;
}

export interface ProjectionInputs {
  /** The last day of a month: the state the projection starts from. */
  start: string;
  open: OpenCohort[];
  /** Filings and closings per month, oldest first: up to the 12 months ending at `start` (fewer for a young database). */
  history: Array<{ month: string; received: number; resolved: number }>;
  /** The last 12 months' closings by age band at closing (AGE_BANDS order). */
  profile: BandProfile[];
  /** Judges with at least one closing in the last 12 months. */
  judges: number;
}

export interface Assumptions {
  months: number;
  /** Cases closed each month beyond the usual rate. */
  closeMore: number;
  /** The K oldest cases open at the start, closed evenly month by month until the month of `by`. */
  clearOldest: number;
  by: string | null;
  /** Judges more (or fewer): closings scale by (J + Δ) / J. */
  judgesDelta: number;
}

export const NO_ASSUMPTIONS: Assumptions = { months: DEFAULT_MONTHS, closeMore: 0, clearOldest: 0, by: null, judgesDelta: 0 };

export interface ProjectedMonth {
  month: string;
  /** Filed in the month (the monthly filing rate). */
  received: number;
  /** Closed in the month: the usual closings, the extra ones and the oldest cleared. */
  resolved: number;
  pending: number;
  longPending12: number;
  /** Percentages to one decimal; null when the denominator is 0. */
  longPending12Ratio: number | null;
  clearanceRate: number | null;
  /** Expected closings with a statutory limit, and of those on time (one decimal: they are expectations). */
  resolvedWithLimit: number;
  resolvedOnTime: number;
  onTimeRate: number | null;
  /** Fewer cases were open than the month's planned closings: the N·k rule stops holding here. */
  capped: boolean;
}

export interface ProjectionRates {
  /** Months of history the rates average over (up to 12). */
  historyMonths: number;
  /** Cases filed per month (average, rounded). */
  filingsPerMonth: number;
  /** Cases closed per month in the history (average, rounded), before the judges' scaling. */
  closingsPerMonth: number;
  /** After the judges' scaling, before closeMore. */
  scaledClosingsPerMonth: number;
  judges: number;
  openAtStart: number;
}

export interface Projection {
  rates: ProjectionRates;
  months: ProjectedMonth[];
}

/** The model in words, shown on the screen beside the curves and in docs/ledger-projection.md. */
export const MODEL_STATEMENT: readonly string[] = [
  '起点：截至所选日期（默认今天）最近的一个月末，所选日期本身是月末时即为当日。起点时的未结案件按立案日期逐件计龄；此后每月月末为一个预测点。',
  '每月新收：起点前 12 个月（数据不足 12 个月时为已有月份）月均新收案件数，取整；新收案件按当月 15 日立案计龄。',
  '每月结案：同期月均结案数，取整；“增减法官”按 (J+Δ)/J 同比例增减（J 为近 12 个月有结案的法官人数）；“每月多结”在此之上每月加 N 件。',
  '哪些案件先结：先算各案龄段（3个月以内、3至6个月、6至12个月、12至18个月、18至36个月、36个月以上）的结案机会，即近 12 个月该段结案数 ÷ 起点时该段未结案件数；每月结案总数按“该段未结案件数 × 结案机会”的比例分配到各段，某段案件不够时余数转到其他段；段内按各立案日的件数比例分配；没有历史结案时从案龄最长的一段结起。',
  '“清理最久未结案件”：起点时立案最早的 K 件另行清理，从起点后第一个月到所定日期所在月平均分摊，不占正常结案数，也不参与正常分配。',
  '案龄：每过一个月，所有未结案件的案龄增加一个月；按审限规范的月份规则，立案日加 12 个月仍早于月末的，计为超12个月未结。',
  '法定审限内结案率：每个案龄段的结案中，有法定审限的比例和其中审限内结案的比例取近 12 个月该段的实际比例（该段无结案时取全部结案的比例），据此估算当月的分子和分母。',
  '其余一切不变：不考虑季节、案件类型构成和个别案件的扣除、延长审限。每月多结 N 件，预测未结案件数第 k 个月末比不多结时少 N·k 件（只要还有案件可结）。',
];

const roundHalfUp = (x: number) => Math.floor(x + 0.5);
const pct = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 1000) / 10 : null);
const round1 = (x: number) => Math.round(x * 10) / 10;

export function monthEndOf(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}
export const shiftMonthOf = (month: string, k: number): string => addMonths(`${month}-01`, k).slice(0, 7);

/** Whole months a case filed on `filedOn` is open at `day`: the largest m with filedOn + m months < day (month rule). */
export function ageMonths(filedOn: string, day: string): number {
  // filedOn + m months falls in day's month for m = the months between them, on min(filed day, month length), which
  // is before `day` exactly when the filed day-of-month is; one month fewer always is.
  const m = (Number(day.slice(0, 4)) - Number(filedOn.slice(0, 4))) * 12 + Number(day.slice(5, 7)) - Number(filedOn.slice(5, 7));
  return Math.max(0, m - (Number(filedOn.slice(8, 10)) >= Number(day.slice(8, 10)) ? 1 : 0));
}

export function bandOf(months: number): number {
  let b = 0;
  for (let i = 1; i < BAND_FROM.length; i++) if (months >= BAND_FROM[i]) b = i;
  return b;
}

/** Splits `total` over `weights` in whole numbers (largest remainder; ties to the lower index), never above `caps`. */
export function apportion(total: number, weights: number[], caps: number[]): number[] {
  const out = weights.map(() => 0);
  let left = Math.min(total, caps.reduce((a, b) => a + b, 0));
  // Each round shares what is left among the entries with room, by weight; entries of weight 0 take what no weighted
  // entry has room for, the last index (the oldest band) first.
  while (left > 0) {
    const open = weights.map((w, i) => (caps[i] - out[i] > 0 && w > 0 ? w : 0));
    const sum = open.reduce((a, b) => a + b, 0);
    if (sum === 0) {
      for (let i = out.length - 1; i >= 0 && left > 0; i--) {
        const take = Math.min(left, caps[i] - out[i]);
        out[i] += take;
        left -= take;
      }
      break;
    }
    const exact = open.map((w) => (left * w) / sum);
    const whole = exact.map((x, i) => Math.min(Math.floor(x), caps[i] - out[i]));
    let given = whole.reduce((a, b) => a + b, 0);
    const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).filter((e) => open[e.i] > 0).sort((a, b) => b.r - a.r || a.i - b.i);
    for (const e of order) {
      if (given >= left) break;
      if (caps[e.i] - out[e.i] - whole[e.i] > 0) {
        whole[e.i]++;
        given++;
      }
    }
    for (let i = 0; i < out.length; i++) out[i] += whole[i];
    left -= given;
  }
  return out;
}

interface Cohort {
  filedOn: string;
  /** year·12 + month and the day of filedOn, read once (ageMonths' arithmetic, every month for every cohort). */
  ym: number;
  day: number;
  count: number;
  /** Set aside for clearOldest: closed only by the clearing schedule. */
  clearing: number;
}

/** Projects `a.months` months from `inputs` under the assumptions (see MODEL_STATEMENT). */
export function project(inputs: ProjectionInputs, a: Assumptions): Projection {
  const n = inputs.history.length;
  const received = inputs.history.reduce((s, h) => s + h.received, 0);
  const resolved = inputs.history.reduce((s, h) => s + h.resolved, 0);
  const filings = n ? roundHalfUp(received / n) : 0;
  const closings = n ? roundHalfUp(resolved / n) : 0;
  const j = inputs.judges;
  // One division of whole numbers, so Δ = 0 gives exactly the unscaled rate.
  const scaled = j > 0 && n > 0 ? roundHalfUp((resolved * Math.max(0, j + a.judgesDelta)) / (n * j)) : closings;
  const cohortOf = (filedOn: string, count: number): Cohort => ({ filedOn, ym: Number(filedOn.slice(0, 4)) * 12 + Number(filedOn.slice(5, 7)), day: Number(filedOn.slice(8, 10)), count, clearing: 0 });
  const cohorts: Cohort[] = inputs.open.filter((c) => c.count > 0).map((c) => cohortOf(c.filedOn, c.count)).sort((x, y) => (x.filedOn < y.filedOn ? -1 : 1));
  const openAtStart = cohorts.reduce((s, c) => s + c.count, 0);
  // The K oldest, set aside for the clearing schedule.
  let toMark = Math.min(a.clearOldest, openAtStart);
  for (const c of cohorts) {
    if (toMark <= 0) break;
    c.clearing = Math.min(c.count, toMark);
    toMark -= c.clearing;
  }
  const marked = Math.min(a.clearOldest, openAtStart);
  const startMonth = inputs.start.slice(0, 7);
  const byIndex = a.by ? Math.max(1, monthIndex(startMonth, a.by.slice(0, 7))) : 1;
  // Spread over every month up to the date's, even those beyond the months shown.
  const clearMonths = byIndex;
  const profile = normaliseProfile(inputs.profile);
  // Each band's monthly closing chance: the year's closings of the band over its open cases at the start (12 months).
  const stockAtStart = AGE_BANDS.map(() => 0);
  for (const c of cohorts) stockAtStart[bandOf(ageMonths(c.filedOn, inputs.start))] += c.count;
  const hazard = profile.weights.map((w, b) => w / Math.max(1, stockAtStart[b]));
  const out: ProjectedMonth[] = [];
  for (let k = 1; k <= a.months; k++) {
    const month = shiftMonthOf(startMonth, k);
    const end = monthEndOf(month);
    if (filings > 0) cohorts.push(cohortOf(`${month}-15`, filings));
    const closedByBand = AGE_BANDS.map(() => 0);
    // The clearing schedule: K·k/M cases by the end of month k, oldest first (they are sorted by filing day).
    // ageMonths(c.filedOn, end) on the numbers read once.
    const endYm = Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7));
    const endDay = Number(end.slice(8, 10));
    const ages = cohorts.map((c) => Math.max(0, endYm - c.ym - (c.day >= endDay ? 1 : 0)));
    const bands = ages.map(bandOf);
    let clearNow = k <= byIndex ? Math.floor((marked * Math.min(k, clearMonths)) / clearMonths) - Math.floor((marked * Math.min(k - 1, clearMonths)) / clearMonths) : 0;
    for (let i = 0; i < cohorts.length && clearNow > 0; i++) {
      const c = cohorts[i];
      const take = Math.min(c.clearing, clearNow);
      c.clearing -= take;
      c.count -= take;
      clearNow -= take;
      closedByBand[bands[i]] += take;
    }
    // The usual closings (and the extra N), over the bands by the profile, then over each band's filing days by size.
    const planned = scaled + a.closeMore;
    const room = AGE_BANDS.map(() => 0);
    const members: number[][] = AGE_BANDS.map(() => []);
    cohorts.forEach((c, i) => {
      room[bands[i]] += c.count - c.clearing;
      members[bands[i]].push(i);
    });
    const perBand = apportion(planned, room.map((r, b) => r * hazard[b]), room);
    for (let b = 0; b < AGE_BANDS.length; b++) {
      if (perBand[b] === 0) continue;
      const idx = members[b];
      const free = idx.map((i) => cohorts[i].count - cohorts[i].clearing);
      const split = apportion(perBand[b], free, free);
      idx.forEach((i, x) => (cohorts[i].count -= split[x]));
      closedByBand[b] += perBand[b];
    }
    const done = perBand.reduce((s, x) => s + x, 0);
    const pending = cohorts.reduce((s, c) => s + c.count, 0);
    const long = cohorts.reduce((s, c, i) => s + (ages[i] >= 12 ? c.count : 0), 0);
    let kept = 0;
    for (const c of cohorts) if (c.count > 0) cohorts[kept++] = c;
    cohorts.length = kept;
    const closedAll = closedByBand.reduce((s, x) => s + x, 0);
    let withLimit = 0;
    let onTime = 0;
    closedByBand.forEach((x, b) => {
      withLimit += x * profile.limitShare[b];
      onTime += x * profile.limitShare[b] * profile.onTimeShare[b];
    });
    out.push({
      month, received: filings, resolved: closedAll, pending, longPending12: long,
      longPending12Ratio: pct(long, pending), clearanceRate: pct(closedAll, filings),
      resolvedWithLimit: round1(withLimit), resolvedOnTime: round1(onTime), onTimeRate: withLimit > 1e-9 ? Math.round((onTime / withLimit) * 1000) / 10 : null,
      capped: done < planned,
    });
  }
  return {
    rates: { historyMonths: n, filingsPerMonth: filings, closingsPerMonth: closings, scaledClosingsPerMonth: scaled, judges: j, openAtStart },
    months: out,
  };
}

/** Months from `from` to `to` (YYYY-MM), positive when `to` is later. */
export function monthIndex(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

/** Band weights and shares; a band with no closings takes the shares of all closings (or 0 without any). */
function normaliseProfile(p: BandProfile[]) {
  const all = p.reduce((s, b) => ({ closed: s.closed + b.closed, withLimit: s.withLimit + b.withLimit, onTime: s.onTime + b.onTime }), { closed: 0, withLimit: 0, onTime: 0 });
  const allLimit = all.closed ? all.withLimit / all.closed : 0;
  const allOnTime = all.withLimit ? all.onTime / all.withLimit : 0;
  return {
    // No closings in the history: every weight 0, so apportion takes the oldest band first.
    weights: AGE_BANDS.map((_, b) => p[b]?.closed ?? 0),
    limitShare: AGE_BANDS.map((_, b) => (p[b]?.closed ? p[b].withLimit / p[b].closed : allLimit)),
    onTimeShare: AGE_BANDS.map((_, b) => (p[b]?.withLimit ? p[b].onTime / p[b].withLimit : allOnTime)),
  };
}
