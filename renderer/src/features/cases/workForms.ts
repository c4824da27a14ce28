// The case page's dialogs as plain data: what each box holds, its mistake (the call's own schema first, then what
// the form knows: the filing and closing dates, today, the court's closing rules), and the call's arguments.
import type { ApiArgs, AppInfo, CaseDetail } from '../../../../shared/api/contract';
import { RECORDABLE_EVENT_KINDS, type ClosingMethod, type RecordableEventKind } from '../../../../shared/cases/types';
import { isDeductibleKind, isFirstInstance } from '../../../../shared/deadlines/limits';
import { casesApi } from '../../../../shared/cases/api';
import { caseWorkApi, precedentArgs, reviewArgs } from '../../../../shared/cases/workApi';
import {
  ADVANCE_MEDIATION_FROM, MEDIATION_MAX_EXTENSION_DAYS, type MediationDestination, type MediationOutcome, type PrecedentPlatform, type ReviewAction,
  type ReviewerRole,
} from '../../../../shared/cases/caseWork';
import { readWholeNumber } from '../../lib/numbers';
import { readDate, readReferences, schemaMessage } from './formFields';
import { checkPrecedentReference } from '../../../../shared/cases/precedentRefs';

export type Problems<K extends string> = Partial<Record<K, string>>;

/** 结案要求: whether a judgment needs 阅核 and 类案检索 recorded (settings.setClosingRules; off until the court turns them on). */
export interface ClosingRules {
  reviewRequired: boolean;
  precedentRequired: boolean;
}

export const NO_CLOSING_RULES: Readonly<ClosingRules> = Object.freeze({ reviewRequired: false, precedentRequired: false });

/** The court's closing rules as app.info tells them (a core without them requires nothing). */
export function closingRulesOf(info: Pick<AppInfo, 'closingRules'> | null): ClosingRules {
  // An older core's app.info has no rules: nothing is required then.
  const rules = info?.closingRules as Partial<ClosingRules> | undefined;
  return { reviewRequired: rules?.reviewRequired === true, precedentRequired: rules?.precedentRequired === true };
}

/** A required date box: the message for empty, else the reader's. */
function dateProblem(text: string, what: string): string | null {
  const d = readDate(text);
  if (d.empty) return `请填写${what}`;
  return 'error' in d ? d.error : null;
}

function dateValue(text: string): string {
  const d = readDate(text);
  return 'value' in d ? d.value : text.trim();
}

/** A date that must lie between the filing day and today (the core refuses the rest with the same words). */
function dayProblem(text: string, what: string, c: Pick<CaseDetail, 'filedOn'>, today: string | null): string | null {
  const p = dateProblem(text, what);
  if (p) return p;
  const v = dateValue(text);
  if (v < c.filedOn) return `${what} ${v} 早于立案日期 ${c.filedOn}`;
  if (today && v > today) return `${what} ${v} 晚于今天 ${today}`;
  return null;
}

// ---- 登记期间 (cases.addEvent) ----

export interface EventValues {
  kind: RecordableEventKind | '';
  fromOn: string;
  toOn: string;
  note: string;
}
export type EventField = keyof EventValues;
export const EVENT_BOXES: Readonly<Record<string, EventField>> = { kind: 'kind', fromOn: 'fromOn', toOn: 'toOn', note: 'note', 类型: 'kind', 开始日期: 'fromOn', 结束日期: 'toOn', 备注: 'note' };

/** The kinds a case may record: those deducted in its stage, and 中止 (调解 only where it is deducted, 行 cases). */
export function eventKindsFor(typeCode: string): RecordableEventKind[] {
  // 先行调解延长 is recorded by extending a mediation (cases.extendMediation), never by hand.
  return RECORDABLE_EVENT_KINDS.filter((k) => k === '中止' || isDeductibleKind(k, typeCode));
}

/** The note's schema, as cases.addEvent declares it (trimmed, at most 200 characters). */
const eventNote = casesApi['cases.addEvent'].args.shape.note;

export function eventProblems(v: EventValues, c: CaseDetail, today: string | null): Problems<EventField> {
  const out: Problems<EventField> = {};
  if (!v.kind) out.kind = '请选择期间类型';
  // The core's own words for a closed case: its time limit is settled.
  if (c.closedOn) out.fromOn = `案件已于 ${c.closedOn} 结案，不能再登记期间；确有遗漏的，请庭长重开案件后登记`;
  const from = out.fromOn ?? dayProblem(v.fromOn, '开始日期', c, today);
  if (from) out.fromOn = from;
  const fromDate = readDate(v.fromOn);
  const to = readDate(v.toOn);
  if ('error' in to) out.toOn = to.error;
  else if ('value' in to) {
    if ('value' in fromDate && to.value < fromDate.value) out.toOn = `结束日期 ${to.value} 早于开始日期 ${fromDate.value}`;
    else if (v.kind === '中止' && today && to.value > today) out.toOn = `恢复日期 ${to.value} 晚于今天 ${today}：尚未恢复的中止请不填结束日期`;
  }
  const note = schemaMessage(eventNote, v.note);
  if (note) out.note = note;
  return out;
}

export function eventArgs(caseNumber: string, v: EventValues): ApiArgs<'cases.addEvent'> {
  const to = readDate(v.toOn);
  return {
    caseNumber,
    kind: v.kind as RecordableEventKind,
    fromOn: dateValue(v.fromOn),
    toOn: 'value' in to ? to.value : null,
    ...(v.note.trim() ? { note: v.note.trim() } : {}),
  };
}

// ---- 结束期间 / 恢复审理 / 转为普通程序: one date ----

/** The one date of ending a period, resuming, converting: not before `after`, not after today. */
export function endDateProblem(text: string, what: string, after: string, today: string | null): string | null {
  const p = dateProblem(text, what);
  if (p) return p;
  const v = dateValue(text);
  if (v < after) return `${what} ${v} 早于 ${after}`;
  if (today && v > today) return `${what} ${v} 晚于今天 ${today}`;
  return null;
}

export { dateValue };

/** Whether the case's procedure may be converted to 普通程序 (a simple or small-claims first instance still open). */
export function canConvert(c: Pick<CaseDetail, 'typeCode' | 'procedure' | 'closedOn'>): boolean {
  return !c.closedOn && isFirstInstance(c.typeCode) && (c.procedure === '简易程序' || c.procedure === '小额诉讼程序');
}

// ---- 结案 (cases.close), with 阅核 and 类案检索 for a judgment ----

export interface ClosingValues {
  closedOn: string;
  closingMethod: ClosingMethod | '';
  /** Record 阅核 (always, when the court requires it of a judgment). */
  withReview: boolean;
  reviewer: string;
  reviewerRole: ReviewerRole | '';
  reviewedOn: string;
  action: ReviewAction | '';
  fourCategories: boolean;
  withPrecedent: boolean;
  platforms: PrecedentPlatform[];
  query: string;
  references: string[];
  referenceDraft: string;
  noneFound: boolean;
  searchedOn: string;
}

export type ClosingField =
  | 'closedOn' | 'closingMethod' | 'review' | 'reviewer' | 'reviewerRole' | 'reviewedOn' | 'action' | 'precedent' | 'platforms' | 'query' | 'references'
  | 'searchedOn';

export const CLOSING_BOXES: Readonly<Record<string, ClosingField>> = {
  closedOn: 'closedOn', closingMethod: 'closingMethod', review: 'review', 'review.reviewer': 'reviewer', 'review.reviewerRole': 'reviewerRole',
  'review.reviewedOn': 'reviewedOn', 'review.action': 'action', 'review.fourCategories': 'review', precedent: 'precedent',
  'precedent.platforms': 'platforms', 'precedent.query': 'query', 'precedent.references': 'references', 'precedent.noneFound': 'references',
  'precedent.searchedOn': 'searchedOn', 结案日期: 'closedOn', 结案方式: 'closingMethod', 阅核: 'review', 类案检索: 'precedent',
};

export function closingDefaults(today: string | null): ClosingValues {
  const day = today ?? '';
  return {
    closedOn: day, closingMethod: '', withReview: false, reviewer: '', reviewerRole: '', reviewedOn: day, action: '', fourCategories: false,
    withPrecedent: false, platforms: [], query: '', references: [], referenceDraft: '', noneFound: false, searchedOn: day,
  };
}

/** Whether the dialog asks for 阅核 and 类案检索: a judgment, and each either required or chosen. */
export function closingSections(v: Pick<ClosingValues, 'closingMethod' | 'withReview' | 'withPrecedent'>, rules: ClosingRules) {
  const judgment = v.closingMethod === '判决';
  return {
    judgment,
    review: judgment && (rules.reviewRequired || v.withReview),
    precedent: judgment && (rules.precedentRequired || v.withPrecedent),
  };
}

export function closingProblems(v: ClosingValues, c: CaseDetail, rules: ClosingRules, today: string | null): Problems<ClosingField> {
  const out: Problems<ClosingField> = {};
  const closed = dayProblem(v.closedOn, '结案日期', c, today);
  if (closed) out.closedOn = closed;
  if (!v.closingMethod) out.closingMethod = '请选择结案方式';
  const s = closingSections(v, rules);
  const closedOn = closed ? null : dateValue(v.closedOn);
  if (s.review) {
    const r = reviewArgs.shape;
    const who = schemaMessage(r.reviewer, v.reviewer);
    if (who) out.reviewer = who;
    if (!v.reviewerRole) out.reviewerRole = '请选择阅核人身份';
    const on = dayProblem(v.reviewedOn, '阅核日期', c, today);
    if (on) out.reviewedOn = on;
    else if (closedOn && dateValue(v.reviewedOn) > closedOn) out.reviewedOn = `阅核日期 ${dateValue(v.reviewedOn)} 晚于结案日期 ${closedOn}：阅核应在裁判文书签发之前`;
    if (!v.action) out.action = '请选择阅核意见';
  }
  if (s.precedent) {
    const p = precedentArgs.shape;
    const platforms = schemaMessage(p.platforms, v.platforms);
    if (platforms) out.platforms = platforms;
    const query = schemaMessage(p.query, v.query);
    if (query) out.query = query;
    const draft = readReferences(v.referenceDraft);
    const refs = [...v.references, ...draft.refs];
    const wrong = v.references.map(checkPrecedentReference).find((r) => !r.ok);
    if (wrong && !wrong.ok) out.references = wrong.message;
    else if (draft.error) out.references = draft.error;
    else if (v.noneFound && refs.length) out.references = '已勾选“无类案”，不应再填写参考案例';
    else if (!v.noneFound && refs.length === 0) out.references = '请填写检索到的参考案例，或勾选“无类案”';
    else {
      const bad = schemaMessage(p.references, refs);
      if (bad) out.references = bad;
    }
    const on = dayProblem(v.searchedOn, '检索日期', c, today);
    if (on) out.searchedOn = on;
    else if (closedOn && dateValue(v.searchedOn) > closedOn) out.searchedOn = `检索日期 ${dateValue(v.searchedOn)} 晚于结案日期 ${closedOn}`;
  }
  return out;
}

/** Why the court's rules stop this closing, in one sentence beside the sections (null when they do not). */
export function closingRuleNotice(v: ClosingValues, rules: ClosingRules): string | null {
  if (v.closingMethod !== '判决') return null;
  const need = [rules.reviewRequired ? '阅核' : null, rules.precedentRequired ? '类案检索' : null].filter(Boolean);
  return need.length ? `本院结案要求：以判决方式结案须记录${need.join('和')}（设置 · 结案要求）` : null;
}

export function closingArgs(caseNumber: string, v: ClosingValues, rules: ClosingRules): ApiArgs<'cases.close'> {
  const s = closingSections(v, rules);
  return {
    caseNumber,
    closedOn: dateValue(v.closedOn),
    closingMethod: v.closingMethod as ClosingMethod,
    ...(s.review
      ? {
          review: {
            reviewer: v.reviewer.trim(),
            reviewerRole: v.reviewerRole as ReviewerRole,
            reviewedOn: dateValue(v.reviewedOn),
            action: v.action as ReviewAction,
            fourCategories: v.fourCategories,
          },
        }
      : {}),
    ...(s.precedent
      ? {
          precedent: {
            platforms: v.platforms,
            query: v.query.trim(),
            references: v.noneFound ? [] : [...v.references, ...readReferences(v.referenceDraft).refs].filter((x, i, a) => a.indexOf(x) === i),
            noneFound: v.noneFound,
            searchedOn: dateValue(v.searchedOn),
          },
        }
      : {}),
  };
}

// ---- 重开 (cases.reopen) and 上诉 (cases.recordAppeal) ----

export function reopenProblem(reason: string): string | null {
  return schemaMessage(caseWorkApi['cases.reopen'].args.shape.reason, reason);
}

/** Appeals are recorded on a closed first-instance case. */
export function canRecordAppeal(c: Pick<CaseDetail, 'typeCode' | 'closedOn'>): boolean {
  return !!c.closedOn && isFirstInstance(c.typeCode);
}

// ---- 先行调解 ----

/**
 * The panel shows on an open 民初 case filed since the rules took force (where mediation can start), and on any case
 * that has a mediation record; a closed case that never had one has nothing to show.
 */
export function mediationApplies(c: Pick<CaseDetail, 'typeCode' | 'filedOn' | 'mediation' | 'closedOn'>): boolean {
  return !!c.mediation || (!c.closedOn && c.typeCode === '民初' && c.filedOn >= ADVANCE_MEDIATION_FROM);
}

export interface MediationStartValues {
  destination: MediationDestination | '';
  mediator: string;
  receivedOn: string;
}
export type MediationStartField = keyof MediationStartValues;
export const MEDIATION_START_BOXES: Readonly<Record<string, MediationStartField>> = { destination: 'destination', mediator: 'mediator', receivedOn: 'receivedOn' };

export function mediationStartProblems(v: MediationStartValues, c: CaseDetail, today: string | null): Problems<MediationStartField> {
  const out: Problems<MediationStartField> = {};
  if (!v.destination) out.destination = '请选择调解去向';
  const who = schemaMessage(caseWorkApi['cases.startMediation'].args.shape.mediator, v.mediator);
  if (who) out.mediator = who;
  const on = dayProblem(v.receivedOn, '接收日期', c, today);
  if (on) out.receivedOn = on;
  return out;
}

export interface MediationExtendValues {
  days: string;
  consentOn: string;
}
export type MediationExtendField = keyof MediationExtendValues;
export const MEDIATION_EXTEND_BOXES: Readonly<Record<string, MediationExtendField>> = { days: 'days', consentOn: 'consentOn' };

/** The days both parties may still consent to (at most 30 in all). */
export function extensionRoom(extensionDays: number): number {
  return Math.max(0, MEDIATION_MAX_EXTENSION_DAYS - extensionDays);
}

export function mediationExtendProblems(v: MediationExtendValues, c: CaseDetail, today: string | null): Problems<MediationExtendField> {
  const out: Problems<MediationExtendField> = {};
  const room = extensionRoom(c.mediation?.extensionDays ?? 0);
  const n = readWholeNumber(v.days, 1, Number.MAX_SAFE_INTEGER, '天数');
  if (n.empty) out.days = '请填写延长天数';
  else if ('error' in n) out.days = n.error;
  else if (n.value > room) out.days = room === MEDIATION_MAX_EXTENSION_DAYS ? `经双方同意最多延长 ${MEDIATION_MAX_EXTENSION_DAYS} 天` : `经双方同意最多延长 ${MEDIATION_MAX_EXTENSION_DAYS} 天，已延长 ${MEDIATION_MAX_EXTENSION_DAYS - room} 天，还可延长 ${room} 天`;
  const on = dayProblem(v.consentOn, '同意日期', c, today);
  if (on) out.consentOn = on;
  else if (c.mediation && dateValue(v.consentOn) < c.mediation.receivedOn) out.consentOn = `同意日期早于调解接收日期 ${c.mediation.receivedOn}`;
  return out;
}

export function mediationDays(text: string): number {
  const n = readWholeNumber(text, 1, MEDIATION_MAX_EXTENSION_DAYS, '天数');
  return 'value' in n ? n.value : 0;
}

export interface MediationEndValues {
  endedOn: string;
  outcome: MediationOutcome | '';
}
export type MediationEndField = keyof MediationEndValues;
export const MEDIATION_END_BOXES: Readonly<Record<string, MediationEndField>> = { endedOn: 'endedOn', outcome: 'outcome' };

/** Outcomes that close the case (the rest continue it in trial). */
export const MEDIATION_CLOSING_OUTCOMES: ReadonlySet<MediationOutcome> = new Set<MediationOutcome>(['调解成功', '撤诉', '当场履行']);

export function mediationEndProblems(v: MediationEndValues, c: CaseDetail, today: string | null): Problems<MediationEndField> {
  const out: Problems<MediationEndField> = {};
  const on = dayProblem(v.endedOn, '结束日期', c, today);
  if (on) out.endedOn = on;
  else if (c.mediation && dateValue(v.endedOn) < c.mediation.receivedOn) out.endedOn = `结束日期早于调解接收日期 ${c.mediation.receivedOn}`;
  if (!v.outcome) out.outcome = '请选择调解结果';
  return out;
}

/** The mediation period's tone: red once past its end, amber in its last 3 days. */
export function mediationTone(daysRemaining: number | null): 'danger' | 'warn' | 'ok' | 'muted' {
  if (daysRemaining === null) return 'muted';
  if (daysRemaining < 0) return 'danger';
  return daysRemaining <= 3 ? 'warn' : 'ok';
}

export function mediationRemainingText(daysRemaining: number | null): string {
  if (daysRemaining === null) return '已结束';
  if (daysRemaining < 0) return `已超过调解期限 ${-daysRemaining} 天`;
  return daysRemaining === 0 ? '今日届满' : `剩余 ${daysRemaining} 天`;
}
