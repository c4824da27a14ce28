// The inner ZIP (the plaintext of payload.age) reader: fixed names, at most 16 entries, the 2 GiB inflated cap.
import { describe, expect, it } from 'vitest';
import { readInnerZip, readOuterZip } from '../../../electron/core/exchange/container/zipRead';
import { writeInnerZip } from '../../../electron/core/exchange/container/zipWrite';
import { INNER_ENTRIES } from '../../../shared/exchange/partNames';
import { makeZip, zeroBomb, type RawEntry } from './containerZipBytes';

const parts = (): RawEntry[] => INNER_ENTRIES.map((name, i) => ({ name, data: Buffer.from(`{"part":${i}}\n`.repeat(50)), method: 8 }));

async function code(bytes: Buffer): Promise<string> {
  const r = await readInnerZip(bytes);
  return r.ok ? 'ok' : r.failure.code;
}

describe('writeInnerZip and readInnerZip', () => {
  it('reads back every part, DEFLATE-compressed', async () => {
    // an empty part (deletions of a full package) is an entry of 0 bytes
    const entries = INNER_ENTRIES.map((name) => ({ name, data: Buffer.from(name === 'deletions.ndjson' ? '' : `${name}\n`.repeat(1000)) }));
    const zip = await writeInnerZip(entries);
    expect(zip.length).toBeLessThan(entries.reduce((s, e) => s + e.data.length, 0) / 10);
    const r = await readInnerZip(zip);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.entries.keys()]).toEqual([...INNER_ENTRIES]);
    for (const e of entries) expect(r.entries.get(e.name)!.equals(e.data)).toBe(true);
  });

  it('refuses to write a name outside the fixed list or twice', async () => {
    await expect(writeInnerZip([{ name: '../x', data: Buffer.alloc(1) }])).rejects.toThrow(/unexpected/);
    await expect(writeInnerZip([{ name: 'content.json', data: Buffer.alloc(1) }, { name: 'content.json', data: Buffer.alloc(1) }])).rejects.toThrow(
      /duplicate/,
    );
  });

  it('a hand-made inner ZIP with all parts is accepted; an outer-style one is not', async () => {
    expect(await code(makeZip(parts()))).toBe('ok');
    const outer = await readOuterZip(makeZip(parts()));
    expect(outer.ok ? '' : outer.failure.code).toBe('unexpectedEntry');
  });
});

describe('inner attacks', () => {
  it('more than 16 entries, refused before the names are read', async () => {
    const many = [...parts(), ...Array.from({ length: 9 }, (_, i) => ({ name: `extra${i}.ndjson`, data: Buffer.from('x') }))];
    expect(await code(makeZip(many))).toBe('tooManyEntries');
  });

  it('an unknown part, a part twice, content.json missing, a part in a folder, an unsafe name', async () => {
    expect(await code(makeZip([...parts(), { name: 'notes.ndjson', data: Buffer.from('x') }]))).toBe('unexpectedEntry');
    expect(await code(makeZip([...parts(), { name: 'cases.ndjson', data: Buffer.from('x') }]))).toBe('duplicateEntry');
    expect(await code(makeZip(parts().slice(1)))).toBe('missingEntry');
    const empty = await readInnerZip(makeZip([]));
    expect(empty.ok ? '' : empty.failure).toEqual({ code: 'missingEntry', message: expect.stringContaining('「content.json」') });
    const foldered = parts();
    foldered[1] = { ...foldered[1], name: 'data/cases.ndjson' };
    expect(await code(makeZip(foldered))).toBe('folder');
    expect(await code(makeZip([{ name: '../../etc/passwd', data: Buffer.from('x') }, ...parts()]))).toBe('unsafeName');
  });

  it('declared sizes over 2 GiB in all, refused before inflating', async () => {
    const big = parts();
    big[1] = { ...big[1], compressed: zeroBomb(1), uncompressedSize: 1.5 * 2 ** 30 };
    big[2] = { ...big[2], compressed: zeroBomb(1), uncompressedSize: 1.5 * 2 ** 30 };
    expect(await code(makeZip(big))).toBe('inflatedTooLarge');
  });

  it('a part whose declared size lies, stopped as it inflates', async () => {
    const lying = parts();
    lying[1] = { ...lying[1], compressed: zeroBomb(64), uncompressedSize: 4096, crc: 0 };
    const started = Date.now();
    expect(await code(makeZip(lying))).toBe('sizeMismatch');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('messages say they are about the encrypted content, not the outer file', async () => {
    const r = await readInnerZip(makeZip(parts().slice(1)));
    expect(r.ok ? '' : r.failure.message).toContain('报送包的加密内容');
    expect(r.ok ? '' : r.failure.message).toContain('content.json');
    expect(await code(Buffer.from('not a zip'))).toBe('notZip');
    const t = makeZip(parts());
    expect(await code(t.subarray(0, t.length - 10))).toBe('truncated');
  });
});
