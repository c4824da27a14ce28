// `courtdesk indicators` through the built command line: the --json shape (spec ids), --by groups by name, the table, bad dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { INDICATOR_IDS, INDICATORS } from '../../shared/indicators/catalogue';

const TODAY = '2025-06-30';
const PASSWORD = 'pass-word-1';
let work: ReturnType<typeof tempDir>;
let db: string;

const run = (args: string[], who = '统计甲') => cli(['--db', db, '--today', TODAY, ...args], { COURTDESK_USER: who, COURTDESK_PASSWORD: PASSWORD });

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  const csv = path.join(work.dir, 'c.csv');
  // Period 2025-01-01 … 2025-03-31: 民一庭 receives 2 and closes 1 by judgment in time; 民二庭 carries 1 over, open.
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式',
    '（2025）辽0421民初1号,民间借贷纠纷,普通程序,2025-01-10,民一庭,王法官,2025-03-10,判决',
    '（2025）辽0421民初2号,买卖合同纠纷,普通程序,2025-02-01,民一庭,王法官,,',
    '（2024）辽0421民初3号,买卖合同纠纷,普通程序,2024-11-01,民二庭,李法官,,',
  ].join('\n'));
  const imported = cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv]);
  expect(imported.code, imported.err + imported.out).toBe(0);
  const { db: file } = openDatabase(db);
  try {
    const accounts = new AccountStore(file);
    accounts.create({ name: '统计甲', roles: ['statistician'], division: null, password: PASSWORD, actor: 'tester' });
    accounts.create({ name: '王法官', roles: ['judge'], division: '民一庭', password: PASSWORD, actor: 'tester' });
    accounts.create({ name: '书记员乙', roles: ['clerk'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  } finally {
    closeDatabase(file);
  }
}, 180_000);
afterAll(() => work?.cleanup());

const PERIOD = ['--from', '2025-01-01', '--to', '2025-03-31'];

describe('courtdesk indicators --json', () => {
  it('prints one object keyed by the spec\'s ids: value, numerator and denominator (counts: value)', () => {
    const r = run(['--json', 'indicators', ...PERIOD]);
    expect(r.code, r.err).toBe(0);
    const o = r.json() as Record<string, { value: number | null; numerator?: number; denominator?: number }>;
    expect(Object.keys(o)).toEqual([...INDICATOR_IDS]);
    expect(o.received).toMatchObject({ value: 2, withoutAdvanceSettled: 2 });
    expect(o.carriedOver).toMatchObject({ value: 1 });
    expect(o.resolved).toMatchObject({ value: 1 });
    expect(o.pending).toMatchObject({ value: 2 });
    expect(o.clearanceRate).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(o.dispositionRate).toMatchObject({ value: 33.3, numerator: 1, denominator: 3 });
    expect(o.onTimeRate).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    // 2025-01-10 → 03-10: 21 + 28 + 9 = 59 days.
    expect(o.avgDuration).toMatchObject({ value: 59, numerator: 59, denominator: 1, median: 59, p90: 59 });
    expect(o.mediationRate).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(o.preMediationRate).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    for (const id of INDICATOR_IDS) {
      const kind = INDICATORS[id].kind;
      if (kind === 'count' || kind === 'distribution') expect(o[id].numerator, id).toBeUndefined();
      else expect(typeof o[id].numerator, id).toBe('number');
    }
  });

  it('with --by, one such object per group, keyed by the group\'s name', () => {
    const r = run(['--json', 'indicators', ...PERIOD, '--by', 'division']);
    expect(r.code, r.err).toBe(0);
    const o = r.json() as Record<string, Record<string, { value: number | null }>>;
    expect(Object.keys(o).sort()).toEqual(['民一庭', '民二庭']);
    expect(Object.keys(o['民一庭'])).toEqual([...INDICATOR_IDS]);
    expect(o['民一庭'].received.value).toBe(2);
    expect(o['民二庭'].carriedOver.value).toBe(1);
    expect(o['民二庭'].clearanceRate.value).toBeNull();
    const judges = run(['--json', 'indicators', ...PERIOD, '--by', 'judge']).json() as Record<string, unknown>;
    expect(Object.keys(judges).sort()).toEqual(['李法官', '王法官'].sort());
  });

  it('keeps to the signed-in person\'s scope: the judge sees his own cases only', () => {
    const o = run(['--json', 'indicators', ...PERIOD, '--by', 'division'], '王法官').json() as Record<string, unknown>;
    expect(Object.keys(o)).toEqual(['民一庭']);
  });
});

describe('courtdesk indicators, the table', () => {
  it('prints every indicator by its Chinese name, "—" for a ratio over 0, and groups in name order without ranks', () => {
    const r = run(['indicators', ...PERIOD]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('质效指标（2025-01-01 至 2025-03-31，全院案件）');
    expect(r.out).toContain('结收比：50.0%（1/2）');
    expect(r.out).toContain('诉前调解成功率：—（0/0）');
    for (const id of INDICATOR_IDS) expect(r.out).toContain(`${INDICATORS[id].name}：`);
    const grouped = run(['indicators', ...PERIOD, '--by', 'division']).out;
    expect(grouped).toContain('按名称排列，不排名次');
    expect(grouped.indexOf('【民一庭】')).toBeGreaterThan(0);
    expect(grouped).not.toMatch(/第\s*\d+\s*名|排名[:：]/);
  });
});

describe('courtdesk indicators refuses', () => {
  it.each([
    [['--from', '2025-02-30', '--to', '2025-03-31'], 2, '--from 的日期“2025-02-30”无效，应如 2024-01-05'],
    [['--from', '2025-03-31', '--to', '2025-01-01'], 2, '--to 的日期 2025-01-01 早于 --from 的日期 2025-03-31'],
    [['--to', '2025-01-01'], 2, '缺少 --from'],
    [[...PERIOD, '--by', 'rank'], 2, '--by 只接受 division、judge、stage、procedure、cause，而不是“rank”'],
    [[...PERIOD, '--division', '不存在庭'], 1, '没有名为“不存在庭”的部门'],
  ])('%j with exit code %i and a Chinese line', (args, code, message) => {
    const r = run(['indicators', ...args]);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it('a clerk, who may not see indicators', () => {
    const r = run(['indicators', ...PERIOD], '书记员乙');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/权限|无权/);
  });
});
