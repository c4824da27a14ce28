// Bar and line charts drawn with pdfkit's vector drawing (no browser), legible in black-and-white print: each series has
// its own fill pattern (grey, hatched, cross-hatched, white) or line dash and point mark, bounds are dashed and labelled.
import { placeText } from './pdfDocument';

export type Pattern = 'solid' | 'hatch' | 'cross' | 'open';
const PATTERNS: Pattern[] = ['solid', 'hatch', 'cross', 'open'];
const DASHES: Array<number[] | null> = [null, [5, 3], [1.5, 2.5], [8, 3, 2, 3]];
const MARKS = ['circle', 'square', 'triangle', 'diamond'] as const;

export interface ChartSeries {
  name: string;
  values: Array<number | null>;
}

export interface ChartLine {
  /** Where on the value axis. */
  value: number;
  /** Its legend entry: 合理区间下限 95.0% / 中位数 12. */
  label: string;
  style: 'dashed' | 'dotted';
}

export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
  /** One per category: a division, a month. */
  labels: string[];
  series: ChartSeries[];
  lines?: ChartLine[];
  /** A value as its indicator writes it (for the labels above bars and points). */
  format: (n: number) => string;
  /** What the axis counts from; counts start at 0, rates near their values. */
  fromZero?: boolean;
}

interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  min: number;
  max: number;
  yOf: (v: number) => number;
}

function niceStep(span: number): number {
  const raw = span / 4;
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  const m = raw / mag;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * mag;
}

/** Title, legend, axes and grid; answers where the plot lies and how a value maps onto it. */
function frame(doc: PDFKit.PDFDocument, c: ChartBox, legend: (x: number, y: number, i: number) => void): Frame {
  placeText(doc, c.title, c.x, c.y, { size: 10, width: c.width, align: 'center' });
  // The legend under the title: one entry per series, its pattern or line beside its name.
  let lx = c.x + 40;
  c.series.forEach((s, i) => {
    legend(lx, c.y + 17, i);
    placeText(doc, s.name, lx + 20, c.y + 15, { size: 8 });
    doc.fontSize(8);
    lx += 32 + doc.widthOfString(s.name);
  });
  // The bounds and the median in the legend too, drawn as on the chart: the plot stays clear for the values.
  for (const l of c.lines ?? []) {
    doc.save();
    doc.lineWidth(1).strokeColor('#000000').dash(l.style === 'dashed' ? 6 : 1.5, { space: l.style === 'dashed' ? 3 : 2 });
    doc.moveTo(lx, c.y + 18).lineTo(lx + 18, c.y + 18).stroke();
    doc.undash().restore();
    placeText(doc, l.label, lx + 22, c.y + 15, { size: 8 });
    doc.fontSize(8);
    lx += 34 + doc.widthOfString(l.label);
  }
  const all = [...c.series.flatMap((s) => s.values), ...(c.lines ?? []).map((l) => l.value)].filter((v): v is number => v !== null);
  let min = all.length ? Math.min(...all) : 0;
  let max = all.length ? Math.max(...all) : 1;
  if (c.fromZero || min > 0 && min < (max - min) * 2) min = Math.min(0, min);
  if (max === min) max = min + 1;
  // Counts are whole: an axis of cases never reads 0.5.
  const step = all.every(Number.isInteger) ? Math.max(1, niceStep(max - min)) : niceStep(max - min);
  min = Math.floor(min / step) * step;
  max = Math.ceil(max / step) * step;
  const f: Frame = { left: c.x + 40, right: c.x + c.width - 6, top: c.y + 42, bottom: c.y + c.height - 30, min, max, yOf: () => 0 };
  f.yOf = (v) => f.bottom - ((v - min) / (max - min)) * (f.bottom - f.top);
  doc.save();
  doc.lineWidth(0.4).strokeColor('#999999');
  for (let v = min; v <= max + step / 2; v += step) {
    const y = f.yOf(v);
    doc.moveTo(f.left, y).lineTo(f.right, y).stroke();
    placeText(doc, c.format(Math.round(v * 100) / 100), c.x, y - 4, { size: 7, width: 36, align: 'right' });
  }
  doc.lineWidth(0.8).strokeColor('#000000').moveTo(f.left, f.top).lineTo(f.left, f.bottom).lineTo(f.right, f.bottom).stroke();
  doc.restore();
  return f;
}

/** Under each slot its label, on two lines where one is too narrow (a 人民法庭's long name), set smaller only past that. */
function categoryLabels(doc: PDFKit.PDFDocument, c: ChartBox, f: Frame): void {
  const slot = (f.right - f.left) / c.labels.length;
  c.labels.forEach((label, i) => {
    doc.fontSize(7.5);
    const lines = doc.widthOfString(label) <= slot - 2 ? [label] : [label.slice(0, Math.ceil(label.length / 2)), label.slice(Math.ceil(label.length / 2))];
    lines.forEach((line, k) => placeText(doc, line, f.left + i * slot + 1, f.bottom + 5 + k * 9, { size: 7.5, width: slot - 2, align: 'center' }));
  });
}

function boundLines(doc: PDFKit.PDFDocument, c: ChartBox, f: Frame): void {
  for (const l of c.lines ?? []) {
    const y = f.yOf(l.value);
    doc.save();
    doc.lineWidth(1).strokeColor('#000000').dash(l.style === 'dashed' ? 6 : 1.5, { space: l.style === 'dashed' ? 3 : 2 });
    doc.moveTo(f.left, y).lineTo(f.right, y).stroke();
    doc.undash().restore();
  }
}

/** A rectangle filled by a pattern that survives grey printing. */
export function patternRect(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number, p: Pattern): void {
  doc.save();
  if (p === 'solid') doc.rect(x, y, w, h).fill('#6b6b6b');
  else {
    doc.rect(x, y, w, h).fill('#ffffff');
    if (p !== 'open') {
      doc.save();
      doc.rect(x, y, w, h).clip();
      doc.lineWidth(0.6).strokeColor('#000000');
      for (let d = -h; d < w + h; d += 3.5) {
        doc.moveTo(x + d, y + h).lineTo(x + d + h, y).stroke();
        if (p === 'cross') doc.moveTo(x + d, y).lineTo(x + d + h, y + h).stroke();
      }
      doc.restore();
    }
  }
  doc.lineWidth(0.7).strokeColor('#000000').rect(x, y, w, h).stroke();
  doc.restore();
}

export function barChart(doc: PDFKit.PDFDocument, c: ChartBox): void {
  const f = frame(doc, c, (x, y, i) => patternRect(doc, x, y - 3, 14, 8, PATTERNS[i % PATTERNS.length]));
  const slot = (f.right - f.left) / Math.max(1, c.labels.length);
  const bar = Math.min(26, (slot * 0.75) / c.series.length);
  const zero = f.yOf(Math.max(f.min, 0));
  c.labels.forEach((_, i) => {
    const start = f.left + i * slot + (slot - bar * c.series.length) / 2;
    c.series.forEach((s, k) => {
      const v = s.values[i];
      if (v === null) {
        placeText(doc, '—', start + k * bar, zero - 10, { size: 7, width: bar, align: 'center' });
        return;
      }
      const y = f.yOf(v);
      patternRect(doc, start + k * bar, Math.min(y, zero), bar, Math.max(0.5, Math.abs(zero - y)), PATTERNS[k % PATTERNS.length]);
      placeText(doc, c.format(v), start + k * bar - 6, Math.min(y, zero) - 9, { size: 6.5, width: bar + 12, align: 'center' });
    });
  });
  boundLines(doc, c, f);
  categoryLabels(doc, c, f);
}

function mark(doc: PDFKit.PDFDocument, x: number, y: number, i: number): void {
  const kind = MARKS[i % MARKS.length];
  doc.save().lineWidth(0.8).strokeColor('#000000');
  if (kind === 'circle') doc.circle(x, y, 2.6).fillAndStroke('#000000', '#000000');
  else if (kind === 'square') doc.rect(x - 2.5, y - 2.5, 5, 5).fillAndStroke('#ffffff', '#000000');
  else if (kind === 'triangle') doc.polygon([x, y - 3.2], [x + 3, y + 2.4], [x - 3, y + 2.4]).fillAndStroke('#ffffff', '#000000');
  else doc.polygon([x, y - 3.2], [x + 3.2, y], [x, y + 3.2], [x - 3.2, y]).fillAndStroke('#000000', '#000000');
  doc.restore();
}

function stroke(doc: PDFKit.PDFDocument, i: number): void {
  const d = DASHES[i % DASHES.length];
  doc.lineWidth(1.2).strokeColor('#000000');
  if (d) doc.dash(d[0], { space: d[1] });
  else doc.undash();
}

export function lineChart(doc: PDFKit.PDFDocument, c: ChartBox): void {
  const f = frame(doc, c, (x, y, i) => {
    doc.save();
    stroke(doc, i);
    doc.moveTo(x, y + 1).lineTo(x + 16, y + 1).stroke();
    doc.undash().restore();
    mark(doc, x + 8, y + 1, i);
  });
  const slot = (f.right - f.left) / Math.max(1, c.labels.length);
  boundLines(doc, c, f);
  c.series.forEach((s, k) => {
    const pts = s.values.map((v, i) => (v === null ? null : { x: f.left + slot * (i + 0.5), y: f.yOf(v), v }));
    doc.save();
    stroke(doc, k);
    // A month without a value (no denominator) breaks the line rather than bridging it.
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1];
      const b = pts[i];
      if (a && b) doc.moveTo(a.x, a.y).lineTo(b.x, b.y).stroke();
    }
    doc.undash().restore();
    for (const p of pts) {
      if (!p) continue;
      mark(doc, p.x, p.y, k);
      if (c.series.length === 1) placeText(doc, c.format(p.v), p.x - slot / 2, p.y - 12, { size: 6.5, width: slot, align: 'center' });
    }
  });
  categoryLabels(doc, c, f);
}
