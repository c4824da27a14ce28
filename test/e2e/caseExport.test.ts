// End to end: 导出 Excel on the case list and on the 审限预警 lists, clicked in Chromium on the loopback host; the
// downloaded file read back with exceljs holds what the list holds, within the person's scope; screens photographed
// at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../helpers/tempDb';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, VIEWPORTS, SHOTS, type Person } from '../helpers/e2e';
import { EXPORT_HEADERS, EXPORT_SHEET_NAME } from '../../electron/core/cases/caseListXlsx';

const TODAY = '2026-11-23';

let work: ReturnType<typeof tempDir>;
let db: string;
let host: StartedHost;
let browser: Browser;
let clerk: Person;
let judge: Person;
const pageErrors: string[] = [];

beforeAll(async () => {
  work = prepareWork();
  db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 3000, seed: 5 });
  const demo = demoPeople(db);
  clerk = demo.only('clerk');
  judge = demo.only('judge');
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

const signedIn = (p: Person, viewport: (typeof VIEWPORTS)[number]) => signIn(browser, host, p, { viewport, acceptDownloads: true, pageErrors });

/** Clicks 导出 Excel, waits for the download, and reads the file's case rows. */
async function exportFromPage(page: Page, saveAs: string): Promise<{ fileName: string; rows: Array<Record<string, unknown>> }> {
  const button = page.getByTestId('export-xlsx');
  await expect.poll(() => button.getAttribute('data-count'), { timeout: 15_000 }).toMatch(/^\d+$/);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  const file = path.join(work.dir, saveAs);
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(EXPORT_SHEET_NAME)!;
  const rows: Array<Record<string, unknown>> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const o: Record<string, unknown> = {};
    EXPORT_HEADERS.forEach((h, i) => {
      const c = row.getCell(i + 1);
      expect(c.formula).toBeUndefined();
      o[h] = c.type === ExcelJS.ValueType.RichText || c.type === ExcelJS.ValueType.String ? c.text : c.value;
    });
    rows.push(o);
  });
  return { fileName: download.suggestedFilename(), rows };
}

describe('导出 Excel', () => {
  it.each(VIEWPORTS)("a judge exports his case list: the file holds the list's count, his cases only ($width)", async (viewport) => {
    const page = await signedIn(judge, viewport);
    try {
      await page.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
      const count = Number(await page.getByTestId('case-total').getAttribute('data-count'));
      expect(await page.getByTestId('export-xlsx').getAttribute('title')).toContain(`${count.toLocaleString('zh-CN')} 件案件`);
      const { fileName, rows } = await exportFromPage(page, `judge-${viewport.width}.xlsx`);
      expect(fileName).toBe(`案件列表-${TODAY}.xlsx`);
      expect(rows.length).toBe(count);
      expect(new Set(rows.map((r) => r['承办法官']))).toEqual(new Set([judge.name]));
      await expect.poll(() => page.getByTestId('export-message').textContent()).toContain(`已导出 ${count.toLocaleString('zh-CN')} 件案件`);
      await page.screenshot({ path: path.join(SHOTS, `80-export-cases-judge-${viewport.width}.png`) });
    } finally {
      await page.close();
    }
  }, 120_000);

  it.each(VIEWPORTS)('a clerk exports the overdue list of 审限预警, by due date, every row overdue ($width)', async (viewport) => {
    const page = await signedIn(clerk, viewport);
    try {
      await page.evaluate(() => {
        window.location.hash = '#/deadlines?view=overdue';
      });
      await page.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
      const count = Number(await page.getByTestId('case-total').getAttribute('data-count'));
      expect(count).toBeGreaterThan(0);
      const { fileName, rows } = await exportFromPage(page, `overdue-${viewport.width}.xlsx`);
      expect(fileName).toBe(`审限预警-超审限未结-${TODAY}.xlsx`);
      expect(rows.length).toBe(count);
      for (const r of rows) {
        expect(r['是否超审限']).toBe('是');
        expect(r['剩余审限天数'] as number).toBeLessThan(0);
        expect(r['审限届满日']).toBeInstanceOf(Date);
      }
      const due = rows.map((r) => (r['审限届满日'] as Date).getTime());
      expect([...due].sort((a, b) => a - b)).toEqual(due);
      await page.screenshot({ path: path.join(SHOTS, `81-export-overdue-clerk-${viewport.width}.png`) });
    } finally {
      await page.close();
    }
  }, 120_000);

  it('left no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
