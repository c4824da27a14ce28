// The 审限核对 list exported to .xlsx through the core, as the window and the command line call it, read back with
// exceljs and held cell by cell against cases.reconciliation: headers, dates as dates, the arithmetic one step a line,
// a cause that starts like a formula written as text; the reader's scope; the window's one-time fetch; the audit record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { freshCourtDb, record } from '../helpers/tempDb';
import { entry, zipBuffer } from '../helpers/hostileXlsx';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { importCasesFile } from '../../electron/core/cases/importCases';
import { exportsDir } from '../../electron/core/cases/exportHandlers';
import { EXPORT_NOTE_SHEET_NAME } from '../../electron/core/cases/caseListXlsx';
import { RECONCILIATION_COLUMNS, RECONCILIATION_NOTE, RECONCILIATION_SHEET_NAME } from '../../electron/core/cases/reconciliationXlsx';
import { PERMISSIONS, ROLES } from '../../shared/accounts/roles';
import type { CaseExportResult } from '../../shared/cases/exportApi';
import type { ReconciliationRow } from '../../shared/cases/reconciliation';

const TODAY = '2024-12-31';
const FORMULA = '=HYPERLINK("http://x","点我")';
const BATCH = path.resolve(__dirname, '..', 'fixtures', 'exchange', 'batch');
let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const sessions: Record<string, string> = {};

beforeAll(async () => {
  t = freshCourtDb();
  const zip = path.join(t.dir, '报送批次.zip');
  writeFileSync(zip, zipBuffer(readdirSync(BATCH).sort().map((name) => entry(name, readFileSync(path.join(BATCH, name))))));
  const s = await importCasesFile(t.db, t.store, zip, { actor: 'tester', today: TODAY, goodRowsOnly: false, createMissing: true, backup: false });
  expect(s.disagreements).toBe(3);
  // 203 moves to another division (the division head of 民一庭 no longer sees it); 201's cause starts like a formula.
  t.put([record({ caseNumber: '（2024）辽0421民初900号', division: '民二庭', judge: '孙法官' })], TODAY);
  t.db.prepare("UPDATE cases SET division_id = (SELECT division_id FROM cases WHERE case_number = '（2024）辽0421民初900号') WHERE case_number = '（2024）辽0421民初203号'").run();
  t.db.prepare("UPDATE cases SET cause = ? WHERE case_number = '（2024）辽0421民初201号'").run(FORMULA);
  const accounts = new AccountStore(t.db);
  accounts.create({ name: '审管办', roles: ['statistician'], division: null, password: 'pass-word-1', actor: 'tester' });
  accounts.create({ name: '张庭长', roles: ['division_head'], division: '民一庭', password: 'pass-word-1', actor: 'tester' });
  accounts.create({ name: '立案员', roles: ['clerk'], division: null, password: 'pass-word-1', actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
  for (const name of ['审管办', '张庭长', '立案员']) sessions[name] = ((await core.call('auth.signIn', { name, password: 'pass-word-1' })).session as { set: string }).set;
});
afterAll(() => {
  core?.close();
  t?.cleanup();
});

async function as<T>(who: string, method: string, args: unknown): Promise<T> {
  const r = await core.call(method, args, { session: sessions[who] });
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}

/** A text cell's text, whether exceljs read it as a string or as inline rich text; never a formula. */
function cellText(c: ExcelJS.Cell): string | null {
  if (c.type === ExcelJS.ValueType.Null) return null;
  expect([ExcelJS.ValueType.String, ExcelJS.ValueType.RichText], `${c.address} is text`).toContain(c.type);
  expect(c.formula, c.address).toBeUndefined();
  const v = c.value as string | { richText: Array<{ text: string }> };
  return typeof v === 'string' ? v : v.richText.map((r) => r.text).join('');
}

function expectDate(c: ExcelJS.Cell, iso: string | null, label: string): void {
  if (iso === null) return void expect(c.type, label).toBe(ExcelJS.ValueType.Null);
  expect(c.type, label).toBe(ExcelJS.ValueType.Date);
  expect(c.value, label).toEqual(new Date(`${iso}T00:00:00.000Z`));
  expect(c.numFmt, label).toBe('yyyy-mm-dd');
}

function expectNumber(c: ExcelJS.Cell, n: number | null, label: string): void {
  if (n === null) return void expect(c.type, label).toBe(ExcelJS.ValueType.Null);
  expect(c.type, label).toBe(ExcelJS.ValueType.Number);
  expect(c.value, label).toBe(n);
}

async function sheetOf(file: string): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { wb, ws: wb.getWorksheet(RECONCILIATION_SHEET_NAME)! };
}

function numbersOf(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push(cellText(row.getCell(1))!);
  });
  return out;
}

describe('export of the 审限核对 list to .xlsx', () => {
  it('writes the list cell by cell as cases.reconciliation answers it, with a 说明 sheet', async () => {
    const file = path.join(t.dir, '审限核对.xlsx');
    const res = await as<CaseExportResult>('审管办', 'cases.reconciliationExport', { file });
    const list = await as<ReconciliationRow[]>('审管办', 'cases.reconciliation', {});
    expect(res).toEqual({ count: 3, today: TODAY, file, token: null });
    const { wb, ws } = await sheetOf(file);
    const headers = ['案号', '案由', '承办部门', '承办法官', '立案日期', '结案日期', '来源审限届满日期', '来源法定审限天数', '本程序审限届满日期', '法定审限', '本程序审限天数', '相差天数', '本程序计算过程', '来源文件', '记录时间'];
    expect(RECONCILIATION_COLUMNS.map((c) => c.header)).toEqual(headers);
    headers.forEach((h, i) => {
      expect(cellText(ws.getRow(1).getCell(i + 1))).toBe(h);
      expect(ws.getRow(1).getCell(i + 1).font?.bold).toBe(true);
      expect(ws.getColumn(i + 1).width).toBeGreaterThan(5);
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.rowCount).toBe(list.length + 1);
    const col = (h: string) => headers.indexOf(h) + 1;
    list.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      const c = (h: string) => row.getCell(col(h));
      const label = r.caseNumber;
      expect(cellText(c('案号')), label).toBe(r.caseNumber);
      expect(cellText(c('案由')), label).toBe(r.cause);
      expect(cellText(c('承办部门')), label).toBe(r.division);
      expect(cellText(c('承办法官')), label).toBe(r.judge);
      expectDate(c('立案日期'), r.filedOn, `${label} 立案日期`);
      expectDate(c('结案日期'), r.closedOn, `${label} 结案日期`);
      expectDate(c('来源审限届满日期'), r.sourceDueOn, `${label} 来源审限届满日期`);
      expectNumber(c('来源法定审限天数'), r.sourceLimitDays, `${label} 来源法定审限天数`);
      expectDate(c('本程序审限届满日期'), r.dueOn, `${label} 本程序审限届满日期`);
      expect(cellText(c('法定审限')), label).toBe(r.limit);
      expectNumber(c('本程序审限天数'), r.limitDays, `${label} 本程序审限天数`);
      expectNumber(c('相差天数'), r.differenceDays, `${label} 相差天数`);
      expect(cellText(c('本程序计算过程')), label).toBe(r.steps.join('\n'));
      expect(c('本程序计算过程').alignment?.wrapText, label).toBe(true);
      expect(cellText(c('来源文件')), label).toBe(r.importFile);
      expect(c('记录时间').type, label).toBe(ExcelJS.ValueType.Date);
      const at = new Date(r.recordedAt);
      expect(c('记录时间').value, label).toEqual(new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes(), at.getSeconds())));
    });
    // The list's own order: the most days the source gives beyond the law first.
    expect(numbersOf(ws)).toEqual(['（2024）辽0421民初203号', '（2024）辽0421民初201号', '（2024）辽0421民初202号']);
    expect(cellText(ws.getRow(3).getCell(col('案由')))).toBe(FORMULA);

    const note = wb.getWorksheet(EXPORT_NOTE_SHEET_NAME)!;
    const noteText = note.getSheetValues().flat().map((v) => (v && typeof v === 'object' && 'richText' in v ? (v as { richText: Array<{ text: string }> }).richText.map((x) => x.text).join('') : String(v))).join('\n');
    for (const s of [RECONCILIATION_NOTE, '审管办', TODAY, '全院案件', '案件数']) expect(noteText).toContain(s);

    // No formula anywhere in the file: the cause is an inline string.
    const zip = await JSZip.loadAsync(readFileSync(file));
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/'))) {
      const xml = await zip.file(name)!.async('string');
      expect(xml, name).not.toMatch(/<f[ >]/);
    }
  });

  it("holds a division head's export to his division's cases, as his list on screen", async () => {
    const file = path.join(t.dir, '庭长.xlsx');
    const res = await as<CaseExportResult>('张庭长', 'cases.reconciliationExport', { file });
    const mine = await as<ReconciliationRow[]>('张庭长', 'cases.reconciliation', {});
    expect(mine.map((r) => r.caseNumber)).toEqual(['（2024）辽0421民初201号', '（2024）辽0421民初202号']);
    expect(res.count).toBe(2);
    expect(numbersOf((await sheetOf(file)).ws)).toEqual(mine.map((r) => r.caseNumber));
  });

  it('hands the window its file once, to the person who exported it, through the exports folder', async () => {
    const res = await as<CaseExportResult>('张庭长', 'cases.reconciliationExport', {});
    expect(res.file).toBeNull();
    expect(res.token).toMatch(/^[0-9a-f]{32}$/);
    expect(readdirSync(exportsDir(t.file))).toEqual([`${res.token}.xlsx`]);
    expect(await core.call('cases.exportFetch', { token: res.token }, { session: sessions['审管办'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const got = await as<{ base64: string; next: number; total: number }>('张庭长', 'cases.exportFetch', { token: res.token });
    expect(got.next).toBe(got.total);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(got.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet(RECONCILIATION_SHEET_NAME)!.rowCount).toBe(3);
    expect(readdirSync(exportsDir(t.file))).toEqual([]);
  });

  it('refuses a person without 审限核对 and a file that is not .xlsx, and writes nothing', async () => {
    const clerk = await core.call('cases.reconciliationExport', {}, { session: sessions['立案员'] });
    expect(clerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const csv = path.join(t.dir, 'list.csv');
    expect(await core.call('cases.reconciliationExport', { file: csv }, { session: sessions['审管办'] }))
      .toMatchObject({ ok: false, error: { code: 'BAD_ARGS', message: expect.stringContaining('.xlsx') } });
    expect(existsSync(csv)).toBe(false);
  });

  it('puts each export on the audit record: who and how many', () => {
    const db = new Database(t.file, { readonly: true });
    const rows = db.prepare("SELECT actor, after_json AS after FROM audit_log WHERE action = 'reconciliation.export' ORDER BY id").all() as Array<{ actor: string; after: string }>;
    db.close();
    expect(rows.map((r) => [r.actor, JSON.parse(r.after).count])).toEqual([['审管办', 3], ['张庭长', 2], ['张庭长', 2]]);
    expect(JSON.parse(rows[0].after).file).toMatch(/审限核对\.xlsx$/);
  });

  it('lets everyone who may export the list fetch the file: every role with reconciliation.view has cases.view', () => {
    for (const role of ROLES) if (PERMISSIONS[role].has('reconciliation.view')) expect(PERMISSIONS[role].has('cases.view'), role).toBe(true);
  });
});
