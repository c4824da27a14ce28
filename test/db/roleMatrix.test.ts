// Every role against every guarded call, through the core as the hosts use it: allowed, or refused and audited.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { ROLES, PERMISSIONS, type Action, type Role } from '../../shared/accounts/roles';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { API_METHODS } from '../../shared/api/methods';

const TODAY = '2024-12-31';
let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const PASSWORD = 'right-pass-1';

/** Who holds which single role, and where: the judge 王法官 and the 民一庭 staff share the case below. */
const PEOPLE: Record<Role, { name: string; division: string | null }> = {
  clerk: { name: '书记员甲', division: '民一庭' },
  assistant: { name: '助理乙', division: '民一庭' },
  judge: { name: '王法官', division: '民一庭' },
  division_head: { name: '庭长丙', division: '民一庭' },
  vice_president: { name: '副院长丁', division: null },
  president: { name: '院长戊', division: null },
  statistician: { name: '统计己', division: '审判管理办公室' },
  admin: { name: '管理庚', division: null },
};

beforeAll(() => {
  t = freshCourtDb();
  t.put([
    record({ caseNumber: '（2024）辽0421民初1号', division: '民一庭', judge: '王法官' }),
    record({ caseNumber: '（2024）辽0421民初2号', division: '民一庭', judge: '李法官' }),
    record({ caseNumber: '（2024）辽0421民初3号', division: '城关人民法庭', judge: '赵法官' }),
    record({ caseNumber: '（2024）辽0421刑初1号', procedure: '速裁程序', cause: '危险驾驶罪', division: '刑事审判庭', judge: '陈法官' }),
  ]);
  t.db.exec("INSERT INTO divisions (court_id, name, kind, row_version, updated_at) VALUES (1, '审判管理办公室', 'office', 1, 'x')");
  const accounts = new AccountStore(t.db);
  for (const role of ROLES) accounts.create({ name: PEOPLE[role].name, roles: [role], division: PEOPLE[role].division, password: PASSWORD, actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY });
});
afterAll(() => {
  core.close();
  t.cleanup();
});

async function signIn(name: string, password = PASSWORD): Promise<string> {
  const r = await core.call('auth.signIn', { name, password });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  expect(r.session && 'set' in r.session).toBe(true);
  return (r.session as { set: string }).set;
}

function deniedCount(): number {
  return core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'denied'").pluck().get() as number;
}

/**
 * The guarded calls, with arguments that would succeed for a permitted role, and the action each needs. `input`: a
 * permitted role gets past the access check and meets an input refusal of the call itself (never FORBIDDEN).
 */
const CALLS: Array<{ method: string; args: unknown; action: Action; input?: RegExp; refusal?: 'BAD_ARGS' | 'CONFLICT' | 'NOT_FOUND' }> = [
  { method: 'cases.list', args: {}, action: 'cases.view' },
  { method: 'cases.count', args: {}, action: 'cases.view' },
  { method: 'cases.exportXlsx', args: { file: 'relative.xlsx' }, action: 'cases.view', input: /完整路径/ },
  { method: 'cases.get', args: { caseNumber: '（2024）辽0421民初1号' }, action: 'cases.view' },
  { method: 'deadlines.summary', args: {}, action: 'cases.view' },
  { method: 'deadlines.hidden', args: {}, action: 'cases.view' },
  { method: 'deadlines.cold', args: { days: 30 }, action: 'cases.view' },
  { method: 'users.list', args: {}, action: 'accounts.manage' },
  { method: 'users.add', args: { name: 'NEWNAME', roles: ['clerk'], password: 'initial-pass-1' }, action: 'accounts.manage' },
  { method: 'users.setActive', args: { name: '助理乙', active: true }, action: 'accounts.manage' },
  { method: 'users.resetPassword', args: { name: '助理乙', password: 'reset-pass-123' }, action: 'accounts.manage' },
  { method: 'audit.list', args: {}, action: 'audit.view' },
  { method: 'audit.verify', args: {}, action: 'audit.view' },
  { method: 'settings.setIdleLock', args: { minutes: 15 }, action: 'settings.manage' },
  { method: 'settings.setHolidayRoll', args: { enabled: false }, action: 'settings.manage' },
  { method: 'settings.previewHolidayRoll', args: { enabled: true }, action: 'settings.manage' },
  { method: 'backup.list', args: {}, action: 'backup.manage' },
  { method: 'backup.create', args: {}, action: 'backup.manage' },
  { method: 'backup.check', args: { file: 'DB' }, action: 'backup.manage' },
  { method: 'cases.addEvent', args: { caseNumber: '（2024）辽0421民初1号', kind: '公告', fromOn: '2024-04-01', toOn: '2024-04-10' }, action: 'events.record' },
  { method: 'cases.resume', args: { caseNumber: '（2024）辽0421民初1号', resumedOn: '2024-05-01' }, action: 'events.record', input: /没有尚未恢复的中止/ },
  { method: 'demo.seed', args: { cases: 10 }, action: 'demo.seed', input: /只能向演示数据库填充合成数据/ },
  { method: 'cases.checkNumber', args: { caseNumber: '（2024）辽0421民初1号' }, action: 'cases.register' },
  { method: 'cases.nextNumber', args: { typeCode: '民初', year: 2024 }, action: 'cases.register' },
  { method: 'cases.history', args: { caseNumber: '（2024）辽0421民初1号' }, action: 'cases.view' },
  { method: 'cases.update', args: { caseNumber: '（2024）辽0421民初1号', fields: { cause: '民间借贷纠纷' } }, action: 'cases.register' },
  { method: 'cases.close', args: { caseNumber: '（2024）辽0421民初1号', closedOn: '2024-01-01', closingMethod: '调解' }, action: 'cases.register', input: /早于立案日期/ },
  { method: 'cases.reopen', args: { caseNumber: '（2024）辽0421民初1号', reason: '误结' }, action: 'cases.reopen', input: /尚未结案/ },
  { method: 'cases.recordAppeal', args: { caseNumber: '（2024）辽0421民初1号', appealed: false }, action: 'cases.register', input: /尚未结案/ },
  { method: 'cases.endEvent', args: { caseNumber: '（2024）辽0421民初1号', eventId: 999999, toOn: '2024-05-01' }, action: 'events.record', input: /不属于此案件/ },
  { method: 'cases.convertProcedure', args: { caseNumber: '（2024）辽0421民初1号', on: '2024-05-01' }, action: 'events.record', input: /只有简易程序或小额诉讼程序/ },
  { method: 'cases.startMediation', args: { caseNumber: '（2024）辽0421民初1号', destination: '特邀调解员', mediator: '某调解员', receivedOn: '2024-05-01' }, action: 'events.record', input: /自 2025-01-01 起适用/ },
  { method: 'cases.extendMediation', args: { caseNumber: '（2024）辽0421民初1号', days: 5, consentOn: '2024-05-01' }, action: 'events.record', input: /没有登记先行调解/ },
  { method: 'cases.endMediation', args: { caseNumber: '（2024）辽0421民初1号', endedOn: '2024-05-01', outcome: '调解成功' }, action: 'events.record', input: /没有登记先行调解/ },
  { method: 'cases.savedFilters', args: {}, action: 'cases.view' },
  { method: 'cases.saveFilter', args: { name: '我的未结案件', filters: { status: 'open' } }, action: 'cases.view' },
  { method: 'cases.deleteFilter', args: { name: '从未保存过' }, action: 'cases.view', input: /没有名为/ },
  { method: 'settings.setClosingRules', args: { reviewRequired: false, precedentRequired: false }, action: 'settings.manage' },
  { method: 'settings.setAlerts', args: { coldDays: 30 }, action: 'settings.manage' },
  { method: 'cases.reconciliation', args: {}, action: 'reconciliation.view' },
  { method: 'cases.reconciliationExport', args: { file: 'relative.xlsx' }, action: 'reconciliation.view', input: /完整路径/ },
  { method: 'extensions.list', args: {}, action: 'cases.view' },
  { method: 'extensions.list', args: { status: 'all', from: '2024-01-01', to: '2024-12-31', reason: 'imported', outcome: 'decided' }, action: 'cases.view' },
  { method: 'extensions.study', args: { from: '2024-01-01', to: '2024-12-31' }, action: 'cases.view' },
  { method: 'indicators.compute', args: { from: '2024-01-01', to: '2024-12-31', by: 'judge' }, action: 'indicators.view' },
  { method: 'ledger.project', args: { months: 3, closeMore: 1 }, action: 'ledger.view' },
  { method: 'reports.build', args: { kind: 'weekly', date: '2024-01-03', format: 'xlsx' }, action: 'indicators.view' },
  { method: 'ledger.export', args: { format: 'pdf' }, action: 'ledger.view' },
  { method: 'extensions.setSettings', args: { refuseLate: false }, action: 'extension.settings' },
  { method: 'extensions.delegationOptions', args: {}, action: 'extension.settings' },
  { method: 'users.setJudges', args: { name: '助理乙', judges: ['王法官'] }, action: 'accounts.manage' },
  { method: 'extensions.upload', args: { name: '延期函.png', offset: 0, total: 8, base64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64') }, action: 'extension.request' },
  { method: 'extensions.discardUpload', args: { upload: '0'.repeat(32) }, action: 'extension.request' },
  { method: 'indicators.cases', args: { from: '2024-01-01', to: '2024-12-31', id: 'resolved', part: 'count' }, action: 'indicators.view' },
  { method: 'indicators.ranges', args: {}, action: 'indicators.view' },
  { method: 'indicators.setRange', args: { id: 'reversalRate', low: null, high: 5 }, action: 'indicators.ranges' },
  { method: 'indicators.resetRange', args: { id: 'reversalRate' }, action: 'indicators.ranges' },
  { method: 'indicators.importRanges', args: { fileName: '中院.json', base64: Buffer.from(JSON.stringify({ format: 'courtdesk-indicator-ranges', version: 1, ranges: { reversalRate: { low: null, high: 5 } } })).toString('base64') }, action: 'indicators.ranges' },
  { method: 'exchange.keysShow', args: {}, action: 'exchange.keys' },
  { method: 'exchange.preflight', args: { from: '2024-01-01', to: '2024-12-31' }, action: 'exchange.export' },
  { method: 'exchange.exports', args: {}, action: 'exchange.export' },
  { method: 'exchange.rewrite', args: { sequence: 999, outDir: '/tmp' }, action: 'exchange.export', input: /没有序号为 999/ },
  { method: 'exchange.export', args: { from: '2024-01-01', to: '2024-12-31', outDir: '/tmp', passphrase: 'x' }, action: 'exchange.export', input: /尚未设置报送的中院/, refusal: 'CONFLICT' },
  { method: 'exchange.verify', args: { file: '/nonexistent/x.cdpkg' }, action: 'exchange.receive' },
  { method: 'exchange.receive', args: { file: '/nonexistent/x.cdpkg', passphrase: 'x' }, action: 'exchange.receive', input: /不接收报送包/, refusal: 'CONFLICT' },
  { method: 'exchange.courts', args: {}, action: 'exchange.receive' },
  { method: 'exchange.compare', args: {}, action: 'exchange.receive', input: /各院对比是中级法院的功能/, refusal: 'CONFLICT' },
  { method: 'exchange.trends', args: { indicator: 'clearanceRate' }, action: 'exchange.receive', input: /各院对比是中级法院的功能/, refusal: 'CONFLICT' },
  { method: 'exchange.courtCases', args: { courtCode: '辽0421', filter: 'overdue' }, action: 'exchange.receive', input: /各院对比是中级法院的功能/, refusal: 'CONFLICT' },
  { method: 'exchange.courtExtensions', args: { courtCode: '辽0421' }, action: 'exchange.receive', input: /各院对比是中级法院的功能/, refusal: 'CONFLICT' },
  { method: 'exchange.returnMake', args: { courtCode: '辽0421', passphrase: 'x' }, action: 'exchange.receive', input: /不制作中院回执/, refusal: 'CONFLICT' },
  { method: 'exchange.keysRotate', args: { passphrase: 'x' }, action: 'exchange.keys', input: /尚未生成签名密钥/ },
  { method: 'exchange.revoke', args: { courtCode: '辽0422', fromSequence: 3 }, action: 'exchange.keys', input: /吊销公钥是中级法院的操作/, refusal: 'CONFLICT' },
  { method: 'exchange.returnImport', args: { fileName: '回执.cdret', text: '{}' }, action: 'exchange.export', input: /缺少签名段/ },
  { method: 'exchange.courtLedger', args: { courtCode: '辽0421' }, action: 'exchange.receive', input: /帮扶措施由中级法院填写/, refusal: 'CONFLICT' },
  { method: 'exchange.helpAdd', args: { courtCode: '辽0421', text: '派员指导', weakPointIds: [1], leader: '甲', owner: '乙', division: '审管办', startOn: '2025-01-01', dueOn: '2025-06-30' }, action: 'ledger.manage', input: /帮扶措施由中级法院填写/, refusal: 'CONFLICT' },
  { method: 'exchange.helpUpdate', args: { id: 1, text: '派员指导', weakPointIds: [1], leader: '甲', owner: '乙', division: '审管办', startOn: '2025-01-01', dueOn: '2025-06-30' }, action: 'ledger.manage', input: /帮扶措施由中级法院填写/, refusal: 'CONFLICT' },
  { method: 'exchange.helpProgress', args: { id: 1, text: '已走访' }, action: 'ledger.manage', input: /帮扶措施由中级法院填写/, refusal: 'CONFLICT' },
  { method: 'exchange.recipientCardCheck', args: { card: 'courtdesk-key-card: 1' }, action: 'exchange.keys', input: /缺少签名段/ },
  { method: 'ledger.list', args: {}, action: 'ledger.view' },
  { method: 'ledger.people', args: {}, action: 'ledger.manage' },
  { method: 'ledger.addWeakPoint', args: { text: '长期未结案件多', foundBy: 'intermediate', foundOn: '2024-12-01', targets: [{ indicator: 'longPending12Ratio', target: 0.02, dueOn: '2025-06-30' }] }, action: 'ledger.manage' },
  { method: 'ledger.updateWeakPoint', args: { id: 999, text: '长期未结案件多', foundBy: 'self', foundOn: '2024-12-01', targets: [{ indicator: 'longPending12Ratio', target: 0.02, dueOn: '2025-06-30' }] }, action: 'ledger.manage', input: /找不到编号为 999 的薄弱点/, refusal: 'NOT_FOUND' },
  { method: 'ledger.addMeasure', args: { kind: 'rectify', text: '清理长期未结案件', weakPointIds: [999], leader: '院长戊', owner: '王法官', division: '民一庭', startOn: '2025-01-01', dueOn: '2025-06-30' }, action: 'ledger.manage', input: /找不到编号为 999 的薄弱点/ },
  { method: 'ledger.updateMeasure', args: { id: 999, kind: 'rectify', text: '清理长期未结案件', weakPointIds: [1], leader: '院长戊', owner: '王法官', division: '民一庭', startOn: '2025-01-01', dueOn: '2025-06-30' }, action: 'ledger.manage', input: /找不到编号为 999 的整改措施/, refusal: 'NOT_FOUND' },
  { method: 'exchange.recipientSet', args: { recipient: 'age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq', courtCode: '辽04', courtName: '中院' }, action: 'exchange.keys', input: /校验失败/ },
  { method: 'ledger.meetings', args: {}, action: 'ledger.view' },
  { method: 'ledger.addMeeting', args: { heldOn: '2024-12-10', title: '11月分析会', attendees: ['院长戊'], indicators: ['onTimeRate'] }, action: 'ledger.manage' },
];

/** Calls open to anyone (sign-in, start-up) or to everyone signed in; restore is refused by a core without a runtime. */
const UNGUARDED = ['catalog.causes', 'auth.status', 'auth.setup', 'auth.signIn', 'auth.unlock', 'auth.signOut', 'auth.changePassword', 'app.info', 'catalog.divisions', 'catalog.judges', 'startup.status', 'startup.restoreLatest', 'jobs.list', 'jobs.cancel', 'extensions.settings', 'ledger.mine', 'ledger.upload', 'ledger.discardUpload'];
const ELSEWHERE = {
  'backup.restore': 'test/db/appRuntime.test.ts',
  'cases.import': 'below: it needs a court-wide scope besides the role',
  'cases.importUpload': 'test/db/importWindow.test.ts: court-wide scope besides the role; uploads kept to their uploader',
  'cases.importPreview': 'test/db/importWindow.test.ts: an upload is previewed only by the person who made it',
  'cases.importDiscard': 'test/db/importWindow.test.ts: an upload is discarded only by the person who made it',
  'cases.importRejectedFetch': 'test/db/importWindow.test.ts: rejected rows are handed only to the person who imported them',
  'users.unlock': 'below: the command line on this machine only',
  'cases.register': 'test/db/caseWork.test.ts: the new case must be within the scope besides the role',
  'cases.exportFetch': 'test/db/caseExport.test.ts: a file is handed only to the person who exported it',
  'extensions.request': "test/db/extensionWorkflow.test.ts: only the case's own judge, besides the role",
  'extensions.opinion': "test/db/extensionWorkflow.test.ts: only the head of the case's division, never on his own request",
  'extensions.decide': 'test/db/extensionWorkflow.test.ts: the president or the delegated vice-president, at the decision stage',
  'extensions.forward': 'test/db/extensionWorkflow.test.ts: the president or the delegated vice-president, on a higher-court route',
  'extensions.higherCourt': 'test/db/extensionWorkflow.test.ts: the president or the delegated vice-president, once sent up',
  'extensions.get': 'test/db/extensionWorkflow.test.ts: a request within the scope of its case',
  'extensions.attachment': 'test/db/extensionWorkflow.test.ts: a letter of a request within the scope of its case',
  'extensions.form': 'test/db/extensionForm.test.ts: the printed form of a request within the scope of its case',
  'exchange.keysInit': 'test/db/exchangeKeys.test.ts: once per court, and the level decides what it makes',
  'exchange.keysExportPublic': 'test/db/exchangeKeys.test.ts: needs the key made first',
  'exchange.keysImportIdentity': 'test/db/exchangeKeys.test.ts: an intermediate court only',
  'exchange.register': 'test/db/exchangeKeys.test.ts: an intermediate court only',
  'ledger.progress': "test/db/ledgerAccess.test.ts: the measure's owner or leader, or a keeper of the ledger",
  'ledger.evidence': "test/db/ledgerAccess.test.ts: whoever reads the ledger, or the measure's owner or leader",
  'ledger.trend': 'test/db/ledgerTrend.test.ts: every role against a real weak point',
  'ledger.meeting': 'test/db/ledgerTrend.test.ts: every role against a real meeting',
};

it('covers every call of the contract: guarded here, open to all, or tested elsewhere', () => {
  const listed = new Set([...CALLS.map((c) => c.method), ...UNGUARDED, ...Object.keys(ELSEWHERE)]);
  expect(API_METHODS.filter((m) => !listed.has(m))).toEqual([]);
});

describe('the role matrix, call by call', () => {
  const cases = ROLES.flatMap((role) => CALLS.map((c) => ({ role, ...c, allowed: PERMISSIONS[role].has(c.action) })));

  it.each(cases)('$role → $method: allowed $allowed', async ({ role, method, args, allowed, input, refusal }) => {
    const person = PEOPLE[role].name;
    const session = await signIn(person);
    const realArgs = method === 'users.add' ? { ...(args as object), name: `新${role}` } : method === 'backup.check' ? { file: t.file } : args;
    const before = deniedCount();
    const r = await core.call(method, realArgs, { session });
    if (allowed && input) {
      expect(r).toMatchObject({ ok: false, error: { code: refusal ?? 'BAD_ARGS', message: expect.stringMatching(input) } });
      expect(deniedCount()).toBe(before);
    } else if (allowed) {
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(deniedCount()).toBe(before);
    } else {
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((r as { error: { message: string } }).error.message).toMatch(/无权/);
      expect(deniedCount()).toBe(before + 1);
      const last = core.db.prepare("SELECT actor, entity_key FROM audit_log WHERE action = 'denied' ORDER BY id DESC LIMIT 1").get();
      expect(last).toEqual({ actor: person, entity_key: method });
    }
    // 助理乙's password was reset by an administrator: put it back for the next rows.
    if (method === 'users.resetPassword' && r.ok) {
      const { db } = openDatabase(t.file);
      try {
        db.prepare("UPDATE accounts SET password_hash = (SELECT password_hash FROM accounts a JOIN staff s ON s.id = a.staff_id WHERE s.name = '院长戊'), must_change_password = 0 WHERE staff_id = (SELECT id FROM staff WHERE name = '助理乙')").run();
      } finally {
        closeDatabase(db);
      }
    }
  });

  it('answers every signed-in role for app.info and the catalogues', async () => {
    for (const role of ROLES) {
      const session = await signIn(PEOPLE[role].name);
      for (const method of ['app.info', 'catalog.divisions', 'catalog.judges']) {
        expect((await core.call(method, {}, { session })).ok).toBe(true);
      }
    }
  });
});

describe('which cases each role sees', () => {
  const numbers = async (name: string) => {
    const session = await signIn(name);
    const r = await core.call('cases.list', { sort: 'caseNumber_asc' }, { session });
    return (r as { value: { rows: Array<{ caseNumber: string }> } }).value.rows.map((x) => x.caseNumber);
  };

  it.each<[Role, string[]]>([
    ['judge', ['（2024）辽0421民初1号']],
    ['division_head', ['（2024）辽0421民初1号', '（2024）辽0421民初2号']],
    ['clerk', ['（2024）辽0421民初1号', '（2024）辽0421民初2号']],
    ['president', ['（2024）辽0421刑初1号', '（2024）辽0421民初1号', '（2024）辽0421民初2号', '（2024）辽0421民初3号']],
    ['statistician', ['（2024）辽0421刑初1号', '（2024）辽0421民初1号', '（2024）辽0421民初2号', '（2024）辽0421民初3号']],
  ])('%s', async (role, expected) => {
    expect(await numbers(PEOPLE[role].name)).toEqual(expected);
  });

  it('offers in the filters only the divisions and judges the person can see', async () => {
    const catalogs = async (name: string) => {
      const session = await signIn(name);
      const d = (await core.call('catalog.divisions', {}, { session })) as { value: Array<{ name: string }> };
      const j = (await core.call('catalog.judges', {}, { session })) as { value: Array<{ name: string }> };
      return { divisions: d.value.map((x) => x.name), judges: j.value.map((x) => x.name) };
    };
    expect(await catalogs('王法官')).toEqual({ divisions: ['民一庭'], judges: ['王法官'] });
    expect(await catalogs('庭长丙')).toEqual({ divisions: ['民一庭'], judges: ['李法官', '王法官'] });
    const all = await catalogs('院长戊');
    expect(all.divisions).toEqual(expect.arrayContaining(['民一庭', '城关人民法庭', '刑事审判庭']));
    expect(all.judges).toEqual(expect.arrayContaining(['王法官', '李法官', '赵法官', '陈法官']));
    // The administrator sees no cases, and picks divisions only to place accounts.
    const admin = await catalogs('管理庚');
    expect(admin.judges).toEqual([]);
    expect(admin.divisions).toEqual(all.divisions);
  });

  it("refuses a judge another judge's case as if it did not exist, and audits it", async () => {
    const session = await signIn('王法官');
    const before = deniedCount();
    const r = await core.call('cases.get', { caseNumber: '（2024）辽0421民初2号' }, { session });
    // NOT_FOUND, not FORBIDDEN: the same answer as for a number that does not exist (test/db/caseSecrecy.test.ts).
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到案件 （2024）辽0421民初2号，或不在您可查看的范围（本人承办的案件）内' } });
    expect(deniedCount()).toBe(before + 1);
    const summary = await core.call('deadlines.summary', {}, { session });
    expect((summary as { value: { open: number } }).value.open).toBe(1);
  });
});

describe('import', () => {
  it('needs the role and a court-wide scope: a division clerk is refused and audited, a court-wide one is not', async () => {
    const file = path.join(path.dirname(t.file), 'missing.csv');
    for (const role of ROLES) {
      const session = await signIn(PEOPLE[role].name);
      const before = deniedCount();
      const r = await core.call('cases.import', { file }, { session });
      // Every test person with cases.register works in a division: the scope refuses them as the role would not.
      expect(r, role).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(deniedCount()).toBe(before + 1);
    }
    const admin = await signIn('管理庚');
    expect((await core.call('users.add', { name: '立案书记员', roles: ['clerk'], password: 'filing-pass-1' }, { session: admin })).ok).toBe(true);
    const filing = await signIn('立案书记员', 'filing-pass-1');
    // A new account's password was set by the administrator: nothing but changing it until then.
    expect(await core.call('cases.import', { file }, { session: filing })).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect((await core.call('auth.changePassword', { oldPassword: 'filing-pass-1', newPassword: 'filing-pass-2' }, { session: filing })).ok).toBe(true);
    expect(await core.call('cases.import', { file }, { session: filing })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS', message: expect.stringContaining('找不到') } });
    expect(await core.call('cases.import', { file: 'relative.csv' }, { session: filing })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS', message: expect.stringContaining('完整路径') } });
  });
});

describe('sessions', () => {
  afterEach(() => vi.useRealTimers());

  it('answers SIGNED_OUT without a session and after signing out', async () => {
    expect(await core.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    const session = await signIn('院长戊');
    const out = await core.call('auth.signOut', {}, { session });
    expect(out.session).toEqual({ clear: true });
    expect(await core.call('cases.list', {}, { session })).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
  });

  it('locks an idle session; only the password unlocks it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T08:00:00Z'));
    const session = await signIn('院长戊');
    vi.setSystemTime(new Date('2030-01-01T08:16:00Z'));
    expect(await core.call('cases.list', {}, { session })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await core.call('auth.status', {}, { session })).toMatchObject({ ok: true, value: { locked: true, user: { name: '院长戊' } } });
    expect(await core.call('auth.unlock', { password: 'wrong-pass-1' }, { session })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.call('auth.unlock', { password: PASSWORD }, { session })).toMatchObject({ ok: true });
    expect((await core.call('cases.list', {}, { session })).ok).toBe(true);
  });

  it('locks an account for 15 minutes after five wrong passwords, and audits it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-02-01T08:00:00Z'));
    for (let i = 0; i < 4; i++) {
      expect(await core.call('auth.signIn', { name: '统计己', password: 'wrong-pass-1' })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '姓名或口令不正确' } });
    }
    // The fifth wrong password locks, but says no more than any wrong password: only the right one learns of the lock.
    expect(await core.call('auth.signIn', { name: '统计己', password: 'wrong-pass-1' })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '姓名或口令不正确' } });
    expect(await core.call('auth.signIn', { name: '统计己', password: 'wrong-pass-1' })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '姓名或口令不正确' } });
    expect(await core.call('auth.signIn', { name: '统计己', password: PASSWORD })).toMatchObject({ ok: false, error: { message: expect.stringContaining('锁定至') } });
    expect(await core.call('auth.signIn', { name: '统计己', password: PASSWORD })).toMatchObject({ ok: false, error: { message: expect.stringContaining('courtdesk unlock 统计己') } });
    expect(core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'account.locked' AND actor = '统计己'").pluck().get()).toBe(1);
    vi.setSystemTime(new Date('2030-02-01T08:16:00Z'));
    expect((await core.call('auth.signIn', { name: '统计己', password: PASSWORD })).ok).toBe(true);
  });

  it('refuses a disabled account and ends its sessions; nobody is deleted', async () => {
    const admin = await signIn('管理庚');
    const victim = await signIn('副院长丁');
    expect((await core.call('users.setActive', { name: '副院长丁', active: false }, { session: admin })).ok).toBe(true);
    expect(await core.call('cases.list', {}, { session: victim })).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    expect(await core.call('auth.signIn', { name: '副院长丁', password: PASSWORD })).toMatchObject({ ok: false, error: { message: expect.stringContaining('停用') } });
    const list = await core.call('users.list', {}, { session: admin });
    expect((list as { value: Array<{ name: string; active: boolean }> }).value).toContainEqual(expect.objectContaining({ name: '副院长丁', active: false }));
    expect((await core.call('users.setActive', { name: '副院长丁', active: true }, { session: admin })).ok).toBe(true);
  });

  it('refuses short passwords and keeps the audit chain intact through all of it', async () => {
    const admin = await signIn('管理庚');
    expect(await core.call('users.add', { name: '短口令', roles: ['clerk'], password: 'short' }, { session: admin })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS', message: expect.stringContaining('至少需要 8 个字符') } });
    expect(await core.call('audit.verify', {}, { session: admin })).toMatchObject({ ok: true, value: { ok: true } });
  });
});
