// Renderer: case work in the window as plain functions against a fake API: each box of the registration form and
// the case page's dialogs checked with the call's own schema (the Chinese message for a bad value), the form's store
// (number check, save, next number, edit), the case page's changes and history, saved filters and their presets.
import { describe, expect, it, vi } from 'vitest';
import type { ApiResponse, AuditRow, CaseDetail, CaseNumberCheck, CauseEntry } from '../../shared/api/contract';
import { closeArgs } from '../../shared/cases/workApi';
import { caseFilterSchema } from '../../shared/cases/api';
import {
  addNames, bareMessage, errorBox, normalizeDateText, readDate, readReferences, readYuan, splitNames, tidyCaseNumber,
} from '../../renderer/src/features/cases/formFields';
import { EMPTY_VALUES, changedFields, fieldProblem, formFields, type CaseFormApi, type CaseFormValues } from '../../renderer/src/features/cases/caseForm';
import { createCaseFormStore } from '../../renderer/src/features/cases/caseFormStore';
import { createCaseDetailStore } from '../../renderer/src/features/cases/caseDetail';
import { createCaseWorkStore } from '../../renderer/src/features/cases/caseWork';
import { entryChanges, historyEntries } from '../../renderer/src/features/cases/history';
import { createSavedFiltersStore, filterNameProblem, filterPresets, savedToFilters, showsFilter } from '../../renderer/src/features/cases/savedFilters';
import { DEFAULT_FILTERS, toFilterArgs } from '../../renderer/src/features/cases/filters';
import {
  canConvert, canRecordAppeal, closingArgs, closingDefaults, closingProblems, closingRuleNotice, closingRulesOf, eventArgs, eventKindsFor, eventProblems,
  mediationApplies, mediationExtendProblems, mediationRemainingText, mediationTone, reopenProblem, type ClosingValues,
} from '../../renderer/src/features/cases/workForms';
import { formatCasesRoute, parseCasesRoute } from '../../renderer/src/features/cases/routes';
import { splitHash } from '../../renderer/src/router/hash';

const ok = <T>(value: T): ApiResponse<T> => ({ ok: true, value });
const bad = (message: string, field?: string): ApiResponse<never> => ({ ok: false, error: { code: 'BAD_ARGS', message, ...(field ? { field } : {}) } });

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const TODAY = '2026-11-23';

function detail(patch: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: 1,
    caseNumber: '（2026）辽0421民初12号',
    typeCode: '民初',
    cause: '民间借贷纠纷',
    procedure: '普通程序',
    filedOn: '2026-10-15',
    closedOn: null,
    closingMethod: null,
    divisionId: 2,
    division: '民一庭',
    judgeId: 7,
    judge: '孟琳',
    plaintiffs: ['张三'],
    defendants: ['李四'],
    limit: '6个月',
    dueOn: '2027-04-15',
    daysRemaining: 143,
    status: 'in_time',
    limitVariant: null,
    claimAmount: null,
    importedDeductedDays: 0,
    importedExtendedDays: 0,
    appealed: null,
    appealOutcome: null,
    originCaseNumber: null,
    enforcementClaim: null,
    enforcementRecovered: null,
    reviewed: null,
    precedentSearched: null,
    createdAt: '2026-11-23T01:00:00Z',
    updatedAt: '2026-11-23T01:00:00Z',
    events: [],
    extensions: [],
    deadline: { limit: '6个月', ruleLabel: '民初·普通程序', basis: '民事诉讼法第152条', statutoryDueOn: '2027-04-15', deductedDays: 0, extension: null, dueOn: '2027-04-15', daysRemaining: 143, status: 'in_time', steps: [] },
    causeCatalog: 'civil-2025',
    convertedOn: null,
    reviews: [],
    precedentSearches: [],
    reopenings: [],
    mediation: null,
    followUps: [],
    ...patch,
  };
}

const freeCheck = (n: string, patch: Partial<CaseNumberCheck> = {}): CaseNumberCheck => ({
  ok: true, message: null, canonical: n, typeCode: '民初', procedures: ['普通程序', '简易程序', '小额诉讼程序'], defaultProcedure: '普通程序', catalogKind: 'civil', ...patch,
});

const CAUSE: CauseEntry = { name: '民间借贷纠纷', code: '(3)', path: ['第四部分 合同、准合同纠纷'], catalog: 'civil-2025' };

function formApi(over: Partial<Record<keyof CaseFormApi, unknown>> = {}): CaseFormApi {
  return {
    'cases.checkNumber': vi.fn(async (a: { caseNumber: string }) => ok(freeCheck(tidyCaseNumber(a.caseNumber)))),
    'cases.nextNumber': vi.fn(async () => ok({ caseNumber: '（2026）辽0421民初13号' })),
    'cases.register': vi.fn(async () => ok(detail())),
    'cases.update': vi.fn(async () => ok(detail())),
    'catalog.causes': vi.fn(async () => ok([CAUSE])),
    ...over,
  } as CaseFormApi;
}

describe('boxes read as people type them', () => {
  it('writes dates the way clerks do as YYYY-MM-DD, and refuses days that do not exist in the core\'s words', () => {
    for (const t of ['2024-1-5', '2024/01/05', '2024.1.5', '2024年1月5日', '20240105', '２０２４－０１－０５']) expect(normalizeDateText(t)).toBe('2024-01-05');
    expect(readDate('')).toEqual({ empty: true });
    expect(readDate('2024/2/29')).toEqual({ empty: false, value: '2024-02-29' });
    expect(readDate('2023-02-29')).toEqual({ empty: false, error: '日期无效，应如 2024-01-05' });
    expect(readDate('昨天')).toEqual({ empty: false, error: '日期无效，应如 2024-01-05' });
  });

  it('reads yuan with full-width digits, separators, 万 and 元; says why it refuses the rest', () => {
    expect(readYuan('１２０００')).toEqual({ empty: false, value: 12000 });
    expect(readYuan('12,000.50元')).toEqual({ empty: false, value: 12000.5 });
    expect(readYuan('1.2万')).toEqual({ empty: false, value: 12000 });
    expect(readYuan('  ')).toEqual({ empty: true });
    expect(readYuan('一万')).toEqual({ empty: false, error: '请输入金额（元），如 12000 或 12000.50' });
    expect(readYuan('-5')).toEqual({ empty: false, error: '标的额不能为负数' });
    expect(readYuan('1.234')).toEqual({ empty: false, error: '金额最多精确到分（两位小数）' });
    expect(readYuan('99999999999999')).toEqual({ empty: false, error: '标的额过大' });
  });

  it('splits names at Enter, 、, commas and semicolons, checks each as the core does, and ignores repeats', () => {
    expect(splitNames('张三、李四，王五;赵六\n钱七')).toEqual(['张三', '李四', '王五', '赵六', '钱七']);
    expect(addNames(['张三'], '李四、张三')).toEqual({ names: ['张三', '李四'], error: null });
    const long = '某'.repeat(101);
    const r = addNames(['张三'], `李四、${long}`);
    expect(r.names).toEqual(['张三']);
    expect(r.error).toContain('当事人名称最多 100 个字');
  });

  it('tidies case numbers; reads references as the core stores them (any court\'s numbers, 案例库 entries) or names the slip', () => {
    expect(tidyCaseNumber('(2026)辽0421民初 12号')).toBe('（2026）辽0421民初12号');
    expect(readReferences('(2023)最高法民终123号、(2024)辽02民终55号、(2024)辽02民终55号、2023－16－2－103－001')).toEqual({
      refs: ['（2023）最高法民终123号', '（2024）辽02民终55号', '2023-16-2-103-001'], error: null,
    });
    expect(readReferences('（2023）最高法民终123号、见附件').error).toBe('参考案例“见附件”既不是案号，也不是人民法院案例库的入库编号（如 2023-16-2-103-001）');
  });

  it('puts a refusal beside the box its argument names, by path or by the core\'s column name', () => {
    const boxes = { filedOn: 'filed', 'review.reviewer': 'reviewer', review: 'review', 开始日期: 'from' } as const;
    expect(errorBox({ field: 'filedOn', message: '' }, boxes)).toBe('filed');
    expect(errorBox({ field: 'fields.filedOn', message: '' }, boxes)).toBe('filed');
    expect(errorBox({ field: 'review.reviewer', message: '' }, boxes)).toBe('reviewer');
    expect(errorBox({ field: 'review.action', message: '' }, boxes)).toBe('review');
    expect(errorBox({ field: '开始日期', message: '' }, boxes)).toBe('from');
    expect(errorBox({ field: 'eventId', message: '' }, boxes)).toBeNull();
    expect(errorBox({ message: '' }, boxes)).toBeNull();
    expect(bareMessage('参数“filedOn”：日期无效，应如 2024-01-05')).toBe('日期无效，应如 2024-01-05');
  });
});

describe('registration form: each box\'s mistake', () => {
  const ctx = { mode: 'new' as const, check: null, checkedText: null, original: null, today: TODAY };
  const v = (patch: Partial<CaseFormValues>): CaseFormValues => ({ ...EMPTY_VALUES, ...patch });

  it('names what is wrong in Chinese, box by box', () => {
    expect(fieldProblem('caseNumber', v({}), ctx)).toBe('请输入案号');
    expect(fieldProblem('caseNumber', v({ caseNumber: '2026民初1' }), ctx)).toContain('格式不正确');
    const taken = freeCheck('（2026）辽0421民初1号', { ok: false, message: '案号 （2026）辽0421民初1号 已登记' });
    expect(fieldProblem('caseNumber', v({ caseNumber: '（2026）辽0421民初1号' }), { ...ctx, check: taken, checkedText: '（2026）辽0421民初1号' })).toBe('案号 （2026）辽0421民初1号 已登记');
    expect(fieldProblem('cause', v({ cause: ' ' }), ctx)).toBe('请选择或填写案由');
    expect(fieldProblem('filedOn', v({}), ctx)).toBe('请填写立案日期');
    expect(fieldProblem('filedOn', v({ filedOn: '2026-02-30' }), ctx)).toBe('日期无效，应如 2024-01-05');
    expect(fieldProblem('filedOn', v({ filedOn: '2026-12-01' }), ctx)).toBe('立案日期 2026-12-01 晚于今天 2026-11-23');
    expect(fieldProblem('filedOn', v({ filedOn: '2025-12-01', caseNumber: '（2026）辽0421民初1号' }), ctx)).toBe('立案日期 2025-12-01 与案号年份 2026 不一致');
    // Editing a closed case: a filing date after its closing is refused at the box, as the core refuses it.
    const closed = { ...ctx, mode: 'edit' as const, original: detail({ caseNumber: '（2026）辽0421民初1号', filedOn: '2026-03-01', closedOn: '2026-06-30' }) };
    expect(fieldProblem('filedOn', v({ filedOn: '2026-07-01' }), closed)).toBe('立案日期 2026-07-01 晚于本案的结案日期 2026-06-30');
    expect(fieldProblem('filedOn', v({ filedOn: '2026-06-30' }), closed)).toBeNull();
    expect(fieldProblem('division', v({}), ctx)).toBe('请选择承办部门');
    expect(fieldProblem('judge', v({}), ctx)).toBe('请选择承办法官');
    expect(fieldProblem('claimAmount', v({ claimAmount: 'abc' }), ctx)).toBe('请输入金额（元），如 12000 或 12000.50');
    expect(fieldProblem('plaintiffs', v({ plaintiffDraft: '某'.repeat(101) }), ctx)).toContain('当事人名称最多 100 个字');
    expect(fieldProblem('originCaseNumber', v({ originCaseNumber: 'abc' }), ctx)).toContain('原审案号');
    expect(fieldProblem('originCaseNumber', v({ originCaseNumber: '（2026）辽0421民初1号', caseNumber: '(2026)辽0421民初1号' }), ctx)).toBe('原审案号不能是本案案号');
    const check = freeCheck('（2026）辽0421民初1号');
    expect(fieldProblem('procedure', v({ procedure: '' }), { ...ctx, check })).toBe('请选择审判程序');
    expect(fieldProblem('procedure', v({ procedure: '速裁程序' }), { ...ctx, check })).toContain('普通程序、简易程序、小额诉讼程序');
  });

  it('gives the call the fields as it takes them: amounts in yuan, the names still in the box, the picked catalogue', () => {
    const fields = formFields(v({
      cause: ' 民间借贷纠纷 ', causeCatalog: 'civil-2025', procedure: '简易程序', filedOn: '2026/11/1', division: '民一庭', judge: '孟琳',
      plaintiffs: ['张三'], plaintiffDraft: '李四', defendantDraft: '某某公司、王五', claimAmount: '１,２００', originCaseNumber: '(2026)辽0421诉前调3号',
    }));
    expect(fields).toEqual({
      cause: '民间借贷纠纷', causeCatalog: 'civil-2025', procedure: '简易程序', limitVariant: null, filedOn: '2026-11-01', division: '民一庭', judge: '孟琳',
      plaintiffs: ['张三', '李四'], defendants: ['某某公司', '王五'], claimAmount: 1200, originCaseNumber: '（2026）辽0421诉前调3号',
    });
  });

  it('edits send only what changed', () => {
    const d = detail({ claimAmount: null });
    const fields = formFields({ ...EMPTY_VALUES, cause: d.cause, causeCatalog: d.causeCatalog, procedure: '普通程序', filedOn: d.filedOn, division: d.division, judge: d.judge, plaintiffs: ['张三'], defendants: ['李四'], claimAmount: '5万' });
    expect(changedFields(d, fields)).toEqual({ claimAmount: 50000 });
    expect(changedFields(d, { ...fields, cause: '借款合同纠纷', causeCatalog: null, claimAmount: null })).toEqual({ cause: '借款合同纠纷', causeCatalog: null });
  });
});

describe('registration form store', () => {
  it('checks the number typed, drops answers for older text, and lets the type choose the procedure and the catalogue', async () => {
    const slow = deferred<ApiResponse<CaseNumberCheck>>();
    const check = vi.fn().mockImplementationOnce(() => slow.promise).mockImplementation(async (a: { caseNumber: string }) => ok(freeCheck(tidyCaseNumber(a.caseNumber), { typeCode: '刑初', procedures: ['普通程序', '简易程序', '速裁程序'], catalogKind: 'criminal' })));
    const form = createCaseFormStore(formApi({ 'cases.checkNumber': check }));
    form.getState().startNew();
    form.getState().set('caseNumber', '(2026)辽0421民初5号');
    const first = form.getState().checkNumber();
    form.getState().set('caseNumber', '(2026)辽0421刑初5号');
    await form.getState().checkNumber();
    slow.resolve(ok(freeCheck('（2026）辽0421民初5号')));
    await first;
    expect(form.getState().check?.typeCode).toBe('刑初');
    expect(form.getState().values.procedure).toBe('普通程序');
    expect(form.getState().causes.kind).toBe('criminal');
    form.getState().leave('caseNumber');
    expect(form.getState().values.caseNumber).toBe('（2026）辽0421刑初5号');
    // Not a case number yet: no call, and no mistake shown until the box is left.
    form.getState().set('caseNumber', '(2026)辽0421');
    await form.getState().checkNumber();
    expect(check).toHaveBeenCalledTimes(2);
    expect(form.getState().errors.caseNumber).toBeUndefined();
  });

  it('shows the core\'s refusal of a number at once (another court, already registered)', async () => {
    const form = createCaseFormStore(formApi({ 'cases.checkNumber': async () => ok(freeCheck('（2026）辽0999民初1号', { ok: false, message: '案号属于法院代码辽0999，本院代码为辽0421' })) }));
    form.getState().startNew();
    form.getState().set('caseNumber', '(2026)辽0999民初1号');
    await form.getState().checkNumber();
    expect(form.getState().errors.caseNumber).toBe('案号属于法院代码辽0999，本院代码为辽0421');
  });

  it('refuses to save with every mistake beside its box, then saves, suggests the next number and keeps the day and handler', async () => {
    const api = formApi();
    const form = createCaseFormStore(api);
    form.getState().startNew({ filedOn: '2026-11-23' });
    form.getState().set('caseNumber', '(2026)辽0421民初12号');
    form.getState().set('claimAmount', '十万');
    expect(await form.getState().submit(TODAY)).toBeNull();
    expect(form.getState().errors).toEqual({ cause: '请选择或填写案由', division: '请选择承办部门', judge: '请选择承办法官', claimAmount: '请输入金额（元），如 12000 或 12000.50' });
    expect(api['cases.register']).not.toHaveBeenCalled();
    // A mistake already shown goes as soon as it is mended.
    form.getState().set('claimAmount', '1.2万');
    expect(form.getState().errors.claimAmount).toBeUndefined();
    await form.getState().searchCauses('借贷');
    form.getState().pickCause(form.getState().causes.items[0]);
    form.getState().set('division', '民一庭');
    form.getState().set('judge', '孟琳');
    form.getState().set('plaintiffDraft', '张三、李四');
    expect(form.getState().commitParties('plaintiffs')).toBe(true);
    form.getState().set('defendantDraft', '某某有限公司');
    const saved = await form.getState().submit(TODAY);
    expect(saved?.caseNumber).toBe('（2026）辽0421民初12号');
    expect(api['cases.register']).toHaveBeenCalledWith({
      caseNumber: '（2026）辽0421民初12号', cause: '民间借贷纠纷', causeCatalog: 'civil-2025', procedure: '普通程序', limitVariant: null, filedOn: '2026-11-23',
      division: '民一庭', judge: '孟琳', plaintiffs: ['张三', '李四'], defendants: ['某某有限公司'], claimAmount: 12000, originCaseNumber: null,
    });
    expect(api['cases.nextNumber']).toHaveBeenCalledWith({ typeCode: '民初', year: 2026 });
    const s = form.getState();
    expect(s.values).toMatchObject({ caseNumber: '（2026）辽0421民初13号', filedOn: '2026-11-23', division: '民一庭', judge: '孟琳', cause: '', plaintiffs: [], claimAmount: '' });
    expect(s.savedCount).toBe(1);
    expect(s.lastSaved?.caseNumber).toBe('（2026）辽0421民初12号');
  });

  it('puts the core\'s refusal beside the box it names; one without a box under the form', async () => {
    const register = vi.fn().mockResolvedValueOnce(bad('参数“filedOn”：立案日期 2026-11-01 与案号年份 2025 不一致', 'filedOn')).mockResolvedValueOnce({ ok: false, error: { code: 'DB_ERROR', message: '数据库忙，请稍后再试' } });
    const form = createCaseFormStore(formApi({ 'cases.register': register }));
    form.getState().startNew({ filedOn: '2026-11-01', division: '民一庭', judge: '孟琳' });
    form.getState().set('caseNumber', '（2026）辽0421民初12号');
    form.getState().set('cause', '民间借贷纠纷');
    expect(await form.getState().submit(TODAY)).toBeNull();
    expect(form.getState().errors.filedOn).toBe('立案日期 2026-11-01 与案号年份 2025 不一致');
    expect(await form.getState().submit(TODAY)).toBeNull();
    expect(form.getState().formError).toBe('数据库忙，请稍后再试');
  });

  it('edits an existing case with its number fixed, sending only the change; nothing changed is said', async () => {
    const api = formApi({ 'cases.checkNumber': async () => ok(freeCheck('（2026）辽0421民初12号', { ok: false, message: '案号 （2026）辽0421民初12号 已登记' })) });
    const form = createCaseFormStore(api);
    await form.getState().startEdit(detail());
    expect(form.getState().mode).toBe('edit');
    expect(await form.getState().submit(TODAY)).toBeNull();
    expect(form.getState().formError).toBe('没有修改任何内容');
    form.getState().set('claimAmount', '５００００');
    expect(await form.getState().submit(TODAY)).not.toBeNull();
    expect(api['cases.update']).toHaveBeenCalledWith({ caseNumber: '（2026）辽0421民初12号', fields: { claimAmount: 50000 } });
  });
});

describe('case page changes', () => {
  function stores(over: Record<string, unknown> = {}) {
    const get = vi.fn(async () => ok(detail({ dueOn: '2027-05-15', deadline: { ...detail().deadline, dueOn: '2027-05-15', deductedDays: 30 } })));
    const api = {
      'cases.get': get,
      'cases.history': vi.fn(async () => ok([] as AuditRow[])),
      'cases.addEvent': vi.fn(async () => ok({ id: 3, caseNumber: '（2026）辽0421民初12号', dueOn: '2027-05-15' })),
      'cases.close': vi.fn(async () => ok(detail({ closedOn: TODAY, closingMethod: '判决' }))),
      ...over,
    } as never;
    const d = createCaseDetailStore(api);
    d.getState().replace(detail());
    return { d, work: createCaseWorkStore(api, d), api: api as Record<string, ReturnType<typeof vi.fn>> };
  }

  it('shows the case as the change left it, and what it did to the due date', async () => {
    const { d, work, api } = stores();
    await work.getState().loadHistory('（2026）辽0421民初12号');
    const r = await work.getState().run('cases.addEvent', eventArgs('（2026）辽0421民初12号', { kind: '公告', fromOn: '2026-10-20', toOn: '2026/11/19', note: '' }), '登记公告期间');
    expect(r).toEqual({ ok: true });
    expect(api['cases.addEvent']).toHaveBeenCalledWith({ caseNumber: '（2026）辽0421民初12号', kind: '公告', fromOn: '2026-10-20', toOn: '2026-11-19' });
    // A period answers with its id: the case is read again for its arithmetic, and its history too.
    expect(api['cases.get']).toHaveBeenCalledTimes(1);
    expect(api['cases.history']).toHaveBeenCalledTimes(2);
    expect(d.getState().detail?.deadline.dueOn).toBe('2027-05-15');
    expect(work.getState().lastChange).toEqual({ caseNumber: '（2026）辽0421民初12号', what: '登记公告期间', dueBefore: '2027-04-15', dueAfter: '2027-05-15' });
    await work.getState().run('cases.close', { caseNumber: '（2026）辽0421民初12号', closedOn: TODAY, closingMethod: '判决' });
    expect(d.getState().detail?.closedOn).toBe(TODAY);
    expect(api['cases.get']).toHaveBeenCalledTimes(1);
  });

  it('hands back a refusal with the argument it names', async () => {
    const { work } = stores({ 'cases.close': async () => bad('参数“review”：本院要求判决结案前完成阅核：请填写阅核人、身份、阅核日期和阅核意见', 'review') });
    expect(await work.getState().run('cases.close', { caseNumber: '（2026）辽0421民初12号', closedOn: TODAY, closingMethod: '判决' })).toEqual({
      ok: false, code: 'BAD_ARGS', field: 'review', message: '本院要求判决结案前完成阅核：请填写阅核人、身份、阅核日期和阅核意见',
    });
  });
});

describe('dialogs of the case page', () => {
  const c = detail();

  it('offers the periods a stage deducts, and refuses a wrong one at its box', () => {
    expect(eventKindsFor('民初')).not.toContain('调解');
    expect(eventKindsFor('民初')).toContain('公告');
    expect(eventKindsFor('民初')).not.toContain('先行调解延长');
    expect(eventKindsFor('行初')).toContain('调解');
    expect(eventKindsFor('执')).toContain('拍卖');
    expect(eventProblems({ kind: '公告', fromOn: '2026-11-20', toOn: '2026-11-10', note: '' }, c, TODAY)).toEqual({ toOn: '结束日期 2026-11-10 早于开始日期 2026-11-20' });
    expect(eventProblems({ kind: '', fromOn: '2026-10-01', toOn: '', note: '' }, c, TODAY)).toEqual({ kind: '请选择期间类型', fromOn: '开始日期 2026-10-01 早于立案日期 2026-10-15' });
    expect(eventProblems({ kind: '中止', fromOn: '2026-11-20', toOn: '2026-11-30', note: '' }, c, TODAY).toOn).toBe('恢复日期 2026-11-30 晚于今天 2026-11-23：尚未恢复的中止请不填结束日期');
    expect(eventProblems({ kind: '公告', fromOn: '2026-11-20', toOn: '', note: '' }, detail({ closedOn: '2026-11-21' }), TODAY).fromOn).toContain('请庭长重开案件后登记');
  });

  it('asks for 阅核 and 类案检索 of a judgment when the court requires them, and builds the call from what was given', () => {
    const rules = closingRulesOf({ closingRules: { reviewRequired: true, precedentRequired: true } });
    const v: ClosingValues = { ...closingDefaults(TODAY), closingMethod: '判决' };
    expect(closingRuleNotice(v, rules)).toBe('本院结案要求：以判决方式结案须记录阅核和类案检索（设置 · 结案要求）');
    expect(closingProblems(v, c, rules, TODAY)).toEqual({
      reviewer: '请填写阅核人', reviewerRole: '请选择阅核人身份', action: '请选择阅核意见', platforms: '请选择检索平台', query: '请填写检索内容',
      references: '请填写检索到的参考案例，或勾选“无类案”',
    });
    // Not required, not chosen: a judgment closes with its date and method alone.
    expect(closingProblems(v, c, closingRulesOf(null), TODAY)).toEqual({});
    expect(closingArgs(c.caseNumber, v, closingRulesOf(null))).toEqual({ caseNumber: c.caseNumber, closedOn: TODAY, closingMethod: '判决' });
    const filled: ClosingValues = {
      ...v, reviewer: '李冬倩', reviewerRole: '庭长', action: '同意', reviewedOn: '2026/11/22', platforms: ['法答网'], query: '违约金调整', referenceDraft: '(2023)最高法民终123号', searchedOn: TODAY,
    };
    expect(closingProblems(filled, c, rules, TODAY)).toEqual({});
    const args = closingArgs(c.caseNumber, filled, rules);
    expect(closeArgs.safeParse(args).success).toBe(true);
    expect(args.review).toEqual({ reviewer: '李冬倩', reviewerRole: '庭长', reviewedOn: '2026-11-22', action: '同意', fourCategories: false });
    expect(args.precedent).toEqual({ platforms: ['法答网'], query: '违约金调整', references: ['（2023）最高法民终123号'], noneFound: false, searchedOn: TODAY });
    expect(closingProblems({ ...filled, references: ['随便写的'] }, c, rules, TODAY).references).toContain('既不是案号');
    expect(closingProblems({ ...filled, reviewedOn: '2026-11-23', closedOn: '2026-11-22' }, c, rules, TODAY).reviewedOn).toContain('晚于结案日期');
    expect(closingProblems({ ...filled, noneFound: true }, c, rules, TODAY).references).toBe('已勾选“无类案”，不应再填写参考案例');
  });

  it('knows when conversion, appeals, reopening and 先行调解 apply', () => {
    expect(canConvert(detail({ procedure: '简易程序' }))).toBe(true);
    expect(canConvert(detail({ procedure: '普通程序' }))).toBe(false);
    // The core converts simple and small-claims cases only; a 速裁 case is not offered what would be refused.
    expect(canConvert(detail({ typeCode: '刑初', procedure: '速裁程序' }))).toBe(false);
    expect(canRecordAppeal(detail({ closedOn: TODAY }))).toBe(true);
    expect(canRecordAppeal(detail({ typeCode: '民终', closedOn: TODAY }))).toBe(false);
    expect(reopenProblem(' ')).toBe('请写明重开的理由');
    expect(mediationApplies(detail())).toBe(true);
    expect(mediationApplies(detail({ filedOn: '2024-12-31' }))).toBe(false);
    expect(mediationApplies(detail({ typeCode: '诉前调' }))).toBe(false);
    expect(mediationApplies(detail({ closedOn: TODAY }))).toBe(false);
  });

  it('keeps a consented extension within 30 days in all, and colours the mediation period as it runs out', () => {
    const m = { destination: '特邀调解员' as const, mediator: '张调解员', receivedOn: '2026-11-20', baseDays: 15, extensionDays: 20, consentOn: '2026-11-21', dueOn: '2026-12-25', daysRemaining: 32, endedOn: null, outcome: null };
    const withMediation = detail({ mediation: m });
    expect(mediationExtendProblems({ days: '11', consentOn: TODAY }, withMediation, TODAY).days).toBe('经双方同意最多延长 30 天，已延长 20 天，还可延长 10 天');
    expect(mediationExtendProblems({ days: '４０', consentOn: TODAY }, detail({ mediation: { ...m, extensionDays: 0 } }), TODAY).days).toBe('经双方同意最多延长 30 天');
    expect(mediationExtendProblems({ days: '10', consentOn: '2026-11-19' }, withMediation, TODAY).consentOn).toBe('同意日期早于调解接收日期 2026-11-20');
    expect(mediationExtendProblems({ days: '10', consentOn: TODAY }, withMediation, TODAY)).toEqual({});
    expect([mediationTone(10), mediationTone(3), mediationTone(-1), mediationTone(null)]).toEqual(['ok', 'warn', 'danger', 'muted']);
    expect(mediationRemainingText(-2)).toBe('已超过调解期限 2 天');
  });
});

describe('history in words', () => {
  const row = (id: number, action: string, before: unknown, after: unknown): AuditRow => ({
    id, at: '2026-11-23T02:00:00Z', actor: '李霞', action, entity: 'case', entityKey: '（2026）辽0421民初12号',
    before: before === null ? null : JSON.stringify(before), after: after === null ? null : JSON.stringify(after), contentHidden: false,
  });

  it('says which field changed from what to what, newest first, never the stored JSON', () => {
    const entries = historyEntries([
      row(1, 'case.create', null, { caseNumber: '（2026）辽0421民初12号', cause: '民间借贷纠纷', plaintiffs: ['张三'], defendants: [], claimAmount: null, deductedDays: 0, causeCatalog: 'civil-2025' }),
      row(2, 'case.update', { claimAmount: null, plaintiffs: ['张三'], judge: '孟琳' }, { claimAmount: 50000, plaintiffs: ['张三', '李四'], judge: '孟琳' }),
      row(3, 'mediation.start', null, { destination: '特邀调解员', dueOn: '2026-12-05' }),
    ]);
    expect(entries.map((e) => e.label)).toEqual(['开始先行调解', '修改案件信息', '登记案件']);
    expect(entries[1].changes).toEqual([
      { key: 'claimAmount', label: '标的额', before: '（空）', after: '50,000.00 元' },
      { key: 'plaintiffs', label: '原告（申请人）', before: '张三', after: '张三、李四' },
    ]);
    expect(entries[2].changes).toEqual([
      { key: 'cause', label: '案由', before: null, after: '民间借贷纠纷' },
      { key: 'plaintiffs', label: '原告（申请人）', before: null, after: '张三' },
      { key: 'causeCatalog', label: '案由目录', before: null, after: '民事案件案由规定（2025年修正）' },
    ]);
    expect(entries[0].changes.find((x) => x.key === 'dueOn')?.label).toBe('调解期限届满日');
    for (const e of entries) for (const x of e.changes) expect(`${x.before ?? ''}${x.after}`).not.toMatch(/[{}"]/);
  });

  it('names a fact recorded only afterwards without an empty "before"', () => {
    expect(entryChanges({ action: 'event.end', before: JSON.stringify({ toOn: null }), after: JSON.stringify({ toOn: '2026-11-23', dueOn: '2027-05-23' }) })).toEqual([
      { key: 'toOn', label: '结束日期', before: '（空）', after: '2026-11-23' },
      { key: 'dueOn', label: '审限届满日', before: '—', after: '2027-05-23' },
    ]);
  });
});

describe('saved filters and presets', () => {
  it('loads, saves (as the list filter the core keeps) and deletes a person\'s own filters', async () => {
    const saveFilter = vi.fn(async (a: { name: string; filters: Record<string, unknown> }) => ok([{ name: a.name, filters: a.filters, updatedAt: 'x' }]));
    const s = createSavedFiltersStore({
      'cases.savedFilters': vi.fn(async () => ok([])),
      'cases.saveFilter': saveFilter,
      'cases.deleteFilter': vi.fn(async () => ok([])),
    } as never);
    await s.getState().load();
    expect(await s.getState().save('  ', { ...DEFAULT_FILTERS, status: 'overdue' })).toBe('请给筛选条件起个名字');
    expect(await s.getState().save('我的超期', { ...DEFAULT_FILTERS, status: 'overdue', sort: 'dueOn_asc' })).toBeNull();
    expect(saveFilter).toHaveBeenCalledWith({ name: '我的超期', filters: { status: 'overdue' } });
    expect(caseFilterSchema.safeParse(saveFilter.mock.calls[0][0].filters).success).toBe(true);
    const saved = s.getState().items[0];
    expect(savedToFilters(saved, 'caseNumber_asc')).toEqual({ ...DEFAULT_FILTERS, status: 'overdue', sort: 'caseNumber_asc' });
    expect(showsFilter({ ...DEFAULT_FILTERS, status: 'overdue', sort: 'dueOn_asc' }, savedToFilters(saved))).toBe(true);
    await s.getState().remove('我的超期');
    expect(s.getState().items).toEqual([]);
    expect(filterNameProblem('很'.repeat(31))).toBe('名称最多 30 个字');
  });

  it('offers each scope presets that list only what it can see', () => {
    const divisions = [{ id: 2, name: '民一庭', kind: 'division' as const }];
    const judges = [{ id: 7, name: '李冬倩', divisionId: 2 }];
    const judge = filterPresets({ name: '孟琳', roles: ['judge'], scope: '本人承办的案件', division: '民一庭' }, divisions, judges);
    expect(judge.map((p) => p.name)).toEqual(['我的超期案件', '我的15日内到期']);
    expect(toFilterArgs(judge[0].filters)).toEqual({ status: 'overdue' });
    const head = filterPresets({ name: '李冬倩', roles: ['judge', 'division_head'], scope: '本部门案件', division: '民一庭' }, divisions, judges);
    expect(head.map((p) => p.name)).toEqual(['我的超期案件', '本庭超期案件', '本庭15日内到期']);
    expect(toFilterArgs(head[0].filters)).toEqual({ status: 'overdue', judgeId: 7 });
    expect(toFilterArgs(head[2].filters)).toEqual({ remainingMin: 0, remainingMax: 15 });
    const clerk = filterPresets({ name: '李霞', roles: ['clerk'], scope: '全院案件', division: null }, divisions, judges);
    expect(clerk.map((p) => p.name)).toEqual(['全院超期案件', '全院15日内到期']);
    expect(filterPresets(null, divisions, judges)).toEqual([]);
  });
});

describe('addresses of the form', () => {
  it('parses and formats #/cases/new and #/case/<案号>/edit', () => {
    const n = '（2026）辽0421民初12号';
    expect(parseCasesRoute(splitHash('#/cases/new')!)).toEqual({ name: 'caseNew' });
    expect(parseCasesRoute(splitHash(`#/case/${encodeURIComponent(n)}/edit`)!)).toEqual({ name: 'caseEdit', caseNumber: n });
    expect(formatCasesRoute({ name: 'caseEdit', caseNumber: n })).toBe(`#/case/${encodeURIComponent(n)}/edit`);
    expect(parseCasesRoute(splitHash(`#/case/${encodeURIComponent(n)}`)!)).toEqual({ name: 'case', caseNumber: n });
  });
});
