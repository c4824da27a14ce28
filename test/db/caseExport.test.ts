// A case list exported to .xlsx through the core, as the window and the command line call it, read back with exceljs
// and held cell by cell against cases.list: headers, dates as dates, money as numbers, the computed columns; text
// that starts like a formula written as text; the reader's scope and filter; the one-time fetch of the window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import type { CaseExportResult, CaseListResult, CaseListRow } from '../../shared/api/contract';
import { EXPORT_HEADERS, EXPORT_NOTE_SHEET_NAME, EXPORT_SHEET_NAME, PERSONAL_DATA_NOTE } from '../../electron/core/cases/caseListXlsx';
import { IMPORT_COLUMNS } from '../../shared/cases/importColumns';
import { exportsDir } from '../../electron/core/cases/exportHandlers';

const TODAY = '2025-06-30';
const FORMULAS = ['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\t=1+2'];
let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const sessions: Record<string, string> = {};

beforeAll(async () => {
  t = freshCourtDb();
  t.put([
    record({ caseNumber: '（2025）辽0421民初1号', filedOn: '2025-01-10', division: '民一庭', judge: '王法官', claimAmount: 12000.5, plaintiffs: FORMULAS, defendants: ['某某商贸有限公司'] }),
    record({ caseNumber: '（2025）辽0421民初2号', filedOn: '2025-01-11', division: '城关人民法庭', judge: '李法官', procedure: '简易程序' }),
    record({ caseNumber: '（2024）辽0421民初9号', filedOn: '2024-03-01', division: '民一庭', judge: '王法官', closedOn: '2024-12-20', closingMethod: '判决', appealed: true, appealOutcome: '维持', reviewed: true, precedentSearched: false }),
    record({ caseNumber: '（2024）辽0421民初10号', filedOn: '2024-06-01', division: '民一庭', judge: '王法官', deductedDays: 15, extendedDays: 30 }),
    // One case per formula-looking name, each the whole 原告 cell.
    ...FORMULAS.map((name, i) => record({ caseNumber: `（2025）辽0421民初${11 + i}号`, filedOn: '2025-03-01', division: '城关人民法庭', judge: '李法官', plaintiffs: [name] })),
    record({ caseNumber: '（2025）辽0421执1号', procedure: null, filedOn: '2025-02-01', division: '执行局', judge: '赵法官', originCaseNumber: '（2024）辽0421民初9号', enforcementClaim: 50000, enforcementRecovered: 1234.56 }),
  ], TODAY);
  const accounts = new AccountStore(t.db);
  accounts.create({ name: '立案员', roles: ['clerk'], division: null, password: 'pass-word-1', actor: 'tester' });
  accounts.create({ name: '王法官', roles: ['judge'], division: '民一庭', password: 'pass-word-1', actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
  for (const name of ['立案员', '王法官']) sessions[name] = ((await core.call('auth.signIn', { name, password: 'pass-word-1' })).session as { set: string }).set;
});
afterAll(() => {
  core.close();
  t.cleanup();
});

async function as<T>(who: string, method: string, args: unknown): Promise<T> {
  const r = await core.call(method, args, { session: sessions[who] });
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}

async function listAll(who: string, args: Record<string, unknown>): Promise<CaseListRow[]> {
  const rows: CaseListRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await as<CaseListResult>(who, 'cases.list', { ...args, offset, limit: 500 });
    rows.push(...page.rows);
    if (!page.hasMore) return rows;
  }
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A text cell's text, whether exceljs read it as a string or as inline rich text. */
function cellText(c: ExcelJS.Cell): string | null {
  if (c.type === ExcelJS.ValueType.Null) return null;
  expect([ExcelJS.ValueType.String, ExcelJS.ValueType.RichText], `${c.address} is text`).toContain(c.type);
  expect(c.formula, c.address).toBeUndefined();
  const v = c.value as string | { richText: Array<{ text: string }> };
  return typeof v === 'string' ? v : v.richText.map((r) => r.text).join('');
}

function utcDate(iso: string | null): Date | null {
  return iso === null ? null : new Date(`${iso}T00:00:00.000Z`);
}

describe('export of a case list to .xlsx', () => {
  it('writes the import columns in their order, then the computed ones, matching the list cell by cell', async () => {
    const file = path.join(t.dir, '案件列表.xlsx');
    const res = await as<CaseExportResult>('立案员', 'cases.exportXlsx', { sort: 'caseNumber_asc', file });
    const list = await listAll('立案员', { sort: 'caseNumber_asc' });
    expect(res).toEqual({ count: list.length, today: TODAY, file, token: null });
    expect(list.length).toBe(5 + FORMULAS.length);
    const wb = await readBack(file);
    const ws = wb.getWorksheet(EXPORT_SHEET_NAME)!;
    expect(ws.rowCount).toBe(list.length + 1);
    expect(EXPORT_HEADERS.slice(0, IMPORT_COLUMNS.length)).toEqual(IMPORT_COLUMNS.map((c) => c.header));
    expect(EXPORT_HEADERS.slice(IMPORT_COLUMNS.length)).toEqual(['审限届满日', '剩余审限天数', '审理天数', '是否超审限', '审限状态']);
    EXPORT_HEADERS.forEach((h, i) => {
      expect(cellText(ws.getRow(1).getCell(i + 1))).toBe(h);
      expect(ws.getRow(1).getCell(i + 1).font?.bold).toBe(true);
      expect(ws.getColumn(i + 1).width).toBeGreaterThan(5);
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const col = (h: string) => EXPORT_HEADERS.indexOf(h) + 1;

    for (let i = 0; i < list.length; i++) {
      const l = list[i];
      const d = await as<{ claimAmount: number | null; importedDeductedDays: number; importedExtendedDays: number; enforcementClaim: number | null; enforcementRecovered: number | null; appealed: boolean | null; reviewed: boolean | null; precedentSearched: boolean | null; originCaseNumber: string | null; appealOutcome: string | null }>('立案员', 'cases.get', { caseNumber: l.caseNumber });
      const row = ws.getRow(i + 2);
      const c = (h: string) => row.getCell(col(h));
      const label = l.caseNumber;
      expect(cellText(c('案号')), label).toBe(l.caseNumber);
      expect(cellText(c('案由')), label).toBe(l.cause);
      expect(cellText(c('审判程序')), label).toBe(l.procedure);
      for (const [h, v] of [['立案日期', l.filedOn], ['结案日期', l.closedOn], ['审限届满日', l.dueOn]] as const) {
        if (v === null) expect(c(h).type, `${label} ${h}`).toBe(ExcelJS.ValueType.Null);
        else {
          expect(c(h).type, `${label} ${h}`).toBe(ExcelJS.ValueType.Date);
          expect(c(h).value, `${label} ${h}`).toEqual(utcDate(v));
          expect(c(h).numFmt, `${label} ${h}`).toBe('yyyy-mm-dd');
        }
      }
      expect(cellText(c('承办部门')), label).toBe(l.division);
      expect(cellText(c('承办法官')), label).toBe(l.judge);
      expect(cellText(c('结案方式')), label).toBe(l.closingMethod);
      for (const [h, v] of [['标的额（元）', d.claimAmount], ['申请执行标的额（元）', d.enforcementClaim], ['执行到位金额（元）', d.enforcementRecovered]] as const) {
        if (v === null) expect(c(h).type, `${label} ${h}`).toBe(ExcelJS.ValueType.Null);
        else {
          expect(c(h).type, `${label} ${h}`).toBe(ExcelJS.ValueType.Number);
          expect(c(h).value, `${label} ${h}`).toBe(v);
        }
      }
      expect(cellText(c('原告')), label).toBe(l.plaintiffs.join('、') || null);
      expect(cellText(c('被告')), label).toBe(l.defendants.join('、') || null);
      expect(c('扣除审限天数').value, label).toBe(d.importedDeductedDays);
      expect(c('延长审限天数').value, label).toBe(d.importedExtendedDays);
      const yn = (v: boolean | null) => (v === null ? null : v ? '是' : '否');
      expect(cellText(c('是否上诉')), label).toBe(yn(d.appealed));
      expect(cellText(c('二审结果')), label).toBe(d.appealOutcome);
      expect(cellText(c('原审案号')), label).toBe(d.originCaseNumber);
      expect(cellText(c('是否阅核')), label).toBe(yn(d.reviewed));
      expect(cellText(c('是否检索类案')), label).toBe(yn(d.precedentSearched));
      if (l.daysRemaining === null) expect(c('剩余审限天数').type, label).toBe(ExcelJS.ValueType.Null);
      else expect(c('剩余审限天数').value, label).toBe(l.daysRemaining);
      expect(c('审理天数').type, label).toBe(ExcelJS.ValueType.Number);
      expect(cellText(c('是否超审限')), label).toBe(l.status === 'no_limit' ? null : l.status === 'overdue' || l.status === 'closed_overdue' ? '是' : '否');
      expect(cellText(c('审限状态')), label).toBeTruthy();
    }
    // Some open cases are overdue by now: their days remaining are negative and they say 是.
    const overdue = list.filter((l) => l.status === 'overdue');
    expect(overdue.length).toBeGreaterThan(0);
    const r = ws.getRow(list.indexOf(overdue[0]) + 2);
    expect(r.getCell(col('剩余审限天数')).value as number).toBeLessThan(0);
    expect(cellText(r.getCell(col('审限状态')))).toBe('已超审限');
    // The closed case: filing to closing, 294 days.
    const closed = ws.getRow(list.findIndex((l) => l.caseNumber === '（2024）辽0421民初9号') + 2);
    expect(closed.getCell(col('审理天数')).value).toBe(294);

    const note = wb.getWorksheet(EXPORT_NOTE_SHEET_NAME)!;
    const noteText = note.getSheetValues().flat().map((v) => (v && typeof v === 'object' && 'richText' in v ? (v as { richText: Array<{ text: string }> }).richText.map((x) => x.text).join('') : String(v))).join('\n');
    expect(noteText).toContain(PERSONAL_DATA_NOTE);
    expect(noteText).toContain('立案员');
  });

  it('writes party names that start like a formula as text: no formula in any cell of the file', async () => {
    const file = path.join(t.dir, 'formulas.xlsx');
    await as('立案员', 'cases.exportXlsx', { search: '（2025）辽0421民初1号', file });
    const ws = (await readBack(file)).getWorksheet(EXPORT_SHEET_NAME)!;
    expect(ws.rowCount).toBe(2);
    expect(cellText(ws.getRow(2).getCell(EXPORT_HEADERS.indexOf('原告') + 1))).toBe(FORMULAS.join('、'));
    // Each name alone as the whole cell, too.
    const all = path.join(t.dir, 'formulas-all.xlsx');
    await as('立案员', 'cases.exportXlsx', { file: all });
    const allWs = (await readBack(all)).getWorksheet(EXPORT_SHEET_NAME)!;
    const plaintiffCells: Array<string | null> = [];
    allWs.eachRow((row, n) => {
      if (n > 1) plaintiffCells.push(cellText(row.getCell(EXPORT_HEADERS.indexOf('原告') + 1)));
    });
    for (const name of FORMULAS) expect(plaintiffCells, JSON.stringify(name)).toContain(name);
    const zip = await JSZip.loadAsync(readFileSync(file));
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/'))) {
      const xml = await zip.file(name)!.async('string');
      expect(xml, name).not.toMatch(/<f[ >]/);
      expect(xml, name).not.toMatch(/t="str"/);
    }
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toContain('t="inlineStr"><is><r><t>=HYPERLINK(&quot;x&quot;)');
  });

  it("holds a judge's export to his own cases, and the filter to the list's", async () => {
    const file = path.join(t.dir, 'judge.xlsx');
    const res = await as<CaseExportResult>('王法官', 'cases.exportXlsx', { file });
    const mine = await listAll('王法官', {});
    expect(res.count).toBe(mine.length);
    expect(mine.every((r) => r.judge === '王法官')).toBe(true);
    const ws = (await readBack(file)).getWorksheet(EXPORT_SHEET_NAME)!;
    const numbers: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) numbers.push(cellText(row.getCell(1))!);
    });
    expect(numbers).toEqual(mine.map((r) => r.caseNumber));
    expect(numbers.length).toBe(3);

    const open = await as<CaseExportResult>('王法官', 'cases.exportXlsx', { status: 'open', file: path.join(t.dir, 'judge-open.xlsx') });
    expect(open.count).toBe((await listAll('王法官', { status: 'open' })).length);
    expect(open.count).toBe(2);
  });

  it('hands the window its file once, to the person who exported it, through the exports folder', async () => {
    const res = await as<CaseExportResult>('立案员', 'cases.exportXlsx', { status: 'open', title: '案件列表' });
    expect(res.file).toBeNull();
    expect(res.token).toMatch(/^[0-9a-f]{32}$/);
    expect(readdirSync(exportsDir(t.file))).toEqual([`${res.token}.xlsx`]);
    const other = await core.call('cases.exportFetch', { token: res.token }, { session: sessions['王法官'] });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const got = await as<{ base64: string; next: number; total: number }>('立案员', 'cases.exportFetch', { token: res.token });
    expect(got.next).toBe(got.total);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(got.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet(EXPORT_SHEET_NAME)!.rowCount).toBe(res.count + 1);
    expect(readdirSync(exportsDir(t.file))).toEqual([]);
    const again = await core.call('cases.exportFetch', { token: res.token }, { session: sessions['立案员'] });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '导出文件已经取走或已过期，请重新导出' } });
  });

  it('refuses a file that is not .xlsx, in Chinese, and writes nothing', async () => {
    const file = path.join(t.dir, 'list.csv');
    const r = await core.call('cases.exportXlsx', { file }, { session: sessions['立案员'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_ARGS', message: expect.stringContaining('.xlsx') } });
    expect(existsSync(file)).toBe(false);
  });

  it('writes a file the import reads back unchanged: the computed columns are reported once and ignored', async () => {
    const file = path.join(t.dir, 'roundtrip.xlsx');
    const res = await as<CaseExportResult>('立案员', 'cases.exportXlsx', { file });
    const summary = await as<{ rows: number; inserted: number; updated: number; unchanged: number; rejected: number; unknownColumns: string[] }>('立案员', 'cases.import', { file });
    // Only the names this test stored with a leading tab (bypassing the checks) change: the import trims a name's
    // ends as the window does. Every other cell, dates and amounts included, reads back as it was.
    const db = new Database(t.file, { readonly: true });
    const updates = db.prepare("SELECT entity_key AS caseNumber, before_json AS before, after_json AS after FROM audit_log WHERE action = 'case.update'").all() as Array<{ caseNumber: string; before: string; after: string }>;
    db.close();
    expect(summary).toMatchObject({ rows: res.count, inserted: 0, updated: 2, unchanged: res.count - 2, rejected: 0 });
    for (const u of updates) {
      const before = JSON.parse(u.before) as { plaintiffs: string[] };
      expect(JSON.parse(u.after), u.caseNumber).toEqual({ ...before, plaintiffs: before.plaintiffs.map((p) => p.trim()) });
    }
    expect(updates.map((u) => u.caseNumber).sort()).toEqual(['（2025）辽0421民初15号', '（2025）辽0421民初1号'].sort());
    expect(summary.unknownColumns).toEqual(['审限届满日', '剩余审限天数', '审理天数', '是否超审限', '审限状态']);
  });

  it('puts each export on the audit record: who, how many, which list', async () => {
    const db = new Database(t.file, { readonly: true });
    const rows = db.prepare("SELECT actor, after_json AS after FROM audit_log WHERE action = 'cases.export' ORDER BY id").all() as Array<{ actor: string; after: string }>;
    db.close();
    expect(rows.map((r) => r.actor)).toContain('王法官');
    const judge = rows.find((r) => r.actor === '王法官' && JSON.parse(r.after).filter.status === 'open')!;
    expect(JSON.parse(judge.after)).toMatchObject({ count: 2, sort: 'filedOn_desc' });
  });
});
