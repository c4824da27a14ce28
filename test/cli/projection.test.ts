// `courtdesk project` through the built command line: the --json months, the what-if against the baseline, --judges -1, the Chinese table, bad options.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { AccountStore } from '../../electron/core/accounts/accountStore';

const TODAY = '2025-06-15';
const PASSWORD = 'pass-word-1';
let work: ReturnType<typeof tempDir>;
let db: string;

const run = (args: string[], who = '院长甲') => cli(['--db', db, '--today', TODAY, ...args], { COURTDESK_USER: who, COURTDESK_PASSWORD: PASSWORD });

interface Row { month: string; pending: number; longPending12Ratio: number | null; clearanceRate: number | null; onTimeRate: number | null }

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  // 2024-06 … 2025-05: two 民初 filed on the 3rd of each month, one closed on the 20th by judgment; three of 2023 open.
  const rows = ['案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式'];
  let n = 1;
  for (let i = 0; i < 12; i++) {
    const m = `${2024 + Math.floor((i + 5) / 12)}-${String(((i + 5) % 12) + 1).padStart(2, '0')}`;
    rows.push(`（${m.slice(0, 4)}）辽0421民初${n++}号,民间借贷纠纷,普通程序,${m}-03,民一庭,王法官,${m}-20,判决`);
    rows.push(`（${m.slice(0, 4)}）辽0421民初${n++}号,民间借贷纠纷,普通程序,${m}-03,民一庭,王法官,,`);
  }
  for (let j = 0; j < 3; j++) rows.push(`（2023）辽0421民初${900 + j}号,买卖合同纠纷,普通程序,2023-02-0${j + 1},民一庭,王法官,,`);
  const csv = path.join(work.dir, 'c.csv');
  writeFileSync(csv, rows.join('\n'));
  const imported = cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv]);
  expect(imported.code, imported.err + imported.out).toBe(0);
  const { db: file } = openDatabase(db);
  try {
    const accounts = new AccountStore(file);
    accounts.create({ name: '院长甲', roles: ['president'], division: null, password: PASSWORD, actor: 'tester' });
    accounts.create({ name: '王法官', roles: ['judge'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  } finally {
    closeDatabase(file);
  }
}, 180_000);
afterAll(() => work?.cleanup());

describe('courtdesk project', () => {
  it('--json: months with pending, longPending12Ratio, clearanceRate and onTimeRate', () => {
    const r = run(['--json', 'project', '--months', '3']);
    expect(r.code, r.err).toBe(0);
    const j = r.json() as { months: Row[]; baseline: Row[]; start: string; inputs: Record<string, number>; model: string[] };
    expect(j.start).toBe('2025-05-31');
    expect(j.inputs).toMatchObject({ filingsPerMonth: 2, closingsPerMonth: 1, judges: 1, openAtStart: 15 });
    expect(j.months.map((m) => m.month)).toEqual(['2025-06', '2025-07', '2025-08']);
    expect(j.months.map((m) => m.pending)).toEqual([16, 17, 18]);
    expect(j.months[0]).toEqual(expect.objectContaining({ clearanceRate: 50, onTimeRate: 100 }));
    // Three of 2023 and the open case of 2024-06-03 are long at the end of June 2025: 4 of 16.
    expect(j.months[0].longPending12Ratio).toBe(25);
    expect(j.model.length).toBeGreaterThan(3);
  });

  it('closing N more a month lowers pending by N·k; --judges -1 and +1 scale the closings', () => {
    const base = (run(['--json', 'project', '--months', '4']).json() as { months: Row[] }).months.map((m) => m.pending);
    const more = (run(['--json', 'project', '--months', '4', '--close-more', '1']).json() as { months: Row[] }).months.map((m) => m.pending);
    expect(base.map((b, i) => b - more[i])).toEqual([1, 2, 3, 4]);
    const fewer = run(['--json', 'project', '--months', '2', '--judges', '+1']);
    expect(fewer.code, fewer.err).toBe(0);
    expect((fewer.json() as { inputs: { scaledClosingsPerMonth: number } }).inputs.scaledClosingsPerMonth).toBe(2);
    const minus = run(['--json', 'project', '--months', '2', '--judges', '-1']);
    expect(minus.code).toBe(1);
    expect(minus.err).toContain('不足 1 人');
  });

  it('clears the oldest by a date and prints a Chinese table with the baseline beside it', () => {
    const r = run(['project', '--months', '2', '--clear-oldest', '3', '--by', '2025-07-31']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('2025-07-31 前清理最久未结的 3 件');
    expect(r.out).toContain('月份\t未结案件数\t（不作假设）\t超12个月未结案件比\t结收比\t法定审限内结案率');
    expect(r.out).toMatch(/2025-06\t15\t16\t20.0%\t100.0%\t100.0%\n2025-07\t14\t17\t/);
    expect(r.out).toContain('模型说明');
  });

  it('draws the target a weak point of the ledger sets (courtdesk ledger add-weakpoint) beside the reasonable ranges', () => {
    const added = run(['--json', 'ledger', 'add-weakpoint', '长期未结案件偏多', '--indicator', 'longPending12Ratio', '--target', '2%', '--by', '2025-12-31']);
    expect(added.code, added.err).toBe(0);
    const j = run(['--json', 'project']).json() as { targets: Array<{ indicator: string; value: number; kind: string; dueOn: string | null; label: string }> };
    expect(j.targets).toContainEqual({ indicator: 'longPending12Ratio', value: 2, kind: 'target', dueOn: '2025-12-31', label: '目标 ≤ 2.00%（2025-12-31 前）：长期未结案件偏多' });
    expect(j.targets).toContainEqual(expect.objectContaining({ indicator: 'onTimeRate', value: 95, kind: 'low' }));
  });

  it('refuses bad options with a Chinese message and exit code 2, and a judge with no projection', () => {
    for (const [args, words] of [
      [['--months', '30'], '--months 应为 1 到 24'],
      [['--months', 'abc'], '--months 应为 1 到 24'],
      [['--close-more', '-3'], '--close-more 应为 0 到'],
      [['--clear-oldest', '2'], '需要同时给出 --by'],
      [['--clear-oldest', '2', '--by', '2025-13-01'], '--by 的日期“2025-13-01”无效'],
      [['--judges', 'x'], '--judges 应为'],
    ] as Array<[string[], string]>) {
      const r = run(['project', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(words);
    }
    const judge = run(['project'], '王法官');
    expect(judge.code).toBe(1);
    expect(judge.err).toMatch(/无权查看脱薄工作台账和预测/);
  });
});
