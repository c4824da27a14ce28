// Runs the built courtdesk command as a user would, capturing exit code, stdout and stderr.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { AccountStore } from '../../electron/core/accounts/accountStore';

export const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/courtdesk.cjs');

/** Builds dist/ once if a test run starts without it (npm test builds first). */
export function ensureBuilt(): void {
  if (['dist/cli/courtdesk.cjs', 'dist/host/host.cjs', 'dist/generator/seedWorker.cjs', 'dist/jobs/jobWorker.cjs', 'dist/exchange/passphraseWorker.cjs'].every((f) => existsSync(path.join(ROOT, f)))) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
  json: () => unknown;
}

export const ADMIN = { name: '管理员', password: 'admin-pass-1' };
/** A test account holding several roles (court-wide clerk, president, statistician, administrator). */
export const TESTER = { name: '测试员', password: 'tester-pass-1' };

export function cli(args: string[], env: Record<string, string> = {}, input?: string): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, COURTDESK_USER: TESTER.name, COURTDESK_PASSWORD: TESTER.password, ...env },
    input,
    timeout: 120_000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) };
}

/** Creates a court database through the command line, with its administrator, plus the test account. */
export function initDb(file: string, court = { code: '辽0421', name: '某某县人民法院' }, options: { demo?: boolean } = {}): void {
  const r = cli(['init', '--court-code', court.code, '--court-name', court.name, '--admin', ADMIN.name, '--db', file, ...(options.demo ? ['--demo'] : [])], { COURTDESK_PASSWORD: ADMIN.password });
  if (r.code !== 0) throw new Error(`init failed: ${r.err}`);
  const { db } = openDatabase(file);
  try {
    new AccountStore(db).create({ name: TESTER.name, roles: ['clerk', 'president', 'statistician', 'admin'], password: TESTER.password, actor: ADMIN.name });
  } finally {
    closeDatabase(db);
  }
}
