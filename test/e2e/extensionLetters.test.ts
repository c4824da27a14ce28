// End to end: letters and delegation of the extension workflow in Chromium on a seeded demo court — the judge attaches a 2 MB scan through the request dialog (uploaded in pieces), the president opens it in the viewer, sets a delegation in 设置, and the vice-president then finds the next request on his desk; photographed at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cli } from '../helpers/cli';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, textOf, VIEWPORTS, SHOTS, type DemoPerson, type Person, type Viewport } from '../helpers/e2e';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import { scannedLetterPng } from '../helpers/png';

const TODAY = '2025-06-30';
const FILED = '2025-05-20';
const n = (seq: number) => `（2025）辽0421民初${9100 + seq}号`;
/** An A4 page scanned at 150 dpi: just over 2 MB, so it travels in five pieces. */
const SCAN = scannedLetterPng(1240, 2000);

let work: ReturnType<typeof prepareWork>;
let db: string;
let host: StartedHost;
let browser: Browser;
let judge: DemoPerson;
let head: Person;
let president: Person;
let vicePresident: Person;
const pageErrors: string[] = [];

function as(p: Person, args: string[]) {
  const r = cli(['--db', db, '--today', TODAY, '--json', ...args], { COURTDESK_USER: p.name, COURTDESK_PASSWORD: p.password });
  expect(r.code, r.err + r.out).toBe(0);
  return r.json() as { id: number };
}

beforeAll(async () => {
  work = prepareWork();
  db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 40, seed: 5 });
  const demo = demoPeople(db);
  judge = demo.only('judge');
  head = demo.headOf(judge);
  president = demo.holding('president', '测试员');
  vicePresident = demo.holding('vice_president', '测试员');
  const clerk = demo.only('clerk');
  for (const seq of [1, 2, 3]) as(clerk, ['case', 'add', n(seq), '--cause', '民间借贷纠纷', '--filed-on', FILED, '--division', judge.division!, '--judge', judge.name]);
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

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

describe('letters and delegation in the window', () => {
  it('the judge attaches a 2 MB scan through the dialog: uploaded in pieces, listed on the case with its size', async () => {
    expect(SCAN.length).toBeGreaterThan(2 * 1024 * 1024);
    const page = await signedIn(judge, VIEWPORTS[0]);
    try {
      await open(page, `#/case/${encodeURIComponent(n(1))}`, 'case-extensions-section');
      await page.getByTestId('ext-request-open').click();
      await page.getByTestId('ext-months').fill('2');
      await page.getByTestId('ext-reason').selectOption('鉴定未完成');
      await page.getByTestId('ext-explanation').fill('鉴定机构来函称需补充检材，预计两个月内出具鉴定意见书');
      await page.getByTestId('ext-files').setInputFiles({ name: '鉴定机构来函.png', mimeType: 'image/png', buffer: SCAN });
      await page.locator('[data-testid="ext-letter-upload"][data-state="done"]').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('ext-letter-upload').textContent()).toMatch(/2\.[0-9] MB/);
      await shot(page, '97-extension-letter-uploaded-1024');
      await page.getByTestId('ext-request-save').click();
      await page.getByTestId('extension-request-dialog').waitFor({ state: 'detached', timeout: 30_000 });
      const letter = page.getByTestId('case-extension').first().getByTestId('ext-letter');
      await letter.waitFor({ timeout: 15_000 });
      expect(await letter.textContent()).toContain('鉴定机构来函.png');
      expect(await letter.getAttribute('data-mime')).toBe('image/png');
      const id = await page.getByTestId('case-extension').first().getAttribute('data-id');
      as(head, ['extension', 'opinion', id!, '--agree', '--text', '鉴定确需时间，同意延长']);
    } finally {
      await page.close();
    }
  });

  it('the president opens the scan in the viewer: fitted to the window, then at 100%', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await signedIn(president, viewport);
      try {
        await page.getByTestId('nav-extensions').click();
        const card = page.locator(`[data-testid="ext-card"][data-case-number="${n(1)}"]`);
        await card.waitFor({ timeout: 15_000 });
        expect(await card.getByTestId('ext-letters-view').textContent()).toMatch(/2\.[0-9] MB/);
        await shot(page, `97-extension-letters-on-desk-${viewport.width}`);
        await card.getByTestId('ext-letter-open').click();
        const img = page.getByTestId('letter-image');
        await img.waitFor({ timeout: 30_000 });
        // The pieces joined to the very image: the browser decoded it at its own size.
        await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(1240);
        const box = (await img.boundingBox())!;
        expect(box.height).toBeLessThanOrEqual(viewport.height);
        await shot(page, `98-extension-letter-viewer-${viewport.width}`);
        await page.getByTestId('letter-actual').click();
        await expect.poll(async () => (await img.boundingBox())!.width).toBe(1240);
        if (viewport.width === VIEWPORTS[1].width) await shot(page, `98-extension-letter-viewer-100-${viewport.width}`);
        await page.getByTestId('dialog-close').click();
        await page.getByTestId('letter-viewer').waitFor({ state: 'detached' });
      } finally {
        await page.close();
      }
    }
  });

  it('the president delegates the division in 设置; the vice-president then finds its next request on his desk', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await signedIn(president, viewport);
      try {
        await open(page, '#/settings', 'delegation-panel');
        const select = page.locator(`[data-testid="delegation-row"][data-division="${judge.division}"] [data-testid="delegation-select"]`);
        await select.waitFor({ timeout: 15_000 });
        if (viewport.width === VIEWPORTS[0].width) {
          expect(await select.inputValue()).toBe('');
          await select.selectOption(vicePresident.name);
          await page.getByTestId('delegation-save').click();
          await page.getByTestId('delegation-message').waitFor({ timeout: 15_000 });
          expect(await textOf(page, 'delegation-message')).toContain('1 个部门委托分管院领导审批');
        } else {
          expect(await select.inputValue()).toBe(vicePresident.name);
        }
        await page.getByTestId('delegation-panel').scrollIntoViewIfNeeded();
        await shot(page, `99-extension-delegation-settings-${viewport.width}`);
      } finally {
        await page.close();
      }
    }
    const { id } = as(judge, ['extension', 'request', n(2), '--months', '1', '--reason', '公告送达', '--text', '被告下落不明，需公告送达，预计一个月后方能开庭']);
    as(head, ['extension', 'opinion', String(id), '--agree', '--text', '情况属实']);
    for (const viewport of VIEWPORTS) {
      const page = await signedIn(vicePresident, viewport);
      try {
        await page.getByTestId('nav-extensions-count').waitFor({ timeout: 15_000 });
        // Both of the division's waiting requests: the one asked before the delegation moved to him with it.
        expect(await textOf(page, 'nav-extensions-count')).toBe('2');
        await page.getByTestId('nav-extensions').click();
        const card = page.locator(`[data-testid="ext-card"][data-case-number="${n(2)}"]`);
        await card.waitFor({ timeout: 15_000 });
        await card.getByTestId('ext-act-approve').waitFor();
        await page.locator(`[data-testid="ext-card"][data-case-number="${n(1)}"]`).getByTestId('ext-act-approve').waitFor();
        await shot(page, `99-extension-vice-president-desk-${viewport.width}`);
      } finally {
        await page.close();
      }
    }
  });

  it("the administrator links the assistant to his judge; the assistant then asks on the judge's case, both names on it", async () => {
    const demo = demoPeople(db);
    const assistant = demo.only('assistant');
    const admin = demo.only('admin');
    for (const viewport of VIEWPORTS) {
      const page = await signedIn(admin, viewport);
      try {
        await open(page, '#/settings/accounts', 'users-table');
        const row = page.locator(`[data-testid="user-row"][data-name="${assistant.name}"]`);
        if (viewport.width === VIEWPORTS[0].width) {
          await row.getByTestId('user-judges-open').click();
          await page.getByTestId('assistant-judges-dialog').waitFor();
          await page.locator(`[data-testid="assistant-judge"][value="${judge.name}"]`).check();
          await shot(page, `99-assistant-judges-dialog-${viewport.width}`);
          await page.getByTestId('assistant-judges-save').click();
          await page.getByTestId('assistant-judges-dialog').waitFor({ state: 'detached', timeout: 15_000 });
        }
        await expect.poll(() => row.getByTestId('user-judges').textContent(), { timeout: 15_000 }).toContain(judge.name);
        await shot(page, `99-assistant-judges-accounts-${viewport.width}`);
      } finally {
        await page.close();
      }
    }
    const made = as(assistant, ['extension', 'request', n(3), '--months', '1', '--reason', '追加当事人', '--text', '需追加第三人参加诉讼，预计一个月内完成']) as unknown as { requestedBy: string; enteredBy: string };
    expect(made).toMatchObject({ requestedBy: judge.name, enteredBy: assistant.name });
    const page = await signedIn(judge, VIEWPORTS[0]);
    try {
      await open(page, `#/case/${encodeURIComponent(n(3))}`, 'case-extensions-section');
      await page.getByTestId('ext-entered-by').waitFor({ timeout: 15_000 });
      expect(await textOf(page, 'ext-entered-by')).toContain(assistant.name);
      await page.getByTestId('case-extensions-section').scrollIntoViewIfNeeded();
      await shot(page, '99-assistant-request-on-case-1024');
    } finally {
      await page.close();
    }
  });

  it('logged no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
