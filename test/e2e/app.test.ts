// End to end: the loopback host on a seeded database, driven in Debian's Chromium as a clerk would use it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cli, TESTER, ADMIN } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import { deepLink, demoPeople, fillSignIn, prepareWork, seededCourt, tearDown, SHOTS } from '../helpers/e2e';

const TODAY = '2026-11-23';
let work: ReturnType<typeof tempDir>;
let host: StartedHost;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

async function shot(name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

beforeAll(async () => {
  work = prepareWork();
  const db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 5000, seed: 11 });
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  // The case list by address: these tests start from it (the start page has tests of its own, startPage.test.ts).
  await page.goto(deepLink(host.url, '/cases'));
}, 240_000);

describe('sign-in', () => {
  it('shows the demo accounts, refuses a wrong password in Chinese, and signs in', async () => {
    await page.getByTestId('signin-name').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('demo-accounts').textContent()).toContain('demo-judge');
    await shot('00-signin');
    await fillSignIn(page, { name: TESTER.name, password: 'wrong-password' });
    await expect.poll(async () => (await page.getByTestId('signin-error').textContent()) ?? '', { timeout: 15_000 }).toContain('姓名或口令不正确');
    await shot('00-signin-error');
    await fillSignIn(page, TESTER);
    await page.getByTestId('user-badge').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('user-badge').textContent()).toContain(TESTER.name);
  });
});

afterAll(() => tearDown({ browser, host, work }));

const rows = () => page.getByTestId('case-row');

describe('case list', () => {
  it('shows the court, the first page of cases and their total', async () => {
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await expect.poll(async () => (await page.getByTestId('case-total').textContent()) ?? '').toMatch(/5[,，]?000/);
    expect(await page.textContent('body')).toContain('某某县人民法院');
    await shot('01-case-list');
  });

  it('keeps the token out of the address bar', () => {
    expect(page.url()).not.toContain('token=');
  });

  it('filters to overdue cases, each showing a negative number of days remaining', async () => {
    await page.getByTestId('filter-status').selectOption({ label: '超审限' });
    await expect.poll(async () => (await rows().first().getAttribute('data-status')) ?? '', { timeout: 15_000 }).toBe('overdue');
    const statuses = await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['overdue']));
    await shot('02-overdue');
    await page.getByTestId('filter-status').selectOption({ label: '全部' });
  });

  it('searches by party name (two Chinese characters) and by case-number fragment', async () => {
    const first = await rows().first().getAttribute('data-case-number');
    const seq = /(\d+)号$/.exec(first!)![1];
    await page.getByTestId('search-input').fill(`${/）辽0421(.+?)\d+号$/.exec(first!)![1]}${seq}`);
    await expect.poll(async () => rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-case-number'))), { timeout: 15_000 }).toContain(first);
    await shot('03-search-number');

    // A person's name from the newest cases: the very newest may have only companies as parties.
    const newest = cli(['--db', path.join(work.dir, 'court.sqlite'), '--json', '--today', TODAY, 'cases', '--limit', '50']).json() as Array<{ plaintiffs: string[]; defendants: string[] }>;
    const name = newest.flatMap((c) => [...c.plaintiffs, ...c.defendants]).find((n) => n.length >= 2 && n.length <= 3)!;
    const fragment = name.slice(0, 2);
    await page.getByTestId('search-input').fill(fragment);
    const parties = () => rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-parties') ?? ''));
    await expect.poll(async () => {
      const texts = await parties();
      return texts.length > 0 && texts.every((t) => t.includes(fragment));
    }, { timeout: 15_000 }).toBe(true);
    const expected = cli(['--db', path.join(work.dir, 'court.sqlite'), '--json', '--today', TODAY, 'cases', '--search', fragment, '--limit', '100000']).json() as unknown[];
    await expect.poll(async () => (await page.getByTestId('case-total').textContent()) ?? '').toContain(expected.length.toLocaleString('zh-CN'));
    await shot('04-search-party');

    await page.getByTestId('search-input').fill('诸葛亮孔明不存在');
    await expect.poll(() => page.textContent('body'), { timeout: 15_000 }).toContain('没有符合条件的案件');
    await shot('05-empty');
    await page.getByTestId('search-input').fill('');
  });

  it('opens a case and shows its due date with the arithmetic spelled out', async () => {
    const list = cli(['--db', path.join(work.dir, 'court.sqlite'), '--json', '--today', TODAY, 'cases', '--status', 'open', '--limit', '1']).json() as Array<{ caseNumber: string; dueOn: string }>;
    const target = list[0];
    const d = cli(['--db', path.join(work.dir, 'court.sqlite'), '--json', '--today', TODAY, 'deadline', target.caseNumber]).json() as { dueOn: string; daysRemaining: number };
    await page.getByTestId('search-input').fill(target.caseNumber);
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(1);
    await rows().first().click();
    await page.getByTestId('case-page').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('case-page').textContent()).toContain(target.caseNumber);
    expect(await page.getByTestId('deadline-due').textContent()).toContain(d.dueOn);
    expect(await page.getByTestId('deadline-remaining').textContent()).toContain(String(Math.abs(d.daysRemaining)));
    const steps = await page.getByTestId('deadline-steps').textContent();
    expect(steps).toContain('立案日期');
    expect(steps).toContain(`审限届满日 ${d.dueOn}`);
    await shot('06-case-page');
  });

  it('shows the time-limit warnings from real data', async () => {
    await page.getByTestId('nav-deadlines').click();
    const summary = cli(['--db', path.join(work.dir, 'court.sqlite'), '--json', '--today', TODAY, 'cases', '--status', 'overdue', '--limit', '100000']).json() as unknown[];
    await expect.poll(() => page.textContent('body'), { timeout: 15_000 }).toContain(summary.length.toLocaleString('zh-CN'));
    await shot('07-deadlines');
  });

  it('shows honest placeholders and the settings', async () => {
    for (const [nav, name] of [['nav-extensions', '08-extensions'], ['nav-indicators', '09-indicators'], ['nav-exchange', '10-exchange'], ['nav-settings', '11-settings']] as const) {
      await page.getByTestId(nav).click();
      await page.waitForTimeout(300);
      await shot(name);
    }
    expect(await page.textContent('body')).toContain('辽0421');
  });

  it('logged no errors in the page', () => {
    expect(consoleErrors).toEqual([]);
  });
});

describe('roles in the window', () => {
  it("shows a judge only his own cases, with his scope", async () => {
    const judge = demoPeople(path.join(work.dir, 'court.sqlite')).only('judge');
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const p = await context.newPage();
    try {
      await p.goto(deepLink(host.url, '/cases'));
      await fillSignIn(p, judge);
      await p.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
      expect(await p.textContent('body')).toContain('本人承办的案件');
      const judges = await p.getByTestId('case-row').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
      for (const row of judges) expect(row).toContain(judge.name);
      await p.screenshot({ path: path.join(SHOTS, '13-judge-scope.png') });
    } finally {
      await context.close();
    }
  });

  it('shows the administrator the accounts and a verified audit trail', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const p = await context.newPage();
    try {
      await p.goto(host.url);
      await fillSignIn(p, ADMIN);
      await p.getByTestId('user-badge').waitFor({ timeout: 15_000 });
      await p.getByTestId('nav-settings').click();
      await p.evaluate(() => { location.hash = '#/settings/accounts'; });
      await p.getByTestId('users-table').waitFor({ timeout: 15_000 });
      // The table's header shows before users.list answers: wait for the rows, not the frame.
      await expect.poll(async () => (await p.getByTestId('users-table').textContent()) ?? '', { timeout: 15_000 }).toContain(TESTER.name);
      await p.screenshot({ path: path.join(SHOTS, '14-admin-accounts.png') });
      await p.evaluate(() => { location.hash = '#/settings/audit'; });
      await p.getByTestId('audit-verify').click();
      await expect.poll(async () => (await p.getByTestId('audit-verify-result').textContent()) ?? '', { timeout: 15_000 }).toContain('审计链完整');
      await p.screenshot({ path: path.join(SHOTS, '14-admin-audit.png') });
    } finally {
      await context.close();
    }
  });

  it('starts a new database in setup mode and signs the first administrator in', async () => {
    const fresh = path.join(work.dir, 'new.sqlite');
    const setupHost = await startHost(['--db', fresh]);
    const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await p.goto(setupHost.url);
      await p.getByTestId('setup-court-code').waitFor({ timeout: 15_000 });
      await p.getByTestId('setup-court-code').fill('辽0422');
      await p.getByTestId('setup-court-name').fill('另一县人民法院');
      await p.getByTestId('setup-admin').fill('首任管理员');
      await p.getByTestId('setup-password').fill('first-admin-1');
      await p.getByTestId('setup-password2').fill('first-admin-1');
      await p.screenshot({ path: path.join(SHOTS, '15-setup.png') });
      await p.getByTestId('setup-submit').click();
      await p.getByTestId('user-badge').waitFor({ timeout: 15_000 });
      expect(await p.getByTestId('user-badge').textContent()).toContain('首任管理员');
    } finally {
      await p.close();
      await setupHost.stop();
    }
  });
});

describe('start-up failure', () => {
  it('shows a clear Chinese screen for a database that is not a database, and leaves it alone', async () => {
    const bad = path.join(work.dir, 'broken.sqlite');
    writeFileSync(bad, 'not a database'.repeat(500));
    const failing = await startHost(['--db', bad]);
    const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await p.goto(failing.url);
      await expect.poll(() => p.textContent('body'), { timeout: 15_000 }).toContain('不是法院质效台的数据库');
      await p.screenshot({ path: path.join(SHOTS, '12-startup-failure.png') });
    } finally {
      await p.close();
      await failing.stop();
    }
  });
});
