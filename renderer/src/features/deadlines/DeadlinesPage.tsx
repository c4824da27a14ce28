// 审限预警, the start page: whose cases (the reader's scope), counts from deadlines.summary and the cases behind each in
// the shared case table; beside them 隐性超审限 and 长期未动; above them the sign-in notice of waiting extension requests.
import { useStore } from 'zustand';
import { CaseTable } from '../../components/CaseTable';
import { Link } from '../../components/Link';
import { ExportButton } from '../cases/ExportButton';
import { DEFAULT_ROUTE } from '../cases/routes';
import { formatCount, formatDate, type Tone } from '../../lib/format';
import { deadlineViewFilters, isAlertView, type DeadlineListView } from './routes';
import { AlertsPanel } from './AlertsPanel';
import type { AlertListState, AlertView } from './alerts';
import { router, session, stores } from '../../stores';
import { noOpenCasesText, scopeExplanation, whoseCasesTitle } from '../../lib/auth';
import { WaitingNotice } from '../extensions/WaitingNotice';
import { MyMeasuresPanel } from '../ledger/MyMeasuresPanel';
import { TotalLine } from '../../components/TotalLine';
import type { DeadlineSummary } from '../../../../shared/api/contract';
import { MEDIATION_WARN_DAYS } from '../../../../shared/cases/caseWork';

type AlertLists = AlertListState['lists'];

interface CardDef {
  view: DeadlineListView;
  label: string;
  hint: string | ((s: DeadlineSummary) => string);
  tone: Tone;
  value(s: DeadlineSummary): number;
  listTitle: string;
}

const CARDS: CardDef[] = [
  { view: 'overdue', label: '超审限未结', hint: '今日已过届满日', tone: 'danger', value: (s) => s.overdue, listTitle: '超审限未结案件（按届满日从早到晚）' },
  { view: 'due7', label: '7日内到期', hint: '剩余 0–7 天', tone: 'warn', value: (s) => s.dueWithin7, listTitle: '7日内到期的案件（剩余 0–7 天）' },
  { view: 'due15', label: '15日内到期', hint: '剩余 0–15 天', tone: 'warn', value: (s) => s.dueWithin15, listTitle: '15日内到期的案件（剩余 0–15 天）' },
  { view: 'due30', label: '30日内到期', hint: '剩余 0–30 天', tone: 'normal', value: (s) => s.dueWithin30, listTitle: '30日内到期的案件（剩余 0–30 天）' },
  // Every stopped clock, a 中止 and another open period (鉴定, 审计, 评估, 拍卖 …) alike: never out of sight.
  {
    view: 'suspended', label: '中止·暂停', hint: (s) => `中止 ${formatCount(s.suspended)} · 暂停计算 ${formatCount(s.paused)}`, tone: 'info',
    value: (s) => s.stopped, listTitle: '审限停止计算的案件：中止与暂停计算（按冻结的剩余天数从少到多）',
  },
  // 先行调解 has its own period (15 or 7 days from the mediator's receipt) to watch beside the time limit.
  {
    view: 'mediation', label: '先行调解到期', hint: (s) => `${MEDIATION_WARN_DAYS}日内届满或已满 · 调解中 ${formatCount(s.mediating)}`, tone: 'warn',
    value: (s) => s.mediationDue, listTitle: `先行调解期限 ${MEDIATION_WARN_DAYS} 日内届满或已满、尚未登记结果的案件`,
  },
];

const EMPTY_TEXT: Record<DeadlineListView, string> = {
  overdue: '目前没有超审限未结的案件',
  due7: '这一期间内没有到期的案件',
  due15: '这一期间内没有到期的案件',
  due30: '这一期间内没有到期的案件',
  suspended: '目前没有中止或暂停计算的案件',
  mediation: '目前没有即将到期或已到期的先行调解',
  hidden: '没有发现隐性超审限的案件',
  cold: '没有长期未动的案件',
};

/** The alert lists: counted only once opened (finding them reads every candidate case), so the card says so until then. */
const ALERT_CARDS: Array<{ view: AlertView; label: string; hint: string }> = [
  { view: 'hidden', label: '隐性超审限', hint: '扣除期间久未结束、届满后批准延长等' },
  { view: 'cold', label: '长期未动', hint: '长时间没有任何登记' },
];

export function DeadlinesPage({ view }: { view: DeadlineListView }) {
  const summary = useStore(stores.deadlineSummary, (s) => s.summary);
  const summaryError = useStore(stores.deadlineSummary, (s) => s.error);
  const card = CARDS.find((c) => c.view === view) ?? CARDS[0];
  const alertLists = useStore(stores.deadlineAlerts, (s) => s.lists);
  const user = useStore(session, (s) => s.user);
  const whose = user ? whoseCasesTitle(user) : '';
  // Nothing open in the reader's scope: every card would say 0 and every list be empty, so the page says so once.
  const nothingOpen = summary !== null && summary.open === 0;

  return (
    <div className="page page-list" data-testid="deadlines-page">
      <div className="page-head">
        <h1 data-testid="deadlines-title" title={user ? `${scopeExplanation(user.scope)}查看范围由账号的角色决定。` : undefined}>
          审限预警{whose ? <span className="whose" data-testid="deadlines-whose"> · {whose}</span> : null}
        </h1>
        {summary ? (
          <span className="muted" data-testid="deadlines-stats">
            统计日期 {formatDate(summary.today)} · 未结案件 {formatCount(summary.open)} 件
          </span>
        ) : null}
        <span className="push-right">
          <ReconciliationLink />
        </span>
        <button type="button" className="link-button" onClick={() => void refresh(view)}>
          刷新
        </button>
      </div>
      {summaryError ? (
        <div className="banner error" role="alert">
          {summaryError}
        </div>
      ) : null}
      <WaitingNotice />
      <MyMeasuresPanel />
      {nothingOpen && user ? (
        <div className="notice empty-start" data-testid="deadlines-empty">
          <h2>没有未结案件</h2>
          <p>{noOpenCasesText(user)}</p>
          <p>
            <Link to={DEFAULT_ROUTE} testId="deadlines-empty-cases">
              查看案件列表
            </Link>
          </p>
        </div>
      ) : (
        <StartBoard view={view} summary={summary} alertLists={alertLists} card={card} />
      )}
    </div>
  );
}

function StartBoard({ view, summary, alertLists, card }: { view: DeadlineListView; summary: DeadlineSummary | null; alertLists: AlertLists; card: CardDef }) {
  return (
    <>
      <div className="cards" role="tablist" aria-label="预警类别">
        {CARDS.map((c) => (
          <button
            type="button"
            role="tab"
            aria-selected={c.view === view}
            key={c.view}
            className={`card tone-${c.tone}${c.view === view ? ' selected' : ''}`}
            data-testid={`deadline-card-${c.view}`}
            onClick={() => router.getState().navigate({ name: 'deadlines', view: c.view, page: 1 })}
          >
            <span className="card-label">{c.label}</span>
            <span className="card-value" data-testid={`deadline-count-${c.view}`}>
              {summary ? formatCount(c.value(summary)) : '—'}
            </span>
            <span className="card-hint" data-testid={`deadline-hint-${c.view}`}>{typeof c.hint === 'string' ? c.hint : summary ? c.hint(summary) : '审限暂停计算'}</span>
          </button>
        ))}
        {ALERT_CARDS.map((c) => {
          const l = alertLists[c.view];
          return (
            <button
              type="button"
              role="tab"
              aria-selected={c.view === view}
              key={c.view}
              className={`card tone-${c.view === 'hidden' ? 'danger' : 'info'}${c.view === view ? ' selected' : ''}`}
              data-testid={`deadline-card-${c.view}`}
              onClick={() => router.getState().navigate({ name: 'deadlines', view: c.view, page: 1 })}
            >
              <span className="card-label">{c.label}</span>
              <span className="card-value" data-testid={`deadline-count-${c.view}`}>{l ? formatCount(l.total) : '—'}</span>
              <span className="card-hint">{l && c.view === 'cold' ? `${l.thresholds.coldDays} 天以上没有任何登记` : l ? `期间超过 ${l.thresholds.openPeriodDays} 天未结束等` : c.hint}</span>
            </button>
          );
        })}
      </div>
      {isAlertView(view) ? <AlertsPanel view={view} /> : <CaseListPart view={view} title={card.listTitle} label={card.label} />}
    </>
  );
}

function CaseListPart({ view, title, label }: { view: DeadlineListView; title: string; label: string }) {
  const total = useStore(stores.deadlineList, (s) => s.total);
  const totalLoading = useStore(stores.deadlineList, (s) => s.totalLoading);
  const totalError = useStore(stores.deadlineList, (s) => s.totalError);
  return (
    <>
      <div className="list-head">
        <h2>{title}</h2>
        <TotalLine total={total} loading={totalLoading} error={totalError} />
        <Link className="push-right" to={{ name: 'cases', filters: deadlineViewFilters(view), page: 1 }} testId="deadline-open-in-cases">
          在案件列表中继续筛选
        </Link>
        <ExportButton filters={deadlineViewFilters(view)} total={total} title={`审限预警 · ${label}`} filePrefix={`审限预警-${label}`} />
      </div>
      <CaseTable
        store={stores.deadlineList}
        onPage={(p) => router.getState().navigate({ name: 'deadlines', view, page: p })}
        emptyText={EMPTY_TEXT[view]}
      />
    </>
  );
}

/** 审限核对, for those who may see it: the cases whose exchange source states another due date than CourtDesk computes. */
function ReconciliationLink() {
  const allowed = useStore(session, (s) => s.user?.permissions.includes('reconciliation.view') ?? false);
  if (!allowed) return null;
  return (
    <Link to={{ name: 'reconciliation' }} testId="deadlines-reconciliation-link" title="数据交换 XML 所载审限与本程序计算不一致的案件">
      审限核对
    </Link>
  );
}

async function refresh(view: DeadlineListView) {
  await Promise.all([
    stores.deadlineSummary.getState().load(),
    isAlertView(view) ? stores.deadlineAlerts.getState().load(view) : stores.deadlineList.getState().reload(),
  ]);
}
