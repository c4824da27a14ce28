// `courtdesk alerts` through the built command line: the person's own board, --within, --hidden and --cold, against hand-computed days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { CaseStore } from '../../electron/core/cases/caseStore';
import type { AlertList } from '../../shared/deadlines/api';
import type { CaseListRow } from '../../shared/api/contract';

const TODAY = '2025-06-30';
const PASSWORD = 'pass-word-1';
const N1 = '（2024）辽0421民初1号';
const N2 = '（2025）辽0421民初2号';
const N3 = '（2025）辽0421民初3号';
let work: ReturnType<typeof tempDir>;
let db: string;

function run(args: string[], who: string) {
  return cli(['--db', db, '--today', TODAY, ...args], { COURTDESK_USER: who, COURTDESK_PASSWORD: PASSWORD });
}
function json<T>(args: string[], who: string): T {
  const r = run(['--json', 'alerts', ...args], who);
  expect(r.code, r.err).toBe(0);
  return r.json() as T;
}

interface Board {
  summary?: { overdue: number; dueWithin30: number };
  overdue?: { count: number; rows: CaseListRow[] };
  dueWithin?: { days: number; count: number; rows: CaseListRow[] };
  hidden?: AlertList;
  cold?: AlertList;
}

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  const csv = path.join(work.dir, 'c.csv');
  // 民初·普通程序, six months: N1 due 2025-06-01 (29 days overdue on 2025-06-30); N2 due 2025-07-10 (10 days left).
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,原告,被告',
    `${N1},民间借贷纠纷,普通程序,2024-12-01,民一庭,王法官,张三,李四`,
    `${N2},买卖合同纠纷,普通程序,2025-01-10,民一庭,王法官,王五,赵六`,
    `${N3},买卖合同纠纷,普通程序,2025-03-01,民一庭,李法官,钱七,孙八`,
  ].join('\n'));
  const imported = cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv]);
  expect(imported.code, imported.err + imported.out).toBe(0);
  const { db: file } = openDatabase(db);
  try {
    const accounts = new AccountStore(file);
    accounts.create({ name: '王法官', roles: ['judge'], division: '民一庭', password: PASSWORD, actor: 'tester' });
    accounts.create({ name: '庭长甲', roles: ['division_head'], division: '民一庭', password: PASSWORD, actor: 'tester' });
    // N3: a 鉴定 open since 2025-03-10, 112 days on 2025-06-30 (21 + 30 + 31 + 30).
    new CaseStore(file).addEvent(N3, '鉴定', '2025-03-10', null, null, { actor: 'tester', today: TODAY });
    // N2: nothing recorded since 2025-05-01, 60 days.
    file.prepare('UPDATE cases SET updated_at = ? WHERE case_number = ?').run('2025-05-01T01:00:00.000Z', N2);
  } finally {
    closeDatabase(file);
  }
}, 180_000);
afterAll(() => work?.cleanup());

describe('courtdesk alerts', () => {
  it('shows the judge his own board: overdue and due within 30 days', () => {
    const b = json<Board>([], '王法官');
    expect(b.summary).toMatchObject({ overdue: 1, dueWithin30: 1 });
    expect(b.overdue!.rows.map((r) => [r.caseNumber, r.dueOn, r.daysRemaining])).toEqual([[N1, '2025-06-01', -29]]);
    expect(b.dueWithin).toMatchObject({ days: 30, count: 1 });
    expect(b.dueWithin!.rows.map((r) => [r.caseNumber, r.dueOn, r.daysRemaining])).toEqual([[N2, '2025-07-10', 10]]);
    expect(b.hidden).toBeUndefined();
    expect(json<Board>(['--within', '7'], '王法官').dueWithin).toMatchObject({ days: 7, count: 0, rows: [] });
    const words = run(['alerts'], '王法官');
    expect(words.out).toContain('已超审限 1 件，7日内到期 0 件，15日内 1 件，30日内 1 件');
    expect(words.out).toContain(`${N1}\t民一庭\t王法官\t2025-06-01\t已超29天\t已超审限`);
    expect(words.out).toContain(`${N2}\t民一庭\t王法官\t2025-07-10\t剩余10天\t审限内`);
  });

  it('lists hidden-overdue cases with --hidden, within the reader\'s scope', () => {
    const head = json<Board>(['--hidden'], '庭长甲');
    expect(head.summary).toBeUndefined();
    expect(head.hidden!.rows.map((r) => [r.caseNumber, r.judge, r.findings.map((f) => f.text)])).toEqual([
      [N3, '李法官', ['鉴定自 2025-03-10 起至今（2025-06-30）尚未结束，已 112天，超过 60天']],
    ]);
    expect(json<Board>(['--hidden'], '王法官').hidden!.total).toBe(0);
  });

  it('lists cold cases with --cold DAYS, in words without --json', () => {
    const r = run(['alerts', '--cold', '30'], '庭长甲');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('长期未动（30 天以上无任何登记）：1 件');
    expect(r.out).toContain(`${N2}\t民一庭\t王法官\t最近登记 2025-05-01\t已 60 天\t剩余10天`);
    expect(r.out).not.toContain('审限预警（');
    expect(json<Board>(['--cold', '61'], '庭长甲').cold!.total).toBe(0);
  });

  it('refuses a threshold that is not a positive number, before opening the file', () => {
    const r = run(['alerts', '--cold', '0'], '庭长甲');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--cold 应为 1 到 3650 之间的整数');
  });

  it('takes the court\'s thresholds set by an administrator (alert-settings)', () => {
    const shown = cli(['--db', db, '--today', TODAY, '--json', 'alert-settings']);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.json()).toEqual({ openPeriodDays: 60, coldDays: 30 });
    const set = cli(['--db', db, '--today', TODAY, 'alert-settings', '--open-period-days', '120']);
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain('超过 120 天未结束即列出');
    // N3's 鉴定 of 112 days is no longer over the court's threshold.
    const head = json<Board>(['--hidden'], '庭长甲');
    expect(head.hidden!.thresholds).toEqual({ openPeriodDays: 120, coldDays: 30 });
    expect(head.hidden!.total).toBe(0);
    // A judge may not change them.
    const refused = run(['alert-settings', '--cold-days', '10'], '王法官');
    expect(refused.code).toBe(1);
  });
});
