// Builds .xlsx files byte by byte for the hostile-input tests: ZIP entries whose sizes and checksums lie, zip bombs, ZIP64 directories.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  /** The entry's bytes as stored in the file (already deflated when method is 8). */
  stored: Buffer;
  method: 0 | 8;
  /** What the directory and local header claim; honest values by default. */
  size: number;
  crc: number;
  /** The name's bytes as another encoding wrote them (GBK, say), with the UTF-8 flag (bit 11) left off. */
  rawName?: Buffer;
}

/** An honest entry: deflated (method 8) unless told to store it. */
export function entry(name: string, content: string | Buffer, method: 0 | 8 = 8): ZipEntrySpec {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, stored: method === 8 ? deflateRawSync(data) : data, method, size: data.length, crc: crc32(data) };
}

/**
 * A raw deflate stream of `unit` repeated until `total` bytes, built without ever holding the inflated data: one MiB
 * of it is compressed with a full flush (byte-aligned, no back references across the flush), so copies of that block
 * followed by an empty final block are a valid stream. Returns the stream and the CRC-32 of what it inflates to.
 */
export function deflateBomb(unit: string, total: number): { stored: Buffer; size: number; crc: number } {
  const u = Buffer.from(unit, 'utf8');
  const perChunk = Math.max(1, Math.floor((1 << 20) / u.length));
  const chunk = Buffer.alloc(perChunk * u.length);
  for (let i = 0; i < perChunk; i++) u.copy(chunk, i * u.length);
  const block = deflateRawSync(chunk, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const copies = Math.max(1, Math.round(total / chunk.length));
  let crc = 0;
  for (let i = 0; i < copies; i++) crc = crc32(chunk, crc);
  const stored = Buffer.concat([...Array<Buffer>(copies).fill(block), Buffer.from([0x03, 0x00])]);
  return { stored, size: copies * chunk.length, crc };
}

/**
 * A ZIP archive. With zip64, every central directory entry puts its sizes and offset in a ZIP64 extra field (the
 * 32-bit fields hold 0xFFFFFFFF) and the archive ends with a ZIP64 end record, as some .NET writers do for any file.
 */
export function zipBuffer(entries: ZipEntrySpec[], opts: { zip64?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = e.rawName ?? Buffer.from(e.name, 'utf8');
    const flags = e.rawName ? 0 : 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(opts.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(Math.min(e.stored.length, 0xffffffff), 18);
    local.writeUInt32LE(Math.min(e.size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(opts.zip64 ? 45 : 20, 4);
    central.writeUInt16LE(opts.zip64 ? 45 : 20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    let extra = Buffer.alloc(0);
    if (opts.zip64) {
      central.writeUInt32LE(0xffffffff, 20);
      central.writeUInt32LE(0xffffffff, 24);
      central.writeUInt32LE(0xffffffff, 42);
      extra = Buffer.alloc(4 + 24);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(e.size), 4);
      extra.writeBigUInt64LE(BigInt(e.stored.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    } else {
      central.writeUInt32LE(e.stored.length, 20);
      central.writeUInt32LE(Math.min(e.size, 0xffffffff), 24);
      central.writeUInt32LE(offset, 42);
    }
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    parts.push(local, name, e.stored);
    centrals.push(central, name, extra);
    offset += 30 + name.length + e.stored.length;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (opts.zip64) {
    const end64 = Buffer.alloc(56);
    end64.writeUInt32LE(0x06064b50, 0);
    end64.writeBigUInt64LE(44n, 4);
    end64.writeUInt16LE(45, 12);
    end64.writeUInt16LE(45, 14);
    end64.writeBigUInt64LE(BigInt(entries.length), 24);
    end64.writeBigUInt64LE(BigInt(entries.length), 32);
    end64.writeBigUInt64LE(BigInt(cd.length), 40);
    end64.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(end64, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(opts.zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(opts.zip64 ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(opts.zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...parts, cd, ...tail, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook needs around its one worksheet, which the caller supplies as an entry of any shape. */
export function workbookEntries(sheet: ZipEntrySpec, extra: ZipEntrySpec[] = []): ZipEntrySpec[] {
  const sheetWithName = { ...sheet, name: 'xl/worksheets/sheet1.xml' };
  return [
    entry('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    entry('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    entry('xl/workbook.xml', `<?xml version="1.0"?><workbook ${NS}><sheets><sheet name="案件" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    entry('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    ...extra,
    sheetWithName,
  ];
}

function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A worksheet of inline-string rows, cell references included (exceljs needs them). */
export function sheetXml(rows: string[][]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((c, i) => `<c r="${columnLetters(i)}${r + 1}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`).join('')}</row>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${body}</sheetData></worksheet>`;
}
