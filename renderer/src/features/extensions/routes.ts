// The 延审 addresses: the desk (#/extensions, with ?view=all and the filter a study figure carries, so the list
// behind a bar is an address one can share) and 延审原因分析 (#/extensions/study?from=…&to=…&division=…).
import { STUDY_OUTCOMES, STUDY_REASON_KEYS, type ExtensionFilter, type StudyOutcome, type StudyReasonKey } from '../../../../shared/extensions/study';
import { isIsoDate } from '../../../../shared/dates/calendar';
import type { HashPath } from '../../router/hash';

export type ExtensionsView = 'waiting' | 'decided' | 'all';

export interface ExtensionsRoute {
  name: 'extensions';
  /** Absent on the plain address: the desk keeps the tab it last showed. */
  view?: ExtensionsView;
  filter?: ExtensionFilter;
}

export interface ExtensionStudyRoute {
  name: 'extensionStudy';
  /** Null: the core's default, this year to date. */
  from: string | null;
  to: string | null;
  divisionId: number | null;
}

const VIEWS: readonly ExtensionsView[] = ['waiting', 'decided', 'all'];
const idOf = (v: string | null): number | undefined => (v !== null && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : undefined);
const dateOf = (v: string | null): string | undefined => (v !== null && isIsoDate(v) ? v : undefined);

/** The filter of an address; a bad value is dropped (addresses are typed and bookmarked), never an error. */
export function parseFilter(q: URLSearchParams): ExtensionFilter {
  const f: ExtensionFilter = {};
  const from = dateOf(q.get('from'));
  const to = dateOf(q.get('to'));
  if (from) f.from = from;
  if (to) f.to = to;
  const reason = q.get('reason');
  if (reason !== null && (STUDY_REASON_KEYS as readonly string[]).includes(reason)) f.reason = reason as StudyReasonKey;
  const division = idOf(q.get('division'));
  if (division) f.divisionId = division;
  const judge = idOf(q.get('judge'));
  if (judge) f.judgeId = judge;
  const outcome = q.get('outcome');
  if (outcome !== null && (STUDY_OUTCOMES as readonly string[]).includes(outcome)) f.outcome = outcome as StudyOutcome;
  const late = q.get('late');
  if (late === '1' || late === '0') f.late = late === '1';
  return f;
}

export function formatFilter(f: ExtensionFilter, q: URLSearchParams): void {
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.reason) q.set('reason', f.reason);
  if (f.divisionId) q.set('division', String(f.divisionId));
  if (f.judgeId) q.set('judge', String(f.judgeId));
  if (f.outcome) q.set('outcome', f.outcome);
  if (f.late !== undefined) q.set('late', f.late ? '1' : '0');
}

export const hasFilter = (f: ExtensionFilter | undefined | null): f is ExtensionFilter => !!f && Object.keys(f).length > 0;

export function parseExtensionsRoute({ head, parts, query }: HashPath): ExtensionsRoute | ExtensionStudyRoute | null {
  if (head !== 'extensions') return null;
  if (parts.length === 2 && parts[1] === 'study') {
    return { name: 'extensionStudy', from: dateOf(query.get('from')) ?? null, to: dateOf(query.get('to')) ?? null, divisionId: idOf(query.get('division')) ?? null };
  }
  if (parts.length !== 1) return null;
  const v = query.get('view');
  const filter = parseFilter(query);
  const route: ExtensionsRoute = { name: 'extensions' };
  if (v !== null && (VIEWS as readonly string[]).includes(v)) route.view = v as ExtensionsView;
  if (hasFilter(filter)) {
    route.filter = filter;
    route.view ??= 'all';
  }
  return route;
}

export function formatExtensionsRoute(route: ExtensionsRoute | ExtensionStudyRoute): string {
  const q = new URLSearchParams();
  if (route.name === 'extensionStudy') {
    if (route.from) q.set('from', route.from);
    if (route.to) q.set('to', route.to);
    if (route.divisionId) q.set('division', String(route.divisionId));
    const s = q.toString();
    return s ? `#/extensions/study?${s}` : '#/extensions/study';
  }
  if (route.view) q.set('view', route.view);
  if (route.filter) formatFilter(route.filter, q);
  const s = q.toString();
  return s ? `#/extensions?${s}` : '#/extensions';
}

/** The presets' periods: shared with 质效指标 (lib/period.ts). */
export { presetPeriod } from '../../lib/period';
