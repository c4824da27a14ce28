// The one typed API between the renderer and the core, composed from the domains' declarations (shared/<domain>/api.ts).
// Electron's preload and the loopback host expose exactly these calls; the core validates every argument.
import type { z } from 'zod';
import { combineCalls } from './define';
import { appApi } from '../app/api';
import { accountsApi } from '../accounts/api';
import { casesApi } from '../cases/api';
import { caseWorkApi } from '../cases/workApi';
import { caseExportApi } from '../cases/exportApi';
import { reportsApi } from '../reports/api';
import { caseImportApi } from '../cases/importApi';
import { deadlinesApi } from '../deadlines/api';
import { auditApi } from '../audit/api';
import { backupApi } from '../backup/api';
import { settingsApi } from '../settings/api';
import { jobsApi } from '../jobs/api';
import { extensionsApi } from '../extensions/api';
import { indicatorsApi } from '../indicators/api';
import { exchangeApi } from '../exchange/api';
import { exchangeKeysApi } from '../exchange/keysApi';
import { exchangeCompareApi } from '../exchange/compareApi';
import { exchangeHelpApi } from '../exchange/helpApi';
import { ledgerApi } from '../ledger/api';
import { ledgerTrendApi } from '../ledger/trendApi';
import { ledgerMeetingsApi } from '../ledger/meetingsApi';
import { ledgerExportApi } from '../ledger/exportApi';
import { ledgerProjectionApi } from '../ledger/projectionApi';

/** Every call of every domain; a name declared twice throws here, when the program starts. */
export const API = combineCalls(appApi, accountsApi, casesApi, caseWorkApi, caseExportApi, caseImportApi, deadlinesApi, auditApi, backupApi, settingsApi, jobsApi, extensionsApi, indicatorsApi, exchangeApi, exchangeKeysApi, exchangeCompareApi, exchangeHelpApi, reportsApi, ledgerApi, ledgerTrendApi, ledgerMeetingsApi, ledgerExportApi, ledgerProjectionApi);

export type Api = typeof API;
export type ApiMethod = Extract<keyof Api, string>;
export const API_METHODS = Object.keys(API) as ApiMethod[];
/** Calls answered without a session (sign-in, start-up screen): derived from the declarations, never listed again. */
export const PUBLIC_METHODS: ReadonlySet<ApiMethod> = new Set(API_METHODS.filter((m) => API[m].access === 'public'));

export type ApiArgs<M extends ApiMethod> = z.input<Api[M]['args']>;
export type ApiParsedArgs<M extends ApiMethod> = z.output<Api[M]['args']>;
export type ApiResults = { [M in ApiMethod]: Api[M]['result'] };

/**
 * STARTUP_FAILED: the database could not be opened; the message says why, and the window shows it instead of the app.
 * SIGNED_OUT: no session (sign in); LOCKED: the session is idle-locked (unlock with the password); FORBIDDEN: the
 * role does not allow the call (it is refused and written to the audit log). BUSY: a restore is replacing the
 * database, or a long job holds it for writing; try again in a moment. CANCELLED: the person cancelled a long job,
 * and the database is as it was before it. PASSWORD_CHANGE_REQUIRED: the person signed in with a temporary password
 * and may do nothing but replace it.
 */
export type ApiErrorCode =
  | 'BAD_ARGS' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'DB_ERROR' | 'INTERNAL' | 'UNKNOWN_METHOD' | 'STARTUP_FAILED'
  | 'SIGNED_OUT' | 'LOCKED' | 'BUSY' | 'CANCELLED' | 'PASSWORD_CHANGE_REQUIRED';
export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** For BAD_ARGS: the argument at fault (its path, e.g. "filedOn" or "review.reviewedOn"), so a form marks that box. */
  field?: string;
}
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the renderer sees: one function per call, whatever the host. */
export type CourtDeskApi = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResponse<ApiResults[M]>>;
};

// The domains' view types, importable from one place by the renderer and the hosts.
export type * from '../app/api';
export type * from '../accounts/api';
export type * from '../cases/api';
export type * from '../cases/caseWork';
export type * from '../cases/exportApi';
export type * from '../cases/importApi';
export type * from '../cases/importMapping';
export type { ImportField, ImportIssue } from '../cases/importColumns';
export type * from '../deadlines/api';
export type * from '../audit/api';
export type * from '../backup/api';
export type * from '../jobs/api';
export type * from '../extensions/api';
export type * from '../exchange/keysApi';
export type * from '../exchange/compareApi';
export type * from '../exchange/helpApi';
export type * from '../ledger/api';
export type * from '../ledger/trendApi';
export type * from '../ledger/meetingsApi';
export type * from '../ledger/exportApi';
export type * from '../ledger/projectionApi';
export { caseFilterSchema, caseListArgs, CASE_SORTS, CASE_STATUS_FILTERS } from '../cases/api';
export { auditListArgs } from '../audit/api';
