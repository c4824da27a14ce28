// End to end: every list screen works at 1024×768 (a common court workstation) and at 1920×1080. Measured in the
// rendered page: no header cell narrower than its text, no horizontal scrollbar anywhere, 当事人 / 剩余天数 / 状态 in
// view, and every cut-off cell carrying its full value as a tooltip; for every role that sees the screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, TESTER } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, VIEWPORTS, SHOTS, type Viewport } from '../helpers/e2e';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { AccountStore } from '../../electron/core/accounts/accountStore';

const TODAY = '2026-11-23';
/** A long name of one person holding many roles, in a division with a long name. */
const LONG = { name: '欧阳娜仁托娅·阿依古丽', password: 'long-name-pass-1', division: '新农村建设示范区巡回审判人民法庭' };
const DEADLINE_VIEWS = ['overdue', 'due7', 'due15', 'due30', 'suspended', 'mediation'] as const;

let work: ReturnType<typeof tempDir>;
let host: StartedHost;
let browser: Browser;
let people: { judge: string; divisionHead: string };

beforeAll(async () => {
  work = prepareWork();
  const db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 5000, seed: 11 });
  const opened = openDatabase(db);
  try {
    new AccountStore(opened.db).create({ name: LONG.name, roles: ['judge', 'division_head', 'vice_president', 'statistician'], division: LONG.division, password: LONG.password, actor: ADMIN.name });
  } finally {
    closeDatabase(opened.db);
  }
  const demo = demoPeople(db);
  people = { judge: demo.only('judge').name, divisionHead: demo.holding('division_head', LONG.name).name };
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

const signedIn = (name: string, password: string, viewport: Viewport) => signIn(browser, host, { name, password }, { viewport });

interface Measured {
  headers: string[];
  /** Header cells whose text does not fit (cut off or overflowing). */
  narrowHeaders: Array<{ text: string; textWidth: number; room: number }>;
  /** Elements showing a horizontal scrollbar (the page itself included). */
  horizontalScrollers: string[];
  /** Headers whose cell lies (partly) outside the visible width of its scrolling box or the window. */
  outOfView: string[];
  /** Body cells cut off without their full text as a tooltip. */
  cutWithoutTitle: string[];
}

/** Measures one rendered table: header text against cell room, scrollbars, what is in view, tooltips. */
function measure(page: Page, tableTestId: string): Promise<Measured> {
  return page.evaluate((testId) => {
    const table = document.querySelector(`[data-testid="${testId}"]`) as HTMLTableElement;
    const ths = [...table.querySelectorAll('thead th')] as HTMLElement[];
    const narrowHeaders = ths.flatMap((th) => {
      const text = (th.textContent ?? '').trim();
      if (!text) return [];
      const range = document.createRange();
      range.selectNodeContents(th);
      const textWidth = range.getBoundingClientRect().width;
      const cs = getComputedStyle(th);
      const room = th.getBoundingClientRect().width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      return textWidth > room + 0.5 || th.scrollWidth > th.clientWidth ? [{ text, textWidth, room }] : [];
    });
    const horizontalScrollers = [document.documentElement, ...document.querySelectorAll('body *')].flatMap((el) => {
      const cs = getComputedStyle(el);
      const scrolls = el === document.documentElement || cs.overflowX === 'auto' || cs.overflowX === 'scroll';
      return scrolls && el.scrollWidth > el.clientWidth + 1 ? [`${el.tagName.toLowerCase()}.${(el as HTMLElement).className}`] : [];
    });
    const box = (table.closest('.table-scroll') ?? document.documentElement).getBoundingClientRect();
    const right = Math.min(box.right, window.innerWidth);
    const outOfView = ths.filter((th) => th.getBoundingClientRect().right > right + 0.5 || th.getBoundingClientRect().width < 1).map((th) => th.textContent ?? '');
    const cutWithoutTitle = ([...table.querySelectorAll('tbody td')] as HTMLElement[]).flatMap((td) => {
      const parts = [td, ...td.querySelectorAll<HTMLElement>('*')].filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
      if (!parts.length) return [];
      const title = td.title;
      const lines = td.innerText.split('\n').map((l) => l.trim()).filter(Boolean);
      return lines.every((l) => title.includes(l)) ? [] : [`${td.innerText} (title: ${title || '无'})`];
    });
    return { headers: ths.map((th) => (th.textContent ?? '').trim()), narrowHeaders, horizontalScrollers, outOfView, cutWithoutTitle };
  }, tableTestId);
}

function expectUsable(m: Measured, mustShow: string[]) {
  expect(m.narrowHeaders).toEqual([]);
  expect(m.horizontalScrollers).toEqual([]);
  expect(m.outOfView).toEqual([]);
  expect(m.cutWithoutTitle).toEqual([]);
  for (const h of mustShow) expect(m.headers.some((x) => x.includes(h)), `${h} in ${m.headers.join('|')}`).toBe(true);
}

const CASE_COLUMNS = ['案号', '案由', '当事人', '承办', '立案日期', '审限届满日', '剩余天数', '状态'];

describe.each(VIEWPORTS)('at $width×$height', (viewport) => {
  const size = `${viewport.width}`;

  it.each([
    ['court-wide', () => ({ name: TESTER.name, password: TESTER.password })],
    ['judge', () => ({ name: people.judge, password: 'demo-judge' })],
    ['division-head', () => ({ name: people.divisionHead, password: 'demo-division_head' })],
    ['long-name', () => ({ name: LONG.name, password: LONG.password })],
  ] as const)('the case list works for a %s account', async (role, who) => {
    const { name, password } = who();
    const page = await signedIn(name, password, viewport);
    try {
      await expect.poll(() => page.getByTestId('case-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expectUsable(await measure(page, 'case-table'), CASE_COLUMNS);
      await page.screenshot({ path: path.join(SHOTS, `40-layout-cases-${role}-${size}.png`) });
    } finally {
      await page.close();
    }
  });

  it('each 审限预警 list works, full or empty', async () => {
    const page = await signedIn(TESTER.name, TESTER.password, viewport);
    try {
      await page.getByTestId('nav-deadlines').click();
      for (const view of DEADLINE_VIEWS) {
        await page.getByTestId(`deadline-card-${view}`).click();
        await expect.poll(async () => (await page.getByTestId('case-total').first().textContent()) ?? '', { timeout: 15_000 }).toMatch(/\d/);
        await expect.poll(async () => (await page.getByTestId('case-row').count()) + (await page.getByTestId('case-empty').count()), { timeout: 15_000 }).toBeGreaterThan(0);
        expectUsable(await measure(page, 'case-table'), CASE_COLUMNS);
        await page.screenshot({ path: path.join(SHOTS, `41-layout-deadlines-${view}-${size}.png`) });
      }
      // 隐性超审限 and 长期未动: lists of their own, full of the synthetic court's findings or empty.
      for (const view of ['hidden', 'cold'] as const) {
        await page.getByTestId(`deadline-card-${view}`).click();
        await page.getByTestId('alert-thresholds').waitFor({ timeout: 15_000 });
        await expect.poll(async () => (await page.getByTestId('alert-row').count()) + (await page.getByTestId('alert-empty').count()), { timeout: 15_000 }).toBeGreaterThan(0);
        await page.screenshot({ path: path.join(SHOTS, `41-layout-deadlines-${view}-${size}.png`) });
      }
    } finally {
      await page.close();
    }
    // A judge's lists are mostly empty: the empty state at this size too.
    const judge = await signedIn(people.judge, 'demo-judge', viewport);
    try {
      await judge.getByTestId('nav-deadlines').click();
      await judge.getByTestId('deadline-card-due7').click();
      await expect.poll(async () => (await judge.getByTestId('case-row').count()) + (await judge.getByTestId('case-empty').count()), { timeout: 15_000 }).toBeGreaterThan(0);
      expectUsable(await measure(judge, 'case-table'), CASE_COLUMNS);
      await judge.screenshot({ path: path.join(SHOTS, `41-layout-deadlines-judge-due7-${size}.png`) });
    } finally {
      await judge.close();
    }
  });

  it('the case page of a suspended case fits, with its periods', async () => {
    const page = await signedIn(TESTER.name, TESTER.password, viewport);
    try {
      await page.getByTestId('nav-deadlines').click();
      await page.getByTestId('deadline-card-suspended').click();
      await page.getByTestId('case-row').first().click();
      await page.getByTestId('case-events').waitFor({ timeout: 15_000 });
      expectUsable(await measure(page, 'case-events'), ['类型', '开始日期', '结束日期', '天数', '是否扣除审限', '备注']);
      await page.screenshot({ path: path.join(SHOTS, `44-layout-case-page-${size}.png`) });
    } finally {
      await page.close();
    }
  });

  it('备份与恢复 lists its copies without a scrollbar', async () => {
    const page = await signedIn(ADMIN.name, ADMIN.password, viewport);
    try {
      await page.evaluate(() => { location.hash = '#/settings/backup'; });
      await page.getByTestId('backup-now').click();
      await expect.poll(() => page.getByTestId('backup-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expectUsable(await measure(page, 'backup-table'), ['备份时间', '类型', '大小', '文件']);
      await page.screenshot({ path: path.join(SHOTS, `45-layout-backups-${size}.png`) });
    } finally {
      await page.close();
    }
  });

  it('账号管理 shows whole roles (wrapped, never "员额…") and 审计日志 fits', async () => {
    const page = await signedIn(ADMIN.name, ADMIN.password, viewport);
    try {
      await page.evaluate(() => { location.hash = '#/settings/accounts'; });
      await expect.poll(async () => (await page.getByTestId('users-table').textContent()) ?? '', { timeout: 15_000 }).toContain(LONG.name);
      const m = await measure(page, 'users-table');
      expectUsable(m, ['姓名', '角色', '部门', '状态', '需改口令', '操作']);
      // Roles are never cut: each cell shows its whole text.
      const roles = page.locator('[data-testid="users-table"] tbody tr td:nth-child(2)');
      expect(await roles.count()).toBeGreaterThan(5);
      const cut = await roles.evaluateAll((tds) => tds.filter((td) => td.scrollWidth > td.clientWidth + 1 || td.scrollHeight > td.clientHeight + 1).map((td) => td.textContent));
      expect(cut).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `42-layout-accounts-${size}.png`), fullPage: true });

      await page.evaluate(() => { location.hash = '#/settings/audit'; });
      await expect.poll(() => page.getByTestId('audit-row').count(), { timeout: 15_000 }).toBeGreaterThan(5);
      expectUsable(await measure(page, 'audit-table'), ['时间', '操作人', '操作', '对象']);
      await page.screenshot({ path: path.join(SHOTS, `43-layout-audit-${size}.png`) });
    } finally {
      await page.close();
    }
  });
});
