// The 脱薄工作台账 as an .xlsx workbook: the 台账 sheet as it is printed (measures under their weak point, whose cells are merged down the group; frozen header, widths, wrapped cells, A4 landscape) and a flat 措施明细 sheet, one row per measure with dates as dates, for filtering.
import type ExcelJS from 'exceljs';
import type { LedgerView } from '../../../../shared/ledger/api';
import { DATE_FORMAT, date, text, type Cell } from '../../cases/xlsxFile';
import {
  countsText, EMPTY_LEDGER, figureLine, kindText, LEDGER_HEADERS, LEDGER_LEGEND, ledgerGroups, ledgerTitle, pointsOf, progressEntry, progressNewestFirst, statusWords, targetLine,
} from './ledgerTable';

export const LEDGER_SHEET = '台账';
export const FLAT_SHEET = '措施明细';
/** Widths in characters, LEDGER_HEADERS' order. */
const WIDTHS = [6, 30, 24, 10, 44, 10, 10, 12, 14, 44, 14, 30];
/** The 台账 sheet's header is its third row (title and date above it). */
export const LEDGER_HEADER_ROW = 3;

export const FLAT_HEADERS = [
  '序号', '薄弱点', '措施类别', '措施内容', '责任领导', '责任人', '责任部门', '开始日期', '截止日期', '完成日期', '状态', '状态说明', '是否逾期完成',
  '进展记录数', '最新进展日期', '进展情况（全部，新的在前）', '指标目标', '指标（措施前 → 现在）',
] as const;
const FLAT_WIDTHS = [6, 34, 12, 44, 10, 10, 12, 12, 12, 12, 8, 18, 8, 8, 12, 50, 30, 34];
const DATE_COLUMNS = new Set(['开始日期', '截止日期', '完成日期', '最新进展日期']);

const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

function ledgerSheet(wb: ExcelJS.Workbook, view: LedgerView, courtName: string): void {
  const last = LEDGER_HEADERS.length;
  const ws = wb.addWorksheet(LEDGER_SHEET, {
    views: [{ state: 'frozen', ySplit: LEDGER_HEADER_ROW }],
    // Printed as the PDF is: A4 landscape, as wide as the page, the header row on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${LEDGER_HEADER_ROW}:${LEDGER_HEADER_ROW}` },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const title = ws.addRow([text(ledgerTitle(courtName))]);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 28;
  ws.mergeCells(1, 1, 1, last);
  ws.addRow([text(`制表单位：${courtName || '本院'}　　制表日期：${view.today}　　${countsText(view)}`)]);
  ws.mergeCells(2, 1, 2, last);
  const head = ws.addRow(LEDGER_HEADERS.map((h) => text(h)));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  head.eachCell((c) => (c.border = THIN));

  const groups = ledgerGroups(view);
  if (!groups.length) {
    const r = ws.addRow([text(EMPTY_LEDGER)]);
    ws.mergeCells(r.number, 1, r.number, last);
  }
  for (const g of groups) {
    const first = ws.rowCount + 1;
    for (const r of g.rows) {
      const row = ws.addRow(r.cells.map((c, i): Cell => (i === 0 && r.no !== null ? r.no : text(c))));
      row.alignment = WRAP;
      for (let i = 1; i <= last; i++) row.getCell(i).border = THIN;
    }
    // The weak point's cells span its measures' rows, as on the paper 台账.
    if (g.rows.length > 1) for (const col of [2, 3, last]) ws.mergeCells(first, col, ws.rowCount, col);
  }
  ws.addRow([]);
  const legend = ws.addRow([text(LEDGER_LEGEND)]);
  ws.mergeCells(legend.number, 1, legend.number, last);
  legend.alignment = WRAP;
  legend.height = 30;
}

function flatSheet(wb: ExcelJS.Workbook, view: LedgerView): void {
  const ws = wb.addWorksheet(FLAT_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = FLAT_WIDTHS.map((width) => ({ width }));
  const head = ws.addRow(FLAT_HEADERS.map((h) => text(h)));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  const numbers = new Map(ledgerGroups(view).flatMap((g) => g.rows.flatMap((r) => (r.measure && r.no !== null ? [[r.measure.id, r.no] as const] : []))));
  const measures = [...view.measures].sort((a, b) => (numbers.get(a.id) ?? 0) - (numbers.get(b.id) ?? 0));
  for (const m of measures) {
    const points = view.weakPoints.filter((wp) => wp.measureIds.includes(m.id) || m.weakPointIds.includes(wp.id));
    const progress = progressNewestFirst(m);
    const cells: Cell[] = [
      numbers.get(m.id) ?? null,
      text(pointsOf(view, m)),
      text(kindText(m)),
      text(m.text),
      text(m.leader.name),
      text(m.owner.name),
      text(m.division.name),
      date(m.startOn),
      date(m.dueOn),
      date(m.doneOn),
      text(m.statusLabel),
      text(statusWords(m, view.today)),
      text(m.doneLate ? '是' : '否'),
      progress.length,
      date(progress[0]?.onDate ?? null),
      text(progress.map(progressEntry).join('\n')),
      text(points.flatMap((wp) => wp.targets.map(targetLine)).join('\n')),
      text(points.flatMap((wp) => wp.targets.map(figureLine)).join('\n')),
    ];
    const row = ws.addRow(cells);
    row.alignment = WRAP;
    FLAT_HEADERS.forEach((h, i) => {
      if (DATE_COLUMNS.has(h)) row.getCell(i + 1).numFmt = DATE_FORMAT;
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FLAT_HEADERS.length } };
}

/** The 台账 as .xlsx bytes. */
export async function ledgerXlsx(view: LedgerView, courtName: string): Promise<Buffer> {
  // Required here, not at the top: exceljs takes most of a second to load here, which every command would pay at start.
  const exceljs = require('exceljs') as typeof ExcelJS;
  const wb = new exceljs.Workbook();
  wb.creator = 'CourtDesk 法院质效台';
  wb.created = new Date();
  ledgerSheet(wb, view, courtName);
  flatSheet(wb, view);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
