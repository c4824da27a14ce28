// The one typed API between the renderer and the core: each call's argument schema and result type.
// Electron's preload and the loopback host expose exactly these calls; the core validates every argument.
import { z } from 'zod';
import { PROCEDURES, type ClosingMethod, type Procedure, type EventKind, type ExtensionStatus, type DivisionKind, type AppealOutcome, type LimitVariant } from '../cases/types';
import type { DeadlineStatus } from '../deadlines/engine';
import { API_METHODS, type ApiMethod } from './methods';

export const CASE_STATUS_FILTERS = ['open', 'closed', 'overdue', 'suspended'] as const;
export const CASE_SORTS = ['filedOn_desc', 'filedOn_asc', 'dueOn_asc', 'caseNumber_asc'] as const;

export const caseFilterSchema = z.object({
  status: z.enum(CASE_STATUS_FILTERS).optional(),
  divisionId: z.number().int().positive().optional(),
  judgeId: z.number().int().positive().optional(),
  procedure: z.enum(PROCEDURES).optional(),
  typeCode: z.string().min(1).max(8).optional(),
  /** Days remaining, inclusive bounds; only open cases whose time limit is running match. */
  remainingMin: z.number().int().min(-36500).max(36500).optional(),
  remainingMax: z.number().int().min(-36500).max(36500).optional(),
  /** Case-number fragment or party name (Chinese substring). */
  search: z.string().trim().max(60).optional(),
});
export type CaseFilter = z.infer<typeof caseFilterSchema>;

export const caseListArgs = caseFilterSchema.extend({
  sort: z.enum(CASE_SORTS).default('filedOn_desc'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type CaseListArgs = z.input<typeof caseListArgs>;

export interface CaseListRow {
  id: number;
  caseNumber: string;
  typeCode: string;
  cause: string;
  procedure: Procedure | null;
  filedOn: string;
  closedOn: string | null;
  closingMethod: ClosingMethod | null;
  divisionId: number;
  division: string;
  judgeId: number;
  judge: string;
  plaintiffs: string[];
  defendants: string[];
  limit: string | null;
  dueOn: string | null;
  daysRemaining: number | null;
  status: DeadlineStatus;
}

export interface CaseListResult {
  rows: CaseListRow[];
  offset: number;
  /** True when more rows follow this page. */
  hasMore: boolean;
}

export interface CaseEventView {
  id: number;
  kind: EventKind;
  fromOn: string;
  toOn: string | null;
  note: string | null;
  /** Whether this kind is deducted for this case's stage. */
  deductible: boolean;
}

export interface ExtensionView {
  id: number;
  months: number;
  days: number;
  reason: string;
  status: ExtensionStatus;
  requestedOn: string;
  decidedOn: string | null;
}

export interface DeadlineView {
  limit: string | null;
  ruleLabel: string | null;
  basis: string | null;
  statutoryDueOn: string | null;
  deductedDays: number;
  extension: string | null;
  dueOn: string | null;
  daysRemaining: number | null;
  status: DeadlineStatus;
  steps: string[];
}

export interface CaseDetail extends CaseListRow {
  limitVariant: LimitVariant | null;
  claimAmount: number | null;
  importedDeductedDays: number;
  importedExtendedDays: number;
  appealed: boolean | null;
  appealOutcome: AppealOutcome | null;
  originCaseNumber: string | null;
  enforcementClaim: number | null;
  enforcementRecovered: number | null;
  reviewed: boolean | null;
  precedentSearched: boolean | null;
  createdAt: string;
  updatedAt: string;
  events: CaseEventView[];
  extensions: ExtensionView[];
  deadline: DeadlineView;
}

export interface DivisionView {
  id: number;
  name: string;
  kind: DivisionKind;
}

export interface JudgeView {
  id: number;
  name: string;
  divisionId: number | null;
}

export interface AppInfo {
  appVersion: string;
  courtCode: string;
  courtName: string;
  demo: boolean;
  today: string;
  schemaVersion: number;
  dbPath: string;
  caseCount: number;
  host: 'electron' | 'loopback';
}

export interface DeadlineSummary {
  today: string;
  open: number;
  overdue: number;
  suspended: number;
  dueWithin7: number;
  dueWithin15: number;
  dueWithin30: number;
}

const empty = z.object({}).strict();

/** Every call: its argument schema; the result type lives in ApiResults. */
export const apiSchemas = {
  'app.info': empty,
  'cases.list': caseListArgs,
  'cases.count': caseFilterSchema,
  'cases.get': z.object({ caseNumber: z.string().min(1).max(60) }).strict(),
  'catalog.divisions': empty,
  'catalog.judges': z.object({ divisionId: z.number().int().positive().optional() }).strict(),
  'deadlines.summary': empty,
} as const satisfies Record<ApiMethod, z.ZodType>;

export { API_METHODS, type ApiMethod };

export interface ApiResults {
  'app.info': AppInfo;
  'cases.list': CaseListResult;
  'cases.count': { count: number };
  'cases.get': CaseDetail;
  'catalog.divisions': DivisionView[];
  'catalog.judges': JudgeView[];
  'deadlines.summary': DeadlineSummary;
}

export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiSchemas)[M]>;

/** STARTUP_FAILED: the database could not be opened; the message says why, and the window shows it instead of the app. */
export type ApiErrorCode = 'BAD_ARGS' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'DB_ERROR' | 'INTERNAL' | 'UNKNOWN_METHOD' | 'STARTUP_FAILED';
export interface ApiError {
  code: ApiErrorCode;
  message: string;
}
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the renderer sees: one function per call, whatever the host. */
export type CourtDeskApi = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResponse<ApiResults[M]>>;
};
