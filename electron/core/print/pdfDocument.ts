// A printable A4 PDF with the embedded Chinese font (Noto Sans SC, subset by pdfkit): finding the font in the repository, dist/ or an installed app, a new document, its bytes, and a footer on every page.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type PDFDocumentClass from 'pdfkit';
import { CoreError } from '../kernel/errors';

export const PRINT_FONT_FILE = 'NotoSansSC-Regular.ttf';
export const PRINT_FONT_MISSING = `找不到打印用的中文字体文件 ${PRINT_FONT_FILE}（应随程序安装在 resources/fonts 文件夹中），无法生成 PDF。请重新安装本程序或告知信息技术人员`;

/** A4 in points, and the margins every printed page keeps (about 2 cm; the footer sits in the bottom margin). */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGINS = { top: 54, bottom: 62, left: 56, right: 56 } as const;
/** A4 turned on its side, for wide tables (the 脱薄工作台账); the same margins. */
export const A4_LANDSCAPE = { width: A4.height, height: A4.width } as const;

/**
 * Where the font is. The core never imports Electron, so it cannot ask for process.resourcesPath; it looks upward
 * from its own folder instead: from the sources (electron/core/print) or dist/<entry>/ the repository's
 * resources/fonts is found, and from an installed app (resources/app.asar/dist/<entry>/) the folder electron-builder's
 * extraResources puts beside the archive (resources/fonts).
 */
export function findPrintFont(from: string = __dirname): string | null {
  let dir = path.resolve(from);
  for (let depth = 0; depth < 7; depth++) {
    for (const candidate of [path.join(dir, 'resources', 'fonts', PRINT_FONT_FILE), path.join(dir, 'fonts', PRINT_FONT_FILE)]) {
      if (existsSync(candidate)) return candidate;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

// The font file is 10 MB; it is read once per process, and pdfkit embeds only the glyphs a document uses.
const fontBytes = new Map<string, Buffer>();

/** The font's bytes, or a Chinese refusal naming the missing file (never a raw ENOENT). */
export function loadPrintFont(file: string | null = findPrintFont()): Buffer {
  if (!file) throw new CoreError('INTERNAL', PRINT_FONT_MISSING);
  let bytes = fontBytes.get(file);
  if (!bytes) {
    try {
      bytes = readFileSync(file);
    } catch {
      throw new CoreError('INTERNAL', PRINT_FONT_MISSING);
    }
    fontBytes.set(file, bytes);
  }
  return bytes;
}

export const CJK = 'cjk';

/** A new A4 document whose pages stay buffered (so footers can say 第 N 页 共 M 页), in the Chinese font. */
export function newPdf(info: { title: string; subject?: string; landscape?: boolean }, font: Buffer = loadPrintFont()): PDFKit.PDFDocument {
  // Required here, not at the top: pdfkit and its fonts take a fifteenth of a second to load, paid by every start otherwise.
  const PDFDocument = require('pdfkit') as typeof PDFDocumentClass;
  const doc = new PDFDocument({
    size: 'A4',
    layout: info.landscape ? 'landscape' : 'portrait',
    margins: { ...MARGINS },
    bufferPages: true,
    // pdfkit hashes every info value into the file id and fails on an undefined one: a missing subject is left out.
    info: { Title: info.title, ...(info.subject ? { Subject: info.subject } : {}), Creator: 'CourtDesk 法院质效台', Producer: 'CourtDesk 法院质效台' },
    lang: 'zh-CN',
  });
  doc.registerFont(CJK, font);
  doc.font(CJK);
  return doc;
}

/** Ends the document and collects its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Text placed exactly, never wrapped and never starting a page of its own (pdfkit adds pages for text past the margin). */
export function placeText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, options: { size: number; width?: number; align?: 'left' | 'center' | 'right' }): void {
  doc.fontSize(options.size);
  let left = x;
  let w = doc.widthOfString(text);
  // A line wider than its room (a court name of 50 characters) is set smaller rather than run off the page.
  if (options.width !== undefined && w > options.width) {
    doc.fontSize((options.size * options.width) / w);
    w = doc.widthOfString(text);
  }
  if (options.width !== undefined && options.align && options.align !== 'left') {
    left = options.align === 'center' ? x + (options.width - w) / 2 : x + options.width - w;
  }
  doc.text(text, left, y, { lineBreak: false });
}

/** Writes the same footer on every buffered page: left and right texts and 第 N 页 共 M 页 in the middle. */
export function footers(doc: PDFKit.PDFDocument, left: string, right: string, page: { width: number; height: number } = A4): void {
  const range = doc.bufferedPageRange();
  const width = page.width - MARGINS.left - MARGINS.right;
  const y = page.height - MARGINS.bottom + 22;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text in the bottom margin would otherwise make pdfkit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    // The side texts keep clear of the page number in the middle, set smaller if need be.
    placeText(doc, left, MARGINS.left, y, { size: 8.5, width: width / 2 - 45 });
    placeText(doc, `第 ${i - range.start + 1} 页 共 ${range.count} 页`, MARGINS.left, y, { size: 8.5, width, align: 'center' });
    placeText(doc, right, MARGINS.left + width / 2 + 45, y, { size: 8.5, width: width / 2 - 45, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
}

/** A moment as local 'YYYY-MM-DD HH:mm', as printed on a form. */
export function localStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
