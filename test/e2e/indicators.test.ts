// End to end: 质效指标 in Chromium on a seeded court. The president clicks a figure and lands on exactly that many
// cases; a division head and a judge see only their own figures; 日监测 and the per-judge chart; an empty court.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, textOf, VIEWPORTS, SHOTS, type Person, type Viewport } from '../helpers/e2e';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';

const TODAY = '2025-06-30';
const BOARD = '#/indicators?from=2025-01-01&to=2025-06-30';

let work: ReturnType<typeof prepareWork>;
let host: StartedHost;
let browser: Browser;
let judge: Person & { division: string | null };
let head: Person;
let president: Person;
/** Resolved in the period, by the test's own SQL: the court's and the judge's. */
const resolved = { court: 0, judge: 0 };
const pageErrors: string[] = [];

beforeAll(async () => {
  work = prepareWork();
  const db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 300, seed: 11 });
  const demo = demoPeople(db);
  judge = demo.only('judge');
  head = demo.headOf(judge);
  // The seeding command's own account (测试员) holds every role with a password of its own: the demo 院长.
  president = demo.holding('president', '测试员');
  const d = new Database(db, { readonly: true });
  const count = (where: string, ...p: unknown[]) => d.prepare(`SELECT count(*) FROM cases c WHERE c.closed_on BETWEEN '2025-01-01' AND '2025-06-30' AND ${where}`).pluck().get(...p) as number;
  resolved.court = count('1');
  resolved.judge = count('c.judge_id = (SELECT id FROM staff WHERE name = ?)', judge.name);
  d.close();
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

async function open(p: Person, viewport: Viewport, hash = BOARD): Promise<Page> {
  const page = await signIn(browser, host, p, { viewport, pageErrors, at: hash.slice(1) });
  await page.getByTestId('ind-page').waitFor({ timeout: 15_000 });
  await page.getByTestId('ind-summary').waitFor({ timeout: 15_000 });
  return page;
}

const numberOf = async (page: Page, testId: string) => Number((await textOf(page, testId)).replace(/[^\d.]/g, ''));

describe('质效指标 in the window', () => {
  it('the president: a figure opens exactly its cases, each opening the case page', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await open(president, viewport);
      expect(resolved.court).toBeGreaterThan(5);
      expect(await numberOf(page, 'ind-value-resolved')).toBe(resolved.court);
      // Every tile with a range says where its value lies: 结收比 against the default ≥ 100 %.
      const clearance = Number((await textOf(page, 'ind-value-clearanceRate')).replace('%', ''));
      expect(await textOf(page, 'ind-range-clearanceRate')).toBe(clearance < 100 ? '▼ 低于区间' : '区间内');
      expect(await page.getByTestId('ind-range-received').count()).toBe(0);
      await shot(page, `indicators-president-${viewport.width}`);
      if (viewport.width === 1024) {
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: path.join(SHOTS, 'indicators-print-1024.png'), fullPage: true });
        await page.emulateMedia({ media: 'screen' });
      }
      await page.getByTestId('ind-value-resolved').click();
      await page.getByTestId('ind-cases-page').waitFor({ timeout: 15_000 });
      expect(await textOf(page, 'ind-cases-title')).toBe('结案数 · 结案日期在期间内的案件 · 2025-01-01 至 2025-06-30');
      await expect.poll(() => page.getByTestId('case-total').getAttribute('data-count')).toBe(String(resolved.court));
      await expect.poll(() => page.getByTestId('case-row').count()).toBe(Math.min(resolved.court, 100));
      await shot(page, `indicators-cases-${viewport.width}`);

      // The numerator of 法定审限内结案率: its own count, by its address.
      await page.goBack();
      await page.getByTestId('ind-numerator-onTimeRate').waitFor({ timeout: 15_000 });
      const n = await numberOf(page, 'ind-numerator-onTimeRate');
      expect(n).toBeGreaterThan(0);
      await page.getByTestId('ind-numerator-onTimeRate').click();
      await expect.poll(() => page.getByTestId('case-total').getAttribute('data-count')).toBe(String(n));
      expect(await page.evaluate(() => window.location.hash)).toBe('#/indicators/cases?id=onTimeRate&part=numerator&from=2025-01-01&to=2025-06-30');
      await page.getByTestId('case-row').first().getByRole('link').first().click();
      await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/case\//);
      await page.close();
    }
  });

  it('日监测 and the per-judge view with its chart, whose bar opens that judge’s cases', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await open(president, viewport, '#/indicators?view=daily');
      await page.getByTestId('ind-due-overdue').waitFor({ timeout: 15_000 });
      await page.getByTestId('ind-change-pending').waitFor();
      await shot(page, `indicators-daily-${viewport.width}`);
      await page.close();
      const groups = await open(president, viewport, `${BOARD}&view=groups&by=judge&ind=resolved`);
      await groups.getByTestId('ind-chart').waitFor({ timeout: 15_000 });
      expect(await textOf(groups, 'ind-spread')).toContain('中位数');
      await shot(groups, `indicators-groups-${viewport.width}`);
      if (viewport.width === 1024) {
        const points = JSON.parse((await groups.getByTestId('ind-chart').getAttribute('data-points')) ?? '[]') as Array<{ d: number; i: number; x: number; y: number }>;
        expect(points.length).toBeGreaterThan(1);
        const p = points[0];
        const row = groups.getByTestId('ind-groups-table').locator('tbody tr').nth(p.i);
        const name = (await row.locator('th').textContent()) ?? '';
        const expected = Number(((await row.locator('td').first().textContent()) ?? '').replace(/[^\d]/g, ''));
        await groups.getByTestId('ind-chart').click({ position: { x: p.x, y: p.y } });
        await groups.getByTestId('ind-cases-page').waitFor({ timeout: 15_000 });
        await expect.poll(() => groups.getByTestId('case-total').getAttribute('data-count')).toBe(String(expected));
        expect(decodeURIComponent(await groups.evaluate(() => window.location.hash))).toContain(`judge=${name}`);
      }
      await groups.close();
    }
  });

  it('a division head and a judge see only their own figures', async () => {
    for (const [who, name] of [[head, 'head'], [judge, 'judge']] as const) {
      for (const viewport of VIEWPORTS) {
        const page = await open(who, viewport);
        const n = await numberOf(page, 'ind-value-resolved');
        if (name === 'judge') {
          expect(n).toBe(resolved.judge);
          expect(await page.getByTestId('ind-division').count()).toBe(0);
          expect(await page.getByTestId('ind-judge').count()).toBe(0);
        } else {
          expect(n).toBeLessThan(resolved.court);
          expect(await page.getByTestId('ind-division').count()).toBe(0);
        }
        await shot(page, `indicators-${name}-${viewport.width}`);
        if (name === 'judge' && viewport.width === 1024) {
          await page.getByTestId('ind-value-resolved').click();
          await expect.poll(() => page.getByTestId('case-total').getAttribute('data-count')).toBe(String(resolved.judge));
          const judges = await page.getByTestId('case-row').allTextContents();
          expect(judges.every((t) => t.includes(judge.name))).toBe(true);
        }
        await page.close();
      }
    }
  });

  // The seeding command makes at least one case: a year before the court's first case stands for an empty court.
  it('an empty court shows zeros and dashes, not errors', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await open(president, viewport, '#/indicators?from=2000-01-01&to=2000-12-31');
      expect(await textOf(page, 'ind-value-resolved')).toBe('0');
      expect(await textOf(page, 'ind-value-onTimeRate')).toBe('—');
      expect(await textOf(page, 'ind-empty')).toContain('没有在办案件');
      await shot(page, `indicators-empty-${viewport.width}`);
      await page.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
