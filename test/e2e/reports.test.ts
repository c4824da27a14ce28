// End to end: the printed reports in Chromium on a seeded court. The president exports 周通报 as PDF from the 周通报 tab
// and gets a file named after the week whose text (pdftotext) holds the week's 全院 结案; 月分析 has its buttons too;
// both tabs photographed at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, VIEWPORTS, SHOTS, type Person, type Viewport } from '../helpers/e2e';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import { REPORT_RANK } from '../helpers/noRank';

// A Wednesday: the default week is 2025-06-16 to 2025-06-22.
const TODAY = '2025-06-25';
const WEEK = { from: '2025-06-16', to: '2025-06-22' };

let work: ReturnType<typeof prepareWork>;
let host: StartedHost;
let browser: Browser;
let president: Person;
let weekResolved = 0;
const pageErrors: string[] = [];

beforeAll(async () => {
  work = prepareWork();
  const db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 400, seed: 12 });
  president = demoPeople(db).holding('president', '测试员');
  const d = new Database(db, { readonly: true });
  weekResolved = d.prepare('SELECT count(*) FROM cases WHERE closed_on BETWEEN ? AND ?').pluck().get(WEEK.from, WEEK.to) as number;
  d.close();
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

async function open(viewport: Viewport, hash: string, testId: string): Promise<Page> {
  const page = await signIn(browser, host, president, { viewport, pageErrors, at: hash.slice(1), acceptDownloads: true });
  await page.getByTestId(testId).waitFor({ timeout: 15_000 });
  return page;
}

describe('导出周通报 / 月度分析 in the window', () => {
  it('the president exports the weekly PDF from the 周通报 tab and gets the file', async () => {
    expect(weekResolved).toBeGreaterThan(0);
    for (const viewport of VIEWPORTS) {
      const page = await open(viewport, '#/indicators?view=weekly', 'wk-table');
      try {
        const buttons = page.getByTestId('report-weekly');
        await expect.poll(() => buttons.getByTestId('report-pdf').isEnabled()).toBe(true);
        await page.screenshot({ path: path.join(SHOTS, `98-report-weekly-tab-${viewport.width}.png`) });
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), buttons.getByTestId('report-pdf').click()]);
        expect(download.suggestedFilename()).toBe(`审判质效周通报-${WEEK.from}至${WEEK.to}.pdf`);
        const file = path.join(work.dir, `weekly-${viewport.width}.pdf`);
        await download.saveAs(file);
        expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf-8' });
        expect(text).toContain('审判质效周通报');
        expect(text).not.toMatch(REPORT_RANK);
        // The 全院 row of the first table: 结案数 this week, as the test's own SQL counts it.
        const resolvedLine = text.split('\n').find((l) => l.trim().startsWith('结案数'))!;
        expect(resolvedLine.trim().split(/\s+/)[1]).toBe(weekResolved.toLocaleString('zh-CN'));
        await expect.poll(() => page.getByTestId('report-message').textContent()).toContain('已导出');
        await page.screenshot({ path: path.join(SHOTS, `98-report-weekly-done-${viewport.width}.png`) });
      } finally {
        await page.close();
      }
    }
    expect(pageErrors).toEqual([]);
  });

  it('the 月分析 tab has the same buttons, and its Excel arrives', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await open(viewport, '#/indicators?view=monthly', 'ind-monthly-table');
      try {
        const buttons = page.getByTestId('report-monthly');
        await page.screenshot({ path: path.join(SHOTS, `98-report-monthly-tab-${viewport.width}.png`) });
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), buttons.getByTestId('report-xlsx').click()]);
        expect(download.suggestedFilename()).toBe('审判质效月度分析-2025-05.xlsx');
      } finally {
        await page.close();
      }
    }
    expect(pageErrors).toEqual([]);
  });
});
