// The cases domain's calls: lists, counts and one case in full; the filters' catalogues; deducted periods (import: importApi.ts).
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { caseNumber, empty, isoDate, searchText } from '../api/fields';
import { RECORDABLE_EVENT_KINDS, PROCEDURES, type AppealOutcome, type ClosingMethod, type DivisionKind, type EventKind, type ExtensionStatus, type LimitVariant, type Procedure, type RecordableEventKind } from './types';
import type { DeadlineStatus } from '../deadlines/engine';
import type { DeadlineView } from '../deadlines/api';
import type { ImportIssue } from './importColumns';
import type { ReconciliationRow } from './reconciliation';
import type { CauseCatalogId, MediationView, PrecedentSearchView, ReopeningView, ReviewView } from './caseWork';

/** suspended: 中止; paused: another open deducted period (鉴定, 审计 …) stops the clock; stopped: either. */
/** mediating: an open case in 先行调解 not yet ended; mediation_due: of those, due within MEDIATION_WARN_DAYS or past. */
export const CASE_STATUS_FILTERS = ['open', 'closed', 'overdue', 'suspended', 'paused', 'stopped', 'mediating', 'mediation_due'] as const;
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
  search: searchText.optional(),
  // Refused like every other call's unknown keys: a misspelt filter (judgeID) would otherwise silently list everything.
}).strict();
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
  /** The catalogue the cause was picked from (null: typed or imported). */
  causeCatalog: CauseCatalogId | null;
  /** The day a simple or small-claims case was converted to ordinary procedure (its limit still counts from filing). */
  convertedOn: string | null;
  reviews: ReviewView[];
  precedentSearches: PrecedentSearchView[];
  reopenings: ReopeningView[];
  mediation: MediationView | null;
  /** Cases filed after this one whose 原审案号 is this one (a 民初 filed after a failed 诉前调, an appeal …). */
  followUps: string[];
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

/** What an import did, row by row where it refused: counts, the reasons, and where the rejected rows were written. */
export interface ImportSummary {
  file: string;
  format: 'csv' | 'xlsx' | 'xml' | 'zip';
  encoding?: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** True when nothing was written because of errors (all-or-nothing). */
  aborted: boolean;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  unknownColumns: string[];
  skippedEmpty: number;
  addedDivisions: string[];
  addedStaff: string[];
  rejectedFile: string | null;
  /** Divisions and judges the file names that the court does not have: created only when the import is told to. */
  newDivisions: string[];
  newStaff: string[];
  /** Exchange XML: the cases whose source figures disagree with CourtDesk's (the 审限核对 rows this import wrote). */
  disagreements?: number;
}

export interface EventRecorded {
  id: number;
  caseNumber: string;
  /** The due date after the change (null while the clock is stopped or there is no limit). */
  dueOn: string | null;
}

export const casesApi = defineCalls({
  'cases.list': { args: caseListArgs, access: 'cases.view', result: returns<CaseListResult>() },
  'cases.count': { args: caseFilterSchema, access: 'cases.view', result: returns<{ count: number }>() },
  'cases.get': { args: z.object({ caseNumber }).strict(), access: 'cases.view', result: returns<CaseDetail>() },
  'catalog.divisions': { args: empty, access: 'signedIn', result: returns<DivisionView[]>() },
  'catalog.judges': { args: z.object({ divisionId: z.number().int().positive().optional() }).strict(), access: 'signedIn', result: returns<JudgeView[]>() },
  'cases.addEvent': {
    args: z.object({
      caseNumber,
      kind: z.enum(RECORDABLE_EVENT_KINDS as [RecordableEventKind, ...RecordableEventKind[]]),
      fromOn: isoDate,
      /** Absent or null: a suspension not yet resumed. */
      toOn: isoDate.nullable().optional(),
      note: z.string().trim().max(200).optional(),
    }).strict(),
    access: 'events.record',
    result: returns<EventRecorded>(),
  },
  'cases.resume': { args: z.object({ caseNumber, resumedOn: isoDate }).strict(), access: 'events.record', result: returns<EventRecorded>() },
  /** 审限核对: the cases whose exchange source figures disagree with CourtDesk's, within the reader's scope. */
  'cases.reconciliation': { args: empty, access: 'reconciliation.view', result: returns<ReconciliationRow[]>() },
});
