// End to end: 导入案件 in Chromium on the loopback host. A clerk picks a real .xlsx holding good rows, bad rows, an
// unknown column she maps by hand and one she leaves out, and a division the court does not have; sees the preview
// and every bad row with row, column and reason; imports the good rows only and downloads the rejected ones as .xlsx;
// imports the file again to no change, with the mapping remembered. A large CSV shows its progress and is cancelled
// to nothing changed while another window keeps answering. A judge is told the import is not his. Screens
// photographed at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { tempDir } from '../helpers/tempDb';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, textOf, VIEWPORTS, SHOTS, type Person } from '../helpers/e2e';

const TODAY = '2026-11-23';
const LONG_NAME = '辽宁省某某市某某区某某街道某某社区居民委员会下属某某物业管理服务有限责任公司第一分公司';

let work: ReturnType<typeof tempDir>;
let db: string;
let host: StartedHost;
let browser: Browser;
let clerk: Person;
let judge: Person;
let xlsxFile: string;
let division: string;
let judgeName: string;
const pageErrors: string[] = [];

function read<T>(sql: string): T[] {
  const c = new Database(db, { readonly: true });
  try {
    return c.prepare(sql).all() as T[];
  } finally {
    c.close();
  }
}
const caseCount = () => read<{ n: number }>('SELECT count(*) AS n FROM cases')[0].n;

beforeAll(async () => {
  work = prepareWork();
  db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 2000, seed: 3 });
  const demo = demoPeople(db);
  clerk = demo.only('clerk');
  judge = demo.only('judge');
  ({ division, judge: judgeName } = read<{ division: string; judge: string }>(
    "SELECT d.name AS division, s.name AS judge FROM cases c JOIN divisions d ON d.id = c.division_id JOIN staff s ON s.id = c.judge_id WHERE c.case_number LIKE '%民初%' LIMIT 1",
  )[0]);

  // The month's file from another system: its own name for the filing date, a note column, a new tribunal.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('六月收案');
  ws.addRow(['案号', '案由', '收案时间', '承办部门', '承办法官', '原告', '被告', '内部备注']);
  for (let i = 1; i <= 8; i++) {
    ws.addRow([`（2026）辽0421民初${9000 + i}号`, '民间借贷纠纷', new Date(Date.UTC(2026, 5, i)), division, judgeName, i === 1 ? LONG_NAME : `原告${i}`, `被告${i}`, '系统导出']);
  }
  ws.addRow(['（2026）辽0421民初9101号', '买卖合同纠纷', '2026-06-31', division, judgeName, '甲', '乙', '']);
  ws.addRow(['（2026）辽0421民初9102号', '', '2026-06-12', division, judgeName, '丙', '丁', '']);
  ws.addRow(['（2026）辽0421民初9103号', '离婚纠纷', '2026-06-15', '新设人民法庭', judgeName, '戊', '己', '']);
  xlsxFile = path.join(work.dir, '六月收案.xlsx');
  await wb.xlsx.writeFile(xlsxFile);

  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

const signedIn = (p: Person, viewport: (typeof VIEWPORTS)[number]) => signIn(browser, host, p, { viewport, acceptDownloads: true, pageErrors });

describe('导入案件', () => {
  it('a clerk maps an unknown column, sees every bad row, imports the good ones and downloads the rejected ones', async () => {
    const before = caseCount();
    const page = await signedIn(clerk, VIEWPORTS[0]);
    try {
      await page.getByTestId('case-import').click();
      await page.getByTestId('import-file').waitFor();
      await page.screenshot({ path: path.join(SHOTS, '90-import-empty-1024.png') });
      await page.getByTestId('import-file').setInputFiles(xlsxFile);

      // Without the mapping the file cannot be read: 立案日期 is missing, and the columns say which ones are unknown.
      await page.getByTestId('import-columns').waitFor({ timeout: 30_000 });
      expect(await textOf(page, 'import-error-table')).toContain('缺少必填列“立案日期”');
      expect(await textOf(page, 'import-column-收案时间')).toContain('未识别');
      expect(await page.getByTestId('import-run').count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS, '91-import-unmapped-1024.png'), fullPage: true });

      await page.getByLabel('“收案时间”对应的列').selectOption('filedOn');
      await expect.poll(() => textOf(page, 'import-summary'), { timeout: 30_000 }).toContain('可导入 9 行');
      expect(await textOf(page, 'import-summary')).toMatch(/共 11 行：可导入 9 行（新增 9 件，更新 0 件，与已有记录相同 0 件），有错误 2 行/);
      expect(await textOf(page, 'import-column-收案时间')).toContain('手动对应');
      const errors = await page.getByTestId('import-error-table').locator('tbody tr').allTextContents();
      expect(errors).toEqual([expect.stringMatching(/^10收案时间第10行“收案时间”/), expect.stringMatching(/^11案由第11行“案由”/)]);
      expect(await textOf(page, 'import-sample')).toContain(LONG_NAME);
      expect(await textOf(page, 'import-choices')).toContain('部门“新设人民法庭”');
      await page.screenshot({ path: path.join(SHOTS, '92-import-preview-1024.png'), fullPage: true });
      await page.setViewportSize(VIEWPORTS[1]);
      await page.screenshot({ path: path.join(SHOTS, '92-import-preview-1920.png'), fullPage: true });
      await page.setViewportSize(VIEWPORTS[0]);

      // The 内部备注 column is left out on purpose.
      await page.getByLabel('“内部备注”对应的列').selectOption('');
      await expect.poll(() => textOf(page, 'import-column-内部备注'), { timeout: 30_000 }).toContain('不导入');
      // The new tribunal is not confirmed: its row is refused with the two bad ones.
      await page.getByTestId('import-good-rows-only').check();
      await page.getByTestId('import-run').click();
      await expect.poll(() => textOf(page, 'import-result'), { timeout: 60_000 }).toContain('导入完成：新增 8 件，更新 0 件，未变 0 件，拒绝 3 行');
      expect(caseCount()).toBe(before + 8);
      await page.screenshot({ path: path.join(SHOTS, '93-import-done-1024.png'), fullPage: true });

      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('import-download-rejected').click()]);
      expect(download.suggestedFilename()).toBe('六月收案-被拒绝的行.xlsx');
      const saved = path.join(work.dir, 'rejected.xlsx');
      await download.saveAs(saved);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(saved);
      const ws = wb.worksheets[0];
      expect([1, 2, 3, 4, 5, 6, 7, 8].map((i) => ws.getRow(1).getCell(i).text)).toEqual(['案号', '案由', '收案时间', '承办部门', '承办法官', '原告', '被告', '错误原因']);
      const reasons = [2, 3, 4].map((n) => [ws.getRow(n).getCell(1).text, ws.getRow(n).getCell(8).text]);
      expect(reasons).toEqual([
        ['（2026）辽0421民初9101号', expect.stringContaining('第10行“收案时间”')],
        ['（2026）辽0421民初9102号', expect.stringContaining('第11行“案由”')],
        ['（2026）辽0421民初9103号', expect.stringContaining('新设人民法庭')],
      ]);
      expect(await page.getByTestId('import-download-rejected').count()).toBe(0);

      // The same file again: the mapping is remembered, and nothing changes.
      await page.getByTestId('import-again').click();
      await page.getByTestId('import-file').setInputFiles(xlsxFile);
      await expect.poll(() => textOf(page, 'import-summary'), { timeout: 30_000 }).toContain('与已有记录相同 8 件');
      expect(await textOf(page, 'import-columns')).toContain('已套用上次对相同表头的选择');
      await page.getByTestId('import-create-missing').check();
      // Each file starts from all or nothing: the safer choice is never carried over unseen.
      expect(await page.getByTestId('import-all-or-nothing').isChecked()).toBe(true);
      await page.getByTestId('import-good-rows-only').check();
      await page.getByTestId('import-run').click();
      await expect.poll(() => textOf(page, 'import-result'), { timeout: 60_000 }).toContain('导入完成：新增 1 件，更新 0 件，未变 8 件，拒绝 2 行');
      expect(caseCount()).toBe(before + 9);
    } finally {
      await page.close();
    }
  }, 180_000);

  it('a large CSV shows its progress and is cancelled to nothing changed, another window answering meanwhile', async () => {
    const lines = ['案号,案由,立案日期,承办部门,承办法官,原告,被告'];
    for (let i = 1; i <= 60_000; i++) lines.push(`（2026）辽0421民初${20000 + i}号,民间借贷纠纷,2026-03-0${1 + (i % 9)},${division},${judgeName},原告${i},被告${i}`);
    const csv = path.join(work.dir, '大批量.csv');
    writeFileSync(csv, `\ufeff${lines.join('\r\n')}\r\n`);
    const before = caseCount();
    const page = await signedIn(clerk, VIEWPORTS[0]);
    const other = await signedIn(judge, VIEWPORTS[0]);
    try {
      await page.evaluate(() => {
        window.location.hash = '#/cases/import';
      });
      await page.getByTestId('import-file').setInputFiles(csv);
      await expect.poll(() => textOf(page, 'import-summary'), { timeout: 120_000 }).toContain('可导入 60,000 行');
      await page.getByTestId('import-run').click();
      const progress = page.getByTestId('job-progress');
      await expect.poll(async () => (await progress.textContent().catch(() => '')) ?? '', { timeout: 30_000 }).toMatch(/导入案件：大批量\.csv：[\d,]+ \/ 60,000（\d+%）/);
      await page.screenshot({ path: path.join(SHOTS, '94-import-progress-1024.png') });
      await other.getByTestId('nav-deadlines').click();
      await expect.poll(async () => (await other.locator('main').textContent()) ?? '', { timeout: 5_000 }).toMatch(/\d/);
      await page.getByTestId('job-cancel').click();
      await expect.poll(() => textOf(page, 'import-error'), { timeout: 60_000 }).toBe('已取消，数据库保持原样');
      expect(caseCount()).toBe(before);
      // The preview stands: the person can import after all.
      expect(await page.getByTestId('import-run').isEnabled()).toBe(true);
    } finally {
      await page.close();
      await other.close();
    }
  }, 240_000);

  it.each(VIEWPORTS)('a judge has no 导入 on the list, and the address tells him whose work it is ($width)', async (viewport) => {
    const page = await signedIn(judge, viewport);
    try {
      await page.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('case-import').count()).toBe(0);
      await page.evaluate(() => {
        window.location.hash = '#/cases/import';
      });
      await expect.poll(() => textOf(page, 'import-not-allowed'), { timeout: 15_000 }).toContain('批量导入案件需要全院范围');
      await page.screenshot({ path: path.join(SHOTS, `95-import-judge-${viewport.width}.png`) });
    } finally {
      await page.close();
    }
  }, 60_000);

  it('left no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
