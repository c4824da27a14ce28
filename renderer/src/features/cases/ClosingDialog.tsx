// 结案: the date and the method; for a judgment also 阅核 (who reviewed it, in which role, when, what he decided, whether
// it is one of the 四类案件) and 类案检索 (where, what was searched, the reference cases found or 无类案), each
// marked required when the court's 结案要求 says so. A refusal names its reason beside the box or the section.
import type { FormEvent } from 'react';
import { useStore } from 'zustand';
import type { CaseDetail } from '../../../../shared/api/contract';
import { CLOSING_METHODS, type ClosingMethod } from '../../../../shared/cases/types';
import { PRECEDENT_PLATFORMS, REVIEW_ACTIONS, REVIEWER_ROLES, type ReviewAction, type ReviewerRole } from '../../../../shared/cases/caseWork';
import { Dialog } from '../../components/Dialog';
import { FormField, boxProps } from '../../components/FormField';
import { stores } from '../../stores';
import { DialogActions, FormMessage } from './EventDialogs';
import { PartiesInput } from './PartiesInput';
import { Choice, DateBox } from './WorkFields';
import { readReferences } from './formFields';
import { useWorkForm } from './useWorkForm';
import {
  CLOSING_BOXES, closingArgs, closingDefaults, closingProblems, closingRuleNotice, closingRulesOf, closingSections, type ClosingField, type ClosingValues,
} from './workForms';

/** The methods a case of this type may close by, the usual ones first (执行 methods only for enforcement). */
export function closingMethodsFor(typeCode: string): ClosingMethod[] {
  const enforcement = typeCode.startsWith('执');
  return CLOSING_METHODS.filter((m) => (m === '执行完毕' || m === '终结本次执行' ? enforcement : true));
}

export function ClosingDialog({ c, onClose }: { c: CaseDetail; onClose(): void }) {
  const today = useStore(stores.app, (a) => a.info?.today ?? null);
  const info = useStore(stores.app, (a) => a.info);
  const rules = closingRulesOf(info);
  const f = useWorkForm<ClosingValues, ClosingField>(() => closingDefaults(today), (v) => closingProblems(v, c, rules, today));
  const v = f.values;
  const e = f.errors;
  const sections = closingSections(v, rules);
  const notice = closingRuleNotice(v, rules);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const done = await f.submit(async (x) => {
      const outcome = await stores.caseWork.getState().run('cases.close', closingArgs(c.caseNumber, x, rules), '结案');
      // Refused for a rule the window did not know yet (changed since it was read): read the rules again.
      if (!outcome.ok && outcome.code === 'BAD_ARGS') void stores.app.getState().loadInfo();
      return outcome;
    }, CLOSING_BOXES);
    if (done) onClose();
  }

  const sectionError = (key: 'review' | 'precedent') =>
    e[key] ? (
      <p className="field-error cw-error" role="alert" data-testid={`close-${key}-error`}>
        {e[key]}
      </p>
    ) : null;

  return (
    <Dialog title="结案" onClose={onClose} testId="close-dialog" wide>
      <form className="form" ref={f.root} onSubmit={(ev) => void submit(ev)} noValidate>
        <div className="form-row two">
          <FormField id="close-closedOn" label="结案日期" required error={e.closedOn} testId="close-closedOn">
            <DateBox id="close-closedOn" testId="close-closedOn" value={v.closedOn} error={e.closedOn} onChange={(t) => f.set({ closedOn: t }, ['closedOn', 'reviewedOn', 'searchedOn'])} onLeave={(t) => f.leave('closedOn', { closedOn: t })} />
          </FormField>
          <FormField id="close-method" label="结案方式" required error={e.closingMethod} testId="close-method">
            <Choice<ClosingMethod>
              id="close-method"
              testId="close-method"
              value={v.closingMethod}
              options={closingMethodsFor(c.typeCode)}
              error={e.closingMethod}
              onChange={(closingMethod) => f.set({ closingMethod })}
              onLeave={() => f.leave('closingMethod')}
            />
          </FormField>
        </div>
        {notice ? (
          <p className="banner info" data-testid="close-rules">
            {notice}
          </p>
        ) : null}
        {sections.judgment ? (
          <fieldset className="cw-section" data-testid="close-review">
            <legend>
              阅核{rules.reviewRequired ? <span className="cw-required-tag">必填</span> : null}
            </legend>
            {!rules.reviewRequired ? (
              <label className="check">
                <input type="checkbox" checked={v.withReview} data-testid="close-with-review" onChange={(x) => f.set({ withReview: x.target.checked }, [])} />
                记录本案的阅核情况
              </label>
            ) : null}
            {sectionError('review')}
            {sections.review ? (
              <div className="form-row four">
                <FormField id="close-reviewer" label="阅核人" required error={e.reviewer} testId="close-reviewer">
                  <input {...boxProps('close-reviewer', e.reviewer, 'close-reviewer')} value={v.reviewer} maxLength={20} onChange={(x) => f.set({ reviewer: x.target.value })} onBlur={() => f.leave('reviewer')} />
                </FormField>
                <FormField id="close-reviewerRole" label="阅核人身份" required error={e.reviewerRole} testId="close-reviewerRole">
                  <Choice<ReviewerRole> id="close-reviewerRole" testId="close-reviewerRole" value={v.reviewerRole} options={REVIEWER_ROLES} error={e.reviewerRole} onChange={(reviewerRole) => f.set({ reviewerRole })} onLeave={() => f.leave('reviewerRole')} />
                </FormField>
                <FormField id="close-reviewedOn" label="阅核日期" required error={e.reviewedOn} testId="close-reviewedOn">
                  <DateBox id="close-reviewedOn" testId="close-reviewedOn" value={v.reviewedOn} error={e.reviewedOn} onChange={(t) => f.set({ reviewedOn: t })} onLeave={(t) => f.leave('reviewedOn', { reviewedOn: t })} />
                </FormField>
                <FormField id="close-action" label="阅核意见" required error={e.action} testId="close-action">
                  <Choice<ReviewAction> id="close-action" testId="close-action" value={v.action} options={REVIEW_ACTIONS} error={e.action} onChange={(action) => f.set({ action })} onLeave={() => f.leave('action')} />
                </FormField>
                <label className="check cw-span-all">
                  <input type="checkbox" checked={v.fourCategories} data-testid="close-fourCategories" onChange={(x) => f.set({ fourCategories: x.target.checked })} />
                  属于“四类案件”（重大、疑难、复杂、敏感案件）
                </label>
              </div>
            ) : null}
          </fieldset>
        ) : null}
        {sections.judgment ? (
          <fieldset className="cw-section" data-testid="close-precedent">
            <legend>
              类案检索{rules.precedentRequired ? <span className="cw-required-tag">必填</span> : null}
            </legend>
            {!rules.precedentRequired ? (
              <label className="check">
                <input type="checkbox" checked={v.withPrecedent} data-testid="close-with-precedent" onChange={(x) => f.set({ withPrecedent: x.target.checked }, [])} />
                记录本案的类案检索情况
              </label>
            ) : null}
            {sectionError('precedent')}
            {sections.precedent ? (
              <div className="form">
                <div className="cw-field form-field" data-field="close-platforms">
                  <span className="cw-label">
                    检索平台<span className="cw-required">*</span>
                  </span>
                  <div className="check-row" role="group" aria-label="检索平台" aria-invalid={e.platforms ? true : undefined} aria-describedby={e.platforms ? 'close-platforms-error' : undefined}>
                    {PRECEDENT_PLATFORMS.map((p) => (
                      <label className="check" key={p}>
                        <input
                          type="checkbox"
                          data-testid={`close-platform-${p}`}
                          checked={v.platforms.includes(p)}
                          aria-invalid={e.platforms ? true : undefined}
                          onChange={(x) => f.set({ platforms: x.target.checked ? [...v.platforms, p] : v.platforms.filter((q) => q !== p) }, ['platforms'])}
                        />
                        {p}
                      </label>
                    ))}
                  </div>
                  {e.platforms ? (
                    <span className="field-error cw-error" id="close-platforms-error" role="alert" data-testid="close-platforms-error">
                      {e.platforms}
                    </span>
                  ) : null}
                </div>
                <div className="form-row two">
                  <FormField id="close-query" label="检索内容" required error={e.query} testId="close-query" hint="检索的关键词或争议焦点">
                    <input {...boxProps('close-query', e.query, 'close-query')} value={v.query} maxLength={200} onChange={(x) => f.set({ query: x.target.value })} onBlur={() => f.leave('query')} />
                  </FormField>
                  <FormField id="close-searchedOn" label="检索日期" required error={e.searchedOn} testId="close-searchedOn">
                    <DateBox id="close-searchedOn" testId="close-searchedOn" value={v.searchedOn} error={e.searchedOn} onChange={(t) => f.set({ searchedOn: t })} onLeave={(t) => f.leave('searchedOn', { searchedOn: t })} />
                  </FormField>
                </div>
                <FormField id="close-references" label="检索到的参考案例（案号或案例库入库编号）" error={e.references} testId="close-references" hint="多个用回车或“、”分隔">
                  <PartiesInput
                    id="close-references"
                    testId="close-references"
                    noun="案号"
                    names={v.references}
                    draft={v.referenceDraft}
                    error={e.references}
                    placeholder={v.noneFound ? '已勾选无类案' : '如（2023）最高法民终123号、2023-16-2-103-001'}
                    onDraft={(t) => f.set({ referenceDraft: t }, ['references'])}
                    onCommit={() => {
                      // Each reference checked as the core checks it: a slip stays in the box with its reason.
                      const more = readReferences(f.values.referenceDraft);
                      if (more.error) {
                        f.setErrors({ ...f.errors, references: more.error });
                        return false;
                      }
                      if (!more.refs.length) return false;
                      f.set({ references: [...f.values.references, ...more.refs.filter((x) => !f.values.references.includes(x))], referenceDraft: '' }, ['references']);
                      return true;
                    }}
                    onRemove={(i) => f.set({ references: v.references.filter((_, j) => j !== i) }, ['references'])}
                    onBlur={() => f.leave('references')}
                  />
                </FormField>
                <label className="check">
                  <input type="checkbox" checked={v.noneFound} data-testid="close-noneFound" onChange={(x) => f.set({ noneFound: x.target.checked }, ['references'])} />
                  无类案（检索后未发现可参考的类案）
                </label>
              </div>
            ) : null}
          </fieldset>
        ) : null}
        <FormMessage text={f.formError} testId="close-error" />
        <DialogActions busy={f.busy} label="结案" onClose={onClose} testId="close" />
      </form>
    </Dialog>
  );
}
