// Case work through the core as the window and the command line use it: registration with every field checked and
// named, edits and their history, events, closing with the court's required checks, reopening, appeals, procedure
// conversion, 先行调解 (its consented extension alone moves the due date), 诉前调 links and saved filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import type { CaseDetail } from '../../shared/api/contract';

const TODAY = '2025-06-30';
let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const sessions: Record<string, string> = {};

beforeAll(async () => {
  t = freshCourtDb();
  // The court's divisions and judges, as an earlier import brought them.
  t.put([
    record({ caseNumber: '（2025）辽0421民初1号', filedOn: '2025-01-10', division: '民一庭', judge: '王法官' }),
    record({ caseNumber: '（2025）辽0421民初2号', filedOn: '2025-01-11', division: '城关人民法庭', judge: '李法官' }),
    record({ caseNumber: '（2024）辽0421民诉前调8号', procedure: null, filedOn: '2024-10-08', division: '民一庭', judge: '王法官' }),
  ], TODAY);
  const accounts = new AccountStore(t.db);
  const people: Array<[string, Array<'clerk' | 'judge' | 'division_head' | 'vice_president' | 'admin'>, string | null]> = [
    ['立案员', ['clerk'], null], ['民一书记员', ['clerk'], '民一庭'], ['王法官', ['judge'], '民一庭'], ['庭长甲', ['division_head'], '民一庭'], ['管理员', ['admin'], null],
    ['副院长乙', ['division_head', 'vice_president'], '民一庭'],
  ];
  for (const [name, roles, division] of people) accounts.create({ name, roles, division, password: 'pass-word-1', actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
  for (const [name] of people) sessions[name] = ((await core.call('auth.signIn', { name, password: 'pass-word-1' })).session as { set: string }).set;
});
afterAll(() => {
  core.close();
  t.cleanup();
});

async function as<T = CaseDetail>(who: string, method: string, args: unknown): Promise<T> {
  const r = await core.call(method, args, { session: sessions[who] });
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, field: r.error.field });
  return r.value as T;
}
async function refusal(who: string, method: string, args: unknown): Promise<{ code: string; message: string; field?: string }> {
  const r = await core.call(method, args, { session: sessions[who] });
  expect(r.ok, JSON.stringify(r)).toBe(false);
  return (r as { error: { code: string; message: string; field?: string } }).error;
}

const NEW = {
  caseNumber: '(2025)辽0421民初3号', cause: '民间借贷纠纷', causeCatalog: 'civil-2025', procedure: '简易程序', filedOn: '2025-06-02',
  division: '民一庭', judge: '王法官', plaintiffs: ['张三'], defendants: ['某某商贸有限公司'], claimAmount: 12000.5,
};

describe('registration', () => {
  it('checks the number as it is typed: its form, its court, whether it is free, and what its type implies', async () => {
    expect(await as('立案员', 'cases.checkNumber', { caseNumber: '(2025)辽0421民初3号' })).toEqual({
      ok: true, message: null, canonical: '（2025）辽0421民初3号', typeCode: '民初', procedures: ['普通程序', '简易程序', '小额诉讼程序'], defaultProcedure: '普通程序', catalogKind: 'civil',
    });
    expect(await as('立案员', 'cases.checkNumber', { caseNumber: '（2025）辽0421民初1号' })).toMatchObject({ ok: false, message: '案号 （2025）辽0421民初1号 已登记' });
    expect(await as('立案员', 'cases.checkNumber', { caseNumber: '（2025）辽0422民初9号' })).toMatchObject({ ok: false, message: expect.stringContaining('辽0422') });
    expect(await as('立案员', 'cases.checkNumber', { caseNumber: '民初9号' })).toMatchObject({ ok: false, message: expect.stringContaining('格式不正确') });
    expect(await as('立案员', 'cases.checkNumber', { caseNumber: '（2025）辽0421刑初9号' })).toMatchObject({ procedures: ['普通程序', '简易程序', '速裁程序'], catalogKind: 'criminal' });
    expect(await as('立案员', 'cases.checkNumber', { caseNumber: '（2025）辽0421执9号' })).toMatchObject({ procedures: [], defaultProcedure: null });
    expect(await as('立案员', 'cases.checkNumber', { caseNumber: '（2025）辽0421诉前调9号' })).toMatchObject({ ok: false, message: expect.stringContaining('不再编立诉前调案号') });
    expect(await as('立案员', 'cases.checkNumber', { caseNumber: '（2024）辽0421诉前调9号' })).toMatchObject({ ok: true, typeCode: '诉前调' });
    expect(await as<{ caseNumber: string }>('立案员', 'cases.nextNumber', { typeCode: '民初', year: 2025 })).toEqual({ caseNumber: '（2025）辽0421民初3号' });
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a number already registered', { caseNumber: '（2025）辽0421民初1号' }, 'caseNumber', /已登记/],
    ["another court's number", { caseNumber: '（2025）辽0422民初3号' }, 'caseNumber', /辽0422/],
    ['a filing date in the future', { filedOn: '2025-07-01' }, 'filedOn', /晚于今天/],
    ['a filing date of another year than the number', { filedOn: '2024-12-30' }, 'filedOn', /与案号年份 2025 不一致/],
    ['an impossible date', { filedOn: '2025-02-30' }, 'filedOn', /日期无效/],
    ['a procedure the stage does not have', { procedure: '速裁程序' }, 'procedure', /不适用速裁程序/],
    ['a division the court does not have', { division: '民九庭' }, 'division', /不是本院的部门/],
    ['a judge the court does not have', { judge: '某某' }, 'judge', /不是本院的人员/],
    ['a cause not in the catalogue it names', { cause: '借钱不还纠纷' }, 'cause', /不在所选的案由目录中/],
    ['an invisible character in a party', { plaintiffs: ['张三\u202e'] }, 'plaintiffs', /不可见字符/],
    ['a negative claim', { claimAmount: -1 }, 'claimAmount', /不能为负数/],
    ['a 诉前调 number, which the SPC stopped issuing on 2025-01-01', { caseNumber: '（2025）辽0421诉前调3号', procedure: undefined }, 'caseNumber', /自 2025-01-01 起不再编立诉前调案号/],
  ])('refuses %s at that field, in Chinese, writing nothing', async (_what, change, field, message) => {
    const before = core.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const e = await refusal('立案员', 'cases.register', { ...NEW, ...change });
    expect(e).toMatchObject({ code: 'BAD_ARGS', field });
    expect(e.message).toMatch(message);
    expect(core.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });

  it('registers a case with its time limit, its cause catalogue, audited; a division clerk only in his division', async () => {
    const c = await as('立案员', 'cases.register', NEW);
    expect(c).toMatchObject({ caseNumber: '（2025）辽0421民初3号', procedure: '简易程序', causeCatalog: 'civil-2025', claimAmount: 12000.5, dueOn: '2025-09-02', status: 'in_time' });
    expect(core.db.prepare("SELECT actor FROM audit_log WHERE action = 'case.create' AND entity_key = '（2025）辽0421民初3号'").pluck().get()).toBe('立案员');
    const e = await refusal('民一书记员', 'cases.register', { ...NEW, caseNumber: '（2025）辽0421民初4号', division: '城关人民法庭', judge: '李法官' });
    expect(e).toMatchObject({ code: 'BAD_ARGS', field: 'division', message: expect.stringContaining('不在您可登记的范围内') });
    expect(await as('民一书记员', 'cases.register', { ...NEW, caseNumber: '（2025）辽0421民初4号', procedure: null })).toMatchObject({ procedure: '普通程序', dueOn: '2025-12-02' });
  });

  it('keeps every edit in the case history, who and when, before and after', async () => {
    await as('王法官', 'cases.update', { caseNumber: '（2025）辽0421民初3号', fields: { defendants: ['某某商贸有限公司', '李四'] } });
    await as('民一书记员', 'cases.update', { caseNumber: '（2025）辽0421民初3号', fields: { cause: '借款合同纠纷', causeCatalog: 'civil-2025' } });
    const history = await as<Array<{ actor: string; action: string; before: string | null; after: string }>>('庭长甲', 'cases.history', { caseNumber: '（2025）辽0421民初3号' });
    expect(history.map((h) => [h.actor, h.action])).toEqual([['立案员', 'case.create'], ['王法官', 'case.update'], ['民一书记员', 'case.update']]);
    expect(JSON.parse(history[1].before!).defendants).toEqual(['某某商贸有限公司']);
    expect(JSON.parse(history[1].after).defendants).toEqual(['某某商贸有限公司', '李四']);
    expect(JSON.parse(history[2].after).cause).toBe('借款合同纠纷');
    // A cause typed by hand (no catalogue) clears the catalogue of the one before.
    expect(await as('民一书记员', 'cases.update', { caseNumber: '（2025）辽0421民初3号', fields: { cause: '民间借贷纠纷（旧案由）' } })).toMatchObject({ causeCatalog: null });
    // A change of the catalogue alone is a change too: written, versioned and in the history.
    const version = () => core.db.prepare("SELECT row_version FROM cases WHERE case_number = '（2025）辽0421民初3号'").pluck().get() as number;
    const v = version();
    expect(await as('民一书记员', 'cases.update', { caseNumber: '（2025）辽0421民初3号', fields: { cause: '民间借贷纠纷', causeCatalog: 'civil-2025' } })).toMatchObject({ causeCatalog: 'civil-2025' });
    await as('民一书记员', 'cases.update', { caseNumber: '（2025）辽0421民初3号', fields: { causeCatalog: null } });
    expect(version()).toBeGreaterThan(v);
    const last = (await as<Array<{ before: string | null; after: string }>>('庭长甲', 'cases.history', { caseNumber: '（2025）辽0421民初3号' })).at(-1)!;
    expect([JSON.parse(last.before!), JSON.parse(last.after)]).toEqual([{ causeCatalog: 'civil-2025' }, { causeCatalog: null }]);
  });

  it('finds causes in the catalogues, and refuses a stranger to see a history', async () => {
    const hits = await as<Array<{ name: string; catalog: string }>>('立案员', 'catalog.causes', { kind: 'civil', query: '借贷' });
    expect(hits[0]).toMatchObject({ name: '民间借贷纠纷', catalog: 'civil-2025' });
    expect((await as<Array<{ name: string }>>('立案员', 'catalog.causes', { kind: 'criminal', query: '危险驾驶' })).map((h) => h.name)).toContain('危险驾驶罪');
    expect(await refusal('王法官', 'cases.history', { caseNumber: '（2025）辽0421民初2号' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('events', () => {
  it('moves the due date at once for a 公告 period, and refuses one overlapping a suspension', async () => {
    await as('王法官', 'cases.addEvent', { caseNumber: '（2025）辽0421民初4号', kind: '公告', fromOn: '2025-06-05', toOn: '2025-06-15' });
    expect(await as('王法官', 'cases.get', { caseNumber: '（2025）辽0421民初4号' })).toMatchObject({ dueOn: '2025-12-12' });
    await as('王法官', 'cases.addEvent', { caseNumber: '（2025）辽0421民初4号', kind: '中止', fromOn: '2025-06-20' });
    const e = await refusal('王法官', 'cases.addEvent', { caseNumber: '（2025）辽0421民初4号', kind: '鉴定', fromOn: '2025-06-25', toOn: '2025-06-28' });
    expect(e).toMatchObject({ code: 'BAD_ARGS', field: 'fromOn', message: expect.stringContaining('与已登记的中止期间 2025-06-20 至 今 重叠') });
    const before = await as('王法官', 'cases.get', { caseNumber: '（2025）辽0421民初4号' });
    const open = before.events.find((x) => x.kind === '中止')!;
    expect(await as('王法官', 'cases.endEvent', { caseNumber: '（2025）辽0421民初4号', eventId: open.id, toOn: '2025-06-25' })).toMatchObject({ status: 'in_time', dueOn: '2025-12-17' });
  });

  it('converts a simple case to ordinary procedure, its limit counted from the original filing', async () => {
    const c = await as('王法官', 'cases.convertProcedure', { caseNumber: '（2025）辽0421民初3号', on: '2025-06-20' });
    expect(c).toMatchObject({ procedure: '普通程序', convertedOn: '2025-06-20', dueOn: '2025-12-02' });
  });
});

describe('closing', () => {
  it("refuses a judgment without the checks the court requires, naming what is missing; accepts it with them", async () => {
    await as('管理员', 'settings.setClosingRules', { reviewRequired: true, precedentRequired: true });
    const base = { caseNumber: '（2025）辽0421民初4号', closedOn: '2025-06-28', closingMethod: '判决' };
    expect(await refusal('王法官', 'cases.close', base)).toMatchObject({ field: 'review', message: expect.stringContaining('本院要求判决结案前完成阅核') });
    const review = { reviewer: '庭长甲', reviewerRole: '庭长', reviewedOn: '2025-06-27', action: '同意', fourCategories: false };
    expect(await refusal('王法官', 'cases.close', { ...base, review })).toMatchObject({ field: 'precedent', message: expect.stringContaining('类案检索') });
    const precedent = { platforms: ['法答网', '人民法院案例库'], query: '民间借贷 利率上限', references: ['(2023)最高法民终12号'], searchedOn: '2025-06-26' };
    // More references than the record holds, or a reference that is no case: refused at the box, in Chinese.
    const many = Array.from({ length: 31 }, (_, i) => `（2023）最高法民终${1000 + i}号`);
    expect(await refusal('王法官', 'cases.close', { ...base, review, precedent: { ...precedent, references: many } })).toMatchObject({ field: 'precedent.references', message: expect.stringContaining('参考案例最多 30 个') });
    expect(await refusal('王法官', 'cases.close', { ...base, review, precedent: { ...precedent, references: ['见附件'] } })).toMatchObject({ field: 'precedent.references', message: expect.stringContaining('既不是案号') });
    const c = await as('王法官', 'cases.close', { ...base, review, precedent });
    expect(c).toMatchObject({ closedOn: '2025-06-28', closingMethod: '判决', reviewed: true, precedentSearched: true });
    expect(c.reviews).toEqual([{ ...review, recordedBy: '王法官' }]);
    expect(c.precedentSearches).toEqual([{ platforms: ['法答网', '人民法院案例库'], query: '民间借贷 利率上限', references: ['（2023）最高法民终12号'], noneFound: false, searchedOn: '2025-06-26', recordedBy: '王法官' }]);
    // Closing by mediation needs neither.
    expect(await as('王法官', 'cases.close', { caseNumber: '（2025）辽0421民初3号', closedOn: '2025-06-29', closingMethod: '调解' })).toMatchObject({ closingMethod: '调解' });
  });

  it('takes no more events on a closed case, records its appeal, and is reopened by its division head only, with the reason', async () => {
    expect(await refusal('王法官', 'cases.addEvent', { caseNumber: '（2025）辽0421民初4号', kind: '公告', fromOn: '2025-06-05', toOn: '2025-06-06' })).toMatchObject({ message: expect.stringContaining('请庭长重开案件') });
    // A filing date moved past what the case records since is refused at its box, not by the database's CHECK.
    const edit = (filedOn: string) => refusal('民一书记员', 'cases.update', { caseNumber: '（2025）辽0421民初4号', fields: { filedOn } });
    expect(await edit('2025-06-29')).toMatchObject({ code: 'BAD_ARGS', field: 'filedOn', message: '立案日期 2025-06-29 晚于本案的结案日期 2025-06-28' });
    expect(await edit('2025-06-10')).toMatchObject({ field: 'filedOn', message: '立案日期 2025-06-10 晚于本案的最早登记的期间开始日期 2025-06-05' });
    expect(await as('王法官', 'cases.recordAppeal', { caseNumber: '（2025）辽0421民初4号', appealed: true, outcome: '维持' })).toMatchObject({ appealed: true, appealOutcome: '维持' });
    expect(await refusal('王法官', 'cases.reopen', { caseNumber: '（2025）辽0421民初3号', reason: '误结' })).toMatchObject({ code: 'FORBIDDEN' });
    const c = await as('庭长甲', 'cases.reopen', { caseNumber: '（2025）辽0421民初3号', reason: '调解协议未签收，误点结案' });
    expect(c).toMatchObject({ closedOn: null, status: 'in_time' });
    expect(c.reopenings).toEqual([{ closedOn: '2025-06-29', closingMethod: '调解', reason: '调解协议未签收，误点结案', reopenedBy: '庭长甲', reopenedOn: TODAY }]);
    expect(core.db.prepare("SELECT actor FROM audit_log WHERE action = 'case.reopen'").pluck().get()).toBe('庭长甲');
    // Heading 民一庭 and seeing the whole court as vice-president does not make him head of 城关人民法庭: refused, audited.
    await as('立案员', 'cases.close', { caseNumber: '（2025）辽0421民初2号', closedOn: '2025-06-20', closingMethod: '撤诉' });
    const refused = await refusal('副院长乙', 'cases.reopen', { caseNumber: '（2025）辽0421民初2号', reason: '误结' });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('所在部门的庭长') });
    expect(core.db.prepare("SELECT count(*) FROM audit_log WHERE actor = '副院长乙' AND action = 'denied' AND entity_key = 'cases.reopen'").pluck().get()).toBe(1);
    expect((await as('副院长乙', 'cases.get', { caseNumber: '（2025）辽0421民初2号' })).closedOn).toBe('2025-06-20');
    await as('管理员', 'settings.setClosingRules', { reviewRequired: false, precedentRequired: false });
  });
});

describe('先行调解', () => {
  it('counts its first days in the time limit, moves the due date by exactly the consented extension, and closes a settled case', async () => {
    const before = await as('立案员', 'cases.register', { ...NEW, caseNumber: '（2025）辽0421民初5号', procedure: '普通程序', filedOn: '2025-06-01' });
    expect(before.dueOn).toBe('2025-12-01');
    let c = await as('王法官', 'cases.startMediation', { caseNumber: '（2025）辽0421民初5号', destination: '特邀调解员', mediator: '人民调解员赵某', receivedOn: '2025-06-03' });
    expect(c.mediation).toMatchObject({ baseDays: 15, dueOn: '2025-06-18', daysRemaining: -12, extensionDays: 0 });
    expect(c.dueOn).toBe('2025-12-01');
    c = await as('王法官', 'cases.extendMediation', { caseNumber: '（2025）辽0421民初5号', days: 10, consentOn: '2025-06-15' });
    expect(c.mediation).toMatchObject({ extensionDays: 10, dueOn: '2025-06-28' });
    expect(c.dueOn).toBe('2025-12-11');
    expect(await refusal('王法官', 'cases.extendMediation', { caseNumber: '（2025）辽0421民初5号', days: 25, consentOn: '2025-06-20' })).toMatchObject({ field: 'days', message: expect.stringContaining('不得超过 30 天') });
    c = await as('王法官', 'cases.endMediation', { caseNumber: '（2025）辽0421民初5号', endedOn: '2025-06-25', outcome: '调解成功' });
    expect(c).toMatchObject({ closedOn: '2025-06-25', closingMethod: '调解', mediation: { outcome: '调解成功', endedOn: '2025-06-25' } });
    // Only the consented days actually used (2025-06-18 to 06-25) are deducted.
    expect(c.deadline.deductedDays).toBe(7);
    // Reopened by its division head (the settlement was recorded on the wrong case): the mediation is open again with
    // its ten consented days, and the outcome that closed the case is gone until the right one is recorded.
    c = await as('庭长甲', 'cases.reopen', { caseNumber: '（2025）辽0421民初5号', reason: '调解结果登记错案' });
    expect(c).toMatchObject({ closedOn: null, closingMethod: null, mediation: { endedOn: null, outcome: null, extensionDays: 10, dueOn: '2025-06-28' } });
    expect(c.deadline.deductedDays).toBe(10);
    expect(c.dueOn).toBe('2025-12-11');
    c = await as('王法官', 'cases.endMediation', { caseNumber: '（2025）辽0421民初5号', endedOn: '2025-06-25', outcome: '调解不成转审理' });
    expect(c).toMatchObject({ closedOn: null, mediation: { outcome: '调解不成转审理' } });
    expect(c.deadline.deductedDays).toBe(7);
  });

  it('is watched like a time limit: listed and counted while open, on the board when its period ends within 3 days or has ended; a case in it is not closed around it', async () => {
    type Rows = { rows: Array<{ caseNumber: string }> };
    const listed = async (status: string) => (await as<Rows>('庭长甲', 'cases.list', { status, limit: 100 })).rows.map((r) => r.caseNumber);
    const board = () => as<{ mediating: number; mediationDue: number }>('庭长甲', 'deadlines.summary', {});
    const was = await board();
    // 民初7号 received 2025-06-20 in simple procedure: 7 days, due 06-27, past today's 06-30; 民初8号 received today, due 07-07.
    await as('立案员', 'cases.register', { ...NEW, caseNumber: '（2025）辽0421民初7号', filedOn: '2025-06-10' });
    await as('立案员', 'cases.register', { ...NEW, caseNumber: '（2025）辽0421民初8号', filedOn: '2025-06-10' });
    await as('王法官', 'cases.startMediation', { caseNumber: '（2025）辽0421民初7号', destination: '律师调解', mediator: '某律师', receivedOn: '2025-06-20' });
    await as('王法官', 'cases.startMediation', { caseNumber: '（2025）辽0421民初8号', destination: '法官调解团队', mediator: '调解团队甲', receivedOn: '2025-06-30' });
    expect(await listed('mediating')).toEqual(expect.arrayContaining(['（2025）辽0421民初7号', '（2025）辽0421民初8号']));
    expect(await listed('mediation_due')).toContain('（2025）辽0421民初7号');
    expect(await listed('mediation_due')).not.toContain('（2025）辽0421民初8号');
    expect(await board()).toMatchObject({ mediating: was.mediating + 2, mediationDue: was.mediationDue + 1 });
    // Consent to 5 more days: due 2025-07-02, two days away, still on the board; 10 more instead would take it off.
    await as('王法官', 'cases.extendMediation', { caseNumber: '（2025）辽0421民初7号', days: 5, consentOn: '2025-06-26' });
    expect(await listed('mediation_due')).toContain('（2025）辽0421民初7号');
    const refused = await refusal('王法官', 'cases.close', { caseNumber: '（2025）辽0421民初7号', closedOn: '2025-06-30', closingMethod: '判决' });
    expect(refused).toMatchObject({ field: 'closingMethod', message: expect.stringContaining('先行调解尚未结束') });
    await as('王法官', 'cases.endMediation', { caseNumber: '（2025）辽0421民初7号', endedOn: '2025-06-30', outcome: '调解不成转审理' });
    expect(await listed('mediating')).not.toContain('（2025）辽0421民初7号');
    expect(await board()).toMatchObject({ mediating: was.mediating + 1, mediationDue: was.mediationDue });
    expect((await as('王法官', 'cases.close', { caseNumber: '（2025）辽0421民初7号', closedOn: '2025-06-30', closingMethod: '撤诉' })).closedOn).toBe('2025-06-30');
  });

  it('is for 民初 cases filed since 2025 only; an older 诉前调 and the 民初 after it name each other', async () => {
    expect(await refusal('王法官', 'cases.startMediation', { caseNumber: '（2025）辽0421民初1号', destination: '律师调解', mediator: '某律师', receivedOn: '2024-12-01' })).toMatchObject({ field: 'receivedOn' });
    await as('立案员', 'cases.register', { ...NEW, caseNumber: '（2025）辽0421民初6号', filedOn: '2025-01-15', originCaseNumber: '（2024）辽0421民诉前调8号' });
    expect(await as('王法官', 'cases.get', { caseNumber: '（2024）辽0421民诉前调8号' })).toMatchObject({ followUps: ['（2025）辽0421民初6号'] });
    expect(await as('王法官', 'cases.get', { caseNumber: '（2025）辽0421民初6号' })).toMatchObject({ originCaseNumber: '（2024）辽0421民诉前调8号' });
    // A case filed after it in another division is named only to those who may open it.
    await as('立案员', 'cases.register', { ...NEW, caseNumber: '（2025）辽0421民初9号', filedOn: '2025-02-15', division: '城关人民法庭', judge: '李法官', originCaseNumber: '（2024）辽0421民诉前调8号' });
    expect(await as('立案员', 'cases.get', { caseNumber: '（2024）辽0421民诉前调8号' })).toMatchObject({ followUps: ['（2025）辽0421民初6号', '（2025）辽0421民初9号'] });
    expect(await as('王法官', 'cases.get', { caseNumber: '（2024）辽0421民诉前调8号' })).toMatchObject({ followUps: ['（2025）辽0421民初6号'] });
  });
});

describe('saved filters', () => {
  it('are each person\'s own', async () => {
    expect(await as('王法官', 'cases.saveFilter', { name: '我的超期案件', filters: { status: 'overdue' } })).toEqual([{ name: '我的超期案件', filters: { status: 'overdue' }, updatedAt: expect.any(String) }]);
    await as('庭长甲', 'cases.saveFilter', { name: '本庭15日内到期', filters: { remainingMin: 0, remainingMax: 15 } });
    expect((await as<Array<{ name: string }>>('王法官', 'cases.savedFilters', {})).map((f) => f.name)).toEqual(['我的超期案件']);
    expect((await as<Array<{ name: string }>>('庭长甲', 'cases.savedFilters', {})).map((f) => f.name)).toEqual(['本庭15日内到期']);
    expect(await as('王法官', 'cases.deleteFilter', { name: '我的超期案件' })).toEqual([]);
    expect(await refusal('王法官', 'cases.saveFilter', { name: '坏', filters: { status: 'nonsense' } })).toMatchObject({ code: 'BAD_ARGS' });
  });
});
