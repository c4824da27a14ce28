// End to end: 月分析 in Chromium on a seeded court. The president opens the month; its 结案数 is compute's own figure,
// a point of the trend opens exactly that month's cases, 上月 moves the month, and the screens are photographed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, textOf, VIEWPORTS, SHOTS, type Person, type Viewport } from '../helpers/e2e';
import { cli } from '../helpers/cli';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';

const TODAY = '2025-06-30';
/** The default month on 2025-06-30 is May. */
const MAY = { from: '2025-05-01', to: '2025-05-31' };

let work: ReturnType<typeof prepareWork>;
let host: StartedHost;
let browser: Browser;
let president: Person;
let db: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  work = prepareWork();
  db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 300, seed: 11 });
  president = demoPeople(db).holding('president', '测试员');
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const resolvedIn = (from: string, to: string) => {
  const d = new Database(db, { readonly: true });
  const n = d.prepare('SELECT count(*) FROM cases WHERE closed_on BETWEEN ? AND ?').pluck().get(from, to) as number;
  d.close();
  return n;
};

async function open(viewport: Viewport, hash = '#/indicators?view=monthly'): Promise<Page> {
  const page = await signIn(browser, host, president, { viewport, pageErrors, at: hash.slice(1) });
  await page.getByTestId('ind-monthly-table').waitFor({ timeout: 30_000 });
  return page;
}

const numberOf = async (page: Page, testId: string) => Number((await textOf(page, testId)).replace(/[^\d.]/g, ''));

describe('月分析 in the window', () => {
  it('the month’s 结案数 is compute’s, against last year and the year to date', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await open(viewport);
      expect(await textOf(page, 'ind-month')).toBe('2025年5月');
      // compute's own figure, asked through the command line as the same person.
      const r = cli(['--db', db, '--today', TODAY, '--json', 'indicators', '--from', MAY.from, '--to', MAY.to], { COURTDESK_USER: president.name, COURTDESK_PASSWORD: president.password });
      expect(r.code, r.err).toBe(0);
      const mine = (r.json() as { resolved: { value: number } }).resolved.value;
      expect(mine).toBe(resolvedIn(MAY.from, MAY.to));
      expect(mine).toBeGreaterThan(0);
      expect(await numberOf(page, 'ind-month-resolved')).toBe(mine);
      expect(await numberOf(page, 'ind-ytd-resolved')).toBe(resolvedIn('2025-01-01', MAY.to));
      expect(await numberOf(page, 'ind-lastyear-resolved')).toBe(resolvedIn('2024-05-01', '2024-05-31'));
      await page.getByTestId('ind-trend-chart').waitFor();
      await page.getByTestId('ind-outside').waitFor();
      await shot(page, `indicators-monthly-${viewport.width}`);
      // The page scrolls inside its pane: the out-of-range part is photographed on its own.
      await page.getByTestId('ind-outside').scrollIntoViewIfNeeded();
      await shot(page, `indicators-monthly-outside-${viewport.width}`);
      if (viewport.width === 1024) {
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: path.join(SHOTS, 'indicators-monthly-print-1024.png'), fullPage: true });
        await page.emulateMedia({ media: 'screen' });
        // The count opens its own cases.
        await page.getByTestId('ind-month-resolved').click();
        await page.getByTestId('ind-cases-page').waitFor({ timeout: 15_000 });
        await expect.poll(() => page.getByTestId('case-total').getAttribute('data-count')).toBe(String(mine));
        expect(await page.evaluate(() => window.location.hash)).toBe(`#/indicators/cases?id=resolved&part=count&from=${MAY.from}&to=${MAY.to}`);
      }
      await page.close();
    }
  });

  it('a point of the trend opens exactly that month’s cases; 上月 moves the month', async () => {
    const page = await open(VIEWPORTS[0], '#/indicators?view=monthly&ind=resolved');
    const chart = page.getByTestId('ind-trend-chart');
    await expect.poll(async () => JSON.parse((await chart.getAttribute('data-points')) ?? '[]').length).toBe(12);
    const points = JSON.parse((await chart.getAttribute('data-points')) ?? '[]') as Array<{ d: number; i: number; x: number; y: number }>;
    // The ninth point is 2025-02, a month of 28 days.
    const p = points.find((q) => q.i === 8)!;
    const feb = resolvedIn('2025-02-01', '2025-02-28');
    await chart.click({ position: { x: p.x, y: p.y } });
    await page.getByTestId('ind-cases-page').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => window.location.hash)).toBe('#/indicators/cases?id=resolved&part=count&from=2025-02-01&to=2025-02-28');
    await expect.poll(() => page.getByTestId('case-total').getAttribute('data-count')).toBe(String(feb));
    await page.goBack();
    await page.getByTestId('ind-month-prev').click();
    await expect.poll(() => textOf(page, 'ind-month')).toBe('2025年4月');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/indicators?view=monthly&month=2025-04&ind=resolved');
    await expect.poll(() => numberOf(page, 'ind-month-resolved')).toBe(resolvedIn('2025-04-01', '2025-04-30'));
    // 下月 stops at the running month.
    await page.goto(page.url().replace(/#.*/, '#/indicators?view=monthly&month=2025-06'));
    await page.getByTestId('ind-monthly-table').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('ind-month-next').isDisabled()).toBe(true);
    await shot(page, 'indicators-monthly-running-1024');
    const big = await open(VIEWPORTS[1], '#/indicators?view=monthly&ind=clearanceRate');
    await big.getByTestId('ind-trend-chart').waitFor();
    await shot(big, 'indicators-monthly-trend-1920');
    await big.close();
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
