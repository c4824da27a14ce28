// The passphrase files are sealed and opened on the built worker thread: the caller's event loop keeps ticking through scrypt, as it does not on its own thread.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import path from 'node:path';
import { ensureBuilt, ROOT } from '../../helpers/cli';
import { openWithPassphrase, sealWithPassphrase } from '../../../electron/core/exchange/crypto/age';
import { openOffThread, passphraseWorkerFile, sealOffThread } from '../../../electron/core/exchange/crypto/passphrase';

const saved = { worker: process.env.COURTDESK_PASSPHRASE_WORKER, cost: process.env.COURTDESK_TEST_SCRYPT_LOG2 };
beforeAll(() => {
  ensureBuilt();
  process.env.COURTDESK_PASSPHRASE_WORKER = path.join(ROOT, 'dist/exchange/passphraseWorker.cjs');
  // Dear enough (2^16) that a blocked event loop shows, cheap enough for a test.
  process.env.COURTDESK_TEST_SCRYPT_LOG2 = '16';
}, 180_000);
afterAll(() => {
  for (const [key, v] of [['COURTDESK_PASSPHRASE_WORKER', saved.worker], ['COURTDESK_TEST_SCRYPT_LOG2', saved.cost]] as const) {
    if (v === undefined) delete process.env[key];
    else process.env[key] = v;
  }
});

/** How many 5 ms timers fire while the work runs. */
async function ticksDuring<T>(work: () => Promise<T>): Promise<{ value: T; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  try {
    const value = await work();
    return { value, ticks };
  } finally {
    clearInterval(timer);
  }
}

describe('passphrase files on the worker thread', () => {
  test('the built worker is found, seals and opens, and tells a wrong passphrase apart', async () => {
    expect(passphraseWorkerFile()).toBe(process.env.COURTDESK_PASSPHRASE_WORKER);
    const sealed = await sealOffThread(new TextEncoder().encode('key text'), 'a passphrase 123');
    // What the worker sealed opens on this thread too: the same age format.
    const here = await openWithPassphrase(sealed, 'a passphrase 123');
    expect(here.ok && new TextDecoder().decode(here.plaintext)).toBe('key text');
    expect(await openOffThread(sealed, 'wrong passphrase')).toEqual({ ok: false, reason: 'wrongPassphrase' });
    expect(await openOffThread(sealed.slice(0, 20), 'a passphrase 123')).toEqual({ ok: false, reason: 'damaged' });
  }, 60_000);

  test('the event loop keeps ticking while the worker opens a file, and stalls while this thread does', async () => {
    const sealed = await sealWithPassphrase(new TextEncoder().encode('k'), 'a passphrase 123');
    const off = await ticksDuring(() => openOffThread(sealed, 'a passphrase 123'));
    const on = await ticksDuring(() => openWithPassphrase(sealed, 'a passphrase 123'));
    expect(off.value.ok && on.value.ok).toBe(true);
    expect(on.ticks).toBeLessThanOrEqual(2);
    expect(off.ticks).toBeGreaterThan(on.ticks + 10);
  }, 60_000);
});
