// Test projects: unit (rules, database, CLI; node) and e2e (loopback host driven in Debian's Chromium).
import { defineConfig } from 'vitest/config';

// Passwords hash at scrypt cost 2^10 instead of 2^15 in test runs (workers and the CLI and hosts they start): the
// same code at a thirty-second of the work. Only under vitest (electron/core/accounts/passwords.ts); files that time
// the hashing restore the real cost (test/helpers/scryptCost.ts).
const env = { COURTDESK_TEST_SCRYPT_LOG2: '10' };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/db/**/*.test.ts', 'test/cli/**/*.test.ts'],
          environment: 'node',
          env,
          // Files share their worker's module cache instead of loading the core afresh for each of about 130 files (a
          // second or more apiece). A file that changes process-wide state puts it back in its afterAll.
          isolate: false,
          // Two files at a time on two cores (vitest's default leaves one core free, running the files one by one):
          // most of a file's time is spent in the command-line processes and databases it starts, not in the worker.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          env,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A folder for the run where seededCourt keeps seeded databases to copy instead of seeding the same again.
          globalSetup: ['test/helpers/e2eGlobalSetup.ts'],
        },
      },
    ],
  },
});
