// 案件: the filtered, paged list of the cases this person may see, with filters that offer only what his scope shows,
// his saved filters and presets (我的筛选), column headers that sort, and 新增案件 for those who register cases.
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { CaseTable } from '../../components/CaseTable';
import { Link } from '../../components/Link';
import { userCan } from '../auth/session';
import { SavedFilterBar } from './SavedFilterBar';
import { ExportButton } from './ExportButton';
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
  checkRemainingRange,
  readRemaining,
  type CaseFilters,
} from './filters';
import { scopeChoices } from './scopeFilters';
import { scopeLabel } from '../../../../shared/accounts/roles';
import { router, session, stores } from '../../stores';
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

/** Whether a box's text means the value applied (so a change from elsewhere does not overwrite what is typed). */
function means(text: string, value: number | null): boolean {
  const r = readRemaining(text);
  return 'empty' in r && r.empty ? value === null : 'value' in r && r.value === value;
}

/**
 * 剩余天数 from–to: both boxes are checked together and applied after a pause in typing; while they hold something
 * that is not a range (letters, a minimum above the maximum) the list stays as it was and the reason shows beside them.
 */
function RemainingRange({ min, max }: { min: number | null; max: number | null }) {
  const [minText, setMinText] = useState(remainingText(min));
  const [maxText, setMaxText] = useState(remainingText(max));
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const texts = useRef({ min: minText, max: maxText });
  texts.current = { min: minText, max: maxText };

  // Changed from elsewhere (back/forward, 清除筛选, a 审限预警 link): show it.
  useEffect(() => setMinText((t) => (means(t, min) ? t : remainingText(min))), [min]);
  useEffect(() => setMaxText((t) => (means(t, max) ? t : remainingText(max))), [max]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function apply() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const c = checkRemainingRange(texts.current.min, texts.current.max);
    const applied = stores.cases.getState().filters;
    if (c.ok && (c.min !== applied.remainingMin || c.max !== applied.remainingMax)) update({ remainingMin: c.min, remainingMax: c.max });
  }
  function schedule() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (!composing.current) apply();
    }, 400);
  }

  const check = checkRemainingRange(minText, maxText);
  const bad = (which: 'min' | 'max') => !check.ok && check.invalid.includes(which);
  const box = (which: 'min' | 'max') => {
    const value = which === 'min' ? minText : maxText;
    return (
      <input
        className={`num-input${bad(which) ? ' invalid' : ''}`}
        data-testid={which === 'min' ? 'filter-remaining-min' : 'filter-remaining-max'}
        aria-label={which === 'min' ? '剩余天数下限（≥ N 天）' : '剩余天数上限（≤ N 天）'}
        aria-invalid={bad(which) ? true : undefined}
        aria-describedby={bad(which) ? 'remaining-error' : undefined}
        inputMode="numeric"
        placeholder={which === 'min' ? '最少' : '最多'}
        value={value}
        onChange={(e) => {
          (which === 'min' ? setMinText : setMaxText)(e.target.value);
          texts.current = { ...texts.current, [which]: e.target.value };
          if (!composing.current) schedule();
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          texts.current = { ...texts.current, [which]: e.currentTarget.value };
          schedule();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
      />
    );
  };
  return (
    <div className="filter filter-remaining" title="只含审限正在计算的未结案件；负数表示已超审限的天数">
      <span>剩余天数</span>
      {box('min')}
      <span className="range-sep">至</span>
      {box('max')}
      {!check.ok ? (
        <span className="field-error" id="remaining-error" role="alert" data-testid="filter-remaining-error">
          {check.message}
        </span>
      ) : null}
    </div>
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

/** A filter with nothing to choose: the one value, and in a few words why (in full on hover). */
function FixedChoice({ label, choice, testId }: { label: string; choice: { text: string; note: string; why: string }; testId: string }) {
  return (
    <div className="filter" data-testid={testId} title={choice.why}>
      <span>{label}</span>
      <span className="filter-fixed">{choice.text}</span>
      <span className="filter-why">{choice.note}</span>
    </div>
  );
}

function FilterBar({ filters }: { filters: CaseFilters }) {
  const user = useStore(session, (s) => s.user);
  const divisions = useStore(stores.app, (s) => s.divisions);
  const judgesByKey = useStore(stores.app, (s) => s.judges);
  const wantedJudges = scopeChoices(user, divisions, undefined, filters.divisionId).judgesOf;
  const choices = scopeChoices(user, divisions, judgesByKey[judgesKey(wantedJudges)], filters.divisionId);
  const judges = choices.judge.kind === 'select' ? choices.judge.options : [];
  const judgeKnown = filters.judgeId === null || judges.some((j) => j.id === filters.judgeId);

  // A division's staff see its judges, not the court's: fetched once the division's id is known.
  useEffect(() => {
    if (choices.judge.kind === 'select') void stores.app.getState().loadJudges(choices.judgesOf);
  }, [choices.judgesOf, choices.judge.kind]);

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
      {choices.division.kind === 'select' ? (
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
            {choices.division.options.map((d) => (
              <option key={d.id} value={String(d.id)}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      ) : choices.division.kind === 'fixed' ? (
        <FixedChoice label="部门" choice={choices.division} testId="filter-division-fixed" />
      ) : null}
      {choices.judge.kind === 'select' ? (
        <label className="filter">
          <span>法官</span>
          <select
            data-testid="filter-judge"
            className="w-judge-select"
            value={filters.judgeId === null ? '' : String(filters.judgeId)}
            onChange={(e) => update({ judgeId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">{choices.judgesOf === null ? '全部法官' : '本部门全部法官'}</option>
            {!judgeKnown && filters.judgeId !== null ? <option value={String(filters.judgeId)}>（所选法官）</option> : null}
            {judges.map((j) => (
              <option key={j.id} value={String(j.id)}>
                {j.name}
              </option>
            ))}
          </select>
        </label>
      ) : choices.judge.kind === 'fixed' ? (
        <FixedChoice label="法官" choice={choices.judge} testId="filter-judge-fixed" />
      ) : null}
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
      <RemainingRange min={filters.remainingMin} max={filters.remainingMax} />
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
  const mayRegister = useStore(session, (s) => userCan(s.user, 'cases.register'));
  // Importing a file registers cases court-wide: only accounts whose scope is the whole court.
  const mayImport = useStore(session, (s) => userCan(s.user, 'cases.register') && s.user?.scope === scopeLabel({ kind: 'all' }));
  return (
    <div className="page page-list" data-testid="cases-page">
      <div className="page-head">
        <h1>案件</h1>
        <TotalLine total={total} loading={totalLoading} error={totalError} />
        <ScopeLine />
        <ExportButton className="push-right" filters={filters} total={total} title="案件列表" filePrefix="案件列表" />
        {mayImport ? (
          <Link to={{ name: 'caseImport' }} className="button-link" testId="case-import">
            导入
          </Link>
        ) : null}
        {mayRegister ? (
          <Link to={{ name: 'caseNew' }} className="button-link primary" testId="case-new">
            + 新增案件
          </Link>
        ) : null}
      </div>
      <SavedFilterBar filters={filters} />
      <FilterBar filters={filters} />
      <CaseTable
        store={stores.cases}
        onPage={(page) => go(stores.cases.getState().filters, page)}
        onClearFilters={hasActiveFilters(filters) ? () => go({ ...DEFAULT_FILTERS, sort: filters.sort }) : undefined}
        sorting={{ sort: filters.sort, onSort: (sort) => update({ sort }) }}
      />
    </div>
  );
}
