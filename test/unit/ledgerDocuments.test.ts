// The 台账 documents from hand-built ledgers: the .xlsx read back with exceljs (every measure row, statuses in words, figures, merged weak points, the flat sheet) and the PDF's text extracted with pdftotext (landscape, repeated header, page numbers, a 1000-character measure whole, an empty ledger said so).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ledgerPdf } from '../../electron/core/ledger/documents/ledgerPdf';
import { newPdf } from '../../electron/core/print/pdfDocument';
import { wrapLines } from '../../electron/core/print/pdfTable';
import { FLAT_HEADERS, FLAT_SHEET, LEDGER_HEADER_ROW, LEDGER_SHEET, ledgerXlsx } from '../../electron/core/ledger/documents/ledgerXlsx';
import { chineseNumber, EMPTY_LEDGER, LEDGER_HEADERS, NO_MEASURE } from '../../electron/core/ledger/documents/ledgerTable';
import { ledgerView, measure, progress, sampleLedger, weakPoint } from '../helpers/ledgerViews';

const COURT = '辽宁省抚顺县人民法院';
const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text, and its page count, through poppler's pdftotext and pdfinfo. */
function pdfText(bytes: Buffer, name: string): { text: string; pages: number; size: string } {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return {
    // -raw keeps the order the text was drawn in: cell by cell, so each cell's wrapped lines stay together.
    text: execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }),
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    size: /Page size:\s+([\d.]+ x [\d.]+)/.exec(info)?.[1] ?? '',
  };
}
/** Without spaces and line breaks: a wrapped cell's text reads as one string. */
const flat = (s: string) => s.replace(/\s+/g, '');

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
const rowsOf = (ws: ExcelJS.Worksheet): string[][] => {
  const out: string[][] = [];
  ws.eachRow((row, n) => (out[n - 1] = Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).text)));
  return out;
};

describe('the 台账 as .xlsx', () => {
  it('lists every measure under its weak point with statuses in words, owners, dates, progress and the figures then and now', async () => {
    const view = sampleLedger();
    const wb = await workbook(await ledgerXlsx(view, COURT));
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    const rows = rowsOf(ws);
    expect(rows[0][0]).toBe(`${COURT}脱薄工作台账`);
    expect(rows[1][0]).toContain('制表日期：2026-12-05');
    expect(rows[1][0]).toContain('逾期 1');
    expect(rows[LEDGER_HEADER_ROW - 1]).toEqual([...LEDGER_HEADERS]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: LEDGER_HEADER_ROW });
    expect(ws.getColumn(5).width).toBeGreaterThan(30);
    expect(ws.pageSetup.orientation).toBe('landscape');
    const body = rows.slice(LEDGER_HEADER_ROW, LEDGER_HEADER_ROW + 5);
    expect(body.map((r) => r[0])).toEqual(['1', '2', '3', '4', '']);
    const [a, b, c, d, e] = body;
    expect(a[1]).toContain('薄弱点一：薄弱点1：长期未结案件偏多');
    expect(a[1]).toContain('中院发现，2026-08-15');
    expect(a[2]).toBe('超12个月未结案件比 ≤ 2.00%，2027-06-30 前');
    expect(a.slice(3, 9)).toEqual(['整改措施', '建立长期未结案件台账，逐案明确结案期限', '李副院长', '王庭长', '民一庭', '2026-09-01\n至 2026-12-15']);
    // The newest three entries with their dates, and a word about the older one.
    expect(a[9].split('\n')).toEqual(['2026-12-01 剩余 16 件列入院长督办', '2026-11-10 已结 21 件（佐证材料 1 件）', '2026-10-10 召开专项推进会，逐案落实承办法官', '（另有较早记录 1 条）']);
    expect(a[10]).toBe('推进中（10 天内到期）');
    expect(a[11]).toBe('超12个月未结案件比：3.41% → 2.35%，未达标');
    expect(b[10]).toBe('逾期（超期 5 天）');
    expect(b[9]).toBe('尚无进展记录');
    expect([b[5], b[6]]).toEqual(['赵院长', '孙法官']);
    expect(c[3]).toBe('帮扶措施（中院回传）');
    expect(c[8]).toContain('完成于 2026-11-12');
    expect(c[10]).toBe('已完成（逾期完成）');
    expect(c[11]).toBe('法定审限内结案率：88.20% → 96.10%，已达标');
    expect(d[10]).toBe('未开始');
    // The weak point with no measure keeps its row; its figure before has no measure to date from.
    expect(e[1]).toContain('薄弱点三：结收比偏低');
    expect(e[4]).toBe(NO_MEASURE);
    expect(e[11]).toBe('结收比：— → 1 : 0.93，未达标');
    // A weak point's cells span its measures' rows.
    const top = LEDGER_HEADER_ROW + 1;
    expect(ws.getCell(top + 1, 2).isMerged).toBe(true);
    expect(ws.getCell(top + 1, 2).master.address).toBe(ws.getCell(top, 2).address);
    expect(ws.getCell(top + 3, 12).master.address).toBe(ws.getCell(top + 2, 12).address);
    expect(ws.getCell(top, 5).alignment?.wrapText).toBe(true);
  });

  it('has a flat sheet, one row per measure with real dates and every progress entry, filterable', async () => {
    const view = sampleLedger();
    const wb = await workbook(await ledgerXlsx(view, COURT));
    const ws = wb.getWorksheet(FLAT_SHEET)!;
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual([...FLAT_HEADERS]);
    expect(rows).toHaveLength(1 + view.measures.length);
    expect(ws.autoFilter).toBeTruthy();
    const col = (h: (typeof FLAT_HEADERS)[number]) => FLAT_HEADERS.indexOf(h);
    expect(rows.slice(1).map((r) => r[col('状态')])).toEqual(['推进中', '逾期', '已完成', '未开始']);
    expect(rows.slice(1).map((r) => r[col('是否逾期完成')])).toEqual(['否', '否', '是', '否']);
    expect(ws.getRow(2).getCell(col('截止日期') + 1).value).toEqual(new Date(Date.UTC(2026, 11, 15)));
    expect(rows[1][col('进展记录数')]).toBe('4');
    expect(rows[1][col('进展情况（全部，新的在前）')].split('\n')).toHaveLength(4);
    expect(rows[1][col('进展情况（全部，新的在前）')]).toContain('2026-09-10 完成全院超12个月未结案件排查，共 37 件');
    expect(rows[3][col('指标（措施前 → 现在）')]).toBe('法定审限内结案率：88.20% → 96.10%，已达标');
  });

  it('says so when the ledger is empty, and keeps a formula-like text as text', async () => {
    const empty = await workbook(await ledgerXlsx(ledgerView([], []), ''));
    const rows = rowsOf(empty.getWorksheet(LEDGER_SHEET)!);
    expect(rows[0][0]).toBe('本院脱薄工作台账');
    expect(rows[LEDGER_HEADER_ROW][0]).toBe(EMPTY_LEDGER);
    expect(rowsOf(empty.getWorksheet(FLAT_SHEET)!)).toHaveLength(1);
    const tricky = ledgerView([weakPoint(1, [1])], [measure(1, [1], 'inProgress', { text: '=HYPERLINK("http://x","点击")' })]);
    const cell = (await workbook(await ledgerXlsx(tricky, COURT))).getWorksheet(LEDGER_SHEET)!.getCell(LEDGER_HEADER_ROW + 1, 5);
    expect(cell.formula).toBeUndefined();
    expect(cell.text).toBe('=HYPERLINK("http://x","点击")');
  });
});

describe('the 台账 as PDF', () => {
  it('prints weak points, measures, owners, deadlines, progress, statuses and the figures on landscape A4', async () => {
    const pdf = pdfText(await ledgerPdf(sampleLedger(), COURT), 'sample.pdf');
    expect(pdf.size).toBe('841.89 x 595.28');
    const t = flat(pdf.text);
    for (const s of [
      `${COURT}脱薄工作台账`, '制表日期：2026-12-05', ...LEDGER_HEADERS.map(flat), '薄弱点一', '长期未结案件偏多', '中院发现，2026-08-15',
      '建立长期未结案件台账，逐案明确结案期限', '李副院长', '王庭长', '孙法官', '中院周法官', '2026-12-15', '2026-12-01剩余16件列入院长督办',
      '逾期（超期5天）', '已完成（逾期完成）', '未开始', '推进中（10天内到期）', '3.41%→2.35%', '88.20%→96.10%，已达标', '薄弱点三', flat(NO_MEASURE), '同上（薄弱点一）', '第1页共1页',
    ]) expect(t, s).toContain(s);
  });

  it('wraps a 1000-character measure and many entries across pages without losing text, the header row on every page', async () => {
    // Characters no other text of the document uses, so the measure can be picked out of pages that interleave it with other cells.
    const ALPHABET = '甲乙丙丁戊己庚辛';
    const long = Array.from({ length: 1000 }, (_, i) => ALPHABET[i % 8]).join('');
    const marked = `${long.slice(0, 996)}壬癸壬癸`;
    const measures = Array.from({ length: 14 }, (_, i) => measure(i + 1, [1 + (i % 2)], 'inProgress', {
      text: i === 3 ? marked : `第${i + 1}项措施`,
      progress: Array.from({ length: 3 }, (_, k) => progress(i * 10 + k, `2026-1${k}-0${k + 1}`, `进展${i + 1}-${k + 1}：${'逐案督办'.repeat(40)}`)),
    }));
    const view = ledgerView([weakPoint(1, measures.filter((m) => m.weakPointIds[0] === 1).map((m) => m.id)), weakPoint(2, measures.filter((m) => m.weakPointIds[0] === 2).map((m) => m.id))], measures);
    const bytes = await ledgerPdf(view, COURT);
    const pdf = pdfText(bytes, 'long.pdf');
    expect(pdf.pages).toBeGreaterThan(2);
    const t = flat(pdf.text);
    // Every character of the long measure is there, in order, however the lines and pages fell.
    const pages = pdf.text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(pdf.pages);
    expect(flat(pages.join('')).replace(/[^甲乙丙丁戊己庚辛壬癸]/g, '')).toBe(marked);
    for (let i = 1; i <= 14; i++) expect(t).toContain(`进展${i}-3：`);
    pages.forEach((p, i) => {
      // The legend may go to a page of its own after the table; every page of the table repeats its header row.
      const legendOnly = i === pages.length - 1 && !flat(p).includes('进展');
      if (!legendOnly) expect(flat(p), `page ${i + 1}`).toContain('措施内容责任领导');
      expect(flat(p)).toContain(`第${i + 1}页共${pdf.pages}页`);
    });
    mkdirSync(path.join('test-results', 'screenshots'), { recursive: true });
    const file = path.join(dir, 'long.pdf');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, path.join('test-results', 'screenshots', 'ledger-pdf-long')]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path.join(dir, 'sample.pdf'), path.join('test-results', 'screenshots', 'ledger-pdf-sample')]);
  });

  it('moves a row of up to half a page whole to the next page instead of splitting it', async () => {
    const measures = Array.from({ length: 8 }, (_, i) => measure(i + 1, [1], 'inProgress', {
      text: `第${i + 1}项措施`,
      progress: Array.from({ length: 3 }, (_, k) => progress(i * 10 + k, `2026-1${k}-0${k + 1}`, `进展${i + 1}-${k + 1}：${'逐案督办'.repeat(9)}完`)),
    }));
    const pdf = pdfText(await ledgerPdf(ledgerView([weakPoint(1, measures.map((m) => m.id))], measures), COURT), 'rows.pdf');
    const pages = pdf.text.split('\f').filter((p) => p.trim()).map(flat);
    expect(pages.length).toBeGreaterThan(1);
    for (let i = 1; i <= 8; i++) {
      const holding = pages.filter((p) => p.includes(`进展${i}-`));
      expect(holding, `measure ${i}`).toHaveLength(1);
      for (let k = 1; k <= 3; k++) expect(holding[0]).toContain(`进展${i}-${k}：${'逐案督办'.repeat(9)}完`);
    }
  });

  it('says so when the ledger is empty', async () => {
    const pdf = pdfText(await ledgerPdf(ledgerView([], []), COURT), 'empty.pdf');
    expect(pdf.pages).toBe(1);
    expect(flat(pdf.text)).toContain(flat(EMPTY_LEDGER));
    expect(flat(pdf.text)).toContain('薄弱点0个，措施0项');
  });

  it('never ends a line with an opening bracket (the ledger printed 已完成（ on one line and 逾期完成） on the next)', () => {
    const doc = newPdf({ title: 't' });
    doc.fontSize(10);
    const em = doc.widthOfString('中');
    expect(wrapLines(doc, '已完成（逾期完成）', em * 4)).toEqual(['已完成', '（逾期完', '成）']);
    expect(wrapLines(doc, '比：7.6%（8/105）', doc.widthOfString('比：7.6%（') + 1)).toEqual(['比：7.6%', '（8/105）']);
    // A bracket alone on its line stays: moving it would leave the line empty.
    expect(wrapLines(doc, '（甲乙', em * 1)).toEqual(['（', '甲', '乙']);
  });

  it('numbers weak points in Chinese', () => {
    expect([1, 9, 10, 11, 20, 23, 99].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十三', '九十九']);
  });
});
