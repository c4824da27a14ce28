// A case out of a person's scope answers exactly as a case that does not exist (no oracle of which numbers exist),
// while the attempt is still written to the audit log; the case lists refuse unknown filter keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { closeDatabase } from '../../electron/core/db/connection';
import { freshCourtDb, record } from '../helpers/tempDb';

const TODAY = '2024-12-31';
const MINE = '（2024）辽0421民初1号';
const OTHERS = '（2024）辽0421民初2号';
const OTHER_DIVISION = '（2024）辽0421刑初1号';
const MISSING = '（2024）辽0421民初999号';
const PEOPLE = {
  judge: { name: '王法官', password: 'judge-pass-1', roles: ['judge'] as const, division: '民一庭' },
  head: { name: '庭长甲', password: 'head-pass-1', roles: ['division_head'] as const, division: '民一庭' },
  president: { name: '院长', password: 'president-1', roles: ['president'] as const, division: undefined },
};

let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const sessions: Record<string, string> = {};

beforeAll(async () => {
  t = freshCourtDb();
  t.put([
    record({ caseNumber: MINE, judge: '王法官' }),
    record({ caseNumber: OTHERS, judge: '李法官' }),
    record({ caseNumber: OTHER_DIVISION, cause: '危险驾驶罪', procedure: '速裁程序', division: '刑事审判庭', judge: '陈法官', plaintiffs: [] }),
  ]);
  const accounts = new AccountStore(t.db);
  for (const p of Object.values(PEOPLE)) accounts.create({ name: p.name, roles: [...p.roles], division: p.division, password: p.password, actor: 'tester' });
  closeDatabase(t.db);
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
  for (const [key, p] of Object.entries(PEOPLE)) {
    const r = await core.call('auth.signIn', { name: p.name, password: p.password });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    sessions[key] = (r.session as { set: string }).set;
  }
});
afterAll(() => {
  core.close();
  t.close();
});

type Denied = { actor: string; entity_key: string; reason: string };
function denials(): Denied[] {
  const d = new BetterSqlite3(t.file, { readonly: true });
  try {
    return (d.prepare("SELECT actor, entity_key, after_json FROM audit_log WHERE action = 'denied' ORDER BY id").all() as Array<{ actor: string; entity_key: string; after_json: string }>)
      .map((r) => ({ actor: r.actor, entity_key: r.entity_key, reason: (JSON.parse(r.after_json) as { reason: string }).reason }));
  } finally {
    d.close();
  }
}

const CALLS: Array<[string, (n: string) => Record<string, unknown>]> = [
  ['cases.get', (caseNumber) => ({ caseNumber })],
  ['cases.addEvent', (caseNumber) => ({ caseNumber, kind: '公告', fromOn: '2024-04-01', toOn: '2024-04-10' })],
  ['cases.resume', (caseNumber) => ({ caseNumber, resumedOn: '2024-04-01' })],
];

describe('a case out of scope and a case that does not exist', () => {
  it.each(CALLS)('answer a judge alike in %s, and both are audited', async (method, args) => {
    const before = denials().length;
    const outOfScope = await core.call(method, args(OTHERS), { session: sessions.judge });
    const missing = await core.call(method, args(MISSING), { session: sessions.judge });
    expect(outOfScope).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `找不到案件 ${OTHERS}，或不在您可查看的范围（本人承办的案件）内` } });
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `找不到案件 ${MISSING}，或不在您可查看的范围（本人承办的案件）内` } });
    // Same answer, number aside.
    expect(JSON.stringify(outOfScope).replace(OTHERS, 'X')).toBe(JSON.stringify(missing).replace(MISSING, 'X'));
    const written = denials().slice(before);
    // Both leave one refusal (same work, so no difference in time either); the auditor reads which was which.
    expect(written).toEqual([
      { actor: '王法官', entity_key: method, reason: `王法官无权处理案件 ${OTHERS}：可查看和处理的范围是本人承办的案件` },
      { actor: '王法官', entity_key: method, reason: `王法官查找的案件 ${MISSING} 不存在（可查看和处理的范围是本人承办的案件）` },
    ]);
  });

  it('answer a division head alike for another division\'s case', async () => {
    const other = await core.call('cases.get', { caseNumber: OTHER_DIVISION }, { session: sessions.head });
    const missing = await core.call('cases.get', { caseNumber: MISSING }, { session: sessions.head });
    expect(other).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `找不到案件 ${OTHER_DIVISION}，或不在您可查看的范围（本部门案件）内` } });
    expect(JSON.stringify(other).replace(OTHER_DIVISION, 'X')).toBe(JSON.stringify(missing).replace(MISSING, 'X'));
  });

  it('still lets each see his own case', async () => {
    expect(await core.call('cases.get', { caseNumber: MINE }, { session: sessions.judge })).toMatchObject({ ok: true, value: { caseNumber: MINE } });
    expect(await core.call('cases.get', { caseNumber: OTHERS }, { session: sessions.head })).toMatchObject({ ok: true, value: { caseNumber: OTHERS } });
  });

  it('is simply missing for a court-wide scope, which hides nothing, and not audited', async () => {
    const before = denials().length;
    expect(await core.call('cases.get', { caseNumber: MISSING }, { session: sessions.president })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `找不到案件 ${MISSING}` } });
    expect(denials().length).toBe(before);
  });
});

describe('the case lists', () => {
  it.each(['cases.list', 'cases.count'])('%s refuses a key it does not know, as every other call does', async (method) => {
    const r = await core.call(method, { judgeID: 1 }, { session: sessions.president });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect((r as { error: { message: string } }).error.message).toContain('judgeID');
  });
});
