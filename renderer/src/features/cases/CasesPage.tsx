// 案件: the filtered, paged list of every case of this court.
import { useStore } from 'zustand';
import type { JudgeView } from '../../../../shared/api/contract';
import { CaseTable } from '../../components/CaseTable';
import { TotalLine } from '../../components/TotalLine';
import { ScopeLine } from '../../components/ScopeLine';
import { useDebouncedInput } from '../../components/useDebouncedInput';
import {
  DEFAULT_FILTERS,
  PROCEDURE_OPTIONS,
  SORT_OPTIONS,
  STATUS_OPTIONS,
  cleanSearch,
  hasActiveFilters,
  isCaseSort,
  isProcedure,
  isStatusFilter,
  parseRemaining,
  type CaseFilters,
} from './filters';
import { router, stores } from '../../stores';
import { judgesKey } from '../../stores/app';

function go(filters: CaseFilters, page = 1) {
  router.getState().navigate({ name: 'cases', filters, page });
}

function update(patch: Partial<CaseFilters>) {
  go({ ...stores.cases.getState().filters, ...patch });
}

function remainingText(n: number | null): string {
  return n === null ? '' : String(n);
}

function RemainingBox({ value, field, testId, label }: { value: number | null; field: 'remainingMin' | 'remainingMax'; testId: string; label: string }) {
  const box = useDebouncedInput(
    remainingText(value),
    (text) => {
      const n = parseRemaining(text);
      if (text.trim() === '' || n !== null) update({ [field]: text.trim() === '' ? null : n });
    },
    400,
    (a, b) => (a.trim() === '' ? null : parseRemaining(a)) === (b.trim() === '' ? null : parseRemaining(b)),
  );
  const invalid = box.value.trim() !== '' && parseRemaining(box.value) === null;
  return (
    <input
      className={`num-input${invalid ? ' invalid' : ''}`}
      data-testid={testId}
      aria-label={label}
      title={invalid ? '请输入整数天数，例如 7 或 -30' : label}
      inputMode="numeric"
      placeholder={field === 'remainingMin' ? '最少' : '最多'}
      value={box.value}
      onChange={box.onChange}
      onCompositionStart={box.onCompositionStart}
      onCompositionEnd={box.onCompositionEnd}
      onKeyDown={(e) => {
        if (e.key === 'Enter') box.flush();
      }}
    />
  );
}

function SearchBox({ value }: { value: string }) {
  const box = useDebouncedInput(value, (text) => update({ search: cleanSearch(text) }), 250, (a, b) => cleanSearch(a) === cleanSearch(b));
  return (
    <input
      type="search"
      className="search-input"
      data-testid="search-input"
      aria-label="搜索案号或当事人"
      placeholder="案号片段或当事人姓名"
      maxLength={60}
      value={box.value}
      onChange={box.onChange}
      onCompositionStart={box.onCompositionStart}
      onCompositionEnd={box.onCompositionEnd}
      onKeyDown={(e) => {
        if (e.key === 'Enter') box.flush();
      }}
    />
  );
}

function FilterBar({ filters }: { filters: CaseFilters }) {
  const divisions = useStore(stores.app, (s) => s.divisions);
  const judgesByKey = useStore(stores.app, (s) => s.judges);
  const judges: JudgeView[] | undefined = judgesByKey[judgesKey(filters.divisionId)];
  const judgeKnown = filters.judgeId === null || (judges ?? []).some((j) => j.id === filters.judgeId);

  return (
    <div className="filter-bar" role="search">
      <div className="filter filter-search">
        <SearchBox value={filters.search} />
      </div>
      <label className="filter">
        <span>状态</span>
        <select
          data-testid="filter-status"
          value={filters.status}
          onChange={(e) => update({ status: isStatusFilter(e.target.value) ? e.target.value : '' })}
        >
          {STATUS_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>部门</span>
        <select
          data-testid="filter-division"
          className="w-division-select"
          value={filters.divisionId === null ? '' : String(filters.divisionId)}
          onChange={(e) => {
            const id = e.target.value ? Number(e.target.value) : null;
            update({ divisionId: id, judgeId: null });
          }}
        >
          <option value="">全部部门</option>
          {divisions.map((d) => (
            <option key={d.id} value={String(d.id)}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>法官</span>
        <select
          data-testid="filter-judge"
          className="w-judge-select"
          value={filters.judgeId === null ? '' : String(filters.judgeId)}
          onChange={(e) => update({ judgeId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{filters.divisionId === null ? '全部法官' : '本部门全部法官'}</option>
          {!judgeKnown && filters.judgeId !== null ? <option value={String(filters.judgeId)}>（所选法官）</option> : null}
          {(judges ?? []).map((j) => (
            <option key={j.id} value={String(j.id)}>
              {j.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>程序</span>
        <select
          data-testid="filter-procedure"
          value={filters.procedure}
          onChange={(e) => update({ procedure: isProcedure(e.target.value) ? e.target.value : '' })}
        >
          <option value="">全部程序</option>
          {PROCEDURE_OPTIONS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <div className="filter" title="只含审限正在计算的未结案件；负数表示已超审限的天数">
        <span>剩余天数</span>
        <RemainingBox value={filters.remainingMin} field="remainingMin" testId="filter-remaining-min" label="剩余天数下限" />
        <span className="range-sep">至</span>
        <RemainingBox value={filters.remainingMax} field="remainingMax" testId="filter-remaining-max" label="剩余天数上限（≤ N 天）" />
      </div>
      <label className="filter">
        <span>排序</span>
        <select data-testid="filter-sort" value={filters.sort} onChange={(e) => update({ sort: isCaseSort(e.target.value) ? e.target.value : DEFAULT_FILTERS.sort })}>
          {SORT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="link-button"
        data-testid="filter-clear"
        disabled={!hasActiveFilters(filters)}
        onClick={() => go({ ...DEFAULT_FILTERS, sort: filters.sort })}
      >
        清除筛选
      </button>
    </div>
  );
}

export function CasesPage() {
  const filters = useStore(stores.cases, (s) => s.filters);
  const total = useStore(stores.cases, (s) => s.total);
  const totalLoading = useStore(stores.cases, (s) => s.totalLoading);
  const totalError = useStore(stores.cases, (s) => s.totalError);
  return (
    <div className="page page-list" data-testid="cases-page">
      <div className="page-head">
        <h1>案件</h1>
        <TotalLine total={total} loading={totalLoading} error={totalError} />
        <ScopeLine />
      </div>
      <FilterBar filters={filters} />
      <CaseTable
        store={stores.cases}
        onPage={(page) => go(stores.cases.getState().filters, page)}
        onClearFilters={hasActiveFilters(filters) ? () => go({ ...DEFAULT_FILTERS, sort: filters.sort }) : undefined}
      />
    </div>
  );
}
