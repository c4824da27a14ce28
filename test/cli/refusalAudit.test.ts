// One dispatcher for every host: a command refused on the command line leaves the very audit entry that the same
// call refused in the window leaves (same actor, call, record and reason), for a role refusal and a scope refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ADMIN, cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { openCore } from '../../electron/core/app/openCore';

const TODAY = '2024-12-31';
let work: ReturnType<typeof tempDir>;
let db: string;
let judgePassword = '';

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
  ].join('\n'));
  expect(cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv]).code).toBe(0);
  const r = cli(['--db', db, '--json', 'user', 'add', '王法官', '--role', 'judge', '--division', '民一庭'], { COURTDESK_USER: ADMIN.name, COURTDESK_PASSWORD: ADMIN.password });
  expect(r.code, r.err).toBe(0);
  const temporary = (r.json() as { temporaryPassword: string }).temporaryPassword;
  judgePassword = `${temporary}-mine`;
  const own = cli(['--db', db, 'password'], { COURTDESK_USER: '王法官', COURTDESK_PASSWORD: temporary, COURTDESK_NEW_PASSWORD: judgePassword });
  expect(own.code, own.err).toBe(0);
}, 180_000);
afterAll(() => work?.cleanup());

type Denied = { actor: string; action: string; entity: string; entity_key: string; after_json: string };
function lastDenied(): Denied {
  const d = new BetterSqlite3(db, { readonly: true });
  try {
    return d.prepare("SELECT actor, action, entity, entity_key, after_json FROM audit_log WHERE action = 'denied' ORDER BY id DESC LIMIT 1").get() as Denied;
  } finally {
    d.close();
  }
}

async function inWindow(method: string, args: unknown): Promise<{ code: string; message: string }> {
  const core = openCore({ dbPath: db, host: 'loopback', today: TODAY, jobWorker: null });
  try {
    const signIn = await core.call('auth.signIn', { name: '王法官', password: judgePassword });
    const session = (signIn.session as { set: string }).set;
    const r = await core.call(method, args, { session });
    expect(r.ok).toBe(false);
    return (r as { error: { code: string; message: string } }).error;
  } finally {
    core.close();
  }
}

describe('a refusal on the command line and in the window', () => {
  it.each([
    ['the role (user list → users.list)', ['user', 'list'], 'users.list', {}, 'FORBIDDEN'],
    // A case out of scope answers as a missing one would (NOT_FOUND), so that no answer tells which numbers exist.
    ['the case scope (deadline → cases.get)', ['--today', TODAY, 'deadline', '（2024）辽0421民初2号'], 'cases.get', { caseNumber: '（2024）辽0421民初2号' }, 'NOT_FOUND'],
    ['the case scope (event → cases.addEvent)', ['--today', TODAY, 'event', '（2024）辽0421民初2号', '--kind', '公告', '--from', '2024-04-01', '--to', '2024-04-10'], 'cases.addEvent',
      { caseNumber: '（2024）辽0421民初2号', kind: '公告', fromOn: '2024-04-01', toOn: '2024-04-10' }, 'NOT_FOUND'],
  ])('is audited alike when refused for %s', async (_what, argv, method, args, code) => {
    const r = cli(['--db', db, ...(argv as string[])], { COURTDESK_USER: '王法官', COURTDESK_PASSWORD: judgePassword });
    expect(r.code).toBe(1);
    const fromCli = lastDenied();
    const error = await inWindow(method as string, args);
    const fromWindow = lastDenied();
    expect(error.code).toBe(code);
    expect(r.err.trim()).toBe(error.message);
    expect(fromCli).toEqual(fromWindow);
    expect(fromCli).toMatchObject({ actor: '王法官', action: 'denied', entity: 'api', entity_key: method });
  });
});
