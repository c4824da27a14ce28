// `courtdesk ledger …` through the built command line: a weak point with its targets, a measure, progress with evidence by its owner, the listing in Chinese and as JSON; usage errors exit 2 naming the option, the core's refusals exit 1 with the database as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import type { LedgerView, MeasureView } from '../../shared/api/contract';

const TODAY = '2025-06-30';
const PASSWORD = 'pass-word-1';
let work: ReturnType<typeof tempDir>;
let db: string;
let pdf: string;

/** As the shared test account (院长, 审管办 …), or as a named person. */
function run(args: string[], who?: string) {
  return cli(['--db', db, '--today', TODAY, ...args], who ? { COURTDESK_USER: who, COURTDESK_PASSWORD: PASSWORD } : {});
}
function json<T>(args: string[], who?: string): T {
  const r = run(['--json', ...args], who);
  expect(r.code, r.err).toBe(0);
  return r.json() as T;
}
const rows = (table: string) => {
  const { db: file } = openDatabase(db);
  try {
    return file.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    closeDatabase(file);
  }
};

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  const csv = path.join(work.dir, 'c.csv');
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,原告,被告',
    '（2025）辽0421民初1号,民间借贷纠纷,普通程序,2023-06-01,民一庭,王法官,张三,李四',
    '（2025）辽0421民初2号,买卖合同纠纷,普通程序,2025-01-05,民一庭,王法官,王五,赵六',
  ].join('\n'));
  const imported = cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv]);
  expect(imported.code, imported.err + imported.out).toBe(0);
  const { db: file } = openDatabase(db);
  try {
    const accounts = new AccountStore(file);
    accounts.create({ name: '院长甲', roles: ['president'], division: null, password: PASSWORD, actor: 'tester' });
    accounts.create({ name: '李法官', roles: ['judge'], division: '民一庭', password: PASSWORD, actor: 'tester' });
    accounts.create({ name: '王法官', roles: ['judge'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  } finally {
    closeDatabase(file);
  }
  pdf = path.join(work.dir, '会议纪要.pdf');
  writeFileSync(pdf, '%PDF-1.4\n%%EOF\n');
}, 180_000);
afterAll(() => work?.cleanup());

describe('courtdesk ledger', () => {
  it('adds a weak point with two targets (2% read as 0.02) and prints its id', () => {
    const r = json<{ id: number }>(['ledger', 'add-weakpoint', '长期未结案件偏多', '--indicator', 'longPending12Ratio', '--target', '2%', '--by', '2025-12-31',
      '--indicator', 'onTimeRate', '--target', '0.95', '--by', '2025-12-31', '--found-by', '中院', '--found-on', '2025-01-05']);
    expect(r).toEqual({ id: 1 });
    const human = run(['ledger', 'add-weakpoint', '结收比偏低', '--indicator', 'clearanceRate', '--target', '1', '--by', '2025-12-31']);
    expect(human.code, human.err).toBe(0);
    expect(human.out.trim()).toBe('已新增薄弱点 2：结收比偏低（本院发现，2025-06-30）');
  });

  it('adds a measure for both weak points and prints its id', () => {
    const r = json<{ id: number }>(['ledger', 'add-measure', '集中清理超12个月未结案件', '--weakpoint', '1', '--weakpoint', '2', '--leader', '院长甲', '--owner', '王法官',
      '--division', '民一庭', '--start', '2025-03-01', '--due', '2025-07-10']);
    expect(r).toEqual({ id: 1 });
    const help = json<{ id: number }>(['ledger', 'add-measure', '中院派员驻点指导', '--weakpoint', '1', '--leader', '中院副院长', '--owner', '中院审管办主任', '--division', '中院审管办',
      '--start', '2025-04-01', '--due', '2025-09-30', '--help-measure']);
    expect(help).toEqual({ id: 2 });
  });

  it('records progress with evidence as the owner, and refuses another judge (exit 1, nothing written)', () => {
    const m = json<MeasureView>(['ledger', 'progress', '1', '--text', '召开专题会', '--on', '2025-06-20', '--evidence', pdf], '王法官');
    expect(m.progress).toMatchObject([{ onDate: '2025-06-20', text: '召开专题会', recordedBy: '王法官', evidence: [{ name: '会议纪要.pdf', mime: 'application/pdf' }] }]);
    const before = rows('ledger_progress');
    const refused = run(['ledger', 'progress', '1', '--text', '代为登记'], '李法官');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/李法官不是措施 1 的责任人或责任领导/);
    expect(rows('ledger_progress')).toBe(before);
    const done = run(['ledger', 'progress', '1', '--text', '清理完毕', '--done'], '王法官');
    expect(done.code, done.err).toBe(0);
    expect(done.out).toMatch(/^已登记措施 1 的进展，措施已完成/);
  });

  it('lists the ledger as JSON with statuses and the figures then and now', () => {
    const l = json<LedgerView>(['ledger', 'list']);
    expect(l.weakPoints.map((w) => [w.id, w.measureIds])).toEqual([[1, [1, 2]], [2, [1]]]);
    const t = l.weakPoints[0].targets.find((x) => x.indicator === 'longPending12Ratio')!;
    expect(t.target).toBe(0.02);
    // 2025-02-28: both cases open, one over 12 months; 2025-06-30 the same.
    expect(t.then).toMatchObject({ from: '2025-02-01', to: '2025-02-28', numerator: 1, denominator: 2, value: 0.5 });
    expect(t.now).toMatchObject({ from: '2025-06-01', to: '2025-06-30', numerator: 1, denominator: 2 });
    expect(l.measures.map((m) => [m.id, m.status])).toEqual([[1, 'done'], [2, 'inProgress']]);
  });

  it('lists the ledger in readable Chinese', () => {
    const r = run(['ledger', 'list']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('脱薄工作台账（2025-06-30）：薄弱点 2 个，措施 2 项（未开始 0，推进中 1，已完成 1，逾期 0）');
    expect(r.out).toContain('薄弱点 1：长期未结案件偏多（中院发现，2025-01-05）');
    expect(r.out).toContain('超12个月未结案件比：目标 ≤ 2.00%（2025-12-31 前）；措施开始前（2025-02-01 至 2025-02-28）50.0%（1/2）；现在（2025-06-01 至 2025-06-30）50.0%（1/2），未达标');
    expect(r.out).toContain('措施 1［整改措施］集中清理超12个月未结案件');
    expect(r.out).toContain('责任领导 院长甲，责任人 王法官，责任部门 民一庭；2025-03-01 至 2025-07-10；已完成（2025-06-30 完成）');
    expect(r.out).toContain('2025-06-20 召开专题会（王法官）；佐证材料：会议纪要.pdf');
    expect(r.out).toContain('措施 2［帮扶措施］中院派员驻点指导');
  });

  it.each<[string, string[], RegExp]>([
    ['an unknown indicator', ['add-weakpoint', '甲', '--indicator', 'nothing', '--target', '1', '--by', '2025-12-31'], /^--indicator：“nothing”不是可作为目标的指标/],
    ['a target that is no number', ['add-weakpoint', '甲', '--indicator', 'onTimeRate', '--target', '九成', '--by', '2025-12-31'], /^--target：“九成”不是“法定审限内结案率”可取的目标值/],
    ['a lone --target', ['add-weakpoint', '甲', '--indicator', 'onTimeRate', '--target', '0.9', '--target', '0.8', '--by', '2025-12-31'], /--indicator、--target、--by 应成组给出/],
    ['a bad --by', ['add-weakpoint', '甲', '--indicator', 'onTimeRate', '--target', '0.9', '--by', '2025-02-30'], /^--by 的日期“2025-02-30”无效/],
    ['a bad --found-by', ['add-weakpoint', '甲', '--indicator', 'onTimeRate', '--target', '0.9', '--by', '2025-12-31', '--found-by', '省院'], /^--found-by 应为 本院、中院 或 高院/],
    ['a too long text', ['add-weakpoint', '长'.repeat(501), '--indicator', 'onTimeRate', '--target', '0.9', '--by', '2025-12-31'], /^内容：薄弱点最多 500 个字/],
    ['no --weakpoint', ['add-measure', '甲', '--leader', '院长甲', '--owner', '王法官', '--division', '民一庭', '--start', '2025-03-01', '--due', '2025-04-01'], /缺少 --weakpoint/],
    ['a --weakpoint that is no number', ['add-measure', '甲', '--weakpoint', 'x', '--leader', '院长甲', '--owner', '王法官', '--division', '民一庭', '--start', '2025-03-01', '--due', '2025-04-01'], /^--weakpoint：薄弱点编号应为正整数/],
    ['no --owner', ['add-measure', '甲', '--weakpoint', '1', '--leader', '院长甲', '--division', '民一庭', '--start', '2025-03-01', '--due', '2025-04-01'], /缺少 --owner/],
    ['a --start that is no day', ['add-measure', '甲', '--weakpoint', '1', '--leader', '院长甲', '--owner', '王法官', '--division', '民一庭', '--start', '三月', '--due', '2025-04-01'], /^--start 的日期“三月”无效/],
    ['an option of another subcommand', ['progress', '1', '--text', '甲', '--owner', '王法官'], /ledger progress 不接受选项 --owner/],
    ['a missing file', ['progress', '1', '--text', '甲', '--evidence', '/nonexistent/纪要.pdf'], /^--evidence：找不到文件/],
    ['an unknown subcommand', ['remove', '1'], /未知的 ledger 子命令“remove”/],
  ])('refuses %s with exit 2 naming the option', (_n, args, message) => {
    const r = run(['ledger', ...args]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(message);
  });

  it('passes the core\'s refusals on in Chinese with exit 1, and writes nothing', () => {
    const before = rows('ledger_measures');
    const r = run(['ledger', 'add-measure', '甲', '--weakpoint', '1', '--leader', '李法官', '--owner', '王法官', '--division', '民一庭', '--start', '2025-03-01', '--due', '2025-04-01']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('责任领导“李法官”不是院长或副院长：整改措施的责任领导应为院领导');
    const due = run(['ledger', 'add-measure', '甲', '--weakpoint', '1', '--leader', '院长甲', '--owner', '王法官', '--division', '民一庭', '--start', '2025-03-01', '--due', '2025-02-01']);
    expect(due.code).toBe(1);
    expect(due.err.trim()).toBe('完成期限 2025-02-01 早于开始日期 2025-03-01');
    expect(rows('ledger_measures')).toBe(before);
  });

  it('keeps the ledger from a judge: list is refused', () => {
    const r = run(['ledger', 'list'], '李法官');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/无权/);
  });
});
