// Changing a basic court's signing key: a routine rotation announced in a package still signed by the old key (the new
// key's own signature over the change is the proof), and a revocation after a compromise, with the new card registered
// by hand. Both sides: the basic court's pending key, the intermediate court's key in force for a package's sequence.
import type { Database } from 'better-sqlite3';
import type { Manifest } from '../../../../shared/exchange/manifest';
import { minisignPublicKeyLine, minisignSign, minisignVerify, parseMinisignPublicKey, parseMinisignSecretKeyFile, type MinisignPublicKey } from '../crypto/minisign';
import { openWithPassphrase } from '../crypto/age';
import { findRegisteredSender, makeSigningKey, minisignFingerprint, ownSigningKeyPublic, storeOwnKeys, unlockSigningKey } from './keyStore';
import { nowStamp } from '../../db/clock';
import { auditAppender } from '../../audit/auditLog';
import { CoreError, InputError } from '../../kernel/errors';
import type { SettingsStore } from '../../settings/settingsStore';

/** The settings row of a basic court's next signing key, made and sealed, waiting for the package that announces it. */
export const PENDING_KEY = 'exchangePendingSigningKey';
interface PendingKey {
  line: string;
  fingerprint: string;
  sealed: string;
}

/** What the new key signs: the court, both keys in full, and the first sequence it signs. */
export function rotationStatement(courtCode: string, oldLine: string, newLine: string, fromSequence: number): Uint8Array {
  return new TextEncoder().encode(`courtdesk-key-rotation: 1\ncourt: ${courtCode}\nold: ${oldLine}\nnew: ${newLine}\nfrom-sequence: ${fromSequence}\n`);
}

// ---- basic court ----

/** Makes the next key under the same passphrase (checked by opening the current one); the next package announces it. */
export async function startRotation(db: Database, settings: SettingsStore, passphrase: string, actor: string): Promise<{ line: string; digits: string }> {
  const current = await unlockSigningKey(db, passphrase);
  if (!current.ok) throw new InputError(current.message, 'passphrase');
  const next = await makeSigningKey(passphrase);
  settings.set(PENDING_KEY, { line: next.line, fingerprint: next.fingerprint, sealed: Buffer.from(next.sealed).toString('base64') } satisfies PendingKey, actor, 'exchange.keys.rotate');
  return { line: next.line, digits: minisignFingerprint(parseMinisignPublicKey(next.line)!).digits };
}

export function pendingKey(settings: SettingsStore): PendingKey | null {
  const p = settings.get<PendingKey | null>(PENDING_KEY, null);
  return p && typeof p.line === 'string' ? p : null;
}

/** The manifest's keyRotation for a package of `sequence`, proved by the pending key; null when none is pending. */
export async function rotationFor(db: Database, settings: SettingsStore, passphrase: string, courtCode: string, sequence: number): Promise<{ field: NonNullable<Manifest['keyRotation']>; pending: PendingKey } | null> {
  const pending = pendingKey(settings);
  if (!pending) return null;
  const opened = await openWithPassphrase(Buffer.from(pending.sealed, 'base64'), passphrase);
  const key = opened.ok ? parseMinisignSecretKeyFile(new TextDecoder().decode(opened.plaintext)) : null;
  if (!key || minisignPublicKeyLine(key) !== pending.line) throw new CoreError('CONFLICT', '待启用的新签名密钥无法解开或已损坏；请重新执行密钥更换');
  const oldLine = ownSigningKeyPublic(db)!.line;
  const fromSequence = sequence + 1;
  const proof = minisignSign(rotationStatement(courtCode, oldLine, pending.line, fromSequence), key, `courtdesk key rotation ${courtCode} from ${fromSequence}`, 'key rotation proof');
  return { field: { publicKey: pending.line, fromSequence, proof }, pending };
}

/** Inside the export's transaction: the announced key becomes the one that signs from the next package on. */
export function completeRotation(db: Database, settings: SettingsStore, pending: PendingKey, actor: string): void {
  storeOwnKeys(db, [{ kind: 'minisign', publicText: pending.line, fingerprint: pending.fingerprint, sealed: Buffer.from(pending.sealed, 'base64') }], actor, 'exchange.keys.rotate');
  settings.set(PENDING_KEY, null, actor, 'exchange.keys.rotate');
}

// ---- intermediate court ----

export interface SenderKey {
  line: string;
  key: MinisignPublicKey;
  /** The first sequence from which this key is no longer trusted; null while it is. */
  revokedFrom: number | null;
}

/** The key that must have signed a basic court's package of `sequence`: the latest in force at or before it. */
export function senderKeyFor(db: Database, courtCode: string, sequence: number): SenderKey | null {
  const registered = db.prepare('SELECT public_key FROM exchange_senders WHERE court_code = ?').pluck().get(courtCode) as string | undefined;
  if (registered === undefined) return null;
  const later = db.prepare('SELECT public_key FROM exchange_sender_keys WHERE court_code = ? AND from_sequence <= ? ORDER BY from_sequence DESC LIMIT 1').pluck().get(courtCode, sequence) as string | undefined;
  const line = later ?? registered;
  const revokedFrom = db.prepare('SELECT from_sequence FROM exchange_key_revocations WHERE court_code = ? AND public_key = ?').pluck().get(courtCode, line) as number | undefined;
  return { line, key: parseMinisignPublicKey(line)!, revokedFrom: revokedFrom ?? null };
}

/** The key a basic court's next packages must carry (the latest in force), with the time it was revoked, if it was. */
export function currentSenderKey(db: Database, courtCode: string): { key: MinisignPublicKey; revokedAt: string | null } | null {
  const k = senderKeyFor(db, courtCode, Number.MAX_SAFE_INTEGER);
  if (!k) return null;
  const revokedAt = db.prepare('SELECT revoked_at FROM exchange_key_revocations WHERE court_code = ? AND public_key = ?').pluck().get(courtCode, k.line) as string | undefined;
  return { key: k.key, revokedAt: revokedAt ?? null };
}

/**
 * A package's announced rotation, checked: null when sound, else why not (code and Chinese message). It takes effect
 * at the very next sequence (a rotation planted for some far sequence would outlive a revocation), never from a key
 * already revoked, and never over a key the intermediate court already set for a later sequence (a card after a
 * compromise).
 */
export function checkRotation(db: Database, m: Manifest, signer: SenderKey): { code: string; message: string } | null {
  const r = m.keyRotation;
  if (!r) return null;
  const next = parseMinisignPublicKey(r.publicKey);
  if (!next) return { code: 'rotation.key', message: '报送包宣告的新签名公钥格式不正确，未导入' };
  if (r.fromSequence !== m.sequence + 1) return { code: 'rotation.early', message: `新签名密钥应从紧接本包的序号 ${m.sequence + 1} 起使用，而宣告的是序号 ${r.fromSequence}，未导入` };
  if (signer.revokedFrom !== null) return { code: 'rotation.revoked', message: '宣告新密钥的签名公钥已被吊销（自序号 ' + signer.revokedFrom + ' 起），不能再宣告新密钥，未导入' };
  const later = db.prepare('SELECT COUNT(*) FROM exchange_sender_keys WHERE court_code = ? AND from_sequence > ?').pluck().get(m.sender.courtCode, m.sequence) as number;
  if (later > 0) return { code: 'rotation.conflict', message: '本院已为该院此后的序号登记了其他签名公钥，不能再接受这一宣告，未导入' };
  if (!minisignVerify(rotationStatement(m.sender.courtCode, signer.line, minisignPublicKeyLine(next), r.fromSequence), r.proof, next).ok)
    return { code: 'rotation.proof', message: '密钥更换的证明无效（新密钥对更换声明的签名不符），未导入' };
  return null;
}

/** Inside the receive's transaction: the announced key is in force from its sequence. */
export function recordRotation(db: Database, courtCode: string, r: NonNullable<Manifest['keyRotation']>, actor: string): void {
  const key = parseMinisignPublicKey(r.publicKey)!;
  db.prepare(`INSERT INTO exchange_sender_keys (court_code, public_key, fingerprint, from_sequence, source, added_at, added_by)
    VALUES (?, ?, ?, ?, 'rotation', ?, ?) ON CONFLICT (court_code, from_sequence) DO NOTHING`).run(courtCode, minisignPublicKeyLine(key), minisignFingerprint(key).hex, r.fromSequence, nowStamp(), actor);
}

/**
 * After a compromise: the key in force at `fromSequence` is refused from there on; a new key (its card checked by the
 * caller) may take over from the same sequence.
 */
export function revokeSenderKey(db: Database, a: { courtCode: string; fromSequence: number; newKey: MinisignPublicKey | null }, actor: string): { revoked: string; newKey: string | null } {
  if (!findRegisteredSender(db, a.courtCode)) throw new InputError(`基层法院“${a.courtCode}”未在本院登记`, 'courtCode');
  const current = senderKeyFor(db, a.courtCode, a.fromSequence)!;
  const append = auditAppender(db);
  const newLine = a.newKey ? minisignPublicKeyLine(a.newKey) : null;
  if (newLine === current.line) throw new InputError('新公钥卡上的公钥就是要吊销的公钥', 'card');
  db.transaction(() => {
    // Rotations announced for later sequences may have been planted with the compromised key: they go.
    db.prepare("DELETE FROM exchange_sender_keys WHERE court_code = ? AND from_sequence > ? AND source = 'rotation'").run(a.courtCode, a.fromSequence);
    db.prepare(`INSERT INTO exchange_key_revocations (court_code, public_key, from_sequence, revoked_at, revoked_by) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (court_code, public_key) DO UPDATE SET from_sequence = min(from_sequence, excluded.from_sequence)`).run(a.courtCode, current.line, a.fromSequence, nowStamp(), actor);
    if (a.newKey && newLine)
      db.prepare(`INSERT INTO exchange_sender_keys (court_code, public_key, fingerprint, from_sequence, source, added_at, added_by) VALUES (?, ?, ?, ?, 'card', ?, ?)
        ON CONFLICT (court_code, from_sequence) DO UPDATE SET public_key = excluded.public_key, fingerprint = excluded.fingerprint, source = 'card'`)
        .run(a.courtCode, newLine, minisignFingerprint(a.newKey).hex, a.fromSequence, nowStamp(), actor);
    append({ actor, action: 'exchange.revoke', entity: 'exchange_sender', entityKey: a.courtCode, after: { revokedKey: current.line, fromSequence: a.fromSequence, newKey: newLine } });
  })();
  return { revoked: current.line, newKey: newLine };
}
