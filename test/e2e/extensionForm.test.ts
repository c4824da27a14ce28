// End to end: 打印审批表 in Chromium on a seeded demo court — the judge prints a decided request's form from the case
// page and the president a waiting one from 延审审批; each download is a PDF named after the case and the request whose
// text (pdftotext) holds the case; photographed at 1024×768 and 1920×1080, and the printed page rendered to PNG.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cli } from '../helpers/cli';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, VIEWPORTS, SHOTS, type Person, type Viewport } from '../helpers/e2e';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';

const TODAY = '2025-06-30';
const n = (seq: number) => `（2025）辽0421民初${9100 + seq}号`;

let work: ReturnType<typeof prepareWork>;
let db: string;
let host: StartedHost;
let browser: Browser;
let judge: Person;
let president: Person;
let decided: number;
let waiting: number;
const pageErrors: string[] = [];

function as(p: Person, args: string[]) {
  const r = cli(['--db', db, '--today', TODAY, '--json', ...args], { COURTDESK_USER: p.name, COURTDESK_PASSWORD: p.password });
  expect(r.code, r.err + r.out).toBe(0);
  return r.json() as { id: number };
}

beforeAll(async () => {
  work = prepareWork();
  db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 60, seed: 3 });
  const demo = demoPeople(db);
  const j = demo.only('judge');
  judge = j;
  const head = demo.headOf(j);
  president = demo.holding('president');
  const clerk = demo.only('clerk');
  for (const seq of [1, 2]) as(clerk, ['case', 'add', n(seq), '--cause', '民间借贷纠纷', '--filed-on', '2025-05-20', '--division', j.division!, '--judge', j.name]);
  decided = as(judge, ['extension', 'request', n(1), '--months', '3', '--reason', '鉴定未完成', '--text', '鉴定机构尚未出具鉴定意见书，预计三个月内完成']).id;
  as(head, ['extension', 'opinion', String(decided), '--agree', '--text', '情况属实，同意延长']);
  as(president, ['extension', 'decide', String(decided), '--approve', '--text', '同意延长三个月']);
  waiting = as(judge, ['extension', 'request', n(2), '--months', '2', '--reason', '公告送达', '--text', '被告下落不明，需公告送达']).id;
  as(head, ['extension', 'opinion', String(waiting), '--agree', '--text', '同意']);
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

async function signedIn(p: Person, viewport: Viewport): Promise<Page> {
  return signIn(browser, host, p, { viewport, pageErrors, acceptDownloads: true });
}

async function open(page: Page, hash: string, testId: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.getByTestId(testId).waitFor({ timeout: 15_000 });
}

/** Clicks 打印审批表 in the given box, saves the download and answers its name, bytes and text. */
async function printFrom(page: Page, box: ReturnType<Page['getByTestId']>, name: string) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), box.getByTestId('ext-print-form').click()]);
  const file = path.join(work.dir, name);
  await download.saveAs(file);
  return { fileName: download.suggestedFilename(), file, bytes: readFileSync(file), text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf-8' }) };
}

describe('打印审批表 in the window', () => {
  it('the judge downloads the form of a decided request from the case page', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await signedIn(judge, viewport);
      try {
        await open(page, `#/case/${encodeURIComponent(n(1))}`, 'case-extensions');
        const item = page.getByTestId('case-extension').first();
        await page.getByTestId('case-extensions-section').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(SHOTS, `97-extension-form-case-page-${viewport.width}.png`) });
        const got = await printFrom(page, item, `case-${viewport.width}.pdf`);
        expect(got.fileName).toBe(`延长审限审批表-${n(1)}-${decided}.pdf`);
        expect(got.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const flat = got.text.replace(/\s+/g, '');
        expect(flat).toContain('延长审理期限审批表');
        expect(flat).toContain(n(1));
        expect(flat).toContain('批准延长审理期限3个月');
        if (viewport.width === VIEWPORTS[0].width) {
          execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', got.file, path.join(SHOTS, '97-extension-form-printed')]);
        }
      } finally {
        await page.close();
      }
    }
  });

  it('the president prints a waiting request from 延审审批, with blank lines for his decision', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await signedIn(president, viewport);
      try {
        await open(page, '#/extensions', 'ext-card');
        const card = page.locator(`[data-testid="ext-card"][data-id="${waiting}"]`);
        await card.waitFor();
        await page.screenshot({ path: path.join(SHOTS, `97-extension-form-desk-${viewport.width}.png`) });
        const got = await printFrom(page, card, `desk-${viewport.width}.pdf`);
        expect(got.fileName).toBe(`延长审限审批表-${n(2)}-${waiting}.pdf`);
        expect(got.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const flat = got.text.replace(/\s+/g, '');
        expect(flat).toContain(n(2));
        expect(flat).toContain('被告下落不明，需公告送达');
        expect(flat).toMatch(/签名：＿+日期：＿+年/);
        expect(await page.getByTestId('ext-print-error').count()).toBe(0);
      } finally {
        await page.close();
      }
    }
    expect(pageErrors).toEqual([]);
  });
});
