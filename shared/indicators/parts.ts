// The parts of each indicator one can open as a list of cases (分子, 分母, a count, an age bucket), and what each is in words.
import { AGE_BUCKETS, INDICATORS, type IndicatorId } from './catalogue';
import type { IndicatorValues } from './formulas';

export const DRILL_PARTS = ['numerator', 'denominator', 'count', ...AGE_BUCKETS] as const;
export type DrillPart = (typeof DRILL_PARTS)[number];
export const PART_NAMES: Record<'numerator' | 'denominator' | 'count', string> = { numerator: '分子', denominator: '分母', count: '案件' };

/**
 * Where a part's cases come from: tally counters of the SQL pass (summed when several; they never overlap), or one of
 * the few sets the pass does not count case by case (先行调解 ended or settled, 件 linked to the period's 案, 执 cases
 * whose amounts are summed).
 */
export type PartSource = string;

export interface PartDef {
  /** The cases in words, after "分子：" in a title. */
  label: string;
  sources: readonly PartSource[];
}

const p = (label: string, ...sources: PartSource[]): PartDef => ({ label, sources });
const RESOLVED = p('结案日期在期间内的案件', 'resolved');
const WITH_LIMIT = p('已结且有法定审限的案件', 'resolvedWithLimit');
const FIRST_RESOLVED = p('已结的一审案件', 'firstResolved');
const CIVIL_RESOLVED = p('已结的民事案件', 'civilResolved');
const JUDGMENT = p('以判决结案的案件', 'judgmentResolved');
const PENDING = p('期末未结的案件', 'pending');
const CLAIMED = p('已结且填写申请执行标的额的执行案件', 'enforcementClaimed');

type Parts = Partial<Record<DrillPart, PartDef>>;
const AGE_PARTS: Parts = Object.fromEntries(AGE_BUCKETS.map((b, i) => [b, p(`期末未结、已审理 ${b} 个月的案件`, `age${i}`)]));

export const INDICATOR_PARTS: Readonly<Record<IndicatorId, Parts>> = {
  received: { count: p('立案日期在期间内的案件', 'received') },
  carriedOver: { count: p('期间开始前立案、期初仍未结的案件', 'carriedOver') },
  resolved: { count: RESOLVED },
  pending: { count: PENDING },
  clearanceRate: { numerator: RESOLVED, denominator: p('立案日期在期间内的案件', 'received') },
  dispositionRate: { numerator: RESOLVED, denominator: p('旧存和新收案件', 'carriedOver', 'received') },
  onTimeRate: { numerator: p('已结且未超审限的案件', 'resolvedOnTime'), denominator: WITH_LIMIT },
  avgDuration: { denominator: RESOLVED },
  dispositionTime: { numerator: PENDING, denominator: RESOLVED },
  longPending12: { count: p('期末未结超过 12 个月的案件', 'longPending12') },
  longPending18: { count: p('期末未结超过 18 个月的案件', 'longPending18') },
  longPending36: { count: p('期末未结超过 36 个月的案件', 'longPending36') },
  pendingAge: { count: PENDING, ...AGE_PARTS },
  overduePending: { count: p('期末未结且已超审限的案件', 'overduePending') },
  extensionRate: { numerator: p('已结且经批准延长审限的案件', 'resolvedExtended'), denominator: WITH_LIMIT },
  appealRate: { numerator: p('一审已结且被上诉的案件', 'firstAppealed'), denominator: p('一审以判决、裁定或驳回起诉结案的案件', 'firstByJudgmentOrRuling') },
  reversalRate: { numerator: p('一审已结、二审改判或发回重审的案件', 'firstReversed', 'firstRemanded'), denominator: FIRST_RESOLVED },
  acceptanceRate: { numerator: p('一审已结且未上诉的案件', 'firstNotAppealed'), denominator: FIRST_RESOLVED },
  mediationRate: { numerator: p('民事案件以调解结案', 'civilMediated'), denominator: CIVIL_RESOLVED },
  withdrawalRate: { numerator: p('民事案件以撤诉结案', 'civilWithdrawn'), denominator: CIVIL_RESOLVED },
  settlementRate: { numerator: p('民事案件以调解或撤诉结案', 'civilMediated', 'civilWithdrawn'), denominator: CIVIL_RESOLVED },
  preMediationRate: { numerator: p('诉前调案件以调解或撤诉结案', 'preMediationSettled'), denominator: p('已结的诉前调案件', 'preMediationClosed') },
  advanceMediationRate: { numerator: p('期间内先行调解成功结束的民初案件', 'advanceSettled'), denominator: p('期间内先行调解结束的民初案件', 'advanceEnded') },
  normalOnTimeRate: { numerator: p('未经延长且在审限内结案的案件', 'resolvedNormalOnTime'), denominator: WITH_LIMIT },
  longPending12Ratio: { numerator: p('期末未结超过 12 个月的案件', 'longPending12'), denominator: PENDING },
  caseItemRatio: { numerator: p('件：期间内新收的一审案件及其后续案件', 'items'), denominator: p('案：期间内新收的一审案件', 'caseCount') },
  enforcementRecoveryRate: { numerator: CLAIMED, denominator: CLAIMED },
  enforcementCompletionRate: { numerator: p('以执行完毕结案的执行案件', 'enforcementCompleted'), denominator: p('已结的执行案件', 'enforcementResolved') },
  resolvedPerJudge: { numerator: RESOLVED },
  reviewRate: { numerator: p('以判决结案且记录了阅核的案件', 'judgmentReviewed'), denominator: JUDGMENT },
  precedentRate: { numerator: p('以判决结案且记录了类案检索的案件', 'judgmentPrecedent'), denominator: JUDGMENT },
};

export function partOf(id: IndicatorId, part: DrillPart): PartDef | undefined {
  return INDICATOR_PARTS[id][part];
}

/**
 * How many cases a part holds by the computed values, or null where the figure is not a number of cases (an amount in
 * yuan, a sum of days, a number of judges): then the list stands beside the figure without equalling it.
 */
export function partCount(id: IndicatorId, part: DrillPart, v: IndicatorValues): number | null {
  if (!partOf(id, part) || id === 'enforcementRecoveryRate') return null;
  if (id === 'pendingAge') return part === 'count' ? v.pendingAge.value : v.pendingAge.buckets[part as (typeof AGE_BUCKETS)[number]];
  const value = v[id] as { value: number | null; numerator?: number; denominator?: number };
  if (part === 'count') return value.value;
  if (id === 'avgDuration') return v.avgDuration.denominator;
  return part === 'numerator' ? value.numerator! : value.denominator!;
}

/** "法定审限内结案率 · 分母：已结且有法定审限的案件 · 2026-01-01 至 2026-11-30". */
export function partTitle(id: IndicatorId, part: DrillPart, from: string, to: string): string {
  const def = partOf(id, part);
  const which = part === 'numerator' || part === 'denominator' ? `${PART_NAMES[part]}：${def?.label ?? ''}` : (def?.label ?? '');
  return `${INDICATORS[id].name} · ${which} · ${from} 至 ${to}`;
}
