// The case-list filters as the screen holds them, and their mapping to the API's cases.list / cases.count arguments.
import { CASE_STATUS_FILTERS, type CaseFilter, type CaseListArgs } from '../../../../shared/api/contract';
import { PROCEDURES, type Procedure } from '../../../../shared/cases/types';
import { MEDIATION_WARN_DAYS } from '../../../../shared/cases/caseWork';
import { PAGE_SIZE, clampPage } from '../../lib/paging';
import { readWholeNumber, type WholeNumber } from '../../lib/numbers';

export type StatusFilter = NonNullable<CaseFilter['status']>;
export type CaseSort = NonNullable<CaseListArgs['sort']>;

/** The API accepts remaining-day bounds within ±36500. */
export const REMAINING_LIMIT = 36500;
export const SEARCH_MAX = 60;

export const STATUS_OPTIONS: ReadonlyArray<{ value: StatusFilter | ''; label: string }> = [
  { value: '', label: '全部' },
  { value: 'open', label: '未结' },
  { value: 'closed', label: '已结' },
  { value: 'overdue', label: '超审限' },
  { value: 'suspended', label: '中止' },
  { value: 'paused', label: '暂停计算' },
  { value: 'stopped', label: '中止或暂停' },
  { value: 'mediating', label: '先行调解中' },
  { value: 'mediation_due', label: `先行调解${MEDIATION_WARN_DAYS}日内到期或已到期` },
];

export const SORT_OPTIONS: ReadonlyArray<{ value: CaseSort; label: string }> = [
  { value: 'filedOn_desc', label: '立案日期（新→旧）' },
  { value: 'filedOn_asc', label: '立案日期（旧→新）' },
  { value: 'dueOn_asc', label: '届满日（近→远）' },
  { value: 'caseNumber_asc', label: '案号' },
];

export const PROCEDURE_OPTIONS: readonly Procedure[] = PROCEDURES;

const STATUS_VALUES = new Set<string>(CASE_STATUS_FILTERS);
const SORT_VALUES = new Set<string>(SORT_OPTIONS.map((o) => o.value));
const PROCEDURE_VALUES = new Set<string>(PROCEDURES);

/** The filters of one list, as the screen and the address bar hold them. Empty means "not filtered". */
export interface CaseFilters {
  status: StatusFilter | '';
  divisionId: number | null;
  judgeId: number | null;
  procedure: Procedure | '';
  remainingMin: number | null;
  remainingMax: number | null;
  search: string;
  sort: CaseSort;
}

export const DEFAULT_FILTERS: Readonly<CaseFilters> = Object.freeze({
  status: '',
  divisionId: null,
  judgeId: null,
  procedure: '',
  remainingMin: null,
  remainingMax: null,
  search: '',
  sort: 'filedOn_desc',
});

export function isStatusFilter(v: unknown): v is StatusFilter {
  return typeof v === 'string' && STATUS_VALUES.has(v);
}
export function isCaseSort(v: unknown): v is CaseSort {
  return typeof v === 'string' && SORT_VALUES.has(v);
}
export function isProcedure(v: unknown): v is Procedure {
  return typeof v === 'string' && PROCEDURE_VALUES.has(v);
}

function positiveId(v: unknown): number | null {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Reads a remaining-days box: empty, a whole number within the API's bounds (full-width digits too), or why not. */
export function readRemaining(v: unknown): WholeNumber {
  if (v === null || v === undefined) return { empty: true };
  return readWholeNumber(String(v), -REMAINING_LIMIT, REMAINING_LIMIT, '天数');
}

/** Parses what a user typed into a remaining-days box: a whole number within the API's bounds, else null. */
export function parseRemaining(v: unknown): number | null {
  const r = readRemaining(v);
  return 'value' in r ? r.value : null;
}

export type RemainingRangeCheck =
  | { ok: true; min: number | null; max: number | null }
  | { ok: false; invalid: ReadonlyArray<'min' | 'max'>; message: string };

/**
 * Both 剩余天数 boxes together: the range to apply, or which box is wrong and why. A range typed backwards is not
 * turned around behind the person's back: it is refused with a reason, and the list stays as it was.
 */
export function checkRemainingRange(minText: string, maxText: string): RemainingRangeCheck {
  const min = readRemaining(minText);
  const max = readRemaining(maxText);
  if ('error' in min) return { ok: false, invalid: ['min'], message: min.error };
  if ('error' in max) return { ok: false, invalid: ['max'], message: max.error };
  const lo = 'value' in min ? min.value : null;
  const hi = 'value' in max ? max.value : null;
  if (lo !== null && hi !== null && lo > hi) return { ok: false, invalid: ['min', 'max'], message: '最小值不能大于最大值' };
  return { ok: true, min: lo, max: hi };
}

/** Cleans a search term the way the API will see it (trimmed, at most 60 characters). */
export function cleanSearch(v: unknown): string {
  // Control characters (a NUL pasted from another program, one in the address bar) are invisible and match nothing;
  // the core refuses them, so the box drops them rather than show an error for what the person cannot see.
  return typeof v === 'string' ? v.replace(/\p{Cc}/gu, ' ').trim().slice(0, SEARCH_MAX) : '';
}

/** Any partial, untrusted object (from the address bar, say) to a valid set of filters. */
export function normalizeFilters(input: Partial<Record<keyof CaseFilters, unknown>>): CaseFilters {
  // A backwards range (from an edited address) is kept as it is: the boxes show it with their reason, and it
  // matches nothing, rather than quietly meaning something else.
  const remainingMin = parseRemaining(input.remainingMin);
  const remainingMax = parseRemaining(input.remainingMax);
  return {
    status: isStatusFilter(input.status) ? input.status : '',
    divisionId: positiveId(input.divisionId),
    judgeId: positiveId(input.judgeId),
    procedure: isProcedure(input.procedure) ? input.procedure : '',
    remainingMin,
    remainingMax,
    search: cleanSearch(input.search),
    sort: isCaseSort(input.sort) ? input.sort : DEFAULT_FILTERS.sort,
  };
}

/** The filter part of the API arguments: only what is set. Shared by cases.list and cases.count. */
export function toFilterArgs(f: CaseFilters): CaseFilter {
  const args: CaseFilter = {};
  if (f.status) args.status = f.status;
  if (f.divisionId !== null) args.divisionId = f.divisionId;
  if (f.judgeId !== null) args.judgeId = f.judgeId;
  if (f.procedure) args.procedure = f.procedure;
  if (f.remainingMin !== null) args.remainingMin = f.remainingMin;
  if (f.remainingMax !== null) args.remainingMax = f.remainingMax;
  const search = cleanSearch(f.search);
  if (search) args.search = search;
  return args;
}

/** cases.list arguments for one page (1-based) of PAGE_SIZE rows. */
export function toListArgs(f: CaseFilters, page: number): CaseListArgs {
  const p = clampPage(page);
  return { ...toFilterArgs(f), sort: f.sort, offset: (p - 1) * PAGE_SIZE, limit: PAGE_SIZE };
}

/** A key that changes whenever the set of matching cases can change (the sort does not change the count). */
export function countKey(f: CaseFilters): string {
  return JSON.stringify(toFilterArgs(f));
}

/** A key for one page of one list. */
export function pageKey(f: CaseFilters, page: number): string {
  return JSON.stringify(toListArgs(f, page));
}

export function sameFilters(a: CaseFilters, b: CaseFilters): boolean {
  return countKey(a) === countKey(b) && a.sort === b.sort;
}

/** Whether any filter (not the sort) narrows the list. */
export function hasActiveFilters(f: CaseFilters): boolean {
  return countKey(f) !== '{}';
}
