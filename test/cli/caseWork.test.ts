// `courtdesk case add|edit|close|reopen|appeal|mediate` and `closing-rules`: the case forms' calls on the command line,
// with their checks and messages; usage errors exit 2 before the file is opened, the core's refusals exit 1, and
// neither changes the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { openCore } from '../../electron/core/app/openCore';
import { addDays } from '../../shared/dates/calendar';
import type { AuditRow, CaseDetail } from '../../shared/api/contract';

// After 2025-01-01, when 先行调解 began; every date the tests register lies before it, as the core requires.
const TODAY = '2025-06-30';
let work: ReturnType<typeof tempDir>;
let db: string;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const as = (name: string, password: string) => ({ COURTDESK_USER: name, COURTDESK_PASSWORD: password });
const passwords: Record<string, string> = {};

/** The command as the test account (a court-wide clerk, and administrator) unless another person is named. */
function run(args: string[], who?: string) {
  return cli(['--db', db, '--today', TODAY, ...args], who ? as(who, passwords[who]) : {});
}
function detail(args: string[], who?: string): CaseDetail {
  const r = run(['--json', ...args], who);
  expect(r.code, r.err).toBe(0);
  return r.json() as CaseDetail;
}
function deadline(caseNumber: string): { dueOn: string; deductedDays: number; status: string } {
  const r = run(['--json', 'deadline', caseNumber]);
  expect(r.code, r.err).toBe(0);
  return r.json() as { dueOn: string; deductedDays: number; status: string };
}
function auditOf(caseNumber: string): AuditRow[] {
  const r = run(['--json', 'audit', 'list', '--case', caseNumber]);
  expect(r.code, r.err).toBe(0);
  return r.json() as AuditRow[];
}

const ADD = ['--cause', '民间借贷纠纷', '--filed-on', '2025-03-03', '--division', '民一庭', '--judge', '王法官'];
/** A case registered through `case add`, for the tests that need one of their own. */
function added(seq: number, extra: string[] = []): string {
  const c = detail(['case', 'add', `（2025）辽0421民初${seq}号`, ...ADD, ...extra]);
  return c.caseNumber;
}

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  // The divisions and judges the forms pick from exist before any case is registered by hand.
  const csv = path.join(work.dir, 'c.csv');
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,原告,被告',
    '（2025）辽0421民初1号,民间借贷纠纷,普通程序,2025-01-06,民一庭,王法官,张三,李四',
    '（2025）辽0421民初2号,买卖合同纠纷,普通程序,2025-01-07,民二庭,李法官,王五,赵六',
    '（2025）辽0421刑初1号,危险驾驶罪,简易程序,2025-01-08,刑事审判庭,陈法官,,褚四',
  ].join('\n'));
  const imported = cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv]);
  expect(imported.code, imported.err + imported.out).toBe(0);
  for (const [name, role] of [['张庭长', 'division_head'], ['书记员甲', 'clerk']] as const) {
    const r = cli(['--db', db, '--json', 'user', 'add', name, '--role', role, '--division', '民一庭'], as(ADMIN.name, ADMIN.password));
    expect(r.code, r.err).toBe(0);
    const temporary = (r.json() as { temporaryPassword: string }).temporaryPassword;
    passwords[name] = `${temporary}-mine`;
    const own = cli(['--db', db, 'password'], { COURTDESK_USER: name, COURTDESK_PASSWORD: temporary, COURTDESK_NEW_PASSWORD: passwords[name] });
    expect(own.code, own.err).toBe(0);
  }
}, 180_000);
afterAll(() => work?.cleanup());

describe('case add and edit', () => {
  it('registers a case with every field given, in the import columns\' spellings', () => {
    const c = detail([
      'case', 'add', '(2025)辽0421民初10号', ...ADD, '--procedure', '简易', '--plaintiffs', '张三、李四', '--defendants', '王五；某某商贸有限公司',
      '--claim-amount', '12,345.50', '--origin-case-number', '（2024）辽0421民诉前调3号', '--cause-catalog', 'civil-2025',
    ]);
    expect(c).toMatchObject({
      caseNumber: '（2025）辽0421民初10号', cause: '民间借贷纠纷', procedure: '简易程序', filedOn: '2025-03-03', division: '民一庭', judge: '王法官',
      plaintiffs: ['张三', '李四'], defendants: ['王五', '某某商贸有限公司'], claimAmount: 12345.5, originCaseNumber: '（2024）辽0421民诉前调3号',
      causeCatalog: 'civil-2025', closedOn: null,
    });
    expect(c.deadline).toMatchObject({ limit: '3个月', dueOn: '2025-06-03' });
  });

  it('prints the case for a person without --json', () => {
    const r = run(['case', 'add', '（2025）辽0421民初11号', ...ADD, '--plaintiffs', '甲', '--defendants', '乙']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已登记 （2025）辽0421民初11号');
    expect(r.out).toContain('承办：民一庭 王法官');
    expect(r.out).toContain('原告：甲\t被告：乙');
  });

  it('edits only the fields given, and an empty value clears one; both edits are in audit list --case', () => {
    const number = added(12, ['--claim-amount', '5000', '--defendants', '王五']);
    const first = detail(['case', 'edit', number, '--cause', '买卖合同纠纷']);
    expect(first).toMatchObject({ cause: '买卖合同纠纷', claimAmount: 5000, defendants: ['王五'], filedOn: '2025-03-03' });
    const second = detail(['case', 'edit', number, '--claim-amount', '', '--defendants', '王五、赵六']);
    expect(second).toMatchObject({ cause: '买卖合同纠纷', claimAmount: null, defendants: ['王五', '赵六'] });

    const rows = auditOf(number);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const causeChange = rows.find((r) => r.after?.includes('买卖合同纠纷') && r.before?.includes('民间借贷纠纷'));
    const partyChange = rows.find((r) => r.after?.includes('赵六') && !r.before?.includes('赵六'));
    expect(causeChange, JSON.stringify(rows)).toBeDefined();
    expect(partyChange, JSON.stringify(rows)).toBeDefined();
    expect(causeChange!.id).toBeLessThan(partyChange!.id);
    expect(causeChange!.actor).toBe('测试员');
  });

  it('answers with the message the window gets for the same call, and changes nothing', async () => {
    const before = sha(db);
    const r = run(['case', 'add', '（2025）辽0422民初1号', ...ADD]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(sha(db)).toBe(before);
    const core = openCore({ dbPath: db, host: 'loopback', today: TODAY, jobWorker: null });
    try {
      const signIn = await core.call('auth.signIn', { name: '测试员', password: 'tester-pass-1' });
      const session = (signIn.session as { set: string }).set;
      const answer = await core.call('cases.register', {
        caseNumber: '（2025）辽0422民初1号', cause: '民间借贷纠纷', filedOn: '2025-03-03', division: '民一庭', judge: '王法官', plaintiffs: [], defendants: [],
      }, { session });
      expect(answer.ok).toBe(false);
      expect(r.err.trim()).toBe((answer as { error: { message: string } }).error.message);
    } finally {
      core.close();
    }
  });

  it.each([
    ['a number already registered', ['case', 'add', '（2025）辽0421民初1号', ...ADD]],
    ['a division the court does not have', ['case', 'add', '（2025）辽0421民初90号', ...ADD.slice(0, 4), '--division', '民九庭', '--judge', '王法官']],
    ['a filing day after today', ['case', 'add', '（2025）辽0421民初91号', '--cause', '民间借贷纠纷', '--filed-on', '2025-07-01', '--division', '民一庭', '--judge', '王法官']],
    ['a case that does not exist', ['case', 'edit', '（2025）辽0421民初999号', '--cause', '买卖合同纠纷']],
  ])('refuses %s (exit 1, the database unchanged)', (_what, args) => {
    const before = sha(db);
    const r = run(args);
    expect(r.code, r.out).toBe(1);
    expect(r.err.trim()).not.toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(sha(db)).toBe(before);
  });
});

describe('case close and closing-rules', () => {
  const REVIEW = ['--reviewed-by', '张庭长', '--reviewer-role', '庭长', '--reviewed-on', '2025-04-01', '--review-action', '同意'];
  const PRECEDENT = ['--precedent', '法答网,人民法院案例库', '--precedent-query', '民间借贷 利率上限', '--precedent-refs', '（2023）京0105民初3号;（2024）辽01民终2号', '--searched-on', '2025-03-28'];
  // One open case the refusals below leave as it is.
  beforeAll(() => {
    added(22);
  });

  it('closes a case with its 阅核 and 类案检索', () => {
    const number = added(20);
    const c = detail(['case', 'close', number, '--closed-on', '2025-04-02', '--closing-method', '判决', ...REVIEW, '--four-categories', ...PRECEDENT]);
    expect(c).toMatchObject({ closedOn: '2025-04-02', closingMethod: '判决' });
    expect(c.reviews).toEqual([expect.objectContaining({ reviewer: '张庭长', reviewerRole: '庭长', reviewedOn: '2025-04-01', action: '同意', fourCategories: true, recordedBy: '测试员' })]);
    expect(c.precedentSearches).toEqual([expect.objectContaining({
      platforms: ['法答网', '人民法院案例库'], query: '民间借贷 利率上限', references: ['（2023）京0105民初3号', '（2024）辽01民终2号'], noneFound: false, searchedOn: '2025-03-28',
    })]);
    expect(c.deadline.status).toBe('closed_in_time');
  });

  it('shows and switches the closing rules', () => {
    const r = run(['--json', 'closing-rules', '--review', 'off', '--precedent', 'off']);
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toEqual({ reviewRequired: false, precedentRequired: false });
    expect(run(['--json', 'closing-rules', '--review', 'on']).json()).toEqual({ reviewRequired: true, precedentRequired: false });
    const shown = run(['closing-rules']);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain('判决结案前阅核：必须');
    expect(shown.out).toContain('判决结案前类案检索：不要求');
  });

  it('refuses to close without the 阅核 the rules require, and closes with it', () => {
    expect(run(['--json', 'closing-rules', '--review', 'on', '--precedent', 'off']).code).toBe(0);
    const number = added(21);
    const before = sha(db);
    const refused = run(['case', 'close', number, '--closed-on', '2025-04-02', '--closing-method', '判决']);
    expect(refused.code, refused.out).toBe(1);
    expect(refused.err).toContain('阅核');
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(sha(db)).toBe(before);
    expect(detail(['case', 'close', number, '--closed-on', '2025-04-02', '--closing-method', '判决', ...REVIEW])).toMatchObject({ closedOn: '2025-04-02' });
    expect(run(['closing-rules', '--review', 'off']).code).toBe(0);
  });

  it.each([
    ['a closing day before the filing day', ['--closed-on', '2025-03-01', '--closing-method', '判决'], '早于立案日期'],
    ['a reference that is no case number', ['--closed-on', '2025-04-02', '--closing-method', '判决', ...PRECEDENT.slice(0, 4), '--precedent-refs', 'abc', '--searched-on', '2025-03-28'], '参考案例'],
    ['a 阅核 after the closing day', ['--closed-on', '2025-04-02', '--closing-method', '判决', ...REVIEW.slice(0, 4), '--reviewed-on', '2025-04-03', '--review-action', '同意'], '阅核日期'],
  ])('refuses %s (exit 1, the database unchanged)', (_what, args, message) => {
    const number = '（2025）辽0421民初22号';
    const before = sha(db);
    const r = run(['case', 'close', number, ...args]);
    expect(r.code, r.out).toBe(1);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(sha(db)).toBe(before);
  });
});

describe('case reopen', () => {
  it('is for the division head: a clerk is refused for his role and the refusal audited; the reopening is audited', () => {
    const number = added(30);
    expect(detail(['case', 'close', number, '--closed-on', '2025-04-10', '--closing-method', '撤诉'])).toMatchObject({ closedOn: '2025-04-10' });

    const refused = run(['case', 'reopen', number, '--reason', '误将他案结案'], '书记员甲');
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    const denied = run(['--json', 'audit', 'list', '--actor', '书记员甲']).json() as AuditRow[];
    expect(denied).toContainEqual(expect.objectContaining({ action: 'denied', entityKey: 'cases.reopen', actor: '书记员甲' }));
    expect(deadline(number).status).toBe('closed_in_time');

    const c = detail(['case', 'reopen', number, '--reason', '误将他案结案'], '张庭长');
    expect(c).toMatchObject({ closedOn: null, closingMethod: null });
    expect(c.reopenings).toEqual([expect.objectContaining({ closedOn: '2025-04-10', closingMethod: '撤诉', reason: '误将他案结案', reopenedBy: '张庭长' })]);
    expect(auditOf(number)).toContainEqual(expect.objectContaining({ actor: '张庭长', entityKey: number }));
  });

  it('refuses to reopen a case that is open (exit 1, the database unchanged)', () => {
    const number = added(31);
    const before = sha(db);
    const r = run(['case', 'reopen', number, '--reason', '误结'], '张庭长');
    expect(r.code, r.out).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(sha(db)).toBe(before);
  });
});

describe('case appeal', () => {
  it('records whether a closed case was appealed and how, 是/否 or yes/no', () => {
    const number = added(40);
    detail(['case', 'close', number, '--closed-on', '2025-04-15', '--closing-method', '判决']);
    expect(detail(['case', 'appeal', number, '--appealed', '是', '--appeal-outcome', '维持'])).toMatchObject({ appealed: true, appealOutcome: '维持' });
    expect(detail(['case', 'appeal', number, '--appealed', 'no', '--appeal-outcome', ''])).toMatchObject({ appealed: false, appealOutcome: null });
    expect(detail(['case', 'appeal', number, '--appealed', 'yes'])).toMatchObject({ appealed: true });
  });

  it('refuses an appeal of a case that does not exist (exit 1, the database unchanged)', () => {
    const before = sha(db);
    const r = run(['case', 'appeal', '（2025）辽0421民初998号', '--appealed', '是']);
    expect(r.code, r.out).toBe(1);
    expect(sha(db)).toBe(before);
  });
});

describe('case mediate (先行调解)', () => {
  it('starts, extends and ends; only the consented extension moves the due date', () => {
    const number = added(50);
    const base = deadline(number);

    const started = detail(['case', 'mediate', number, 'start', '--destination', '特邀调解员', '--mediator', '刘调解员', '--received-on', '2025-03-04']);
    expect(started.mediation).toMatchObject({ destination: '特邀调解员', mediator: '刘调解员', receivedOn: '2025-03-04', baseDays: 15, extensionDays: 0, endedOn: null });
    expect(deadline(number)).toEqual(base);

    const extended = detail(['case', 'mediate', number, 'extend', '--days', '10', '--consent-on', '2025-03-15']);
    expect(extended.mediation).toMatchObject({ extensionDays: 10, consentOn: '2025-03-15', dueOn: addDays(started.mediation!.dueOn, 10) });
    expect(deadline(number)).toMatchObject({ dueOn: addDays(base.dueOn, 10), deductedDays: base.deductedDays + 10 });

    const ended = detail(['case', 'mediate', number, 'end', '--ended-on', extended.mediation!.dueOn, '--outcome', '调解不成转审理']);
    expect(ended.mediation).toMatchObject({ endedOn: extended.mediation!.dueOn, outcome: '调解不成转审理', daysRemaining: null });
    expect(deadline(number)).toMatchObject({ dueOn: addDays(base.dueOn, 10) });
  });

  it('refuses a criminal case (exit 1, the database unchanged)', () => {
    const before = sha(db);
    const r = run(['case', 'mediate', '（2025）辽0421刑初1号', 'start', '--destination', '特邀调解员', '--mediator', '刘调解员', '--received-on', '2025-01-09']);
    expect(r.code, r.out).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(sha(db)).toBe(before);
  });

  it('refuses an extension without a mediation under way (exit 1, the database unchanged)', () => {
    const before = sha(db);
    const r = run(['case', 'mediate', '（2025）辽0421民初1号', 'extend', '--days', '5', '--consent-on', '2025-01-20']);
    expect(r.code, r.out).toBe(1);
    expect(sha(db)).toBe(before);
  });
});

describe('usage errors: one Chinese line, exit 2, before the database is opened', () => {
  const N = '（2025）辽0421民初1号';
  const long = (n: number) => '长'.repeat(n);
  it.each([
    [['case', 'delete', N], '未知的 case 子命令'],
    [['case', 'add'], '需要参数'],
    [['case', 'add', N, '--filed-on', '2025-03-03', '--division', '民一庭', '--judge', '王法官'], '缺少 --cause'],
    [['case', 'add', N, '--cause', '民间借贷纠纷', '--division', '民一庭', '--judge', '王法官'], '缺少 --filed-on'],
    [['case', 'add', N, '--cause', '民间借贷纠纷', '--filed-on', '2025-03-03', '--judge', '王法官'], '缺少 --division'],
    [['case', 'add', N, '--cause', '民间借贷纠纷', '--filed-on', '2025-03-03', '--division', '民一庭'], '缺少 --judge'],
    [['case', 'add', N, ...ADD.slice(0, 2), '--filed-on', '2025-02-30', ...ADD.slice(4)], '--filed-on 的日期“2025-02-30”无效'],
    [['case', 'add', N, ...ADD, '--procedure', '特别程序'], '--procedure “特别程序”不正确'],
    [['case', 'add', N, ...ADD, '--cause-catalog', 'civil-1999'], '--cause-catalog “civil-1999”不正确'],
    [['case', 'add', N, ...ADD, '--claim-amount=-5'], '--claim-amount：金额“-5”不能为负数'],
    [['case', 'add', N, ...ADD, '--claim-amount', '12.345'], '--claim-amount：金额“12.345”最多保留两位小数'],
    [['case', 'add', N, ...ADD, '--claim-amount', '一万'], '--claim-amount：金额“一万”不是有效数字'],
    [['case', 'add', N, '--cause', long(101), ...ADD.slice(2)], '--cause：案由最多 100 个字'],
    [['case', 'add', N, ...ADD, '--plaintiffs', `甲、${long(101)}`], '--plaintiffs：当事人名称最多 100 个字'],
    [['case', 'add', N, ...ADD, '--defendants', `${long(101)}；乙`], '--defendants：当事人名称最多 100 个字'],
    [['case', 'add', N, ...ADD, '--origin-case-number', long(61)], '--origin-case-number：'],
    [['case', 'add', N, ...ADD, '--reason', '误结'], 'case add 不接受选项 --reason'],
    [['case', 'add', N, 'start', ...ADD], '不接受多余的参数“start”'],
    [['case', 'edit', N], 'case edit 需要至少一个要修改的项'],
    [['case', 'edit', N, '--filed-on', '2025/13/01'], '--filed-on 的日期“2025/13/01”无效'],
    [['case', 'edit', N, '--cause', ''], '--cause：请选择或填写案由'],
    [['case', 'close', N, '--closing-method', '判决'], '缺少 --closed-on'],
    [['case', 'close', N, '--closed-on', '2025-04-01'], '缺少 --closing-method'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '结了'], '--closing-method “结了”不正确'],
    [['case', 'close', N, '--closed-on', '2025-4-1', '--closing-method', '判决'], '--closed-on 的日期“2025-4-1”无效'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '判决', '--reviewed-by', '张庭长'], '缺少 --reviewer-role'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '判决', '--four-categories'], '缺少 --reviewed-by'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '判决', '--reviewed-by', '张庭长', '--reviewer-role', '科长', '--reviewed-on', '2025-04-01', '--review-action', '同意'], '--reviewer-role “科长”不正确'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '判决', '--reviewed-by', '张庭长', '--reviewer-role', '庭长', '--reviewed-on', '2025-04-31', '--review-action', '同意'], '--reviewed-on 的日期“2025-04-31”无效'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '判决', '--reviewed-by', '张庭长', '--reviewer-role', '庭长', '--reviewed-on', '2025-04-01', '--review-action', '好'], '--review-action “好”不正确'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '判决', '--reviewed-by', long(21), '--reviewer-role', '庭长', '--reviewed-on', '2025-04-01', '--review-action', '同意'], '--reviewed-by：'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '判决', '--precedent', '百度', '--precedent-query', 'q', '--no-precedent-found', '--searched-on', '2025-04-01'], '--precedent “百度”不正确'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '判决', '--precedent', '法答网', '--no-precedent-found', '--searched-on', '2025-04-01'], '缺少 --precedent-query'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '判决', '--precedent-query', 'q'], '缺少 --precedent'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '判决', '--precedent', '法答网', '--precedent-query', 'q', '--searched-on', '2025-04-01'], '--no-precedent-found'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '判决', '--precedent', '法答网', '--precedent-query', 'q', '--precedent-refs', '（2024）辽01民终2号', '--no-precedent-found', '--searched-on', '2025-04-01'], '只能用其一'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '判决', '--precedent', '法答网', '--precedent-query', 'q', '--no-precedent-found'], '缺少 --searched-on'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '判决', '--precedent', '法答网', '--precedent-query', long(201), '--no-precedent-found', '--searched-on', '2025-04-01'], '--precedent-query：'],
    [['case', 'close', N, '--closed-on', '2025-04-01', '--closing-method', '判决', '--precedent', '法答网', '--precedent-query', 'q', '--no-precedent-found', '--searched-on', '昨天'], '--searched-on 的日期“昨天”无效'],
    [['case', 'reopen', N], '缺少 --reason'],
    [['case', 'reopen', N, '--reason', long(501)], '--reason：'],
    [['case', 'reopen', N, '--reason', '误结', '--cause', '买卖合同纠纷'], 'case reopen 不接受选项 --cause'],
    [['case', 'appeal', N], '缺少 --appealed'],
    [['case', 'appeal', N, '--appealed', '也许'], '--appealed “也许”不正确'],
    [['case', 'appeal', N, '--appealed', '是', '--appeal-outcome', '胜诉'], '--appeal-outcome “胜诉”不正确'],
    [['case', 'mediate', N], 'case mediate 需要步骤'],
    [['case', 'mediate', N, 'stop'], '步骤“stop”不正确'],
    [['case', 'mediate', N, 'start', '--mediator', '刘调解员', '--received-on', '2025-03-04'], '缺少 --destination'],
    [['case', 'mediate', N, 'start', '--destination', '法院', '--mediator', '刘调解员', '--received-on', '2025-03-04'], '--destination “法院”不正确'],
    [['case', 'mediate', N, 'start', '--destination', '律师调解', '--received-on', '2025-03-04'], '缺少 --mediator'],
    [['case', 'mediate', N, 'start', '--destination', '律师调解', '--mediator', '刘调解员', '--received-on', '20250304'], '--received-on 的日期“20250304”无效'],
    [['case', 'mediate', N, 'start', '--destination', '律师调解', '--mediator', '刘调解员', '--received-on', '2025-03-04', '--days', '5'], 'case mediate start 不接受选项 --days'],
    [['case', 'mediate', N, 'extend', '--days', '31', '--consent-on', '2025-03-15'], '--days 应为 1 到 30 之间的整数'],
    [['case', 'mediate', N, 'extend', '--days', '0', '--consent-on', '2025-03-15'], '--days 应为 1 到 30 之间的整数'],
    [['case', 'mediate', N, 'extend', '--days', '五', '--consent-on', '2025-03-15'], '--days 应为 1 到 30 之间的整数'],
    [['case', 'mediate', N, 'extend', '--days', '5'], '缺少 --consent-on'],
    [['case', 'mediate', N, 'extend', '--days', '5', '--consent-on', '2025-3-15'], '--consent-on 的日期“2025-3-15”无效'],
    [['case', 'mediate', N, 'end', '--ended-on', '2025-02-29', '--outcome', '撤诉'], '--ended-on 的日期“2025-02-29”无效'],
    [['case', 'mediate', N, 'end', '--ended-on', '2025-03-20', '--outcome', '成功'], '--outcome “成功”不正确'],
    [['case', 'mediate', N, 'end', '--outcome', '撤诉'], '缺少 --ended-on'],
    [['closing-rules', '--review', 'maybe'], '--review 只接受 on 或 off'],
    [['closing-rules', '--precedent', '法答网'], '--precedent 只接受 on 或 off'],
  ])('%j', (args, message) => {
    const before = sha(db);
    const r = run(args);
    expect(r.code, r.out + r.err).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(sha(db)).toBe(before);
  });
});
