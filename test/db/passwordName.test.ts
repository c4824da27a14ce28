// A password that contains its holder's name is refused wherever a password is set: creating an account, the first
// administrator, a reset, a change, and the command line's own check, with a Chinese reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { freshCourtDb, record, tempDir } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore, passwordProblem } from '../../electron/core/accounts/accountStore';
import { cli, ensureBuilt } from '../helpers/cli';
import { temporaryPassword } from '../../electron/core/accounts/handlers';

let t: ReturnType<typeof freshCourtDb>;
let core: Core;
let admin = '';

beforeAll(async () => {
  t = freshCourtDb();
  t.put([record({ caseNumber: '（2024）辽0421民初1号' })]);
  const accounts = new AccountStore(t.db);
  accounts.create({ name: '管理员', roles: ['admin'], password: 'admin-pass-1', actor: 'tester' });
  accounts.create({ name: '姜晶云', roles: ['judge'], division: '民一庭', password: 'judge-pass-1', actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: '2024-12-31', jobWorker: null });
  admin = ((await core.call('auth.signIn', { name: '管理员', password: 'admin-pass-1' })).session as { set: string }).set;
});
afterAll(() => {
  core.close();
  t.cleanup();
});

const NAMED = { ok: false, error: { code: 'BAD_ARGS', message: '口令不能包含本人姓名“姜晶云”' } };

describe('the core refuses a password containing the name', () => {
  it('in the rule itself: repeated, embedded, in another Unicode form, Latin names in any case and spacing', () => {
    expect(passwordProblem('姜晶云姜晶云姜晶云', '姜晶云')).toBe('口令不能包含本人姓名“姜晶云”');
    expect(passwordProblem('abc姜晶云2024', '姜晶云')).toBe('口令不能包含本人姓名“姜晶云”');
    expect(passwordProblem('mylilei-2024', 'Li Lei')).toBe('口令不能包含本人姓名“Li Lei”');
    expect(passwordProblem('LI LEI 2024!', 'Li Lei')).toBe('口令不能包含本人姓名“Li Lei”');
    expect(passwordProblem('e\u0301tienne-2024', 'Étienne')).toBe('口令不能包含本人姓名“Étienne”');
    // Part of a name, or a one-character name, is not the name.
    expect(passwordProblem('晶云晶云晶云晶云', '姜晶云')).toBeNull();
    expect(passwordProblem('王王王王王王王王', '王')).toBeNull();
    // The length rule comes first and is unchanged.
    expect(passwordProblem('姜晶云', '姜晶云')).toBe('口令至少需要 8 个字符');
  });

  it('never makes a temporary password that the rule would then refuse (a Latin name of two letters)', async () => {
    const drawn = Array.from({ length: 3000 }, () => temporaryPassword('Mn'));
    expect(drawn.filter((p) => p.includes('mn'))).toEqual([]);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(await core.call('users.add', { name: 'Mn', roles: ['clerk'] }, { session: admin })).toMatchObject({ ok: true, value: { temporaryPassword: expect.any(String) } });
    for (let i = 0; i < 30; i++) {
      expect(await core.call('users.resetPassword', { name: 'Mn' }, { session: admin })).toMatchObject({ ok: true, value: { temporaryPassword: expect.any(String) } });
    }
  });

  it('when an administrator creates an account or resets its password', async () => {
    expect(await core.call('users.add', { name: '姜晶云二', roles: ['clerk'], password: 'x姜晶云二姜晶云二' }, { session: admin })).toMatchObject({
      ok: false, error: { code: 'BAD_ARGS', message: '口令不能包含本人姓名“姜晶云二”' },
    });
    expect(await core.call('users.resetPassword', { name: '姜晶云', password: '姜晶云姜晶云姜晶云' }, { session: admin })).toEqual(NAMED);
    // The administrator's own password is checked against the account's name, not his.
    expect(await core.call('users.resetPassword', { name: '姜晶云', password: '管理员管理员管理员' }, { session: admin })).toMatchObject({ ok: true });
  });

  it('when the person changes his own password', async () => {
    await core.call('users.resetPassword', { name: '姜晶云', password: 'judge-pass-2' }, { session: admin });
    const s = ((await core.call('auth.signIn', { name: '姜晶云', password: 'judge-pass-2' })).session as { set: string }).set;
    expect(await core.call('auth.changePassword', { oldPassword: 'judge-pass-2', newPassword: '姜晶云姜晶云姜晶云' }, { session: s })).toEqual(NAMED);
    expect(await core.call('auth.changePassword', { oldPassword: 'judge-pass-2', newPassword: 'judge-pass-3' }, { session: s })).toEqual({ ok: true, value: { changed: true } });
  });

  it('for the first administrator, in the window and on the command line', async () => {
    const w = tempDir();
    try {
      const fresh = openCore({ dbPath: path.join(w.dir, 'new.sqlite'), host: 'loopback', allowSetup: true, jobWorker: null });
      try {
        expect(await fresh.call('auth.setup', { courtCode: '辽0422', courtName: '另一县人民法院', adminName: '韩信', password: '韩信韩信韩信韩信' })).toMatchObject({
          ok: false, error: { message: '口令不能包含本人姓名“韩信”' },
        });
      } finally {
        fresh.close();
      }
      ensureBuilt();
      const r = cli(['init', '--court-code', '辽0423', '--court-name', '又一县人民法院', '--admin', '韩信', '--db', path.join(w.dir, 'cli.sqlite')], { COURTDESK_PASSWORD: 'hanxin韩信2024' });
      expect(r.code).toBe(2);
      expect(r.err).toContain('口令不能包含本人姓名“韩信”');
    } finally {
      w.cleanup();
    }
  });
});
