// The extension workflow (延长审限) through the core as the hosts use it, on real SQLite: the judge asks, the division
// head gives his opinion, the president (or the vice-president he delegated) decides, and an approval moves the
// case's due date in the same transaction; higher-court routes, refusals, late requests, attachments and the audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import type { CaseDetail, ExtensionDetail, ExtensionRow } from '../../shared/api/contract';

const TODAY = '2025-06-30';
let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const sessions: Record<string, string> = {};
const n = (type: string, seq: number) => `（2025）辽0421${type}${seq}号`;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of a png')]);

beforeAll(async () => {
  t = freshCourtDb();
  const civil = (seq: number, filedOn: string, division = '民一庭', judge = '王法官') => record({ caseNumber: n('民初', seq), filedOn, division, judge });
  t.put([
    civil(1, '2025-03-01'), civil(2, '2025-01-05'), civil(3, '2025-03-01'), civil(4, '2025-03-01'),
    civil(6, '2025-03-01', '民一庭', '庭长甲'), civil(7, '2025-03-01', '民二庭', '副院长乙'), civil(8, '2025-01-10'), civil(9, '2025-03-01'),
    civil(10, '2025-03-01', '城关人民法庭', '李法官'),
    record({ caseNumber: n('行初', 1), cause: '行政许可', filedOn: '2025-03-01', division: '行政审判庭', judge: '赵法官' }),
  ], TODAY);
  const accounts = new AccountStore(t.db);
  const people: Array<[string, Array<'clerk' | 'judge' | 'division_head' | 'vice_president' | 'president' | 'admin'>, string | null]> = [
    ['王法官', ['judge'], '民一庭'], ['李法官', ['judge'], '城关人民法庭'], ['赵法官', ['judge'], '行政审判庭'],
    ['庭长甲', ['division_head'], '民一庭'], ['庭长丙', ['division_head'], '城关人民法庭'], ['庭长戊', ['division_head'], '行政审判庭'],
    ['副院长乙', ['division_head', 'vice_president'], '民二庭'], ['副院长丁', ['vice_president'], null], ['院长', ['president'], null],
    ['书记员', ['clerk'], '民一庭'], ['管理员', ['admin'], null],
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

async function as<T = ExtensionDetail>(who: string, method: string, args: unknown): Promise<T> {
  const r = await core.call(method, args, { session: sessions[who] });
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value as T;
}
async function refusal(who: string, method: string, args: unknown): Promise<{ code: string; message: string; field?: string }> {
  const r = await core.call(method, args, { session: sessions[who] });
  expect(r.ok, JSON.stringify(r)).toBe(false);
  return (r as { error: { code: string; message: string; field?: string } }).error;
}
const dueOf = async (caseNumber: string) => (await as<CaseDetail>('院长', 'cases.get', { caseNumber })).deadline.dueOn;
const storedDue = (caseNumber: string) => core.db.prepare('SELECT due_on FROM cases WHERE case_number = ?').pluck().get(caseNumber);
const denied = () => core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'denied'").pluck().get() as number;
const ask = (caseNumber: string, extra: Record<string, unknown> = {}) => ({ caseNumber, months: 3, reason: '鉴定未完成', explanation: '鉴定机构尚未出具鉴定意见书', ...extra });

describe('the whole route', () => {
  it('judge asks, division head agrees, president approves: the due date moves at once, every step signed and audited', async () => {
    expect(await dueOf(n('民初', 1))).toBe('2025-09-01');
    const made = await as('王法官', 'extensions.request', ask(n('民初', 1), { attachments: [{ name: '鉴定机构函.pdf', base64: PDF.toString('base64') }] }));
    expect(made).toMatchObject({
      caseNumber: n('民初', 1), judge: '王法官', requestedBy: '王法官', requestedOn: TODAY, reasonCode: '鉴定未完成', asked: { months: 3, days: 0 },
      approved: null, status: 'pending', stage: 'opinion', route: 'president', late: false, waitingFor: '庭长甲', dueOn: '2025-09-01', daysRemaining: 63,
      earlierExtensions: 0, judgeOpen: 6, judgeOverdue: 0, steps: [],
    });
    expect(made.attachments).toEqual([expect.objectContaining({ name: '鉴定机构函.pdf', mime: 'application/pdf', size: PDF.length })]);
    const file = await as<{ base64: string }>('院长', 'extensions.attachment', { id: made.id, attachmentId: made.attachments[0].id });
    expect(Buffer.from(file.base64, 'base64').equals(PDF)).toBe(true);

    // On the division head's queue; not yet on the president's to decide.
    expect((await as<ExtensionRow[]>('庭长甲', 'extensions.list', {})).map((r) => r.id)).toContain(made.id);
    expect(await refusal('院长', 'extensions.decide', { id: made.id, approve: true, comment: '同意' })).toMatchObject({ code: 'BAD_ARGS', message: expect.stringContaining('待庭长签署意见') });

    const opined = await as('庭长甲', 'extensions.opinion', { id: made.id, agree: true, comment: '情况属实，同意延长' });
    expect(opined).toMatchObject({ stage: 'decision', waitingFor: '院长', steps: [{ step: 'opinion', outcome: 'agree', by: '庭长甲', on: TODAY, comment: '情况属实，同意延长' }] });

    const decided = await as('院长', 'extensions.decide', { id: made.id, approve: true, comment: '同意延长三个月' });
    expect(decided).toMatchObject({ status: 'approved', stage: 'decided', approved: { months: 3, days: 0 }, dueOn: '2025-12-01', waitingFor: null });
    expect(decided.steps.map((s) => [s.step, s.outcome, s.by])).toEqual([['opinion', 'agree', '庭长甲'], ['decision', 'approved', '院长']]);
    expect(await dueOf(n('民初', 1))).toBe('2025-12-01');
    expect(storedDue(n('民初', 1))).toBe('2025-12-01');

    const audit = core.db.prepare("SELECT actor, action, after_json FROM audit_log WHERE entity = 'case' AND entity_key = ? AND action LIKE 'extension.%' ORDER BY id").all(n('民初', 1)) as Array<{ actor: string; action: string; after_json: string }>;
    expect(audit.map((a) => [a.actor, a.action])).toEqual([['王法官', 'extension.request'], ['庭长甲', 'extension.opinion'], ['院长', 'extension.approve']]);
    expect(JSON.parse(audit[2].after_json)).toMatchObject({ id: made.id, approved: '3个月', dueOn: '2025-12-01' });
  });

  it('refuses a second decision: a decision is final, only a new request follows', async () => {
    const [row] = await as<ExtensionRow[]>('院长', 'extensions.list', { status: 'decided', caseNumber: n('民初', 1) });
    expect(await refusal('院长', 'extensions.decide', { id: row.id, approve: false, comment: '改为不批准' })).toMatchObject({ code: 'BAD_ARGS', message: expect.stringMatching(/审批决定不能更改/) });
    expect(await dueOf(n('民初', 1))).toBe('2025-12-01');
    // A new request counts the one approved, and leaves the president three months.
    const again = await as('王法官', 'extensions.request', ask(n('民初', 1), { months: 4 }));
    expect(again).toMatchObject({ route: 'higher_court', earlierExtensions: 1 });
  });

  it('approves a shorter time than asked, never a longer one', async () => {
    const made = await as('王法官', 'extensions.request', ask(n('民初', 3)));
    await as('庭长甲', 'extensions.opinion', { id: made.id, agree: false, comment: '鉴定将于一月内完成' });
    expect(await refusal('院长', 'extensions.decide', { id: made.id, approve: true, months: 4, comment: '同意' })).toMatchObject({ message: expect.stringContaining('不能长于申请的 3个月') });
    const decided = await as('院长', 'extensions.decide', { id: made.id, approve: true, months: 1, comment: '批准延长一个月' });
    expect(decided).toMatchObject({ asked: { months: 3, days: 0 }, approved: { months: 1, days: 0 }, dueOn: '2025-10-01' });
    expect(decided.steps[0]).toMatchObject({ outcome: 'disagree', by: '庭长甲' });
  });

  it('a rejection leaves the due date as it was', async () => {
    const made = await as('王法官', 'extensions.request', ask(n('民初', 4), { months: 2, reason: '案情复杂', explanation: '涉及多个法律关系' }));
    await as('庭长甲', 'extensions.opinion', { id: made.id, agree: true, comment: '同意' });
    const decided = await as('院长', 'extensions.decide', { id: made.id, approve: false, comment: '理由不足，请加快审理' });
    expect(decided).toMatchObject({ status: 'rejected', stage: 'decided', approved: null, dueOn: '2025-09-01' });
    expect(storedDue(n('民初', 4))).toBe('2025-09-01');
    expect(core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'extension.reject' AND entity_key = ?").pluck().get(n('民初', 4))).toBe(1);
  });
});

describe('who may act', () => {
  it("refuses a request by anyone but the case's judge, on the record", async () => {
    const before = denied();
    expect(await refusal('庭长甲', 'extensions.request', ask(n('民初', 9)))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('不是 （2025）辽0421民初9号 的承办法官') });
    expect(await refusal('书记员', 'extensions.request', ask(n('民初', 9)))).toMatchObject({ code: 'FORBIDDEN' });
    // Another division's judge does not learn that the case exists.
    expect(await refusal('李法官', 'extensions.request', ask(n('民初', 9)))).toMatchObject({ code: 'NOT_FOUND' });
    expect(denied()).toBe(before + 3);
    expect(core.db.prepare('SELECT count(*) FROM extension_requests WHERE case_id = (SELECT id FROM cases WHERE case_number = ?)').pluck().get(n('民初', 9))).toBe(0);
  });

  it('lets a division head ask for his own case as its judge, and nobody opine on or decide his own request', async () => {
    // 庭长甲 is the only head of 民一庭: with nobody else to give the opinion, his request goes straight to the decision.
    const own = await as('庭长甲', 'extensions.request', ask(n('民初', 6), { months: 1 }));
    expect(own).toMatchObject({ stage: 'decision', waitingFor: '院长' });
    const before = denied();
    expect(await refusal('庭长甲', 'extensions.opinion', { id: own.id, agree: true, comment: '同意' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('本人提出') });

    await as('管理员', 'extensions.setSettings', { delegations: { 民二庭: '副院长乙' } });
    const vp = await as('副院长乙', 'extensions.request', ask(n('民初', 7), { months: 1 }));
    expect(vp).toMatchObject({ stage: 'decision', waitingFor: '副院长乙' });
    expect(await refusal('副院长乙', 'extensions.decide', { id: vp.id, approve: true, comment: '同意' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('本人提出') });
    expect(denied()).toBe(before + 2);
    expect(await as('院长', 'extensions.decide', { id: vp.id, approve: true, comment: '同意' })).toMatchObject({ status: 'approved' });
  });

  it('sends a delegated division to its vice-president; another vice-president may not decide it', async () => {
    await as('管理员', 'extensions.setSettings', { delegations: { 民二庭: '副院长乙', 城关人民法庭: '副院长乙' } });
    expect(await as('院长', 'extensions.settings', {})).toEqual({ refuseLate: false, delegations: { 民二庭: '副院长乙', 城关人民法庭: '副院长乙' } });
    expect(await refusal('管理员', 'extensions.setSettings', { delegations: { 民一庭: '王法官' } })).toMatchObject({ message: expect.stringContaining('不是本院的分管院领导') });
    const made = await as('李法官', 'extensions.request', ask(n('民初', 10), { months: 2 }));
    await as('庭长丙', 'extensions.opinion', { id: made.id, agree: true, comment: '同意' });
    expect((await as('院长', 'extensions.get', { id: made.id })).waitingFor).toBe('副院长乙');
    expect(await refusal('副院长丁', 'extensions.decide', { id: made.id, approve: true, comment: '同意' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('受委托的 副院长乙') });
    // A head of another division gives no opinion here either: the case is outside his division.
    expect(await refusal('庭长甲', 'extensions.get', { id: made.id })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(`申请 ${made.id}`) });
    expect(await as('副院长乙', 'extensions.decide', { id: made.id, approve: true, comment: '同意延长' })).toMatchObject({ status: 'approved', dueOn: '2025-11-01' });
  });
});

describe('the rules of the time-limit table', () => {
  it('marks a late request 逾期申请, asks it for a written explanation, and refuses it when the court says so', async () => {
    expect(await refusal('王法官', 'extensions.request', ask(n('民初', 2), { explanation: '来不及了' }))).toMatchObject({ code: 'BAD_ARGS', field: 'explanation', message: expect.stringContaining('逾期申请须书面说明') });
    const late = await as('王法官', 'extensions.request', ask(n('民初', 2), { explanation: '鉴定机构于六月二十八日才通知需补充检材，故未能提前申请' }));
    expect(late).toMatchObject({ late: true, daysRemaining: 5 });
    expect(late.notes.join()).toContain('15 日前申请');
    await as('管理员', 'extensions.setSettings', { refuseLate: true });
    try {
      expect(await refusal('王法官', 'extensions.request', ask(n('民初', 8), { explanation: '鉴定机构于六月二十八日才通知需补充检材' }))).toMatchObject({ message: expect.stringContaining('不受理逾期申请') });
    } finally {
      await as('管理员', 'extensions.setSettings', { refuseLate: false });
    }
  });

  it('routes 民初 beyond six months to the higher court: sent up by the president\'s office, its answer entered', async () => {
    const made = await as('王法官', 'extensions.request', ask(n('民初', 9), { months: 7 }));
    expect(made).toMatchObject({ route: 'higher_court', routeLabel: '上级法院', stage: 'opinion' });
    await as('庭长甲', 'extensions.opinion', { id: made.id, agree: true, comment: '同意报请' });
    expect(await refusal('院长', 'extensions.decide', { id: made.id, approve: true, comment: '同意' })).toMatchObject({ message: expect.stringContaining('须报上级法院批准') });
    expect(await as('院长', 'extensions.forward', { id: made.id, comment: '已报市中级人民法院' })).toMatchObject({ status: 'higher_court', stage: 'higher_court', waitingFor: '上级法院' });
    const answered = await as('院长', 'extensions.higherCourt', { id: made.id, approve: true, comment: '市中院批复同意' });
    expect(answered).toMatchObject({ status: 'approved', approved: { months: 7, days: 0 }, dueOn: '2026-04-01' });
    expect(answered.steps.map((s) => [s.step, s.outcome])).toEqual([['opinion', 'agree'], ['forwarded', 'forwarded'], ['higher_court', 'approved']]);
    expect(storedDue(n('民初', 9))).toBe('2026-04-01');
    const actions = core.db.prepare("SELECT actor, action FROM audit_log WHERE entity_key = ? AND action LIKE 'extension.%' ORDER BY id").all(n('民初', 9));
    expect(actions).toEqual([
      { actor: '王法官', action: 'extension.request' }, { actor: '庭长甲', action: 'extension.opinion' },
      { actor: '院长', action: 'extension.forward' }, { actor: '院长', action: 'extension.higherCourt.approved' },
    ]);
  });

  it('routes every 行初 request to the high court, and a refusal there leaves the due date', async () => {
    const made = await as('赵法官', 'extensions.request', ask(n('行初', 1), { months: 1, reason: '追加当事人', explanation: '需追加第三人参加诉讼' }));
    expect(made).toMatchObject({ route: 'high_court', routeLabel: '高级人民法院' });
    await as('庭长戊', 'extensions.opinion', { id: made.id, agree: true, comment: '同意报请' });
    await as('院长', 'extensions.forward', { id: made.id });
    expect(await as('院长', 'extensions.higherCourt', { id: made.id, approve: false, comment: '高院不予批准' })).toMatchObject({ status: 'rejected', dueOn: '2025-09-01' });
  });
});

describe('requests written before the workflow', () => {
  it('lets the president finish one the demo generator left pending, and counts an imported approval as earlier', async () => {
    const caseId = core.db.prepare('SELECT id FROM cases WHERE case_number = ?').pluck().get(n('民初', 8));
    const insert = core.db.prepare(
      `INSERT INTO extension_requests (case_id, months, days, reason, requested_on, status, decided_on, row_version, created_at, updated_at)
       VALUES (?, ?, 0, ?, ?, ?, ?, 1, 'x', 'x')`,
    );
    insert.run(caseId, 1, '等待鉴定结论', '2025-05-01', 'approved', '2025-05-03');
    const pending = Number(insert.run(caseId, 1, '公告送达', '2025-06-20', 'pending', null).lastInsertRowid);
    const waiting = await as<ExtensionRow[]>('院长', 'extensions.list', { caseNumber: n('民初', 8) });
    expect(waiting.map((r) => [r.id, r.stage, r.stageLabel, r.earlierExtensions])).toEqual([[pending, 'decision', '待院领导审批', 1]]);
    // The case has a request in progress: a new one waits for it.
    expect(await refusal('王法官', 'extensions.request', ask(n('民初', 8), { explanation: '鉴定机构于六月二十八日才通知需补充检材' }))).toMatchObject({ message: expect.stringContaining('尚未审批完毕') });
    expect(await as('院长', 'extensions.decide', { id: pending, approve: true, comment: '同意' })).toMatchObject({ status: 'approved', stage: 'decided', stageLabel: '已批准', dueOn: '2025-09-10' });
    expect(await refusal('院长', 'extensions.decide', { id: pending, approve: true, comment: '同意' })).toMatchObject({ message: expect.stringContaining('不能更改') });
  });
});

describe('attachments', () => {
  it.each([
    ['text named .pdf', 'notes.pdf', Buffer.from('just some text'), '“notes.pdf”不是 PDF 或图片文件'],
    ['a PNG named .pdf', 'letter.pdf', PNG, '“letter.pdf”的内容是PNG 图片，与文件名不符'],
  ])('refuses %s, naming the file, and stores nothing', async (_what, name, bytes, message) => {
    const count = core.db.prepare('SELECT count(*) FROM extension_requests').pluck().get();
    const err = await refusal('王法官', 'extensions.request', ask(n('民初', 8), { attachments: [{ name, base64: bytes.toString('base64') }] }));
    expect(err).toMatchObject({ code: 'BAD_ARGS', field: 'attachments', message: expect.stringContaining(message) });
    expect(core.db.prepare('SELECT count(*) FROM extension_requests').pluck().get()).toBe(count);
  });

  it('refuses more than three', async () => {
    const one = { name: 'a.pdf', base64: PDF.toString('base64') };
    expect(await refusal('王法官', 'extensions.request', ask(n('民初', 8), { attachments: [one, one, one, one] }))).toMatchObject({ code: 'BAD_ARGS', message: expect.stringContaining('附件最多 3 个') });
  });
});
