// End to end: the extension workflow (延长审限) in Chromium on a seeded demo court — the judge asks on the case page,
// the division head agrees in 延审审批, the president approves on his desk (one alone, one rejected, two at once),
// and the case's due date moves on the case page; photographed at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cli } from '../helpers/cli';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, textOf, VIEWPORTS, SHOTS, type Person, type Viewport } from '../helpers/e2e';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';

const TODAY = '2025-06-30';
const FILED = '2025-05-20';
/** 民初 under the ordinary procedure: six months from filing. */
const DUE = '2025-11-20';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1');
const n = (seq: number) => `（2025）辽0421民初${9000 + seq}号`;

let work: ReturnType<typeof prepareWork>;
let db: string;
let host: StartedHost;
let browser: Browser;
let judge: Person;
let head: Person;
let president: Person;
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
  // The head of the judge's own division gives the opinion.
  head = demo.headOf(j);
  president = demo.holding('president');
  const clerk = demo.only('clerk');
  // Five cases of the judge; the president's desk gets three more requests (asked and agreed through the command line).
  for (const seq of [1, 2, 3, 4, 5]) as(clerk, ['case', 'add', n(seq), '--cause', '民间借贷纠纷', '--filed-on', FILED, '--division', j.division!, '--judge', j.name]);
  for (const [seq, reason] of [[2, '公告送达'], [3, '鉴定未完成'], [4, '追加当事人']] as const) {
    const { id } = as(judge, ['extension', 'request', n(seq), '--months', '2', '--reason', reason, '--text', `本案需${reason}，预计两个月内完成相关工作后即可审结`]);
    as(head, ['extension', 'opinion', String(id), '--agree', '--text', '情况属实，同意延长']);
  }
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

/** Signs in, and keeps what the page logs as an error (the last test asserts there was none). */
async function signedIn(p: Person, viewport: Viewport): Promise<Page> {
  const page = await signIn(browser, host, p, { viewport, pageErrors });
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

async function open(page: Page, hash: string, testId: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.getByTestId(testId).waitFor({ timeout: 15_000 });
}

const casePage = (p: Page, seq: number) => open(p, `#/case/${encodeURIComponent(n(seq))}`, 'case-extensions-section');

describe('延长审限 in the window', () => {
  it('the judge asks on the case page: the route is shown before sending, a second request on a waiting case is refused', async () => {
    // The large screen only looks (and cancels); the request is sent at 1024×768.
    for (const viewport of [...VIEWPORTS].reverse()) {
      const page = await signedIn(judge, viewport);
      try {
        await casePage(page, 1);
        expect(await textOf(page, 'deadline-due')).toBe(DUE);
        await page.getByTestId('case-extensions-empty').waitFor();
        await page.getByTestId('ext-request-open').click();
        await page.getByTestId('ext-months').fill('3');
        await page.getByTestId('ext-reason').selectOption('案情复杂');
        await page.getByTestId('ext-explanation').fill('涉及多笔借款往来，需要调取银行流水并补充质证，预计三个月内审结');
        await expect.poll(() => page.getByTestId('ext-verdict').getAttribute('data-route')).toBe('president');
        expect(await textOf(page, 'ext-verdict')).toContain('本院院长');
        await shot(page, `90-extension-request-dialog-${viewport.width}`);
        if (viewport.width === VIEWPORTS[0].width) {
          // A letter whose content is not what its name says: its first piece is refused by the core as it uploads, the
          // row says so, and the request is not sent while it stays.
          await page.getByTestId('ext-files').setInputFiles({ name: '鉴定延期函.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是 PDF 文件') });
          const bad = page.locator('[data-testid="ext-letter-upload"][data-state="error"]');
          await bad.waitFor({ timeout: 15_000 });
          expect(await bad.textContent()).toContain('“鉴定延期函.pdf”不是 PDF 或图片文件');
          await page.getByTestId('ext-request-save').click();
          await page.getByTestId('ext-files-error').waitFor({ timeout: 15_000 });
          expect(await textOf(page, 'ext-files-error')).toBe('有附件未能上传，请移除后重新添加');
          await shot(page, `90-extension-request-bad-letter-${viewport.width}`);
          await page.getByTestId('ext-letter-remove').click();
          await page.getByTestId('ext-files').setInputFiles({ name: '鉴定延期函.pdf', mimeType: 'application/pdf', buffer: PDF });
          await page.locator('[data-testid="ext-letter-upload"][data-state="done"]').waitFor({ timeout: 15_000 });
          await page.getByTestId('ext-request-save').click();
          await page.getByTestId('extension-request-dialog').waitFor({ state: 'detached', timeout: 15_000 });
          await page.getByTestId('case-extension').first().waitFor();
          expect(await textOf(page, 'case-extension-status')).toContain('待庭长签署意见');
          // The case's history records the request with its letter, in Chinese.
          const entry = page.locator('[data-testid="history-entry"][data-action="extension.request"]');
          await entry.waitFor({ timeout: 15_000 });
          expect(await entry.textContent()).toContain('文件名：鉴定延期函.pdf');
          expect(await entry.textContent()).toContain('审批权限');
        } else {
          await page.getByTestId('ext-request-cancel').click();
        }
        // A case whose request still waits: the window says why, in the core's words, before anything is sent.
        await casePage(page, 2);
        await page.getByTestId('ext-request-open').click();
        await page.getByTestId('ext-months').fill('1');
        await page.getByTestId('ext-refusal').waitFor();
        expect(await textOf(page, 'ext-refusal')).toBe('此案已有尚未审批完毕的延长申请，请等待审批结果');
        await shot(page, `91-extension-request-refused-${viewport.width}`);
      } finally {
        await page.close();
      }
    }
  });

  it('the division head sees the count and his queue, and agrees', async () => {
    // The large screen first: agreeing (at 1024×768) empties his queue.
    for (const viewport of [...VIEWPORTS].reverse()) {
      const page = await signedIn(head, viewport);
      try {
        await page.getByTestId('nav-extensions-count').waitFor({ timeout: 15_000 });
        expect(await textOf(page, 'nav-extensions-count')).toBe('1');
        await page.getByTestId('nav-extensions').click();
        const card = page.locator(`[data-testid="ext-card"][data-case-number="${n(1)}"]`);
        await card.waitFor({ timeout: 15_000 });
        expect(await card.getAttribute('data-stage')).toBe('opinion');
        await shot(page, `92-extension-head-queue-${viewport.width}`);
        if (viewport.width !== VIEWPORTS[0].width) continue;
        await card.getByTestId('ext-act-agree').click();
        await page.getByTestId('act-comment').fill('调取流水确需时间，同意延长');
        await page.getByTestId('act-save').click();
        await page.getByTestId('ext-act-dialog').waitFor({ state: 'detached', timeout: 15_000 });
        await expect.poll(() => card.getAttribute('data-stage')).toBe('decision');
        await expect.poll(() => page.getByTestId('nav-extensions-count').count()).toBe(0);
      } finally {
        await page.close();
      }
    }
  });

  it("the president's desk: approves one, rejects one, approves two at once; the case's due date moves", async () => {
    const big = await signedIn(president, VIEWPORTS[1]);
    try {
      await big.getByTestId('nav-extensions-count').waitFor({ timeout: 15_000 });
      expect(await textOf(big, 'nav-extensions-count')).toBe('4');
      await big.getByTestId('nav-extensions').click();
      await expect.poll(() => big.getByTestId('ext-card').count(), { timeout: 15_000 }).toBe(4);
      await shot(big, '93-extension-president-desk-1920');
    } finally {
      await big.close();
    }
    const page = await signedIn(president, VIEWPORTS[0]);
    try {
      await page.getByTestId('nav-extensions').click();
      await expect.poll(() => page.getByTestId('ext-card').count(), { timeout: 15_000 }).toBe(4);
      // Oldest first: the three asked through the command line came before the one asked in the window (same day, lower ids).
      expect(await page.getByTestId('ext-card').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-case-number')))).toEqual([n(2), n(3), n(4), n(1)]);
      const first = page.locator(`[data-testid="ext-card"][data-case-number="${n(1)}"]`);
      expect(await first.getByTestId('ext-opinion').textContent()).toContain('同意');
      await shot(page, '93-extension-president-desk-1024');

      await first.getByTestId('ext-act-approve').click();
      await page.getByTestId('act-save').click();
      await page.getByTestId('act-comment-error').waitFor();
      await page.getByTestId('act-comment').fill('同意延长三个月，请抓紧审结');
      await page.getByTestId('act-save').click();
      await page.getByTestId('ext-act-dialog').waitFor({ state: 'detached', timeout: 15_000 });
      await expect.poll(() => page.getByTestId('ext-card').count()).toBe(3);

      const second = page.locator(`[data-testid="ext-card"][data-case-number="${n(2)}"]`);
      await second.getByTestId('ext-act-reject').click();
      await page.getByTestId('act-comment').fill('公告送达期间依法应予扣除，无须延长');
      await page.getByTestId('act-save').click();
      await page.getByTestId('ext-act-dialog').waitFor({ state: 'detached', timeout: 15_000 });
      await expect.poll(() => page.getByTestId('ext-card').count()).toBe(2);

      await page.getByTestId('ext-select-all').check();
      expect(await textOf(page, 'ext-batch-count')).toContain('2 / 2');
      await page.getByTestId('ext-batch-comment').fill('同意延长');
      await page.getByTestId('ext-batch-approve').click();
      await expect.poll(() => page.getByTestId('ext-batch-result').count(), { timeout: 15_000 }).toBe(2);
      expect(await page.getByTestId('ext-batch-result').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-ok')))).toEqual(['yes', 'yes']);
      await expect.poll(() => page.getByTestId('ext-card').count()).toBe(0);
      await page.getByTestId('ext-empty').waitFor();
      await page.getByTestId('ext-tab-decided').click();
      await expect.poll(() => page.locator('[data-testid="ext-card"][data-case-number^="（2025）辽0421民初900"]').count(), { timeout: 15_000 }).toBe(4);
      await shot(page, '94-extension-president-decided-1024');
    } finally {
      await page.close();
    }

    for (const viewport of VIEWPORTS) {
      const page = await signedIn(judge, viewport);
      try {
        await casePage(page, 1);
        await expect.poll(() => textOf(page, 'deadline-due'), { timeout: 15_000 }).toBe('2026-02-20');
        const row = page.getByTestId('case-extension').first();
        await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('approved');
        expect(await row.getByTestId('ext-step').evaluateAll((s) => s.map((x) => x.getAttribute('data-step')))).toEqual(['opinion', 'decision']);
        expect(await row.textContent()).toContain('同意延长三个月，请抓紧审结');
        await shot(page, `95-extension-case-approved-${viewport.width}`);
        await casePage(page, 2);
        await expect.poll(() => page.getByTestId('case-extension').first().getAttribute('data-status')).toBe('rejected');
        expect(await textOf(page, 'deadline-due')).toBe(DUE);
      } finally {
        await page.close();
      }
    }
  });

  it('beyond the president\'s six months: the president sends it up, then enters the higher court\'s answer', async () => {
    const { id } = as(judge, ['extension', 'request', n(5), '--months', '7', '--reason', '鉴定未完成', '--text', '司法鉴定需七个月方能完成，已超出本院院长可批准的期限']);
    as(head, ['extension', 'opinion', String(id), '--agree', '--text', '同意报请上级法院批准']);
    const page = await signedIn(president, VIEWPORTS[0]);
    try {
      await page.getByTestId('nav-extensions').click();
      const card = page.locator(`[data-testid="ext-card"][data-case-number="${n(5)}"]`);
      await card.waitFor({ timeout: 15_000 });
      expect(await card.getAttribute('data-stage')).toBe('forwarding');
      expect(await card.textContent()).toContain('上级法院');
      await card.getByTestId('ext-act-forward').click();
      await page.getByTestId('act-save').click();
      await page.getByTestId('ext-act-dialog').waitFor({ state: 'detached', timeout: 15_000 });
      await expect.poll(() => card.getAttribute('data-stage')).toBe('higher_court');
      await card.getByTestId('ext-act-higherApprove').click();
      expect(await page.getByTestId('act-months').inputValue()).toBe('7');
      await page.getByTestId('act-comment').fill('上级法院批复同意延长七个月');
      await shot(page, '96-extension-higher-court-answer-1024');
      await page.getByTestId('act-save').click();
      await page.getByTestId('ext-act-dialog').waitFor({ state: 'detached', timeout: 15_000 });
      await expect.poll(() => card.count()).toBe(0);
      await casePage(page, 5);
      // 2025-11-20 plus seven months.
      await expect.poll(() => textOf(page, 'deadline-due'), { timeout: 15_000 }).toBe('2026-06-20');
      const row = page.getByTestId('case-extension').first();
      await expect.poll(() => row.getByTestId('ext-step').evaluateAll((s) => s.map((x) => x.getAttribute('data-step'))), { timeout: 15_000 }).toEqual(['opinion', 'forwarded', 'higher_court']);
    } finally {
      await page.close();
    }
  });

  it('logged no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
