// `npm start -- --db NEWPATH --demo`: the option reaches whichever shell starts, and the loopback host creates a
// demonstration database at that path (a new path without --demo starts the setup form instead).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, ROOT } from '../helpers/cli';
import { startHost } from '../helpers/host';
import { tempDir } from '../helpers/tempDb';
import { openCore } from '../../electron/core/app/openCore';
import { chooseDatabase } from '../../electron/main/startup';
import type { AuthStatus } from '../../shared/accounts/api';
import { ROLES } from '../../shared/accounts/roles';

type Env = Record<string, string | undefined>;
type LaunchPlan = (o: { root: string; electron: string | null; args: string[]; env: Env }) => { command: string; args: string[]; env: Env };
let launchPlan: LaunchPlan;
let work: ReturnType<typeof tempDir>;

beforeAll(async () => {
  ensureBuilt();
  // scripts/ is plain JavaScript that runs before any build: loaded as the script itself loads it.
  ({ launchPlan } = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'launch.mjs')).href)) as { launchPlan: LaunchPlan });
  work = tempDir();
});
afterAll(() => work?.cleanup());

describe('npm start passes --db and --demo on', () => {
  it('to the loopback host as they were given, when Electron is not installed', () => {
    const plan = launchPlan({ root: ROOT, electron: null, args: ['--db', '/data/new.sqlite', '--demo', '--today', '2026-03-10'], env: {} });
    expect(plan.command).toBe(process.execPath);
    expect(plan.args).toEqual([path.join(ROOT, 'dist', 'host', 'host.cjs'), '--db', '/data/new.sqlite', '--demo', '--today', '2026-03-10']);
  });

  it('to the Electron shell through its environment, which then creates a demo at that path', () => {
    for (const args of [['--db', 'court/new.sqlite', '--demo'], ['--demo', '--db=court/new.sqlite']]) {
      const plan = launchPlan({ root: ROOT, electron: '/opt/electron/electron', args, env: { PATH: '/usr/bin' } });
      expect(plan.command).toBe('/opt/electron/electron');
      expect(plan.args).toEqual([ROOT]);
      expect(plan.env).toEqual({ PATH: '/usr/bin', COURTDESK_DB: path.join(ROOT, 'court', 'new.sqlite'), COURTDESK_DEMO: '1' });
      expect(chooseDatabase('/home/u/.config/CourtDesk', plan.env)).toEqual({ dbPath: path.join(ROOT, 'court', 'new.sqlite'), demo: true });
    }
    // Without --demo a chosen path is opened as it is: a new file starts the setup form.
    const plain = launchPlan({ root: ROOT, electron: '/opt/electron/electron', args: ['--db', '/data/court.sqlite'], env: {} });
    expect(chooseDatabase('/ignored', plain.env)).toEqual({ dbPath: '/data/court.sqlite', demo: false });
  });
});

describe('the loopback host with --db NEWPATH --demo', () => {
  it('creates a demonstration database there, with one demo account per role, and serves it', async () => {
    const file = path.join(work.dir, 'sub', 'demo.sqlite');
    const host = await startHost(['--db', file, '--demo', '--today', '2026-03-10']);
    try {
      expect(host.output()).toContain(`首次启动：正在生成演示数据库 ${file}`);
    } finally {
      await host.stop();
    }
    const core = openCore({ dbPath: file, host: 'loopback', today: '2026-03-10', jobWorker: null });
    try {
      const r = await core.call('auth.status', {});
      const status = (r.ok ? r.value : null) as AuthStatus;
      expect(status).toMatchObject({ setupNeeded: false, demo: true, courtCode: '辽0421' });
      expect(status.demoAccounts.map((a) => a.password).sort()).toEqual(ROLES.map((role) => `demo-${role}`).sort());
      expect(core.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(5000);
    } finally {
      core.close();
    }
  });

  it('opens an existing database as it is, --demo or not', async () => {
    const file = path.join(work.dir, 'sub', 'demo.sqlite');
    expect(existsSync(file)).toBe(true);
    const host = await startHost(['--db', file, '--demo', '--today', '2026-03-11']);
    await host.stop();
    expect(host.output()).not.toContain('首次启动');
  });
});
