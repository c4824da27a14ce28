// The rows a package's data parts carry (cases, events, extensions, indicators, ranges, deletions): one zod schema each, shared by the basic court's builders and the intermediate court's validation.
import { z } from 'zod';
import { isIsoDate } from '../dates/calendar';
import { APPEAL_OUTCOMES, CLOSING_METHODS, EVENT_KINDS, LIMIT_VARIANTS, PROCEDURES } from '../cases/types';
import type { LedgerPart } from '../ledger/exchangePart';

export { DATA_PARTS, type DataPart } from './partNames';

/** One NDJSON line at most 1 MiB, and 5,000,000 rows in all the parts together (the package limits). */
export const MAX_LINE_BYTES = 1024 * 1024;
export const MAX_TOTAL_ROWS = 5_000_000;

const date = z.string().refine(isIsoDate, { message: '应为 YYYY-MM-DD 格式的日期' });
const text = (max: number) => z.string().max(max, `最多 ${max} 个字`);
const fen = z.number().int('应为整数（分）').min(0).max(Number.MAX_SAFE_INTEGER).nullable();
const days = z.number().int('应为整数').min(0).max(100_000);
const id = z.number().int('应为整数').min(1).max(Number.MAX_SAFE_INTEGER);
const names = z.array(text(200)).max(1000);

/**
 * cases.ndjson: the import columns of docs/import-columns.md (amounts kept in fen, exactly as stored), the derived deadline
 * columns, and the party names only when the package says it includes them (absent otherwise, never '').
 */
export const caseRowSchema = z
  .object({
    caseNumber: text(60),
    cause: text(100).min(1, '不能为空'),
    procedure: z.enum(PROCEDURES).nullable(),
    limitVariant: z.enum(LIMIT_VARIANTS).nullable(),
    filedOn: date,
    division: text(50).min(1, '不能为空'),
    judge: text(20).min(1, '不能为空'),
    closedOn: date.nullable(),
    closingMethod: z.enum(CLOSING_METHODS).nullable(),
    claimAmountFen: fen,
    plaintiffs: names.optional(),
    defendants: names.optional(),
    importedDeductedDays: days,
    importedExtendedDays: days,
    appealed: z.boolean().nullable(),
    appealOutcome: z.enum(APPEAL_OUTCOMES).nullable(),
    originCaseNumber: text(60).nullable(),
    enforcementClaimFen: fen,
    enforcementRecoveredFen: fen,
    reviewed: z.boolean().nullable(),
    precedentSearched: z.boolean().nullable(),
    causeCatalog: text(20).nullable(),
    convertedOn: date.nullable(),
    // Derived by the time-limit engine at the basic court.
    clock: z.enum(['running', 'suspended', 'paused', 'no_limit', 'closed']),
    dueOn: date.nullable(),
    deductedDays: days,
    extMonths: days,
    extDays: days,
    durationDays: z.number().int().min(0).max(1_000_000).nullable(),
    closedOverdue: z.boolean().nullable(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.closedOn === null) !== (r.closingMethod === null)) ctx.addIssue({ code: 'custom', path: ['closingMethod'], message: '结案日期与结案方式应同时有或同时无' });
    if (r.closedOn !== null && r.closedOn < r.filedOn) ctx.addIssue({ code: 'custom', path: ['closedOn'], message: '结案日期早于立案日期' });
  });
export type CaseRow = z.infer<typeof caseRowSchema>;

/** events.ndjson: deducted periods and suspensions; id is the sending court's row id, the key of later changes. */
export const eventRowSchema = z
  .object({ id, caseNumber: text(60), kind: z.enum(EVENT_KINDS), fromOn: date, toOn: date.nullable(), note: text(500).nullable() })
  .strict()
  .refine((r) => r.toOn === null || r.toOn >= r.fromOn, { path: ['toOn'], message: '结束日期早于开始日期' });
export type EventRow = z.infer<typeof eventRowSchema>;

export const extensionRequestRowSchema = z
  .object({
    id,
    caseNumber: text(60),
    months: days,
    days,
    reason: text(500),
    requestedOn: date,
    late: z.boolean(),
    status: z.enum(['pending', 'approved', 'rejected', 'higher_court']),
    decidedOn: date.nullable(),
  })
  .strict();
export type ExtensionRequestRow = z.infer<typeof extensionRequestRowSchema>;

export const extensionDecisionRowSchema = z
  .object({
    id,
    requestId: id,
    step: z.enum(['opinion', 'decision', 'higher_court']),
    outcome: z.enum(['agree', 'disagree', 'approved', 'rejected', 'forwarded']),
    decidedOn: date,
    months: days.nullable(),
    days: days.nullable(),
    comment: text(2000).nullable(),
  })
  .strict();
export type ExtensionDecisionRow = z.infer<typeof extensionDecisionRowSchema>;

/** One indicator's figure as indicators.compute gives it (value plus its parts), kept as sent. */
const indicatorValue = z.object({ value: z.number().finite().nullable() }).catchall(z.unknown());
/** An indicator id as the catalogue spells them (camelCase); nothing like __proto__ reaches the received tables. */
const indicatorKey = z.string().regex(/^[a-z][A-Za-z0-9]{0,59}$/, '指标编号不正确');
/** One group of indicators.json: the court (name ''), a division or a judge, with every indicator of the catalogue. */
export const indicatorGroupSchema = z
  .object({ scope: z.enum(['court', 'division', 'judge']), name: text(50), values: z.record(indicatorKey, indicatorValue) })
  .strict();
export type IndicatorGroupRow = z.infer<typeof indicatorGroupSchema>;
/** One calendar month's court-scope figures (the last month cut at the period's end), for the 12-month trends. */
export const indicatorMonthSchema = z.object({ from: date, to: date, values: z.record(indicatorKey, indicatorValue) }).strict();
export type IndicatorMonthRow = z.infer<typeof indicatorMonthSchema>;
export const indicatorsPartSchema = z
  .object({
    from: date,
    to: date,
    groups: z.array(indicatorGroupSchema).max(100_000),
    // The 12 calendar months ending with the period's end month, oldest first; absent in a package made without them.
    months: z.array(indicatorMonthSchema).max(12).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    p.months.forEach((m, i) => {
      const bad = (message: string) => ctx.addIssue({ code: 'custom', path: ['months', i], message });
      if (!m.from.endsWith('-01') || m.to.slice(0, 7) !== m.from.slice(0, 7) || m.to < m.from) bad('月份的起止日期应在同一个月内，从 1 日起');
      else if (m.to > p.to) bad('月份晚于报送期间');
      else if (i > 0 && m.from <= p.months[i - 1]!.to) bad('月份应从早到晚排列且不重复');
    });
  });
export type IndicatorsPart = z.infer<typeof indicatorsPartSchema>;

/** ranges.json: the ranges in force at the basic court (id, low, high, and where each came from). */
export const rangeRowSchema = z
  .object({ id: indicatorKey, low: z.number().finite().nullable(), high: z.number().finite().nullable() })
  .catchall(z.unknown());
export type RangeRow = z.infer<typeof rangeRowSchema>;
export const rangesPartSchema = z.array(rangeRowSchema).max(1000);

/** deletions.ndjson (incremental only): a row the intermediate court holds that the basic court deleted since. */
export const DELETION_ENTITIES = ['cases', 'case_events', 'extension_requests', 'extension_decisions'] as const;
export const deletionRowSchema = z
  .object({ entity: z.enum(DELETION_ENTITIES), key: text(60).min(1), deletedAt: z.string().max(40) })
  .strict()
  // A case is named by its case number, the other rows by the sending court's row id.
  .refine((r) => r.entity === 'cases' || /^[1-9][0-9]{0,14}$/.test(r.key), { path: ['key'], message: '应为记录编号' });
export type DeletionRow = z.infer<typeof deletionRowSchema>;

/** What validateParts hands the writer: every part's rows, already checked. */
/**
 * audit_chain.json: the sending court's audit chain as the intermediate court follows it: its length and head now,
 * and the content digests of the entries after \`since\` (32 bytes each, concatenated, base64), never their content.
 */
export const auditChainPartSchema = z
  .object({
    since: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    length: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    head: z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制'),
    digests: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, '应为 base64'),
  })
  .strict()
  .refine((c) => c.since <= c.length, { message: 'since 不能大于 length', path: ['since'] })
  .refine((c) => base64Bytes(c.digests) === 32 * (c.length - c.since), { message: '摘要个数与 length − since 不符', path: ['digests'] });
export type AuditChainPart = z.infer<typeof auditChainPartSchema>;

/** The bytes a base64 text decodes to (the schema's pattern has checked its alphabet). */
function base64Bytes(text: string): number {
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return text.length % 4 === 0 ? (text.length / 4) * 3 - pad : -1;
}

export interface ReceivedRows {
  auditChain: AuditChainPart;
  cases: CaseRow[];
  events: EventRow[];
  extensionRequests: ExtensionRequestRow[];
  extensionDecisions: ExtensionDecisionRow[];
  indicators: IndicatorsPart;
  ranges: RangeRow[];
  deletions: DeletionRow[];
  /** ledger.json: the sender's whole 脱薄 ledger (shared/ledger/exchangePart.ts). */
  ledger: LedgerPart;
}
