// `courtdesk ranges` through the built command line: list, set (an open end, the end not given kept), reset, import all or nothing; indicators marks out-of-range values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { RANGED_IDS } from '../../shared/indicators/ranges';

const TODAY = '2025-06-30';
const PASSWORD = 'pass-word-1';
let work: ReturnType<typeof tempDir>;
let db: string;

const run = (args: string[], who = '统计甲') => cli(['--db', db, '--today', TODAY, ...args], { COURTDESK_USER: who, COURTDESK_PASSWORD: PASSWORD });
type Entry = { id: string; low: number | null; high: number | null; source: { kind: string; court?: string } };
const list = () => run(['--json', 'ranges', 'list']).json() as Entry[];
const one = (id: string) => list().find((e) => e.id === id)!;

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  const csv = path.join(work.dir, 'c.csv');
  // 2025-01-01 … 03-31: 2 received, 1 resolved in time: 结收比 50 %, below the default ≥ 100 %.
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式',
    '（2025）辽0421民初1号,民间借贷纠纷,普通程序,2025-01-10,民一庭,王法官,2025-03-10,判决',
    '（2025）辽0421民初2号,买卖合同纠纷,普通程序,2025-02-01,民一庭,王法官,,',
  ].join('\n'));
  expect(cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv]).code).toBe(0);
  const { db: file } = openDatabase(db);
  try {
    const accounts = new AccountStore(file);
    accounts.create({ name: '统计甲', roles: ['statistician'], division: null, password: PASSWORD, actor: 'tester' });
    accounts.create({ name: '王法官', roles: ['judge'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  } finally {
    closeDatabase(file);
  }
}, 180_000);
afterAll(() => work?.cleanup());

describe('courtdesk ranges', () => {
  it('lists every ranged indicator with the defaults marked 默认', () => {
    const r = run(['ranges', 'list']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/clearanceRate\t结收比\t≥ 100\.0%\t越高越好\t默认/);
    expect(r.out).toMatch(/onTimeRate\t法定审限内结案率\t≥ 95\.0%\t越高越好\t默认/);
    expect(r.out).toMatch(/longPending18\t超18个月未结案件数\t≤ 0 件\t越低越好\t默认/);
    expect(list().map((e) => e.id)).toEqual([...RANGED_IDS]);
  });

  it('sets one end and keeps the other; none opens an end; reset brings the default back', () => {
    let r = run(['ranges', 'set', 'onTimeRate', '--high', '99']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已设定 法定审限内结案率 的合理区间：95.0% – 99.0%');
    expect(one('onTimeRate')).toMatchObject({ low: 95, high: 99, source: { kind: 'court' } });
    expect(run(['ranges', 'set', '法定审限内结案率', '--low', 'none']).code).toBe(0);
    expect(one('onTimeRate')).toMatchObject({ low: null, high: 99 });
    expect(run(['ranges', 'list']).out).toMatch(/onTimeRate\t法定审限内结案率\t≤ 99\.0%\t越高越好\t本院设定（统计甲，/);
    r = run(['ranges', 'reset', 'onTimeRate']);
    expect(r.code, r.err).toBe(0);
    expect(one('onTimeRate')).toMatchObject({ low: 95, high: null, source: { kind: 'default' } });
  });

  it('refuses a bad range in Chinese and leaves it as it was', () => {
    for (const [args, message] of [
      [['set', 'reversalRate', '--low', '9', '--high', '3'], '下限 9 高于上限 3'],
      [['set', 'reversalRate', '--high', '120'], '上限 120 超出 0–100'],
      [['set', 'reversalRate', '--high', 'abc'], '--high 应为数字或 none'],
      [['set', 'noSuchRate', '--high', '3'], '没有名为“noSuchRate”的指标'],
      [['set', 'pendingAge', '--high', '3'], '未结案件审理时长分布是分布'],
    ] as const) {
      const r = run(['ranges', ...args]);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err).toContain(message);
    }
    expect(one('reversalRate')).toMatchObject({ low: null, high: 5, source: { kind: 'default' } });
  });

  it('refuses a judge, who may see ranges but not set them', () => {
    expect(run(['ranges', 'list'], '王法官').code).toBe(0);
    const r = run(['ranges', 'set', 'reversalRate', '--high', '3'], '王法官');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/无权/);
  });

  it('imports the intermediate court\'s file, all or nothing', () => {
    const bad = path.join(work.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'courtdesk-indicator-ranges', version: 1, issuedOn: '2025-01-15', ranges: { mediationRate: { low: 30, high: null }, fooRate: { low: 1, high: 2 } } }));
    let r = run(['ranges', 'import', bad]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('没有名为“fooRate”的指标');
    expect(one('mediationRate')).toMatchObject({ low: null, high: null, source: { kind: 'default' } });
    const good = path.join(work.dir, 'good.json');
    writeFileSync(good, JSON.stringify({ format: 'courtdesk-indicator-ranges', version: 1, court: { code: '辽04', name: '抚顺市中级人民法院' }, issuedOn: '2025-01-15', ranges: { mediationRate: { low: 30, high: null }, clearanceRate: { low: 95, high: null } } }));
    r = run(['ranges', 'import', good]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已导入 2 项指标的合理区间（抚顺市中级人民法院（辽04），2025-01-15 下发）');
    expect(one('mediationRate')).toMatchObject({ low: 30, high: null, source: { kind: 'higherCourt', court: '抚顺市中级人民法院（辽04）' } });
    expect(run(['ranges', 'list']).out).toMatch(/mediationRate\t调解率\t≥ 30\.0%\t越高越好\t中院下发（抚顺市中级人民法院（辽04），2025-01-15，good\.json）/);
  });
});

describe('courtdesk indicators against the ranges', () => {
  it('marks an out-of-range value in the table and carries range and status in --json', () => {
    const PERIOD = ['--from', '2025-01-01', '--to', '2025-03-31'];
    const o = run(['--json', 'indicators', ...PERIOD]).json() as Record<string, { value: number | null; range: unknown; status: string }>;
    // clearanceRate 50 % against ≥ 95 % (imported above); onTimeRate 100 % against ≥ 95 %; received has no range.
    expect(o.clearanceRate).toMatchObject({ value: 50, numerator: 1, denominator: 2, range: { low: 95, high: null }, status: 'below' });
    expect(o.onTimeRate).toMatchObject({ value: 100, range: { low: 95, high: null }, status: 'inside' });
    expect(o.received).toMatchObject({ value: 2, range: null, status: 'none' });
    const out = run(['indicators', ...PERIOD]).out;
    expect(out).toContain('结收比：50.0%（1/2）  ▼ 低于区间：低于合理区间下限 95.0%（越高越好）');
    expect(out).toMatch(/法定审限内结案率：100\.0%（1\/1）\n/);
  });
});
