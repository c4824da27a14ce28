// The intermediate court refusing bad packages: signature, recipient, payload, content and rows, freshness and a
// crash before the commit. Each case asserts its own message and that the received tables hold nothing of it (the
// tables' content, not the file's bytes: the WAL and the refusal log change the file).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freshCourtDb, record } from '../helpers/tempDb';
import { forgePackage, type ForgeOptions } from '../helpers/packageForge';
import { buildParts } from '../../electron/core/exchange/parts/buildParts';
import { receivePackage } from '../../electron/core/exchange/package/receivePackage';
import { generateMinisignKey, type MinisignSecretKey } from '../../electron/core/exchange/crypto/minisign';
import { generateAgeIdentity } from '../../electron/core/exchange/crypto/age';
import type { DataPart } from '../../shared/exchange/partNames';
import { CoreError } from '../../electron/core/kernel/errors';
import { installTestKeys } from '../helpers/exchangeKeys';

const PASS = 'mid-pass-1';
let mid: ReturnType<typeof freshCourtDb>;
let basic: ReturnType<typeof freshCourtDb>;
let signer: MinisignSecretKey;
let other: MinisignSecretKey;
let third: MinisignSecretKey;
let ours: { identity: string; recipient: string; fingerprint: string };
let theirs: { identity: string; recipient: string };
let texts: Record<DataPart, string>;
let n = 0;

beforeAll(async () => {
  basic = freshCourtDb('辽0421');
  basic.put([
    record({ caseNumber: '（2025）辽0421民初1号', filedOn: '2025-03-10', closedOn: '2025-05-18', closingMethod: '判决' }),
    record({ caseNumber: '（2025）辽0421民初2号', filedOn: '2025-04-17' }),
    record({ caseNumber: '（2025）辽0421民初3号', filedOn: '2025-05-18', division: '民二庭', judge: '周法官' }),
  ], '2025-06-30');
  const built = buildParts(basic.db, { from: '2025-01-01', to: '2025-06-30', sinceRowVersion: null, includePartyNames: false });
  texts = Object.fromEntries(built.parts.map((p) => [p.name, p.data.toString('utf8')])) as Record<DataPart, string>;
  mid = freshCourtDb('辽04');
  signer = generateMinisignKey();
  other = generateMinisignKey();
  third = generateMinisignKey();
  const keys = await installTestKeys(mid.db, PASS, [
    { courtCode: '辽0421', courtName: '测试县人民法院', key: signer },
    { courtCode: '辽0422', courtName: '另一县人民法院', key: other },
    { courtCode: '辽0423', courtName: '第三县人民法院', key: third },
  ]);
  ours = keys;
  theirs = await generateAgeIdentity();
}, 60_000);
afterAll(() => {
  mid?.close();
  basic?.close();
});

function state(): string {
  const tables = mid.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'received_%') ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, mid.db.prepare(`SELECT * FROM ${t}`).all()]));
}

async function receive(o: Partial<ForgeOptions>, passphrase = PASS) {
  const { bytes } = await forgePackage({ senderCode: '辽0421', signer, recipient: ours.recipient, recipientFingerprint: ours.fingerprint, sequence: 1000 + n, parts: texts, ...o });
  return receiveBytes(bytes, passphrase);
}

async function receiveBytes(bytes: Buffer, passphrase = PASS) {
  const file = path.join(mid.dir, `p${++n}.cdpkg`);
  writeFileSync(file, bytes);
  try {
    return { ok: true as const, view: await receivePackage(mid.db, file, passphrase, 'tester') };
  } catch (err) {
    if (err instanceof CoreError) return { ok: false as const, message: err.message, code: (err as { refusal?: string }).refusal ?? err.code };
    throw err;
  }
}

/** A refused package: its message, its code, nothing of it in the received tables, and one refusal logged. */
async function expectRefused(o: Partial<ForgeOptions> | Buffer, code: string, message: string) {
  const before = state();
  const refusals = mid.db.prepare('SELECT COUNT(*) FROM package_refusals').pluck().get() as number;
  const r = Buffer.isBuffer(o) ? await receiveBytes(o) : await receive(o);
  expect(r.ok, JSON.stringify(r)).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  expect(r.message).toContain(message);
  expect(state()).toBe(before);
  expect(mid.db.prepare('SELECT COUNT(*) FROM package_refusals').pluck().get()).toBe(refusals + 1);
}

describe('signature and sender', () => {
  it('a changed byte in the signed manifest', () =>
    expectRefused({ manifestBytes: (b) => Buffer.from(b.toString('utf8').replace('测试县人民法院', '测试县人民法庭')) }, 'signature.signature', '签名无效'));
  it('signed by another registered court\'s key', () => expectRefused({ signer: other }, 'signature.keyId', '不是该院登记的密钥'));
  it('signed by an unregistered court', () => expectRefused({ senderCode: '辽0499' }, 'unregisteredSender', '未在本院登记'));
  it('a key with the same key id but another public key', async () => {
    const impostor = { ...generateMinisignKey(), keyId: signer.keyId };
    await expectRefused({ signer: impostor }, 'signature.signature', '签名无效');
  });
  // The .minisig's four lines: untrusted comment, signature, trusted comment, global signature (over the signature
  // and the trusted comment). A change in any but the first is refused.
  const line = (i: number, change: (l: string) => string) => (sig: string) => sig.split('\n').map((l, j) => (j === i ? change(l) : l)).join('\n');
  const flip = (l: string) => l.slice(0, 20) + (l[20] === 'A' ? 'B' : 'A') + l.slice(21);
  it('a changed signature line', () => expectRefused({ signature: line(1, flip) }, 'signature.signature', '签名无效'));
  it('a changed trusted comment', () => expectRefused({ signature: line(2, (l) => `${l} 改`) }, 'signature.trustedComment', '签名无效'));
  it('a changed global signature', () => expectRefused({ signature: line(3, flip) }, 'signature.trustedComment', '签名无效'));
  it('a manifest missing a field', () =>
    expectRefused({ manifestBytes: (b) => Buffer.from(b.toString('utf8').replace(/\n {2}"payloadSha256": "[0-9a-f]{64}",/, '')) }, 'manifest.schema', 'payloadSha256'));
  it('the untrusted comment is not signed: a change there is accepted as far as the signature goes', async () => {
    const r = await receive({ sequence: 50, signature: (s) => s.replace('test signature', 'edited comment') });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  });
});

describe('recipient and payload', () => {
  it('a package for another intermediate court', () => expectRefused({ recipientFingerprint: 'ab'.repeat(32) }, 'recipient', '不是报送给本院的'));
  it('a changed byte in payload.age: hash mismatch before decryption (no passphrase needed)', async () => {
    const { bytes } = await forgePackage({ senderCode: '辽0421', signer, recipient: ours.recipient, recipientFingerprint: ours.fingerprint, sequence: 2000, parts: texts, payloadAfterSigning: (p) => { const c = Buffer.from(p); c[300] ^= 1; return c; } });
    const before = state();
    const r = await receiveBytes(bytes, 'not-the-passphrase');
    expect(r).toMatchObject({ ok: false, code: 'payloadHash' });
    expect(state()).toBe(before);
  });
  const chunk = 64 * 1024;
  // Incompressible filler, so that the inner ZIP (DEFLATE) still spans several 64 KiB chunks.
  const big = { 'cases.ndjson': '', 'indicators.json': JSON.stringify({ filler: randomBytes(3 * chunk).toString('base64') }) };
  it('signed over a damaged ciphertext: a changed chunk byte is age\'s to find', () => expectRefused({ payload: (p) => { const c = Buffer.from(p); c[c.length - 100] ^= 1; return c; } }, 'decrypt.damaged', '解密失败'));
  it('signed over a ciphertext truncated at a 64 KiB chunk boundary', () =>
    expectRefused({ parts: { ...texts, ...big }, payload: (p) => { const header = p.indexOf(Buffer.from('\n---')) ; const body = p.indexOf(10, header + 1) + 1 + 16; return p.subarray(0, body + chunk + 16); } }, 'decrypt.damaged', '解密失败'));
  it('signed over a ciphertext with a byte appended', () => expectRefused({ payload: (p) => Buffer.concat([p, Buffer.from([0])]) }, 'decrypt.damaged', '解密失败'));
  it('signed over a changed header stanza', () => expectRefused({ payload: (p) => { const c = Buffer.from(p); const at = c.indexOf(Buffer.from('-> X25519 ')) + 12; c[at] = c[at] === 0x41 ? 0x42 : 0x41; return c; } }, 'decrypt.wrongRecipient', '不是加密给本院的'));
  it('encrypted to another intermediate court, though the manifest names ours', () => expectRefused({ recipient: theirs.recipient }, 'decrypt.wrongRecipient', '不是加密给本院的'));
});

describe('content and rows', () => {
  it('content.json naming another court', () => expectRefused({ content: (c) => ({ ...c, sender: { courtCode: '辽0422' } }) }, 'content.disagrees', '辽0422'));
  it('content.json naming another id', () => expectRefused({ content: (c) => ({ ...c, packageId: '00000000-0000-4000-8000-000000000000' }) }, 'content.disagrees', ''));
  it('content.json naming another sequence', () => expectRefused({ content: (c) => ({ ...c, sequence: 99 }) }, 'content.disagrees', ''));
  it('counts that disagree', () => expectRefused({ manifest: (m) => ({ ...m, counts: { ...m.counts, 'cases.ndjson': 4 } }), content: (c) => ({ ...c, counts: { ...c.counts, 'cases.ndjson': 4 } }) }, 'rows', 'cases.ndjson'));
  it('an unsupported (newer) schema version', () => expectRefused({ manifest: (m) => ({ ...m, schemaVersion: 999 }) }, 'schemaVersion', '更新版本'));
  it('a bad NDJSON line', () => expectRefused({ parts: { ...texts, 'cases.ndjson': texts['cases.ndjson'].replace(/\n$/, '') + '\n{not json\n' } }, 'rows', 'cases.ndjson'));
  it('a case number of another court', () => expectRefused({ parts: { ...texts, 'cases.ndjson': texts['cases.ndjson'].replaceAll('辽0421民初2号', '辽0422民初2号') } }, 'rows', '辽0422'));
  it('duplicate case numbers', () => expectRefused({ parts: { ...texts, 'cases.ndjson': texts['cases.ndjson'].replaceAll('辽0421民初3号', '辽0421民初2号') } }, 'rows', '第 3 行：案号重复'));
});

describe('freshness and crashes (a court of their own, 辽0423)', () => {
  const fresh = (o: Partial<ForgeOptions>): Partial<ForgeOptions> => ({ senderCode: '辽0423', signer: third, parts: Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.replaceAll('辽0421', '辽0423')])), ...o });
  it('a process gone between decryption and commit leaves nothing, and the next import succeeds', async () => {
    const { bytes } = await forgePackage({ recipient: ours.recipient, recipientFingerprint: ours.fingerprint, sequence: 1, ...(fresh({}) as Pick<ForgeOptions, 'senderCode' | 'signer'>) });
    const file = path.join(mid.dir, 'crash.cdpkg');
    writeFileSync(file, bytes);
    const before = state();
    await expect(receivePackage(mid.db, file, PASS, 'tester', () => { throw new Error('killed'); })).rejects.toThrow('killed');
    expect(state()).toBe(before);
    const r = await receivePackage(mid.db, file, PASS, 'tester');
    expect(r.status).toBe('imported');
    const after = state();
    expect(after).not.toBe(before);
    const again = await receivePackage(mid.db, file, PASS, 'tester');
    expect(again.status).toBe('alreadyImported');
    expect(state()).toBe(after);
  });
  it('same sequence with another id; an older sequence; an incremental with a gap; a wrong passphrase', async () => {
    const first = await receive(fresh({ sequence: 3 }));
    expect(first.ok, JSON.stringify(first)).toBe(true);
    await expectRefused(fresh({ sequence: 3 }), 'sequenceReused', '序号 3');
    await expectRefused(fresh({ sequence: 2 }), 'outdated', '已过期');
    await expectRefused(fresh({ sequence: 6, kind: 'incremental', baseSequence: 5 }), 'baseMismatch', '缺少序号 4–5');
    const before = state();
    const wrong = await receive(fresh({ sequence: 4, kind: 'incremental', baseSequence: 3 }), 'wrong-pass');
    expect(wrong).toMatchObject({ ok: false, code: 'BAD_ARGS' });
    expect(wrong.ok ? '' : wrong.message).toContain('口令');
    expect(state()).toBe(before);
  });
  it('a creation date ten years off is imported with a warning', async () => {
    const r = await receive(fresh({ sequence: 10, createdAt: '2035-06-30T00:00:00.000Z' }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (r.ok) expect(r.view.warnings.join()).toContain('时钟');
  });
});
