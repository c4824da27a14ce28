// courtdesk compare at an intermediate court: the side-by-side table in court-code order with 偏高/偏低 marks and the courts' median, the whole view as JSON, no rank; and refused at a basic court.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { count, ratio, writeHandPackage } from '../helpers/receivedCourts';
import { positionColumns, rankWords } from '../helpers/noRank';
import { COMPARE_ALL_IDS } from '../../shared/exchange/compareText';

let work: ReturnType<typeof tempDir>;
let mid: string;
let basic: string;
const H1 = { from: '2025-01-01', to: '2025-06-30' };

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  mid = path.join(work.dir, 'mid.sqlite');
  basic = path.join(work.dir, 'basic.sqlite');
  initDb(mid, { code: '辽04', name: '某某市中级人民法院' });
  initDb(basic);
}, 120_000);
afterAll(() => work?.cleanup());

describe('courtdesk compare', () => {
  it('with no package yet it says so', () => {
    const r = cli(['--db', mid, 'compare']);
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim()).toBe('尚未收到任何基层法院的报送包，没有可对比的数据');
  });

  it('prints the courts in code order with marks and the median; --json gives every indicator', () => {
    const { db } = openDatabase(mid);
    try {
      writeHandPackage(db, { code: '辽0422', name: '乙县人民法院', sequence: 1, ...H1, court: { clearanceRate: ratio(120, 100), received: count(30) } });
      writeHandPackage(db, { code: '辽0421', name: '甲县人民法院', sequence: 1, ...H1, court: { clearanceRate: ratio(80, 100), received: count(10) } });
      writeHandPackage(db, { code: '辽0423', name: '丙县人民法院', sequence: 1, ...H1, court: { clearanceRate: ratio(100, 100), received: count(20) } });
    } finally {
      closeDatabase(db);
    }
    const set = cli(['--db', mid, 'ranges', 'set', '结收比', '--low', '90', '--high', '110']);
    expect(set.code, set.err).toBe(0);
    const r = cli(['--db', mid, 'compare']);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]!.split('\t').slice(0, 5)).toEqual(['法院代码', '法院', '报送期间', '新收案件数', '结案数']);
    expect(lines.slice(1, 4).map((l) => l.split('\t')[0])).toEqual(['辽0421', '辽0422', '辽0423']);
    const clearance = lines[0]!.split('\t').indexOf('结收比');
    // The intermediate court's own range of 结收比 marks 80% low and 120% high, in words and symbol.
    expect(lines.slice(1, 5).map((l) => l.split('\t')[clearance])).toEqual(['80.0% ▼偏低', '120.0% ▲偏高', '100.0%', '100.0%']);
    expect(lines[4]!.split('\t').slice(0, 4)).toEqual(['', '各院中位数', '', '20']);
    expect(rankWords(r.out)).toEqual([]);
    expect(positionColumns(lines.slice(1, 4).map((l) => l.split('\t')))).toEqual([]);

    // --all: every indicator with a single value, the key ones among them, the same courts and median line.
    const all = cli(['--db', mid, 'compare', '--all']);
    expect(all.code, all.err).toBe(0);
    const allLines = all.out.trim().split('\n');
    const head = allLines[0]!.split('\t');
    expect(head).toHaveLength(3 + COMPARE_ALL_IDS.length);
    expect(head).toEqual(expect.arrayContaining(['结收比', '一审服判息诉率', '案-件比', '人均结案数']));
    expect(head).not.toContain('未结案件审理时长分布');
    expect(allLines.slice(1, 4).map((l) => l.split('\t')[0])).toEqual(['辽0421', '辽0422', '辽0423']);
    expect(rankWords(all.out)).toEqual([]);

    const j = cli(['--db', mid, '--json', 'compare']);
    expect(j.code, j.err).toBe(0);
    const v = j.json() as { courts: Array<{ courtCode: string; values: Record<string, { value: number | null; status: string }> }>; medians: Record<string, number | null> };
    expect(v.courts.map((c) => c.courtCode)).toEqual(['辽0421', '辽0422', '辽0423']);
    expect(v.courts[1]!.values.clearanceRate).toMatchObject({ value: 120, status: 'above' });
    expect(v.medians).toMatchObject({ clearanceRate: 100, received: 20 });
  });

  it('a basic court is told that comparing is the intermediate court task', () => {
    const r = cli(['--db', basic, 'compare']);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('各院对比是中级法院的功能');
  });
});
