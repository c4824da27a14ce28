// The demonstration court shows each role its work: signed in with the passwords its sign-in screen shows, the demo
// judge has open cases with running clocks, due within 7, 15 and 30 days and overdue, and the division head's
// 审限预警 board counts them, for any seed and any "today" (the day `npm start` creates the database, or --today).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { openCore, DEMO_DEFAULTS, type Core } from '../../electron/core/app/openCore';
import { seedDatabase } from '../../electron/core/setup/seed';
import { closeDatabase } from '../../electron/core/db/connection';
import { freshCourtDb, tempDir } from '../helpers/tempDb';
import type { AuthStatus } from '../../shared/accounts/api';
import type { DeadlineSummary } from '../../shared/deadlines/api';
import type { CaseListResult } from '../../shared/cases/api';
import type { AlertList } from '../../shared/deadlines/api';
import type { ExtensionStudy } from '../../shared/extensions/api';

const cleanups: Array<() => void> = [];
afterAll(() => {
  for (const c of cleanups) c();
});

/** A demo database as `courtdesk init --demo` + `seed` make it, opened by the core as the hosts open it. */
function seededDemo(seed: number, today: string): Core {
  const t = freshCourtDb('辽0421', { demo: true });
  seedDatabase(t.db, t.store, { cases: DEMO_DEFAULTS.cases, seed, today, actor: 'system', threads: 'thread' });
  closeDatabase(t.db);
  const core = openCore({ dbPath: t.file, host: 'loopback', today, jobWorker: null });
  cleanups.push(() => {
    core.close();
    t.cleanup();
  });
  return core;
}

/** The demo database `npm start -- --db NEWPATH --demo` creates: the core's own first-start path. */
function startedDemo(today: string): Core {
  const t = tempDir();
  const core = openCore({ dbPath: path.join(t.dir, 'demo.sqlite'), host: 'loopback', today, demo: DEMO_DEFAULTS, jobWorker: null });
  cleanups.push(() => {
    core.close();
    t.cleanup();
  });
  return core;
}

async function value<T>(core: Core, method: string, args: unknown, session?: string): Promise<T> {
  const r = await core.call(method, args, session ? { session } : {});
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Signs in as the sign-in screen offers it: the account listed with the password demo-ROLE. */
async function signInAs(core: Core, role: string): Promise<{ name: string; session: string }> {
  const status = await value<AuthStatus>(core, 'auth.status', {});
  const account = status.demoAccounts.find((a) => a.password === `demo-${role}`);
  expect(account, `no demo account for ${role}`).toBeDefined();
  const r = await core.call('auth.signIn', { name: account!.name, password: account!.password });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return { name: account!.name, session: (r.session as { set: string }).set };
}

const CASES: Array<[string, () => Core, string]> = [
  ['seed 1, a Tuesday in March', () => seededDemo(1, '2026-03-10'), '2026-03-10'],
  ['seed 2, the second day of a year', () => seededDemo(2, '2025-01-02'), '2025-01-02'],
  ['seed 7, a Sunday in August', () => seededDemo(7, '2027-08-15'), '2027-08-15'],
  ['seed 4242, the day after the National Day holiday', () => seededDemo(4242, '2026-10-08'), '2026-10-08'],
  ['the first start of npm start (--db NEWPATH --demo), on a leap day', () => startedDemo('2028-02-29'), '2028-02-29'],
];

describe.each(CASES)('the demo court, %s', (_name, open, today) => {
  let core: Core;
  beforeAll(() => {
    core = open();
  });

  it('gives the demo judge open cases with running clocks: due within 7, 15 and 30 days, and overdue', async () => {
    const judge = await signInAs(core, 'judge');
    const summary = await value<DeadlineSummary>(core, 'deadlines.summary', {}, judge.session);
    expect(summary.today).toBe(today);
    expect(summary.overdue).toBeGreaterThanOrEqual(1);
    expect(summary.dueWithin7).toBeGreaterThanOrEqual(1);
    // Some due in 8-15 days and in 16-30 days, not only the same cases counted again.
    expect(summary.dueWithin15).toBeGreaterThan(summary.dueWithin7);
    expect(summary.dueWithin30).toBeGreaterThan(summary.dueWithin15);
    expect(summary.open).toBeGreaterThan(summary.dueWithin30);

    const list = await value<CaseListResult>(core, 'cases.list', { status: 'open', sort: 'dueOn_asc', limit: 500 }, judge.session);
    expect(list.rows.length).toBe(summary.open);
    // The judge's own docket: every case is his, and the warnings are cases whose clock runs today.
    for (const row of list.rows) expect(row.judge).toBe(judge.name);
    const running = list.rows.filter((r) => r.status === 'in_time' || r.status === 'overdue');
    const remaining = running.map((r) => r.daysRemaining!);
    expect(remaining.some((d) => d >= 0 && d <= 7)).toBe(true);
    expect(remaining.some((d) => d > 7 && d <= 15)).toBe(true);
    expect(remaining.some((d) => d > 15 && d <= 30)).toBe(true);
    expect(running.some((r) => r.status === 'overdue' && r.daysRemaining! < 0)).toBe(true);
  });

  it("fills the demo division head's 审限预警 board: no count is zero", async () => {
    const head = await signInAs(core, 'division_head');
    const judge = await signInAs(core, 'judge');
    const board = await value<DeadlineSummary>(core, 'deadlines.summary', {}, head.session);
    const own = await value<DeadlineSummary>(core, 'deadlines.summary', {}, judge.session);
    for (const key of ['open', 'overdue', 'dueWithin7', 'dueWithin15', 'dueWithin30'] as const) {
      expect(board[key], key).toBeGreaterThan(0);
      // The head's division holds the judge's cases, and more.
      expect(board[key], key).toBeGreaterThanOrEqual(own[key]);
    }
    expect(board.open).toBeGreaterThan(own.open);
  });

  it('has cold cases (长期未动): as many as the open cases whose own simulated dates all lie 30 days back or more', async () => {
    // By hand, from the dates the generator simulated (not from the timestamps the alert reads): the latest of filing,
    // a period's start or end, a request or decision, a 先行调解 step, on or before today minus 30 days.
    const byHand = (scopeWhere: string, scopeArg: unknown[]) => core.db.prepare(
      `SELECT count(*) FROM cases c WHERE c.closed_on IS NULL ${scopeWhere} AND max(c.filed_on,
         coalesce((SELECT max(max(e.from_on, coalesce(e.to_on, ''))) FROM case_events e WHERE e.case_id = c.id), ''),
         coalesce((SELECT max(max(x.requested_on, coalesce(x.decided_on, ''))) FROM extension_requests x WHERE x.case_id = c.id), ''),
         coalesce((SELECT max(m.received_on, coalesce(m.consent_on, ''), coalesce(m.ended_on, '')) FROM mediations m WHERE m.case_id = c.id), '')
       ) <= date(?, '-30 days')`,
    ).pluck().get(...scopeArg, today) as number;
    const president = await signInAs(core, 'president');
    const all = await value<AlertList>(core, 'deadlines.cold', {}, president.session);
    expect(all.thresholds.coldDays).toBe(30);
    expect(all.total).toBeGreaterThan(0);
    expect(all.total).toBe(byHand('', []));
    const head = await signInAs(core, 'division_head');
    const division = await value<AlertList>(core, 'deadlines.cold', {}, head.session);
    const divisionId = core.db.prepare('SELECT division_id FROM staff WHERE name = ?').pluck().get(head.name);
    expect(division.total).toBe(byHand('AND c.division_id = ?', [divisionId]));
    expect(division.total).toBeLessThan(all.total);
    // Nothing seeded is stamped after the day it was seeded for.
    const latest = core.db.prepare(`SELECT max(max(c.updated_at, c.created_at)) FROM cases c`).pluck().get() as string;
    expect(latest <= `${today}T23:59:59`).toBe(true);
  });

  it('codes the reasons of its extension requests, so 延审原因分析 shows a mix and no request is left out', async () => {
    const president = await signInAs(core, 'president');
    const from = `${Number(today.slice(0, 4)) - 3}-01-01`;
    const study = await value<ExtensionStudy>(core, 'extensions.study', { from, to: today }, president.session);
    const seeded = core.db.prepare('SELECT count(*) FROM extension_requests WHERE requested_on BETWEEN ? AND ?').pluck().get(from, today) as number;
    expect(seeded).toBeGreaterThan(0);
    expect(study.total.requests).toBe(seeded);
    expect(study.byReason.reduce((n, r) => n + r.requests, 0)).toBe(seeded);
    expect(study.byReason.find((r) => r.reason === 'imported')?.requests ?? 0).toBe(0);
    expect(study.byReason.filter((r) => r.requests > 0).length).toBeGreaterThanOrEqual(3);
  });

  it("gives the demo assistant the same division's board", async () => {
    const assistant = await signInAs(core, 'assistant');
    const head = await signInAs(core, 'division_head');
    const mine = await value<DeadlineSummary>(core, 'deadlines.summary', {}, assistant.session);
    expect(mine).toEqual(await value<DeadlineSummary>(core, 'deadlines.summary', {}, head.session));
  });
});
