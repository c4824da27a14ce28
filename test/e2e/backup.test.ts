// End to end: an administrator backs up and restores in the window, and a damaged database is restored from the start-up screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, truncateSync, statSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { cli, ADMIN, TESTER } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { launchBrowser, startHost } from '../helpers/host';
import { deepLink, fillSignIn, prepareWork, seededCourt, tearDown, SHOTS } from '../helpers/e2e';
import { breakIndexPage } from '../helpers/damage';

const TODAY = '2026-11-23';
let work: ReturnType<typeof tempDir>;
let browser: Browser;

beforeAll(async () => {
  work = prepareWork();
  browser = await launchBrowser();
}, 120_000);

afterAll(() => tearDown({ browser, work }));

const seededDb = (name: string, cases: number) => seededCourt(path.join(work.dir, name), { today: TODAY, cases, seed: 5 });

describe('备份与恢复 in the window', () => {
  it('backs up on demand, to a chosen folder too, lists the copies, and restores one after checking it', async () => {
    const db = seededDb('court.sqlite', 400);
    const host = await startHost(['--db', db, '--today', TODAY]);
    const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await p.goto(host.url);
      await fillSignIn(p, ADMIN);
      await p.getByTestId('user-badge').waitFor({ timeout: 15_000 });
      await p.evaluate(() => { location.hash = '#/settings/backup'; });
      await p.getByTestId('backup-panel').waitFor({ timeout: 15_000 });
      // The host's daily backup runs 3 s after start: the list is empty only if the window got there first.
      await p.screenshot({ path: path.join(SHOTS, '20-backup-first.png') });

      await p.getByTestId('backup-now').click();
      await expect.poll(async () => (await p.getByTestId('backup-message').textContent()) ?? '', { timeout: 20_000 }).toContain('已备份到');
      expect(await p.getByTestId('backup-message').textContent()).toContain('400 件案件');
      await expect.poll(async () => (await p.getByTestId('backup-table').textContent()) ?? '', { timeout: 10_000 }).toContain('手动');

      // A folder that does not exist: a Chinese message, nothing written.
      await p.getByTestId('backup-to').fill(path.join(work.dir, '不存在的U盘'));
      await p.getByTestId('backup-now').click();
      await expect.poll(async () => (await p.getByTestId('backup-message').textContent()) ?? '', { timeout: 10_000 }).toMatch(/文件夹/);
      await p.screenshot({ path: path.join(SHOTS, '21-backup-bad-folder.png') });
      const stick = path.join(work.dir, 'U盘');
      mkdirSync(stick);
      await p.getByTestId('backup-to').fill(stick);
      await p.getByTestId('backup-now').click();
      await expect.poll(async () => (await p.getByTestId('backup-message').textContent()) ?? '', { timeout: 20_000 }).toContain(stick);
      expect(readdirSync(stick).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);

      // Work after the backup: a new account, which the restore takes away again.
      const added = cli(['--db', db, 'user', 'add', '新来的书记员', '--role', 'clerk']);
      expect(added.code, added.err).toBe(0);

      await p.getByTestId('backup-restore').first().click();
      await p.getByTestId('restore-dialog').waitFor();
      await expect.poll(async () => (await p.getByTestId('restore-check').textContent()) ?? '', { timeout: 20_000 }).toContain('备份完好');
      await p.screenshot({ path: path.join(SHOTS, '22-restore-confirm.png') });
      await p.getByTestId('restore-confirm').click();
      await p.getByTestId('signin-name').waitFor({ timeout: 30_000 });
      const notice = await p.textContent('body');
      expect(notice).toContain('已从备份恢复');
      expect(notice).toContain('恢复前的数据库已备份到');
      await p.screenshot({ path: path.join(SHOTS, '23-restored-signin.png') });

      const users = cli(['--db', db, '--json', 'user', 'list']);
      expect(users.code, users.err).toBe(0);
      expect(users.out).not.toContain('新来的书记员');

      await fillSignIn(p, ADMIN);
      await p.getByTestId('user-badge').waitFor({ timeout: 15_000 });
      await p.evaluate(() => { location.hash = '#/settings/audit'; });
      await expect.poll(async () => (await p.getByTestId('audit-table').textContent()) ?? '', { timeout: 15_000 }).toContain('从备份恢复');
      // The list now holds the copy taken before the restore too.
      await p.evaluate(() => { location.hash = '#/settings/backup'; });
      await expect.poll(async () => (await p.getByTestId('backup-table').textContent()) ?? '', { timeout: 10_000 }).toContain('恢复前');
      await p.screenshot({ path: path.join(SHOTS, '24-backup-list.png') });
    } finally {
      await p.close();
      await host.stop();
    }
  });
});

describe('a damaged database at start', () => {
  it('says so, offers the latest good backup, restores it, and the court signs in again', async () => {
    const db = seededDb('damaged.sqlite', 300);
    const backup = cli(['--db', db, '--json', 'backup']);
    expect(backup.code, backup.err).toBe(0);
    truncateSync(db, Math.floor(statSync(db).size / 2));

    const host = await startHost(['--db', db, '--today', TODAY]);
    const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      // The case list by address: after the restore it shows the restored court's 300 cases.
      await p.goto(deepLink(host.url, '/cases'));
      await p.getByTestId('startup-error').waitFor({ timeout: 15_000 });
      expect(await p.getByTestId('startup-error-message').textContent()).toMatch(/损坏|不是法院质效台的数据库/);
      await p.getByTestId('startup-backup').waitFor({ timeout: 15_000 });
      expect(await p.getByTestId('startup-backup').textContent()).toContain('300 件案件');
      await p.screenshot({ path: path.join(SHOTS, '25-startup-damaged.png') });
      await p.getByTestId('startup-restore').click();
      await p.screenshot({ path: path.join(SHOTS, '26-startup-restore-confirm.png') });
      await p.getByTestId('startup-restore-confirm').click();
      await p.getByTestId('signin-name').waitFor({ timeout: 30_000 });
      expect(await p.textContent('body')).toContain('已改名保留为');
      await p.screenshot({ path: path.join(SHOTS, '27-startup-restored.png') });
      await fillSignIn(p, TESTER);
      await p.getByTestId('user-badge').waitFor({ timeout: 15_000 });
      await expect.poll(async () => (await p.textContent('body')) ?? '', { timeout: 15_000 }).toContain('300');
      expect(readdirSync(path.dirname(db)).some((f) => f.startsWith('damaged.sqlite.damaged-'))).toBe(true);
      expect(existsSync(db)).toBe(true);
    } finally {
      await p.close();
      await host.stop();
    }
  });

  it('finds damage the open did not notice with the check it runs at start, and the window switches to the restore offer', async () => {
    const db = seededDb('quietly-damaged.sqlite', 300);
    expect(cli(['--db', db, 'backup']).code).toBe(0);
    breakIndexPage(db, 'cases_filed');
    const host = await startHost(['--db', db, '--today', TODAY]);
    const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await p.goto(host.url);
      await p.locator('[data-testid="signin-name"], [data-testid="startup-error"]').first().waitFor({ timeout: 15_000 });
      await expect.poll(() => host.output(), { timeout: 30_000 }).toContain('启动检查');
      // Whoever had the sign-in screen open meets the damage at the next call.
      if (await p.getByTestId('signin-name').isVisible()) await fillSignIn(p, TESTER);
      await p.getByTestId('startup-error').waitFor({ timeout: 15_000 });
      expect(await p.getByTestId('startup-error-message').textContent()).toContain('启动检查发现');
      await p.getByTestId('startup-backup').waitFor({ timeout: 15_000 });
      await p.screenshot({ path: path.join(SHOTS, '28-startup-check-damaged.png') });
    } finally {
      await p.close();
      await host.stop();
    }
  });
});
