// Writes a package's outer ZIP (three STORED entries in the fixed order) and the inner ZIP (DEFLATE) with yazl.
import yazl from 'yazl';
import { INNER_ENTRIES } from '../../../../shared/exchange/partNames';

type Entry = { name: string; data: Buffer; compress: boolean };

async function writeZip(entries: Entry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = new Date();
  // DOS timestamps only: the extended-timestamp field adds nothing a court needs and one more thing to parse
  for (const e of entries) zip.addBuffer(e.data, e.name, { compress: e.compress, mtime, forceDosTimestamp: true });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
  zip.end();
  return done;
}

/** The .cdpkg: manifest.json, manifest.json.minisig, payload.age, STORED, in that order (spec: The file). */
export async function writeOuterZip(manifest: Buffer, signature: Buffer, payload: Buffer): Promise<Buffer> {
  return writeZip([
    { name: 'manifest.json', data: manifest, compress: false },
    { name: 'manifest.json.minisig', data: signature, compress: false },
    { name: 'payload.age', data: payload, compress: false },
  ]);
}

/** The plaintext of payload.age: content.json and the data parts, DEFLATE; names outside the fixed list are a bug. */
export async function writeInnerZip(entries: Array<{ name: string; data: Buffer }>): Promise<Buffer> {
  const names = new Set<string>();
  for (const e of entries) {
    if (!(INNER_ENTRIES as readonly string[]).includes(e.name)) throw new Error(`writeInnerZip: unexpected entry ${e.name}`);
    if (names.has(e.name)) throw new Error(`writeInnerZip: duplicate entry ${e.name}`);
    names.add(e.name);
  }
  return writeZip(entries.map((e) => ({ ...e, compress: true })));
}
