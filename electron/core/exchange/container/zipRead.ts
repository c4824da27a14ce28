// Reads a package's outer ZIP (.cdpkg) and the inner ZIP inside payload.age: strict layout, fixed names, capped sizes.
// Order: size cap, the byte-level layout scan (zipScan), the names against the fixed list, the declared sizes against
// the caps (and payload.age against compressibility) before anything is inflated, then yauzl (strict names, entry-size
// validation) inflates each entry while we count the bytes, stop past the declared size and check the CRC-32.
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { PACKAGE_LIMITS } from '../../../../shared/exchange/limits';
import { INNER_ENTRIES, OUTER_ENTRIES } from '../../../../shared/exchange/partNames';
import { failure, type ContainerCode, type ContainerFailure, type Layer } from './failures';
import { scanZip, unsafeName, type ScannedEntry } from './zipScan';

export type { ContainerFailure } from './failures';

type Fail = { ok: false; failure: ContainerFailure };
type Read = { ok: true; entries: Map<string, Buffer> } | Fail;

class Refusal extends Error {
  constructor(readonly failure: ContainerFailure) {
    super(failure.message);
  }
}

/** Per-entry caps of the outer ZIP; payload.age is bounded by the package cap. */
const OUTER_CAPS: Record<string, number> = {
  'manifest.json': PACKAGE_LIMITS.manifestBytes,
  'manifest.json.minisig': PACKAGE_LIMITS.signatureBytes,
  'payload.age': PACKAGE_LIMITS.packageBytes,
};

function mib(bytes: number): string {
  return bytes >= 2 ** 30 ? `${bytes / 2 ** 30} GiB` : bytes >= 2 ** 20 ? `${bytes / 2 ** 20} MiB` : `${bytes / 2 ** 10} KiB`;
}

/** Names against the fixed list: unsafe, folders, unknown, twice, missing; each its own message. */
function checkNames(entries: ScannedEntry[], allowed: readonly string[], layer: Layer): ContainerFailure | null {
  const seen = new Set<string>();
  for (const { name } of entries) {
    if (unsafeName(name)) return failure(layer, 'unsafeName', name);
    if (name.endsWith('/')) return failure(layer, 'directory', name);
    if (name.includes('/')) return failure(layer, 'folder', name);
    if (!allowed.includes(name)) return failure(layer, 'unexpectedEntry', name);
    if (seen.has(name)) return failure(layer, 'duplicateEntry', name);
    seen.add(name);
  }
  for (const name of allowed) if (!seen.has(name)) return failure(layer, 'missingEntry', name);
  return null;
}

/**
 * Ciphertext does not compress: a DEFLATE payload.age much smaller than its declared size is a bomb, refused before
 * inflating. DEFLATE of random bytes comes out a little larger, so 1% and a small allowance leave no false alarm.
 */
function compressible(entry: ScannedEntry): boolean {
  return entry.method === 8 && entry.compressedSize < entry.uncompressedSize * 0.99 - 1024;
}

function sizeFailure(entry: ScannedEntry, cap: number, layer: Layer): ContainerFailure | null {
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) return failure(layer, 'sizeMismatch', entry.name);
  if (entry.uncompressedSize > cap) return failure(layer, 'entryTooLarge', entry.name, mib(cap));
  return null;
}

function streamFailure(error: unknown, name: string, layer: Layer): ContainerFailure {
  if (error instanceof Refusal) return error.failure;
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  let kind: ContainerCode = 'structure';
  if (/too many bytes|not enough bytes|size mismatch/i.test(text)) kind = 'sizeMismatch';
  else if (typeof code === 'string' && code.startsWith('Z_')) kind = 'corrupt';
  return failure(layer, kind, name, kind === 'structure' ? '无法读取条目' : '');
}

/** Inflates one entry, counting as it goes: past `declared` bytes it stops (a lying size never inflates further). */
async function readEntryData(stream: Readable, entry: ScannedEntry, layer: Layer, budget: { left: number }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let count = 0;
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      count += chunk.length;
      if (count > entry.uncompressedSize) throw new Refusal(failure(layer, 'sizeMismatch', entry.name));
      budget.left -= chunk.length;
      if (budget.left < 0) throw new Refusal(failure(layer, 'inflatedTooLarge', entry.name, mib(PACKAGE_LIMITS.inflatedTotal)));
      crc = crc32(chunk, crc);
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  if (count !== entry.uncompressedSize) throw new Refusal(failure(layer, 'sizeMismatch', entry.name));
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new Refusal(failure(layer, 'crc', entry.name));
  return Buffer.concat(chunks, count);
}

/** yauzl reads the entries the scan already vetted; it must see exactly the same names in the same order. */
async function inflateAll(bytes: Buffer, scanned: ScannedEntry[], layer: Layer): Promise<Read> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true, decodeStrings: true });
  } catch {
    return { ok: false, failure: failure(layer, 'structure', '', 'ZIP 目录无法读取') };
  }
  const out = new Map<string, Buffer>();
  const budget = { left: PACKAGE_LIMITS.inflatedTotal };
  let index = 0;
  let current = '';
  try {
    for await (const entry of zip.eachEntry()) {
      const expected = scanned[index++];
      current = entry.fileName;
      if (!expected || entry.fileName !== expected.name) throw new Refusal(failure(layer, 'structure', '', '条目前后不一致'));
      const stream = await zip.openReadStreamPromise(entry);
      out.set(entry.fileName, await readEntryData(stream, expected, layer, budget));
    }
  } catch (error) {
    return { ok: false, failure: streamFailure(error, current, layer) };
  } finally {
    zip.close();
  }
  if (index !== scanned.length) return { ok: false, failure: failure(layer, 'structure', '', '条目数量前后不一致') };
  return { ok: true, entries: out };
}

export async function readOuterZip(
  bytes: Buffer,
): Promise<{ ok: true; manifest: Buffer; signature: Buffer; payload: Buffer } | { ok: false; failure: ContainerFailure }> {
  const layer: Layer = 'outer';
  if (bytes.length > PACKAGE_LIMITS.packageBytes) return { ok: false, failure: failure(layer, 'tooLarge', '', mib(PACKAGE_LIMITS.packageBytes)) };
  const scan = scanZip(bytes, layer);
  if (!scan.ok) return scan;
  const names = checkNames(scan.entries, OUTER_ENTRIES, layer);
  if (names) return { ok: false, failure: names };
  for (const entry of scan.entries) {
    if (entry.name === 'payload.age' && compressible(entry)) return { ok: false, failure: failure(layer, 'compressible', entry.name) };
    const tooBig = sizeFailure(entry, OUTER_CAPS[entry.name], layer);
    if (tooBig) return { ok: false, failure: tooBig };
  }
  const read = await inflateAll(bytes, scan.entries, layer);
  if (!read.ok) return read;
  return {
    ok: true,
    manifest: read.entries.get('manifest.json')!,
    signature: read.entries.get('manifest.json.minisig')!,
    payload: read.entries.get('payload.age')!,
  };
}

export async function readInnerZip(bytes: Buffer): Promise<Read> {
  const layer: Layer = 'inner';
  const scan = scanZip(bytes, layer);
  if (!scan.ok) return scan;
  if (scan.entries.length > PACKAGE_LIMITS.innerEntries)
    return { ok: false, failure: failure(layer, 'tooManyEntries', '', `${scan.entries.length} 个，上限 ${PACKAGE_LIMITS.innerEntries} 个`) };
  const names = checkNames(scan.entries, INNER_ENTRIES, layer);
  if (names) return { ok: false, failure: names };
  let declared = 0;
  for (const entry of scan.entries) {
    const tooBig = sizeFailure(entry, PACKAGE_LIMITS.inflatedTotal, layer);
    if (tooBig) return { ok: false, failure: tooBig };
    declared += entry.uncompressedSize;
  }
  if (declared > PACKAGE_LIMITS.inflatedTotal)
    return { ok: false, failure: failure(layer, 'inflatedTooLarge', '', mib(PACKAGE_LIMITS.inflatedTotal)) };
  return inflateAll(bytes, scan.entries, layer);
}

/** Why an fs error happened, in words a clerk can act on (the raw text goes nowhere). */
function fsReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'EISDIR') return '选中的是文件夹';
  return '读取出错';
}

/**
 * readOuterZip on a file: its size is checked before a byte is read, so a huge file on the stick is refused without
 * being loaded; the bytes read are returned too (`bytes`), for hashing or keeping the exact package.
 */
export async function readOuterZipFile(
  path: string,
): Promise<{ ok: true; bytes: Buffer; manifest: Buffer; signature: Buffer; payload: Buffer } | { ok: false; failure: ContainerFailure }> {
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const { size, isFile } = await handle.stat().then((s) => ({ size: s.size, isFile: s.isFile() }));
      if (!isFile) return { ok: false, failure: failure('outer', 'unreadable', '', '选中的不是文件') };
      if (size > PACKAGE_LIMITS.packageBytes) return { ok: false, failure: failure('outer', 'tooLarge', '', mib(PACKAGE_LIMITS.packageBytes)) };
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, failure: failure('outer', 'unreadable', '', fsReason(error)) };
  }
  const read = await readOuterZip(bytes);
  return read.ok ? { ...read, bytes } : read;
}
