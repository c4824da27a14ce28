// The 案件 addresses: #/cases?… (the filtered list, its filters in short query keys), #/case/<案号>, #/cases/new and #/cases/import.
import { parsePage, safeDecode, type HashPath } from '../../router/hash';
import { DEFAULT_FILTERS, normalizeFilters, type CaseFilters } from './filters';

export interface CasesRoute {
  name: 'cases';
  filters: CaseFilters;
  page: number;
}

export interface CaseRoute {
  name: 'case';
  caseNumber: string;
}

export interface CaseNewRoute {
  name: 'caseNew';
}

/** 导入案件. */
export interface CaseImportRoute {
  name: 'caseImport';
}

export interface CaseEditRoute {
  name: 'caseEdit';
  caseNumber: string;
}

export type CasesFeatureRoute = CasesRoute | CaseRoute | CaseNewRoute | CaseEditRoute | CaseImportRoute;

/** The first screen after signing in, and where an unknown address sends the 返回 link. */
export const DEFAULT_ROUTE: CasesRoute = { name: 'cases', filters: { ...DEFAULT_FILTERS }, page: 1 };

/** Query keys in the address bar, short and stable (bookmarks and e2e tests rely on them). */
const KEYS = {
  status: 'status',
  divisionId: 'division',
  judgeId: 'judge',
  procedure: 'procedure',
  remainingMin: 'rmin',
  remainingMax: 'rmax',
  search: 'q',
  sort: 'sort',
} as const satisfies Record<keyof CaseFilters, string>;

export function filtersFromQuery(q: URLSearchParams): CaseFilters {
  return normalizeFilters({
    status: q.get(KEYS.status),
    divisionId: q.get(KEYS.divisionId),
    judgeId: q.get(KEYS.judgeId),
    procedure: q.get(KEYS.procedure),
    remainingMin: q.get(KEYS.remainingMin),
    remainingMax: q.get(KEYS.remainingMax),
    search: q.get(KEYS.search),
    sort: q.get(KEYS.sort),
  });
}

export function filtersToQuery(f: CaseFilters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.status) q.set(KEYS.status, f.status);
  if (f.divisionId !== null) q.set(KEYS.divisionId, String(f.divisionId));
  if (f.judgeId !== null) q.set(KEYS.judgeId, String(f.judgeId));
  if (f.procedure) q.set(KEYS.procedure, f.procedure);
  if (f.remainingMin !== null) q.set(KEYS.remainingMin, String(f.remainingMin));
  if (f.remainingMax !== null) q.set(KEYS.remainingMax, String(f.remainingMax));
  if (f.search.trim()) q.set(KEYS.search, f.search.trim());
  if (f.sort !== DEFAULT_FILTERS.sort) q.set(KEYS.sort, f.sort);
  return q;
}

export function parseCasesRoute({ head, parts, query }: HashPath): CasesFeatureRoute | null {
  if (head === 'cases' && parts.length === 1) {
    return { name: 'cases', filters: filtersFromQuery(query), page: parsePage(query.get('page')) };
  }
  if (head === 'cases' && parts.length === 2 && parts[1] === 'new') return { name: 'caseNew' };
  if (head === 'cases' && parts.length === 2 && parts[1] === 'import') return { name: 'caseImport' };
  // A case number never holds a "/", so a last segment "edit" is the form, not part of the number.
  if (head === 'case' && parts.length >= 3 && parts[parts.length - 1] === 'edit') {
    const caseNumber = safeDecode(parts.slice(1, -1).join('/'));
    if (caseNumber && caseNumber.trim()) return { name: 'caseEdit', caseNumber: caseNumber.trim() };
  }
  if (head === 'case' && parts.length >= 2) {
    // A case number typed with a raw "/" arrives as several segments.
    const caseNumber = safeDecode(parts.slice(1).join('/'));
    if (caseNumber && caseNumber.trim()) return { name: 'case', caseNumber: caseNumber.trim() };
  }
  return null;
}

export function formatCasesRoute(route: CasesFeatureRoute): string {
  if (route.name === 'case') return `#/case/${encodeURIComponent(route.caseNumber)}`;
  if (route.name === 'caseEdit') return `#/case/${encodeURIComponent(route.caseNumber)}/edit`;
  if (route.name === 'caseNew') return '#/cases/new';
  if (route.name === 'caseImport') return '#/cases/import';
  const q = filtersToQuery(route.filters);
  if (route.page > 1) q.set('page', String(route.page));
  const s = q.toString();
  return s ? `#/cases?${s}` : '#/cases';
}
