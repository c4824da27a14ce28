// A bordered table for pdfkit with wrapped Chinese cell text: rows of cells spanning columns, each row as tall as its longest cell, a row too tall for the page continued on the next one after the caller's page header.
import { A4, MARGINS } from './pdfDocument';

export interface PdfCell {
  text: string;
  /** Columns the cell covers (1 unless given). */
  span?: number;
  /** A label: centred, and repeated with （续） where its row continues on the next page. */
  label?: boolean;
}

export interface PdfTableOptions {
  /** Column widths in points; together they are the table's width. */
  columns: number[];
  fontSize?: number;
  /** Called after a page break; draws the continued page's header and answers where the table goes on. */
  onNewPage: (doc: PDFKit.PDFDocument) => number;
  /** Where the table's pages end at the bottom (A4 upright unless given: a landscape page is shorter). */
  bottom?: number;
  /** A row of at most this many lines moves to the next page whole rather than split (8 unless given). */
  keepLines?: number;
}

/** Characters that may not begin a line (行首禁则): they stay at the end of the line before, a little over the edge. */
const NO_LINE_START = new Set('，。、；：？！）》」』”’】〕…—%·,.;:?!)]');
/** Opening brackets may not end a line (行尾禁则): one left last on a full line moves to the next with what it opens. */
const NO_LINE_END = new Set('（《「『“‘【〔([');
// A run of Latin letters, digits and their joiners is one word and moves to the next line whole.
const TOKENS = /[A-Za-z0-9@._\-/:+#%]+|\s|./gsu;

/** Splits text into lines no wider than width at the current font and size; '\n' starts a line. */
export function wrapLines(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const widths = new Map<string, number>();
  const measure = (s: string) => {
    let w = widths.get(s);
    if (w === undefined) widths.set(s, (w = doc.widthOfString(s)));
    return w;
  };
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    const push = () => {
      lines.push(line.trimEnd());
      line = '';
      used = 0;
    };
    for (const token of paragraph.match(TOKENS) ?? []) {
      const w = measure(token);
      if (line && NO_LINE_START.has(token)) {
        line += token;
        used += w;
        continue;
      }
      if (used + w <= width) {
        if (line || !/^\s$/.test(token)) {
          line += token;
          used += w;
        }
        continue;
      }
      if (/^\s$/.test(token)) {
        push();
        continue;
      }
      if (w <= width) {
        const last = [...line].pop() ?? '';
        const carry = NO_LINE_END.has(last) && [...line].length > 1 ? last : '';
        if (carry) line = line.slice(0, -carry.length);
        push();
        line = carry + token;
        used = (carry ? measure(carry) : 0) + w;
        continue;
      }
      // A word wider than the whole cell (a long number, an address) is broken where it has to be.
      for (const ch of token) {
        const cw = measure(ch);
        if (used + cw > width && line) push();
        line += ch;
        used += cw;
      }
    }
    push();
  }
  return lines;
}

interface Placed {
  x: number;
  width: number;
  lines: string[];
  label: boolean;
}

/** Draws rows one after another from y, continuing on new pages; call row() for each, in order. */
export class PdfTable {
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly padding = 5;
  private readonly bottom: number;

  constructor(
    private doc: PDFKit.PDFDocument,
    public y: number,
    private options: PdfTableOptions,
  ) {
    this.bottom = options.bottom ?? A4.height - MARGINS.bottom;
    this.fontSize = options.fontSize ?? 10.5;
    this.lineHeight = Math.round(this.fontSize * 1.55 * 10) / 10;
  }

  get width(): number {
    return this.options.columns.reduce((a, b) => a + b, 0);
  }

  /** One row; minLines keeps room (blank lines to sign by hand) however short the text. */
  row(cells: PdfCell[], minLines = 1): void {
    const spans = cells.reduce((n, c) => n + (c.span ?? 1), 0);
    if (spans !== this.options.columns.length) throw new Error(`table row spans ${spans} of ${this.options.columns.length} columns`);
    this.doc.fontSize(this.fontSize);
    let x = MARGINS.left;
    let col = 0;
    const placed: Placed[] = cells.map((c) => {
      const span = c.span ?? 1;
      const width = this.options.columns.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const p = { x, width, lines: wrapLines(this.doc, c.text, width - 2 * this.padding), label: c.label === true };
      x += width;
      return p;
    });
    let rest = placed;
    let need = Math.max(minLines, ...placed.map((p) => p.lines.length));
    for (;;) {
      const fits = Math.floor((this.bottom - this.y - 2 * this.padding) / this.lineHeight);
      if (need <= fits) {
        this.draw(rest, need);
        return;
      }
      // A short row goes to the next page whole; a long one fills this page and continues (never clipped).
      const freshPage = Math.floor((this.bottom - MARGINS.top - 2 * this.padding) / this.lineHeight) - 4;
      if (fits < 3 || (need <= freshPage && need <= (this.options.keepLines ?? 8))) {
        this.newPage();
        continue;
      }
      this.draw(rest.map((p) => ({ ...p, lines: p.lines.slice(0, fits) })), fits);
      rest = rest.map((p) => ({ ...p, lines: p.label ? (p.lines.length ? [`${p.lines.join('')}（续）`] : []) : p.lines.slice(fits) }));
      need = Math.max(1, ...rest.map((p) => p.lines.length));
      this.newPage();
    }
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = this.options.onNewPage(this.doc);
  }

  private draw(cells: Placed[], lines: number): void {
    const height = lines * this.lineHeight + 2 * this.padding;
    const doc = this.doc;
    doc.lineWidth(0.7).strokeColor('#000000').fillColor('#000000');
    for (const c of cells) {
      doc.rect(c.x, this.y, c.width, height).stroke();
      doc.fontSize(this.fontSize);
      // Labels sit in the middle of their box, as on the paper forms; text starts at the top left.
      const top = c.label ? this.y + (height - c.lines.length * this.lineHeight) / 2 : this.y + this.padding;
      c.lines.forEach((line, i) => {
        const w = c.label ? doc.widthOfString(line) : 0;
        const left = c.label ? c.x + Math.max(this.padding, (c.width - w) / 2) : c.x + this.padding;
        doc.text(line, left, top + i * this.lineHeight + (this.lineHeight - this.fontSize) / 2 - 1, { lineBreak: false });
      });
    }
    this.y += height;
  }
}
