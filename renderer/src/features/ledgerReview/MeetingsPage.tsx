// 月分析会 (#/ledger/meetings): the meetings held, newest first, and the form of a new one (date, name, attendees, period, the indicators discussed, decisions).
import { useState } from 'react';
import { useStore } from 'zustand';
import { Link } from '../../components/Link';
import { api, router, session, stores } from '../../stores';
import { INDICATORS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import { MONTHLY_IDS } from '../../../../shared/indicators/months';
import { RANGED_IDS } from '../../../../shared/indicators/ranges';
import { addDays } from '../../../../shared/dates/calendar';
import { meetingRoute } from './routes';
import { saveMeeting, splitNames } from './store';
import './ledgerReview.css';

/** The calendar month before a day (the period a meeting early in a month discusses), as the core defaults it. */
export function previousMonthOf(day: string): { from: string; to: string } {
  const to = addDays(`${day.slice(0, 7)}-01`, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

const FIELD_LABELS: Record<string, string> = { heldOn: '会议日期', title: '会议名称', attendees: '参会人员', periodFrom: '分析期间起', periodTo: '分析期间止', indicators: '分析的指标', decisions: '会议决定' };

function NewMeetingForm({ today }: { today: string }) {
  const prev = previousMonthOf(today);
  const [heldOn, setHeldOn] = useState(today);
  const [title, setTitle] = useState(`${Number(prev.from.slice(5, 7))}月审判质效分析会`);
  const [attendees, setAttendees] = useState('');
  const [from, setFrom] = useState(prev.from);
  const [to, setTo] = useState(prev.to);
  const [chosen, setChosen] = useState<IndicatorId[]>([...MONTHLY_IDS]);
  const [decisions, setDecisions] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const fieldError = (f: string) => (error && error.field && (error.field === f || error.field.startsWith(`${f}.`)) ? error.message : null);
  const err = (f: string) => {
    const m = fieldError(f);
    return m ? <p className="lr-field-error" id={`lr-${f}-error`} role="alert" data-testid={`lr-meeting-${f}-error`}>{m}</p> : null;
  };
  const box = (f: string) => ({ id: `lr-${f}`, 'aria-invalid': fieldError(f) ? true : undefined, 'aria-describedby': fieldError(f) ? `lr-${f}-error` : undefined, className: fieldError(f) ? 'invalid' : undefined, 'data-testid': `lr-meeting-${f}` });
  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = await saveMeeting(api, { heldOn, title, attendees: splitNames(attendees), periodFrom: from, periodTo: to, indicators: chosen, decisions });
    setBusy(false);
    if ('id' in r) router.getState().navigate(meetingRoute(r.id));
    else setError({ message: r.error, field: r.field });
  };
  const toggle = (id: IndicatorId) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : RANGED_IDS.filter((x) => x === id || c.includes(x))));
  return (
    <section className="lr-block" data-testid="lr-meeting-form" aria-label="新增分析会">
      <h2>新增分析会</h2>
      <form
        className="lr-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="form-field">
          <label htmlFor="lr-heldOn">会议日期 *</label>
          <input type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} {...box('heldOn')} />
          {err('heldOn')}
        </div>
        <div className="form-field">
          <label htmlFor="lr-title">会议名称 *</label>
          <input type="text" value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} {...box('title')} />
          {err('title')}
        </div>
        <div className="form-field">
          <label htmlFor="lr-periodFrom">分析期间起</label>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} {...box('periodFrom')} />
          {err('periodFrom')}
        </div>
        <div className="form-field">
          <label htmlFor="lr-periodTo">分析期间止</label>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} {...box('periodTo')} />
          {err('periodTo')}
        </div>
        <div className="form-field lr-wide">
          <label htmlFor="lr-attendees">参会人员 *（每行一人，或以顿号、逗号分隔）</label>
          <textarea value={attendees} onChange={(e) => setAttendees(e.target.value)} {...box('attendees')} />
          {err('attendees')}
        </div>
        <fieldset className="form-field lr-wide" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>会上分析的指标 *（保存时按全院数据记录当时的数值，此后不再重算）</legend>
          <div className={`lr-checks${fieldError('indicators') ? ' invalid' : ''}`} data-testid="lr-meeting-indicators">
            {RANGED_IDS.map((id) => (
              <label key={id}>
                <input type="checkbox" checked={chosen.includes(id)} onChange={() => toggle(id)} /> {INDICATORS[id].name}
              </label>
            ))}
          </div>
          {err('indicators')}
        </fieldset>
        <div className="form-field lr-wide">
          <label htmlFor="lr-decisions">会议决定</label>
          <textarea value={decisions} maxLength={5000} rows={4} onChange={(e) => setDecisions(e.target.value)} {...box('decisions')} />
          {err('decisions')}
        </div>
        <div className="lr-actions lr-wide">
          <button type="submit" className="primary" disabled={busy} data-testid="lr-meeting-save">{busy ? '正在保存…' : '保存分析会'}</button>
          {error && !fieldError(error.field?.split('.')[0] ?? '') ? (
            <p className="form-error" role="alert" data-testid="lr-meeting-error">
              {error.field && FIELD_LABELS[error.field.split('.')[0]] ? `${FIELD_LABELS[error.field.split('.')[0]]}：` : ''}
              {error.message}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}

export function MeetingsPage() {
  const list = useStore(stores.ledgerMeetings, (s) => s.data);
  const loading = useStore(stores.ledgerMeetings, (s) => s.loading);
  const error = useStore(stores.ledgerMeetings, (s) => s.error);
  const today = useStore(stores.app, (s) => s.info?.today ?? null);
  const canManage = useStore(session, (s) => s.user?.permissions.includes('ledger.manage') ?? false);
  return (
    <div className="page page-scroll lr-page" data-testid="ledger-meetings-page">
      <div className="page-head">
        <h1>月分析会</h1>
        <span className="muted">{list ? `共 ${list.length} 次` : loading ? '正在读取…' : ''}</span>
      </div>
      <p className="muted">每月召开审判质效分析会，记录参会人员、会上分析的指标（保存时的全院数值及是否在合理区间内）和会议决定；由会议决定形成的整改措施在台账中注明来源。</p>
      {error ? <div className="banner error" role="alert">{error}</div> : null}
      {list && list.length === 0 ? <p className="muted" data-testid="lr-meetings-empty">尚未记录分析会。</p> : null}
      {list && list.length > 0 ? (
        <div className="note-wrap">
          <table className="note-table" data-testid="lr-meetings">
            <thead>
              <tr>
                <th scope="col">会议日期</th>
                <th scope="col">会议名称</th>
                <th scope="col">分析期间</th>
                <th scope="col">参会人员</th>
                <th scope="col" className="num">分析指标</th>
                <th scope="col" className="num">超出合理区间</th>
                <th scope="col" className="num">形成措施</th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <tr key={m.id} data-testid="lr-meeting-row">
                  <td>{m.heldOn}</td>
                  <td><Link to={meetingRoute(m.id)} testId="lr-meeting-link">{m.title}</Link></td>
                  <td>{m.periodFrom} 至 {m.periodTo}</td>
                  <td>{m.attendees.join('、')}</td>
                  <td className="num">{m.indicators}</td>
                  <td className="num">{m.outside ? `${m.outside} 项` : '无'}</td>
                  <td className="num">{m.measures}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canManage && today ? <NewMeetingForm today={today} /> : null}
      {!canManage ? <p className="muted">新增分析会需要“维护脱薄工作台账”的权限（院长、副院长、审管办）。</p> : null}
    </div>
  );
}
