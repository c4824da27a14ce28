// 我的筛选: each person's own named case-list filters (cases.savedFilters / saveFilter / deleteFilter), and the
// presets offered to every person by what his scope shows (我的超期案件, 本庭15日内到期 …).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CourtDeskApi, DivisionView, JudgeView, SavedFilterView, SignedInUser } from '../../../../shared/api/contract';
import { schemaMessage } from './formFields';
import { caseWorkApi } from '../../../../shared/cases/workApi';
import { DEFAULT_FILTERS, countKey, normalizeFilters, toFilterArgs, type CaseFilters } from './filters';
import { scopeKindOf } from './scopeFilters';

export interface SavedFiltersState {
  items: SavedFilterView[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  load(opts?: { force?: boolean }): Promise<void>;
  /** Saves the filters under a name (an existing name is replaced); null, or why not. */
  save(name: string, filters: CaseFilters): Promise<string | null>;
  remove(name: string): Promise<string | null>;
  reset(): void;
}

export type SavedFiltersStore = StoreApi<SavedFiltersState>;
export type SavedFiltersApi = Pick<CourtDeskApi, 'cases.savedFilters' | 'cases.saveFilter' | 'cases.deleteFilter'>;

/** The name box, checked as the core checks it. */
export function filterNameProblem(name: string): string | null {
  return schemaMessage(caseWorkApi['cases.saveFilter'].args.shape.name, name);
}

/** A saved filter as the list's filters (what the core keeps is the cases.list filter; the sort is the list's own). */
export function savedToFilters(saved: Pick<SavedFilterView, 'filters'>, sort: CaseFilters['sort'] = DEFAULT_FILTERS.sort): CaseFilters {
  // The keys are the API's filter keys, which the screen's filters share; anything else (an unknown key) is dropped.
  return { ...normalizeFilters(saved.filters as Partial<Record<keyof CaseFilters, unknown>>), sort };
}

/** Whether the list shows exactly this filter (the sort aside). */
export function showsFilter(current: CaseFilters, filters: CaseFilters): boolean {
  return countKey(current) === countKey(filters);
}

export function createSavedFiltersStore(api: SavedFiltersApi): SavedFiltersStore {
  let generation = 0;
  return createStore<SavedFiltersState>()((set, get) => ({
    items: [],
    loaded: false,
    loading: false,
    error: null,

    async load(opts) {
      if (!opts?.force && (get().loaded || get().loading)) return;
      const gen = generation;
      set({ loading: true, error: null });
      const res = await api['cases.savedFilters']({});
      if (gen !== generation) return;
      if (res.ok) set({ items: res.value, loaded: true, loading: false, error: null });
      else set({ loading: false, error: res.error.message });
    },

    async save(name, filters) {
      const problem = filterNameProblem(name);
      if (problem) return problem;
      const gen = generation;
      const res = await api['cases.saveFilter']({ name: name.trim(), filters: toFilterArgs(filters) });
      if (gen !== generation) return null;
      if (!res.ok) return res.error.message.replace(/^参数“[^”]*”：/, '');
      set({ items: res.value, loaded: true, error: null });
      return null;
    },

    async remove(name) {
      const gen = generation;
      const res = await api['cases.deleteFilter']({ name });
      if (gen !== generation) return null;
      if (!res.ok) return res.error.message;
      set({ items: res.value, loaded: true, error: null });
      return null;
    },

    reset() {
      generation++;
      set({ items: [], loaded: false, loading: false, error: null });
    },
  }));
}

export interface FilterPreset {
  /** Stable key (data-testid, the select's value). */
  key: string;
  name: string;
  filters: CaseFilters;
  /** In full on hover: what the preset lists. */
  title: string;
}

const within15 = { remainingMin: 0, remainingMax: 15 } as const;

/**
 * The presets a person is offered, by his scope: a judge sees only his own cases (so his 超期 is his); a division's
 * staff and head their division's; the court-wide their court's, and a judge among them his own, found by name in
 * the judges list. Nothing is offered that would list what the scope cannot show.
 */
export function filterPresets(
  user: Pick<SignedInUser, 'name' | 'roles' | 'scope' | 'division'> | null,
  divisions: readonly DivisionView[],
  judges: readonly JudgeView[],
): FilterPreset[] {
  if (!user) return [];
  const kind = scopeKindOf(user.scope);
  const base = { ...DEFAULT_FILTERS, sort: 'dueOn_asc' as const };
  const out: FilterPreset[] = [];
  if (kind === 'own') {
    out.push({ key: 'my-overdue', name: '我的超期案件', filters: { ...base, status: 'overdue' }, title: '本人承办、已超审限的未结案件' });
    out.push({ key: 'my-due15', name: '我的15日内到期', filters: { ...base, ...within15 }, title: '本人承办、审限剩余 0–15 天的未结案件' });
    return out;
  }
  const handles = user.roles.includes('judge') || user.roles.includes('division_head');
  const me = handles ? judges.find((j) => j.name === user.name) : undefined;
  if (me) {
    out.push({ key: 'my-overdue', name: '我的超期案件', filters: { ...base, status: 'overdue', judgeId: me.id }, title: '本人承办、已超审限的未结案件' });
  }
  if (kind === 'division') {
    out.push({ key: 'division-overdue', name: '本庭超期案件', filters: { ...base, status: 'overdue' }, title: '本部门已超审限的未结案件' });
    out.push({ key: 'division-due15', name: '本庭15日内到期', filters: { ...base, ...within15 }, title: '本部门审限剩余 0–15 天的未结案件' });
  } else if (kind === 'all') {
    const mine = user.division ? divisions.find((d) => d.name === user.division) : undefined;
    if (mine) {
      out.push({ key: 'division-due15', name: '本庭15日内到期', filters: { ...base, ...within15, divisionId: mine.id }, title: `${mine.name}审限剩余 0–15 天的未结案件` });
    }
    out.push({ key: 'court-overdue', name: '全院超期案件', filters: { ...base, status: 'overdue' }, title: '全院已超审限的未结案件' });
    out.push({ key: 'court-due15', name: '全院15日内到期', filters: { ...base, ...within15 }, title: '全院审限剩余 0–15 天的未结案件' });
  }
  return out;
}
