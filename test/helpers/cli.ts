// Runs the built courtdesk command as a user would, capturing exit code, stdout and stderr.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/courtdesk.cjs');

/** Builds dist/ once if a test run starts without it (npm test builds first). */
export function ensureBuilt(): void {
  if (existsSync(path.join(ROOT, 'dist/cli/courtdesk.cjs')) && existsSync(path.join(ROOT, 'dist/host/host.cjs'))) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
  json: () => unknown;
}

export function cli(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, COURTDESK_USER: 'tester', ...env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) };
}
