// A suspension or deducted period that begins after the due date hides no overdue case: (2024)执54号 was shown as
// 中止 "不计为超审限" with a due date moving forward. Now it is overdue everywhere: its arithmetic, the lists, the
// 审限预警 counts; and a database whose figures were stored under the old rules is recomputed at its first open.
import { afterEach, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { CaseQueries } from '../../electron/core/cases/caseQueries';
import { DEADLINE_RULES_VERSION, storedRulesVersion } from '../../electron/core/deadlines/rulesVersion';
import type { CaseDetail, DeadlineSummary } from '../../shared/api/contract';

const TODAY = '2025-06-01';
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function court() {
  const t = freshCourtDb();
  cleanups.push(() => t.close());
  // Enforcement, 6 months: filed 2024-07-09, due 2025-01-09; suspended 2025-04-06, after it had run out.
  t.put([record({ caseNumber: '（2024）辽0421执54号', procedure: null, filedOn: '2024-07-09', division: '执行局', judge: '刘法官' })], TODAY);
  t.store.addEvent('（2024）辽0421执54号', '中止', '2025-04-06', null, null, { actor: 'tester', today: TODAY });
  // And one suspended in time, which is rightly stopped.
  t.put([record({ caseNumber: '（2025）辽0421执7号', procedure: null, filedOn: '2025-03-01', division: '执行局', judge: '刘法官' })], TODAY);
  t.store.addEvent('（2025）辽0421执7号', '中止', '2025-04-01', null, null, { actor: 'tester', today: TODAY });
  return t;
}

describe('a suspension that begins after the due date', () => {
  it('leaves the case overdue in its arithmetic, its list status and the 审限预警 counts', () => {
    const t = court();
    const q = new CaseQueries(t.db);
    const d = q.get('（2024）辽0421执54号', TODAY)!;
    expect(d.deadline).toMatchObject({ dueOn: '2025-01-09', daysRemaining: -143, status: 'overdue' });
    expect(d.deadline.steps.join('\n')).toContain('开始于审限届满之后');
    expect(q.list({ status: 'overdue' }, TODAY).rows.map((r) => r.caseNumber)).toEqual(['（2024）辽0421执54号']);
    expect(q.list({ status: 'suspended' }, TODAY).rows.map((r) => r.caseNumber)).toEqual(['（2025）辽0421执7号']);
    expect(q.summary(TODAY)).toMatchObject({ overdue: 1, suspended: 1, stopped: 1 });
  });

  it('is recomputed at the first open of a database whose figures the old rules stored', async () => {
    const t = court();
    // As the previous program stored it: suspended, no due date, no sort key, rules version 1.
    t.db.prepare("UPDATE cases SET clock = 'suspended', due_on = NULL, due_order = NULL, frozen_remaining = NULL WHERE case_number = '（2024）辽0421执54号'").run();
    t.db.prepare("UPDATE settings SET value_json = '1' WHERE key = 'deadlines.rulesVersion'").run();
    new AccountStore(t.db).create({ name: '院长', roles: ['president'], password: 'president-1', actor: 'tester' });
    t.db.close();
    const core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
    try {
      expect(storedRulesVersion(core.db)).toBe(DEADLINE_RULES_VERSION);
      expect(core.db.prepare("SELECT clock, due_on FROM cases WHERE case_number = '（2024）辽0421执54号'").get()).toEqual({ clock: 'running', due_on: '2025-01-09' });
      expect(core.db.prepare("SELECT actor, after_json FROM audit_log WHERE action = 'deadlines.recompute'").get()).toEqual({ actor: '（程序升级）', after_json: String(DEADLINE_RULES_VERSION) });
      const s = (await core.call('auth.signIn', { name: '院长', password: 'president-1' })).session as { set: string };
      const summary = (await core.call('deadlines.summary', {}, { session: s.set })) as { value: DeadlineSummary };
      expect(summary.value).toMatchObject({ overdue: 1, suspended: 1 });
      const c = (await core.call('cases.get', { caseNumber: '（2024）辽0421执54号' }, { session: s.set })) as { value: CaseDetail };
      expect(c.value.status).toBe('overdue');
    } finally {
      core.close();
    }
    // Opened again: nothing left to recompute.
    const again = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
    expect(again.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'deadlines.recompute'").pluck().get()).toBe(1);
    again.close();
  });
});
