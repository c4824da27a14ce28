// Accounts on the command line: every command acts as a signed-in user under the same role checks as the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ADMIN, cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';

const TODAY = '2024-12-31';
let work: ReturnType<typeof tempDir>;
let db: string;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const as = (name: string, password: string) => ({ COURTDESK_USER: name, COURTDESK_PASSWORD: password });
const asAdmin = as(ADMIN.name, ADMIN.password);
const passwords: Record<string, string> = {};

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  const csv = path.join(work.dir, 'c.csv');
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,原告,被告',
    '（2024）辽0421民初1号,民间借贷纠纷,普通程序,2024-03-01,民一庭,王法官,张三,李四',
    '（2024）辽0421民初2号,民间借贷纠纷,普通程序,2024-03-02,民一庭,李法官,王五,赵六',
    '（2024）辽0421民初3号,民间借贷纠纷,普通程序,2024-03-03,城关人民法庭,赵法官,孙七,周八',
  ].join('\n'));
  expect(cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv]).code).toBe(0);
  for (const [name, roles, division] of [['王法官', 'judge', '民一庭'], ['庭长甲', '庭长', '民一庭'], ['书记员乙', 'clerk', '民一庭'], ['助理丙', 'assistant', '民一庭']] as const) {
    const r = cli(['--db', db, '--json', 'user', 'add', name, '--role', roles, '--division', division], asAdmin);
    expect(r.code, r.err).toBe(0);
    const v = r.json() as { temporaryPassword: string; roles: string[]; mustChangePassword: boolean };
    expect(v.mustChangePassword).toBe(true);
    passwords[name] = ownPassword(name, v.temporaryPassword);
  }
}, 180_000);
afterAll(() => work?.cleanup());

/** The person replaces the temporary password the administrator gave him, as he must before anything else. */
function ownPassword(name: string, temporary: string): string {
  const mine = `${temporary}-mine`;
  const r = cli(['--db', db, 'password'], { COURTDESK_USER: name, COURTDESK_PASSWORD: temporary, COURTDESK_NEW_PASSWORD: mine });
  expect(r.code, r.err).toBe(0);
  expect(r.out).toContain(`已修改 ${name} 的口令`);
  return mine;
}

const list = (env: Record<string, string>) => {
  const r = cli(['--db', db, '--json', '--today', TODAY, 'cases'], env);
  expect(r.code, r.err).toBe(0);
  return (r.json() as Array<{ caseNumber: string }>).map((c) => c.caseNumber).sort();
};

describe('users', () => {

  it('lists accounts with their roles; a role may be given in Chinese', () => {
    const r = cli(['--db', db, '--json', 'user', 'list'], asAdmin);
    const users = r.json() as Array<{ name: string; roles: string[]; division: string | null }>;
    expect(users).toContainEqual(expect.objectContaining({ name: '庭长甲', roles: ['division_head'], division: '民一庭' }));
    expect(users).toContainEqual(expect.objectContaining({ name: '王法官', roles: ['judge'] }));
  });

  it('refuses an unknown role, a duplicate name and a non-administrator, changing nothing', () => {
    const before = sha(db);
    expect(cli(['--db', db, 'user', 'add', '某人', '--role', 'janitor'], asAdmin)).toMatchObject({ code: 2, err: expect.stringContaining('角色“janitor”不正确') });
    expect(cli(['--db', db, 'user', 'add', '王法官', '--role', 'judge'], asAdmin)).toMatchObject({ code: 1, err: expect.stringContaining('已存在') });
    expect(sha(db)).toBe(before);
    const denied = cli(['--db', db, 'user', 'add', '某人', '--role', 'clerk'], as('王法官', passwords['王法官']));
    expect(denied.code).toBe(1);
    expect(denied.err).toContain('无权管理账号');
  });

  it('disables and re-enables an account; resetting gives a new password', () => {
    expect(cli(['--db', db, 'user', 'disable', '书记员乙'], asAdmin).code).toBe(0);
    expect(cli(['--db', db, 'cases'], as('书记员乙', passwords['书记员乙']))).toMatchObject({ code: 1, err: expect.stringContaining('已停用') });
    expect(cli(['--db', db, 'user', 'enable', '书记员乙'], asAdmin).code).toBe(0);
    const reset = cli(['--db', db, '--json', 'user', 'reset', '书记员乙'], asAdmin).json() as { temporaryPassword: string };
    expect(cli(['--db', db, 'cases'], as('书记员乙', passwords['书记员乙'])).code).toBe(1);
    // The reset password is temporary: the command line refuses everything but replacing it.
    expect(cli(['--db', db, 'cases'], as('书记员乙', reset.temporaryPassword))).toMatchObject({ code: 1, err: expect.stringContaining('courtdesk password') });
    passwords['书记员乙'] = ownPassword('书记员乙', reset.temporaryPassword);
    expect(cli(['--db', db, 'cases'], as('书记员乙', passwords['书记员乙'])).code).toBe(0);
  });

  it('asks who acts, and reads the password from stdin when it is not in the environment', () => {
    expect(cli(['--db', db, 'cases'], { COURTDESK_USER: '' })).toMatchObject({ code: 2, err: expect.stringContaining('COURTDESK_USER') });
    const env = { COURTDESK_USER: '王法官' } as Record<string, string>;
    const r = cli(['--db', db, '--json', '--today', TODAY, 'cases'], { ...env, COURTDESK_PASSWORD: undefined as unknown as string }, `${passwords['王法官']}\n`);
    expect(r.code, r.err).toBe(0);
    expect(cli(['--db', db, 'cases', '--user', '王法官'], { COURTDESK_USER: '', COURTDESK_PASSWORD: 'wrong-pass' })).toMatchObject({ code: 1, err: expect.stringContaining('姓名或口令不正确') });
  });
});

describe('roles on the command line', () => {
  it('shows a judge his own cases, a division head his division\'s, the test account all', () => {
    expect(list(as('王法官', passwords['王法官']))).toEqual(['（2024）辽0421民初1号']);
    expect(list(as('庭长甲', passwords['庭长甲']))).toEqual(['（2024）辽0421民初1号', '（2024）辽0421民初2号']);
    expect(list({})).toHaveLength(3);
  });

  it('refuses an administrator case data and a judge another judge\'s case, and audits both', () => {
    const count = () => {
      const d = new BetterSqlite3(db, { readonly: true });
      try {
        return d.prepare("SELECT count(*) FROM audit_log WHERE action = 'denied'").pluck().get() as number;
      } finally {
        d.close();
      }
    };
    const before = count();
    expect(cli(['--db', db, 'cases'], asAdmin)).toMatchObject({ code: 1, err: expect.stringContaining('无权查看案件') });
    expect(cli(['--db', db, '--today', TODAY, 'deadline', '（2024）辽0421民初2号'], as('王法官', passwords['王法官']))).toMatchObject({ code: 1, err: expect.stringContaining('找不到案件 （2024）辽0421民初2号，或不在您可查看的范围') });
    expect(cli(['--db', db, '--today', TODAY, 'event', '（2024）辽0421民初2号', '--kind', '公告', '--from', '2024-04-01', '--to', '2024-05-01'], as('王法官', passwords['王法官'])).code).toBe(1);
    expect(cli(['--db', db, '--today', TODAY, 'event', '（2024）辽0421民初1号', '--kind', '公告', '--from', '2024-04-01', '--to', '2024-05-01'], as('王法官', passwords['王法官'])).code).toBe(0);
    expect(count()).toBe(before + 3);
  });
});

describe('audit', () => {
  it('lists entries by person and case', () => {
    const r = cli(['--db', db, '--json', 'audit', 'list', '--case', '（2024）辽0421民初1号'], asAdmin);
    const rows = r.json() as Array<{ action: string; actor: string }>;
    expect(rows.map((x) => x.action)).toEqual(['event.add', 'case.create']);
    expect(rows[0].actor).toBe('王法官');
  });

  it('verifies the chain, and names the first entry edited directly in SQLite', () => {
    expect(cli(['--db', db, 'audit', 'verify'], asAdmin)).toMatchObject({ code: 0, out: expect.stringContaining('审计链完整') });
    const d = new BetterSqlite3(db);
    const id = d.prepare("SELECT id FROM audit_log WHERE action = 'case.create' ORDER BY id LIMIT 1 OFFSET 1").pluck().get() as number;
    d.exec('DROP TRIGGER audit_log_no_update');
    d.prepare("UPDATE audit_log SET actor = '某人' WHERE id = ?").run(id);
    d.close();
    const r = cli(['--db', db, 'audit', 'verify'], asAdmin);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`第 ${id} 号记录`);
  });
});

describe('temporary passwords, lockouts and demo data on the command line', () => {
  it('refuses a new account everything until `courtdesk password` replaces its temporary password', () => {
    const r = cli(['--db', db, '--json', 'user', 'add', '新人', '--role', 'clerk'], asAdmin);
    const temporary = (r.json() as { temporaryPassword: string }).temporaryPassword;
    const before = sha(db);
    const refused = cli(['--db', db, 'cases'], as('新人', temporary));
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('临时口令') });
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(sha(db)).toBe(before);
    expect(cli(['--db', db, 'password'], as('新人', temporary))).toMatchObject({ code: 2, err: expect.stringContaining('COURTDESK_NEW_PASSWORD') });
    expect(cli(['--db', db, 'password'], { ...as('新人', temporary), COURTDESK_NEW_PASSWORD: 'short' })).toMatchObject({ code: 2, err: expect.stringContaining('8 个字符') });
    expect(cli(['--db', db, 'password'], { ...as('新人', temporary), COURTDESK_NEW_PASSWORD: 'new-person-1' }).code).toBe(0);
    expect(cli(['--db', db, 'cases'], as('新人', 'new-person-1')).code).toBe(0);
    expect(cli(['--db', db, 'cases'], as('新人', temporary))).toMatchObject({ code: 1, err: expect.stringContaining('姓名或口令不正确') });
  });

  it('lifts a lockout without signing in, from this machine only, and audits it', () => {
    for (let i = 0; i < 5; i++) expect(cli(['--db', db, 'cases'], as('庭长甲', 'guessing-1')).code).toBe(1);
    expect(cli(['--db', db, 'cases'], as('庭长甲', passwords['庭长甲']))).toMatchObject({ code: 1, err: expect.stringContaining('courtdesk unlock 庭长甲') });
    const r = cli(['--db', db, 'unlock', '庭长甲'], { COURTDESK_USER: '', COURTDESK_PASSWORD: '' });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已解除 庭长甲 的账号锁定');
    expect(cli(['--db', db, 'cases'], as('庭长甲', passwords['庭长甲'])).code).toBe(0);
    const d = new BetterSqlite3(db, { readonly: true });
    const entry = d.prepare("SELECT actor, entity_key FROM audit_log WHERE action = 'account.unlock' ORDER BY id DESC LIMIT 1").get() as { actor: string; entity_key: string };
    d.close();
    expect(entry.entity_key).toBe('庭长甲');
    expect(entry.actor).toMatch(/^（本机命令行：.+）$/);
    expect(cli(['--db', db, 'unlock', '无此人'])).toMatchObject({ code: 1, err: expect.stringContaining('找不到账号') });
  });

  it('never seeds a real court\'s database; init --demo makes one that says so from the start', () => {
    const before = sha(db);
    expect(cli(['--db', db, 'seed', '--cases', '10'], asAdmin)).toMatchObject({ code: 1, err: expect.stringContaining('courtdesk init --demo') });
    expect(sha(db)).toBe(before);
    const demo = path.join(work.dir, 'demo.sqlite');
    const made = cli(['init', '--court-code', '辽0421', '--court-name', '演示县人民法院', '--admin', '演示管理员', '--demo', '--db', demo, '--json'], { COURTDESK_PASSWORD: 'demo-admin-1' });
    expect(made.code, made.err).toBe(0);
    expect(made.json()).toMatchObject({ demo: true });
    const seeded = cli(['--db', demo, '--json', 'seed', '--cases', '50'], as('演示管理员', 'demo-admin-1'));
    expect(seeded.code, seeded.err).toBe(0);
    expect(seeded.json()).toMatchObject({ cases: 50 });
  });
});

// Last: the request it makes would show in the audit listings above.
describe('assistants', () => {
  it('links an assistant to the judges he serves; he then asks for an extension for one of them', () => {
    const set = cli(['--db', db, '--json', 'user', 'judges', '助理丙', '--judges', '王法官'], asAdmin);
    expect(set.code, set.err).toBe(0);
    expect(set.json()).toMatchObject({ name: '助理丙', judges: ['王法官'] });
    const wrong = cli(['--db', db, 'user', 'judges', '助理丙', '--judges', '书记员乙'], asAdmin);
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toContain('不是本院的员额法官');
    expect(cli(['--db', db, 'user', 'add', '某人', '--role', 'clerk', '--judges', '王法官'], asAdmin).err).toContain('--judges 只用于 user judges');
    const asked = cli(['--db', db, '--json', '--today', TODAY, 'extension', 'request', '（2024）辽0421民初1号', '--months', '1', '--reason', '公告送达', '--text', '被告下落不明需公告送达'], as('助理丙', passwords['助理丙']));
    expect(asked.code, asked.err).toBe(0);
    expect(asked.json()).toMatchObject({ requestedBy: '王法官', enteredBy: '助理丙' });
    // 李法官's case: 助理丙 does not serve him.
    const refused = cli(['--db', db, '--today', TODAY, 'extension', 'request', '（2024）辽0421民初2号', '--months', '1', '--reason', '公告送达', '--text', '被告下落不明需公告送达'], as('助理丙', passwords['助理丙']));
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('不是其法官助理');
  });
});
