// Reads one file of the courts' data-exchange XML (数据交换 XML, in the case-data spec) into a small element tree, safely:
// saxes is a strict, non-validating parser that never fetches or expands anything a DTD declares, and a DOCTYPE is
// refused outright (no DTD, no external entity, no billion laughs), before and while parsing. Sizes are capped.
import { isUtf8 } from 'node:buffer';
import { SaxesParser } from 'saxes';
import { ImportFileError } from './importFile';

export const EXCHANGE_NS = 'http://dataexchange.court.gov.cn/2009/data';
/** The case kinds CourtDesk reads; other roots of the namespace are reported and skipped. */
export const EXCHANGE_ROOTS = ['民事案件', '刑事案件', '行政案件', '执行案件'] as const;
export type ExchangeRoot = (typeof EXCHANGE_ROOTS)[number];

const MiB = 1024 * 1024;
/** One case file: a few kilobytes in practice. */
export const MAX_XML_FILE_BYTES = 2 * MiB;
const MAX_ELEMENTS = 50_000;
const MAX_DEPTH = 32;

export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

/** A file that is not exchange XML at all (not XML, a DTD, another namespace): the whole file is refused. */
export class ExchangeFileError extends ImportFileError {}

/** A hostile construct (DOCTYPE, entity declarations): refused for the whole import, whatever else it holds. */
export class HostileXmlError extends ExchangeFileError {}

/** Decodes the bytes by the encoding the XML declaration names: UTF-8 (the default), or GB18030 and its subsets. */
function decode(bytes: Buffer, name: string): string {
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /^(?:\xEF\xBB\xBF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  let encoding = 'utf-8';
  if (declared && ['gbk', 'gb2312', 'gb18030', 'cp936'].includes(declared)) encoding = 'gb18030';
  else if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    throw new ExchangeFileError(`文件“${name}”的编码“${declared}”不受支持，请使用 UTF-8 或 GBK`, 'invalid_xml');
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new ExchangeFileError(`文件“${name}”是 UTF-16 编码，请使用 UTF-8 或 GBK`, 'invalid_xml');
  }
  const invalid = () => new ExchangeFileError(`文件“${name}”不是有效的 ${encoding === 'utf-8' ? 'UTF-8' : 'GBK'} 文本，不是可以导入的 XML`, 'invalid_xml');
  if (encoding === 'utf-8') {
    // What a fatal TextDecoder answers, without building one for each of a batch's 100,000 files: the text, less a byte order mark.
    if (!isUtf8(bytes)) throw invalid();
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw invalid();
  }
}

/** Parses one exchange file into its root element; throws ExchangeFileError (HostileXmlError for a DTD) naming the file. */
export function parseExchangeXml(bytes: Buffer, name: string): { root: XmlElement; uri: string } {
  if (bytes.length > MAX_XML_FILE_BYTES) {
    throw new ExchangeFileError(`文件“${name}”过大（超过 ${MAX_XML_FILE_BYTES / MiB} MB），不是一件案件的数据交换 XML`, 'too_large');
  }
  const text = decode(bytes, name);
  // Refused before the parser sees it: a DTD is what external entities and entity expansion bombs need.
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new HostileXmlError(`文件“${name}”含有文档类型定义（DOCTYPE/ENTITY），出于安全考虑拒绝导入`, 'invalid_xml');
  }
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let rootUri = '';
  let count = 0;
  parser.on('doctype', () => {
    throw new HostileXmlError(`文件“${name}”含有文档类型定义（DOCTYPE），出于安全考虑拒绝导入`, 'invalid_xml');
  });
  parser.on('opentag', (tag) => {
    if (++count > MAX_ELEMENTS || stack.length >= MAX_DEPTH) {
      throw new ExchangeFileError(`文件“${name}”的元素过多或嵌套过深，不是一件案件的数据交换 XML`, 'too_large');
    }
    const el: XmlElement = { name: tag.local ?? tag.name, children: [], text: '' };
    if (stack.length === 0) {
      root = el;
      rootUri = tag.uri ?? '';
    } else stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  const addText = (t: string) => {
    if (stack.length > 0) stack[stack.length - 1].text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof ExchangeFileError) throw err;
    const why = err instanceof Error ? err.message.replace(/^[^:]*:\d+:\d+: /, '') : '';
    throw new ExchangeFileError(`文件“${name}”不是格式正确的 XML（第 ${parser.line} 行附近${why ? `：${why}` : ''}），不能导入`, 'invalid_xml');
  }
  if (!root) throw new ExchangeFileError(`文件“${name}”不是 XML，不能导入`, 'invalid_xml');
  return { root, uri: rootUri };
}

/** Each element's descendants by local name, the first in breadth-first order: one walk serves every find of a file. */
const firstByName = new WeakMap<XmlElement, Map<string, XmlElement>>();

/** The first descendant (breadth first) with this local name. */
export function find(el: XmlElement, name: string): XmlElement | null {
  let index = firstByName.get(el);
  if (!index) {
    index = new Map();
    const queue = el.children.slice();
    for (let i = 0; i < queue.length; i++) {
      const e = queue[i];
      if (!index.has(e.name)) index.set(e.name, e);
      for (const c of e.children) queue.push(c);
    }
    firstByName.set(el, index);
  }
  return index.get(name) ?? null;
}

/** A field's trimmed text, or null when absent or empty. */
export function field(el: XmlElement | null, name: string): string | null {
  if (!el) return null;
  const f = el.children.find((c) => c.name === name);
  const t = f?.text.trim();
  return t ? t : null;
}

/** The records of a repeated block: its R children, or the block itself when it holds fields directly. */
export function records(block: XmlElement | null): XmlElement[] {
  if (!block) return [];
  const rs = block.children.filter((c) => c.name === 'R');
  if (rs.length > 0) return rs;
  return block.children.some((c) => c.children.length === 0 && c.text.trim() !== '') ? [block] : [];
}
