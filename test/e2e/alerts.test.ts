// End to end: the 隐性超审限 and 长期未动 tabs of 审限预警, with their findings, thresholds and empty states, each case
// number opening the case, and each person seeing his own cases; photographed at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cli, initDb, TESTER } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { prepareWork, signIn, tearDown, VIEWPORTS, SHOTS, type Viewport } from '../helpers/e2e';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { CaseStore } from '../../electron/core/cases/caseStore';
import { nextRowVersion } from '../../electron/core/db/clock';

const TODAY = '2025-06-30';
const PASSWORD = 'pass-word-1';
const N1 = '（2024）辽0421民初1号';
const N2 = '（2025）辽0421民初2号';
const N3 = '（2025）辽0421民初3号';
const N4 = '（2024）辽0421民初4号';
const JUDGE = { name: '王法官', password: PASSWORD };

let work: ReturnType<typeof tempDir>;
let db: string;
let host: StartedHost;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  work = prepareWork();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  const csv = path.join(work.dir, 'c.csv');
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,原告,被告',
    `${N1},民间借贷纠纷,普通程序,2024-12-01,民一庭,王法官,张三,李四`,
    `${N2},买卖合同纠纷,普通程序,2025-01-10,民一庭,王法官,王五,赵六`,
    `${N3},买卖合同纠纷,普通程序,2025-03-01,民一庭,李法官,钱七,孙八`,
    `${N4},房屋租赁合同纠纷,普通程序,2024-11-20,城关人民法庭,赵法官,周九,吴十`,
  ].join('\n'));
  const imported = cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv]);
  expect(imported.code, imported.err + imported.out).toBe(0);
  const { db: file } = openDatabase(db);
  try {
    new AccountStore(file).create({ name: JUDGE.name, roles: ['judge'], division: '民一庭', password: PASSWORD, actor: 'tester' });
    const store = new CaseStore(file);
    // N3: a 鉴定 open since 2025-03-10, 112 days on 2025-06-30.
    store.addEvent(N3, '鉴定', '2025-03-10', null, null, { actor: 'tester', today: TODAY });
    // N4 (due 2025-05-20): 2 months approved on 2025-05-28, 8 days after; the request was marked late.
    file.prepare(
      `INSERT INTO extension_requests (case_id, months, days, reason, requested_on, late, status, decided_on, row_version, created_at, updated_at)
       VALUES ((SELECT id FROM cases WHERE case_number = ?), 2, 0, '案情复杂', '2025-05-25', 1, 'approved', '2025-05-28', 1, 'x', '2025-05-28T02:00:00.000Z')`,
    ).run(N4);
    store.refreshDeadline(store.getRow(N4)!, nextRowVersion(file), TODAY);
    // N2: nothing recorded since 2025-05-01, 60 days.
    file.prepare('UPDATE cases SET updated_at = ? WHERE case_number = ?').run('2025-05-01T01:00:00.000Z', N2);
  } finally {
    closeDatabase(file);
  }
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

async function openTab(page: Page, view: 'hidden' | 'cold'): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/deadlines';
  });
  await page.getByTestId('deadlines-page').waitFor({ timeout: 15_000 });
  await page.getByTestId(`deadline-card-${view}`).click();
  await page.getByTestId('alert-thresholds').waitFor({ timeout: 15_000 });
}

const rowsOf = (page: Page) => page.getByTestId('alert-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-number')));

describe('审限预警: 隐性超审限 and 长期未动', () => {
  it.each(VIEWPORTS)('lists the hidden-overdue cases with their findings for the president ($width)', async (viewport: Viewport) => {
    const page = await signIn(browser, host, TESTER, { viewport, pageErrors });
    try {
      await openTab(page, 'hidden');
      expect(new URL(page.url()).hash).toBe('#/deadlines?view=hidden');
      // N4 is 2025-07-20 − 2025-06-30 = 20 days from its extended due date; N3's clock is paused with 102 days.
      expect(await rowsOf(page)).toEqual([N4, N3]);
      expect(await page.getByTestId('deadline-count-hidden').textContent()).toBe('2');
      expect(await page.getByTestId('alert-thresholds').textContent()).toContain('超过 60 天仍未结束');
      const findings = await page.getByTestId('alert-table-hidden').textContent();
      expect(findings).toContain('2025-05-28 批准延长 2个月，此前审限已于 2025-05-20 届满，届满后 8天才批准');
      expect(findings).toContain('2025-05-25 申请延长 2个月，晚于规定的申请期限（逾期申请）');
      expect(findings).toContain('鉴定自 2025-03-10 起至今（2025-06-30）尚未结束，已 112天，超过 60天');
      await shot(page, `97-deadlines-hidden-${viewport.width}`);
      await page.getByTestId('alert-case-link').first().click();
      await page.waitForFunction((n) => decodeURIComponent(window.location.hash).includes(n), N4, { timeout: 15_000 });
    } finally {
      await page.close();
    }
  });

  it.each(VIEWPORTS)('lists the cold cases with the day of their last record ($width)', async (viewport: Viewport) => {
    const page = await signIn(browser, host, TESTER, { viewport, pageErrors });
    try {
      await openTab(page, 'cold');
      expect(await rowsOf(page)).toEqual([N2]);
      expect(await page.getByTestId('alert-table-cold').textContent()).toContain('2025-05-01（已 60 天）');
      expect(await page.getByTestId('alert-thresholds').textContent()).toContain('已 30 天以上均无的');
      await shot(page, `98-deadlines-cold-${viewport.width}`);
    } finally {
      await page.close();
    }
  });

  it('shows a judge only his own cases, and says so when there are none', async () => {
    const page = await signIn(browser, host, JUDGE, { pageErrors });
    try {
      await openTab(page, 'hidden');
      await page.getByTestId('alert-empty').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('alert-empty').textContent()).toBe('没有发现隐性超审限的案件');
      await shot(page, '99-deadlines-hidden-empty-judge-1024');
      await openTab(page, 'cold');
      expect(await rowsOf(page)).toEqual([N2]);
    } finally {
      await page.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
