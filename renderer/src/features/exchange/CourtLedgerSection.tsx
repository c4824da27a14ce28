// The court page's 脱薄台账 (intermediate court): the basic court's ledger as its latest package brought it (weak points, measures with status, latest progress, overdue ones marked) and this court's help measures for it (帮扶措施), which go back in the return file.
import { useCallback, useEffect, useState } from 'react';
import type { CourtLedgerView, HelpMeasureView, ReceivedLedgerView } from '../../../../shared/exchange/helpApi';
import { MEASURE_STATUSES, MEASURE_STATUS_LABELS } from '../../../../shared/ledger/rules';
import { formatDateTime } from '../../lib/format';
import { api } from '../../stores';
import { HelpMeasureForm, HelpProgressForm } from './HelpMeasureForms';
import './courtLedger.css';

const statusClass = (s: string) => (s === 'overdue' ? 'xl-status xl-overdue' : s === 'done' ? 'xl-status xl-done' : 'xl-status');

function countsText(counts: ReceivedLedgerView['counts']): string {
  return MEASURE_STATUSES.map((s) => `${MEASURE_STATUS_LABELS[s]} ${counts[s]}`).join('，');
}

function ReceivedLedger({ l }: { l: ReceivedLedgerView }) {
  const pointText = new Map(l.weakPoints.map((w) => [w.id, w.text]));
  return (
    <>
      <p className="muted" data-testid="xl-received-head">
        该院第 {l.sequence} 号报送包（{formatDateTime(l.receivedAt)} 导入）中的台账，状态截至报送期末 {l.asOf}：{countsText(l.counts)}
        {l.meetings.length ? `；月分析会 ${l.meetings.length} 次，最近一次 ${l.meetings.at(-1)!.heldOn}「${l.meetings.at(-1)!.title}」` : ''}
      </p>
      {l.counts.overdue > 0 ? (
        <p className="tone-warn" data-testid="xl-overdue-note">
          <strong>逾期 {l.counts.overdue} 项</strong>：已过完成期限仍未完成，见下表标红的措施。
        </p>
      ) : null}
      <h3>薄弱点</h3>
      {l.weakPoints.length === 0 ? (
        <p className="muted">该院台账中还没有薄弱点。</p>
      ) : (
        <div className="note-wrap xc-table-wrap">
          <table className="note-table xl-table" data-testid="xl-points">
            <thead>
              <tr>
                <th scope="col">编号</th>
                <th scope="col">薄弱点</th>
                <th scope="col">发现</th>
                <th scope="col">指标目标</th>
              </tr>
            </thead>
            <tbody>
              {l.weakPoints.map((w) => (
                <tr key={w.id} data-testid="xl-point">
                  <td className="xc-nowrap">{w.id}</td>
                  <td>{w.text}</td>
                  <td className="xc-nowrap">
                    {w.foundByLabel} {w.foundOn}
                  </td>
                  <td>
                    {w.targets.length === 0
                      ? '—'
                      : w.targets.map((t) => (
                          <div key={t.indicator}>
                            {t.name} {t.targetText}（{t.dueOn} 前）
                          </div>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>整改措施与帮扶措施</h3>
      {l.measures.length === 0 ? (
        <p className="muted">该院台账中还没有措施。</p>
      ) : (
        <div className="note-wrap xc-table-wrap">
          <table className="note-table xl-table" data-testid="xl-measures">
            <thead>
              <tr>
                <th scope="col">措施</th>
                <th scope="col">针对</th>
                <th scope="col">责任领导 · 责任人 · 部门</th>
                <th scope="col">期限</th>
                <th scope="col">状态</th>
                <th scope="col">最近进展</th>
              </tr>
            </thead>
            <tbody>
              {l.measures.map((m) => (
                <tr key={m.id} data-testid="xl-measure" data-status={m.status} className={m.status === 'overdue' ? 'xl-row-overdue' : undefined}>
                  <td>
                    <span className="muted">{m.kindLabel}{m.fromReturn ? '（本院）' : ''}</span>
                    <div>{m.text}</div>
                  </td>
                  <td className="xc-nowrap">{m.weakPointIds.map((id) => <div key={id} title={pointText.get(id)}>{id}</div>)}</td>
                  <td>{[m.leader, m.owner, m.division].join(' · ')}</td>
                  <td className="xc-nowrap">
                    {m.startOn} 至 {m.dueOn}
                    {m.doneOn ? <div className="muted">{m.doneOn} 完成</div> : null}
                  </td>
                  <td className="xc-nowrap">
                    <span className={statusClass(m.status)}>{m.statusLabel}</span>
                  </td>
                  <td>
                    {m.latest ? (
                      <>
                        <span className="muted xc-nowrap">{m.latest.onDate}</span> {m.latest.text}
                        {m.latest.evidence.length ? <div className="muted">佐证：{m.latest.evidence.join('、')}</div> : null}
                        {m.progressCount > 1 ? <div className="muted">共 {m.progressCount} 条进展</div> : null}
                      </>
                    ) : (
                      <span className="muted">尚无进展</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function HelpRows({ view, onChanged }: { view: CourtLedgerView; onChanged(): void }) {
  const [open, setOpen] = useState<{ id: number; what: 'edit' | 'progress' } | null>(null);
  const points = view.received?.weakPoints ?? [];
  const pointText = new Map(points.map((w) => [w.id, w.text]));
  const row = (m: HelpMeasureView) => (
    <tr key={m.id} data-testid="xl-help" data-status={m.status} className={m.status === 'overdue' ? 'xl-row-overdue' : undefined}>
      <td>{m.text}</td>
      <td className="xc-nowrap">{m.weakPointIds.map((id) => <div key={id} title={pointText.get(id) ?? '该院最近的台账中已没有此薄弱点'}>{id}</div>)}</td>
      <td>{[m.leader, m.owner, m.division].join(' · ')}</td>
      <td className="xc-nowrap">
        {m.startOn} 至 {m.dueOn}
        {m.doneOn ? <div className="muted">{m.doneOn} 完成</div> : null}
      </td>
      <td className="xc-nowrap">
        <span className={statusClass(m.status)}>{m.statusLabel}</span>
      </td>
      <td>
        {m.progress.length === 0 ? <span className="muted">尚无进展</span> : m.progress.map((p) => (
          <div key={p.id}>
            <span className="muted xc-nowrap">{p.onDate}</span> {p.text}
            {p.done ? '（完成）' : ''}
          </div>
        ))}
      </td>
      {view.canManage ? (
        <td className="xc-nowrap">
          <button type="button" className="link-button" onClick={() => setOpen({ id: m.id, what: 'edit' })} data-testid="xl-help-edit">
            修改
          </button>{' '}
          {m.doneOn === null ? (
            <button type="button" className="link-button" onClick={() => setOpen({ id: m.id, what: 'progress' })} data-testid="xl-help-progress">
              登记进展
            </button>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
  const done = () => {
    setOpen(null);
    onChanged();
  };
  return (
    <>
      {view.help.length === 0 ? (
        <p className="muted" data-testid="xl-help-empty">本院尚未为该院填写帮扶措施。</p>
      ) : (
        <div className="note-wrap xc-table-wrap">
          <table className="note-table xl-table" data-testid="xl-help-table">
            <thead>
              <tr>
                <th scope="col">帮扶措施</th>
                <th scope="col">针对</th>
                <th scope="col">责任领导 · 责任人 · 部门</th>
                <th scope="col">期限</th>
                <th scope="col">状态</th>
                <th scope="col">进展</th>
                {view.canManage ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>{view.help.map(row)}</tbody>
          </table>
        </div>
      )}
      {open?.what === 'edit' ? <HelpMeasureForm key={`e${open.id}`} courtCode={view.courtCode} points={points} today={view.today} editing={view.help.find((h) => h.id === open.id)!} onDone={done} onCancel={() => setOpen(null)} /> : null}
      {open?.what === 'progress' ? <HelpProgressForm key={`p${open.id}`} measure={view.help.find((h) => h.id === open.id)!} today={view.today} onDone={done} onCancel={() => setOpen(null)} /> : null}
      {view.canManage && open === null ? (
        points.length === 0 ? (
          <p className="muted">收到该院附有台账的报送包后，才能针对其薄弱点新增帮扶措施。</p>
        ) : (
          <AddHelp view={view} onDone={onChanged} />
        )
      ) : null}
    </>
  );
}

function AddHelp({ view, onDone }: { view: CourtLedgerView; onDone(): void }) {
  const [adding, setAdding] = useState(false);
  if (!adding) {
    return (
      <div className="form-actions">
        <button type="button" onClick={() => setAdding(true)} data-testid="xl-help-add">
          新增帮扶措施
        </button>
      </div>
    );
  }
  return <HelpMeasureForm courtCode={view.courtCode} points={view.received?.weakPoints ?? []} today={view.today} editing={null} onDone={() => { setAdding(false); onDone(); }} onCancel={() => setAdding(false)} />;
}

/** Loads on its own (the page's store holds the cases and extensions); reloads after each change. */
export function CourtLedgerSection({ code }: { code: string }) {
  const [view, setView] = useState<CourtLedgerView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    void api['exchange.courtLedger']({ courtCode: code }).then((r) => {
      if (r.ok) {
        setView(r.value);
        setError(null);
      } else setError(r.error.message);
    });
  }, [code]);
  useEffect(load, [load]);
  if (error) {
    return (
      <section className="panel xc-panel" data-testid="xl-ledger">
        <h2>脱薄台账</h2>
        <p className="form-error" role="alert" data-testid="xl-error">
          {error}
        </p>
      </section>
    );
  }
  if (!view) return null;
  return (
    <>
      <section className="panel xc-panel" data-testid="xl-ledger">
        <h2>脱薄台账</h2>
        {view.received ? <ReceivedLedger l={view.received} /> : <p className="muted" data-testid="xl-none">尚未收到该院附有脱薄台账的报送包。</p>}
      </section>
      <section className="panel xc-panel" data-testid="xl-help-section">
        <h2>本院帮扶措施</h2>
        <p className="muted">本院对该院的帮扶措施；制作该院的中院回执时随回执送达，记入该院的脱薄台账（在该院只读）。状态按今天（{view.today}）计算。</p>
        <HelpRows view={view} onChanged={load} />
      </section>
    </>
  );
}
