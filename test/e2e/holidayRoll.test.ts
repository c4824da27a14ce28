// End to end: an administrator turns the holiday roll on, after a confirmation saying how many due dates change and
// which years the calendar covers, and the case page shows the moved due date with its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { cli, initDb, ADMIN, TESTER } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { prepareWork, signIn, tearDown, SHOTS } from '../helpers/e2e';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';

const TODAY = '2024-12-31';
const WIDE = { width: 1366, height: 768 };
let work: ReturnType<typeof tempDir>;
let browser: Browser;
let host: StartedHost;
let dbFile: string;

beforeAll(async () => {
  work = prepareWork();
  const db = path.join(work.dir, 'court.sqlite');
  dbFile = db;
  initDb(db);
  const csv = path.join(work.dir, 'cases.csv');
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,原告,被告',
    '（2024）辽0421民初1号,民间借贷纠纷,普通程序,2024-04-01,民一庭,王法官,张三,李四',
  ].join('\n'));
  expect(cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv]).code).toBe(0);
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 120_000);

afterAll(() => tearDown({ browser, host, work }));

describe('节假日顺延', () => {
  it('is off by default; an administrator turns it on and the case page explains the moved due date', async () => {
    const admin = await signIn(browser, host, ADMIN, { viewport: WIDE, locale: null });
    await admin.getByTestId('nav-settings').click();
    await expect.poll(async () => (await admin.getByTestId('holiday-roll-state').textContent()) ?? '', { timeout: 15_000 }).toContain('未开启');
    // The calendar's years, and what happens after them, are said before anything is switched.
    expect(await admin.getByTestId('holiday-roll-coverage').textContent()).toContain('2027 年及以后的安排尚未发布：这些年份的届满日只在遇周六、周日时顺延');
    // Switching asks first, with the number of due dates that will change (the switch run and rolled back).
    await admin.getByTestId('holiday-roll-toggle').click();
    await admin.getByTestId('holiday-roll-confirm').waitFor({ timeout: 15_000 });
    expect(await admin.getByTestId('holiday-roll-confirm-count').textContent()).toBe('开启后，将重新计算并改变 1 件案件的审限届满日（剩余天数和是否超审限随之改变）。');
    expect(await admin.getByTestId('holiday-roll-confirm-calendar').textContent()).toContain('节假日日历只到 2026 年');
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('holiday-roll-cancel');
    await admin.screenshot({ path: path.join(SHOTS, '29-holiday-roll-confirm.png') });
    // 取消 changes nothing.
    await admin.getByTestId('holiday-roll-cancel').click();
    expect(await admin.getByTestId('holiday-roll-confirm').count()).toBe(0);
    expect(await admin.getByTestId('holiday-roll-state').textContent()).toContain('未开启');
    expect(cli(['--db', dbFile, '--json', '--today', TODAY, 'deadline', '（2024）辽0421民初1号']).json()).toMatchObject({ dueOn: '2024-10-01' });
    await admin.getByTestId('holiday-roll-toggle').click();
    await admin.getByTestId('holiday-roll-confirm-go').click();
    await expect.poll(async () => (await admin.getByTestId('holiday-roll-message').textContent()) ?? '', { timeout: 15_000 }).toContain('已重新计算 1 件案件');
    expect(await admin.getByTestId('holiday-roll-state').textContent()).toContain('已开启');
    await admin.getByTestId('holiday-roll-panel').scrollIntoViewIfNeeded();
    await admin.screenshot({ path: path.join(SHOTS, '30-holiday-roll-on.png') });
    await admin.close();

    const clerk = await signIn(browser, host, TESTER, { viewport: WIDE, locale: null });
    await clerk.evaluate(() => { location.hash = `#/case/${encodeURIComponent('（2024）辽0421民初1号')}`; });
    await expect.poll(async () => (await clerk.textContent('body')) ?? '', { timeout: 15_000 }).toContain('计算届满日 2024-10-01 为国庆节，顺延至其后第一个工作日');
    expect(await clerk.textContent('body')).toContain('2024-10-08');
    await clerk.screenshot({ path: path.join(SHOTS, '31-case-holiday-roll.png') });
    await clerk.close();
  });
});
