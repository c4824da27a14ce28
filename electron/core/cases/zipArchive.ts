// A ZIP archive read within fixed bounds: its central directory (ZIP64 included), and each entry inflated at most to
// its declared size and checked against its CRC-32. Nothing the archive says about itself is trusted. Read for .xlsx
// (importFile.ts) and for batches of exchange XML (exchangeFile.ts).
import { isUtf8 } from 'node:buffer';
import { crc32, inflateRawSync } from 'node:zlib';
import { ImportFileError, NOT_XLSX, mb, MiB } from './importBounds';

/** .xlsx: one part inflated, and all the parts read from one file together. */
const MAX_PART_BYTES = 128 * MiB;
const MAX_INFLATED_BYTES = 160 * MiB;
/** .xlsx: a part other than the worksheet and its shared strings (relationships, workbook, styles), read as one string. */
const MAX_SMALL_PART_BYTES = 32 * MiB;

/** A file the fast path does not read (an unusual layout or encoding); the archive it opened comes along for the fallback. */
export class FastPathUnsupported extends Error {
  constructor(readonly zip: ZipArchive, why: string) {
    super(why);
  }
}

const utf8Decoder = new TextDecoder('utf-8');
/** Node's full ICU has GBK (gb18030 as the WHATWG encoding standard defines it, a superset). */
const gbkDecoder = new TextDecoder('gbk');

/**
 * An entry's name: UTF-8 when the archive says so (flag bit 11), and when it does not but the bytes are UTF-8 all the
 * same (as many tools write them). Otherwise it is the local code page of the Chinese Windows that zipped it, GBK,
 * which read as UTF-8 would name the court's files in garbage in every message.
 */
function entryName(bytes: Buffer, flags: number): string {
  return flags & 0x0800 || isUtf8(bytes) ? bytes.toString('utf8') : gbkDecoder.decode(bytes);
}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A value of a ZIP64 field, refused past what a Number holds exactly (no file we read comes near). */
function readU64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
  return Number(v);
}

/** The archive's central directory (ZIP64 included), and its entries inflated within the bounds above (also read by exchangeFile.ts for ZIPs of exchange XML). */
export class ZipArchive {
  readonly entries: ZipEntry[] = [];
  private byName = new Map<string, ZipEntry>();
  /** Inflated bytes of the parts read so far, against MAX_INFLATED_BYTES. */
  private inflated = 0;

  constructor(
    readonly buf: Buffer,
    readonly fileName: string,
  ) {
    const invalid = () => new ImportFileError(NOT_XLSX, 'invalid_xlsx');
    const minEocd = Math.max(0, buf.length - 22 - 0xffff);
    let eocd = -1;
    for (let i = buf.length - 22; i >= minEocd; i--) {
      if (buf.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw invalid();
    let count = buf.readUInt16LE(eocd + 10);
    let cdOffset = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff || buf.readUInt32LE(eocd + 12) === 0xffffffff) {
      // ZIP64: the real values are in the ZIP64 end record, which a locator right before this record points to.
      const locator = eocd - 20;
      if (locator < 0 || buf.readUInt32LE(locator) !== 0x07064b50) throw invalid();
      const end64 = readU64(buf, locator + 8);
      if (end64 + 56 > locator || buf.readUInt32LE(end64) !== 0x06064b50) throw invalid();
      count = readU64(buf, end64 + 32);
      cdOffset = readU64(buf, end64 + 48);
    }
    // Every directory record takes at least 46 bytes: a count the file cannot hold is a lie, not a loop to run.
    if (cdOffset > buf.length || count > (buf.length - cdOffset) / 46) throw invalid();
    let p = cdOffset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw invalid();
      const nameLength = buf.readUInt16LE(p + 28);
      const extraLength = buf.readUInt16LE(p + 30);
      const commentLength = buf.readUInt16LE(p + 32);
      if (p + 46 + nameLength + extraLength > buf.length) throw invalid();
      const flags = buf.readUInt16LE(p + 8);
      const e: ZipEntry = {
        name: entryName(buf.subarray(p + 46, p + 46 + nameLength), flags),
        flags,
        method: buf.readUInt16LE(p + 10),
        crc: buf.readUInt32LE(p + 16),
        compressedSize: buf.readUInt32LE(p + 20),
        size: buf.readUInt32LE(p + 24),
        localOffset: buf.readUInt32LE(p + 42),
      };
      if (e.size === 0xffffffff || e.compressedSize === 0xffffffff || e.localOffset === 0xffffffff) {
        this.readZip64Extra(e, p + 46 + nameLength, extraLength);
      }
      this.entries.push(e);
      this.byName.set(e.name.toLowerCase(), e);
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  /** The ZIP64 extra field holds, in this order, those of size, compressed size and offset that are 0xFFFFFFFF. */
  private readZip64Extra(e: ZipEntry, start: number, length: number): void {
    const end = start + length;
    for (let q = start; q + 4 <= end; ) {
      const id = this.buf.readUInt16LE(q);
      const len = this.buf.readUInt16LE(q + 2);
      if (q + 4 + len > end) break;
      if (id === 0x0001) {
        let v = q + 4;
        const next = () => {
          if (v + 8 > q + 4 + len) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
          const x = readU64(this.buf, v);
          v += 8;
          return x;
        };
        if (e.size === 0xffffffff) e.size = next();
        if (e.compressedSize === 0xffffffff) e.compressedSize = next();
        if (e.localOffset === 0xffffffff) e.localOffset = next();
        return;
      }
      q += 4 + len;
    }
    throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
  }

  entry(name: string): ZipEntry | null {
    return this.byName.get(name.toLowerCase()) ?? null;
  }

  /** A part's bytes, checked to be UTF-8 (which XML parts are unless declared otherwise), or null when there is no such part. */
  part(name: string): Buffer | null {
    const e = this.entry(name);
    if (!e) return null;
    this.checkDeclared(e);
    if (this.inflated + e.size > MAX_INFLATED_BYTES) {
      throw new ImportFileError(
        `文件“${this.fileName}”解压后超过 ${mb(MAX_INFLATED_BYTES)} MB，超出一次导入的上限，请分成几个文件导入`,
        'too_large',
      );
    }
    const data = this.bytes(e);
    this.inflated += data.length;
    if (!isUtf8(data)) throw new FastPathUnsupported(this, `${e.name} is not UTF-8`);
    return data;
  }

  /** A small part (relationships, workbook, styles) as one string. */
  text(name: string): string | null {
    const e = this.entry(name);
    if (e && e.size > MAX_SMALL_PART_BYTES) {
      throw new ImportFileError(
        `文件“${this.fileName}”中的“${e.name}”解压后有 ${mb(e.size)} MB，超过此类内容的上限（${mb(MAX_SMALL_PART_BYTES)} MB），不是可以导入的表格`,
        'too_large',
      );
    }
    const data = this.part(name);
    // TextDecoder drops a byte order mark.
    return data ? utf8Decoder.decode(data) : null;
  }

  /** What the directory says about an entry, checked before anything is inflated: encryption, method, declared size. */
  checkDeclared(e: ZipEntry): void {
    if (e.flags & 1) throw new ImportFileError(`${NOT_XLSX}（文件已加密）`, 'invalid_xlsx');
    // zlib is all the fast path has, and all exceljs's unzipper (JSZip) has too.
    if (e.method !== 0 && e.method !== 8) throw new ImportFileError(`${NOT_XLSX}（其中的“${e.name}”使用了不支持的压缩方式）`, 'invalid_xlsx');
    if (e.size > MAX_PART_BYTES) {
      throw new ImportFileError(
        `文件“${this.fileName}”中的“${e.name}”解压后有 ${mb(e.size)} MB，超过一次导入的上限（${mb(MAX_PART_BYTES)} MB），请分成几个文件导入`,
        'too_large',
      );
    }
  }

  /** An entry's bytes, inflated within its declared size (itself capped) and checked against its size and CRC-32. */
  bytes(e: ZipEntry): Buffer {
    this.checkDeclared(e);
    const p = e.localOffset;
    if (p + 30 > this.buf.length || this.buf.readUInt32LE(p) !== 0x04034b50) throw this.damaged(e, '找不到数据');
    const start = p + 30 + this.buf.readUInt16LE(p + 26) + this.buf.readUInt16LE(p + 28);
    if (start + e.compressedSize > this.buf.length) throw this.damaged(e, '数据不完整');
    const raw = this.buf.subarray(start, start + e.compressedSize);
    let data: Buffer;
    if (e.method === 0) data = raw;
    else {
      try {
        // One output buffer of the declared size and one byte more: zlib stops as soon as the output passes the
        // declared size, so an entry that lies costs at most what it declared, and an honest one is never copied.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size), chunkSize: Math.max(64, e.size + 1) });
      } catch (err) {
        throw this.damaged(e, (err as NodeJS.ErrnoException)?.code === 'ERR_BUFFER_TOO_LARGE' ? '解压后比记录的大小更大' : '无法解压');
      }
    }
    // A damaged download often inflates without complaint; the checksum is what catches it.
    if (data.length !== e.size) throw this.damaged(e, '解压后的大小与记录不符');
    if (crc32(data) !== e.crc) throw this.damaged(e, '校验和不符');
    return data;
  }

  private damaged(e: ZipEntry, why: string): ImportFileError {
    return new ImportFileError(`${NOT_XLSX}：“${this.fileName}”已损坏（其中的“${e.name}”${why}），请重新导出或重新下载后再导入`, 'invalid_xlsx');
  }
}
