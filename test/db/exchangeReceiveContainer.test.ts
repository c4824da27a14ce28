// The container and manifest cases of the spec through the whole receive, not the reader alone: each refused with its
// own code and message, one refusal logged, the received tables unchanged; a package re-zipped by Info-ZIP accepted.
// Also the races the write transaction judges again, and a basic court's export that cannot be recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freshCourtDb, record } from '../helpers/tempDb';
import { installTestKeys } from '../helpers/exchangeKeys';
import { forgePackage, type ForgeOptions } from '../helpers/packageForge';
import { buildParts } from '../../electron/core/exchange/parts/buildParts';
import { receivePackage } from '../../electron/core/exchange/package/receivePackage';
import { exportPackage } from '../../electron/core/exchange/package/exportPackage';
import { writeReceivedPackage } from '../../electron/core/exchange/parts/receivedStore';
import { validateParts } from '../../electron/core/exchange/parts/validateParts';
import { generateMinisignKey, type MinisignSecretKey } from '../../electron/core/exchange/crypto/minisign';
import { ageFingerprint, makeSigningKey, storeOwnKeys, storeRecipient } from '../../electron/core/exchange/keys/keyStore';
import { writeFileWhole } from '../../electron/core/print/wholeFile';
import { CoreError } from '../../electron/core/kernel/errors';
import type { DataPart } from '../../shared/exchange/partNames';
import { readOuterZip } from '../../electron/core/exchange/container/zipRead';
import { makeZip, zeroBomb, type RawEntry } from '../unit/exchange/containerZipBytes';

const PASS = 'mid-pass-1';
let mid: ReturnType<typeof freshCourtDb>;
let basic: ReturnType<typeof freshCourtDb>;
let signer: MinisignSecretKey;
let ours: { recipient: string; fingerprint: string };
let texts: Record<DataPart, string>;
let n = 0;

beforeAll(async () => {
  basic = freshCourtDb('辽0421');
  basic.put([record({ caseNumber: '（2025）辽0421民初1号', filedOn: '2025-03-10', plaintiffs: ['张三'] })], '2025-06-30');
  texts = Object.fromEntries(buildParts(basic.db, { from: '2025-01-01', to: '2025-06-30', sinceRowVersion: null, includePartyNames: false }).parts.map((p) => [p.name, p.data.toString('utf8')])) as Record<DataPart, string>;
  mid = freshCourtDb('辽04');
  signer = generateMinisignKey();
  ours = await installTestKeys(mid.db, PASS, [{ courtCode: '辽0421', courtName: '测试县人民法院', key: signer }]);
}, 60_000);
afterAll(() => {
  mid?.close();
  basic?.close();
});

const state = () => JSON.stringify(['received_packages', 'received_cases', 'received_indicators'].map((t) => mid.db.prepare(`SELECT * FROM ${t}`).all()));
const refusals = () => mid.db.prepare('SELECT COUNT(*) FROM package_refusals').pluck().get() as number;
const forge = (o: Partial<ForgeOptions> = {}) => forgePackage({ senderCode: '辽0421', signer, recipient: ours.recipient, recipientFingerprint: ours.fingerprint, sequence: 100 + ++n, parts: texts, ...o });

async function receiveBytes(bytes: Buffer, name = `p${++n}.cdpkg`) {
  const file = path.join(mid.dir, name);
  writeFileSync(file, bytes);
  try {
    return { ok: true as const, view: await receivePackage(mid.db, file, PASS, 'tester') };
  } catch (err) {
    if (err instanceof CoreError) return { ok: false as const, code: (err as { refusal?: string }).refusal ?? err.code, message: err.message };
    throw err;
  }
}

async function expectRefused(bytes: Buffer, code: string) {
  const before = state();
  const logged = refusals();
  const r = await receiveBytes(bytes);
  expect(r, JSON.stringify(r)).toMatchObject({ ok: false, code });
  expect(r.ok ? '' : r.message).toMatch(/[\u4e00-\u9fff]/);
  expect(state()).toBe(before);
  expect(refusals()).toBe(logged + 1);
}

describe('container and manifest cases, received', () => {
  it.each<[string, (good: Buffer) => Buffer, string]>([
    ['an empty file', () => Buffer.alloc(0), 'empty'],
    ['random bytes', () => Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), 'zip.notZip'],
    ['a PDF renamed', () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n'), 'zip.notZip'],
    ['truncated at half', (g) => g.subarray(0, g.length >> 1), 'zip.truncated'],
    ['truncated at length − 1', (g) => g.subarray(0, g.length - 1), 'zip.truncated'],
    ['bytes appended', (g) => Buffer.concat([g, Buffer.from('extra')]), 'zip.trailingBytes'],
    ['bytes prepended', (g) => Buffer.concat([Buffer.from('MZ'), g]), 'zip.leadingBytes'],
  ])('%s', async (_label, damage, code) => {
    const { bytes } = await forge();
    await expectRefused(damage(bytes), code);
  });

  it.each<[string, () => Partial<ForgeOptions>, string]>([
    ['a manifest with a BOM', () => ({ manifestBytes: (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]) }), 'manifest.bom'],
    ['a manifest with a duplicate key', () => ({ manifestBytes: (b) => Buffer.from(b.toString('utf8').replace('{', '{\n  "kind": "full",')) }), 'manifest.duplicateKey'],
    ['an unknown formatVersion', () => ({ manifestBytes: (b) => Buffer.from(b.toString('utf8').replace('"formatVersion": 1', '"formatVersion": 2')) }), 'manifest.formatVersion'],
    ['a sequence written "7"', () => ({ manifestBytes: (b) => Buffer.from(b.toString('utf8').replace(/"sequence": \d+/, '"sequence": "7"')) }), 'manifest.schema'],
    ['a sequence of 2^60', () => ({ manifestBytes: (b) => Buffer.from(b.toString('utf8').replace(/"sequence": \d+/, '"sequence": 1152921504606846976')) }), 'manifest.schema'],
    ['content.json counts that disagree with the manifest', () => ({ content: (c) => ({ ...c, counts: { ...c.counts, 'cases.ndjson': 9 } }) }), 'content.disagrees'],
    ['party names the manifest says are not there', () => ({ parts: { ...texts, 'cases.ndjson': texts['cases.ndjson'].replace('"caseNumber"', '"plaintiffs":["张三"],"caseNumber"') } }), 'rows'],
  ])('%s', async (_label, o, code) => {
    const { bytes } = await forge(o());
    await expectRefused(bytes, code);
  });

  it('a package re-zipped by Info-ZIP, otherwise intact, is received', async () => {
    const { bytes } = await forge();
    const dir = path.join(mid.dir, 'rezip');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'orig.cdpkg'), bytes);
    execFileSync('unzip', ['-q', 'orig.cdpkg'], { cwd: dir });
    execFileSync('zip', ['-q', '-X', '-9', 'again.cdpkg', 'payload.age', 'manifest.json.minisig', 'manifest.json'], { cwd: dir });
    const r = await receivePackage(mid.db, path.join(dir, 'again.cdpkg'), PASS, 'tester');
    expect(r.status).toBe('imported');
  });

  it('an incremental package with a large gap names the numbers missing', async () => {
    const { bytes } = await forge({ sequence: 6000, kind: 'incremental', baseSequence: 5000 });
    const r = await receiveBytes(bytes);
    expect(r).toMatchObject({ ok: false, code: 'baseMismatch' });
    expect(r.ok ? '' : r.message).toMatch(/缺少序号 \d+–5000 的报送包/);
  });
});

describe('the ZIP built by hand around a sound package, received', () => {
  /** The three entries of a sound package, to be re-assembled with one thing wrong. */
  async function entries(): Promise<RawEntry[]> {
    const { bytes } = await forge();
    const outer = await readOuterZip(bytes);
    if (!outer.ok) throw new Error(outer.failure.message);
    return [
      { name: 'manifest.json', data: outer.manifest },
      { name: 'manifest.json.minisig', data: outer.signature },
      { name: 'payload.age', data: outer.payload },
    ];
  }
  const zip64 = Buffer.alloc(20);
  zip64.writeUInt16LE(0x0001, 0);
  zip64.writeUInt16LE(16, 2);
  const bomb = zeroBomb(1024);

  it.each<[string, (e: RawEntry[]) => Buffer, string]>([
    ['the same entries again: accepted by the reader (control)', (e) => makeZip(e), ''],
    ['an entry added', (e) => makeZip([...e, { name: 'notes.txt', data: Buffer.from('x') }]), 'zip.unexpectedEntry'],
    ['an entry removed', (e) => makeZip(e.slice(0, 2)), 'zip.missingEntry'],
    ['manifest.JSON', (e) => makeZip([{ ...e[0], name: 'manifest.JSON' }, e[1], e[2]]), 'zip.unexpectedEntry'],
    ['an entry put in a folder', (e) => makeZip([e[0], e[1], { ...e[2], name: 'pkg/payload.age' }]), 'zip.folder'],
    ['a directory entry', (e) => makeZip([{ name: 'pkg/' }, ...e]), 'zip.directory'],
    ['two entries of one name', (e) => makeZip([...e, { ...e[0] }]), 'zip.duplicateEntry'],
    ['a name ../x', (e) => makeZip([{ name: '../x', data: Buffer.from('x') }, ...e]), 'zip.unsafeName'],
    ['a name /etc/x', (e) => makeZip([{ name: '/etc/x', data: Buffer.from('x') }, ...e]), 'zip.unsafeName'],
    ['a name C:\\x', (e) => makeZip([{ name: 'C:\\x', data: Buffer.from('x') }, ...e]), 'zip.unsafeName'],
    ['a name with NUL', (e) => makeZip([{ name: 'manifest.json\0', data: Buffer.from('x') }, ...e]), 'zip.unsafeName'],
    ['a name 70,000 characters long', (e) => makeZip([...e, { name: 'a'.repeat(70_000), data: Buffer.from('x') }]), 'zip.structure'],
    ['the encryption flag', (e) => makeZip([e[0], { ...e[1], flags: 0x801 }, e[2]]), 'zip.encrypted'],
    ['ZIP64', (e) => makeZip([{ ...e[0], extra: zip64 }, e[1], e[2]]), 'zip.zip64'],
    ['a 1 GB zero-filled entry as a fourth entry', (e) => makeZip([...e, { name: 'zeros.bin', method: 8, compressed: bomb, uncompressedSize: 2 ** 30, crc: 0 }]), 'zip.unexpectedEntry'],
    ['a 1 GB zero-filled entry as payload.age', (e) => makeZip([e[0], e[1], { name: 'payload.age', method: 8, compressed: bomb, uncompressedSize: 2 ** 30, crc: 0 }]), 'zip.compressible'],
    ['a zero-filled payload.age with a lying declared size', (e) => makeZip([e[0], e[1], { name: 'payload.age', method: 8, compressed: bomb, uncompressedSize: bomb.length, crc: 0 }]), 'zip.sizeMismatch'],
  ])('%s', async (_label, build, code) => {
    const bytes = build(await entries());
    if (code === '') {
      const r = await receiveBytes(bytes);
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
      return;
    }
    await expectRefused(bytes, code);
  });
});

describe('races', () => {
  it('a newer package committed while this one was being decrypted: this one is judged again inside the transaction and refused', async () => {
    const { bytes } = await forge({ sequence: 7000 });
    const file = path.join(mid.dir, 'race.cdpkg');
    writeFileSync(file, bytes);
    const newer = await forge({ sequence: 7001 });
    const logged = refusals();
    // The other import commits at the last moment before ours takes the write lock.
    const other = () => {
      const rows = validateParts(new Map(Object.entries(texts).map(([k, v]) => [k, Buffer.from(v)])), { senderCode: '辽0421', kind: 'full', counts: newer.manifest.counts, period: newer.manifest.period });
      if (!rows.ok) throw new Error(rows.message);
      mid.db.transaction(() => writeReceivedPackage(mid.db, { packageId: newer.manifest.packageId, senderCode: '辽0421', senderName: '测试县人民法院', sequence: 7001, kind: 'full', baseSequence: null, periodFrom: '2025-01-01', periodTo: '2025-06-30', payloadSha256: newer.manifest.payloadSha256, manifestJson: '{}', createdAt: newer.manifest.createdAt, includesPartyNames: false, receivedBy: 'other', warning: null }, rows.rows))();
    };
    const afterOther = () => state();
    let expected = '';
    await expect(receivePackage(mid.db, file, PASS, 'tester', () => { other(); expected = afterOther(); })).rejects.toThrow(/已过期/);
    expect(state()).toBe(expected);
    expect(refusals()).toBe(logged + 1);
  });

  it('an export that cannot be recorded (another took its sequence) removes its file; two at once: the second is refused', async () => {
    const b = freshCourtDb('辽0422');
    try {
      b.put([record({ caseNumber: '（2025）辽0422民初1号', filedOn: '2025-03-10' })], '2025-06-30');
      const key = await makeSigningKey('basic-pass-1');
      storeOwnKeys(b.db, [{ kind: 'minisign', publicText: key.line, fingerprint: key.fingerprint, sealed: key.sealed }], 'tester', 'exchange.keys.init');
      storeRecipient(b.db, { courtCode: '辽04', courtName: '某某市中级人民法院', recipient: ours.recipient, fingerprint: ageFingerprint(ours.recipient).hex, signingKey: null }, 'tester');
      const stick = path.join(b.dir, 'usb');
      mkdirSync(stick);
      const req = { from: '2025-01-01', to: '2025-06-30', incremental: false, includePartyNames: false, outDir: stick, passphrase: 'basic-pass-1' };
      const taken = (file: string, bytes: Buffer) => {
        writeFileWhole(file, bytes);
        b.db.prepare(`INSERT INTO exchange_exports (sequence, package_id, kind, base_sequence, period_from, period_to, file_name, payload_sha256, package_sha256, size, bytes, high_row_version, includes_party_names, counts_json, created_at, created_by)
          VALUES (1, 'other', 'full', NULL, '2025-01-01', '2025-06-30', 'x', ?, ?, 1, x'00', 0, 0, '{}', 'now', 'other')`).run('a'.repeat(64), 'b'.repeat(64));
      };
      await expect(exportPackage(b.db, req, 'tester', taken)).rejects.toThrow(/刚刚用了序号 1/);
      expect(readdirSync(stick)).toEqual([]);
      const both = await Promise.allSettled([exportPackage(b.db, req, 'tester'), exportPackage(b.db, req, 'tester')]);
      expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(String((both.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.message)).toContain('另一个报送包正在生成');
    } finally {
      b.close();
    }
  });
});
