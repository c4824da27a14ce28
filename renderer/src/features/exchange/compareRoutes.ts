// 各院对比's addresses: the comparison (#/exchange/compare?ind=clearanceRate, the indicator of the small multiples) and one basic court's received cases and extension requests (#/exchange/court?code=辽0421&filter=overdue&page=2).
import { INDICATOR_IDS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import { COURT_CASE_FILTERS, type CourtCaseFilter } from '../../../../shared/exchange/compareApi';
import { parsePage, type HashPath } from '../../router/hash';

export interface ExchangeCompareRoute {
  name: 'exchangeCompare';
  ind: IndicatorId;
}
export interface ExchangeCourtRoute {
  name: 'exchangeCourt';
  code: string;
  filter: CourtCaseFilter;
  page: number;
}

export const DEFAULT_TREND: IndicatorId = 'clearanceRate';
export const COURT_PAGE_SIZE = 50;

export function parseCompareRoute(path: HashPath): ExchangeCompareRoute | ExchangeCourtRoute | null {
  if (path.head !== 'exchange' || path.parts.length !== 2) return null;
  const q = path.query;
  if (path.parts[1] === 'compare') {
    const ind = q.get('ind');
    return { name: 'exchangeCompare', ind: ind && (INDICATOR_IDS as readonly string[]).includes(ind) ? (ind as IndicatorId) : DEFAULT_TREND };
  }
  if (path.parts[1] === 'court') {
    const code = (q.get('code') ?? '').trim().slice(0, 20);
    if (!code) return null;
    const f = q.get('filter');
    const filter = f && (COURT_CASE_FILTERS as readonly string[]).includes(f) ? (f as CourtCaseFilter) : 'open';
    return { name: 'exchangeCourt', code, filter, page: parsePage(q.get('page')) };
  }
  return null;
}

export function formatCompareRoute(r: ExchangeCompareRoute | ExchangeCourtRoute): string {
  if (r.name === 'exchangeCompare') return r.ind === DEFAULT_TREND ? '#/exchange/compare' : `#/exchange/compare?ind=${r.ind}`;
  const q = new URLSearchParams({ code: r.code });
  if (r.filter !== 'open') q.set('filter', r.filter);
  if (r.page > 1) q.set('page', String(r.page));
  return `#/exchange/court?${q.toString()}`;
}
