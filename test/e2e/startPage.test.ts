// End to end: the start page after sign-in on a seeded demo court. A judge, a division head and the president each
// land on 审限预警 titled with whose cases it shows and counting what deadlines.summary counts for that person; the
// head and the president see how many extension requests wait for them, the judge does not; a deep link is kept;
// a judge without cases is told so. Photographed at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cli, TESTER } from '../helpers/cli';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, textOf, VIEWPORTS, SHOTS, type Person, type Viewport } from '../helpers/e2e';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import type { DeadlineSummary } from '../../shared/deadlines/api';

const TODAY = '2026-11-23';
const FILED = '2026-10-20';
const n = (seq: number) => `（2026）辽0421民初${9500 + seq}号`;

let work: ReturnType<typeof prepareWork>;
let db: string;
let host: StartedHost;
let browser: Browser;
let judge: Person & { division: string };
let head: Person;
let president: Person;
let newcomer: Person;
const pageErrors: string[] = [];

function as(p: Person, args: string[]) {
  const r = cli(['--db', db, '--today', TODAY, '--json', ...args], { COURTDESK_USER: p.name, COURTDESK_PASSWORD: p.password });
  expect(r.code, r.err + r.out).toBe(0);
  return r.json() as { id: number };
}

/** The person's 审限预警 counts as the core gives them (the command line signs in as him). */
function summaryOf(p: Person): DeadlineSummary {
  return (as(p, ['alerts']) as unknown as { summary: DeadlineSummary }).summary;
}

beforeAll(async () => {
  work = prepareWork();
  db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 3000, seed: 11 });
  const demo = demoPeople(db);
  const j = demo.only('judge');
  judge = { ...j, division: j.division! };
  head = demo.headOf(j);
  // Not the test account, which holds the president's role among others.
  president = demo.holding('president', TESTER.name);
  const clerk = demo.only('clerk');
  // Three requests of the judge: two wait for the head's opinion, one (agreed) for the president's decision.
  for (const seq of [1, 2, 3]) as(clerk, ['case', 'add', n(seq), '--cause', '民间借贷纠纷', '--filed-on', FILED, '--division', judge.division, '--judge', judge.name]);
  for (const seq of [1, 2, 3]) {
    const { id } = as(judge, ['extension', 'request', n(seq), '--months', '2', '--reason', '公告送达', '--text', '本案需公告送达，预计两个月内完成相关工作后即可审结']);
    if (seq === 3) as(head, ['extension', 'opinion', String(id), '--agree', '--text', '情况属实，同意延长']);
  }
  // A judge who has just joined: no case yet.
  const added = cli(['--db', db, '--json', 'user', 'add', '新任法官', '--role', 'judge', '--division', judge.division]);
  expect(added.code, added.err).toBe(0);
  const temporary = (added.json() as { temporaryPassword: string }).temporaryPassword;
  newcomer = { name: '新任法官', password: `${temporary}-mine` };
  const changed = cli(['--db', db, 'password'], { COURTDESK_USER: newcomer.name, COURTDESK_PASSWORD: temporary, COURTDESK_NEW_PASSWORD: newcomer.password });
  expect(changed.code, changed.err).toBe(0);
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 300_000);

afterAll(() => tearDown({ browser, host, work }));

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

/** Signs in on the bare address, as a person opening the program does, and waits for the start page's counts. */
async function landed(p: Person, viewport: Viewport): Promise<Page> {
  const page = await signIn(browser, host, p, { viewport, pageErrors, at: null });
  await page.getByTestId('deadlines-page').waitFor({ timeout: 15_000 });
  await expect.poll(() => textOf(page, 'deadlines-stats'), { timeout: 15_000 }).toContain('未结案件');
  return page;
}

async function expectCounts(page: Page, s: DeadlineSummary): Promise<void> {
  expect(await textOf(page, 'deadlines-stats')).toBe(`统计日期 ${TODAY} · 未结案件 ${s.open.toLocaleString('zh-CN')} 件`);
  const shown = async (view: string) => Number((await textOf(page, `deadline-count-${view}`)).replace(/[,，]/g, ''));
  expect([await shown('overdue'), await shown('due7'), await shown('due15'), await shown('due30'), await shown('suspended')]).toEqual([
    s.overdue, s.dueWithin7, s.dueWithin15, s.dueWithin30, s.stopped,
  ]);
}

/** The badge on 延审审批: the count the sign-in notice says too. */
const badge = async (page: Page) => {
  await page.getByTestId('nav-extensions-count').waitFor({ timeout: 15_000 });
  return Number(await textOf(page, 'nav-extensions-count'));
};

describe('the start page', () => {
  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;

    it(`opens a judge's own cases on 审限预警, without a notice (${size})`, async () => {
      const page = await landed(judge, viewport);
      try {
        expect(new URL(page.url()).hash).toBe('#/deadlines?view=overdue');
        expect(await textOf(page, 'deadlines-title')).toBe('审限预警 · 我的案件');
        const s = summaryOf(judge);
        expect(s.open).toBeGreaterThan(0);
        await expectCounts(page, s);
        // Her overdue list holds her own cases only.
        await page.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
        for (const row of await page.getByTestId('case-row').evaluateAll((els) => els.map((e) => e.textContent ?? ''))) expect(row).toContain(judge.name);
        expect(await page.getByTestId('waiting-notice').count()).toBe(0);
        await shot(page, `40-start-judge-${size}`);
      } finally {
        await page.close();
      }
    });

    it(`opens a division head's division, with the requests waiting for his opinion (${size})`, async () => {
      const page = await landed(head, viewport);
      try {
        expect(await textOf(page, 'deadlines-title')).toBe(`审限预警 · 本庭案件（${judge.division}）`);
        const s = summaryOf(head);
        await expectCounts(page, s);
        expect(s.open).toBeGreaterThan(summaryOf(judge).open);
        await page.getByTestId('waiting-notice').waitFor({ timeout: 15_000 });
        const waiting = await badge(page);
        expect(waiting).toBeGreaterThanOrEqual(2);
        expect(await textOf(page, 'waiting-notice-text')).toBe(`有 ${waiting} 件延长审限申请等待您处理`);
        await shot(page, `41-start-division-head-${size}`);
      } finally {
        await page.close();
      }
    });

    it(`opens the president's court-wide board, with the requests waiting for his decision (${size})`, async () => {
      const page = await landed(president, viewport);
      try {
        expect(await textOf(page, 'deadlines-title')).toBe('审限预警 · 全院案件');
        await expectCounts(page, summaryOf(president));
        await page.getByTestId('waiting-notice').waitFor({ timeout: 15_000 });
        const waiting = await badge(page);
        expect(waiting).toBeGreaterThanOrEqual(1);
        expect(await textOf(page, 'waiting-notice-text')).toBe(`有 ${waiting} 件延长审限申请等待您处理`);
        await shot(page, `42-start-president-${size}`);
      } finally {
        await page.close();
      }
    });

    it(`tells a judge without cases that there is nothing open (${size})`, async () => {
      const page = await signIn(browser, host, newcomer, { viewport, pageErrors, at: null });
      try {
        await page.getByTestId('deadlines-empty').waitFor({ timeout: 15_000 });
        expect(await textOf(page, 'deadlines-title')).toBe('审限预警 · 我的案件');
        expect(await textOf(page, 'deadlines-empty')).toContain('您目前没有承办的未结案件');
        expect(await page.getByTestId('deadline-card-overdue').count()).toBe(0);
        await shot(page, `43-start-judge-no-cases-${size}`);
      } finally {
        await page.close();
      }
    });
  }

  it('goes to the waiting requests from the notice, and a closed notice stays closed for the session', async () => {
    const page = await landed(president, VIEWPORTS[0]);
    try {
      await page.getByTestId('waiting-notice-link').click();
      await page.waitForFunction(() => window.location.hash === '#/extensions', null, { timeout: 15_000 });
      await page.getByTestId('nav-deadlines').click();
      await page.getByTestId('waiting-notice').waitFor({ timeout: 15_000 });
      await page.getByTestId('waiting-notice-close').click();
      expect(await page.getByTestId('waiting-notice').count()).toBe(0);
      await page.getByTestId('nav-cases').click();
      await page.getByTestId('nav-deadlines').click();
      await page.getByTestId('deadlines-page').waitFor();
      expect(await page.getByTestId('waiting-notice').count()).toBe(0);
      // The next person to sign in on this window lands on his own start page, and sees his own notice.
      await page.getByTestId('signout').click();
      await page.getByTestId('signin-name').waitFor({ timeout: 15_000 });
      await page.getByTestId('signin-name').fill(head.name);
      await page.getByTestId('signin-password').fill(head.password);
      await page.getByTestId('signin-submit').click();
      await expect.poll(() => textOf(page, 'deadlines-title'), { timeout: 15_000 }).toBe(`审限预警 · 本庭案件（${judge.division}）`);
      await page.getByTestId('waiting-notice').waitFor({ timeout: 15_000 });
    } finally {
      await page.close();
    }
  });

  it('keeps the address a person came with (a deep link)', async () => {
    const page = await signIn(browser, host, president, { pageErrors, at: '/extensions' });
    try {
      await page.getByTestId('nav-extensions').waitFor();
      expect(new URL(page.url()).hash).toBe('#/extensions');
      expect(await page.getByTestId('deadlines-page').count()).toBe(0);
      const list = await signIn(browser, host, judge, { pageErrors, at: '/cases?status=overdue' });
      try {
        await list.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
        expect(new URL(list.url()).hash).toBe('#/cases?status=overdue');
      } finally {
        await list.close();
      }
    } finally {
      await page.close();
    }
  });

  it('logged no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
