// The one typed API between the renderer and the core: each call's argument schema and result type.
// Electron's preload and the loopback host expose exactly these calls; the core validates every argument.
import { z } from 'zod';
import { PROCEDURES, type ClosingMethod, type Procedure, type EventKind, type ExtensionStatus, type DivisionKind, type AppealOutcome, type LimitVariant } from '../cases/types';
import type { DeadlineStatus } from '../deadlines/engine';
import { API_METHODS, type ApiMethod } from './methods';
import { ROLES, type Role, type Action } from '../accounts/roles';
import type { BackupReasonId } from '../backup/backupLabels';

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
  /** A due date on a weekend or holiday moves to the next working day (off by default, time-limits.md). */
  holidayRoll: boolean;
  /** The years the shipped holiday calendar covers; outside them only weekends are known. */
  holidayCalendar: { firstYear: number; lastYear: number; source: string };
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

export interface SignedInUser {
  name: string;
  roles: Role[];
  division: string | null;
  /** What the person may do (shared/accounts/roles.ts), so the window hides what would be refused anyway. */
  permissions: Action[];
  /** e.g. 本人承办的案件 */
  scope: string;
  mustChangePassword: boolean;
}

export interface DemoAccount {
  name: string;
  roles: Role[];
  password: string;
}

export interface AuthStatus {
  /** No account exists yet: the window asks for the court and the first administrator. */
  setupNeeded: boolean;
  courtCode: string | null;
  courtName: string | null;
  demo: boolean;
  /** Only on a demonstration database: one account per role, with its password. */
  demoAccounts: DemoAccount[];
  user: SignedInUser | null;
  /** Signed in, but idle too long: the password unlocks. */
  locked: boolean;
  idleLockMinutes: number;
}

export interface UserView {
  name: string;
  roles: Role[];
  division: string | null;
  active: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string | null;
  entityKey: string | null;
  before: string | null;
  after: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  offset: number;
  hasMore: boolean;
}

export interface AuditVerifyResult {
  ok: boolean;
  entries: number;
  firstBrokenId: number | null;
  message: string;
}

/** A backup file in the database's backups folder (or one the administrator named), before any check. */
export interface BackupView {
  file: string;
  name: string;
  reason: BackupReasonId;
  createdAt: string;
  bytes: number;
}

export interface BackupList {
  /** The backups folder beside the database. */
  dir: string;
  backups: BackupView[];
}

/** What integrity_check and the schema say about a file: ok, or why it cannot be restored. */
export interface BackupCheckView {
  file: string;
  ok: boolean;
  /** Chinese: 完好 when ok, otherwise why the file cannot be restored. */
  message: string;
  schemaVersion: number | null;
  cases: number | null;
  courtCode: string | null;
  courtName: string | null;
}

export interface BackupMade {
  file: string;
  bytes: number;
  cases: number;
  createdAt: string;
}

export interface RestoreView {
  restoredFrom: string;
  cases: number;
  courtCode: string;
  courtName: string;
  /** The copy of the database as it was just before, when it was readable. */
  beforeRestoreBackup: string | null;
  /** Where a damaged database was moved (never deleted). */
  movedAsideTo: string | null;
}

/** How the start went: the window shows the reason of a failure, and offers the latest good backup where it helps. */
export interface StartupStatus {
  failed: boolean;
  code: string | null;
  message: string | null;
  dbPath: string;
  /** Offered when the database is damaged and a backup of it passes its check. */
  latestGoodBackup: { file: string; createdAt: string; cases: number | null; reason: BackupReasonId } | null;
}

const roleSchema = z.enum(ROLES);
const password = z.string().min(1, '请输入口令').max(200);
const personName = z.string().trim().min(1, '请输入姓名').max(20);

export const auditListArgs = z.object({
  actor: z.string().trim().max(20).optional(),
  /** A case number or account name: the record the entry is about. */
  entityKey: z.string().trim().max(60).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应如 2024-01-05').optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应如 2024-01-05').optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
}).strict();

const empty = z.object({}).strict();
const backupFile = z.string().trim().min(1, '请选择备份文件').max(1000);

/** Every call: its argument schema; the result type lives in ApiResults. */
export const apiSchemas = {
  'app.info': empty,
  'cases.list': caseListArgs,
  'cases.count': caseFilterSchema,
  'cases.get': z.object({ caseNumber: z.string().min(1).max(60) }).strict(),
  'catalog.divisions': empty,
  'catalog.judges': z.object({ divisionId: z.number().int().positive().optional() }).strict(),
  'deadlines.summary': empty,
  'auth.status': empty,
  'auth.setup': z.object({
    courtCode: z.string().trim().min(1, '请输入法院代码').max(10),
    courtName: z.string().trim().min(1, '请输入法院名称').max(50),
    adminName: personName,
    password,
  }).strict(),
  'auth.signIn': z.object({ name: personName, password }).strict(),
  'auth.unlock': z.object({ password }).strict(),
  'auth.signOut': empty,
  'auth.changePassword': z.object({ oldPassword: password, newPassword: password }).strict(),
  'users.list': empty,
  'users.add': z.object({ name: personName, roles: z.array(roleSchema).min(1, '至少选择一个角色'), division: z.string().trim().max(50).optional(), password }).strict(),
  'users.setActive': z.object({ name: personName, active: z.boolean() }).strict(),
  'users.resetPassword': z.object({ name: personName, password }).strict(),
  'audit.list': auditListArgs,
  'audit.verify': empty,
  'settings.setIdleLock': z.object({ minutes: z.number().int().min(0).max(480) }).strict(),
  'backup.list': empty,
  'backup.check': z.object({ file: backupFile }).strict(),
  'backup.create': z.object({ to: z.string().trim().max(1000).optional() }).strict(),
  'backup.restore': z.object({ file: backupFile }).strict(),
  'settings.setHolidayRoll': z.object({ enabled: z.boolean() }).strict(),
  'startup.status': empty,
  'startup.restoreLatest': empty,
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
  'auth.status': AuthStatus;
  'auth.setup': SignedInUser;
  'auth.signIn': SignedInUser;
  'auth.unlock': SignedInUser;
  'auth.signOut': { signedOut: true };
  'auth.changePassword': { changed: true };
  'users.list': UserView[];
  'users.add': UserView;
  'users.setActive': UserView;
  'users.resetPassword': UserView;
  'audit.list': AuditPage;
  'audit.verify': AuditVerifyResult;
  'settings.setIdleLock': { idleLockMinutes: number };
  'backup.list': BackupList;
  'backup.check': BackupCheckView;
  'backup.create': BackupMade;
  'backup.restore': RestoreView;
  'settings.setHolidayRoll': { holidayRoll: boolean; casesChanged: number };
  'startup.status': StartupStatus;
  'startup.restoreLatest': RestoreView;
}

export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiSchemas)[M]>;

/**
 * STARTUP_FAILED: the database could not be opened; the message says why, and the window shows it instead of the app.
 * SIGNED_OUT: no session (sign in); LOCKED: the session is idle-locked (unlock with the password); FORBIDDEN: the
 * role does not allow the call (it is refused and written to the audit log). BUSY: a restore is replacing the
 * database; try again in a moment.
 */
export type ApiErrorCode =
  | 'BAD_ARGS' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'DB_ERROR' | 'INTERNAL' | 'UNKNOWN_METHOD' | 'STARTUP_FAILED'
  | 'SIGNED_OUT' | 'LOCKED' | 'BUSY';
export interface ApiError {
  code: ApiErrorCode;
  message: string;
}
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the renderer sees: one function per call, whatever the host. */
export type CourtDeskApi = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResponse<ApiResults[M]>>;
};
