// courtdesk cases [filters] --out FILE.xlsx: the list saved through the window's export call, its count printed;
// any other extension refused in Chinese before anything is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { EXPORT_SHEET_NAME } from '../../electron/core/cases/caseListXlsx';

const TODAY = '2024-12-31';
let work: ReturnType<typeof tempDir>;
let db: string;

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  const rows = ['案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式,原告'];
  // Two overdue (filed long ago, still open), one in time, one closed.
  rows.push('（2024）辽0421民初1号,民间借贷纠纷,普通程序,2024-01-02,民一庭,王法官,,,=HYPERLINK("x")');
  rows.push('（2024）辽0421民初2号,民间借贷纠纷,简易程序,2024-02-01,民一庭,李法官,,,张三');
  rows.push('（2024）辽0421民初3号,民间借贷纠纷,普通程序,2024-12-01,民一庭,王法官,,,李四');
  rows.push('（2024）辽0421民初4号,民间借贷纠纷,普通程序,2024-01-05,民一庭,王法官,2024-03-01,判决,王五');
  const csv = path.join(work.dir, 'cases.csv');
  writeFileSync(csv, rows.join('\n'));
  const r = cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv]);
  expect(r.code, r.err).toBe(0);
}, 180_000);
afterAll(() => work?.cleanup());

describe('courtdesk cases --out', () => {
  it('saves the overdue list as .xlsx and prints how many cases it holds', async () => {
    const out = path.join(work.dir, '超审限.xlsx');
    const r = cli(['--db', db, '--today', TODAY, 'cases', '--status', 'overdue', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`已导出 2 件案件到 ${out}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(EXPORT_SHEET_NAME)!;
    expect(ws.rowCount).toBe(3);
    const numbers = [2, 3].map((n) => (ws.getRow(n).getCell(1).value as { richText: Array<{ text: string }> }).richText[0].text);
    // By due date, as the overdue list sorts.
    expect(numbers).toEqual(['（2024）辽0421民初2号', '（2024）辽0421民初1号']);
    const plaintiff = ws.getRow(3).getCell(10);
    expect(plaintiff.formula).toBeUndefined();
    expect(plaintiff.text).toBe('=HYPERLINK("x")');

    const json = cli(['--db', db, '--today', TODAY, '--json', 'cases', '--status', 'overdue', '--out', out]);
    expect(json.code, json.err).toBe(0);
    expect(json.json()).toEqual({ count: 2, file: out });
  });

  it('refuses another extension in Chinese and writes nothing', () => {
    const out = path.join(work.dir, 'list.csv');
    const r = cli(['--db', db, 'cases', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('只能保存为 .xlsx');
    expect(existsSync(out)).toBe(false);
  });
});
