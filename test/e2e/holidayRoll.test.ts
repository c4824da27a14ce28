// End to end: an administrator turns the holiday roll on, and the case page shows the moved due date with its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { cli, ensureBuilt, initDb, ROOT, ADMIN, TESTER } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';

const TODAY = '2024-12-31';
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
let work: ReturnType<typeof tempDir>;
let browser: Browser;
let host: StartedHost;

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(SHOTS, { recursive: true });
  work = tempDir();
  const db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  const csv = path.join(work.dir, 'cases.csv');
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,原告,被告',
    '（2024）辽0421民初1号,民间借贷纠纷,普通程序,2024-04-01,民一庭,王法官,张三,李四',
  ].join('\n'));
  expect(cli(['--db', db, '--today', TODAY, 'import', csv]).code).toBe(0);
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  work?.cleanup();
});

describe('节假日顺延', () => {
  it('is off by default; an administrator turns it on and the case page explains the moved due date', async () => {
    const admin = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await admin.goto(host.url);
    await admin.getByTestId('signin-name').fill(ADMIN.name);
    await admin.getByTestId('signin-password').fill(ADMIN.password);
    await admin.getByTestId('signin-submit').click();
    await admin.getByTestId('user-badge').waitFor({ timeout: 15_000 });
    await admin.getByTestId('nav-settings').click();
    await expect.poll(async () => (await admin.getByTestId('holiday-roll-state').textContent()) ?? '', { timeout: 15_000 }).toContain('未开启');
    await admin.getByTestId('holiday-roll-toggle').click();
    await expect.poll(async () => (await admin.getByTestId('holiday-roll-message').textContent()) ?? '', { timeout: 15_000 }).toContain('已重新计算 1 件案件');
    expect(await admin.getByTestId('holiday-roll-state').textContent()).toContain('已开启');
    await admin.getByTestId('holiday-roll-panel').scrollIntoViewIfNeeded();
    await admin.screenshot({ path: path.join(SHOTS, '30-holiday-roll-on.png') });
    await admin.close();

    const clerk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await clerk.goto(host.url);
    await clerk.getByTestId('signin-name').fill(TESTER.name);
    await clerk.getByTestId('signin-password').fill(TESTER.password);
    await clerk.getByTestId('signin-submit').click();
    await clerk.getByTestId('user-badge').waitFor({ timeout: 15_000 });
    await clerk.evaluate(() => { location.hash = `#/case/${encodeURIComponent('（2024）辽0421民初1号')}`; });
    await expect.poll(async () => (await clerk.textContent('body')) ?? '', { timeout: 15_000 }).toContain('计算届满日 2024-10-01 为国庆节，顺延至其后第一个工作日');
    expect(await clerk.textContent('body')).toContain('2024-10-08');
    await clerk.screenshot({ path: path.join(SHOTS, '31-case-holiday-roll.png') });
    await clerk.close();
  });
});
