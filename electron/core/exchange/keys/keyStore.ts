// This court's exchange keys and its counterparts: own keys sealed under a passphrase, the reporting recipient, registered basic courts.
import type { Database } from 'better-sqlite3';
import { nowStamp } from '../../db/clock';
import { auditAppender } from '../../audit/auditLog';
import { keyFingerprint } from '../../../../shared/exchange/fingerprint';
import { ageRecipientBytes, generateAgeIdentity, ageRecipientOf } from '../crypto/age';
import { openOffThread, sealOffThread } from '../crypto/passphrase';
import {
  encodeMinisignSecretKeyFile,
  generateMinisignKey,
  minisignPublicKeyLine,
  parseMinisignPublicKey,
  parseMinisignSecretKeyFile,
  type MinisignPublicKey,
  type MinisignSecretKey,
} from '../crypto/minisign';

export type OwnKeyKind = 'minisign' | 'age';
export type CourtLevel = 'basic' | 'intermediate';

interface OwnKeyRow {
  id: number;
  public_text: string;
  fingerprint: string;
  sealed: Buffer;
  created_at: string;
}

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** The self court's level (set at init); a database not yet initialised counts as basic. */
export function courtLevel(db: Database): CourtLevel {
  const level = db.prepare('SELECT level FROM courts WHERE is_self = 1').pluck().get() as string | undefined;
  return level === 'intermediate' ? 'intermediate' : 'basic';
}

function currentOwnKey(db: Database, kind: OwnKeyKind): OwnKeyRow | null {
  return (db.prepare('SELECT id, public_text, fingerprint, sealed, created_at FROM exchange_own_keys WHERE kind = ? AND retired_at IS NULL').get(kind) as OwnKeyRow | undefined) ?? null;
}

export function minisignFingerprint(k: MinisignPublicKey) {
  return keyFingerprint('minisign-ed25519', k.publicKey);
}

export function ageFingerprint(recipient: string) {
  return keyFingerprint('age-x25519', ageRecipientBytes(recipient));
}

/** fingerprint: hex. A basic court signs its packages with this key, an intermediate court its return files. */
export function ownSigningKeyPublic(db: Database): { publicKey: MinisignPublicKey; line: string; fingerprint: string; createdAt: string } | null {
  const row = currentOwnKey(db, 'minisign');
  if (!row) return null;
  const publicKey = parseMinisignPublicKey(row.public_text);
  return publicKey ? { publicKey, line: row.public_text, fingerprint: row.fingerprint, createdAt: row.created_at } : null;
}

/** fingerprint: hex, as a package manifest names its recipient. */
export function ownAgeRecipient(db: Database): { recipient: string; fingerprint: string; createdAt: string } | null {
  const row = currentOwnKey(db, 'age');
  return row ? { recipient: row.public_text, fingerprint: row.fingerprint, createdAt: row.created_at } : null;
}


async function unseal(row: OwnKeyRow | null, passphrase: string, missing: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (!row) return { ok: false, message: missing };
  const opened = await openOffThread(new Uint8Array(row.sealed), passphrase);
  if (!opened.ok) return { ok: false, message: opened.reason === 'wrongPassphrase' ? '口令错误' : '本院私钥的加密文件已损坏，无法解开；请从密钥备份重新导入' };
  return { ok: true, text: text.decode(opened.plaintext) };
}

export async function unlockSigningKey(db: Database, passphrase: string): Promise<{ ok: true; key: MinisignSecretKey } | { ok: false; message: string }> {
  const row = currentOwnKey(db, 'minisign');
  const u = await unseal(row, passphrase, '本院尚未生成签名密钥（courtdesk keys init）');
  if (!u.ok) return u;
  const key = parseMinisignSecretKeyFile(u.text);
  // The sealed key must be the one whose public half the court registered: anything else would sign in vain.
  if (!key || minisignPublicKeyLine(key) !== row!.public_text) return { ok: false, message: '本院签名私钥与登记的公钥不符，无法使用；请联系信息技术人员' };
  return { ok: true, key };
}

export async function unlockAgeIdentity(db: Database, passphrase: string): Promise<{ ok: true; identity: string } | { ok: false; message: string }> {
  const row = currentOwnKey(db, 'age');
  const u = await unseal(row, passphrase, '本院尚未生成或导入解密密钥（courtdesk keys init 或 keys import-identity）');
  if (!u.ok) return u;
  const identity = u.text.trim();
  if (!identity.startsWith('AGE-SECRET-KEY-1') || (await ageRecipientOf(identity).catch(() => null)) !== row!.public_text) {
    return { ok: false, message: '本院解密私钥与登记的公钥不符，无法使用；请联系信息技术人员' };
  }
  return { ok: true, identity };
}

export interface ReportingRecipient {
  courtCode: string;
  courtName: string;
  recipient: string;
  /** hex */
  fingerprint: string;
  /** The intermediate court's minisign public key line, when its card gave one: it verifies the return files. */
  signingKey: string | null;
  setAt: string;
}

export function getReportingRecipient(db: Database): ReportingRecipient | null {
  return (db
    .prepare('SELECT court_code AS courtCode, court_name AS courtName, recipient, fingerprint, signing_key AS signingKey, set_at AS setAt FROM exchange_recipients WHERE replaced_at IS NULL')
    .get() as ReportingRecipient | undefined) ?? null;
}

export interface RegisteredSender {
  courtCode: string;
  courtName: string;
  publicKey: MinisignPublicKey;
  /** hex */
  fingerprint: string;
  registeredAt: string;
  revokedAt: string | null;
}

interface SenderRow {
  court_code: string;
  court_name: string;
  public_key: string;
  fingerprint: string;
  registered_at: string;
  revoked_at: string | null;
}

function toSender(r: SenderRow): RegisteredSender {
  return { courtCode: r.court_code, courtName: r.court_name, publicKey: parseMinisignPublicKey(r.public_key)!, fingerprint: r.fingerprint, registeredAt: r.registered_at, revokedAt: r.revoked_at };
}

export function findRegisteredSender(db: Database, courtCode: string): RegisteredSender | null {
  const r = db.prepare('SELECT * FROM exchange_senders WHERE court_code = ?').get(courtCode) as SenderRow | undefined;
  return r ? toSender(r) : null;
}

export function listRegisteredSenders(db: Database): RegisteredSender[] {
  return (db.prepare('SELECT * FROM exchange_senders ORDER BY court_code').all() as SenderRow[]).map(toSender);
}

/** Seals a new key's secret under the passphrase: the scrypt work runs before any write. */
export async function makeSigningKey(passphrase: string) {
  const key = generateMinisignKey();
  const sealed = await sealOffThread(utf8.encode(encodeMinisignSecretKeyFile(key)), passphrase);
  return { line: minisignPublicKeyLine(key), fingerprint: minisignFingerprint(key).hex, sealed };
}

export async function sealAgeIdentity(identity: string, passphrase: string) {
  const recipient = await ageRecipientOf(identity);
  const sealed = await sealOffThread(utf8.encode(`${identity}\n`), passphrase);
  return { recipient, fingerprint: ageFingerprint(recipient).hex, sealed };
}

export async function makeAgeIdentity(passphrase: string) {
  return sealAgeIdentity((await generateAgeIdentity()).identity, passphrase);
}

export interface NewOwnKey {
  kind: OwnKeyKind;
  publicText: string;
  fingerprint: string;
  sealed: Uint8Array;
}

/** Stores new own keys in one transaction, retiring the ones they replace, and audits each. */
export function storeOwnKeys(db: Database, keys: NewOwnKey[], actor: string, action: 'exchange.keys.init' | 'exchange.keys.importIdentity' | 'exchange.keys.rotate'): void {
  const audit = auditAppender(db);
  db.transaction(() => {
    const at = nowStamp();
    for (const k of keys) {
      const old = currentOwnKey(db, k.kind);
      if (old) db.prepare('UPDATE exchange_own_keys SET retired_at = ? WHERE id = ?').run(at, old.id);
      db.prepare('INSERT INTO exchange_own_keys (kind, public_text, fingerprint, sealed, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(k.kind, k.publicText, k.fingerprint, Buffer.from(k.sealed), at, actor);
      audit({ actor, action, entity: 'exchange_key', entityKey: k.kind, before: old ? { publicKey: old.public_text, fingerprint: old.fingerprint } : undefined, after: { publicKey: k.publicText, fingerprint: k.fingerprint } });
    }
  }).immediate();
}

export function storeRecipient(db: Database, r: { courtCode: string; courtName: string; recipient: string; fingerprint: string; signingKey: string | null }, actor: string): void {
  const audit = auditAppender(db);
  db.transaction(() => {
    const old = getReportingRecipient(db);
    const at = nowStamp();
    if (old) db.prepare('UPDATE exchange_recipients SET replaced_at = ? WHERE replaced_at IS NULL').run(at);
    db.prepare('INSERT INTO exchange_recipients (court_code, court_name, recipient, signing_key, fingerprint, set_at, set_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(r.courtCode, r.courtName, r.recipient, r.signingKey, r.fingerprint, at, actor);
    audit({ actor, action: 'exchange.recipient.set', entity: 'exchange_recipient', entityKey: r.courtCode, before: old ? { courtCode: old.courtCode, recipient: old.recipient, fingerprint: old.fingerprint } : undefined, after: r });
  }).immediate();
}

export function storeSender(db: Database, s: { courtCode: string; courtName: string; publicKey: string; fingerprint: string }, actor: string): void {
  const audit = auditAppender(db);
  db.transaction(() => {
    db.prepare('INSERT INTO exchange_senders (court_code, court_name, public_key, fingerprint, registered_at, registered_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(s.courtCode, s.courtName, s.publicKey, s.fingerprint, nowStamp(), actor);
    audit({ actor, action: 'exchange.register', entity: 'exchange_sender', entityKey: s.courtCode, after: s });
  }).immediate();
}
