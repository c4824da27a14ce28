// The printed reports through the core on a real database: 周通报 and 月度分析 as PDF (its text read back with pdftotext)
// and .xlsx (read back with exceljs) hold the same figures as indicators.compute, in name order, with no rank anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import type { FlaggedIndicatorsResult } from '../../shared/indicators/api';
import type { ReportFile } from '../../shared/reports/api';
import { WEEKLY_IDS } from '../../shared/indicators/weekly';
import { numberText } from '../../shared/indicators/figures';
import { effectiveRanges } from '../../shared/indicators/ranges';
import { JobCancelled, type JobControl } from '../../electron/core/jobs/job';
import { buildReport } from '../../electron/core/reports/reportJob';
import BetterSqlite3 from 'better-sqlite3';
import { REPORT_RANK } from '../helpers/noRank';

const PASSWORD = 'right-pass-1';
const TODAY = '2024-03-20';
/** 2024-03-11 is a Monday: the week 03-11 … 03-17, the week before 03-04 … 03-10. */
const WEEK = { from: '2024-03-11', to: '2024-03-17' };
/** Anything a ranking would print: 排名, 名次, 第N名, 排序第. */

let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const sessions: Record<string, string> = {};

beforeAll(async () => {
  t = freshCourtDb();
  let n = 0;
  const c = (division: string, judge: string, filedOn: string, closedOn?: string) =>
    record({ caseNumber: `（${filedOn.slice(0, 4)}）辽0421民初${++n}号`, division, judge, filedOn, ...(closedOn ? { closedOn, closingMethod: '判决' } : {}) });
  t.put([
    c('民一庭', '王法官', '2023-03-01', '2023-03-20'),
    c('民一庭', '王法官', '2024-01-05', '2024-03-12'),
    c('民一庭', '王法官', '2024-03-11', '2024-03-15'),
    c('民一庭', '周法官', '2024-03-12'),
    c('民一庭', '周法官', '2023-01-05', '2024-03-05'),
    c('民二庭', '李法官', '2024-03-13'),
    c('民二庭', '李法官', '2024-03-14'),
    c('民二庭', '李法官', '2023-06-01', '2024-03-16'),
    c('刑庭', '赵法官', '2024-02-01', '2024-03-06'),
    c('刑庭', '赵法官', '2024-03-04'),
  ], TODAY);
  const accounts = new AccountStore(t.db);
  accounts.create({ name: '院长甲', roles: ['president'], division: null, password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '庭长乙', roles: ['division_head'], division: '民二庭', password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '书记员丙', roles: ['clerk'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY });
  for (const name of ['院长甲', '庭长乙', '书记员丙']) {
    const r = await core.call('auth.signIn', { name, password: PASSWORD });
    sessions[name] = (r.session as { set: string }).set;
  }
});
afterAll(() => {
  core?.close();
  t?.cleanup();
});

async function call<T>(method: string, args: unknown, who = '院长甲'): Promise<T> {
  const r = await core.call(method, args, { session: sessions[who] });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** Kept under test-results/reports, its first pages as PNG beside the screenshots, to be looked at. */
function save(r: ReportFile, name: string, pages = 1): string {
  const dir = path.join('test-results', 'reports');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(r.base64, 'base64'));
  const shots = path.join('test-results', 'screenshots');
  mkdirSync(shots, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(pages), file, path.join(shots, name.replace(/\.pdf$/, '-page'))]);
  return file;
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
/** The text without spaces and line breaks, for phrases that a table cell wraps. */
const flat = (s: string) => s.replace(/\s+/g, '');

async function xlsxCells(base64: string): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        const v = cell.value as unknown;
        cells[Number(cell.col) - 1] = v && typeof v === 'object' && 'richText' in v ? (v as { richText: Array<{ text: string }> }).richText.map((x) => x.text).join('') : v;
      });
      rows.push(cells);
    });
    sheets.set(ws.name, rows);
  });
  return sheets;
}

describe('周通报', () => {
  it('as PDF: the court, the title, the week, every division and judge with its figures, marks in words; no rank', async () => {
    const r = await call<ReportFile>('reports.build', { kind: 'weekly', date: '2024-03-13', format: 'pdf' });
    expect(r).toMatchObject({ from: WEEK.from, to: WEEK.to, fileName: `审判质效周通报-${WEEK.from}至${WEEK.to}.pdf` });
    const file = save(r, 'report-weekly.pdf', 3);
    const text = pdfText(file);
    expect(text).toContain('测试县人民法院');
    expect(text).toContain('审判质效周通报');
    expect(text).toContain('2024年3月11日至2024年3月17日');
    expect(text).toMatch(/制表单位：测试县人民法院/);
    expect(text).toContain(`制表日期：${TODAY}`);
    const compute = await call<FlaggedIndicatorsResult>('indicators.compute', { ...WEEK, by: 'division' });
    for (const g of compute.groups!) {
      expect(text).toContain(g.name);
      // Each division's row holds its figures as the dashboard writes them.
      const line = text.split('\n').find((l) => l.trim().startsWith(g.name))!;
      expect(line, g.name).toBeTruthy();
      for (const id of ['received', 'resolved'] as const) expect(line).toContain(numberText(id, g.values[id].value));
    }
    for (const judge of ['王法官', '周法官', '李法官', '赵法官']) expect(text).toContain(judge);
    // 结收比 of the court 3/4 = 75% < 100%: below its range, said in words and a symbol that survive grey print.
    expect(compute.total.clearanceRate.value).toBe(75);
    expect(text).toContain('75.0%');
    expect(flat(text)).toContain(flat('▼ 低于区间（不利）：低于合理区间下限 100.0%（越高越好）'));
    expect(text).not.toMatch(REPORT_RANK);
    // Divisions in name order (pinyin: 民二庭 before 民一庭 before 刑庭), not by any figure.
    const order = ['民二庭', '民一庭', '刑庭'].map((name) => text.indexOf(`\n${text.split('\n').find((l) => l.trim().startsWith(name))}`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('as .xlsx: one sheet per table, numbers as numbers (rates as percent cells), frozen headers, equal to indicators.compute', async () => {
    const r = await call<ReportFile>('reports.build', { kind: 'weekly', date: '2024-03-17', format: 'xlsx' });
    expect(r.fileName).toBe(`审判质效周通报-${WEEK.from}至${WEEK.to}.xlsx`);
    const sheets = await xlsxCells(r.base64);
    expect([...sheets.keys()]).toEqual(['全院主要指标', '各部门', '各承办法官', '说明']);
    for (const [sheet, by] of [['各部门', 'division'], ['各承办法官', 'judge']] as const) {
      const compute = await call<FlaggedIndicatorsResult>('indicators.compute', { ...WEEK, by });
      const rows = sheets.get(sheet)!;
      const names = rows.slice(1).map((row) => row[0]);
      expect(names).toEqual([...compute.groups!.map((g) => g.name).sort(new Intl.Collator('zh-CN-u-co-pinyin').compare), '全院', '中位数']);
      for (const g of compute.groups!) {
        const row = rows.find((x) => x[0] === g.name)!;
        WEEKLY_IDS.forEach((id, i) => {
          const v = g.values[id].value;
          const expected = v === null ? null : id === 'clearanceRate' || id === 'onTimeRate' ? Math.round(v * 10) / 1000 : v;
          expect(row[1 + i * 3] ?? null, `${sheet} ${g.name} ${id}`).toBe(expected);
        });
      }
    }
    for (const rows of sheets.values()) for (const row of rows) for (const c of row) if (typeof c === 'string') expect(c).not.toMatch(REPORT_RANK);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('各部门')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rate = ws.getRow(2).getCell(1 + 2 * 3 + 1);
    expect(typeof rate.value).toBe('number');
    expect(rate.numFmt).toBe('0.0%');
  });

  it('a division head’s report covers his division only, and the export is on the audit record', async () => {
    const r = await call<ReportFile>('reports.build', { kind: 'weekly', date: '2024-03-13', format: 'xlsx' }, '庭长乙');
    const sheets = await xlsxCells(r.base64);
    expect(sheets.get('各部门')!.slice(1).map((row) => row[0])).toEqual(['民二庭', '本部门', '中位数']);
    // One division in his scope: no divisions' median (it was his own figure again), the cells left empty, the PDF says why.
    const divisions = sheets.get('各部门')!;
    expect(divisions.at(-1)!.slice(1).filter((v) => v !== null && v !== undefined && v !== '')).toEqual([]);
    const head = sheets.get('本部门主要指标')!;
    expect(head[0][3]).toBe('各部门中位数');
    expect(head.slice(1).map((row) => row[3] ?? null).filter((v) => v !== null && v !== '')).toEqual([]);
    expect(sheets.get('各承办法官')!.slice(1).map((row) => row[0])).toEqual(['李法官', '本部门', '中位数']);
    const audit = core.db.prepare("SELECT actor, after_json FROM audit_log WHERE action = 'reports.export' ORDER BY id").all() as Array<{ actor: string; after_json: string }>;
    expect(audit.at(-1)!.actor).toBe('庭长乙');
    expect(JSON.parse(audit.at(-1)!.after_json)).toMatchObject({ kind: 'weekly', format: 'xlsx', from: WEEK.from, to: WEEK.to, scope: 'division' });
    // The court's bulletin keeps its median over the two divisions.
    const court = pdfText(save(await call<ReportFile>('reports.build', { kind: 'weekly', date: '2024-03-13', format: 'pdf' }), 'report-weekly-court.pdf', 1));
    expect(court.replace(/\s+/g, '')).not.toContain('不计算各部门中位数');
    const pdf = pdfText(save(await call<ReportFile>('reports.build', { kind: 'weekly', date: '2024-03-13', format: 'pdf' }, '庭长乙'), 'report-weekly-head.pdf', 1));
    expect(pdf.replace(/\s+/g, '')).toContain('不计算各部门中位数');
  });

  it('refuses a week not yet begun, a bad date or format, and a clerk, in Chinese; nothing is written to the audit log', async () => {
    const before = core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'reports.export'").pluck().get();
    const future = await core.call('reports.build', { kind: 'weekly', date: '2024-04-01', format: 'pdf' }, { session: sessions['院长甲'] });
    expect(future, JSON.stringify(future)).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect(!future.ok && future.error.message).toContain('尚未开始');
    // 2024-03-20 is a Wednesday: its week (03-18 to 03-24) is not over, and its figures would still change.
    const running = await core.call('reports.build', { kind: 'weekly', date: '2024-03-18', format: 'pdf' }, { session: sessions['院长甲'] });
    expect(running, JSON.stringify(running)).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect(!running.ok && running.error.message).toBe('2024-03-18 所在的一周（2024-03-18 至 2024-03-24）尚未结束，数据还会变化；最近一个完整的周是 2024-03-11 至 2024-03-17');
    const bad = await core.call('reports.build', { kind: 'weekly', date: '2024-02-30', format: 'pdf' }, { session: sessions['院长甲'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    const fmt = await core.call('reports.build', { kind: 'weekly', date: '2024-03-01', format: 'docx' }, { session: sessions['院长甲'] });
    expect(!fmt.ok && fmt.error.message).toContain('pdf 或 xlsx');
    const clerk = await core.call('reports.build', { kind: 'weekly', date: '2024-03-01', format: 'pdf' }, { session: sessions['书记员丙'] });
    expect(clerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'reports.export'").pluck().get()).toBe(before);
  });
});

describe('月度分析', () => {
  it('as PDF: the month against last year, the year to date, the trend charts, out-of-range indicators with their cases, each division', async () => {
    const r = await call<ReportFile>('reports.build', { kind: 'monthly', date: '2024-03-05', format: 'pdf' });
    // March is still running on 2024-03-20: it is cut at today, and said so.
    expect(r).toMatchObject({ from: '2024-03-01', to: TODAY, fileName: '审判质效月度分析-2024-03.pdf' });
    const file = save(r, 'report-monthly.pdf', 3);
    const text = pdfText(file);
    for (const s of ['审判质效月度分析', '2024年3月', '本月尚未结束', '一、本月与去年同月', '二、近12个月走势', '三、超出合理区间的指标', '四、各部门本月情况', '去年同月', '本年累计']) expect(text).toContain(s);
    const month = await call<FlaggedIndicatorsResult>('indicators.compute', { from: '2024-03-01', to: TODAY, by: 'division' });
    // 法定审限内结案率 3/5 = 60% < 95%: out of range, with the cases it is made of.
    expect(month.total.onTimeRate).toMatchObject({ value: 60, numerator: 3, denominator: 5, status: 'below' });
    expect(flat(text)).toContain(flat('法定审限内结案率：60.0%，▼ 低于区间（不利）：低于合理区间下限 95.0%（越高越好）。构成：分子 3，分母 5。'));
    for (const g of month.groups!) expect(text).toContain(g.name);
    expect(text).not.toMatch(REPORT_RANK);
  });

  it('as .xlsx: the comparison, twelve months of trend, out-of-range rows with numerator and denominator, divisions', async () => {
    const r = await call<ReportFile>('reports.build', { kind: 'monthly', date: '2024-03-05', format: 'xlsx' });
    const sheets = await xlsxCells(r.base64);
    expect([...sheets.keys()]).toEqual(['同比', '近12个月走势', '超出合理区间', '各部门', '说明']);
    const month = await call<FlaggedIndicatorsResult>('indicators.compute', { from: '2024-03-01', to: TODAY, by: 'division' });
    const cmp = sheets.get('同比')!;
    expect(cmp.find((row) => row[0] === '新收案件数')![1]).toBe(month.total.received.value);
    expect(cmp.find((row) => row[0] === '结收比')![1]).toBe(Math.round(month.total.clearanceRate.value! * 10) / 1000);
    expect(sheets.get('近12个月走势')!.slice(1).map((row) => row[0])).toEqual(['2023年4月', '2023年5月', '2023年6月', '2023年7月', '2023年8月', '2023年9月', '2023年10月', '2023年11月', '2023年12月', '2024年1月', '2024年2月', '2024年3月']);
    const out = sheets.get('超出合理区间')!.find((row) => row[0] === '法定审限内结案率' && row[1] === '全院')!;
    expect(out.slice(2, 5)).toEqual([0.6, 3, 5]);
    const divisions = sheets.get('各部门')!;
    expect(divisions.slice(1).map((row) => row[0])).toEqual([...month.groups!.map((g) => g.name), '全院']);
    for (const rows of sheets.values()) for (const row of rows) for (const c of row) if (typeof c === 'string') expect(c).not.toMatch(REPORT_RANK);
  });
  it('a division head’s monthly report names its total row 本部门, never 全院 (his figures are not the court’s)', async () => {
    const x = await xlsxCells((await call<ReportFile>('reports.build', { kind: 'monthly', date: '2024-03-05', format: 'xlsx' }, '庭长乙')).base64);
    const divisions = x.get('各部门')!;
    expect(divisions[0][3]).toBe('占本部门结案');
    expect(divisions.slice(1).map((row) => row[0])).toEqual(['民二庭', '本部门']);
    for (const [name, rows] of x) for (const row of rows) for (const c of row) if (typeof c === 'string') expect(c, name).not.toContain('全院');
    const file = save(await call<ReportFile>('reports.build', { kind: 'monthly', date: '2024-03-05', format: 'pdf' }, '庭长乙'), 'report-monthly-division.pdf');
    const text = pdfText(file);
    expect(flat(text)).toContain('占本部门结案');
    expect(text).not.toContain('全院');
  });
});

describe('dates a court cannot hold', () => {
  it('a date before 1900 is refused at once, naming the date, for both reports (year 1 once made the monthly one spin)', async () => {
    for (const kind of ['weekly', 'monthly'] as const) {
      for (const date of ['0001-01-01', '1899-12-31']) {
        const started = Date.now();
        const r = await core.call('reports.build', { kind, date, format: 'xlsx' }, { session: sessions['院长甲'] });
        expect(r, `${kind} ${date}`).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
        expect(!r.ok && r.error.message).toContain('1900');
        expect(Date.now() - started).toBeLessThan(2000);
      }
    }
  }, 20_000);
});

describe('the job', () => {
  it('reports its progress and stops at a cancel request between its computations', async () => {
    const db = new BetterSqlite3(t.file, { readonly: true });
    try {
      const params = { kind: 'monthly', date: '2024-03-01', format: 'pdf', today: TODAY, scope: { kind: 'all' }, ranges: effectiveRanges({}), courtName: '测试县人民法院' } as const;
      const seen: Array<[number, number | null | undefined]> = [];
      const watch: JobControl = { progress: (done, total) => void seen.push([done, total]), checkCancelled: () => {}, noLongerCancellable: () => {} };
      const built = await buildReport(db, params, watch);
      expect(built.fileName).toBe('审判质效月度分析-2024-03.pdf');
      expect(seen[0]).toEqual([0, 16]);
      expect(seen.at(-1)![0]).toBe(16);
      let checks = 0;
      const cancel: JobControl = { ...watch, checkCancelled: () => {
        if (++checks === 3) throw new JobCancelled();
      } };
      await expect(buildReport(db, params, cancel)).rejects.toThrow(JobCancelled);
      expect(checks).toBe(3);
    } finally {
      db.close();
    }
  });
});
