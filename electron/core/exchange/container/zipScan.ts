// A strict byte-level scan of a ZIP's layout before any entry is read: one reading only, no hidden or shared bytes.
// Why beside yauzl: yauzl accepts ZIP64, prepended or appended bytes, comments and gaps silently; a signed package
// must have exactly one interpretation, so the end record sits at the very end, the first local header at offset 0,
// and the entries and the central directory tile the file with no gap and no overlap (overlap is the classic
// non-recursive zip bomb).
import { failure, type ContainerFailure, type Layer } from './failures';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_DESCRIPTOR = 0x08074b50;
const EOCD_SIZE = 22;
/** More records than this are refused before they are walked: no package has more than 16 entries. */
const MAX_RECORDS = 64;

export type ScannedEntry = {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
};

export type ScanResult = { ok: true; entries: ScannedEntry[] } | { ok: false; failure: ContainerFailure };

/** Refuses a name that could escape a folder or hide characters, whatever the name list says. */
export function unsafeName(name: string): boolean {
  return (
    name.length === 0 ||
    name.length > 255 ||
    /[\u0000-\u001f\u007f\\]/.test(name) ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((part) => part === '..' || part === '.')
  );
}

function decodeName(raw: Buffer, flags: number): string | null {
  const utf8 = (flags & 0x800) !== 0;
  // without the UTF-8 flag only ASCII is unambiguous (CP437 otherwise); none of our names need more
  if (!utf8 && raw.some((b) => b > 0x7e)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return null;
  }
}

export function scanZip(bytes: Buffer, layer: Layer): ScanResult {
  const fail = (...args: Parameters<typeof failure> extends [Layer, ...infer R] ? R : never): ScanResult => ({
    ok: false,
    failure: failure(layer, ...args),
  });
  const len = bytes.length;
  if (len === 0) return fail('empty');
  const startsLikeZip = len >= 4 && bytes.readUInt32LE(0) === SIG_LOCAL;

  // the end record: searched back over the largest possible comment, then required to end the file exactly
  let eocd = -1;
  for (let p = len - 4; p >= Math.max(0, len - EOCD_SIZE - 0xffff); p--) {
    if (bytes.readUInt32LE(p) === SIG_EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) {
    if (startsLikeZip) return fail('truncated');
    if (len >= 4 && bytes.readUInt32LE(len - 4) === SIG_DESCRIPTOR) return fail('truncated');
    return fail('notZip');
  }
  if (eocd + EOCD_SIZE > len) return fail('truncated');
  const commentLength = bytes.readUInt16LE(eocd + 20);
  if (eocd + EOCD_SIZE + commentLength > len) return fail('truncated');
  if (eocd + EOCD_SIZE < len) return fail('trailingBytes');
  // an empty ZIP is the end record alone (its entries are then reported missing); anything else must start with an entry
  if (!startsLikeZip && eocd !== 0)
    return bytes.indexOf(Buffer.from('PK\u0003\u0004', 'latin1')) > 0 ? fail('leadingBytes') : fail('notZip');

  const disk = bytes.readUInt16LE(eocd + 4);
  const cdDisk = bytes.readUInt16LE(eocd + 6);
  const onDisk = bytes.readUInt16LE(eocd + 8);
  const total = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (
    total === 0xffff ||
    onDisk === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff ||
    (eocd >= 20 && bytes.readUInt32LE(eocd - 20) === SIG_ZIP64_LOCATOR) ||
    hasZip64Record(bytes, eocd)
  )
    return fail('zip64');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== total) return fail('structure', '', '分卷 ZIP');
  if (total > MAX_RECORDS) return fail('tooManyEntries', '', `${total} 个`);
  if (cdOffset + cdSize !== eocd) return fail('structure', '', '目录位置不对');

  const entries: ScannedEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < total; n++) {
    if (p + 46 > eocd || bytes.readUInt32LE(p) !== SIG_CENTRAL) return fail('structure', '', '目录记录损坏');
    const flags = bytes.readUInt16LE(p + 8);
    const method = bytes.readUInt16LE(p + 10);
    const crc32 = bytes.readUInt32LE(p + 16);
    const compressedSize = bytes.readUInt32LE(p + 20);
    const uncompressedSize = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    const diskStart = bytes.readUInt16LE(p + 34);
    const localOffset = bytes.readUInt32LE(p + 42);
    const end = p + 46 + nameLength + extraLength + commentLen;
    if (end > eocd) return fail('structure', '', '目录记录超出目录');
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    const extra = bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff || diskStart === 0xffff)
      return fail('zip64');
    if (extraIds(extra).includes(0x0001)) return fail('zip64');
    const name = decodeName(rawName, flags);
    if (name === null) return fail('unsafeName', rawName.toString('latin1'));
    if (flags & 0x41) return fail('encrypted', name);
    if (method !== 0 && method !== 8) return fail('method', name);
    entries.push({ name, flags, method, crc32, compressedSize, uncompressedSize, localOffset });
    p = end;
  }
  if (p !== eocd) return fail('structure', '', '目录长度不对');

  // the local headers: same name and method as the directory, data laid end to end from offset 0 up to the directory
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const entry of byOffset) {
    const at = entry.localOffset;
    if (at !== expected) return fail('structure', '', at < expected ? '条目数据相互重叠' : '条目之间有多余的数据');
    if (at + 30 > cdOffset || bytes.readUInt32LE(at) !== SIG_LOCAL) return fail('structure', '', '本地文件头损坏');
    const localFlags = bytes.readUInt16LE(at + 6);
    const localMethod = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extraLength = bytes.readUInt16LE(at + 28);
    const dataStart = at + 30 + nameLength + extraLength;
    if (dataStart > cdOffset) return fail('structure', '', '本地文件头损坏');
    if (localFlags & 0x41) return fail('encrypted', entry.name);
    if (localMethod !== entry.method) return fail('structure', '', '压缩方式前后不一致');
    const localName = decodeName(bytes.subarray(at + 30, at + 30 + nameLength), localFlags);
    if (localName !== entry.name) return fail('structure', '', '条目名前后不一致');
    if (extraIds(bytes.subarray(at + 30 + nameLength, dataStart)).includes(0x0001)) return fail('zip64');
    let dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > cdOffset) return fail('structure', '', '条目数据超出范围');
    if (entry.flags & 0x08) {
      // a data descriptor follows (streamed writers): with or without its optional signature
      const signed = dataEnd + 4 <= cdOffset && bytes.readUInt32LE(dataEnd) === SIG_DESCRIPTOR;
      dataEnd += signed ? 16 : 12;
      if (dataEnd > cdOffset) return fail('structure', '', '数据描述符超出范围');
    }
    expected = dataEnd;
  }
  if (expected !== cdOffset) return fail('structure', '', '条目与目录之间有多余的数据');
  return { ok: true, entries };
}

function hasZip64Record(bytes: Buffer, eocd: number): boolean {
  // a ZIP64 end record sits right before the locator; checked at its only legal place
  return eocd >= 76 && bytes.readUInt32LE(eocd - 76) === SIG_ZIP64_EOCD;
}

/** The header ids of an extra field block (stops at a malformed tail). */
function extraIds(extra: Buffer): number[] {
  const ids: number[] = [];
  let i = 0;
  while (i + 4 <= extra.length) {
    ids.push(extra.readUInt16LE(i));
    i += 4 + extra.readUInt16LE(i + 2);
  }
  return ids;
}
