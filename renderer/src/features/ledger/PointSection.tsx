// One weak point on 脱薄台账: what and who found it, its indicator targets with the figure before the measures and now, a link to its trend, and its measures as a table whose rows open the measure's detail.
import { useRef } from 'react';
import type { LedgerFigure, MeasureView, TargetView, WeakPointView } from '../../../../shared/ledger/api';
import { useWidth } from '../../components/useWidth';
import { formatDate } from '../../lib/format';
import { latestProgress } from './ledgerForms';
import { StatusChip } from './StatusChip';

interface Props {
  point: WeakPointView;
  measures: MeasureView[];
  /** The filters hide some of its measures. */
  filtered: boolean;
  manage: boolean;
  onEdit(): void;
  onAddMeasure(): void;
  onEditMeasure(m: MeasureView): void;
  onOpenMeasure(m: MeasureView): void;
}

export function PointSection({ point, measures, filtered, manage, onEdit, onAddMeasure, onEditMeasure, onOpenMeasure }: Props) {
  return (
    <section className="panel ledger-point" data-testid="ledger-point" data-id={point.id} aria-labelledby={`ledger-point-${point.id}`}>
      <div className="ledger-point-head">
        <h2 id={`ledger-point-${point.id}`} className="ledger-point-text" data-testid="ledger-point-text">
          {point.text}
        </h2>
        <span className="ledger-point-tools">
          <a href={`#/ledger/point?id=${point.id}`} data-testid="ledger-point-trend">
            查看趋势
          </a>
          {manage ? (
            <>
              <button type="button" className="link-button" data-testid="ledger-point-edit" onClick={onEdit}>
                编辑
              </button>
              <button type="button" className="link-button" data-testid="ledger-point-add-measure" onClick={onAddMeasure}>
                添加措施
              </button>
            </>
          ) : null}
        </span>
      </div>
      <p className="muted small ledger-point-meta" data-testid="ledger-point-meta">
        发现者 {point.foundByLabel} · 发现日期 {formatDate(point.foundOn)}
        {point.firstStartOn ? ` · 首项措施开始于 ${formatDate(point.firstStartOn)}` : ' · 尚无措施开始'}
      </p>
      <TargetsTable targets={point.targets} />
      {measures.length ? (
        <MeasuresTable measures={measures} manage={manage} onEdit={onEditMeasure} onOpen={onOpenMeasure} />
      ) : (
        <p className="muted small" data-testid="ledger-point-no-measures">
          {filtered ? '' : manage ? '还没有针对这个薄弱点的措施，点“添加措施”录入。' : '还没有针对这个薄弱点的措施。'}
        </p>
      )}
    </section>
  );
}

function figureCell(f: LedgerFigure | null, testId: string) {
  if (!f) return <td className="muted" data-testid={testId} title="还没有措施开始，无从比较">—</td>;
  return (
    <td data-testid={testId} title={`${f.from} 至 ${f.to}${f.numerator !== null && f.denominator !== null ? `：${f.numerator} / ${f.denominator}` : ''}`}>
      {f.text}
    </td>
  );
}

function TargetsTable({ targets }: { targets: TargetView[] }) {
  return (
    <table className="ledger-table ledger-targets" data-testid="ledger-targets">
      <thead>
        <tr>
          <th>指标</th>
          <th>目标</th>
          <th>目标日期</th>
          <th title="首项措施开始前一个月，全院">措施前</th>
          <th title="截至今天的一个月，全院">现在</th>
          <th>是否达标</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((t) => (
          <tr key={t.indicator} data-testid="ledger-target" data-indicator={t.indicator}>
            <td>{t.name}</td>
            <td>{t.targetText}</td>
            <td>{formatDate(t.dueOn)}</td>
            {figureCell(t.then, 'ledger-target-then')}
            {figureCell(t.now, 'ledger-target-now')}
            <td data-testid="ledger-target-met">
              {t.met === null ? <span className="muted">无数据</span> : t.met ? <span className="chip tone-ok">✓ 达标</span> : <span className="chip tone-danger ledger-unmet">✗ 未达标</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Below this width of the table the 最新进展 column goes under the measure's text (a 1024-pixel window). */
const WIDE_TABLE = 1000;

function MeasuresTable({ measures, manage, onEdit, onOpen }: { measures: MeasureView[]; manage: boolean; onEdit(m: MeasureView): void; onOpen(m: MeasureView): void }) {
  const wrap = useRef<HTMLDivElement>(null);
  const width = useWidth(wrap);
  const wide = width === null || width >= WIDE_TABLE;
  return (
    <div className="ledger-measures-scroll" ref={wrap}>
      <table className="ledger-table ledger-measures" data-testid="ledger-measures">
        <colgroup>
          <col className="lw-kind" />
          <col className="lw-text" />
          <col className="lw-person" />
          <col className="lw-person" />
          <col className="lw-division" />
          <col className="lw-dates" />
          <col className="lw-status" />
          {wide ? <col className="lw-progress" /> : null}
          <col className="lw-tools" />
        </colgroup>
        <thead>
          <tr>
            <th>类别</th>
            <th>内容</th>
            <th>责任领导</th>
            <th>责任人</th>
            <th>责任部门</th>
            <th>起止</th>
            <th>状态</th>
            {wide ? <th>最新进展</th> : null}
            <th aria-label="操作" />
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr key={m.id} data-testid="ledger-measure" data-id={m.id} data-status={m.status} className={m.dueSoon ? 'due-soon' : undefined}>
              <td>{m.kindLabel}</td>
              <td>
                <button type="button" className="link-button ledger-measure-open" title={m.text} data-testid="ledger-measure-open" onClick={() => onOpen(m)}>
                  <span className="ledger-clamp3">{m.text}</span>
                </button>
                {/* A narrow window has no room for the 最新进展 column: the latest entry goes under the text. */}
                {!wide && latestProgress(m) ? (
                  <span className="ledger-latest-inline clamp2 muted small" data-testid="ledger-measure-latest">
                    最新进展：{latestProgress(m)}
                  </span>
                ) : null}
              </td>
              <td className="ledger-name" title={m.leader.name}><span>{m.leader.name}</span></td>
              <td className="ledger-name" title={m.owner.name} data-testid="ledger-measure-owner"><span>{m.owner.name}</span></td>
              <td className="ledger-name" title={m.division.name}><span>{m.division.name}</span></td>
              <td className="ledger-dates">
                {m.startOn}
                <br />至 {m.dueOn}
              </td>
              <td>
                <StatusChip m={m} />
              </td>
              {wide ? (
                <td className="ledger-latest" data-testid="ledger-measure-latest">
                  <span className="clamp2" title={latestProgress(m)}>{latestProgress(m) || <span className="muted">尚无进展</span>}</span>
                </td>
              ) : null}
              <td className="ledger-row-tools">
                {manage && m.origin === 'local' ? (
                  <button type="button" className="link-button" data-testid="ledger-measure-edit" onClick={() => onEdit(m)}>
                    编辑
                  </button>
                ) : m.origin === 'return' ? (
                  <span className="muted small" title="中院回执带来的帮扶措施，在本院只读">中院</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
