// 我的整改措施 on the start page (审限预警): the open measures the signed-in person owns or leads, those due within 15 days or overdue first, each opening the same detail dialog to record progress; nothing at all for someone with no measures.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { formatCount, formatDate } from '../../lib/format';
import { session, stores } from '../../stores';
import { dueWords, myOrder } from './ledgerForms';
import { MeasureDetailDialog } from './MeasureDetailDialog';
import { StatusChip } from './StatusChip';
import './ledger.css';

export function MyMeasuresPanel() {
  const name = useStore(session, (s) => s.user?.name ?? null);
  const mine = useStore(stores.ledger, (s) => s.mine);
  const canView = useStore(session, (s) => s.user?.permissions.includes('ledger.view') ?? false);
  const [openId, setOpenId] = useState<number | null>(null);

  // Read once per person signed in; recording progress reads it again (the store does).
  useEffect(() => {
    if (name) void stores.ledger.getState().loadMine();
  }, [name]);

  if (!mine || mine.measures.length === 0) return null;
  const { open, done } = myOrder(mine.measures);
  if (open.length === 0 && done === 0) return null;
  return (
    <section className="panel my-measures" data-testid="my-measures" aria-labelledby="my-measures-title">
      <div className="list-head">
        <h2 id="my-measures-title">我的整改措施</h2>
        <span className={mine.dueSoon ? 'tone-warn' : 'muted'} data-testid="my-measures-summary">
          {open.length ? `未完成 ${formatCount(open.length)} 项` : '全部已完成'}
          {mine.dueSoon ? `，其中 ${formatCount(mine.dueSoon)} 项 15 日内到期或已逾期` : ''}
          {done ? ` · 已完成 ${formatCount(done)} 项` : ''}
        </span>
        {canView ? (
          <a className="push-right" href="#/ledger" data-testid="my-measures-ledger">
            查看脱薄台账
          </a>
        ) : null}
      </div>
      {open.length ? (
        <ul>
          {open.map((m) => (
            <li key={m.id} className="my-measure" data-testid="my-measure" data-id={m.id} data-due-soon={m.dueSoon ? '1' : '0'}>
              <StatusChip m={m} />
              <button type="button" className="link-button ellipsis" title={m.text} data-testid="my-measure-open" onClick={() => setOpenId(m.id)}>
                {m.text}
              </button>
              <span className={`my-measure-due${m.dueSoon ? ' tone-warn' : ' muted'}`}>
                期限 {formatDate(m.dueOn)} · {dueWords(m.dueOn, mine.today)}
              </span>
              <button type="button" className="link-button" data-testid="my-measure-record" onClick={() => setOpenId(m.id)}>
                填报进展
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {openId !== null ? <MeasureDetailDialog id={openId} onClose={() => setOpenId(null)} /> : null}
    </section>
  );
}
