// Test helper: a tiny hand-made ZIP writer whose every field can lie, for the container attack tests.
import { crc32, deflateRawSync, constants } from 'node:zlib';

export type RawEntry = {
  name: string | Buffer;
  data?: Buffer;
  /** 0 STORED (default) or 8 DEFLATE; the data is deflated unless `compressed` is given */
  method?: number;
  compressed?: Buffer;
  uncompressedSize?: number;
  crc?: number;
  flags?: number;
  extra?: Buffer;
  /** a different name in the local header than in the central directory */
  localName?: string;
};

export function makeZip(entries: RawEntry[], opts: { comment?: Buffer; total?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const localName = e.localName === undefined ? name : Buffer.from(e.localName, 'utf8');
    const data = e.data ?? Buffer.alloc(0);
    const method = e.method ?? 0;
    const body = e.compressed ?? (method === 8 ? deflateRawSync(data) : data);
    const size = e.uncompressedSize ?? data.length;
    const crc = e.crc ?? crc32(data);
    const flags = e.flags ?? 0x800;
    const extra = e.extra ?? Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length >>> 0, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(localName.length & 0xffff, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, localName, extra, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length >>> 0, 20);
    central.writeUInt32LE(size >>> 0, 24);
    // a name longer than 65,535 bytes cannot be said: the 16-bit field wraps, as a careless writer's would
    central.writeUInt16LE(name.length & 0xffff, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + localName.length + extra.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const comment = opts.comment ?? Buffer.alloc(0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(opts.total ?? entries.length, 8);
  eocd.writeUInt16LE(opts.total ?? entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, cd, eocd, comment]);
}

/**
 * A raw DEFLATE stream of `mib` MiB of zeros, about 1 KiB per MiB, built without ever holding the zeros: one
 * fully-flushed block of 1 MiB of zeros repeated (each is independent after a full flush) and a final empty block.
 */
export function zeroBomb(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(2 ** 20), { finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: mib }, () => block), end]);
}
