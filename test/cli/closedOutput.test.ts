// The command line when its reader goes away (courtdesk cases | head -1): it ends quietly, no stack trace, a clean exit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, TESTER, cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';

const BIN = path.join(ROOT, 'bin/courtdesk.cjs');
let work: ReturnType<typeof tempDir>;
let db: string;

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  // Enough cases that the listing is far larger than a pipe's buffer (64 KiB), so the reader closes mid-output.
  const rows = ['案号,案由,审判程序,立案日期,承办部门,承办法官,原告,被告'];
  for (let i = 1; i <= 3000; i++) rows.push(`（2024）辽0421民初${i}号,民间借贷纠纷,普通程序,2024-03-01,民一庭,王法官,原告${i}号某某某某有限公司,被告${i}号某某某某有限公司`);
  const csv = path.join(work.dir, 'cases.csv');
  writeFileSync(csv, rows.join('\n'));
  const r = cli(['--db', db, '--today', '2024-12-31', 'import', '--create-missing', csv]);
  expect(r.code, r.err).toBe(0);
}, 180_000);
afterAll(() => work?.cleanup());

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the command with the chosen stream's reader closing after its first line (stdout) or before anything (stderr). */
function runClosing(args: string[], close: 'stdout' | 'stderr'): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, COURTDESK_USER: TESTER.name, COURTDESK_PASSWORD: TESTER.password, COURTDESK_DEBUG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the command did not end'));
    }, 60_000);
    if (close === 'stderr') child.stderr.destroy();
    else {
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    }
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      // head -1: one line read, then the pipe closes.
      if (close === 'stdout' && stdout.includes('\n')) child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('a closed output', () => {
  it('ends `courtdesk cases | head -1` quietly: no EPIPE, no stack trace, exit 0', async () => {
    const r = await runClosing(['--db', db, '--today', '2024-12-31', 'cases', '--limit', '3000'], 'stdout');
    expect(r.stdout.split('\n')[0]).toMatch(/^（2024）辽0421民初\d+号\t/);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\s+at /);
    expect(r.stderr).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  });

  it('ends with its own exit code when stderr is closed before it writes there', async () => {
    const r = await runClosing(['--db', db, 'cases', '--status', 'bogus'], 'stderr');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
  });

  it('ends quietly when both are closed', async () => {
    const child = spawn(process.execPath, [BIN, '--db', db, '--today', '2024-12-31', 'cases', '--limit', '3000'], {
      cwd: ROOT,
      env: { ...process.env, COURTDESK_USER: TESTER.name, COURTDESK_PASSWORD: TESTER.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr.destroy();
    child.stdout.once('data', () => child.stdout.destroy());
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect(signal).toBeNull();
    expect(code).toBe(0);
  });
});
