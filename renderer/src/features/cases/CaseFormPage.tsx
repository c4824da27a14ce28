// 新增案件 (#/cases/new) and 编辑 (#/case/<案号>/edit): one form, keyboard first. The number is checked as it is typed
// and decides the procedure and the cause catalogue; each box says its mistake beside it; Enter saves; after a new
// case the next number of its type is suggested and the form is ready for the next one.
import { useEffect, useRef, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { PROCEDURES } from '../../../../shared/cases/types';
import { FormField, boxProps } from '../../components/FormField';
import { Link } from '../../components/Link';
import { LIMIT_VARIANT_TEXT } from '../../lib/format';
import { permissionHint } from '../../lib/auth';
import { router, session, stores } from '../../stores';
import { judgesKey } from '../../stores/app';
import { userCan } from '../auth/session';
import { CausePicker } from './CausePicker';
import { PartiesInput } from './PartiesInput';
import { FORM_ORDER, catalogTitle, limitVariantsOf, procedureChoices, type CaseFormField } from './caseForm';
import { scopeKindOf } from './scopeFilters';
import { canConvert } from './workForms';

/** The types offered as one-click 取号 buttons: the ones a filing clerk registers most. */
const QUICK_TYPES = ['民初', '民终', '刑初', '行初', '执', '执保'] as const;

const NUMBER_CHECK_DELAY_MS = 300;

const boxId = (f: CaseFormField) => `case-form-${f}`;

function focusBox(f: CaseFormField) {
  const el = document.getElementById(boxId(f));
  if (el instanceof HTMLElement) {
    el.focus();
    if (el instanceof HTMLInputElement) el.select();
  }
}

/** 承办部门 and 承办法官: from the staff lists within the person's scope; fixed where his scope leaves one choice. */
function HandlerFields({ disabled }: { disabled: boolean }) {
  const form = stores.caseForm;
  const values = useStore(form, (s) => s.values);
  const errors = useStore(form, (s) => s.errors);
  const user = useStore(session, (s) => s.user);
  const divisions = useStore(stores.app, (s) => s.divisions);
  const judgesBy = useStore(stores.app, (s) => s.judges);
  const kind = scopeKindOf(user?.scope);
  const division = divisions.find((d) => d.name === values.division) ?? null;
  const judges = division ? (judgesBy[judgesKey(division.id)] ?? []) : [];

  useEffect(() => {
    if (division) void stores.app.getState().loadJudges(division.id);
  }, [division?.id]);

  // A judge registers his own cases; a division's staff their division's: the box is filled and fixed.
  useEffect(() => {
    if (!user) return;
    const s = form.getState();
    if ((kind === 'own' || kind === 'division') && user.division && !s.values.division) s.set('division', user.division);
    if (kind === 'own' && !s.values.judge) s.set('judge', user.name);
  }, [kind, user, values.division, values.judge]);

  const divisionFixed = kind === 'own' || kind === 'division';
  const judgeFixed = kind === 'own';
  const judgeNames = judges.map((j) => j.name);
  return (
    <>
      <FormField id={boxId('division')} label="承办部门" required error={errors.division} testId="case-form-division">
        {divisionFixed ? (
          <div className="cw-fixed" id={boxId('division')} tabIndex={-1} data-testid="case-form-division-fixed" title="您的查看范围只含本部门（或本人承办）的案件">
            {values.division || '（账号未设部门）'}
          </div>
        ) : (
          <select
            {...boxProps(boxId('division'), errors.division, 'case-form-division')}
            value={values.division}
            disabled={disabled}
            onChange={(e) => {
              const s = form.getState();
              s.set('division', e.target.value);
              if (s.values.judge) s.set('judge', '');
            }}
            onBlur={() => form.getState().leave('division')}
          >
            <option value="">请选择</option>
            {values.division && !divisions.some((d) => d.name === values.division) ? <option value={values.division}>{values.division}</option> : null}
            {divisions.map((d) => (
              <option key={d.id} value={d.name}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id={boxId('judge')} label="承办法官" required error={errors.judge} testId="case-form-judge">
        {judgeFixed ? (
          <div className="cw-fixed" id={boxId('judge')} tabIndex={-1} data-testid="case-form-judge-fixed" title="员额法官登记的案件由本人承办">
            {values.judge}
          </div>
        ) : (
          <select
            {...boxProps(boxId('judge'), errors.judge, 'case-form-judge')}
            value={values.judge}
            disabled={disabled || !values.division}
            onChange={(e) => form.getState().set('judge', e.target.value)}
            onBlur={() => form.getState().leave('judge')}
          >
            <option value="">{values.division ? '请选择' : '先选择承办部门'}</option>
            {values.judge && !judgeNames.includes(values.judge) ? <option value={values.judge}>{values.judge}</option> : null}
            {judges.map((j) => (
              <option key={j.id} value={j.name}>
                {j.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}

function NumberField({ today, courtCode }: { today: string | null; courtCode: string }) {
  const form = stores.caseForm;
  const mode = useStore(form, (s) => s.mode);
  const value = useStore(form, (s) => s.values.caseNumber);
  const error = useStore(form, (s) => s.errors.caseNumber);
  const check = useStore(form, (s) => s.check);
  const checkedText = useStore(form, (s) => s.checkedText);
  const checking = useStore(form, (s) => s.checking);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const composing = useRef(false);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  // The form opens ready to type the first case's number.
  useEffect(() => {
    if (mode === 'new') focusBox('caseNumber');
  }, [mode]);

  if (mode === 'edit') {
    return (
      <FormField id={boxId('caseNumber')} label="案号" testId="case-form-caseNumber" hint="案号登记后不能修改" className="cw-wide">
        <div className="cw-fixed num" data-testid="case-form-caseNumber-fixed">
          {value}
        </div>
      </FormField>
    );
  }

  function schedule(text: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (!composing.current) void form.getState().checkNumber(text);
    }, NUMBER_CHECK_DELAY_MS);
  }

  const current = check && checkedText === value && check.ok ? check : null;
  const year = today ? Number(today.slice(0, 4)) : new Date().getFullYear();
  const hint = checking ? (
    <span className="muted">正在核对案号…</span>
  ) : current ? (
    <span className="tone-ok" data-testid="case-form-caseNumber-ok">
      ✓ 可以登记：{current.canonical}
      {current.message ? <span className="tone-warn">（{current.message}）</span> : null}
    </span>
  ) : (
    '括号、全角数字均可，离开此框时整理为标准写法'
  );
  const quick = (
    <span className="quick-types" data-testid="case-form-quick">
      取下一个号：
      {QUICK_TYPES.map((t) => (
        <button
          key={t}
          type="button"
          className="link-button quick-type"
          tabIndex={-1}
          data-testid={`case-form-next-${t}`}
          title={`取 ${year} 年${t}字的下一个案号`}
          // Keeps the focus (and the number box's check) where it is: a click is not a box being left.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            void form.getState().suggestNumber(t, year).then(() => focusBox('caseNumber'));
          }}
        >
          {t}
        </button>
      ))}
    </span>
  );
  return (
    <FormField id={boxId('caseNumber')} label="案号" required error={error} testId="case-form-caseNumber" hint={hint} className="cw-wide" aside={quick}>
      <input
        {...boxProps(boxId('caseNumber'), error, 'case-form-caseNumber')}
        value={value}
        maxLength={60}
        autoComplete="off"
        placeholder={`如（${year}）${courtCode}民初1号`}
        data-autofocus
        onChange={(e) => {
          form.getState().set('caseNumber', e.target.value);
          if (!composing.current) schedule(e.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          schedule(e.currentTarget.value);
        }}
        onBlur={() => {
          if (timer.current) {
            clearTimeout(timer.current);
            timer.current = null;
            void form.getState().checkNumber().then(() => form.getState().leave('caseNumber'));
          } else form.getState().leave('caseNumber');
        }}
      />
    </FormField>
  );
}

export function CaseFormPage({ caseNumber }: { caseNumber?: string }) {
  const form = stores.caseForm;
  const s = useStore(form);
  const user = useStore(session, (x) => x.user);
  const today = useStore(stores.app, (a) => a.info?.today ?? null);
  const courtCode = useStore(stores.app, (a) => a.info?.courtCode ?? '');
  const detailState = useStore(stores.caseDetail);
  const may = userCan(user, 'cases.register');
  const editing = caseNumber !== undefined;
  const v = s.values;
  const errors = s.errors;
  const busy = s.saving;

  // 编辑: the form is filled once the case is read (the feature's load asks for it).
  const detail = editing && detailState.caseNumber === caseNumber ? detailState.detail : null;
  useEffect(() => {
    if (!editing || !detail) return;
    const st = form.getState();
    if (st.mode !== 'edit' || st.original?.caseNumber !== detail.caseNumber) void st.startEdit(detail);
  }, [editing, detail]);
  useEffect(() => {
    // The filing day starts as today: most cases are registered the day they are filed.
    if (!editing && form.getState().mode === 'new' && !form.getState().values.filedOn && today) form.getState().set('filedOn', today);
  }, [editing, today]);

  if (!may) {
    return (
      <div className="page page-scroll" data-testid="case-form-page">
        <div className="notice" data-testid="case-form-no-access">
          <h1>{editing ? '编辑案件' : '新增案件'}</h1>
          <p>您的角色不能登记或修改案件：{permissionHint(['cases.register'])}。</p>
          <Link to={{ name: 'cases', filters: stores.cases.getState().filters, page: 1 }}>返回案件列表</Link>
        </div>
      </div>
    );
  }
  if (editing && detailState.caseNumber === caseNumber && detailState.error) {
    return (
      <div className="page page-scroll" data-testid="case-form-page">
        <div className="notice error" role="alert" data-testid="case-form-load-error">
          <h1>无法编辑</h1>
          <p>{detailState.error.message}</p>
        </div>
      </div>
    );
  }
  if (editing && (s.mode !== 'edit' || s.original?.caseNumber !== caseNumber)) {
    return (
      <div className="page page-scroll" data-testid="case-form-page">
        <p className="muted">正在读取案件 {caseNumber} …</p>
      </div>
    );
  }

  const procedures = procedureChoices(s.check, s.original);
  const typeCode = s.check?.typeCode ?? s.original?.typeCode ?? null;
  const variants = limitVariantsOf(typeCode);
  const catalog = catalogTitle(s.causes.kind);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const st = form.getState();
    const saved = await st.submit(today);
    if (!saved) {
      const first = FORM_ORDER.find((f) => form.getState().errors[f]);
      if (first) focusBox(first);
      return;
    }
    if (editing) {
      stores.caseDetail.getState().replace(saved);
      void stores.caseWork.getState().loadHistory(saved.caseNumber, { force: true });
      router.getState().navigate({ name: 'case', caseNumber: saved.caseNumber });
    } else {
      // The list and the counts now hold one more case.
      void stores.cases.getState().reload();
      focusBox('caseNumber');
    }
  }

  return (
    <div className="page page-scroll case-form-page" data-testid="case-form-page">
      {editing ? (
        <Link to={{ name: 'case', caseNumber: caseNumber! }} className="back-link" testId="case-form-back">
          ← 返回案件
        </Link>
      ) : (
        <Link to={router.getState().lastList} className="back-link" testId="case-form-back">
          ← 返回列表
        </Link>
      )}
      <div className="page-head">
        <h1>{editing ? `编辑案件` : '新增案件'}</h1>
        {editing ? (
          <span className="case-subtitle num" title={caseNumber}>
            {caseNumber}
          </span>
        ) : s.savedCount ? (
          <span className="total" data-testid="case-form-count">
            本次已登记 {s.savedCount} 件
          </span>
        ) : null}
      </div>
      {!editing && s.lastSaved ? (
        <div className="banner ok" role="status" data-testid="case-form-saved">
          已登记 <strong className="num">{s.lastSaved.caseNumber}</strong>（{s.lastSaved.cause}，{s.lastSaved.judge}）。
          <Link to={{ name: 'case', caseNumber: s.lastSaved.caseNumber }} testId="case-form-saved-link">
            查看案件
          </Link>
          <span className="muted">　已填好下一个案号，可继续登记。</span>
        </div>
      ) : null}
      <form className="panel case-form" onSubmit={(e) => void submit(e)} noValidate data-testid="case-form">
        <div className="cw-grid">
          <NumberField today={today} courtCode={courtCode} />
          <FormField
            id={boxId('procedure')}
            label="审判程序"
            required={procedures.length > 0}
            error={errors.procedure}
            testId="case-form-procedure"
            hint={
              editing
                ? procedures.length && canConvert({ typeCode: typeCode ?? '', procedure: s.original?.procedure ?? null, closedOn: s.original?.closedOn ?? null })
                  ? '审理中转为普通程序的，请在案件页用“转为普通程序”登记转换日期'
                  : null
                : procedures.length
                  ? s.check?.defaultProcedure
                    ? `按案件类型默认${s.check.defaultProcedure}`
                    : null
                  : typeCode
                    ? '此类案件不区分审判程序'
                    : '由案号的案件类型决定'
            }
          >
            <select
              {...boxProps(boxId('procedure'), errors.procedure, 'case-form-procedure')}
              value={v.procedure}
              disabled={busy || procedures.length === 0}
              onChange={(e) => form.getState().set('procedure', e.target.value as (typeof PROCEDURES)[number] | '')}
              onBlur={() => form.getState().leave('procedure')}
            >
              <option value="">{procedures.length ? '请选择' : '—'}</option>
              {procedures.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </FormField>
          {variants.length ? (
            <FormField id={boxId('limitVariant')} label="审限情形" testId="case-form-limitVariant" hint="影响适用的审限">
              <select
                {...boxProps(boxId('limitVariant'), errors.limitVariant, 'case-form-limitVariant')}
                value={v.limitVariant}
                disabled={busy}
                onChange={(e) => form.getState().set('limitVariant', e.target.value as '' | (typeof variants)[number])}
              >
                <option value="">一般情形</option>
                {variants.map((x) => (
                  <option key={x} value={x}>
                    {LIMIT_VARIANT_TEXT[x]}
                  </option>
                ))}
              </select>
            </FormField>
          ) : null}
          <FormField
            id={boxId('cause')}
            label="案由"
            required
            error={errors.cause}
            testId="case-form-cause"
            className="cw-wide"
            hint={
              v.cause && v.causeCatalog ? (
                <span data-testid="case-form-cause-catalog">选自《{catalog ?? v.causeCatalog}》</span>
              ) : v.cause ? (
                <span data-testid="case-form-cause-free">目录外案由（按原样保存）</span>
              ) : catalog ? (
                `从《${catalog}》中查找；旧案由可直接填写`
              ) : (
                '填写案号后可从最高法案由目录中查找'
              )
            }
          >
            <CausePicker
              id={boxId('cause')}
              testId="case-form-cause"
              value={v.cause}
              picked={!!v.causeCatalog}
              search={s.causes}
              error={errors.cause}
              onType={(t) => form.getState().set('cause', t)}
              onSearch={(q) => void form.getState().searchCauses(q)}
              onPick={(c) => form.getState().pickCause(c)}
              onBlur={() => form.getState().leave('cause')}
            />
          </FormField>
          <FormField id={boxId('filedOn')} label="立案日期" required error={errors.filedOn} testId="case-form-filedOn" hint="如 2025-03-01，也可写 2025/3/1">
            <input
              {...boxProps(boxId('filedOn'), errors.filedOn, 'case-form-filedOn')}
              value={v.filedOn}
              maxLength={20}
              autoComplete="off"
              placeholder="YYYY-MM-DD"
              onChange={(e) => form.getState().set('filedOn', e.target.value)}
              onBlur={() => form.getState().leave('filedOn')}
            />
          </FormField>
          <FormField id={boxId('claimAmount')} label="标的额（元）" error={errors.claimAmount} testId="case-form-claimAmount" hint="如 12000 或 1.2万；无标的额不填">
            <input
              {...boxProps(boxId('claimAmount'), errors.claimAmount, 'case-form-claimAmount')}
              value={v.claimAmount}
              maxLength={30}
              autoComplete="off"
              inputMode="decimal"
              onChange={(e) => form.getState().set('claimAmount', e.target.value)}
              onBlur={() => form.getState().leave('claimAmount')}
            />
          </FormField>
          <HandlerFields disabled={busy} />
          <FormField id={boxId('originCaseNumber')} label="原审案号" error={errors.originCaseNumber} testId="case-form-originCaseNumber" hint="二审、再审、执行或诉前调解后立案的，填原案号">
            <input
              {...boxProps(boxId('originCaseNumber'), errors.originCaseNumber, 'case-form-originCaseNumber')}
              value={v.originCaseNumber}
              maxLength={60}
              autoComplete="off"
              onChange={(e) => form.getState().set('originCaseNumber', e.target.value)}
              onBlur={() => form.getState().leave('originCaseNumber')}
            />
          </FormField>
          <FormField id={boxId('plaintiffs')} label="原告（申请人）" error={errors.plaintiffs} testId="case-form-plaintiffs" className="cw-wide" hint="多个当事人用回车或“、”分隔">
            <PartiesInput
              id={boxId('plaintiffs')}
              testId="case-form-plaintiffs"
              names={v.plaintiffs}
              draft={v.plaintiffDraft}
              error={errors.plaintiffs}
              placeholder="如 张三、某某有限公司"
              onDraft={(t) => form.getState().set('plaintiffDraft', t)}
              onCommit={() => form.getState().commitParties('plaintiffs')}
              onRemove={(i) => form.getState().removeParty('plaintiffs', i)}
              onBlur={() => form.getState().leave('plaintiffs')}
            />
          </FormField>
          <FormField id={boxId('defendants')} label="被告（被申请人）" error={errors.defendants} testId="case-form-defendants" className="cw-wide" hint="多个当事人用回车或“、”分隔">
            <PartiesInput
              id={boxId('defendants')}
              testId="case-form-defendants"
              names={v.defendants}
              draft={v.defendantDraft}
              error={errors.defendants}
              onDraft={(t) => form.getState().set('defendantDraft', t)}
              onCommit={() => form.getState().commitParties('defendants')}
              onRemove={(i) => form.getState().removeParty('defendants', i)}
              onBlur={() => form.getState().leave('defendants')}
            />
          </FormField>
        </div>
        {s.formError ? (
          <p className="form-error" role="alert" data-testid="case-form-error">
            {s.formError}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="case-form-save">
            {busy ? '正在保存…' : editing ? '保存修改' : '登记'}
          </button>
          {editing ? (
            <Link to={{ name: 'case', caseNumber: caseNumber! }} className="link-button" testId="case-form-cancel">
              取消
            </Link>
          ) : null}
          <span className="muted small">按 Enter 保存；Tab 依次到下一项。</span>
        </div>
      </form>
    </div>
  );
}
