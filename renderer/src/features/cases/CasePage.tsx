// The case page: the record, its deducted periods and extension requests, and the time limit with its arithmetic.
import { useStore } from 'zustand';
import type { CaseDetail } from '../../../../shared/api/contract';
import { Link } from '../../components/Link';
import {
  EXTENSION_STATUS_TEXT,
  LIMIT_VARIANT_TEXT,
  appealText,
  daysBetween,
  deadlineSummary,
  formatCount,
  formatDate,
  formatDateTime,
  formatSpan,
  formatYuan,
  joinNames,
  statusLabel,
  yesNo,
} from '../../lib/format';
import { router, stores } from '../../stores';

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

function DeadlineSection({ c, today }: { c: CaseDetail; today: string | null }) {
  const d = c.deadline;
  const sum = deadlineSummary(d);
  return (
    <section className={`deadline-box tone-${sum.tone}`} aria-label="审限">
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

function EventsSection({ c, today }: { c: CaseDetail; today: string | null }) {
  return (
    <section className="panel" aria-label="扣除审限期间">
      <h2>
        扣除审限期间 <span className="muted small">{c.events.length ? `${c.events.length} 项` : ''}</span>
      </h2>
      {c.events.length === 0 ? (
        <p className="muted">没有记录不计入审限的期间。</p>
      ) : (
        <table className="plain-table" data-testid="case-events">
          <colgroup>
            <col className="w-110" />
            <col className="w-110" />
            <col className="w-110" />
            <col className="w-120" />
            <col className="w-200" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>类型</th>
              <th className="num">开始日期</th>
              <th className="num">结束日期</th>
              <th className="num">天数</th>
              <th>是否扣除审限</th>
              <th>备注</th>
            </tr>
          </thead>
          <tbody>
            {c.events.map((e) => {
              const end = e.toOn ?? c.closedOn ?? today;
              const days = end ? daysBetween(e.fromOn, end) : null;
              return (
                <tr key={e.id}>
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
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ExtensionsSection({ c }: { c: CaseDetail }) {
  return (
    <section className="panel" aria-label="延长审限申请">
      <h2>延长审限申请</h2>
      {c.extensions.length === 0 ? (
        <p className="muted">没有延长审限的申请。</p>
      ) : (
        <table className="plain-table" data-testid="case-extensions">
          <colgroup>
            <col className="w-110" />
            <col className="w-110" />
            <col />
            <col className="w-150" />
            <col className="w-110" />
          </colgroup>
          <thead>
            <tr>
              <th className="num">申请日期</th>
              <th>申请延长</th>
              <th>理由</th>
              <th>状态</th>
              <th className="num">决定日期</th>
            </tr>
          </thead>
          <tbody>
            {c.extensions.map((x) => (
              <tr key={x.id}>
                <td className="num">{formatDate(x.requestedOn)}</td>
                <td>{formatSpan(x.months, x.days)}</td>
                <td className="ellipsis" title={x.reason}>
                  {x.reason}
                </td>
                <td>
                  <span className={`chip tone-${x.status === 'approved' ? 'ok' : x.status === 'rejected' ? 'danger' : 'info'}`}>
                    {EXTENSION_STATUS_TEXT[x.status]}
                  </span>
                </td>
                <td className="num">{formatDate(x.decidedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
        <Field label="审判程序" value={c.procedure ?? '—'} />
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
            {c.originCaseNumber ? <Link to={{ name: 'case', caseNumber: c.originCaseNumber }}>{c.originCaseNumber}</Link> : '—'}
          </dd>
        </div>
        {enforcement ? (
          <>
            <Field label="申请执行标的额" value={formatYuan(c.enforcementClaim)} mono />
            <Field label="执行到位金额" value={formatYuan(c.enforcementRecovered)} mono />
          </>
        ) : null}
        <Field label="阅核" value={yesNo(c.reviewed)} />
        <Field label="类案检索" value={yesNo(c.precedentSearched)} />
        <Field label="录入时间" value={formatDateTime(c.createdAt)} mono />
        <Field label="最后修改" value={formatDateTime(c.updatedAt)} mono />
      </dl>
    </section>
  );
}

export function CasePage({ caseNumber }: { caseNumber: string }) {
  const s = useStore(stores.caseDetail);
  const today = useStore(stores.app, (a) => a.info?.today ?? null);
  const c = s.caseNumber === caseNumber ? s.detail : null;

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
        <DeadlineSection c={c} today={c.closedOn ? null : today} />
        <CaseFields c={c} />
        <EventsSection c={c} today={today} />
        <ExtensionsSection c={c} />
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
