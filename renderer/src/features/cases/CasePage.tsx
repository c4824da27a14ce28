// The case page: the record, its deducted periods and extension requests, the time limit with its arithmetic, and the
// work done on it: editing, periods, conversion, closing (阅核, 类案检索), appeals, reopening, 先行调解, its history.
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { CaseDetail, CaseEventView } from '../../../../shared/api/contract';
import { CAUSE_CATALOGS } from '../../../../shared/cases/caseWork';
import { Link } from '../../components/Link';
import { userCan } from '../auth/session';
import { ClosingDialog } from './ClosingDialog';
import { AddEventDialog, ConvertDialog, EndPeriodDialog } from './EventDialogs';
import { HistorySection } from './HistorySection';
import { MediationPanel } from './MediationPanel';
import { ClosingRecordSection } from './CaseRecordSections';
import { CaseExtensionsSection } from '../extensions/CaseExtensions';
import { AppealDialog, ReopenDialog } from './RecordDialogs';
import { canConvert, canRecordAppeal, mediationApplies } from './workForms';
import {
  LIMIT_VARIANT_TEXT,
  appealText,
  daysBetween,
  deadlineSummary,
  formatCount,
  formatDate,
  formatDateTime,
  formatYuan,
  joinNames,
  statusLabel,
  yesNo,
} from '../../lib/format';
import { router, session, stores } from '../../stores';

function BackLink() {
  const last = useStore(router, (s) => s.lastList);
  return (
    <Link to={last} className="back-link" testId="back-to-list">
      ← 返回列表
    </Link>
  );
}

function Field({ label, value, wide, mono }: { label: string; value: string; wide?: boolean; mono?: boolean }) {
  return (
    <div className={`field${wide ? ' wide' : ''}`}>
      <dt>{label}</dt>
      <dd className={mono ? 'num' : undefined} title={value}>
        {value}
      </dd>
    </div>
  );
}

/** After a change on this page: what it did to the due date, in one line above the arithmetic that says why. */
function LastChangeLine({ c }: { c: CaseDetail }) {
  const last = useStore(stores.caseWork, (s) => s.lastChange);
  const ref = useRef<HTMLParagraphElement>(null);
  // Brought into view with the due date under it: the person made the change further down the page. After the dialog
  // that made it has closed and given the focus back to its button (which scrolls to that button).
  useEffect(() => {
    if (!last) return;
    const t = setTimeout(() => ref.current?.scrollIntoView({ block: 'start' }), 0);
    return () => clearTimeout(t);
  }, [last]);
  if (!last || last.caseNumber !== c.caseNumber) return null;
  const moved = last.dueBefore !== last.dueAfter;
  return (
    <p className="banner ok last-change" role="status" data-testid="last-change" ref={ref}>
      {last.what ? `已${last.what}。` : '已保存。'}
      {moved && last.dueBefore && last.dueAfter
        ? `审限届满日由 ${formatDate(last.dueBefore)} 变为 ${formatDate(last.dueAfter)}（见下方计算过程）。`
        : moved && last.dueAfter === null
          ? '审限暂停计算（见下方计算过程）。'
          : moved && last.dueBefore === null && last.dueAfter
            ? `审限恢复计算，届满日 ${formatDate(last.dueAfter)}。`
            : '审限届满日不变。'}
    </p>
  );
}

function DeadlineSection({ c, today }: { c: CaseDetail; today: string | null }) {
  const d = c.deadline;
  const sum = deadlineSummary(d);
  return (
    <section className={`deadline-box tone-${sum.tone}`} aria-label="审限" data-testid="deadline-box">
      <div className="deadline-summary">
        <span className="deadline-limit">{sum.limit}</span>
        {sum.extension ? (
          <>
            <span className="sep">·</span>
            <span>{sum.extension}</span>
          </>
        ) : null}
        <span className="sep">·</span>
        <span>
          届满日 <strong data-testid="deadline-due">{sum.dueOn}</strong>
        </span>
        <span className="sep">·</span>
        <strong className="deadline-remaining" data-testid="deadline-remaining">
          {sum.remaining}
        </strong>
      </div>
      <dl className="deadline-facts">
        <Field label="适用审限" value={d.ruleLabel ?? '无（此类案件无法定审限）'} />
        <Field label="法律依据" value={d.basis ?? '—'} wide />
        <Field label="法定届满日" value={formatDate(d.statutoryDueOn)} mono />
        <Field label="扣除天数" value={`${formatCount(d.deductedDays)} 天`} mono />
        <Field label="批准延长" value={d.extension ?? '无'} />
        {c.importedDeductedDays || c.importedExtendedDays ? (
          <Field
            label="导入数据"
            value={`扣除 ${formatCount(c.importedDeductedDays)} 天，延长 ${formatCount(c.importedExtendedDays)} 天（原系统只记录合计）`}
            wide
          />
        ) : null}
      </dl>
      <h3>计算过程{today ? <span className="muted small">（按今日 {formatDate(today)} 计算）</span> : null}</h3>
      {d.steps.length ? (
        <ol className="deadline-steps" data-testid="deadline-steps">
          {d.steps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      ) : (
        <p className="muted" data-testid="deadline-steps">
          无计算步骤。
        </p>
      )}
    </section>
  );
}

function EventsSection({ c, today, may }: { c: CaseDetail; today: string | null; may: boolean }) {
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<CaseEventView | null>(null);
  const openSuspension = c.events.some((e) => e.kind === '中止' && e.toOn === null);
  return (
    <section className="panel" aria-label="扣除审限期间">
      <div className="panel-head">
        <h2>
          扣除审限期间 <span className="muted small">{c.events.length ? `${c.events.length} 项` : ''}</span>
        </h2>
        {may && c.closedOn ? (
          <span className="muted small push-right" data-testid="event-closed-note">
            已结案，不能再登记期间；确有遗漏的，请庭长重开案件后登记
          </span>
        ) : may ? (
          <button type="button" className="push-right" data-testid="event-add" onClick={() => setAdding(true)}>
            登记期间{openSuspension ? '' : '或中止'}
          </button>
        ) : null}
      </div>
      {c.events.length === 0 ? (
        <p className="muted" data-testid="case-events-empty">
          没有记录不计入审限的期间。
        </p>
      ) : (
        <table className="plain-table" data-testid="case-events">
          <colgroup>
            <col className="w-110" />
            <col className="w-110" />
            <col className="w-110" />
            <col className="w-120" />
            <col className={may ? 'w-150' : 'w-200'} />
            <col />
            {may ? <col className="w-90" /> : null}
          </colgroup>
          <thead>
            <tr>
              <th>类型</th>
              <th className="num">开始日期</th>
              <th className="num">结束日期</th>
              <th className="num">天数</th>
              <th>是否扣除审限</th>
              <th>备注</th>
              {may ? <th>操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {c.events.map((e) => {
              const end = e.toOn ?? c.closedOn ?? today;
              const days = end ? daysBetween(e.fromOn, end) : null;
              return (
                <tr key={e.id} data-testid="case-event" data-kind={e.kind} data-open={e.toOn === null ? 'yes' : 'no'}>
                  <td>{e.kind}</td>
                  <td className="num">{formatDate(e.fromOn)}</td>
                  <td className="num">{e.toOn ? formatDate(e.toOn) : <span className="tone-info">尚未结束</span>}</td>
                  <td className="num" title={e.toOn ? undefined : '尚未结束：计至今日（已结案的计至结案日）'}>
                    {days === null ? '—' : `${formatCount(days)} 天${e.toOn ? '' : '（至今）'}`}
                  </td>
                  <td>{e.deductible ? '扣除' : <span className="muted">不扣除（本类案件不适用）</span>}</td>
                  <td className="ellipsis" title={e.note ?? ''}>
                    {e.note ?? ''}
                  </td>
                  {may ? (
                    <td className="row-actions">
                      {e.toOn === null && !c.closedOn ? (
                        <button type="button" className="link-button" data-testid={e.kind === '中止' ? 'event-resume' : 'event-end'} onClick={() => setEnding(e)}>
                          {e.kind === '中止' ? '恢复审理' : '结束'}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {adding ? <AddEventDialog c={c} onClose={() => setAdding(false)} /> : null}
      {ending ? <EndPeriodDialog c={c} event={ending} onClose={() => setEnding(null)} /> : null}
    </section>
  );
}

function CaseFields({ c }: { c: CaseDetail }) {
  const enforcement = c.typeCode.startsWith('执');
  return (
    <section className="panel" aria-label="案件信息">
      <h2>案件信息</h2>
      <dl className="fields">
        <Field label="案号" value={c.caseNumber} />
        <Field label="案件类型" value={c.typeCode} />
        <Field label="案由" value={c.cause} />
        <Field label="审判程序" value={c.procedure ? `${c.procedure}${c.convertedOn ? `（${formatDate(c.convertedOn)} 转为普通程序）` : ''}` : '—'} />
        {c.limitVariant ? <Field label="审限情形" value={LIMIT_VARIANT_TEXT[c.limitVariant]} /> : null}
        <Field label="立案日期" value={formatDate(c.filedOn)} mono />
        <Field label="结案日期" value={c.closedOn ? formatDate(c.closedOn) : '未结'} mono />
        <Field label="结案方式" value={c.closingMethod ?? (c.closedOn ? '未记录' : '—')} />
        <Field label="承办部门" value={c.division} />
        <Field label="承办法官" value={c.judge} />
        <Field label="标的额" value={formatYuan(c.claimAmount)} mono />
        <Field label="原告（申请人）" value={joinNames(c.plaintiffs)} wide />
        <Field label="被告（被申请人）" value={joinNames(c.defendants)} wide />
        <Field label="上诉 / 二审结果" value={appealText(c.appealed, c.appealOutcome)} />
        <div className="field">
          <dt>原审案号</dt>
          <dd title={c.originCaseNumber ?? ''}>
            {c.originCaseNumber ? (
              <Link to={{ name: 'case', caseNumber: c.originCaseNumber }} testId="origin-link">
                {c.originCaseNumber}
              </Link>
            ) : (
              '—'
            )}
          </dd>
        </div>
        {c.followUps?.length ? (
          <div className="field wide">
            <dt>{c.typeCode === '诉前调' ? '调解不成后立案' : '后续案件'}</dt>
            <dd className="follow-ups" data-testid="follow-ups">
              {c.followUps.map((n) => (
                <Link key={n} to={{ name: 'case', caseNumber: n }} testId="follow-up-link">
                  {n}
                </Link>
              ))}
            </dd>
          </div>
        ) : null}
        {enforcement ? (
          <>
            <Field label="申请执行标的额" value={formatYuan(c.enforcementClaim)} mono />
            <Field label="执行到位金额" value={formatYuan(c.enforcementRecovered)} mono />
          </>
        ) : null}
        <Field label="阅核" value={yesNo(c.reviewed)} />
        <Field label="类案检索" value={yesNo(c.precedentSearched)} />
        <Field label="案由目录" value={c.causeCatalog ? CAUSE_CATALOGS[c.causeCatalog] : '目录外（手工填写或导入）'} />
        <Field label="录入时间" value={formatDateTime(c.createdAt)} mono />
        <Field label="最后修改" value={formatDateTime(c.updatedAt)} mono />
      </dl>
    </section>
  );
}

/** The buttons of what this person may do with this case now; each opens its dialog. */
type CaseDialog = 'close' | 'reopen' | 'appeal' | 'convert' | null;

function CaseActions({ c }: { c: CaseDetail }) {
  const user = useStore(session, (s) => s.user);
  const [dialog, setDialog] = useState<CaseDialog>(null);
  const register = userCan(user, 'cases.register');
  const record = userCan(user, 'events.record');
  const reopen = userCan(user, 'cases.reopen');
  const buttons = [
    register ? (
      <Link key="edit" to={{ name: 'caseEdit', caseNumber: c.caseNumber }} className="button-link" testId="case-edit">
        编辑
      </Link>
    ) : null,
    register && !c.closedOn ? (
      <button key="close" type="button" className="primary" data-testid="case-close" onClick={() => setDialog('close')}>
        结案
      </button>
    ) : null,
    record && canConvert(c) ? (
      <button key="convert" type="button" data-testid="case-convert" onClick={() => setDialog('convert')}>
        转为普通程序
      </button>
    ) : null,
    register && canRecordAppeal(c) ? (
      <button key="appeal" type="button" data-testid="case-appeal" onClick={() => setDialog('appeal')}>
        {c.appealed === null ? '登记上诉情况' : '修改上诉情况'}
      </button>
    ) : null,
    reopen && c.closedOn ? (
      <button key="reopen" type="button" className="danger-outline" data-testid="case-reopen" onClick={() => setDialog('reopen')}>
        重开
      </button>
    ) : null,
  ].filter(Boolean);
  if (!buttons.length) return null;
  return (
    <div className="case-actions" data-testid="case-actions">
      {buttons}
      {dialog === 'close' ? <ClosingDialog c={c} onClose={() => setDialog(null)} /> : null}
      {dialog === 'reopen' ? <ReopenDialog c={c} onClose={() => setDialog(null)} /> : null}
      {dialog === 'appeal' ? <AppealDialog c={c} onClose={() => setDialog(null)} /> : null}
      {dialog === 'convert' ? <ConvertDialog c={c} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

export function CasePage({ caseNumber }: { caseNumber: string }) {
  const s = useStore(stores.caseDetail);
  const today = useStore(stores.app, (a) => a.info?.today ?? null);
  const c = s.caseNumber === caseNumber ? s.detail : null;
  const mayRecord = useStore(session, (x) => userCan(x.user, 'events.record'));
  // The line about the last change belongs to the case it was made on.
  useEffect(() => {
    const last = stores.caseWork.getState().lastChange;
    if (last && last.caseNumber !== caseNumber) stores.caseWork.getState().clearLastChange();
  }, [caseNumber]);

  let content;
  if (s.error && s.caseNumber === caseNumber) {
    content =
      s.error.code === 'FORBIDDEN' ? (
        <div className="notice error" data-testid="case-forbidden" role="alert">
          <h1>无权查看这个案件</h1>
          <p>{s.error.message}</p>
          <p className="muted">这次查看请求已被拒绝，并记入审计日志。如工作需要，请联系本院管理员调整账号的角色或部门。</p>
        </div>
      ) : s.error.code === 'NOT_FOUND' ? (
        <div className="notice" data-testid="case-not-found" role="alert">
          <h1>找不到这个案件</h1>
          <p>{s.error.message}</p>
          <p className="muted">请核对案号是否输入正确，或返回列表重新查找。</p>
        </div>
      ) : (
        <div className="notice error" data-testid="case-error" role="alert">
          <h1>无法打开案件</h1>
          <p>{s.error.message}</p>
          <button type="button" onClick={() => void stores.caseDetail.getState().load(caseNumber, { force: true })}>
            重试
          </button>
        </div>
      );
  } else if (!c) {
    content = <p className="muted">正在读取案件 {caseNumber} …</p>;
  } else {
    const st = statusLabel(c);
    content = (
      <>
        <div className="case-title">
          <h1 title={c.caseNumber}>{c.caseNumber}</h1>
          <span className={`chip tone-${st.tone}`}>{st.text}</span>
          <span className="case-subtitle" title={`${c.cause} · ${c.division} · ${c.judge}`}>
            {c.cause} · {c.division} · {c.judge}
          </span>
        </div>
        <CaseActions c={c} />
        <LastChangeLine c={c} />
        <DeadlineSection c={c} today={c.closedOn ? null : today} />
        {mediationApplies(c) ? <MediationPanel c={c} /> : null}
        <CaseFields c={c} />
        <EventsSection c={c} today={today} may={mayRecord} />
        <ClosingRecordSection c={c} />
        <CaseExtensionsSection c={c} />
        <HistorySection caseNumber={c.caseNumber} />
      </>
    );
  }

  return (
    <div className="page page-scroll" data-testid="case-page">
      <BackLink />
      {content}
    </div>
  );
}
