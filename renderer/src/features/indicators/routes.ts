// The 质效指标 addresses: the page (#/indicators?view=daily&from=…&to=…&division=…&judge=…&by=judge&ind=…) and the
// cases behind one figure (#/indicators/cases?id=onTimeRate&part=denominator&from=…&to=…&judge=…&page=2), and the page
// of one division or judge (#/indicators/division?name=…&from=…&to=…&ind=…, #/indicators/judge?name=…).
import { isIsoDate } from '../../../../shared/dates/calendar';
import { INDICATOR_IDS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import { DRILL_PARTS, type DrillPart } from '../../../../shared/indicators/parts';
import { parsePage, type HashPath } from '../../router/hash';
import { isMonth } from '../../../../shared/indicators/months';
import { PROCEDURES, type Procedure } from '../../../../shared/cases/types';

export const INDICATOR_VIEWS = ['overview', 'daily', 'groups', 'weekly', 'monthly'] as const;
export type IndicatorView = (typeof INDICATOR_VIEWS)[number];
export const VIEW_LABELS: Record<IndicatorView, string> = { overview: '指标总览', daily: '日监测', groups: '分部门·分法官', weekly: '周通报', monthly: '月分析' };

/** Narrowing within the reader's scope, by name as indicators.compute takes it. */
export interface IndicatorScope {
  division?: string;
  judge?: string;
  stage?: string;
  procedure?: Procedure;
  cause?: string;
}
const SCOPE_KEYS = ['division', 'judge', 'stage', 'procedure', 'cause'] as const;

export interface IndicatorsRoute {
  name: 'indicators';
  view: IndicatorView;
  /** Null: this month to date. */
  from: string | null;
  to: string | null;
  scope: IndicatorScope;
  by: 'division' | 'judge';
  /** The indicator of the per-division and per-judge view, and of 月分析's trend. */
  ind: IndicatorId;
  /** 周通报: the week's Monday; absent: the last full week. */
  week?: string;
  /** 月分析's month (YYYY-MM); null: the last full month. */
  month?: string | null;
}

export interface IndicatorCasesRoute {
  name: 'indicatorCases';
  id: IndicatorId;
  part: DrillPart;
  from: string;
  to: string;
  scope: IndicatorScope;
  page: number;
}

/** The page of one division or one judge: its key indicators against the court's, its trend, its judges or deadlines. */
export interface IndicatorGroupRoute {
  name: 'indicatorGroup';
  kind: 'division' | 'judge';
  /** The division's or judge's name, as compute takes it. */
  who: string;
  /** Null: this month to date. */
  from: string | null;
  to: string | null;
  /** The indicator of the trend and of a division's judges chart. */
  ind: IndicatorId;
}

export const GROUP_KINDS = ['division', 'judge'] as const;

/** The page of a division or judge, for a period (none: this month to date) and an indicator. */
export function groupRoute(kind: 'division' | 'judge', who: string, from: string | null = null, to: string | null = null, ind: IndicatorId = 'onTimeRate'): IndicatorGroupRoute {
  return { name: 'indicatorGroup', kind, who, from, to, ind };
}

export const DEFAULT_INDICATORS_ROUTE: IndicatorsRoute = { name: 'indicators', view: 'overview', from: null, to: null, scope: {}, by: 'division', ind: 'onTimeRate' };

const dateOf = (v: string | null): string | null => (v !== null && isIsoDate(v) ? v : null);
const oneOf = <T extends string>(xs: readonly T[], v: string | null): T | null => (v !== null && (xs as readonly string[]).includes(v) ? (v as T) : null);

function parseScope(q: URLSearchParams): IndicatorScope {
  const s: IndicatorScope = {};
  for (const k of SCOPE_KEYS) {
    const v = q.get(k)?.trim();
    // The core checks the names (and says which one names nothing); here only their length, as the address is typed.
    if (!v || v.length > 100) continue;
    if (k === 'procedure') {
      if ((PROCEDURES as readonly string[]).includes(v)) s.procedure = v as Procedure;
    } else s[k] = v;
  }
  return s;
}

function formatScope(s: IndicatorScope, q: URLSearchParams): void {
  for (const k of SCOPE_KEYS) if (s[k]) q.set(k, s[k]);
}

/** A bad value is dropped (addresses are typed and bookmarked), never an error; a figure's address without its figure is no address. */
export function parseIndicatorsRoute({ head, parts, query }: HashPath): IndicatorsRoute | IndicatorCasesRoute | IndicatorGroupRoute | null {
  if (head !== 'indicators') return null;
  const kind = parts.length === 2 ? oneOf(GROUP_KINDS, parts[1]) : null;
  if (kind) {
    // A name the core does not know is its message on the page, not a dead address.
    const who = query.get('name')?.trim();
    if (!who || who.length > (kind === 'division' ? 50 : 20)) return null;
    return groupRoute(kind, who, dateOf(query.get('from')), dateOf(query.get('to')), oneOf(INDICATOR_IDS, query.get('ind')) ?? DEFAULT_INDICATORS_ROUTE.ind);
  }
  if (parts.length === 2 && parts[1] === 'cases') {
    const id = oneOf(INDICATOR_IDS, query.get('id'));
    const part = oneOf(DRILL_PARTS, query.get('part'));
    const from = dateOf(query.get('from'));
    const to = dateOf(query.get('to'));
    if (!id || !part || !from || !to) return null;
    return { name: 'indicatorCases', id, part, from, to, scope: parseScope(query), page: parsePage(query.get('page')) };
  }
  if (parts.length !== 1) return null;
  const week = dateOf(query.get('week'));
  return {
    name: 'indicators',
    view: oneOf(INDICATOR_VIEWS, query.get('view')) ?? 'overview',
    from: dateOf(query.get('from')),
    to: dateOf(query.get('to')),
    scope: parseScope(query),
    by: query.get('by') === 'judge' ? 'judge' : 'division',
    ind: oneOf(INDICATOR_IDS, query.get('ind')) ?? DEFAULT_INDICATORS_ROUTE.ind,
    ...(week ? { week } : {}),
    ...(query.get('view') === 'monthly' ? { month: isMonth(query.get('month')) ? query.get('month') : null } : {}),
  };
}

export function formatIndicatorsRoute(route: IndicatorsRoute | IndicatorCasesRoute | IndicatorGroupRoute): string {
  const q = new URLSearchParams();
  if (route.name === 'indicatorGroup') {
    q.set('name', route.who);
    if (route.from) q.set('from', route.from);
    if (route.to) q.set('to', route.to);
    if (route.ind !== DEFAULT_INDICATORS_ROUTE.ind) q.set('ind', route.ind);
    return `#/indicators/${route.kind}?${q.toString()}`;
  }
  if (route.name === 'indicatorCases') {
    q.set('id', route.id);
    q.set('part', route.part);
    q.set('from', route.from);
    q.set('to', route.to);
    formatScope(route.scope, q);
    if (route.page > 1) q.set('page', String(route.page));
    return `#/indicators/cases?${q.toString()}`;
  }
  if (route.view !== 'overview') q.set('view', route.view);
  if (route.from) q.set('from', route.from);
  if (route.to) q.set('to', route.to);
  formatScope(route.scope, q);
  if (route.view === 'groups') {
    q.set('by', route.by);
    q.set('ind', route.ind);
  }
  if (route.view === 'weekly') {
    if (route.week) q.set('week', route.week);
    q.set('by', route.by);
  }
  if (route.view === 'monthly') {
    if (route.month) q.set('month', route.month);
    q.set('ind', route.ind);
  }
  const s = q.toString();
  return s ? `#/indicators?${s}` : '#/indicators';
}
