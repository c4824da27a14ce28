// The 脱薄工作台账 as a landscape A4 PDF: title with the court's name and the date, one bordered row per measure grouped under its weak point, the header row repeated on every page, long texts wrapped and continued (never cut), page numbers.
import type { LedgerView } from '../../../../shared/ledger/api';
import { A4_LANDSCAPE, MARGINS, footers, newPdf, pdfBytes, placeText } from '../../print/pdfDocument';
import { PdfTable, type PdfCell } from '../../print/pdfTable';
import { chineseNumber, countsText, EMPTY_LEDGER, LEDGER_HEADERS, LEDGER_LEGEND, ledgerGroups, ledgerTitle } from './ledgerTable';

const WIDTH = A4_LANDSCAPE.width - MARGINS.left - MARGINS.right;
const BOTTOM = A4_LANDSCAPE.height - MARGINS.bottom;
const FONT_SIZE = 8;
/** A measure's row of up to this many lines (about half a landscape page) is never split between pages. */
const KEEP_LINES = 18;

/**
 * Column widths in points, LEDGER_HEADERS' order: the measure's text and its progress get the room, a date range
 * fits "2025-01-10" on a line, and the last column takes what is left of the page's width.
 */
const FIXED = [28, 76, 64, 34, 100, 44, 44, 46, 56, 102, 50];
export const LEDGER_PDF_COLUMNS = [...FIXED, WIDTH - FIXED.reduce((a, b) => a + b, 0)];

const SAME = (n: number) => `同上（薄弱点${chineseNumber(n)}）`;

/** The 台账 as PDF bytes. `font` is the Chinese font's file content (loadPrintFont), for tests. */
export async function ledgerPdf(view: LedgerView, courtName: string, font?: Buffer): Promise<Buffer> {
  const title = ledgerTitle(courtName);
  const doc = newPdf({ title, subject: `制表日期 ${view.today}`, landscape: true }, font);

  placeText(doc, title, MARGINS.left, MARGINS.top - 14, { size: 18, width: WIDTH, align: 'center' });
  placeText(doc, `制表单位：${courtName || '本院'}　　${countsText(view)}`, MARGINS.left, MARGINS.top + 16, { size: 9, width: WIDTH - 130 });
  placeText(doc, `制表日期：${view.today}`, MARGINS.left, MARGINS.top + 16, { size: 9, width: WIDTH, align: 'right' });
  doc.lineWidth(1).moveTo(MARGINS.left, MARGINS.top + 31).lineTo(MARGINS.left + WIDTH, MARGINS.top + 31).stroke();

  const head: PdfCell[] = LEDGER_HEADERS.map((text) => ({ text, label: true }));
  const continued = (d: PDFKit.PDFDocument): number => {
    placeText(d, `${title}（续）`, MARGINS.left, MARGINS.top - 18, { size: 8.5, width: WIDTH, align: 'right' });
    return MARGINS.top;
  };
  // A page the table runs onto starts with the header row again.
  const again = (d: PDFKit.PDFDocument): number => {
    const h = new PdfTable(d, continued(d), { columns: LEDGER_PDF_COLUMNS, fontSize: FONT_SIZE, bottom: BOTTOM, onNewPage: continued });
    h.row(head);
    return h.y;
  };
  const table = new PdfTable(doc, MARGINS.top + 40, { columns: LEDGER_PDF_COLUMNS, fontSize: FONT_SIZE, bottom: BOTTOM, keepLines: KEEP_LINES, onNewPage: again });
  table.row(head);

  const groups = ledgerGroups(view);
  if (!groups.length) table.row([{ text: EMPTY_LEDGER, span: LEDGER_HEADERS.length, label: true }], 2);
  groups.forEach((g, gi) => {
    g.rows.forEach((r, ri) => {
      // A weak point's own cells are written once, on its first row; the rows after it name it (a page may lie between).
      const cells: PdfCell[] = r.cells.map((text) => ({ text }));
      if (ri > 0 && g.weakPoint) for (const k of [1, 2, 11]) cells[k] = { text: SAME(gi + 1) };
      table.row(cells);
    });
  });

  // The legend goes below the table, on a new page only if it must.
  doc.fontSize(7.5);
  const h = doc.heightOfString(LEDGER_LEGEND, { width: WIDTH, lineGap: 1.5 });
  let y = table.y + 8;
  if (y + h > BOTTOM) {
    doc.addPage();
    y = continued(doc);
  }
  doc.text(LEDGER_LEGEND, MARGINS.left, y, { width: WIDTH, lineGap: 1.5 });

  footers(doc, title, `制表日期：${view.today}`, A4_LANDSCAPE);
  return pdfBytes(doc);
}
