// End to end: 审限核对 opened from the 审限预警 page, empty before any exchange import, then listing the cases whose
// source figures disagree (both due dates, the difference, the arithmetic), each case number opening the case, and
// 导出 Excel downloading the list as .xlsx; photographed at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { cli, initDb, TESTER } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { prepareWork, signIn, tearDown, VIEWPORTS, SHOTS } from '../helpers/e2e';
import { entry, zipBuffer } from '../helpers/hostileXlsx';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import { RECONCILIATION_COLUMNS, RECONCILIATION_SHEET_NAME } from '../../electron/core/cases/reconciliationXlsx';

const TODAY = '2024-12-31';
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'exchange', 'batch');

let work: ReturnType<typeof tempDir>;
let db: string;
let host: StartedHost;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  work = prepareWork();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

const signedIn = (viewport: (typeof VIEWPORTS)[number]) => signIn(browser, host, TESTER, { viewport, acceptDownloads: true, pageErrors });

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

async function fromDeadlines(page: Page, shotName?: string): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/deadlines';
  });
  await page.getByTestId('deadlines-page').waitFor({ timeout: 15_000 });
  if (shotName) await shot(page, shotName);
  await page.getByTestId('deadlines-reconciliation-link').click();
  await page.getByTestId('reconciliation-page').waitFor({ timeout: 15_000 });
  expect(new URL(page.url()).hash).toBe('#/reconciliation');
}

describe('审限核对', () => {
  it.each(VIEWPORTS)('is empty before any exchange import, and says how it fills ($width)', async (viewport) => {
    const page = await signedIn(viewport);
    try {
      await fromDeadlines(page, `79-deadlines-reconciliation-link-${viewport.width}`);
      await page.getByTestId('reconciliation-empty').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('reconciliation-empty').textContent()).toContain('没有需要核对的案件');
      // Nothing to export: the button says so and stays off.
      await expect.poll(() => page.getByTestId('export-xlsx').getAttribute('data-count')).toBe('0');
      expect(await page.getByTestId('export-xlsx').isDisabled()).toBe(true);
      await shot(page, `80-reconciliation-empty-${viewport.width}`);
    } finally {
      await page.close();
    }
  });

  it('lists the disagreements of an imported batch with both dates, the difference and the arithmetic; a case number opens the case', async () => {
    const zip = path.join(work.dir, 'batch.zip');
    writeFileSync(zip, zipBuffer(readdirSync(FIXTURES).sort().map((n) => entry(n, readFileSync(path.join(FIXTURES, n))))));
    const imp = cli(['--db', db, '--today', TODAY, 'import', zip, '--create-missing']);
    expect(imp.code, imp.err + imp.out).toBe(0);
    for (const viewport of VIEWPORTS) {
      const page = await signedIn(viewport);
      try {
        await fromDeadlines(page);
        await page.getByTestId('reconciliation-row').first().waitFor({ timeout: 15_000 });
        expect(await page.getByTestId('reconciliation-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-number')))).toEqual([
          '（2024）辽0421民初203号', '（2024）辽0421民初201号', '（2024）辽0421民初202号',
        ]);
        expect(await page.getByTestId('reconciliation-difference').allTextContents()).toEqual(['早 1 天', '晚 30 天', '晚 31 天']);
        const first = page.getByTestId('reconciliation-row').first();
        const text = (await first.textContent()) ?? '';
        for (const s of ['2025-03-01', '2025-02-28', '法定 180 天', '法定 6个月（181 天）', '审限届满日 2025-02-28']) expect(text).toContain(s);
        // Nothing sticks out of the window sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await shot(page, `81-reconciliation-list-${viewport.width}`);

        // 导出 Excel: a download of the list as the page shows it, the arithmetic one step a line.
        const button = page.getByTestId('export-xlsx');
        expect(await button.getAttribute('data-count')).toBe('3');
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
        expect(download.suggestedFilename()).toBe(`审限核对-${TODAY}.xlsx`);
        const saved = path.join(work.dir, `reconciliation-${viewport.width}.xlsx`);
        await download.saveAs(saved);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(saved);
        const ws = wb.getWorksheet(RECONCILIATION_SHEET_NAME)!;
        const header = RECONCILIATION_COLUMNS.map((c) => c.header);
        const cells = (n: number) => Object.fromEntries(header.map((h, i) => [h, ws.getRow(n).getCell(i + 1)]));
        expect([2, 3, 4].map((n) => cells(n)['案号'].text)).toEqual(['（2024）辽0421民初203号', '（2024）辽0421民初201号', '（2024）辽0421民初202号']);
        expect([2, 3, 4].map((n) => cells(n)['相差天数'].value)).toEqual([-1, 30, 31]);
        expect(cells(2)['本程序审限届满日期'].value).toEqual(new Date('2025-02-28T00:00:00.000Z'));
        expect(cells(2)['本程序计算过程'].text.split('\n')).toContain('审限届满日 2025-02-28');
        await expect.poll(() => page.getByTestId('export-message').textContent()).toContain('已导出 3 件案件到“审限核对-2024-12-31.xlsx”');
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await shot(page, `82-reconciliation-export-${viewport.width}`);
        await page.getByTestId('reconciliation-case-link').nth(1).click();
        await page.getByTestId('deadline-box').waitFor({ timeout: 15_000 });
        await expect.poll(() => page.locator('.case-title h1').textContent()).toBe('（2024）辽0421民初201号');
        expect(await page.getByTestId('deadline-due').textContent()).toContain('2025-04-10');
      } finally {
        await page.close();
      }
    }
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
