// One monthly analysis meeting (#/ledger/meeting?id=N): the figures discussed as they stood (with their range flags), the decisions, the attendees, the measures created from it, and 由此新增措施.
import { useStore } from 'zustand';
import { Link } from '../../components/Link';
import { stores } from '../../stores';
import { INDICATORS } from '../../../../shared/indicators/catalogue';
import { rangePhrase, STATUS_MARKS } from '../../../../shared/indicators/ranges';
import type { SnapshotFigure } from '../../../../shared/ledger/meetingsApi';
import { MEETINGS_ROUTE, ledgerHref, type LedgerMeetingRoute } from './routes';
import './ledgerReview.css';

function rangeText(f: SnapshotFigure): string {
  // 'none': no range, or no value to hold against it (a rate whose denominator was 0 in the period).
  if (f.status === 'none') return f.range ? '无数值，未比较' : '未设合理区间';
  if (f.status === 'inside') return '✓ 区间内';
  return `${STATUS_MARKS[f.status]}（${rangePhrase(INDICATORS[f.indicator], f.range, f.status)}）`;
}

export function MeetingPage({ route }: { route: LedgerMeetingRoute }) {
  const data = useStore(stores.ledgerMeeting, (s) => s.data);
  const loading = useStore(stores.ledgerMeeting, (s) => s.loading);
  const error = useStore(stores.ledgerMeeting, (s) => s.error);
  const m = data && data.id === route.id ? data : null;
  return (
    <div className="page page-scroll lr-page" data-testid="ledger-meeting-page">
      <div className="page-head">
        <h1>{m ? m.title : '月分析会'}</h1>
        <span className="muted">{m ? `${m.heldOn} 召开 · 记录人 ${m.createdBy}` : loading ? '正在读取…' : ''}</span>
        <Link to={MEETINGS_ROUTE} className="link-button push-right">返回分析会列表</Link>
      </div>
      {error ? <div className="banner error" role="alert">{error}</div> : null}
      {m ? (
        <>
          <section className="lr-block">
            <h2>参会人员</h2>
            <p data-testid="lr-attendees">{m.attendees.join('、')}</p>
          </section>
          <section className="lr-block">
            <h2>会上分析的指标（{m.periodFrom} 至 {m.periodTo}，全院）</h2>
            <p className="muted lr-note">保存分析会时的数值，此后案件数据变化不改变这里的记录；要看现在的数值，请到“质效指标”。</p>
            <div className="note-wrap">
              <table className="note-table" data-testid="lr-snapshot">
                <thead>
                  <tr>
                    <th scope="col">指标</th>
                    <th scope="col" className="num">当时数值</th>
                    <th scope="col" className="num">分子</th>
                    <th scope="col" className="num">分母</th>
                    <th scope="col">与合理区间</th>
                  </tr>
                </thead>
                <tbody>
                  {m.snapshot.map((f) => (
                    <tr key={f.indicator} data-testid="lr-snapshot-row" data-status={f.status}>
                      <th scope="row">{f.name}</th>
                      <td className="num">{f.text.replace(/（.*$/, '')}</td>
                      <td className="num">{f.numerator ?? '—'}</td>
                      <td className="num">{f.denominator ?? '—'}</td>
                      <td className={f.status === 'below' || f.status === 'above' ? 'lr-flag-outside' : undefined}>{rangeText(f)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="lr-block">
            <h2>会议决定</h2>
            <p className="lr-decisions" data-testid="lr-decisions">{m.decisions || '（未填写）'}</p>
          </section>
          <section className="lr-block">
            <h2>由此形成的措施</h2>
            {m.createdMeasures.length === 0 ? <p className="muted" data-testid="lr-no-created">尚无由本次分析会形成的措施。</p> : (
              <div className="note-wrap">
                <table className="note-table" data-testid="lr-created-measures">
                  <thead>
                    <tr>
                      <th scope="col">措施</th>
                      <th scope="col">类别</th>
                      <th scope="col">责任人</th>
                      <th scope="col">责任部门</th>
                      <th scope="col">开始</th>
                      <th scope="col">截止</th>
                      <th scope="col">状态</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.createdMeasures.map((x) => (
                      <tr key={x.id} data-testid="lr-created-row">
                        <td>{x.text}</td>
                        <td>{x.kindLabel}</td>
                        <td>{x.ownerName}</td>
                        <td>{x.divisionName}</td>
                        <td>{x.startOn}</td>
                        <td>{x.dueOn}</td>
                        <td>{x.statusLabel}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {m.canManage ? (
              <p className="lr-actions">
                <a className="lr-button" href={ledgerHref(m.id)} data-testid="lr-new-measure">由此新增措施</a>
                <span className="muted">打开台账页的新增措施，措施注明来自本次分析会。</span>
              </p>
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
