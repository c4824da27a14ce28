// 延审审批: the requests in the person's scope, oldest first, each with the case's facts and the judge's load; the acts
// that are his (opinion, decision, forwarding, the higher court's answer), several decided at once, and 已办.
import { useState } from 'react';
import { useStore } from 'zustand';
import type { ExtensionRow } from '../../../../shared/api/contract';
import { Link } from '../../components/Link';
import { ScopeLine } from '../../components/ScopeLine';
import { EXTENSION_STATUS_TEXT, formatCount, formatDate } from '../../lib/format';
import { router, session, stores } from '../../stores';
import { userCan } from '../auth/session';
import { ActDialog, type ActKind } from './ActDialog';
import { BatchBar, BatchResults } from './BatchBar';
import { ExtensionSteps } from './CaseExtensions';
import { PrintFormButton } from './PrintFormButton';
import { listSummary, remainingText, spanText } from './format';
import { FilterLine } from './study/FilterLine';
import { waitingForMe, type ExtensionsTab } from './store';
import { LettersList } from './LettersList';
import { mayActForLeadership, useDelegations } from './delegation';
import './extensions.css';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="ext-fact" data-testid={testId}>
      <span className="ext-fact-label">{label}</span>
      <span className="ext-fact-value">{children}</span>
    </div>
  );
}

/** The acts open to this person on this request now. */
function actsFor(r: ExtensionRow, mine: boolean, mayApprove: boolean): ActKind[] {
  if (r.stage === 'opinion' && mine) return ['agree', 'disagree'];
  if (r.stage === 'decision' && mine) return ['approve', 'shorter', 'reject'];
  if (r.stage === 'forwarding' && mine) return ['forward'];
  if (r.stage === 'higher_court' && mayApprove) return ['higherApprove', 'higherReject'];
  return [];
}

const ACT_LABELS: Record<ActKind, string> = {
  agree: '同意', disagree: '不同意', approve: '批准', shorter: '缩短期限批准', reject: '不予批准', forward: '报送上级法院',
  higherApprove: '登记答复：批准', higherReject: '登记答复：不予批准',
};

function RequestCard(props: { r: ExtensionRow; mine: boolean; mayApprove: boolean; selected: boolean | null; onSelect(v: boolean): void; onAct(k: ActKind): void }) {
  const { r, mine } = props;
  const rem = remainingText(r.daysRemaining, r.deadlineStatus);
  const opinion = r.steps.find((s) => s.step === 'opinion');
  const acts = actsFor(r, mine, props.mayApprove);
  return (
    <article className={`ext-card${mine ? ' mine' : ''}`} data-testid="ext-card" data-id={r.id} data-case-number={r.caseNumber} data-stage={r.stage ?? ''}>
      <header className="ext-card-head">
        {props.selected !== null ? (
          <input type="checkbox" aria-label={`选择 ${r.caseNumber}`} data-testid="ext-select" checked={props.selected} onChange={(e) => props.onSelect(e.target.checked)} />
        ) : null}
        <Link to={{ name: 'case', caseNumber: r.caseNumber }} testId="ext-case-link">
          {r.caseNumber}
        </Link>
        <span className="ellipsis ext-cause" title={r.cause}>{r.cause}</span>
        <span className={`chip tone-${r.status === 'approved' ? 'ok' : r.status === 'rejected' ? 'danger' : 'info'}`} data-testid="ext-stage">
          {r.stage && r.stage !== 'decided' ? r.stageLabel : EXTENSION_STATUS_TEXT[r.status]}
        </span>
        {r.late ? <span className="chip tone-danger">逾期申请</span> : null}
        {mine ? <span className="chip tone-warn">待您办理</span> : null}
      </header>
      <div className="ext-facts">
        <Fact label="承办法官">{r.judge}</Fact>
        <Fact label="部门">{r.division}</Fact>
        <Fact label="立案日期">{formatDate(r.filedOn)}</Fact>
        <Fact label="届满日期">{formatDate(r.dueOn)}</Fact>
        <Fact label="审限" testId="ext-remaining">
          <span className={`tone-${rem.tone}`}>{rem.text}</span>
        </Fact>
        <Fact label="已延长">{r.earlierExtensions ? `${r.earlierExtensions} 次` : '无'}</Fact>
        <Fact label="法官未结 / 超审限">
          {formatCount(r.judgeOpen)} 件 / <span className={r.judgeOverdue ? 'tone-danger' : undefined}>{formatCount(r.judgeOverdue)} 件</span>
        </Fact>
        <Fact label="申请">
          {formatDate(r.requestedOn)} · {spanText(r)}
        </Fact>
        <Fact label="审批">{r.routeLabel ?? '—'}</Fact>
      </div>
      <p className="ext-reason">
        <strong>{r.reason}</strong>
        {r.explanation ? `：${r.explanation}` : ''}
      </p>
      <LettersList r={r} />
      {opinion && r.stage !== 'decided' ? (
        <p className="ext-opinion" data-testid="ext-opinion">
          庭长意见（{opinion.by ?? '—'}，{formatDate(opinion.on)}）：<strong>{opinion.outcome === 'agree' ? '同意' : '不同意'}</strong>
          {opinion.comment ? `。${opinion.comment}` : ''}
        </p>
      ) : null}
      {r.stage === 'decided' || r.stage === null ? <ExtensionSteps r={r} /> : null}
      <div className="ext-acts">
        {acts.map((k) => (
          <button key={k} type="button" className={k === 'approve' || k === 'agree' ? 'primary' : k === 'reject' || k === 'disagree' ? 'danger-outline' : undefined} data-testid={`ext-act-${k}`} onClick={() => props.onAct(k)}>
            {ACT_LABELS[k]}
          </button>
        ))}
        {!acts.length && r.waitingFor && r.stage !== 'decided' ? <span className="muted small">待 {r.waitingFor} 办理</span> : null}
        <PrintFormButton id={r.id} caseNumber={r.caseNumber} />
      </div>
    </article>
  );
}

export function ExtensionsPage() {
  const s = useStore(stores.extensions);
  const user = useStore(session, (x) => x.user);
  const [acting, setActing] = useState<{ r: ExtensionRow; kind: ActKind } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const mayApprove = userCan(user, 'extension.approve');
  // A vice-president not delegated the division sees its requests but has nothing to do on them.
  const delegations = useDelegations(mayApprove);
  const rows = s.rows ?? [];
  const mineIds = new Set(waitingForMe(rows, user?.name).map((r) => r.id));
  // Several at once: only requests waiting for this person's decision.
  const decidable = rows.filter((r) => r.stage === 'decision' && mineIds.has(r.id));
  const chosen = decidable.filter((r) => selected.has(r.id)).map((r) => r.id);
  const tab = (t: ExtensionsTab, label: string) => (
    <button type="button" role="tab" aria-selected={s.tab === t} className={`ext-tab${s.tab === t ? ' active' : ''}`} data-testid={`ext-tab-${t}`} onClick={() => router.getState().navigate({ name: 'extensions', view: t })}>
      {label}
    </button>
  );
  return (
    <div className="page page-scroll" data-testid="extensions-page">
      <div className="page-head">
        <h1>延审审批</h1>
        <div role="tablist" className="ext-tabs">
          {tab('waiting', '待办')}
          {tab('decided', '已办')}
        </div>
        <span className="muted" data-testid="ext-summary">
          {s.rows ? listSummary(s.tab, rows.length, mineIds.size) : s.loading ? '正在读取…' : ''}
        </span>
        <ScopeLine />
        <Link to={{ name: 'extensionStudy', from: null, to: null, divisionId: null }} testId="ext-study-link">
          延审原因分析
        </Link>
        <button type="button" className="link-button push-right" onClick={() => void stores.extensions.getState().load()}>
          刷新
        </button>
      </div>
      {s.error ? (
        <div className="banner error" role="alert">
          {s.error}
        </div>
      ) : null}
      {s.tab === 'waiting' && decidable.length > 1 ? (
        <BatchBar chosen={chosen} total={decidable.length} onAll={(all) => setSelected(new Set(all ? decidable.map((r) => r.id) : []))} onDone={() => setSelected(new Set())} />
      ) : null}
      <FilterLine />
      <BatchResults />
      {s.rows && rows.length === 0 ? (
        <div className="ext-empty" data-testid="ext-empty">
          <p>{s.tab === 'waiting' ? '没有正在审批的延长审限申请。' : s.tab === 'all' ? '没有符合筛选条件的延长审限申请。' : '还没有已审批的延长审限申请。'}</p>
          <p className="muted">承办法官在案件页点击“申请延长审限”提出申请；庭长签署意见后，由院长或受委托的分管院领导审批。</p>
        </div>
      ) : null}
      <div className="ext-list" data-testid="ext-list">
        {rows.map((r) => (
          <RequestCard
            key={r.id}
            r={r}
            mine={mineIds.has(r.id)}
            mayApprove={mayApprove && mayActForLeadership(user, r, delegations)}
            selected={s.tab === 'waiting' && decidable.length > 1 && decidable.includes(r) ? selected.has(r.id) : null}
            onSelect={(v) => {
              const next = new Set(selected);
              if (v) next.add(r.id);
              else next.delete(r.id);
              setSelected(next);
            }}
            onAct={(kind) => setActing({ r, kind })}
          />
        ))}
      </div>
      {acting ? <ActDialog r={acting.r} kind={acting.kind} onClose={() => setActing(null)} /> : null}
    </div>
  );
}
