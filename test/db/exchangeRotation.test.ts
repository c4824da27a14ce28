// A basic court's signing key changed: the routine rotation (announced and proved in a package still signed by the old
// key, in force from the next sequence), and revocation after a compromise (with or without a new card's key). Each
// refused package asserts its code, and the received tables are unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freshCourtDb, record } from '../helpers/tempDb';
import { installTestKeys } from '../helpers/exchangeKeys';
import { forgePackage, type ForgeOptions } from '../helpers/packageForge';
import { exportPackage, type ExportRequest } from '../../electron/core/exchange/package/exportPackage';
import { receivePackage } from '../../electron/core/exchange/package/receivePackage';
import { buildParts } from '../../electron/core/exchange/parts/buildParts';
import { ageFingerprint, makeSigningKey, ownSigningKeyPublic, storeOwnKeys, storeRecipient, unlockSigningKey } from '../../electron/core/exchange/keys/keyStore';
import { pendingKey, revokeSenderKey, rotationStatement, startRotation } from '../../electron/core/exchange/keys/rotation';
import { generateMinisignKey, minisignPublicKeyLine, minisignSign, parseMinisignPublicKey, type MinisignSecretKey } from '../../electron/core/exchange/crypto/minisign';
import { SettingsStore } from '../../electron/core/settings/settingsStore';
import { keysView } from '../../electron/core/exchange/keys/handlers';
import { CoreError } from '../../electron/core/kernel/errors';
import type { DataPart } from '../../shared/exchange/partNames';

const BASIC_PASS = 'basic-pass-1';
const MID_PASS = 'mid-pass-1';
let basic: ReturnType<typeof freshCourtDb>;
let mid: ReturnType<typeof freshCourtDb>;
let stick: string;
let ours: { recipient: string; fingerprint: string };
let k1: MinisignSecretKey;
let k2: MinisignSecretKey;
let texts: Record<DataPart, string>;
let firstFile: string;
let n = 0;

const req = (o: Partial<ExportRequest> = {}): ExportRequest => ({ from: '2025-01-01', to: '2025-06-30', incremental: false, includePartyNames: false, outDir: stick, passphrase: BASIC_PASS, ...o });
const state = () => JSON.stringify(['received_packages', 'received_cases', 'exchange_sender_keys'].map((t) => mid.db.prepare(`SELECT * FROM ${t}`).all()));

async function receiveForged(o: Partial<ForgeOptions>) {
  const { bytes } = await forgePackage({ senderCode: '辽0421', signer: k2, recipient: ours.recipient, recipientFingerprint: ours.fingerprint, sequence: 3, parts: texts, ...o });
  const file = path.join(mid.dir, `f${++n}.cdpkg`);
  writeFileSync(file, bytes);
  try {
    return { ok: true as const, view: await receivePackage(mid.db, file, MID_PASS, 'tester') };
  } catch (err) {
    if (err instanceof CoreError) return { ok: false as const, code: (err as { refusal?: string }).refusal ?? err.code, message: err.message };
    throw err;
  }
}

async function expectRefused(o: Partial<ForgeOptions>, code: string) {
  const before = state();
  const r = await receiveForged(o);
  expect(r, JSON.stringify(r)).toMatchObject({ ok: false, code });
  expect(state()).toBe(before);
}

/** A keyRotation field proved by `prover` for a package of `sequence` whose in-force key is `old`. */
function rotation(old: MinisignSecretKey, next: MinisignSecretKey, fromSequence: number, prover = next) {
  const proof = minisignSign(rotationStatement('辽0421', minisignPublicKeyLine(old), minisignPublicKeyLine(next), fromSequence), prover, 'rotation', 'proof');
  return { publicKey: minisignPublicKeyLine(next), fromSequence, proof };
}

beforeAll(async () => {
  basic = freshCourtDb('辽0421');
  basic.put([record({ caseNumber: '（2025）辽0421民初1号', filedOn: '2025-03-10' })], '2025-06-30');
  mid = freshCourtDb('辽04');
  const signing = await makeSigningKey(BASIC_PASS);
  storeOwnKeys(basic.db, [{ kind: 'minisign', publicText: signing.line, fingerprint: signing.fingerprint, sealed: signing.sealed }], 'tester', 'exchange.keys.init');
  const u = await unlockSigningKey(basic.db, BASIC_PASS);
  if (!u.ok) throw new Error(u.message);
  k1 = u.key;
  ours = await installTestKeys(mid.db, MID_PASS, [{ courtCode: '辽0421', courtName: '测试县人民法院', key: k1 }]);
  storeRecipient(basic.db, { courtCode: '辽04', courtName: '某某市中级人民法院', recipient: ours.recipient, fingerprint: ageFingerprint(ours.recipient).hex, signingKey: null }, 'tester');
  stick = path.join(basic.dir, 'usb');
  mkdirSync(stick);
  texts = Object.fromEntries(buildParts(basic.db, { from: '2025-01-01', to: '2025-06-30', sinceRowVersion: null, includePartyNames: false }).parts.map((p) => [p.name, p.data.toString('utf8')])) as Record<DataPart, string>;
}, 60_000);
afterAll(() => {
  basic?.close();
  mid?.close();
});

describe('routine rotation', () => {
  it('keys rotate: the next package, signed by the old key, announces the new one; the one after is signed by it', async () => {
    const settings = new SettingsStore(basic.db);
    const started = await startRotation(basic.db, settings, BASIC_PASS, 'tester');
    expect(pendingKey(settings)?.line).toBe(started.line);
    expect(ownSigningKeyPublic(basic.db)!.line).toBe(minisignPublicKeyLine(k1));
    const first = await exportPackage(basic.db, req(), 'tester');
    firstFile = first.file;
    expect(ownSigningKeyPublic(basic.db)!.line).toBe(started.line);
    expect(pendingKey(settings)).toBeNull();
    await receivePackage(mid.db, first.file, MID_PASS, 'tester');
    expect(mid.db.prepare('SELECT public_key, from_sequence, source FROM exchange_sender_keys').all()).toEqual([{ public_key: started.line, from_sequence: 2, source: 'rotation' }]);
    const second = await exportPackage(basic.db, req({ incremental: true }), 'tester');
    expect(await receivePackage(mid.db, second.file, MID_PASS, 'tester')).toMatchObject({ status: 'imported', sequence: 2 });
    const u = await unlockSigningKey(basic.db, BASIC_PASS);
    if (!u.ok) throw new Error(u.message);
    k2 = u.key;
    expect(minisignPublicKeyLine(k2)).toBe(started.line);
  });

  it('the old key after the rotation took effect is refused', () => expectRefused({ signer: k1 }, 'signature.keyId'));

  it('a rotation with a bad proof, announced for too early a sequence, or signed only by the new key: refused', async () => {
    const k3 = generateMinisignKey();
    await expectRefused({ manifest: (m) => ({ ...m, keyRotation: rotation(k2, k3, 4, generateMinisignKey()) }) }, 'rotation.proof');
    await expectRefused({ manifest: (m) => ({ ...m, keyRotation: rotation(k2, k3, 3) }) }, 'rotation.early');
    await expectRefused({ signer: k3, manifest: (m) => ({ ...m, keyRotation: rotation(k2, k3, 4) }) }, 'signature.keyId');
  });

  it('a new key used before the rotation that announces it: refused', () => expectRefused({ signer: generateMinisignKey() }, 'signature.keyId'));

  it('a rotation planted for a far sequence (to outlive a revocation) is refused', async () => {
    const k3 = generateMinisignKey();
    await expectRefused({ manifest: (m) => ({ ...m, keyRotation: rotation(k2, k3, 1000) }) }, 'rotation.early');
  });
});

describe('revocation after a compromise', () => {
  it('the revoked key is refused from its sequence; a new card\'s key takes over from there', async () => {
    revokeSenderKey(mid.db, { courtCode: '辽0421', fromSequence: 3, newKey: null }, 'tester');
    await expectRefused({ signer: k2 }, 'revokedKey');
    // keys show: the court's key in force now, and that it is revoked.
    expect(keysView(mid.db).senders[0]).toMatchObject({ publicKey: minisignPublicKeyLine(k2), revokedAt: expect.any(String) });
    k4 = generateMinisignKey();
    revokeSenderKey(mid.db, { courtCode: '辽0421', fromSequence: 3, newKey: parseMinisignPublicKey(minisignPublicKeyLine(k4)) }, 'tester');
    expect(keysView(mid.db).senders[0]).toMatchObject({ publicKey: minisignPublicKeyLine(k4), revokedAt: null });
    const ok = await receiveForged({ signer: k4 });
    expect(ok, JSON.stringify(ok)).toMatchObject({ ok: true });
    await expectRefused({ signer: k2, sequence: 4 }, 'signature.keyId');
  });

  let k4: MinisignSecretKey;
  it('a revoked key cannot announce a successor; a revocation drops rotations announced for later sequences', async () => {
    const k5 = generateMinisignKey();
    mid.db.prepare("INSERT INTO exchange_sender_keys (court_code, public_key, fingerprint, from_sequence, source, added_at, added_by) VALUES ('辽0421', ?, ?, 9, 'rotation', 'now', 'planted')").run(minisignPublicKeyLine(k5), 'f'.repeat(64));
    revokeSenderKey(mid.db, { courtCode: '辽0421', fromSequence: 6, newKey: null }, 'tester');
    expect(mid.db.prepare("SELECT COUNT(*) FROM exchange_sender_keys WHERE added_by = 'planted'").pluck().get()).toBe(0);
    await expectRefused({ signer: k5, sequence: 9 }, 'revokedKey');
    // Package 5, still before the revocation, signed by k4: it may carry data, but not a successor for a key now revoked.
    await expectRefused({ signer: k4, sequence: 5, manifest: (m) => ({ ...m, keyRotation: rotation(k4, k5, 6) }) }, 'rotation.revoked');
  });

  it('the same package received again after a revocation is still 已导入, not refused', async () => {
    const again = await receivePackage(mid.db, firstFile, MID_PASS, 'tester');
    expect(again.status).toBe('alreadyImported');
  });
});
