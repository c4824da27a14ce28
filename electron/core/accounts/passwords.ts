// Password hashing with scrypt (memory-hard) and a per-user salt; the parameters travel inside each hash.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// 2^15 × 8 × 128 bytes = 32 MiB per hash and about a tenth of a second here: costly to guess offline, quick to sign in.
const N_LOG2 = 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, nLog2: number, r: number, p: number): Buffer {
  const N = 2 ** nLog2;
  return scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r });
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${N_LOG2}$${R}$${P}$${salt.toString('base64')}$${derive(password, salt, N_LOG2, R, P).toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, 'base64');
  const actual = derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
