// End to end: the page of a division and of a judge in Chromium on a seeded court with long Chinese names. The
// president opens a division from 分部门·分法官, its figure is compute's, a judge's bar opens that judge's cases; a
// judge sees his own page and a notice on another's; a division head sees his division; no view ranks anyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, textOf, VIEWPORTS, SHOTS, type DemoPerson, type Person } from '../helpers/e2e';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import { ADMIN, cli } from '../helpers/cli';
import { positionColumns, rankWords } from '../helpers/noRank';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { AccountStore } from '../../electron/core/accounts/accountStore';

const TODAY = '2025-06-25';
const PERIOD = { from: '2025-01-01', to: TODAY };
const Q = `from=${PERIOD.from}&to=${PERIOD.to}`;
/** Long names, as courts have them: the head's division and one of its judges are renamed to these. */
const LONG_DIVISION = '立案庭（诉讼服务中心暨多元解纷与速裁工作室）';
const LONG_JUDGE = '阿依古丽·买买提艾力';
/** A judge with no case at all: the empty page. */
const IDLE: Person = { name: '欧阳司马慕容', password: 'idle-judge-pass-1' };

let work: ReturnType<typeof prepareWork>;
let host: StartedHost;
let browser: Browser;
let db: string;
let president: DemoPerson;
let head: DemoPerson;
let judge: DemoPerson;
const pageErrors: string[] = [];

beforeAll(async () => {
  work = prepareWork();
  db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 400, seed: 12 });
  const demo = demoPeople(db);
  president = demo.holding('president', '测试员');
  judge = demo.only('judge');
  head = demo.headOf(judge);
  const accounts = new Set(demo.users.map((u) => u.name));
  const d = new Database(db);
  const divisionId = d.prepare('SELECT id FROM divisions WHERE name = ?').pluck().get(head.division) as number;
  // A judge of the head's division with cases in the period and no account, so renaming him signs no one out.
  const other = (d.prepare('SELECT DISTINCT s.id, s.name FROM cases c JOIN staff s ON s.id = c.judge_id WHERE c.division_id = ? AND c.filed_on <= ? ORDER BY s.id').all(divisionId, TODAY) as Array<{ id: number; name: string }>).find((s) => !accounts.has(s.name));
  if (!other) throw new Error('no judge without an account in the head’s division');
  d.prepare('UPDATE divisions SET name = ? WHERE id = ?').run(LONG_DIVISION, divisionId);
  d.prepare('UPDATE staff SET name = ? WHERE id = ?').run(LONG_JUDGE, other.id);
  d.close();
  head = { ...head, division: LONG_DIVISION };
  judge = { ...judge, division: LONG_DIVISION };
  const { db: conn } = openDatabase(db);
  try {
    new AccountStore(conn).create({ name: IDLE.name, roles: ['judge'], division: LONG_DIVISION, password: IDLE.password, actor: ADMIN.name, mustChange: false });
  } finally {
    closeDatabase(conn);
  }
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const numberOf = async (page: Page, testId: string) => Number((await textOf(page, testId)).replace(/[^\d.]/g, ''));

/** compute's own figures, through the command line as the president. */
function compute(args: string[]): Record<string, { value: number | null }> {
  const r = cli(['--db', db, '--today', TODAY, '--json', 'indicators', '--from', PERIOD.from, '--to', PERIOD.to, ...args], { COURTDESK_USER: president.name, COURTDESK_PASSWORD: president.password });
  expect(r.code, r.err).toBe(0);
  return r.json() as Record<string, { value: number | null }>;
}

async function go(page: Page, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByTestId(ready).first().waitFor({ timeout: 30_000 });
}

/** Photographs the page at its top, then each of the sections scrolled into view (the page scrolls inside its pane). */
async function shots(page: Page, name: string, sections: string[]): Promise<void> {
  await shot(page, name);
  for (const s of sections) {
    await page.getByTestId(s).scrollIntoViewIfNeeded();
    await shot(page, `${name}-${s}`);
  }
}

describe('a division’s and a judge’s page', () => {
  it('the president opens a division from 分部门·分法官: compute’s figures, its judges’ bars open their cases', async () => {
    const court = compute([]);
    const mine = compute(['--division', LONG_DIVISION]);
    for (const viewport of VIEWPORTS) {
      const page = await signIn(browser, host, president, { viewport, pageErrors, at: `/indicators?view=groups&${Q}&by=division&ind=resolved` });
      await page.getByTestId('ind-groups-table').waitFor({ timeout: 30_000 });
      await page.getByTestId('ind-groups-table').getByRole('link', { name: LONG_DIVISION, exact: true }).click();
      await page.getByTestId('grp-key-table').waitFor({ timeout: 30_000 });
      expect(await textOf(page, 'grp-title')).toBe(`部门指标 · ${LONG_DIVISION}`);
      expect(await numberOf(page, 'grp-value-resolved')).toBe(mine.resolved.value);
      expect(await numberOf(page, 'grp-court-resolved')).toBe(court.resolved.value);
      expect(await textOf(page, 'grp-median-resolved')).not.toBe('');
      await page.getByTestId('grp-judges-chart').waitFor();
      await page.getByTestId('ind-trend-chart').waitFor();
      // The judges in name order, the long name among them, each a link to his page.
      const names = await page.getByTestId('grp-judge-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name') ?? ''));
      expect(names).toContain(LONG_JUDGE);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
      await shots(page, `indicators-division-${viewport.width}`, ['ind-trend', 'grp-judges']);
      if (viewport.width === 1024) {
        // A bar opens that judge's cases behind the figure (onTimeRate's numerator), as many as his row says.
        const points = JSON.parse((await page.getByTestId('grp-judges-chart').getAttribute('data-points')) ?? '[]') as Array<{ i: number; x: number; y: number }>;
        expect(points.length).toBeGreaterThan(1);
        const p = points[0];
        const name = names[p.i];
        const theirs = compute(['--division', LONG_DIVISION, '--judge', name]) as unknown as Record<string, { numerator: number }>;
        await page.getByTestId('grp-judges-chart').click({ position: { x: p.x, y: p.y } });
        await page.getByTestId('ind-cases-page').waitFor({ timeout: 15_000 });
        await expect.poll(() => page.getByTestId('case-total').getAttribute('data-count')).toBe(String(theirs.onTimeRate.numerator));
        const hash = decodeURIComponent(await page.evaluate(() => window.location.hash));
        expect(hash).toContain(`judge=${name}`);
        expect(hash).toContain('id=onTimeRate&part=numerator');
        // The judge's name in the division's table opens his page.
        await page.goBack();
        await page.getByTestId('grp-judges-table').getByRole('link', { name: LONG_JUDGE, exact: true }).click();
        await page.getByTestId('grp-key-table').waitFor({ timeout: 30_000 });
        expect(await textOf(page, 'grp-title')).toBe(`法官指标 · ${LONG_JUDGE}`);
        expect(await numberOf(page, 'grp-value-received')).toBe(compute(['--judge', LONG_JUDGE]).received.value);
        await page.getByTestId('grp-due').waitFor();
        await shots(page, 'indicators-judge-long-1024', ['grp-due', 'ind-trend']);
      }
      await page.close();
    }
  });

  it('a judge sees his own page from 质效指标, and a notice on another judge’s or a division’s address', async () => {
    const page = await signIn(browser, host, judge, { pageErrors, at: '/indicators' });
    await page.getByTestId('ind-own-page').click();
    await page.getByTestId('grp-key-table').waitFor({ timeout: 30_000 });
    expect(await textOf(page, 'grp-title')).toBe(`法官指标 · ${judge.name}`);
    // His own figures only: no court column, no median beside them.
    expect(await page.getByTestId('grp-court-resolved').count()).toBe(0);
    expect(await numberOf(page, 'grp-value-resolved')).toBe(compute(['--judge', judge.name]).resolved.value);
    // His overdue cases: the count opens the case list filtered to him, as many as it says.
    const overdue = await numberOf(page, 'grp-due-overdue');
    await page.getByTestId('grp-due-overdue').click();
    await expect.poll(() => page.getByTestId('case-total').getAttribute('data-count'), { timeout: 15_000 }).toBe(String(overdue));
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#\/cases\?status=overdue&judge=\d+/);
    await page.goBack();
    await page.getByTestId('grp-key-table').waitFor({ timeout: 30_000 });
    await go(page, `#/indicators/judge?name=${encodeURIComponent(LONG_JUDGE)}&${Q}`, 'grp-notice');
    expect(await textOf(page, 'grp-notice')).toContain(`不能查看“${LONG_JUDGE}”的页面`);
    expect(await page.getByTestId('grp-key-table').count()).toBe(0);
    await shot(page, 'indicators-judge-notice-1024');
    await go(page, `#/indicators/division?name=${encodeURIComponent(LONG_DIVISION)}`, 'grp-notice');
    await page.getByTestId('grp-notice-own').click();
    await page.getByTestId('grp-key-table').waitFor({ timeout: 30_000 });
    await page.close();
    // A judge with no case: the empty page, at both sizes.
    for (const viewport of VIEWPORTS) {
      const idle = await signIn(browser, host, IDLE, { viewport, pageErrors, at: `/indicators/judge?name=${encodeURIComponent(IDLE.name)}&${Q}` });
      await idle.getByTestId('grp-empty').waitFor({ timeout: 30_000 });
      expect(await textOf(idle, 'grp-value-onTimeRate')).toBe('—');
      await shot(idle, `indicators-judge-empty-${viewport.width}`);
      await idle.close();
    }
  });

  it('a division head lands on his division’s page, with his judges, and a notice on another division', async () => {
    const page = await signIn(browser, host, head, { viewport: VIEWPORTS[1], pageErrors, at: `/indicators?${Q}` });
    await page.getByTestId('ind-own-page').click();
    await page.getByTestId('grp-key-table').waitFor({ timeout: 30_000 });
    expect(await textOf(page, 'grp-title')).toBe(`部门指标 · ${LONG_DIVISION}`);
    expect(await numberOf(page, 'grp-value-resolved')).toBe(compute(['--division', LONG_DIVISION]).resolved.value);
    await page.getByTestId('grp-judges-table').waitFor();
    // His division is all he sees: no court column that would repeat his own figures.
    expect(await page.getByTestId('grp-court-resolved').count()).toBe(0);
    await shot(page, 'indicators-division-head-1920');
    const elsewhere = Object.keys(compute(['--by', 'division'])).find((n) => n !== LONG_DIVISION)!;
    await go(page, `#/indicators/division?name=${encodeURIComponent(elsewhere)}`, 'grp-notice');
    expect(await textOf(page, 'grp-notice')).toContain(`不能查看部门“${elsewhere}”的页面`);
    await page.close();
  });

  it('no view ranks: no 排名, 名次 or 第N名, and no column numbering the rows, on every view and page', async () => {
    const page = await signIn(browser, host, president, { viewport: VIEWPORTS[1], pageErrors, at: '/indicators' });
    const views: Array<[string, string]> = [
      [`#/indicators?${Q}`, 'ind-group-效率'],
      ['#/indicators?view=daily', 'ind-due'],
      [`#/indicators?view=groups&${Q}&by=division&ind=onTimeRate`, 'ind-groups-table'],
      [`#/indicators?view=groups&${Q}&by=judge&ind=onTimeRate`, 'ind-groups-table'],
      ['#/indicators?view=weekly&by=division', 'wk-table'],
      ['#/indicators?view=weekly&by=judge', 'wk-table'],
      ['#/indicators?view=monthly&month=2025-05&ind=onTimeRate', 'ind-outside'],
      [`#/indicators/division?name=${encodeURIComponent(LONG_DIVISION)}&${Q}`, 'grp-judges-table'],
      [`#/indicators/judge?name=${encodeURIComponent(LONG_JUDGE)}&${Q}`, 'grp-key-table'],
    ];
    for (const [hash, ready] of views) {
      await go(page, hash, ready);
      const text = (await page.locator('main, .page').first().textContent()) ?? '';
      expect(rankWords(text), hash).toEqual([]);
      const tables = await page.locator('table').evaluateAll((ts) => ts.map((t) => [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent ?? ''))));
      for (const rows of tables) expect(positionColumns(rows), hash).toEqual([]);
    }
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
