// The outer ZIP (.cdpkg) reader against the spec's container cases: each malformed package refused with its own code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { CONTAINER_CODES, failure } from '../../../electron/core/exchange/container/failures';
import { readOuterZip, readOuterZipFile } from '../../../electron/core/exchange/container/zipRead';
import { writeOuterZip } from '../../../electron/core/exchange/container/zipWrite';
import { makeZip, zeroBomb, type RawEntry } from './containerZipBytes';

const manifest = Buffer.from('{\n  "formatVersion": 1\n}\n');
const signature = Buffer.from('untrusted comment: x\nRWQ...\ntrusted comment: y\nabc\n');
const payload = randomBytes(300_000);
const good = (): RawEntry[] => [
  { name: 'manifest.json', data: manifest },
  { name: 'manifest.json.minisig', data: signature },
  { name: 'payload.age', data: payload },
];

async function code(bytes: Buffer): Promise<string> {
  const r = await readOuterZip(bytes);
  if (r.ok) return 'ok';
  expect(r.failure.message).toMatch(/[\u4e00-\u9fff]/);
  return r.failure.code;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('writeOuterZip and readOuterZip', () => {
  it('reads back exactly what was written, STORED, in the fixed order', async () => {
    const zip = await writeOuterZip(manifest, signature, payload);
    const r = await readOuterZip(zip);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.manifest.equals(manifest)).toBe(true);
    expect(r.signature.equals(signature)).toBe(true);
    expect(r.payload.equals(payload)).toBe(true);
    // STORED: the ciphertext appears verbatim, and the names in order
    expect(zip.indexOf(payload)).toBeGreaterThan(0);
    const order = ['manifest.json', 'manifest.json.minisig', 'payload.age'].map((n) => zip.indexOf(Buffer.from(n)));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('accepts the hand-made equivalent and DEFLATE entries', async () => {
    expect(await code(makeZip(good()))).toBe('ok');
    const deflated = good().map((e) => (e.name === 'manifest.json' ? { ...e, method: 8 } : e));
    expect(await code(makeZip(deflated))).toBe('ok');
  });
});

describe('not a package at all', () => {
  it('an empty file, random bytes, a PDF renamed', async () => {
    expect(await code(Buffer.alloc(0))).toBe('empty');
    expect(await code(randomBytes(5000))).toBe('notZip');
    expect(await code(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n'))).toBe('notZip');
  });

  it('a file over the package cap, refused before it is parsed', async () => {
    expect(await code(Buffer.allocUnsafe(256 * 2 ** 20 + 1))).toBe('tooLarge');
  });
});

describe('truncated, prepended, appended', () => {
  it('truncated at half, at length - 1, inside the central directory', async () => {
    const zip = await writeOuterZip(manifest, signature, payload);
    expect(await code(zip.subarray(0, zip.length >> 1))).toBe('truncated');
    expect(await code(zip.subarray(0, zip.length - 1))).toBe('truncated');
    const cdStart = zip.readUInt32LE(zip.length - 22 + 16);
    expect(await code(zip.subarray(0, cdStart + 30))).toBe('truncated');
  });

  it('bytes prepended or appended, and a ZIP comment', async () => {
    const zip = await writeOuterZip(manifest, signature, payload);
    expect(await code(Buffer.concat([Buffer.from('MZ\0\0stub'), zip]))).toBe('leadingBytes');
    expect(await code(Buffer.concat([zip, Buffer.from('extra')]))).toBe('trailingBytes');
    expect(await code(makeZip(good(), { comment: Buffer.from('hello') }))).toBe('trailingBytes');
  });

  it('a gap between entries, overlapping entries, a local name other than the directory name', async () => {
    const gap = makeZip(good());
    // hide bytes between the first entry and the second by shifting the later offsets: rebuild with a filler entry
    const withFiller = makeZip([...good().slice(0, 1), { name: 'filler', data: Buffer.from('hidden') }, ...good().slice(1)]);
    const cdStart = withFiller.readUInt32LE(withFiller.length - 22 + 16);
    // drop the filler's central record (46 + 6 bytes after the first record) and fix the end record
    const firstLen = 46 + 'manifest.json'.length;
    const cd = Buffer.concat([
      withFiller.subarray(cdStart, cdStart + firstLen),
      withFiller.subarray(cdStart + firstLen + 46 + 6, withFiller.length - 22),
    ]);
    const eocd = Buffer.from(withFiller.subarray(withFiller.length - 22));
    eocd.writeUInt16LE(3, 8);
    eocd.writeUInt16LE(3, 10);
    eocd.writeUInt32LE(cd.length, 12);
    expect(await code(Buffer.concat([withFiller.subarray(0, cdStart), cd, eocd]))).toBe('structure');
    // overlap: the second record points at the first entry's local header
    const overlap = Buffer.from(gap);
    const cd2 = overlap.readUInt32LE(overlap.length - 22 + 16);
    overlap.writeUInt32LE(0, cd2 + firstLen + 42);
    expect(await code(overlap)).toBe('structure');
    const renamedLocally = good();
    renamedLocally[0] = { ...renamedLocally[0], localName: 'manifest.jsoX' };
    expect(await code(makeZip(renamedLocally))).toBe('structure');
  });
});

describe('entries', () => {
  it('an entry added, removed, renamed (manifest.JSON) or put in a folder; a directory entry', async () => {
    expect(await code(makeZip([...good(), { name: 'notes.txt', data: Buffer.from('x') }]))).toBe('unexpectedEntry');
    expect(await code(makeZip(good().slice(0, 2)))).toBe('missingEntry');
    expect(await code(makeZip([]))).toBe('missingEntry');
    const renamed = good();
    renamed[0] = { ...renamed[0], name: 'manifest.JSON' };
    const r = await readOuterZip(makeZip(renamed));
    expect(r.ok ? '' : r.failure.code).toBe('unexpectedEntry');
    expect(r.ok ? '' : r.failure.message).toContain('manifest.JSON');
    const foldered = good();
    foldered[2] = { ...foldered[2], name: 'pkg/payload.age' };
    expect(await code(makeZip(foldered))).toBe('folder');
    expect(await code(makeZip([{ name: 'pkg/' }, ...good()]))).toBe('directory');
  });

  it('two entries of one name', async () => {
    expect(await code(makeZip([...good(), { name: 'manifest.json', data: manifest }]))).toBe('duplicateEntry');
  });

  it('unsafe names: ../x, /etc/x, C:\\x, NUL, 65,535 characters; a 70,000-character name breaks the directory', async () => {
    for (const name of ['../x', '/etc/x', 'C:\\x', 'C:x', 'manifest.json\0', 'a'.repeat(65_535)]) {
      expect(await code(makeZip([{ name, data: Buffer.from('x') }, ...good()])), JSON.stringify(name.slice(0, 20))).toBe('unsafeName');
    }
    expect(await code(makeZip([...good(), { name: 'a'.repeat(70_000), data: Buffer.from('x') }]))).toBe('structure');
    // a non-UTF-8 name without the UTF-8 flag is not ours either
    expect(await code(makeZip([{ name: Buffer.from([0x8e, 0x41]), flags: 0 }, ...good()]))).toBe('unsafeName');
  });

  it('the encryption flag, an unknown compression method', async () => {
    const enc = good();
    enc[1] = { ...enc[1], flags: 0x801 };
    expect(await code(makeZip(enc))).toBe('encrypted');
    const bzip = good();
    bzip[0] = { ...bzip[0], method: 12, compressed: Buffer.from('BZh9') };
    expect(await code(makeZip(bzip))).toBe('method');
  });

  it('ZIP64: an extra field in an entry, and a ZIP64 end record written by yazl', async () => {
    const extra = Buffer.alloc(20);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    const z64 = good();
    z64[0] = { ...z64[0], extra };
    expect(await code(makeZip(z64))).toBe('zip64');
    const zip = new yazl.ZipFile();
    for (const e of good()) zip.addBuffer(e.data!, e.name as string, { compress: false });
    const chunks: Buffer[] = [];
    const done = new Promise<void>((resolve) => zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve()));
    zip.end({ forceZip64Format: true, comment: '' });
    await done;
    expect(await code(Buffer.concat(chunks))).toBe('zip64');
  });
});

describe('sizes', () => {
  it('per-entry caps: manifest over 64 KiB, signature over 2 KiB', async () => {
    const big = good();
    big[0] = { ...big[0], data: Buffer.alloc(64 * 1024 + 1, 0x20) };
    expect(await code(makeZip(big))).toBe('entryTooLarge');
    const sig = good();
    sig[1] = { ...sig[1], data: Buffer.alloc(2049, 0x41) };
    expect(await code(makeZip(sig))).toBe('entryTooLarge');
  });

  it('a 1 GB zero-filled entry compressed small: as a fourth entry, as payload.age, with a lying size; never inflated', async () => {
    const bomb = zeroBomb(1024);
    expect(bomb.length).toBeLessThan(2 * 2 ** 20);
    const started = Date.now();
    const fourth = makeZip([...good(), { name: 'zeros.bin', method: 8, compressed: bomb, uncompressedSize: 2 ** 30, crc: 0 }]);
    expect(await code(fourth)).toBe('unexpectedEntry');
    const asPayload = good();
    asPayload[2] = { name: 'payload.age', method: 8, compressed: bomb, uncompressedSize: 2 ** 30, crc: 0 };
    expect(await code(makeZip(asPayload))).toBe('compressible');
    // declared as small as the compressed data, so it passes the ratio check: inflation stops past the declared size
    const lyingPayload = good();
    lyingPayload[2] = { name: 'payload.age', method: 8, compressed: bomb, uncompressedSize: bomb.length, crc: 0 };
    expect(await code(makeZip(lyingPayload))).toBe('sizeMismatch');
    const lyingManifest = good();
    lyingManifest[0] = { name: 'manifest.json', method: 8, compressed: bomb, uncompressedSize: 1000, crc: 0 };
    expect(await code(makeZip(lyingManifest))).toBe('sizeMismatch');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a STORED entry whose sizes disagree, a wrong CRC-32, broken DEFLATE data', async () => {
    const stored = good();
    stored[0] = { ...stored[0], uncompressedSize: manifest.length + 5 };
    expect(await code(makeZip(stored))).toBe('sizeMismatch');
    // DEFLATE data that ends before its declared size
    const short = good();
    short[0] = { ...short[0], method: 8, uncompressedSize: manifest.length + 100 };
    expect(await code(makeZip(short))).toBe('sizeMismatch');
    const crc = good();
    crc[1] = { ...crc[1], crc: 12345 };
    expect(await code(makeZip(crc))).toBe('crc');
    const broken = good();
    broken[0] = { ...broken[0], method: 8, compressed: Buffer.from([0xff, 0xff, 0xff, 0xff]) };
    expect(await code(makeZip(broken))).toBe('corrupt');
  });

  it('every failure code has its own message, in each layer, naming the entry where there is one', () => {
    for (const layer of ['outer', 'inner'] as const) {
      const messages = CONTAINER_CODES.map((c) => failure(layer, c, 'payload.age', '256 MiB').message);
      expect(new Set(messages).size).toBe(CONTAINER_CODES.length);
    }
    expect(failure('outer', 'unsafeName', 'a\0b' + 'x'.repeat(100)).message).toMatch(/a�bx+…（共 103 个字符）/);
  });

  it('each failure kind met in a file has its own message', async () => {
    const cases = [Buffer.alloc(0), randomBytes(100), makeZip(good().slice(0, 2)), makeZip([...good(), { name: 'x' }])];
    const messages = new Set<string>();
    for (const c of cases) {
      const r = await readOuterZip(c);
      if (!r.ok) messages.add(r.failure.message);
    }
    expect(messages.size).toBe(cases.length);
  });
});

describe('standard tools', () => {
  it('a package re-zipped by Info-ZIP zip, otherwise intact, is accepted; unzip reads ours', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdpkg-'));
    dirs.push(dir);
    const zip = await writeOuterZip(manifest, signature, payload);
    writeFileSync(join(dir, 'orig.cdpkg'), zip);
    execFileSync('unzip', ['-q', 'orig.cdpkg'], { cwd: dir });
    expect(readFileSync(join(dir, 'payload.age')).equals(payload)).toBe(true);
    for (const flags of [[], ['-X'], ['-0'], ['-9', '-D']]) {
      rmSync(join(dir, 're.zip'), { force: true });
      execFileSync('zip', ['-q', ...flags, 're.zip', 'manifest.json', 'manifest.json.minisig', 'payload.age'], { cwd: dir });
      const r = await readOuterZip(readFileSync(join(dir, 're.zip')));
      expect(r.ok, flags.join(' ')).toBe(true);
      if (r.ok) expect(r.payload.equals(payload) && r.manifest.equals(manifest) && r.signature.equals(signature)).toBe(true);
    }
    // written to a pipe, zip cannot seek back: the sizes follow each entry in a data descriptor
    rmSync(join(dir, 're.zip'), { force: true });
    execFileSync('sh', ['-c', 'zip -q - manifest.json manifest.json.minisig payload.age | cat > re.zip'], { cwd: dir });
    const piped = readFileSync(join(dir, 're.zip'));
    expect(piped.readUInt16LE(6) & 0x08).toBe(0x08);
    const pr = await readOuterZip(piped);
    expect(pr.ok && pr.payload.equals(payload)).toBe(true);
    // zip in another order is still the same package
    rmSync(join(dir, 're.zip'), { force: true });
    execFileSync('zip', ['-q', 're.zip', 'payload.age', 'manifest.json.minisig', 'manifest.json'], { cwd: dir });
    expect(await code(readFileSync(join(dir, 're.zip')))).toBe('ok');
  });
});

describe('readOuterZipFile', () => {
  it('reads a package file, and refuses a missing file, a folder and an oversized file without loading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdpkg-'));
    dirs.push(dir);
    const zip = await writeOuterZip(manifest, signature, payload);
    writeFileSync(join(dir, 'a.cdpkg'), zip);
    const r = await readOuterZipFile(join(dir, 'a.cdpkg'));
    expect(r.ok && r.bytes.equals(zip) && r.payload.equals(payload)).toBe(true);
    const missing = await readOuterZipFile(join(dir, 'none.cdpkg'));
    expect(missing.ok ? '' : missing.failure).toEqual({ code: 'unreadable', message: expect.stringContaining('文件不存在') });
    const folder = await readOuterZipFile(dir);
    expect(folder.ok ? '' : folder.failure.code).toBe('unreadable');
    // a sparse 300 MiB file: refused on its size, never read
    const huge = join(dir, 'huge.cdpkg');
    writeFileSync(huge, zip);
    truncateSync(huge, 300 * 2 ** 20);
    const before = process.memoryUsage().arrayBuffers;
    const big = await readOuterZipFile(huge);
    expect(big.ok ? '' : big.failure.code).toBe('tooLarge');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 2 ** 20);
  });
});
