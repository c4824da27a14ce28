// 脱薄台账 (#/ledger): counts by status, filters by status, kind and owner, each weak point with its targets and measures, and for keepers the forms that add and edit them (#/ledger?meeting=N opens the new-measure form for that meeting).
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { MeasureView, WeakPointView } from '../../../../shared/ledger/api';
import { MEASURE_KINDS, MEASURE_KIND_LABELS, MEASURE_STATUSES, MEASURE_STATUS_LABELS, type MeasureKind, type MeasureStatus } from '../../../../shared/ledger/rules';
import { formatCount, formatDate } from '../../lib/format';
import { Link } from '../../components/Link';
import { router, stores } from '../../stores';
import { meetingRoute } from '../ledgerReview/routes';
import { filterActive, ownerNames, STATUS_TONE, visiblePoints } from './ledgerForms';
import { MeasureDetailDialog } from './MeasureDetailDialog';
import { MeasureFormDialog } from './MeasureFormDialog';
import { LedgerExportButtons } from './LedgerExportButtons';
import { PointSection } from './PointSection';
import { LEDGER_ROUTE, type LedgerRoute } from './routes';
import type { MeasureOrigin } from './store';
import { WeakPointFormDialog } from './WeakPointFormDialog';
import './ledger.css';

/** Which dialog is open: a weak point's form (null: a new one), a measure's form (with the weak point it starts from), a measure's detail. */
type Open =
  | { kind: 'point'; point: WeakPointView | null }
  | { kind: 'measure'; measure: MeasureView | null; pointId: number | null; origin?: MeasureOrigin }
  | { kind: 'detail'; id: number }
  | null;

export function LedgerPage({ route }: { route: LedgerRoute }) {
  const view = useStore(stores.ledger, (s) => s.view);
  const loading = useStore(stores.ledger, (s) => s.loading);
  const error = useStore(stores.ledger, (s) => s.error);
  const filter = useStore(stores.ledger, (s) => s.filter);
  const origin = useStore(stores.ledger, (s) => s.origin);
  const originError = useStore(stores.ledger, (s) => s.originError);
  const [open, setOpen] = useState<Open>(null);
  /** The meeting a measure was just added from: the window has no back button, so the page offers the way back. */
  const [savedFrom, setSavedFrom] = useState<MeasureOrigin | null>(null);
  const manage = view?.canManage ?? false;
  const fromMeeting = manage && route.meeting !== undefined;
  const canAddMeasure = (view?.weakPoints.length ?? 0) > 0;

  // 由此新增措施 (#/ledger?meeting=N): a keeper gets the new-measure form once the meeting is read; a reader the plain page.
  useEffect(() => {
    if (fromMeeting && canAddMeasure && origin && origin.id === route.meeting) setOpen((o) => o ?? { kind: 'measure', measure: null, pointId: null, origin });
  }, [fromMeeting, canAddMeasure, origin, route.meeting]);

  /** Closing the form opened from a meeting leaves its address, so that a reload does not open it again. */
  const closeDialog = (saved?: boolean) => {
    setSavedFrom(saved && open?.kind === 'measure' && open.origin ? open.origin : null);
    setOpen(null);
    if (route.meeting !== undefined) router.getState().navigate(LEDGER_ROUTE, { replace: true });
  };

  const head = (
    <div className="page-head ledger-head">
      <h1>脱薄台账</h1>
      {view ? (
        <span className="ledger-counts" data-testid="ledger-counts">
          {MEASURE_STATUSES.map((s) => (
            <span key={s} className={`ledger-count tone-${STATUS_TONE[s]}`} data-testid={`ledger-count-${s}`}>
              {MEASURE_STATUS_LABELS[s]} <strong>{formatCount(view.counts[s])}</strong>
            </span>
          ))}
          <span className="muted small">统计日期 {formatDate(view.today)}</span>
        </span>
      ) : null}
      <span className="push-right ledger-actions">
        {manage ? (
          <>
            <button type="button" className="primary" data-testid="ledger-add-point" onClick={() => setOpen({ kind: 'point', point: null })}>
              新增薄弱点
            </button>
            <button type="button" data-testid="ledger-add-measure" disabled={!view?.weakPoints.length} onClick={() => setOpen({ kind: 'measure', measure: null, pointId: null })}>
              新增措施
            </button>
          </>
        ) : null}
        <LedgerExportButtons />
        <button type="button" className="link-button" onClick={() => void stores.ledger.getState().load()}>
          刷新
        </button>
      </span>
    </div>
  );

  let body;
  if (error && !view) body = <div className="banner error" role="alert">{error}</div>;
  else if (!view) body = <p className="muted">{loading ? '正在读取台账…' : ''}</p>;
  else if (view.weakPoints.length === 0) body = <EmptyLedger manage={manage} onAdd={() => setOpen({ kind: 'point', point: null })} />;
  else {
    const rows = visiblePoints(view, filter);
    body = (
      <>
        <Filters owners={ownerNames(view)} />
        {error ? <div className="banner error" role="alert">{error}</div> : null}
        {fromMeeting && originError ? <div className="banner error" role="alert" data-testid="ledger-origin-error">{originError}</div> : null}
        {rows.length === 0 ? (
          <p className="muted" data-testid="ledger-filtered-empty">没有符合筛选条件的措施。</p>
        ) : (
          rows.map(({ point, measures }) => (
            <PointSection
              key={point.id}
              point={point}
              measures={measures}
              filtered={filterActive(filter)}
              manage={manage}
              onEdit={() => setOpen({ kind: 'point', point })}
              onAddMeasure={() => setOpen({ kind: 'measure', measure: null, pointId: point.id })}
              onEditMeasure={(m) => setOpen({ kind: 'measure', measure: m, pointId: null })}
              onOpenMeasure={(m) => setOpen({ kind: 'detail', id: m.id })}
            />
          ))
        )}
      </>
    );
  }

  return (
    <div className="page page-scroll ledger-page" data-testid="ledger-page">
      {head}
      {fromMeeting && view && !canAddMeasure ? (
        <div className="banner" role="status" data-testid="ledger-origin-nopoints">
          台账中还没有薄弱点：请先新增薄弱点，再回到分析会页面点“由此新增措施”。
        </div>
      ) : null}
      {savedFrom ? (
        <div className="banner" role="status" data-testid="ledger-origin-saved">
          已新增措施，注明来自“{savedFrom.title}”。 <Link to={meetingRoute(savedFrom.id)} testId="ledger-origin-back">返回该分析会</Link>
        </div>
      ) : null}
      {body}
      {open?.kind === 'point' ? <WeakPointFormDialog point={open.point} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'measure' ? <MeasureFormDialog measure={open.measure} pointId={open.pointId} origin={open.origin ?? null} onClose={closeDialog} /> : null}
      {open?.kind === 'detail' ? <MeasureDetailDialog id={open.id} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

function EmptyLedger({ manage, onAdd }: { manage: boolean; onAdd(): void }) {
  return (
    <div className="notice empty-start ledger-empty" data-testid="ledger-empty">
      <h2>台账中还没有薄弱点</h2>
      {manage ? (
        <>
          <p>第一步：点“新增薄弱点”，写明上级法院指出（或本院自查）的薄弱点，选择反映它的指标，并填写要达到的目标和日期。</p>
          <p>第二步：为每个薄弱点添加整改措施，写明责任领导、责任人、责任部门和起止日期；责任人登录后会在“审限预警”页看到自己的措施并填报进展。</p>
          <p>
            <button type="button" className="primary" data-testid="ledger-empty-add" onClick={onAdd}>
              新增薄弱点
            </button>
          </p>
        </>
      ) : (
        <p>薄弱点和整改措施由院长、分管院领导或审管办录入；录入后在这里查看。</p>
      )}
    </div>
  );
}

function Filters({ owners }: { owners: string[] }) {
  const filter = useStore(stores.ledger, (s) => s.filter);
  const set = stores.ledger.getState().setFilter;
  return (
    <div className="ledger-filters" role="group" aria-label="筛选措施" data-testid="ledger-filters">
      <label>
        状态
        <select value={filter.status} data-testid="ledger-filter-status" onChange={(e) => set({ status: e.target.value as MeasureStatus | '' })}>
          <option value="">全部</option>
          {MEASURE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {MEASURE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        类别
        <select value={filter.kind} data-testid="ledger-filter-kind" onChange={(e) => set({ kind: e.target.value as MeasureKind | '' })}>
          <option value="">全部</option>
          {MEASURE_KINDS.map((k) => (
            <option key={k} value={k}>
              {MEASURE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        责任人
        <select value={filter.owner} data-testid="ledger-filter-owner" onChange={(e) => set({ owner: e.target.value })}>
          <option value="">全部</option>
          {owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      {filterActive(filter) ? (
        <button type="button" className="link-button" data-testid="ledger-filter-clear" onClick={() => set({ status: '', kind: '', owner: '' })}>
          清除筛选
        </button>
      ) : null}
    </div>
  );
}
