// The command line is a host like the others, in-process here: a long job prints its progress on a terminal's stderr
// (and nothing of it into a pipe), then its result, from the same calls the window makes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ensureBuilt, ROOT } from '../helpers/cli';
import { freshCourtDb } from '../helpers/tempDb';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { seedDatabase } from '../../electron/core/setup/seed';
import { main } from '../../electron/cli/courtdesk';

let fixture: ReturnType<typeof freshCourtDb>;
// The environment this file changes, put back after it: a worker may run other files after this one (isolate: false).
const ENV_KEYS = ['COURTDESK_JOB_WORKER', 'COURTDESK_USER', 'COURTDESK_PASSWORD'] as const;
const envBefore = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

beforeAll(() => {
  ensureBuilt();
  process.env.COURTDESK_JOB_WORKER = path.join(ROOT, 'dist/jobs/jobWorker.cjs');
  fixture = freshCourtDb(undefined, { demo: true });
  seedDatabase(fixture.db, fixture.store, { cases: 60_000, seed: 3, today: '2026-11-20', actor: 'tester', threads: 'thread' });
  new AccountStore(fixture.db).create({ name: '信息科', roles: ['admin'], password: 'admin-pass-1', actor: 'tester' });
  fixture.db.close();
  process.env.COURTDESK_USER = '信息科';
  process.env.COURTDESK_PASSWORD = 'admin-pass-1';
}, 180_000);
afterAll(() => {
  fixture?.close();
  for (const k of ENV_KEYS) {
    if (envBefore[k] === undefined) delete process.env[k];
    else process.env[k] = envBefore[k];
  }
});

function io(terminal: boolean) {
  const seen = { out: [] as string[], err: [] as string[], progress: [] as string[] };
  return {
    seen,
    io: {
      out: (s: string) => seen.out.push(s),
      err: (s: string) => seen.err.push(s),
      ...(terminal ? { progress: (s: string) => seen.progress.push(s) } : {}),
    },
  };
}

describe('holiday-roll on a terminal', () => {
  it('shows the job and its share done while it runs, then clears the line and prints the result', async () => {
    const t = io(true);
    expect(await main(['--db', fixture.file, '--today', '2026-11-20', 'holiday-roll', 'on'], t.io)).toBe(0);
    expect(t.seen.progress.length).toBeGreaterThan(1);
    expect(t.seen.progress[0]).toMatch(/^开启节假日顺延：/);
    expect(t.seen.progress.some((p) => /60,000（\d+%）$/.test(p))).toBe(true);
    expect(t.seen.progress.at(-1)).toBe('');
    expect(t.seen.out.join('\n')).toMatch(/已开启节假日顺延，重新计算了 \d+ 件案件的审限届满日/);
    expect(t.seen.err).toEqual([]);
  }, 60_000);

  it('into a pipe prints the result alone', async () => {
    const t = io(false);
    expect(await main(['--db', fixture.file, '--json', '--today', '2026-11-20', 'holiday-roll', 'off'], t.io)).toBe(0);
    expect(JSON.parse(t.seen.out[0])).toMatchObject({ holidayRoll: false });
    expect(t.seen.progress).toEqual([]);
  }, 60_000);
});
