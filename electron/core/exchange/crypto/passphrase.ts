// Sealing and opening the private keys' passphrase files on a worker thread (the built passphraseWorker), or on this thread when running from source.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openWithPassphrase, sealWithPassphrase } from './age';

export type PassphraseTask = { op: 'seal' | 'open'; bytes: Uint8Array; passphrase: string };
type Opened = Awaited<ReturnType<typeof openWithPassphrase>>;

/** dist/exchange/passphraseWorker.cjs beside the running bundle; null from source (tests), where this thread does the work. */
export function passphraseWorkerFile(): string | null {
  const file = process.env.COURTDESK_PASSPHRASE_WORKER ?? path.join(__dirname, '..', 'exchange', 'passphraseWorker.cjs');
  return existsSync(file) ? file : null;
}

function onWorker<T>(file: string, task: PassphraseTask): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: task });
    worker.once('message', (answer: T & { error?: string }) => {
      void worker.terminate();
      if (answer && typeof answer === 'object' && 'error' in answer && answer.error) reject(new Error(answer.error));
      else resolve(answer);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`passphrase worker exited with code ${code}`)));
  });
}

export async function sealOffThread(plaintext: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const file = passphraseWorkerFile();
  if (!file) return sealWithPassphrase(plaintext, passphrase);
  return (await onWorker<{ sealed: Uint8Array }>(file, { op: 'seal', bytes: plaintext, passphrase })).sealed;
}

export async function openOffThread(sealed: Uint8Array, passphrase: string): Promise<Opened> {
  const file = passphraseWorkerFile();
  if (!file) return openWithPassphrase(sealed, passphrase);
  return onWorker<Opened>(file, { op: 'open', bytes: sealed, passphrase });
}
