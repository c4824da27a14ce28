// The case table with its pager: one page of 100 rows from a case-list store, long names cut with a tooltip; on a
// narrow window two-line rows instead of columns hidden behind a horizontal scrollbar.
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { CaseListRow } from '../../../shared/api/contract';
import { formatCount, formatDate, remainingCell, statusLabel } from '../lib/format';
import { MAX_PAGE, PAGE_SIZE, clampPage, pageCount, pageWindow } from '../lib/paging';
import { readWholeNumber } from '../lib/numbers';
import type { CaseListStore } from '../features/cases/caseList';
import type { CaseSort } from '../features/cases/filters';
import { router } from '../stores';
import { Link, isPlainClick } from './Link';
import { useWidth } from './useWidth';

interface CaseTableProps {
  store: CaseListStore;
  /** Go to another page of the same list. */
  onPage(page: number): void;
  /** Offered in the empty state when filters narrow the list. */
  onClearFilters?: () => void;
  emptyText?: string;
  /** Column headers that sort the list (the sorts cases.list offers); without it the headers are plain. */
  sorting?: { sort: CaseSort; onSort(sort: CaseSort): void };
}

/** The sorts a header switches between: the first on the first click, then back and forth. */
const HEADER_SORTS = {
  caseNumber: ['caseNumber_asc'],
  filedOn: ['filedOn_desc', 'filedOn_asc'],
  dueOn: ['dueOn_asc'],
} as const satisfies Record<string, readonly CaseSort[]>;

function SortHeader({ label, column, sorting, className, title }: { label: string; column: keyof typeof HEADER_SORTS; sorting?: CaseTableProps['sorting']; className?: string; title?: string }) {
  if (!sorting) {
    return (
      <th className={className} title={title}>
        {label}
      </th>
    );
  }
  const sorts: readonly CaseSort[] = HEADER_SORTS[column];
  const i = sorts.indexOf(sorting.sort);
  const active = i >= 0;
  const next = active ? sorts[(i + 1) % sorts.length] : sorts[0];
  const dir = active ? (sorting.sort.endsWith('_desc') ? 'descending' : 'ascending') : 'none';
  const arrow = dir === 'descending' ? '↓' : dir === 'ascending' ? '↑' : '';
  return (
    <th className={className} aria-sort={dir} title={title}>
      <button
        type="button"
        className={`sort-header${active ? ' active' : ''}`}
        data-testid={`sort-${column}`}
        data-sort={active ? sorting.sort : undefined}
        title={active && next === sorting.sort ? `已按${label.split(' ')[0]}排序` : `按${label.split(' ')[0]}排序`}
        onClick={() => {
          if (next !== sorting.sort) sorting.onSort(next);
        }}
      >
        {label}
        {/* Only the column the list is sorted by carries an arrow: the headers keep their width at 1024 px. */}
        {arrow ? (
          <span className="sort-arrow" aria-hidden="true">
            {arrow}
          </span>
        ) : null}
      </button>
    </th>
  );
}

function Cell({ text, className }: { text: string; className?: string }) {
  return (
    <td className={className} title={text}>
      {text}
    </td>
  );
}

/** Plaintiffs and defendants on one line, the way a docket lists them: 张三 诉 李四、王五. */
export function partiesText(row: Pick<CaseListRow, 'plaintiffs' | 'defendants'>): string {
  const p = row.plaintiffs.join('、');
  const d = row.defendants.join('、');
  if (p && d) return `${p} 诉 ${d}`;
  return p || d || '—';
}

/**
 * Below this width (a 1024×768 workstation leaves about 820 px for the table) nine columns of one line cannot all
 * be read: 案由 goes under 案号 and 承办法官 under 承办部门, on two-line rows, so 当事人, 剩余天数 and 状态 keep their room.
 */
export const COMPACT_BELOW_PX = 1100;

function Row({ row, compact }: { row: CaseListRow; compact: boolean }) {
  const remaining = remainingCell(row);
  const status = statusLabel(row);
  const to = { name: 'case' as const, caseNumber: row.caseNumber };
  const parties = partiesText(row);
  return (
    <tr
      className="case-row"
      data-testid="case-row"
      data-case-number={row.caseNumber}
      data-status={row.status}
      data-parties={parties}
      onClick={(e) => {
        if (isPlainClick(e)) router.getState().navigate(to);
      }}
    >
      {compact ? (
        <>
          <td className="col-number stacked" title={`${row.caseNumber}\n${row.cause}`}>
            <Link to={to}>{row.caseNumber}</Link>
            <span className="sub">{row.cause}</span>
          </td>
          <td className="col-parties wrap2" title={parties}>
            <span className="clamp2">{parties}</span>
          </td>
          <td className="stacked" title={`${row.division} · ${row.judge}`}>
            <span>{row.division}</span>
            <span className="sub">{row.judge}</span>
          </td>
        </>
      ) : (
        <>
          <td className="col-number" title={row.caseNumber}>
            <Link to={to}>{row.caseNumber}</Link>
          </td>
          <Cell text={row.cause} />
          <Cell text={parties} className="col-parties" />
          <Cell text={row.division} />
          <Cell text={row.judge} />
        </>
      )}
      <Cell text={formatDate(row.filedOn)} className="num" />
      <Cell text={row.dueOn ? formatDate(row.dueOn) : '—'} className="num" />
      <td className={`num remaining tone-${remaining.tone}`} title={remaining.title}>
        {remaining.text}
      </td>
      <td title={status.text}>
        <span className={`chip tone-${status.tone}`}>{status.text}</span>
      </td>
    </tr>
  );
}

export function CaseTable({ store, onPage, onClearFilters, emptyText = '没有符合条件的案件', sorting }: CaseTableProps) {
  const s = useStore(store);
  const scroller = useRef<HTMLDivElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const width = useWidth(wrap);
  const compact = width !== null && width < COMPACT_BELOW_PX;

  // A new page starts at its top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [s.page, s.filters]);

  const firstLoad = s.loading && !s.loaded;
  let body;
  if (s.error) {
    body = (
      <div className="table-state error" data-testid="case-error" role="alert">
        <p>{s.error}</p>
        <button type="button" onClick={() => void store.getState().reload()}>
          重试
        </button>
      </div>
    );
  } else if (firstLoad) {
    body = <div className="table-state">正在加载案件…</div>;
  } else if (s.loaded && s.rows.length === 0) {
    body =
      s.page > 1 ? (
        <div className="table-state" data-testid="case-empty">
          <p>第 {formatCount(s.page)} 页没有案件。</p>
          <button type="button" onClick={() => onPage(1)}>
            回到第一页
          </button>
        </div>
      ) : (
        <div className="table-state" data-testid="case-empty">
          <p>{emptyText}</p>
          {onClearFilters ? (
            <button type="button" onClick={onClearFilters}>
              清除筛选条件
            </button>
          ) : null}
        </div>
      );
  }

  return (
    <div className="case-table-wrap" ref={wrap}>
      <div className={`table-scroll${s.loading && s.loaded ? ' is-loading' : ''}`} ref={scroller}>
        <table className={`case-table${compact ? ' compact' : ''}`} data-testid="case-table" data-layout={compact ? 'compact' : 'wide'} aria-busy={s.loading}>
          {compact ? (
            <colgroup>
              <col className="w-number" />
              <col className="w-parties" />
              <col className="w-handler" />
              <col className="w-date" />
              <col className="w-date" />
              <col className="w-remaining" />
              <col className="w-status" />
            </colgroup>
          ) : (
            <colgroup>
              <col className="w-number" />
              <col className="w-cause" />
              <col className="w-parties" />
              <col className="w-division" />
              <col className="w-judge" />
              <col className="w-date" />
              <col className="w-date" />
              <col className="w-remaining" />
              <col className="w-status" />
            </colgroup>
          )}
          <thead>
            {compact ? (
              <tr>
                <SortHeader label="案号 / 案由" column="caseNumber" sorting={sorting} />
                <th>当事人</th>
                <th title="承办部门 / 承办法官">承办</th>
                <SortHeader label="立案日期" column="filedOn" sorting={sorting} className="num" />
                <SortHeader label="审限届满日" column="dueOn" sorting={sorting} className="num" />
                <th className="num">剩余天数</th>
                <th>状态</th>
              </tr>
            ) : (
              <tr>
                <SortHeader label="案号" column="caseNumber" sorting={sorting} />
                <th>案由</th>
                <th>当事人</th>
                <th>承办部门</th>
                <th>承办法官</th>
                <SortHeader label="立案日期" column="filedOn" sorting={sorting} className="num" />
                <SortHeader label="审限届满日" column="dueOn" sorting={sorting} className="num" />
                <th className="num">剩余天数</th>
                <th>状态</th>
              </tr>
            )}
          </thead>
          <tbody>{body ? null : s.rows.map((row) => <Row key={row.id} row={row} compact={compact} />)}</tbody>
        </table>
        {body}
      </div>
      <Pager
        page={s.page}
        total={s.total}
        hasMore={s.hasMore}
        rowsOnPage={s.rows.length}
        loading={s.loading}
        onPage={onPage}
      />
    </div>
  );
}

interface PagerProps {
  page: number;
  total: number | null;
  hasMore: boolean;
  rowsOnPage: number;
  loading: boolean;
  onPage(page: number): void;
}

function Pager({ page, total, hasMore, rowsOnPage, loading, onPage }: PagerProps) {
  const [jump, setJump] = useState('');
  const [jumpError, setJumpError] = useState<string | null>(null);
  const last = total !== null ? pageCount(total) : null;
  const canNext = hasMore || (last !== null && page < last);
  const from = rowsOnPage ? (page - 1) * PAGE_SIZE + 1 : 0;
  const to = (page - 1) * PAGE_SIZE + rowsOnPage;
  const go = (p: number) => {
    const target = clampPage(last !== null ? Math.min(p, last) : p);
    if (target !== page) onPage(target);
  };
  return (
    <div className="pager" data-testid="pager">
      <div className="pager-info">
        {rowsOnPage ? (
          <span>
            第 {formatCount(from)}–{formatCount(to)} 件
          </span>
        ) : null}
        {loading ? <span className="pager-loading">正在加载…</span> : null}
      </div>
      <div className="pager-pages">
        <button type="button" disabled={page <= 1} onClick={() => go(page - 1)} data-testid="page-prev">
          上一页
        </button>
        {pageWindow(page, total, hasMore).map((p, i) =>
          p === null ? (
            <span key={`gap${i}`} className="pager-gap">
              …
            </span>
          ) : (
            <button
              type="button"
              key={p}
              className={p === page ? 'current' : undefined}
              aria-current={p === page ? 'page' : undefined}
              data-testid={p === page ? 'page-current' : undefined}
              onClick={() => go(p)}
            >
              {formatCount(p)}
            </button>
          ),
        )}
        <button type="button" disabled={!canNext} onClick={() => go(page + 1)} data-testid="page-next">
          下一页
        </button>
      </div>
      <form
        className="pager-jump"
        onSubmit={(e) => {
          e.preventDefault();
          // A page past the last goes to the last; a box that holds no page number says so and keeps what was typed.
          const n = readWholeNumber(jump, 1, MAX_PAGE, '页码');
          if ('error' in n) return setJumpError(n.error);
          setJumpError(null);
          if ('value' in n) go(n.value);
          setJump('');
        }}
      >
        <label>
          跳至
          <input
            value={jump}
            onChange={(e) => {
              setJump(e.target.value);
              setJumpError(null);
            }}
            inputMode="numeric"
            aria-label="页码"
            aria-invalid={jumpError ? true : undefined}
            className={jumpError ? 'invalid' : undefined}
            data-testid="page-jump"
          />
          页
        </label>
        {jumpError ? (
          <span className="field-error" role="alert" data-testid="page-jump-error">
            {jumpError}
          </span>
        ) : last !== null ? (
          <span className="pager-total">共 {formatCount(last)} 页</span>
        ) : null}
      </form>
    </div>
  );
}
