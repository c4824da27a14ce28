// The minisign formats (public key, unencrypted secret key, "ED" prehashed signature) over Ed25519 and BLAKE2b from @noble.
import { ed25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { randomBytes } from 'node:crypto';

export interface MinisignPublicKey {
  keyId: Uint8Array;
  publicKey: Uint8Array;
}
/** secretKey: 64 bytes, seed || public key, as minisign stores it. */
export interface MinisignSecretKey extends MinisignPublicKey {
  secretKey: Uint8Array;
}

export type MinisignVerdict =
  | { ok: true; trustedComment: string }
  | { ok: false; reason: 'malformed' | 'algorithm' | 'keyId' | 'signature' | 'trustedComment' };

const ED = new Uint8Array([0x45, 0x64]); // "Ed": the key's algorithm, and the legacy (not prehashed) signature's
const ED_PREHASHED = new Uint8Array([0x45, 0x44]); // "ED": BLAKE2b-512 of the message is signed
const B2 = new Uint8Array([0x42, 0x32]);
const UNTRUSTED = 'untrusted comment: ';
const TRUSTED = 'trusted comment: ';
const utf8 = new TextEncoder();

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let acc = 0;
  for (let i = 0; i < a.length; i++) acc |= a[i] ^ b[i];
  return acc === 0;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Strict base64 (the canonical form only), so a changed character never decodes to the same bytes. */
function unb64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const bytes = Buffer.from(text, 'base64');
  return b64(bytes) === text ? new Uint8Array(bytes) : null;
}

/** The key id as minisign prints it: the 8 bytes read as a little-endian number, in upper-case hex. */
export function minisignKeyIdHex(keyId: Uint8Array): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

export function generateMinisignKey(): MinisignSecretKey {
  const seed = new Uint8Array(randomBytes(32));
  const publicKey = ed25519.getPublicKey(seed);
  return { keyId: new Uint8Array(randomBytes(8)), publicKey, secretKey: concat(seed, publicKey) };
}

export function minisignPublicKeyLine(k: MinisignPublicKey): string {
  return b64(concat(ED, k.keyId, k.publicKey));
}

export function minisignPublicKeyFile(k: MinisignPublicKey): string {
  return `${UNTRUSTED}minisign public key ${minisignKeyIdHex(k.keyId)}\n${minisignPublicKeyLine(k)}\n`;
}

/** The base64 line alone, or a .pub file (its comment line and the key line). */
export function parseMinisignPublicKey(text: string): MinisignPublicKey | null {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 2 && !lines[0].startsWith(UNTRUSTED.trim())) return null;
  if (lines.length !== 1 && lines.length !== 2) return null;
  const bytes = unb64(lines[lines.length - 1]);
  if (!bytes || bytes.length !== 42 || !same(bytes.subarray(0, 2), ED)) return null;
  return { keyId: bytes.slice(2, 10), publicKey: bytes.slice(10, 42) };
}

function secretChecksum(keyId: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return blake2b(concat(ED, keyId, secretKey), { dkLen: 32 });
}

/**
 * An unencrypted minisign secret key file (kdf "\0\0", as `minisign -G -W` writes), which `minisign -S -s FILE` reads.
 * It is only ever stored inside an age passphrase file.
 */
export function encodeMinisignSecretKeyFile(k: MinisignSecretKey): string {
  const body = concat(ED, new Uint8Array(2), B2, new Uint8Array(32 + 8 + 8), k.keyId, k.secretKey, secretChecksum(k.keyId, k.secretKey));
  return `${UNTRUSTED}minisign secret key ${minisignKeyIdHex(k.keyId)}\n${b64(body)}\n`;
}

export function parseMinisignSecretKeyFile(text: string): MinisignSecretKey | null {
  const lines = text.replace(/\r\n/g, '\n').split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 2 || !lines[0].startsWith(UNTRUSTED)) return null;
  const bytes = unb64(lines[1].trim());
  if (!bytes || bytes.length !== 158) return null;
  if (!same(bytes.subarray(0, 2), ED) || !same(bytes.subarray(2, 4), new Uint8Array(2)) || !same(bytes.subarray(4, 6), B2)) return null;
  const keyId = bytes.slice(54, 62);
  const secretKey = bytes.slice(62, 126);
  // minisign 0.11 leaves the checksum of an unencrypted key zero; any other value must be the right one.
  const chk = bytes.subarray(126, 158);
  if (!same(chk, new Uint8Array(32)) && !same(chk, secretChecksum(keyId, secretKey))) return null;
  const publicKey = secretKey.slice(32);
  // The stored public half must be the seed's: a file that lies about it would sign with one key and name another.
  if (!same(ed25519.getPublicKey(secretKey.subarray(0, 32)), publicKey)) return null;
  return { keyId, publicKey, secretKey };
}

function oneLine(comment: string, what: string): string {
  if (/[\r\n]/.test(comment)) throw new Error(`minisign ${what} comment must be one line`);
  return comment;
}

/** The .minisig text: an "ED" signature of the message, and the global signature over it and the trusted comment. */
export function minisignSign(message: Uint8Array, k: MinisignSecretKey, trustedComment: string, untrustedComment = 'signature from minisign secret key'): string {
  const seed = k.secretKey.subarray(0, 32);
  const signature = ed25519.sign(blake2b(message), seed);
  const trusted = utf8.encode(oneLine(trustedComment, 'trusted'));
  const global = ed25519.sign(concat(signature, trusted), seed);
  return `${UNTRUSTED}${oneLine(untrustedComment, 'untrusted')}\n${b64(concat(ED_PREHASHED, k.keyId, signature))}\n${TRUSTED}${trustedComment}\n${b64(global)}\n`;
}

function edVerify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}

/**
 * Checks a .minisig against the key the caller registered, comparing the full public key (a key id is 8 random
 * bytes anyone can copy). Legacy "Ed" signatures (the whole message signed, not its hash) are refused.
 */
export function minisignVerify(message: Uint8Array, signatureText: string, k: MinisignPublicKey): MinisignVerdict {
  const text = signatureText.endsWith('\n') ? signatureText.slice(0, -1) : signatureText;
  const lines = text.split('\n');
  if (lines.length !== 4) return { ok: false, reason: 'malformed' };
  const [untrusted, sigLine, trustedLine, globalLine] = lines;
  if (!untrusted.startsWith(UNTRUSTED) || !trustedLine.startsWith(TRUSTED)) return { ok: false, reason: 'malformed' };
  const sig = unb64(sigLine);
  const global = unb64(globalLine);
  if (!sig || sig.length !== 74 || !global || global.length !== 64) return { ok: false, reason: 'malformed' };
  if (!same(sig.subarray(0, 2), ED_PREHASHED)) return { ok: false, reason: 'algorithm' };
  if (!same(sig.subarray(2, 10), k.keyId)) return { ok: false, reason: 'keyId' };
  const signature = sig.subarray(10);
  if (!edVerify(signature, blake2b(message), k.publicKey)) return { ok: false, reason: 'signature' };
  const trustedComment = trustedLine.slice(TRUSTED.length);
  if (!edVerify(global, concat(signature, utf8.encode(trustedComment)), k.publicKey)) return { ok: false, reason: 'trustedComment' };
  return { ok: true, trustedComment };
}
