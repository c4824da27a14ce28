// courtdesk reconcile --out FILE.xlsx: the 审限核对 list saved through the window's export call, its count printed and
// its rows those of reconcile --json; any other extension refused in Chinese before anything is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { entry, zipBuffer } from '../helpers/hostileXlsx';
import { RECONCILIATION_SHEET_NAME } from '../../electron/core/cases/reconciliationXlsx';
import type { ReconciliationRow } from '../../shared/cases/reconciliation';

const TODAY = '2024-12-31';
const BATCH = path.resolve(__dirname, '..', 'fixtures', 'exchange', 'batch');
let work: ReturnType<typeof tempDir>;
let db: string;

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  const zip = path.join(work.dir, 'batch.zip');
  writeFileSync(zip, zipBuffer(readdirSync(BATCH).sort().map((n) => entry(n, readFileSync(path.join(BATCH, n))))));
  const r = cli(['--db', db, '--today', TODAY, 'import', zip, '--create-missing']);
  expect(r.code, r.err).toBe(0);
}, 180_000);
afterAll(() => work?.cleanup());

describe('courtdesk reconcile --out', () => {
  it('saves the list as .xlsx, prints how many cases it holds, and holds the rows reconcile --json prints', async () => {
    const out = path.join(work.dir, '审限核对.xlsx');
    const r = cli(['--db', db, '--today', TODAY, 'reconcile', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`已导出审限核对 3 件案件到 ${out}`);
    const rows = cli(['--db', db, '--today', TODAY, '--json', 'reconcile']).json() as ReconciliationRow[];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(RECONCILIATION_SHEET_NAME)!;
    expect(ws.rowCount).toBe(rows.length + 1);
    rows.forEach((row, i) => {
      expect(ws.getRow(i + 2).getCell(1).text).toBe(row.caseNumber);
      expect(ws.getRow(i + 2).getCell(12).value).toBe(row.differenceDays);
    });

    const json = cli(['--db', db, '--today', TODAY, '--json', 'reconcile', '--out', out]);
    expect(json.code, json.err).toBe(0);
    expect(json.json()).toEqual({ count: 3, file: out });
  });

  it('refuses another extension in Chinese and writes nothing', () => {
    const out = path.join(work.dir, 'list.csv');
    const r = cli(['--db', db, 'reconcile', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('只能保存为 .xlsx');
    expect(existsSync(out)).toBe(false);
  });
});
