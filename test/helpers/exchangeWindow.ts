// The two courts the 报送中院 end-to-end files share: a basic court (three cases, one suspension left open since
// November, a president) and an intermediate court, each served by its own loopback host, and the page helpers.
import { expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, cli, initDb, TESTER, type CliResult } from './cli';
import { tempDir } from './tempDb';
import { prepareWork, signIn, tearDown, VIEWPORTS, SHOTS } from './e2e';
import { launchBrowser, startHost, type StartedHost } from './host';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { CaseStore } from '../../electron/core/cases/caseStore';

export const TODAY = '2025-06-30';
export const BASIC_PASS = 'basic-key-pass-1';
export const MID_PASS = 'mid-key-pass-1';
export const MID_NAME = '辽宁省某某市中级人民法院';

export interface ExchangeCourts {
  work: ReturnType<typeof tempDir>;
  basic: string;
  mid: string;
  /** The folder standing for the USB stick. */
  stick: string;
  basicHost: StartedHost;
  midHost: StartedHost;
  browser: Browser;
  /** A president: sends and receives, but holds no exchange.keys. */
  president: { name: string; password: string };
  pageErrors: string[];
  /** The command line on one court's database, the key passphrase in the environment. */
  atBasic(args: string[]): CliResult;
  atMid(args: string[]): CliResult;
}

export const ok = (r: CliResult): CliResult => {
  expect(r.code, r.err + r.out).toBe(0);
  return r;
};

export async function openCourts(): Promise<ExchangeCourts> {
  const work = prepareWork();
  const basic = path.join(work.dir, 'basic.sqlite');
  const mid = path.join(work.dir, 'mid.sqlite');
  const stick = path.join(work.dir, 'usb');
  mkdirSync(stick);
  initDb(basic);
  initDb(mid, { code: '辽04', name: MID_NAME });
  const atBasic = (args: string[]) => cli(['--db', basic, '--today', TODAY, ...args], { COURTDESK_PASSPHRASE: BASIC_PASS });
  const atMid = (args: string[]) => cli(['--db', mid, '--today', TODAY, ...args], { COURTDESK_PASSPHRASE: MID_PASS });
  const csv = path.join(work.dir, 'c.csv');
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式,原告,被告',
    '（2025）辽0421民初1号,民间借贷纠纷,普通程序,2025-03-10,民一庭,王法官,2025-05-18,判决,张三,李四',
    '（2025）辽0421民初2号,买卖合同纠纷,普通程序,2025-04-17,民一庭,王法官,,,王五,赵六',
    '（2024）辽0421民初9号,买卖合同纠纷,普通程序,2024-10-08,民二庭,周法官,,,钱七,孙八',
  ].join('\n'));
  ok(atBasic(['import', '--create-missing', csv]));
  // A suspension left open for months: the pre-flight names it.
  const { db } = openDatabase(basic);
  try {
    new CaseStore(db).addEvent('（2024）辽0421民初9号', '中止', '2024-11-01', null, null, { actor: 'tester', today: TODAY });
  } finally {
    closeDatabase(db);
  }
  const president = { name: '院长甲', password: '' };
  const added = ok(cli(['--db', basic, '--json', 'user', 'add', president.name, '--role', 'president'], { COURTDESK_USER: ADMIN.name, COURTDESK_PASSWORD: ADMIN.password }));
  const temporary = (added.json() as { temporaryPassword: string }).temporaryPassword;
  president.password = `${temporary}-mine`;
  ok(cli(['--db', basic, 'password'], { COURTDESK_USER: president.name, COURTDESK_PASSWORD: temporary, COURTDESK_NEW_PASSWORD: president.password }));
  const basicHost = await startHost(['--db', basic, '--today', TODAY]);
  const midHost = await startHost(['--db', mid, '--today', TODAY]);
  const browser = await launchBrowser();
  return { work, basic, mid, stick, basicHost, midHost, browser, president, pageErrors: [], atBasic, atMid };
}

export async function closeCourts(c: ExchangeCourts | undefined): Promise<void> {
  await c?.midHost?.stop();
  await tearDown({ browser: c?.browser, host: c?.basicHost, work: c?.work });
}

export const shot = (page: Page, name: string, width: number) => page.screenshot({ path: path.join(SHOTS, `150-exchange-${name}-${width}.png`) });

export async function openExchange(c: ExchangeCourts, host: StartedHost, width: (typeof VIEWPORTS)[number], person: { name: string; password: string } = TESTER): Promise<Page> {
  const page = await signIn(c.browser, host, person, { viewport: width, acceptDownloads: true, pageErrors: c.pageErrors, at: '/exchange' });
  // The page says its court's level once app.info has answered.
  await page.locator('[data-testid="exchange-page"][data-level]').waitFor({ timeout: 15_000 });
  return page;
}

/** Nothing sticks out sideways: neither the window nor the page's own scroller. */
export async function fits(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await page.getByTestId('exchange-page').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
}

export async function into(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).first().scrollIntoViewIfNeeded();
}
