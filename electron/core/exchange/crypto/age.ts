// age v1 through the `age-encryption` package: X25519 identities and recipients, files for one recipient, passphrase files.
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { bech32Decode } from './bech32';

export type RecipientCheck = { ok: true; recipient: string } | { ok: false; reason: 'checksum' | 'postQuantum' | 'ssh' | 'format'; message: string };

/** The work factor of a passphrase file: age's own default (about a second), lowered only inside a test run. */
export const AGE_SCRYPT_LOG2 = 18;
const TEST_FLOOR_LOG2 = 10;

/** As the passwords do (accounts/passwords.ts): vitest sets VITEST, and COURTDESK_TEST_SCRYPT_LOG2 asks for less. */
export function ageScryptLog2(env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.COURTDESK_TEST_SCRYPT_LOG2 ? Number(env.COURTDESK_TEST_SCRYPT_LOG2) : Number.NaN;
  if (env.VITEST !== 'true' || !Number.isInteger(asked)) return AGE_SCRYPT_LOG2;
  return Math.min(AGE_SCRYPT_LOG2, Math.max(TEST_FLOOR_LOG2, asked));
}

export async function generateAgeIdentity(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export async function ageRecipientOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}

/** The 32-byte X25519 public key of an `age1…` recipient already checked, for its fingerprint. */
export function ageRecipientBytes(recipient: string): Uint8Array {
  const d = bech32Decode(recipient);
  if (!d.ok || d.hrp !== 'age' || d.bytes.length !== 32) throw new Error('not an age X25519 recipient');
  return d.bytes;
}

/** A recipient typed or pasted by a person: checksum checked, and only the X25519 kind Debian's age 1.1 reads. */
export function checkAgeRecipient(text: string): RecipientCheck {
  const t = text.trim();
  if (/^(ssh-|ecdsa-|sk-ssh-|sk-ecdsa-)/i.test(t)) return { ok: false, reason: 'ssh', message: '这是 SSH 公钥，不是 age 接收方公钥（应以 age1 开头）' };
  if (/^age1pq1/i.test(t)) return { ok: false, reason: 'postQuantum', message: '抗量子（age1pq…）接收方公钥暂不支持：Debian 的 age 1.1 无法解密，请中院提供 age1 开头的普通公钥' };
  if (!/^age1/i.test(t)) return { ok: false, reason: 'format', message: 'age 接收方公钥应以 age1 开头' };
  const d = bech32Decode(t);
  if (!d.ok && d.reason === 'checksum') return { ok: false, reason: 'checksum', message: 'age 接收方公钥校验失败：有字符抄错，请与中院逐字核对' };
  if (!d.ok || d.hrp !== 'age' || d.bytes.length !== 32) return { ok: false, reason: 'format', message: 'age 接收方公钥格式不正确（应为 age1 开头的 62 个字符）' };
  return { ok: true, recipient: t.toLowerCase() };
}

/** The AGE-SECRET-KEY-1… line of an `age-keygen` file (comment lines allowed), its checksum checked; else null. */
export function parseAgeIdentityFile(text: string): string | null {
  const keys = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (keys.length !== 1 || !keys[0].startsWith('AGE-SECRET-KEY-1')) return null;
  const d = bech32Decode(keys[0]);
  return d.ok && d.hrp === 'age-secret-key-' && d.bytes.length === 32 ? keys[0] : null;
}

export async function ageEncrypt(plaintext: Uint8Array, recipient: string): Promise<Uint8Array> {
  const check = checkAgeRecipient(recipient);
  if (!check.ok) throw new Error(`age recipient refused: ${check.reason}`);
  const e = new Encrypter();
  e.addRecipient(check.recipient);
  return e.encrypt(plaintext);
}

const NO_MATCH = "no identity matched any of the file's recipients";

export async function ageDecrypt(ciphertext: Uint8Array, identity: string): Promise<{ ok: true; plaintext: Uint8Array } | { ok: false; reason: 'wrongRecipient' | 'damaged' }> {
  const d = new Decrypter();
  d.addIdentity(identity);
  try {
    return { ok: true, plaintext: await d.decrypt(ciphertext) };
  } catch (err) {
    return { ok: false, reason: err instanceof Error && err.message === NO_MATCH ? 'wrongRecipient' : 'damaged' };
  }
}

/** An age scrypt file (what `age -p` writes), openable by `age -d` with the same passphrase. */
export async function sealWithPassphrase(plaintext: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const e = new Encrypter();
  e.setPassphrase(passphrase);
  e.setScryptWorkFactor(ageScryptLog2());
  return e.encrypt(plaintext);
}

export async function openWithPassphrase(sealed: Uint8Array, passphrase: string): Promise<{ ok: true; plaintext: Uint8Array } | { ok: false; reason: 'wrongPassphrase' | 'damaged' }> {
  const d = new Decrypter();
  d.addPassphrase(passphrase);
  try {
    return { ok: true, plaintext: await d.decrypt(sealed) };
  } catch (err) {
    return { ok: false, reason: err instanceof Error && err.message === NO_MATCH ? 'wrongPassphrase' : 'damaged' };
  }
}
