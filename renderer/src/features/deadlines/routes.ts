// The 审限预警 address (#/deadlines?view=due7&page=2) and the case-list filters behind each of its lists.
import { parsePage, type HashPath } from '../../router/hash';
import { DEFAULT_FILTERS, type CaseFilters } from '../cases/filters';

export const DEADLINE_VIEWS = ['overdue', 'due7', 'due15', 'due30', 'suspended', 'mediation', 'hidden', 'cold'] as const;
export type DeadlineListView = (typeof DEADLINE_VIEWS)[number];

/** The views that are alert lists of their own (deadlines.hidden, deadlines.cold), not filters of the case list. */
export function isAlertView(view: DeadlineListView): view is 'hidden' | 'cold' {
  return view === 'hidden' || view === 'cold';
}

export interface DeadlinesRoute {
  name: 'deadlines';
  view: DeadlineListView;
  page: number;
}

export function parseDeadlinesRoute({ head, parts, query }: HashPath): DeadlinesRoute | null {
  if (head !== 'deadlines' || parts.length !== 1) return null;
  const v = query.get('view');
  const view = (DEADLINE_VIEWS as readonly string[]).includes(v ?? '') ? (v as DeadlineListView) : 'overdue';
  return { name: 'deadlines', view, page: parsePage(query.get('page')) };
}

export function formatDeadlinesRoute(route: DeadlinesRoute): string {
  const q = new URLSearchParams({ view: route.view });
  if (route.page > 1) q.set('page', String(route.page));
  return `#/deadlines?${q.toString()}`;
}

/** The filters behind each 审限预警 list; they match the counts of deadlines.summary. */
export function deadlineViewFilters(view: DeadlineListView): CaseFilters {
  const base: CaseFilters = { ...DEFAULT_FILTERS, sort: 'dueOn_asc' };
  switch (view) {
    case 'overdue':
      return { ...base, status: 'overdue' };
    case 'suspended':
      // The card counts every stopped clock; stopped clocks sort by their frozen days remaining.
      return { ...base, status: 'stopped' };
    case 'due7':
      return { ...base, remainingMin: 0, remainingMax: 7 };
    case 'due15':
      return { ...base, remainingMin: 0, remainingMax: 15 };
    case 'due30':
      return { ...base, remainingMin: 0, remainingMax: 30 };
    case 'mediation':
      return { ...base, status: 'mediation_due' };
    case 'hidden':
    case 'cold':
      // Not a filter of the case list: the open cases, for 在案件列表中继续筛选 were it offered.
      return { ...base, status: 'open' };
  }
}
