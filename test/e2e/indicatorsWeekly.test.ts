// End to end: 周通报 in Chromium on a seeded court. The president's bulletin for a week with cases: its 全院 结案 is
// the week's count, a cell opens exactly that many cases, the week steps back and forth; a division head's per-judge
// bulletin lists only his division's judges; the print is the table alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, textOf, VIEWPORTS, SHOTS, type Person, type Viewport } from '../helpers/e2e';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';

// A Wednesday: the default week is 2025-06-16 to 2025-06-22.
const TODAY = '2025-06-25';
const WEEK = { from: '2025-06-16', to: '2025-06-22' };

let work: ReturnType<typeof prepareWork>;
let host: StartedHost;
let browser: Browser;
let head: Person;
let president: Person;
/** By the test's own SQL: the week's resolved cases, per division, and the judges with a case in the head's division. */
let weekResolved = 0;
const resolvedBy = new Map<string, number>();
let headJudges: string[] = [];
let allJudges: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  work = prepareWork();
  const db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 400, seed: 12 });
  const demo = demoPeople(db);
  const h = demo.users.find((u) => u.roles.includes('division_head') && u.division);
  if (!h?.division) throw new Error('no division head');
  head = { name: h.name, password: 'demo-division_head' };
  president = demo.holding('president', '测试员');
  const d = new Database(db, { readonly: true });
  weekResolved = d.prepare('SELECT count(*) FROM cases WHERE closed_on BETWEEN ? AND ?').pluck().get(WEEK.from, WEEK.to) as number;
  for (const r of d.prepare('SELECT v.name, count(*) AS n FROM cases c JOIN divisions v ON v.id = c.division_id WHERE c.closed_on BETWEEN ? AND ? GROUP BY v.name').all(WEEK.from, WEEK.to) as Array<{ name: string; n: number }>) {
    resolvedBy.set(r.name, r.n);
  }
  const judgesOf = (where: string, ...p: unknown[]) =>
    d.prepare(`SELECT DISTINCT s.name FROM cases c JOIN staff s ON s.id = c.judge_id JOIN divisions v ON v.id = c.division_id WHERE ${where}`).pluck().all(...p) as string[];
  headJudges = judgesOf('v.name = ?', h.division);
  allJudges = judgesOf('1');
  d.close();
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

async function open(p: Person, viewport: Viewport, hash: string): Promise<Page> {
  const page = await signIn(browser, host, p, { viewport, pageErrors, at: hash.slice(1) });
  await page.getByTestId('wk-table').waitFor({ timeout: 15_000 });
  return page;
}

const cellNumber = async (page: Page, row: string, id: string) => Number(((await page.getByTestId(row).getByTestId(`wk-cell-${id}`).locator('.wk-value').textContent()) ?? '').replace(/[^\d.]/g, ''));

describe('周通报', () => {
  it('the president: the last full week by default, 全院 结案 is the week’s count and opens exactly those cases', async () => {
    expect(weekResolved).toBeGreaterThan(0);
    for (const viewport of VIEWPORTS) {
      const page = await open(president, viewport, '#/indicators?view=weekly');
      expect(await textOf(page, 'ind-summary')).toContain('2025-06-16（周一）至 2025-06-22（周日）· 按名称排列，不作排名 · 与上周比较');
      expect(await cellNumber(page, 'wk-total', 'resolved')).toBe(weekResolved);
      // Each division's 结案 is its own count, and the rows are in name order with 全院 and 中位数 after them.
      const rows = page.getByTestId('wk-row');
      const names = (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-name') ?? ''))) as string[];
      expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN-u-co-pinyin').compare));
      for (const name of names) {
        const n = Number(((await page.locator(`tr[data-name="${name}"]`).getByTestId('wk-cell-resolved').locator('.wk-value').textContent()) ?? '').replace(/[^\d]/g, ''));
        expect(n).toBe(resolvedBy.get(name) ?? 0);
      }
      expect(await page.getByTestId('wk-median').count()).toBe(1);
      expect(await page.getByTestId('wk-table').textContent()).not.toMatch(/排名第|名次/);
      await shot(page, `indicators-weekly-${viewport.width}`);
      if (viewport.width === 1024) {
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: path.join(SHOTS, 'indicators-weekly-print-1024.png'), fullPage: true });
        expect(await page.getByTestId('wk-prev').isVisible()).toBe(false);
        await page.emulateMedia({ media: 'screen' });
      }
      // The next week is not over yet; the previous one is a click away, and back.
      expect(await page.getByTestId('wk-next').isDisabled()).toBe(true);
      await page.getByTestId('wk-prev').click();
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/indicators?view=weekly&week=2025-06-09&by=division');
      await expect.poll(() => textOf(page, 'wk-week')).toBe('2025-06-09 至 2025-06-15');
      await page.getByTestId('wk-next').click();
      await expect.poll(() => textOf(page, 'wk-week')).toBe('2025-06-16 至 2025-06-22');
      await page.getByTestId('wk-table').waitFor();
      await page.getByTestId('wk-total').getByTestId('wk-cell-resolved').getByRole('link').click();
      await page.getByTestId('ind-cases-page').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('case-total').getAttribute('data-count')).toBe(String(weekResolved));
      expect(await page.evaluate(() => window.location.hash)).toBe(`#/indicators/cases?id=resolved&part=count&from=${WEEK.from}&to=${WEEK.to}`);
      // A division's own cell opens that division's cases of the week.
      const [division, n] = [...resolvedBy.entries()].sort((a, b) => b[1] - a[1])[0];
      await page.goBack();
      await page.locator(`tr[data-name="${division}"]`).getByTestId('wk-cell-resolved').getByRole('link').click();
      await page.getByTestId('ind-cases-page').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('case-total').getAttribute('data-count')).toBe(String(n));
      expect(decodeURIComponent(await page.evaluate(() => window.location.hash))).toContain(`division=${division}`);
      await page.close();
    }
  });

  it('a division head’s per-judge bulletin lists only his division’s judges', async () => {
    expect(headJudges.length).toBeGreaterThan(0);
    expect(allJudges.length).toBeGreaterThan(headJudges.length);
    for (const viewport of VIEWPORTS) {
      const page = await open(head, viewport, '#/indicators?view=weekly&by=judge');
      await expect.poll(() => page.getByTestId('wk-by-judge').getAttribute('aria-pressed')).toBe('true');
      const names = (await page.getByTestId('wk-row').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-name') ?? ''))) as string[];
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((n) => headJudges.includes(n))).toBe(true);
      expect(await page.getByTestId('wk-total').getAttribute('data-name')).toBe('本部门');
      await shot(page, `indicators-weekly-head-${viewport.width}`);
      await page.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it('a division head’s per-division bulletin has no divisions’ median (it was his own figure) and says why', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await open(head, viewport, '#/indicators?view=weekly&by=division');
      await page.getByTestId('wk-median').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('wk-row').count()).toBe(1);
      const cells = (await page.getByTestId('wk-median').locator('td').allTextContents()).map((t) => t.trim());
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.every((t) => t.startsWith('—'))).toBe(true);
      expect(await textOf(page, 'wk-no-median')).toContain('不计算各部门中位数');
      await shot(page, `indicators-weekly-head-division-${viewport.width}`);
      await page.close();
    }
    // The president's bulletin keeps the median over his divisions.
    const page = await open(president, VIEWPORTS[0], '#/indicators?view=weekly&by=division');
    await page.getByTestId('wk-median').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('wk-no-median').count()).toBe(0);
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
