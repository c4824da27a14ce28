// The case record and its vocabularies, shared by the core, the API and the renderer.

export const PROCEDURES = ['普通程序', '简易程序', '小额诉讼程序', '速裁程序'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const CLOSING_METHODS = ['判决', '调解', '撤诉', '驳回起诉', '裁定', '移送', '执行完毕', '终结本次执行', '其他'] as const;
export type ClosingMethod = (typeof CLOSING_METHODS)[number];

export const APPEAL_OUTCOMES = ['维持', '改判', '发回重审', '撤回上诉', '调解', '其他'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/**
 * Facts that pick the shorter or longer limit of one stage: an appeal against a ruling (30 days, not 3 months),
 * a criminal case whose likely sentence exceeds the threshold of its procedure (1.5 months / 15 days).
 */
export const LIMIT_VARIANTS = ['ruling_appeal', 'heavy_sentence'] as const;
export type LimitVariant = (typeof LIMIT_VARIANTS)[number];

/** Deducted periods (不计入审限) and suspension; the event kinds of the command line, in Chinese as staff say them. */
export const EVENT_KINDS = ['公告', '鉴定', '审计', '评估', '和解', '调解', '管辖异议', '中止', '暂缓执行', '拍卖', '先行调解延长'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/** The kinds a person records directly; 先行调解延长 is written by the 先行调解 calls, which keep it in step. */
/** Kinds a clerk records directly; 先行调解延长 is written only by the mediation calls. */
export type RecordableEventKind = Exclude<EventKind, '先行调解延长'>;
export const RECORDABLE_EVENT_KINDS = EVENT_KINDS.filter((k): k is RecordableEventKind => k !== '先行调解延长');

export const DIVISION_KINDS = ['division', 'tribunal', 'enforcement', 'office'] as const;
export type DivisionKind = (typeof DIVISION_KINDS)[number];

export interface CaseEvent {
  id: number;
  kind: EventKind;
  fromOn: string;
  /** null while the period is still open (a suspension not yet resumed). */
  toOn: string | null;
  note: string | null;
}

export type ExtensionStatus = 'pending' | 'approved' | 'rejected' | 'higher_court';

export interface ExtensionSummary {
  id: number;
  status: ExtensionStatus;
  months: number;
  days: number;
  reason: string;
  requestedOn: string;
  decidedOn: string | null;
}

/** The fields of the import columns (docs/import-columns.md), as stored. */
export interface CaseRecord {
  caseNumber: string;
  cause: string;
  procedure: Procedure | null;
  limitVariant: LimitVariant | null;
  filedOn: string;
  division: string;
  judge: string;
  closedOn: string | null;
  closingMethod: ClosingMethod | null;
  claimAmount: number | null;
  plaintiffs: string[];
  defendants: string[];
  deductedDays: number;
  extendedDays: number;
  appealed: boolean | null;
  appealOutcome: AppealOutcome | null;
  originCaseNumber: string | null;
  enforcementClaim: number | null;
  enforcementRecovered: number | null;
  reviewed: boolean | null;
  precedentSearched: boolean | null;
}
