// Hardening of the sign-in, through the core as every host uses it: temporary passwords that must be replaced
// before anything else, answers and work that do not tell which names exist, and a lockout the machine can lift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { scryptCostLog2 } from '../../electron/core/accounts/passwords';
import { useProductionScryptCost } from '../helpers/scryptCost';

let t: ReturnType<typeof freshCourtDb>;
let core: Core;
// Timed below: the hashing must cost what it costs in production, not the test run's lower cost.
useProductionScryptCost();

beforeAll(() => {
  t = freshCourtDb();
  t.put([record({ caseNumber: '（2024）辽0421民初1号' })]);
  const accounts = new AccountStore(t.db);
  accounts.create({ name: '管理员', roles: ['admin'], password: 'admin-pass-1', actor: 'tester' });
  accounts.create({ name: '院长', roles: ['president'], password: 'president-1', actor: 'tester' });
  accounts.create({ name: '新书记员', roles: ['clerk'], password: 'temporary-1', actor: '管理员', mustChange: true });
  accounts.create({ name: '受害人', roles: ['clerk'], password: 'victim-pass-1', actor: 'tester' });
  accounts.create({ name: '离职者', roles: ['clerk'], password: 'gone-pass-1', actor: 'tester' });
  accounts.create({ name: '计时员', roles: ['clerk'], password: 'timer-pass-1', actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: '2024-12-31', jobWorker: null });
});
afterAll(() => {
  core.close();
  t.cleanup();
});

async function session(name: string, password: string): Promise<string> {
  const r = await core.call('auth.signIn', { name, password });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return (r.session as { set: string }).set;
}
const audit = (action: string) => core.db.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(action) as number;

describe('a temporary password', () => {
  it('allows nothing but replacing it, until it is replaced', async () => {
    const s = await session('新书记员', 'temporary-1');
    expect(await core.call('auth.status', {}, { session: s })).toMatchObject({ ok: true, value: { user: { name: '新书记员', mustChangePassword: true } } });
    for (const [method, args] of [['cases.list', {}], ['app.info', {}], ['catalog.divisions', {}], ['jobs.list', {}], ['cases.get', { caseNumber: '（2024）辽0421民初1号' }]] as const) {
      expect(await core.call(method, args, { session: s }), method).toEqual({
        ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '您的口令是管理员设置的临时口令，须先修改后才能继续（在程序窗口中修改，或运行 courtdesk password）' },
      });
    }
    expect(await core.call('auth.changePassword', { oldPassword: 'temporary-1', newPassword: 'my-own-pass-1' }, { session: s })).toEqual({ ok: true, value: { changed: true } });
    expect(await core.call('cases.count', {}, { session: s })).toEqual({ ok: true, value: { count: 1 } });
  });
});

describe('signing in', () => {
  it('answers a wrong name and a wrong password alike, and records both', async () => {
    const failedBefore = audit('signin.failed');
    const unknown = await core.call('auth.signIn', { name: '不存在的人', password: 'whatever-1' });
    const wrong = await core.call('auth.signIn', { name: '院长', password: 'whatever-1' });
    expect(unknown).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '姓名或口令不正确' } });
    expect(wrong).toEqual(unknown);
    expect(audit('signin.failed')).toBe(failedBefore + 2);
    const last = core.db.prepare("SELECT actor, entity_key, after_json FROM audit_log WHERE action = 'signin.failed' ORDER BY id DESC LIMIT 2").all();
    expect(last).toEqual([
      { actor: '院长', entity_key: '院长', after_json: '{"failures":1}' },
      { actor: '（未登录）', entity_key: null, after_json: '{"name":"不存在的人"}' },
    ]);
    // Put the president's count back for the other tests.
    expect((await core.call('auth.signIn', { name: '院长', password: 'president-1' })).ok).toBe(true);
  });

  it('takes as long for a name that does not exist as for a wrong password (one scrypt hash each)', async () => {
    const time = async (name: string) => {
      const start = performance.now();
      await core.call('auth.signIn', { name, password: 'not-the-pass-1' });
      return performance.now() - start;
    };
    const unknown: number[] = [];
    const known: number[] = [];
    for (let i = 0; i < 5; i++) {
      unknown.push(await time(`无此人${i}`));
      known.push(await time('计时员'));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2];
    // Before, an unknown name answered in 4 ms and a real one in 200 ms: a ratio of 50. Alike now, within noise.
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    expect((await core.call('users.unlock', { name: '计时员' }, { commandLine: true })).ok).toBe(true);
  });

  it('tells a disabled account only to the one who knows its password', async () => {
    const admin = await session('管理员', 'admin-pass-1');
    expect((await core.call('users.setActive', { name: '离职者', active: false }, { session: admin })).ok).toBe(true);
    expect(await core.call('auth.signIn', { name: '离职者', password: 'wrong-pass-9' })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '姓名或口令不正确' } });
    expect(await core.call('auth.signIn', { name: '离职者', password: 'gone-pass-1' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('已停用') } });
  });
});

describe('a lockout', () => {
  it('is lifted by the command line on this machine, audited, and by nobody through a window', async () => {
    for (let i = 0; i < 5; i++) await core.call('auth.signIn', { name: '受害人', password: 'guess-guess-1' });
    expect(await core.call('auth.signIn', { name: '受害人', password: 'victim-pass-1' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('锁定至') } });

    const admin = await session('管理员', 'admin-pass-1');
    const denied = audit('denied');
    expect(await core.call('users.unlock', { name: '受害人' }, { session: admin })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '该操作只能在本机的命令行中进行' } });
    expect(await core.call('users.unlock', { name: '受害人' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(audit('denied')).toBe(denied + 2);

    const r = await core.call('users.unlock', { name: '受害人' }, { commandLine: true, osUser: 'itstaff' });
    expect(r).toMatchObject({ ok: true, value: { name: '受害人', lockedUntil: null } });
    const entry = core.db.prepare("SELECT actor, entity_key FROM audit_log WHERE action = 'account.unlock' ORDER BY id DESC LIMIT 1").get();
    expect(entry).toEqual({ actor: '（本机命令行：itstaff）', entity_key: '受害人' });
    expect((await core.call('auth.signIn', { name: '受害人', password: 'victim-pass-1' })).ok).toBe(true);
  });
});

describe('look-alike names', () => {
  it('refuses invisible and control characters in account names, and finds a name in any Unicode form', async () => {
    const admin = await session('管理员', 'admin-pass-1');
    for (const [name, code] of [['院长\u202e', 'U+202E'], ['院\u200b长', 'U+200B'], ['院长\u0000', 'U+0000']]) {
      expect(await core.call('users.add', { name, roles: ['clerk'] }, { session: admin })).toEqual({
        ok: false, error: { code: 'BAD_ARGS', message: `参数“name”：姓名含有不可见字符或控制字符（${code}），请删除后重新输入`, field: 'name' },
      });
    }
    expect(await core.call('users.add', { name: 'Jose\u0301', roles: ['clerk'], password: 'jose-pass-1' }, { session: admin })).toMatchObject({ ok: true, value: { name: 'José' } });
    expect(await core.call('users.add', { name: 'José', roles: ['clerk'] }, { session: admin })).toMatchObject({ ok: false, error: { message: '账号“José”已存在' } });
    expect((await core.call('auth.signIn', { name: 'Jose\u0301', password: 'jose-pass-1' })).ok).toBe(true);
  });
});

describe('the scrypt cost', () => {
  it('is 2^15 outside a test run whatever the environment asks; a test run may ask for no less than 2^10', () => {
    expect(scryptCostLog2({})).toBe(15);
    expect(scryptCostLog2({ COURTDESK_TEST_SCRYPT_LOG2: '10' })).toBe(15);
    expect(scryptCostLog2({ VITEST: 'false', COURTDESK_TEST_SCRYPT_LOG2: '10' })).toBe(15);
    expect(scryptCostLog2({ VITEST: 'true' })).toBe(15);
    expect(scryptCostLog2({ VITEST: 'true', COURTDESK_TEST_SCRYPT_LOG2: '' })).toBe(15);
    expect(scryptCostLog2({ VITEST: 'true', COURTDESK_TEST_SCRYPT_LOG2: 'x' })).toBe(15);
    expect(scryptCostLog2({ VITEST: 'true', COURTDESK_TEST_SCRYPT_LOG2: '10' })).toBe(10);
    expect(scryptCostLog2({ VITEST: 'true', COURTDESK_TEST_SCRYPT_LOG2: '4' })).toBe(10);
    expect(scryptCostLog2({ VITEST: 'true', COURTDESK_TEST_SCRYPT_LOG2: '20' })).toBe(15);
  });

  it('of the hashes this file made is the production one, which its timing test needs', () => {
    const costs = core.db.prepare('SELECT DISTINCT substr(password_hash, 1, 10) FROM accounts').pluck().all();
    expect(costs).toEqual(['scrypt$15$']);
  });
});
