// Hash routes (#/cases?…, #/case/<案号>, #/deadlines?…): parse and format, so back/forward and reloads keep the screen.
import { DEFAULT_FILTERS, clampPage, normalizeFilters, type CaseFilters } from './filters';

export const DEADLINE_VIEWS = ['overdue', 'due7', 'due15', 'due30', 'suspended'] as const;
export type DeadlineListView = (typeof DEADLINE_VIEWS)[number];

export type SectionName = 'extensions' | 'indicators' | 'exchange' | 'settings';

/** The parts of 设置 that have an address of their own (#/settings/accounts, #/settings/audit, #/settings/backup); none means 本机与安全. */
export const SETTINGS_SUBPAGES = ['accounts', 'audit', 'backup'] as const;
export type SettingsSubpage = (typeof SETTINGS_SUBPAGES)[number];

export type Route =
  | { name: 'cases'; filters: CaseFilters; page: number }
  | { name: 'case'; caseNumber: string }
  | { name: 'deadlines'; view: DeadlineListView; page: number }
  | { name: Exclude<SectionName, 'settings'> }
  | { name: 'settings'; tab?: SettingsSubpage }
  | { name: 'notFound'; path: string };

export type RouteName = Route['name'];

const SECTIONS: readonly SectionName[] = ['extensions', 'indicators', 'exchange', 'settings'];

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

export const DEFAULT_ROUTE: Extract<Route, { name: 'cases' }> = { name: 'cases', filters: { ...DEFAULT_FILTERS }, page: 1 };

function parsePage(v: string | null): number {
  if (v === null || !/^\d{1,7}$/.test(v)) return 1;
  return clampPage(Number(v));
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

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

/** The route named by a location hash ("#/cases?status=open", "#/case/%EF%BC%882024…", "" for the start). */
export function parseHash(hash: string): Route {
  let h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h === '' || h === '/') return { ...DEFAULT_ROUTE, filters: { ...DEFAULT_FILTERS } };
  if (!h.startsWith('/')) h = '/' + h;
  const qi = h.indexOf('?');
  const path = qi >= 0 ? h.slice(0, qi) : h;
  const query = new URLSearchParams(qi >= 0 ? h.slice(qi + 1) : '');
  const parts = path.split('/').filter((p) => p !== '');
  const head = parts[0] ?? 'cases';

  if (head === 'cases' && parts.length === 1) {
    return { name: 'cases', filters: filtersFromQuery(query), page: parsePage(query.get('page')) };
  }
  if (head === 'case' && parts.length >= 2) {
    const caseNumber = safeDecode(parts.slice(1).join('/'));
    if (caseNumber && caseNumber.trim()) return { name: 'case', caseNumber: caseNumber.trim() };
  }
  if (head === 'deadlines' && parts.length === 1) {
    const v = query.get('view');
    const view = (DEADLINE_VIEWS as readonly string[]).includes(v ?? '') ? (v as DeadlineListView) : 'overdue';
    return { name: 'deadlines', view, page: parsePage(query.get('page')) };
  }
  if (parts.length === 1 && (SECTIONS as readonly string[]).includes(head)) {
    return { name: head as SectionName };
  }
  if (head === 'settings' && parts.length === 2 && (SETTINGS_SUBPAGES as readonly string[]).includes(parts[1])) {
    return { name: 'settings', tab: parts[1] as SettingsSubpage };
  }
  return { name: 'notFound', path: safeDecode(path) ?? path };
}

/** The hash of a route, starting with "#/". parseHash(formatRoute(r)) gives r back. */
export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'cases': {
      const q = filtersToQuery(route.filters);
      if (route.page > 1) q.set('page', String(route.page));
      const s = q.toString();
      return s ? `#/cases?${s}` : '#/cases';
    }
    case 'case':
      return `#/case/${encodeURIComponent(route.caseNumber)}`;
    case 'deadlines': {
      const q = new URLSearchParams({ view: route.view });
      if (route.page > 1) q.set('page', String(route.page));
      return `#/deadlines?${q.toString()}`;
    }
    case 'notFound':
      return '#/cases';
    case 'settings':
      return route.tab ? `#/settings/${route.tab}` : '#/settings';
    default:
      return `#/${route.name}`;
  }
}

/** The filters behind each 审限预警 list; they match the counts of deadlines.summary. */
export function deadlineViewFilters(view: DeadlineListView): CaseFilters {
  const base: CaseFilters = { ...DEFAULT_FILTERS, sort: 'dueOn_asc' };
  switch (view) {
    case 'overdue':
      return { ...base, status: 'overdue' };
    case 'suspended':
      return { ...base, status: 'suspended', sort: 'filedOn_asc' };
    case 'due7':
      return { ...base, remainingMin: 0, remainingMax: 7 };
    case 'due15':
      return { ...base, remainingMin: 0, remainingMax: 15 };
    case 'due30':
      return { ...base, remainingMin: 0, remainingMax: 30 };
  }
}

/** Which navigation entry a route belongs to. */
export function navSection(route: Route): 'cases' | 'deadlines' | SectionName | null {
  switch (route.name) {
    case 'cases':
    case 'case':
      return 'cases';
    case 'notFound':
      return null;
    default:
      return route.name;
  }
}

export function isListRoute(route: Route): route is Extract<Route, { name: 'cases' | 'deadlines' }> {
  return route.name === 'cases' || route.name === 'deadlines';
}
