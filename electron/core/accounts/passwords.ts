// Password hashing with scrypt (memory-hard) and a per-user salt; the parameters travel inside each hash.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// 2^15 × 8 × 128 bytes = 32 MiB per hash and about a tenth of a second here: costly to guess offline, quick to sign in.
const N_LOG2 = 15;
/** The lower cost a test run may ask for, never below: thousands of test sign-ins at a tenth of a second each. */
const TEST_N_LOG2_FLOOR = 10;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, nLog2: number, r: number, p: number): Buffer {
  const N = 2 ** nLog2;
  return scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r });
}

/**
 * The cost of new hashes: 2^15, unless a test run (vitest sets VITEST in its workers and the processes they start)
 * asks for less with COURTDESK_TEST_SCRYPT_LOG2. Only the work factor changes; hashing and checking stay the same code.
 */
export function scryptCostLog2(env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.COURTDESK_TEST_SCRYPT_LOG2 ? Number(env.COURTDESK_TEST_SCRYPT_LOG2) : Number.NaN;
  if (env.VITEST !== 'true' || !Number.isInteger(asked)) return N_LOG2;
  return Math.min(N_LOG2, Math.max(TEST_N_LOG2_FLOOR, asked));
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const nLog2 = scryptCostLog2();
  return `scrypt$${nLog2}$${R}$${P}$${salt.toString('base64')}$${derive(password, salt, nLog2, R, P).toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, 'base64');
  const actual = derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
