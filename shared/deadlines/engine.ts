// The time-limit engine: due date, deducted days, extensions, days remaining and status of one case, as a pure function.
import { addDays, addMonths, daysBetween, minDate, maxDate, type IsoDate } from '../dates/calendar';
import type { ExtensionStatus, LimitVariant, Procedure } from '../cases/types';
import { isDeductibleKind, limitRule, spanLabel, type LimitRule, type Span } from './limits';
import { coversYear, nextWorkingDay, type RestDays } from './restDays';

export type DeadlineStatus = 'in_time' | 'overdue' | 'suspended' | 'paused' | 'closed_in_time' | 'closed_overdue' | 'no_limit';

export const STATUS_LABELS: Record<DeadlineStatus, string> = {
  in_time: '审限内',
  overdue: '已超审限',
  suspended: '中止',
  paused: '暂停计算',
  closed_in_time: '审限内结案',
  closed_overdue: '超审限结案',
  no_limit: '无审限',
};

export interface DeadlineInput {
  typeCode: string;
  procedure: Procedure | null;
  limitVariant: LimitVariant | null;
  filedOn: IsoDate;
  closedOn: IsoDate | null;
  events: ReadonlyArray<{ kind: string; fromOn: IsoDate; toOn: IsoDate | null }>;
  extensions: ReadonlyArray<{ status: ExtensionStatus; months: number; days: number }>;
  /** Totals carried over from systems that keep no periods (import columns 扣除审限天数 / 延长审限天数). */
  importedDeductedDays: number;
  importedExtendedDays: number;
}

export interface CountedPeriod {
  kind: string;
  fromOn: IsoDate;
  /** The end actually used: the recorded end, or today / the closing date for an open period. */
  toOn: IsoDate;
  open: boolean;
  days: number;
}

export interface Deadline {
  rule: LimitRule | null;
  /** "6个月", or null without a limit. */
  limit: string | null;
  /** Filing date plus the statutory limit, before deductions and extensions. */
  statutoryDueOn: IsoDate | null;
  /** Days not counted, overlaps counted once. */
  deductedDays: number;
  periods: CountedPeriod[];
  /** Periods recorded but not deductible for this stage (调解 outside administrative cases, for example). */
  ignoredPeriods: Array<{ kind: string; fromOn: IsoDate; toOn: IsoDate | null; why: string }>;
  extension: Span | null;
  extensionLabel: string | null;
  dueOn: IsoDate | null;
  /** With the holiday roll on: the due date before it was moved past rest days, when it was moved. */
  rolledFrom: IsoDate | null;
  daysRemaining: number | null;
  status: DeadlineStatus;
  /** The arithmetic spelled out in Chinese, one line a step. */
  steps: string[];
}

/** Union length of half-open day intervals [from, to): overlapping periods count once. */
export function unionDays(intervals: ReadonlyArray<{ fromOn: IsoDate; toOn: IsoDate }>): number {
  const sorted = intervals.filter((i) => i.toOn > i.fromOn).sort((a, b) => (a.fromOn < b.fromOn ? -1 : a.fromOn > b.fromOn ? 1 : 0));
  let total = 0;
  let curFrom: IsoDate | null = null;
  let curTo: IsoDate | null = null;
  for (const i of sorted) {
    if (curTo === null || i.fromOn > curTo) {
      if (curFrom !== null && curTo !== null) total += daysBetween(curFrom, curTo);
      curFrom = i.fromOn;
      curTo = i.toOn;
    } else if (i.toOn > curTo) {
      curTo = i.toOn;
    }
  }
  if (curFrom !== null && curTo !== null) total += daysBetween(curFrom, curTo);
  return total;
}

/**
 * explain: false skips the Chinese sentences, for bulk writers that store only the figures (the generator, imports
 * of a million rows); the figures are the same either way. restDays: the court's holiday-roll setting (off, null,
 * by default, as time-limits.md says): a due date on a rest day moves to the next working day.
 */
export function computeDeadline(input: DeadlineInput, today: IsoDate, explain = true, restDays: RestDays | null = null): Deadline {
  const rule = limitRule(input.typeCode, input.procedure, input.limitVariant);
  const steps: string[] = [];
  const say = explain ? (line: () => string) => void steps.push(line()) : () => undefined;
  say(() => `立案日期 ${input.filedOn}，审限自次日起算`);
  if (!rule) {
    say(() => '该类案件无法定审限');
    return {
      rule: null, limit: null, statutoryDueOn: null, deductedDays: 0, periods: [], ignoredPeriods: [],
      extension: null, extensionLabel: null, dueOn: null, rolledFrom: null, daysRemaining: null, status: 'no_limit', steps,
    };
  }

  // A period runs at most until the case closed, or until today while the case is open.
  const horizon = input.closedOn ?? today;
  const recorded: CountedPeriod[] = [];
  const ignoredPeriods: Deadline['ignoredPeriods'] = [];
  for (const e of input.events) {
    if (!isDeductibleKind(e.kind, input.typeCode)) {
      ignoredPeriods.push({ kind: e.kind, fromOn: e.fromOn, toOn: e.toOn, why: `${e.kind}期间在此类案件中计入审限` });
      continue;
    }
    const open = e.toOn === null;
    const from = maxDate(e.fromOn, input.filedOn);
    // An open period runs to today (or the closing day); a recorded end counts in full, even a fixed notice period
    // that ends after today, but never past the closing day.
    const to = open ? horizon : input.closedOn ? minDate(e.toOn!, input.closedOn) : e.toOn!;
    recorded.push({ kind: e.kind, fromOn: from, toOn: to > from ? to : from, open, days: to > from ? daysBetween(from, to) : 0 });
  }

  let extMonths = 0;
  let extDays = input.importedExtendedDays;
  for (const x of input.extensions) {
    if (x.status !== 'approved') continue;
    extMonths += x.months;
    extDays += x.days;
  }
  const extension: Span | null = extMonths || extDays ? { months: extMonths, days: extDays } : null;
  const statutoryDueOn = addDays(addMonths(input.filedOn, rule.limit.months), rule.limit.days);
  // Extensions and the imported totals (which carry no dates) move the due date whenever they were granted.
  const baseDueOn = addDays(addMonths(input.filedOn, rule.limit.months + extMonths), rule.limit.days + input.importedDeductedDays + extDays);

  // Periods count in date order, each only if it began on or before the due date as the periods before it left it:
  // a time limit that has run out is not revived by a suspension or deduction recorded afterwards (time-limits.md).
  const periods: CountedPeriod[] = [];
  const lateStarts: CountedPeriod[] = [];
  let dueSoFar = baseDueOn;
  let reach: IsoDate | null = null;
  for (const p of [...recorded].sort((a, b) => (a.fromOn < b.fromOn ? -1 : a.fromOn > b.fromOn ? 1 : 0))) {
    // A period inside one already counted (overlapping) is part of it; one that begins after the due date is not.
    const continuing = reach !== null && p.fromOn <= reach;
    if (!continuing && p.fromOn > dueSoFar) {
      lateStarts.push(p);
      continue;
    }
    const newDays = reach === null || !continuing ? p.days : p.toOn > reach ? daysBetween(reach, p.toOn) : 0;
    if (reach === null || p.toOn > reach) reach = p.toOn;
    dueSoFar = addDays(dueSoFar, newDays);
    periods.push(p);
  }
  const periodDays = unionDays(periods);
  const deductedDays = periodDays + input.importedDeductedDays;
  const countedDueOn = addDays(addMonths(input.filedOn, rule.limit.months + extMonths), rule.limit.days + deductedDays + extDays);
  const rolled = restDays ? nextWorkingDay(countedDueOn, restDays) : null;
  const dueOn = rolled ? rolled.date : countedDueOn;
  const rolledFrom = dueOn !== countedDueOn ? countedDueOn : null;
  const openCounted = periods.find((p) => p.open && input.closedOn === null) ?? null;
  const openSuspension = openCounted !== null && periods.some((p) => p.open && p.kind === '中止');

  say(() => `法定审限 ${spanLabel(rule.limit)}（${rule.label}，${rule.basis}），法定届满日 ${statutoryDueOn}`);
  for (const p of periods) {
    say(() => `扣除 ${p.kind} ${p.fromOn} 至 ${p.open ? `${p.toOn}（尚未结束，计至${input.closedOn ? '结案日' : '今日'}）` : p.toOn}，${p.days}天`);
  }
  for (const p of ignoredPeriods) say(() => `不扣除 ${p.kind} ${p.fromOn} 至 ${p.toOn ?? '今'}：${p.why}`);
  for (const p of lateStarts) {
    say(() => `不扣除 ${p.kind} ${p.fromOn} 起${p.open ? '（尚未结束）' : ` 至 ${p.toOn}`}：开始于审限届满之后，已届满的审限不因其后登记的中止或扣除期间而恢复`);
  }
  if (explain && periods.length > 1 && periodDays !== periods.reduce((s, p) => s + p.days, 0)) {
    say(() => `扣除期间有重叠，重叠部分只计一次，合计${periodDays}天`);
  }
  if (input.importedDeductedDays) say(() => `导入的扣除审限天数 ${input.importedDeductedDays}天`);
  if (deductedDays) say(() => `共扣除 ${deductedDays}天`);
  if (extMonths) say(() => `批准延长 ${extMonths}个月`);
  if (extDays) say(() => `批准延长 ${extDays}天${input.importedExtendedDays ? '（含导入天数）' : ''}`);
  if (rolled && rolledFrom) {
    say(() => `计算届满日 ${rolledFrom} 为${rolled.passed.join('、')}，顺延至其后第一个工作日`);
  }
  if (restDays && !coversYear(restDays, dueOn)) say(() => `节假日日历只含 ${restDays.firstYear}–${restDays.lastYear} 年，${dueOn.slice(0, 4)} 年只按周末顺延`);
  say(() => `审限届满日 ${dueOn}`);

  let status: DeadlineStatus;
  let daysRemaining: number;
  if (input.closedOn) {
    daysRemaining = daysBetween(input.closedOn, dueOn);
    status = input.closedOn <= dueOn ? 'closed_in_time' : 'closed_overdue';
    say(() =>
      status === 'closed_in_time'
        ? `${input.closedOn} 结案，审限内结案，余 ${daysRemaining}天`
        : `${input.closedOn} 结案，超审限 ${-daysRemaining}天`,
    );
  } else {
    daysRemaining = daysBetween(today, dueOn);
    if (openSuspension) {
      status = 'suspended';
      say(() => `中止尚未恢复：届满日随中止期间逐日顺延，不计为超审限，剩余 ${daysRemaining}天不变`);
    } else if (openCounted) {
      status = 'paused';
      say(() => `${openCounted.kind}期间尚未结束：审限暂停计算，届满日逐日顺延，剩余 ${daysRemaining}天不变`);
    } else {
      status = today > dueOn ? 'overdue' : 'in_time';
      say(() => status === 'overdue' ? `今日 ${today}，已超审限 ${-daysRemaining}天` : `今日 ${today}，剩余 ${daysRemaining}天`);
    }
  }

  return {
    rule, limit: spanLabel(rule.limit), statutoryDueOn, deductedDays, periods, ignoredPeriods,
    extension, extensionLabel: extension ? spanLabel(extension) : null, dueOn, rolledFrom, daysRemaining, status, steps,
  };
}
