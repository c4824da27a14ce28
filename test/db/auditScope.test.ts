// The audit log is read through the reader's case scope: an administrator, who sees no case data, sees account,
// setting, backup and sign-in entries in full, and entries about cases without their content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import type { AuditPage } from '../../shared/api/contract';

let t: ReturnType<typeof freshCourtDb>;
let core: Core;

beforeAll(() => {
  t = freshCourtDb();
  t.put([
    record({ caseNumber: '（2024）辽0421民初1号', judge: '王法官', plaintiffs: ['原告张某某'], defendants: ['被告李某某'] }),
    record({ caseNumber: '（2024）辽0421民初2号', judge: '李法官', plaintiffs: ['原告赵某某'] }),
  ]);
  const accounts = new AccountStore(t.db);
  accounts.create({ name: '管理员', roles: ['admin'], password: 'admin-pass-1', actor: 'tester' });
  accounts.create({ name: '院长', roles: ['president'], password: 'president-1', actor: 'tester' });
  // An administrator who also judges: his own cases in full, the others' without content.
  accounts.create({ name: '王法官', roles: ['judge', 'admin'], password: 'judge-pass-1', actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: '2024-12-31', jobWorker: null });
});
afterAll(() => {
  core.close();
  t.cleanup();
});

async function auditAs(name: string, password: string): Promise<AuditPage['rows']> {
  const s = (await core.call('auth.signIn', { name, password })).session as { set: string };
  const r = await core.call('audit.list', { limit: 500 }, { session: s.set });
  expect(r.ok).toBe(true);
  return (r as { value: AuditPage }).value.rows;
}

describe('audit.list', () => {
  it('shows an administrator case entries without their content, and everything else in full', async () => {
    const rows = await auditAs('管理员', 'admin-pass-1');
    const cases = rows.filter((r) => r.entity === 'case');
    expect(cases.map((r) => r.entityKey).sort()).toEqual(['（2024）辽0421民初1号', '（2024）辽0421民初2号']);
    for (const r of cases) expect(r).toMatchObject({ before: null, after: null, contentHidden: true, action: 'case.create' });
    expect(JSON.stringify(rows)).not.toMatch(/原告张某某|被告李某某|原告赵某某|民间借贷/);
    const account = rows.find((r) => r.action === 'account.create' && r.entityKey === '院长')!;
    expect(account).toMatchObject({ contentHidden: false, after: expect.stringContaining('president') });
  });

  it('shows the president, whose scope is the whole court, every entry in full', async () => {
    const rows = await auditAs('院长', 'president-1');
    const cases = rows.filter((r) => r.entity === 'case');
    expect(cases.every((r) => !r.contentHidden && r.after !== null)).toBe(true);
    expect(JSON.stringify(rows)).toContain('原告张某某');
  });

  it('shows a judge who is also an administrator the content of his own cases only', async () => {
    const rows = await auditAs('王法官', 'judge-pass-1');
    const byCase = Object.fromEntries(rows.filter((r) => r.entity === 'case').map((r) => [r.entityKey, r]));
    expect(byCase['（2024）辽0421民初1号']).toMatchObject({ contentHidden: false, after: expect.stringContaining('原告张某某') });
    expect(byCase['（2024）辽0421民初2号']).toMatchObject({ contentHidden: true, after: null });
  });
});
