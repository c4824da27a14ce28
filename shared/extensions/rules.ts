// What an extension request (延长审限) may ask and who decides it, from the time-limit table: the president up to the row's cap, the higher court beyond it where the law allows, refused where it does not; and when a request is late (逾期申请).
import { addDays, addMonths, daysBetween } from '../dates/calendar';
import { limitRule, spanLabel, stageOf, type Span } from '../deadlines/limits';
import type { LimitVariant, Procedure } from '../cases/types';

/** Who decides: this court's president (or the vice-president he delegated), the intermediate court, the high court. */
export type ExtensionRoute = 'president' | 'higher_court' | 'high_court';

export const ROUTE_LABELS: Record<ExtensionRoute, string> = { president: '本院院长', higher_court: '上级法院', high_court: '高级人民法院' };

/** The reasons a judge picks from; 其他 needs the explanation to say what. */
export const EXTENSION_REASONS = ['鉴定未完成', '公告送达', '案情复杂', '当事人申请调解', '追加当事人', '等待关联案件结果', '其他'] as const;
export type ExtensionReason = (typeof EXTENSION_REASONS)[number];

/** A civil case asks at least this many days before its due date (SPC rules on civil extensions, 2018/2019). */
export const CIVIL_ASK_BEFORE_DAYS = 15;
/** The president decides a civil request at least this many days before the due date. */
export const CIVIL_DECIDE_BEFORE_DAYS = 5;
/** An enforcement case asks within its last days. */
export const ENFORCEMENT_ASK_WITHIN_DAYS = 5;
/** A late request explains itself in at least this many characters. */
export const LATE_EXPLANATION_MIN = 10;

export interface ExtensionFacts {
  typeCode: string;
  procedure: Procedure | null;
  variant: LimitVariant | null;
  filedOn: string;
  closedOn: string | null;
  /** The time-limit engine's due date now (null: no limit, or a clock stopped by a 中止 with no end). */
  dueOn: string | null;
  /** Extensions already approved by this court's president, and by a higher court. */
  granted: readonly Span[];
  grantedByHigher: readonly Span[];
  /** A request of this case still waits for its opinion or decision. */
  pending: boolean;
}

export interface ExtensionAsk {
  months: number;
  days: number;
  requestedOn: string;
  explanation: string;
}

export interface ExtensionPolicy {
  /** A late request is refused outright (a court setting; default: allowed, marked 逾期申请). */
  refuseLate: boolean;
}

export type ExtensionVerdict =
  | { ok: false; field: 'months' | 'explanation' | null; message: string }
  | {
      ok: true;
      route: ExtensionRoute;
      late: boolean;
      /** Most the president may grant in all for this row (null: the statute sets no cap), and what is left of it. */
      presidentMax: Span | null;
      presidentLeft: Span | null;
      /** The row and its legal basis, for the request form. */
      rule: string;
      basis: string;
      /** What the person should know: why it goes up, why it is late. */
      notes: string[];
    };

const ZERO: Span = { months: 0, days: 0 };

function plus(a: Span, b: Span): Span {
  return { months: a.months + b.months, days: a.days + b.days };
}

function total(spans: readonly Span[]): Span {
  return spans.reduce(plus, ZERO);
}

/**
 * Compares spans the way the engine applies them, from the statutory due date (filing + limit): months by the month
 * rule, then days. Spans of months and days have no order of their own (is 1 month more than 30 days?); from the
 * date they extend, they do.
 */
function endOf(start: string, s: Span): string {
  return addDays(addMonths(start, s.months), s.days);
}
function exceeds(start: string, a: Span, b: Span): boolean {
  return endOf(start, a) > endOf(start, b);
}

/** What is left of `max` after `used`, in the units of max (months when whole, else days from the start). */
function left(start: string, max: Span, used: Span): Span {
  if (!exceeds(start, max, used)) return ZERO;
  if (used.days === 0 && max.days === 0) return { months: max.months - used.months, days: 0 };
  return { months: 0, days: daysBetween(endOf(start, used), endOf(start, max)) };
}

const isCivil = (stage: string) => stage.startsWith('民');

/** Filing date plus the statutory limit: the date an extension extends. */
function statutoryDue(filedOn: string, limit: Span): string {
  return endOf(filedOn, limit);
}

/** Whether and where a request may go, checked before it is sent; the same check runs again in the core. */
export function checkExtensionRequest(f: ExtensionFacts, ask: ExtensionAsk, policy: ExtensionPolicy): ExtensionVerdict {
  const fail = (message: string, field: 'months' | 'explanation' | null = null): ExtensionVerdict => ({ ok: false, field, message });
  if (f.closedOn !== null) return fail('案件已结案，不能申请延长审限');
  const rule = limitRule(f.typeCode, f.procedure, f.variant);
  if (!rule) return fail('此类案件没有法定审限，无须延长');
  if (f.dueOn === null) return fail('案件处于中止等停止计算审限的状态，恢复后才能申请延长');
  if (f.pending) return fail('此案已有尚未审批完毕的延长申请，请等待审批结果');
  const requested: Span = { months: ask.months, days: ask.days };
  if (!Number.isInteger(ask.months) || !Number.isInteger(ask.days) || ask.months < 0 || ask.days < 0 || ask.months + ask.days === 0) {
    return fail('请填写延长的月数或天数', 'months');
  }
  if (ask.months > 12 || ask.days > 366) return fail('延长期限过长，请填写不超过 12 个月或 366 天', 'months');

  const stage = stageOf(f.typeCode);
  const notes: string[] = [];
  const daysLeft = daysBetween(ask.requestedOn, f.dueOn);
  let late = daysLeft < 0;
  if (isCivil(stage) && daysLeft < CIVIL_ASK_BEFORE_DAYS) {
    late = true;
    notes.push(`民事案件应在审限届满 ${CIVIL_ASK_BEFORE_DAYS} 日前申请，本案距届满${daysLeft < 0 ? `已超过 ${-daysLeft} 天` : `仅剩 ${daysLeft} 天`}`);
  } else if (stage === '执' && daysLeft > ENFORCEMENT_ASK_WITHIN_DAYS) {
    notes.push(`执行案件一般在审限届满前 ${ENFORCEMENT_ASK_WITHIN_DAYS} 日内申请，本案距届满还有 ${daysLeft} 天`);
  } else if (daysLeft < 0) {
    notes.push(`审限已于 ${f.dueOn} 届满`);
  }
  if (late) {
    if (policy.refuseLate) return fail(`逾期申请：${notes[0] ?? `审限已于 ${f.dueOn} 届满`}；本院设置为不受理逾期申请`);
    if (ask.explanation.trim().length < LATE_EXPLANATION_MIN) return fail(`逾期申请须书面说明逾期原因（至少 ${LATE_EXPLANATION_MIN} 个字）`, 'explanation');
  }

  const start = statutoryDue(f.filedOn, rule.limit);
  const granted = total(f.granted);
  const after = plus(granted, requested);
  const base = { ok: true as const, late, rule: rule.label, basis: rule.basis, presidentMax: rule.presidentMax };
  // No cap: the president decides any length (民特, 民终).
  if (rule.presidentMax === null) return { ...base, route: 'president', presidentLeft: null, notes };
  const presidentLeft = left(start, rule.presidentMax, granted);
  if (!exceeds(start, after, rule.presidentMax)) return { ...base, route: 'president', presidentLeft, notes };

  // Beyond what the president may grant.
  const cap = spanLabel(rule.presidentMax);
  const already = granted.months + granted.days > 0 ? `（已批准 ${spanLabel(granted)}）` : '';
  switch (rule.beyond) {
    case 'higher_court': {
      if (stage === '刑初') {
        // CrimPL art. 158: the higher court once, for up to 3 months; beyond that only the SPC.
        if (f.grantedByHigher.length > 0) return fail('刑事案件经上级法院批准延长一次后，再延长须报最高人民法院批准，本程序不受理', 'months');
        if (exceeds(start, requested, { months: 3, days: 0 })) return fail('报上级法院批准延长的刑事案件，延长期限不得超过 3 个月', 'months');
      }
      notes.push(`本院院长最多批准延长 ${cap}${already}，本次申请须报上级法院批准`);
      return { ...base, route: 'higher_court', presidentLeft, notes };
    }
    case 'high_court':
      notes.push(rule.presidentMax.months + rule.presidentMax.days === 0 ? '此类案件延长审限须报高级人民法院批准，本院院长不能批准' : `本院院长最多批准延长 ${cap}${already}，再延长须报高级人民法院`);
      return { ...base, route: 'high_court', presidentLeft, notes };
    default:
      if (rule.presidentMax.months + rule.presidentMax.days === 0) return fail(`${rule.label}案件依法不得延长审限（${rule.basis}）`, 'months');
      return fail(
        `${rule.label}案件最多延长 ${cap}${already}，本次申请超出${stage === '民初' && f.procedure === '简易程序' ? '；仍需更多时间的，应转为普通程序审理' : ''}（${rule.basis}）`,
        'months',
      );
  }
}

/**
 * The president's (or delegated vice-president's) approval: at most what was asked, and, for a request routed to
 * him, within the row's cap. A higher court's answer is entered as it came and is not capped here.
 */
export function checkApproval(f: Pick<ExtensionFacts, 'typeCode' | 'procedure' | 'variant' | 'filedOn' | 'granted'>, asked: Span, approved: Span, route: ExtensionRoute): { ok: true } | { ok: false; message: string } {
  if (approved.months < 0 || approved.days < 0 || approved.months + approved.days === 0) return { ok: false, message: '批准延长的期限不能为零；不同意延长的，请选择“不批准”' };
  const rule = limitRule(f.typeCode, f.procedure, f.variant);
  const start = rule ? statutoryDue(f.filedOn, rule.limit) : f.filedOn;
  if (exceeds(start, approved, asked)) return { ok: false, message: `批准的期限不能长于申请的 ${spanLabel(asked)}` };
  if (route !== 'president') return { ok: true };
  if (rule?.presidentMax && exceeds(start, plus(total(f.granted), approved), rule.presidentMax)) {
    return { ok: false, message: `本院院长最多批准延长 ${spanLabel(rule.presidentMax)}（${rule.basis}）` };
  }
  return { ok: true };
}

/** Whether a civil decision comes later than the rules want (at least 5 days before the due date): marked, not refused. */
export function decisionIsLate(typeCode: string, dueOn: string | null, decidedOn: string): boolean {
  return dueOn !== null && isCivil(stageOf(typeCode)) && daysBetween(decidedOn, dueOn) < CIVIL_DECIDE_BEFORE_DAYS;
}
