// Test runs hash passwords at a lower scrypt cost (vitest.config.ts sets it); a file that times the hashing asks for the real one.
import { afterAll, beforeAll } from 'vitest';

export const TEST_SCRYPT_ENV = 'COURTDESK_TEST_SCRYPT_LOG2';

/** Hashes made in this file's hooks and tests cost what they cost in production (2^15); registered before its beforeAll. */
export function useProductionScryptCost(): void {
  let asked: string | undefined;
  beforeAll(() => {
    asked = process.env[TEST_SCRYPT_ENV];
    delete process.env[TEST_SCRYPT_ENV];
  });
  afterAll(() => {
    if (asked !== undefined) process.env[TEST_SCRYPT_ENV] = asked;
  });
}
