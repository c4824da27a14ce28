// End to end: 脱薄台账 in Chromium on a seeded demo court — the president adds a weak point (a future date and a wrong target refused beside their boxes) and two measures, the judge who owns one sees it on his start page and records it done with a PDF, the president then sees it done and downloads the file, and a division head reads the ledger without a single add or edit button; photographed at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, textOf, VIEWPORTS, SHOTS, type DemoPerson, type Person, type Viewport } from '../helpers/e2e';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';

const TODAY = '2025-06-30';
const POINT = '超12个月未结案件比偏高：长期未结案件清理不力，部分案件久拖不结，当事人反映强烈，中院专项督查中点名通报';
const MEASURE_1 = '对超12个月未结案件逐案建立清理台账，明确承办法官和结案期限，每周在院务会上通报进度';
const MEASURE_2 = '中院派员蹲点指导长期未结案件清理，组织疑难案件专题研讨并提供审判业务支持';
/** The intermediate court's people, typed (they are in no staff list here), as long as the ledger's boxes allow. */
const HELP_LEADER = '中级人民法院审判管理办公室副主任欧阳明德';
const HELP_OWNER = '中级人民法院民事审判第一庭审判长司马慕容';
const HELP_DIVISION = '中级人民法院审判管理办公室与民事审判第一庭联合工作组';
/** A small but real PDF: the core reads a file's first bytes, not only its name. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n' + '推进会会议纪要'.repeat(200), 'utf8');

let work: ReturnType<typeof prepareWork>;
let db: string;
let host: StartedHost;
let browser: Browser;
let president: Person;
let judge: DemoPerson;
let head: Person;
const pageErrors: string[] = [];

beforeAll(async () => {
  work = prepareWork();
  db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 40, seed: 5 });
  const demo = demoPeople(db);
  president = demo.holding('president', '测试员');
  judge = demo.only('judge');
  head = demo.headOf(judge);
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

async function signedIn(p: Person, viewport: Viewport, at: string | null = '/ledger'): Promise<Page> {
  const page = await signIn(browser, host, p, { viewport, pageErrors, at, acceptDownloads: true });
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

/** No element of the page overflows the window sideways (long names wrap or are cut, never push the page wider). */
async function fitsWidth(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, win: window.innerWidth }));
  expect(widths.doc).toBeLessThanOrEqual(widths.win);
  // Nor does a measures table hide a column behind a sideways scrollbar.
  const hidden = await page.locator('.ledger-measures-scroll').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
  expect(hidden).toBe(0);
}

describe('脱薄台账 in the window', () => {
  it('tells a keeper of an empty ledger what to do first', async () => {
    const page = await signedIn(president, VIEWPORTS[0]);
    try {
      await page.getByTestId('ledger-empty').waitFor({ timeout: 15_000 });
      expect(await textOf(page, 'ledger-empty')).toContain('新增薄弱点');
      await shot(page, '160-ledger-empty-1024');
    } finally {
      await page.close();
    }
  });

  it('the president adds a weak point: a future date and a wrong target are refused beside their boxes, then it is saved', async () => {
    const page = await signedIn(president, VIEWPORTS[0]);
    try {
      await page.getByTestId('ledger-add-point').click();
      await page.getByTestId('ledger-point-dialog').waitFor();
      await page.getByTestId('lp-text').fill(POINT);
      await page.getByTestId('lp-found-by').selectOption('intermediate');
      await page.getByTestId('lp-found-on').fill('2025-07-15');
      await page.getByTestId('lp-indicator-0').selectOption('longPending12Ratio');
      await page.getByTestId('lp-target-0').fill('两个百分点');
      await page.getByTestId('lp-due-0').fill('2025-12-31');
      await page.getByTestId('lp-save').click();
      // The form's own check: the target is no percentage.
      await page.getByTestId('lp-target-0-error').waitFor();
      expect(await textOf(page, 'lp-target-0-error')).toContain('百分数');
      await page.getByTestId('lp-target-0').fill('2');
      expect(await textOf(page, 'ledger-point-dialog')).toContain('即 ≤ 2.00%');
      await page.getByTestId('lp-save').click();
      // The core's check: found after today. Its message stands beside the date box, without the argument's name.
      await page.getByTestId('lp-found-on-error').waitFor({ timeout: 15_000 });
      expect(await textOf(page, 'lp-found-on-error')).toBe('发现日期 2025-07-15 晚于今天');
      expect(await page.getByTestId('lp-found-on').getAttribute('aria-invalid')).toBe('true');
      await shot(page, '160-ledger-point-refused-1024');
      await page.getByTestId('lp-found-on').fill('2025-04-01');
      await page.getByTestId('lp-save').click();
      await page.getByTestId('ledger-point-dialog').waitFor({ state: 'detached', timeout: 15_000 });
      const point = page.getByTestId('ledger-point');
      await point.waitFor({ timeout: 15_000 });
      expect(await point.getByTestId('ledger-point-text').textContent()).toBe(POINT);
      expect(await point.getByTestId('ledger-point-meta').textContent()).toContain('发现者 中院 · 发现日期 2025-04-01');
      const target = point.locator('[data-testid="ledger-target"][data-indicator="longPending12Ratio"]');
      expect(await target.textContent()).toContain('≤ 2.00%');
      // No measure has begun: nothing to compare "before" with.
      expect(await target.getByTestId('ledger-target-then').textContent()).toBe('—');
      expect(await point.getByTestId('ledger-point-trend').getAttribute('href')).toMatch(/^#\/ledger\/point\?id=\d+$/);
    } finally {
      await page.close();
    }
  });

  it('the president adds a 整改措施 for the judge (a bad deadline named first) and a 帮扶措施 of the intermediate court', async () => {
    const page = await signedIn(president, VIEWPORTS[0]);
    try {
      await page.getByTestId('ledger-point-add-measure').click();
      await page.getByTestId('ledger-measure-dialog').waitFor();
      await page.getByTestId('lm-text').fill(MEASURE_1);
      await page.getByTestId('lm-leader').selectOption(president.name);
      await page.getByTestId('lm-owner').selectOption(judge.name);
      // The owner's division is filled in with him.
      expect(await page.getByTestId('lm-division').inputValue()).toBe(judge.division);
      await page.getByTestId('lm-start').fill('2025-06-01');
      await page.getByTestId('lm-due').fill('2025-13-01');
      await page.getByTestId('lm-save').click();
      await page.getByTestId('lm-due-error').waitFor();
      expect(await textOf(page, 'lm-due-error')).toContain('日期无效');
      await shot(page, '160-ledger-measure-refused-1024');
      await page.getByTestId('lm-due').fill('2025-07-10');
      await page.getByTestId('lm-save').click();
      await page.getByTestId('ledger-measure-dialog').waitFor({ state: 'detached', timeout: 15_000 });

      await page.getByTestId('ledger-add-measure').click();
      await page.getByTestId('ledger-measure-dialog').waitFor();
      await page.getByTestId('lm-kind-help').click();
      await page.getByTestId('lm-text').fill(MEASURE_2);
      await page.getByTestId('lm-point').first().check();
      await page.getByTestId('lm-leader').fill(HELP_LEADER);
      await page.getByTestId('lm-owner').fill(HELP_OWNER);
      await page.getByTestId('lm-division').fill(HELP_DIVISION);
      await page.getByTestId('lm-start').fill('2025-07-15');
      await page.getByTestId('lm-due').fill('2025-12-31');
      await page.getByTestId('lm-save').click();
      await page.getByTestId('ledger-measure-dialog').waitFor({ state: 'detached', timeout: 15_000 });

      await expect.poll(() => page.getByTestId('ledger-measure').count(), { timeout: 15_000 }).toBe(2);
      const first = page.getByTestId('ledger-measure').first();
      expect(await first.getAttribute('data-status')).toBe('inProgress');
      expect(await first.getByTestId('ledger-measure-owner').textContent()).toBe(judge.name);
      expect(await page.getByTestId('ledger-measure').nth(1).getAttribute('data-status')).toBe('notStarted');
      expect(await textOf(page, 'ledger-count-inProgress')).toBe('推进中 1');
      expect(await textOf(page, 'ledger-count-notStarted')).toBe('未开始 1');
      // A measure has begun (2025-06-01): the figure of the month before it is now there to compare with.
      expect(await page.getByTestId('ledger-target-then').textContent()).not.toBe('—');
    } finally {
      await page.close();
    }
  });

  it('the ledger reads at both window sizes with long Chinese names, and the filters keep what they name', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await signedIn(president, viewport);
      try {
        await expect.poll(() => page.getByTestId('ledger-measure').count(), { timeout: 15_000 }).toBe(2);
        await fitsWidth(page);
        await shot(page, `160-ledger-page-${viewport.width}`);
        // The forms at this size, opened and closed unsaved.
        await page.getByTestId('ledger-point-edit').click();
        await page.getByTestId('ledger-point-dialog').waitFor();
        expect(await page.getByTestId('lp-target-0').inputValue()).toBe('2');
        await shot(page, `160-ledger-point-form-${viewport.width}`);
        await page.getByTestId('lp-cancel').click();
        await page.getByTestId('ledger-measure-edit').nth(1).click();
        await page.getByTestId('ledger-measure-dialog').waitFor();
        expect(await page.getByTestId('lm-owner').inputValue()).toBe(HELP_OWNER);
        await shot(page, `160-ledger-measure-form-${viewport.width}`);
        await page.getByTestId('lm-cancel').click();
        await page.getByTestId('ledger-measure-dialog').waitFor({ state: 'detached' });
        await page.getByTestId('ledger-filter-kind').selectOption('help');
        await expect.poll(() => page.getByTestId('ledger-measure').count()).toBe(1);
        expect(await page.getByTestId('ledger-measure-owner').textContent()).toBe(HELP_OWNER);
        await page.getByTestId('ledger-filter-status').selectOption('done');
        await page.getByTestId('ledger-filtered-empty').waitFor();
        await page.getByTestId('ledger-filter-clear').click();
        await expect.poll(() => page.getByTestId('ledger-measure').count()).toBe(2);
      } finally {
        await page.close();
      }
    }
  });

  it('the judge finds his measure on his start page and records it done with a PDF; the 台账 entry is closed to him', async () => {
    const large = await signedIn(judge, VIEWPORTS[1], null);
    try {
      await large.getByTestId('my-measure').waitFor({ timeout: 15_000 });
      await shot(large, '160-ledger-start-panel-1920');
    } finally {
      await large.close();
    }
    const page = await signedIn(judge, VIEWPORTS[0], null);
    try {
      const row = page.getByTestId('my-measure');
      await row.waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('my-measure').count()).toBe(1);
      expect(await row.getAttribute('data-due-soon')).toBe('1');
      expect(await row.textContent()).toContain('剩 10 天');
      // The entry is there, greyed out: the ledger is read by the court's leaders, his own measures are here.
      expect(await page.getByTestId('nav-ledger').getAttribute('aria-disabled')).toBe('true');
      await fitsWidth(page);
      await shot(page, '160-ledger-start-panel-1024');
      await row.getByTestId('my-measure-record').click();
      await page.getByTestId('ledger-measure-detail').waitFor();
      await page.getByTestId('lpg-text').fill('已建立清理台账，逐案明确结案期限；本月结案 6 件，剩余 2 件已排期开庭');
      await page.getByTestId('lpg-done').check();
      // A photo renamed .pdf is refused by its first bytes, naming the file, before anything is recorded.
      await page.getByTestId('lpg-files').setInputFiles({ name: '现场照片.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) });
      const refused = page.locator('[data-testid="lpg-upload"][data-state="error"]');
      await refused.waitFor({ timeout: 15_000 });
      expect(await refused.textContent()).toContain('“现场照片.pdf”的内容不是PDF');
      await refused.getByTestId('lpg-upload-remove').click();
      await page.getByTestId('lpg-files').setInputFiles({ name: '推进会会议纪要.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.locator('[data-testid="lpg-upload"][data-state="done"]').waitFor({ timeout: 15_000 });
      await shot(page, '160-ledger-progress-form-1024');
      await page.getByTestId('lpg-save').click();
      await page.getByTestId('lpg-saved').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('ledger-detail').getAttribute('data-status')).toBe('done');
      expect(await page.getByTestId('ledger-progress-entry').count()).toBe(1);
      expect(await page.getByTestId('ledger-evidence-download').textContent()).toBe('推进会会议纪要.pdf');
      await shot(page, '160-ledger-progress-done-1024');
      await page.getByTestId('dialog-close').click();
      await page.getByTestId('ledger-measure-detail').waitFor({ state: 'detached' });
      expect(await textOf(page, 'my-measures-summary')).toContain('已完成 1 项');
    } finally {
      await page.close();
    }
  });

  it('the president sees the measure done with its progress, and downloads the PDF whole and the 台账 as Excel and PDF', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await signedIn(president, viewport);
      try {
        const first = page.getByTestId('ledger-measure').first();
        await first.waitFor({ timeout: 15_000 });
        expect(await first.getAttribute('data-status')).toBe('done');
        expect(await first.getByTestId('ledger-status').textContent()).toContain('已完成');
        expect(await first.getByTestId('ledger-measure-latest').textContent()).toContain('已建立清理台账');
        expect(await textOf(page, 'ledger-count-done')).toBe('已完成 1');
        await first.getByTestId('ledger-measure-open').click();
        await page.getByTestId('ledger-measure-detail').waitFor();
        await shot(page, `160-ledger-detail-${viewport.width}`);
        if (viewport.width === VIEWPORTS[0].width) {
          const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-evidence-download').click()]);
          expect(download.suggestedFilename()).toBe('推进会会议纪要.pdf');
          expect(readFileSync((await download.path())!).equals(PDF)).toBe(true);
          await page.getByTestId('dialog-close').click();
          await page.getByTestId('ledger-measure-detail').waitFor({ state: 'detached' });
          // The 台账 itself, both formats, from the page's 导出 buttons: the measure's text is in the workbook.
          const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('ledger-export-xlsx').click()]);
          expect(xlsx.suggestedFilename()).toMatch(/脱薄工作台账.*\.xlsx$/);
          const book = new ExcelJS.Workbook();
          await book.xlsx.readFile((await xlsx.path())!);
          const cells: string[] = [];
          for (const ws of book.worksheets) ws.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
          expect(cells.some((c) => c.includes(MEASURE_1))).toBe(true);
          expect(await textOf(page, 'ledger-export-message')).toContain('已导出');
          const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('ledger-export-pdf').click()]);
          expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
          expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
          await shot(page, `160-ledger-exported-${viewport.width}`);
        }
      } finally {
        await page.close();
      }
    }
  });

  it('a division head reads the ledger without add or edit buttons, and has no measures on his start page', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await signedIn(head, viewport);
      try {
        await page.getByTestId('ledger-point').waitFor({ timeout: 15_000 });
        for (const id of ['ledger-add-point', 'ledger-add-measure', 'ledger-point-edit', 'ledger-point-add-measure', 'ledger-measure-edit']) {
          expect(await page.getByTestId(id).count(), id).toBe(0);
        }
        await page.getByTestId('ledger-measure-open').first().click();
        await page.getByTestId('ledger-detail').waitFor();
        expect(await page.getByTestId('ledger-progress-form').count()).toBe(0);
        await shot(page, `160-ledger-reader-${viewport.width}`);
      } finally {
        await page.close();
      }
    }
    const start = await signedIn(head, VIEWPORTS[0], null);
    try {
      await start.getByTestId('deadlines-page').waitFor({ timeout: 15_000 });
      await start.getByTestId('deadline-count-overdue').waitFor();
      await start.waitForLoadState('networkidle');
      expect(await start.getByTestId('my-measures').count()).toBe(0);
    } finally {
      await start.close();
    }
  });

  it('the president edits the measure marked done by mistake: reopened, its progress kept, and its deadline moved', async () => {
    const page = await signedIn(president, VIEWPORTS[0]);
    try {
      const first = page.getByTestId('ledger-measure').first();
      await first.waitFor({ timeout: 15_000 });
      await first.getByTestId('ledger-measure-edit').click();
      await page.getByTestId('ledger-measure-dialog').waitFor();
      expect(await page.getByTestId('lm-text').inputValue()).toBe(MEASURE_1);
      expect(await page.getByTestId('lm-owner').inputValue()).toBe(judge.name);
      await page.getByTestId('lm-reopen').check();
      await page.getByTestId('lm-due').fill('2025-08-31');
      await page.getByTestId('lm-save').click();
      await page.getByTestId('ledger-measure-dialog').waitFor({ state: 'detached', timeout: 15_000 });
      await expect.poll(() => first.getAttribute('data-status'), { timeout: 15_000 }).toBe('inProgress');
      expect(await first.textContent()).toContain('至 2025-08-31');
      expect(await first.getByTestId('ledger-measure-latest').textContent()).toContain('已建立清理台账');
      expect(await textOf(page, 'ledger-count-done')).toBe('已完成 0');
    } finally {
      await page.close();
    }
  });

  it('logged no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
