// The intermediate court's comparison calls: every basic court's latest figures side by side against this court's ranges and the courts' median, 12-month trends, and one court's received cases and extension requests. No rank anywhere (不得通报排名).
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { empty } from '../api/fields';
import { INDICATOR_IDS, type IndicatorId } from '../indicators/catalogue';
import type { RangeStatus } from '../indicators/ranges';

const courtCode = z.string().trim().min(1, '请写明基层法院代码').max(20, '法院代码最多 20 个字');

export const trendsArgs = z.object({ indicator: z.enum(INDICATOR_IDS, { error: '没有这项指标' }) }).strict();
export const COURT_CASE_FILTERS = ['open', 'overdue', 'all'] as const;
export type CourtCaseFilter = (typeof COURT_CASE_FILTERS)[number];
export const courtCasesArgs = z
  .object({
    courtCode,
    filter: z.enum(COURT_CASE_FILTERS, { error: '筛选只能是 open（未结）、overdue（超审限未结）或 all（全部）' }).default('open'),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  })
  .strict();
export type CourtCasesArgs = z.input<typeof courtCasesArgs>;
export const courtExtensionsArgs = z.object({ courtCode }).strict();

/** One indicator of one court as its latest package sent it, flagged against this court's range. */
export interface ComparedValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: RangeStatus;
}

export interface ComparedCourt {
  courtCode: string;
  courtName: string;
  sequence: number;
  periodFrom: string;
  periodTo: string;
  receivedAt: string;
  /** Every indicator of the catalogue; an indicator the package lacks is value null, status 'none'. */
  values: Record<IndicatorId, ComparedValue>;
  /** The indicators outside this court's range, in catalogue order. */
  outside: IndicatorId[];
}

export interface CompareView {
  /** Court-code order: never an order by value, never a rank. */
  courts: ComparedCourt[];
  /** The courts' median of each indicator (null where no court has a value). */
  medians: Record<IndicatorId, number | null>;
  /** This court's ranges in force (the ones sent back in return files). */
  ranges: Array<{ id: IndicatorId; name: string; low: number | null; high: number | null; better: 'higher' | 'lower' | 'none' }>;
  /** Whether the courts' latest packages cover different periods (the table then says so). */
  mixedPeriods: boolean;
}

export interface TrendsView {
  indicator: IndicatorId;
  /** The 12 months (YYYY-MM), oldest first, ending with the newest month any court's latest package reaches; [] with no package. */
  months: string[];
  range: { low: number | null; high: number | null } | null;
  /** Per month, the courts' median of the values present. */
  medians: Array<number | null>;
  /** Court-code order; one value per month, null where no package carried that month. */
  courts: Array<{ courtCode: string; courtName: string; values: Array<number | null> }>;
}

export interface ReceivedCaseView {
  caseNumber: string;
  cause: string;
  division: string;
  judge: string;
  filedOn: string;
  closedOn: string | null;
  dueOn: string | null;
  clock: 'running' | 'suspended' | 'paused' | 'no_limit' | 'closed';
  closedOverdue: boolean | null;
}

export interface CourtCasesView {
  courtCode: string;
  courtName: string;
  /** The latest package's period end: "overdue" means open with a due date before it. */
  asOf: string;
  filter: CourtCaseFilter;
  total: number;
  offset: number;
  rows: ReceivedCaseView[];
}

export interface ReceivedExtensionView {
  caseNumber: string;
  cause: string | null;
  division: string | null;
  judge: string | null;
  months: number;
  days: number;
  reason: string;
  requestedOn: string;
  late: boolean;
  status: 'pending' | 'approved' | 'rejected' | 'higher_court';
  decidedOn: string | null;
  decisions: Array<{ step: 'opinion' | 'decision' | 'higher_court'; outcome: 'agree' | 'disagree' | 'approved' | 'rejected' | 'forwarded'; decidedOn: string; months: number | null; days: number | null; comment: string | null }>;
}

export interface CourtExtensionsView {
  courtCode: string;
  courtName: string;
  /** Newest request first. */
  rows: ReceivedExtensionView[];
}

export const exchangeCompareApi = defineCalls({
  'exchange.compare': { args: empty, access: 'exchange.receive', result: returns<CompareView>() },
  'exchange.trends': { args: trendsArgs, access: 'exchange.receive', result: returns<TrendsView>() },
  'exchange.courtCases': { args: courtCasesArgs, access: 'exchange.receive', result: returns<CourtCasesView>() },
  'exchange.courtExtensions': { args: courtExtensionsArgs, access: 'exchange.receive', result: returns<CourtExtensionsView>() },
});
