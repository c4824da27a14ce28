// End to end: what court staff found wrong in the window, each as they reported it. Filters offer only what the
// person's scope can show; number boxes say why they refuse and take full-width digits; dialogs start on their first
// field and give focus back; the sign-in box starts empty; one message at a time; disabled looks disabled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cli, ADMIN, TESTER } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, VIEWPORTS, SHOTS, type Viewport } from '../helpers/e2e';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';

const TODAY = '2026-11-23';
let work: ReturnType<typeof tempDir>;
let db: string;
let host: StartedHost;
let browser: Browser;
let judge: { name: string; division: string };
let head: { name: string; division: string };

beforeAll(async () => {
  work = prepareWork();
  db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 5000, seed: 11 });
  const demo = demoPeople(db);
  const j = demo.only('judge');
  const h = demo.holding('division_head');
  judge = { name: j.name, division: j.division! };
  head = { name: h.name, division: h.division! };
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

const signedIn = (name: string, password: string, viewport: Viewport = VIEWPORTS[0]) => signIn(browser, host, { name, password }, { viewport });

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

/** How far a dialog is from the window's vertical middle: the gap above it less the gap below, in pixels. */
const centredGap = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((d) => {
    const r = d.getBoundingClientRect();
    return Math.abs(r.top - (window.innerHeight - r.bottom));
  });

/** Read straight from the court's file: which judges and divisions exist. */
function staffOf(divisionName: string): string[] {
  const { db: conn } = openDatabase(db);
  try {
    return conn.prepare(
      "SELECT DISTINCT s.name FROM staff s JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'judge' JOIN divisions d ON d.id = s.division_id WHERE d.name = ? AND s.active = 1",
    ).pluck().all(divisionName) as string[];
  } finally {
    closeDatabase(conn);
  }
}

describe('item 6: filters offer what the person can see', () => {
  it.each(VIEWPORTS)("a judge is not offered other judges or other divisions, and is told why ($width)", async (viewport) => {
    const page = await signedIn(judge.name, 'demo-judge', viewport);
    try {
      await page.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('filter-judge').count()).toBe(0);
      const fixed = (await page.getByTestId('filter-judge-fixed').textContent()) ?? '';
      expect(fixed).toContain(judge.name);
      expect(fixed).toContain('仅本人承办');
      expect(await page.getByTestId('filter-judge-fixed').getAttribute('title')).toContain('本人承办的案件');
      // His cases' divisions only: as a fixed value when there is one, never the court's thirteen.
      const visible = new Set((cli(['--db', db, '--json', '--today', TODAY, 'cases', '--limit', '100000'], { COURTDESK_USER: judge.name, COURTDESK_PASSWORD: 'demo-judge' }).json() as Array<{ division: string }>).map((c) => c.division));
      visible.add(judge.division);
      if ((await page.getByTestId('filter-division').count()) > 0) {
        const options = await page.getByTestId('filter-division').locator('option').allTextContents();
        expect(options.filter((o) => o !== '全部部门').every((o) => visible.has(o))).toBe(true);
      } else {
        expect(visible.has(((await page.getByTestId('filter-division-fixed').textContent()) ?? '').replace(/^部门|仅本部门$|仅此部门$/g, ''))).toBe(true);
      }
      await page.screenshot({ path: path.join(SHOTS, `44-filters-judge-${viewport.width}.png`) });
    } finally {
      await page.close();
    }
  });

  it.each(VIEWPORTS)("a division head sees his division fixed and only its judges ($width)", async (viewport) => {
    const page = await signedIn(head.name, 'demo-division_head', viewport);
    try {
      await page.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('filter-division').count()).toBe(0);
      const fixed = (await page.getByTestId('filter-division-fixed').textContent()) ?? '';
      expect(fixed).toContain(head.division);
      expect(fixed).toContain('仅本部门');
      const ours = new Set(staffOf(head.division));
      await expect.poll(async () => (await page.getByTestId('filter-judge').locator('option').count()), { timeout: 15_000 }).toBeGreaterThan(1);
      const options = (await page.getByTestId('filter-judge').locator('option').allTextContents()).filter((o) => o !== '本部门全部法官' && o !== '全部法官');
      expect(options.length).toBeGreaterThan(0);
      expect(options.filter((o) => !ours.has(o))).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `45-filters-division-head-${viewport.width}.png`) });
    } finally {
      await page.close();
    }
  });

  it.each(VIEWPORTS)('剩余天数 says why it refuses, does not swap a backwards range, and leaves the list alone until valid ($width)', async (viewport) => {
    const page = await signedIn(TESTER.name, TESTER.password, viewport);
    try {
      await page.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
      const total = await page.getByTestId('case-total').getAttribute('data-count');
      const min = page.getByTestId('filter-remaining-min');
      const max = page.getByTestId('filter-remaining-max');
      await min.fill('abc');
      await expect.poll(async () => (await page.getByTestId('filter-remaining-error').textContent()) ?? '', { timeout: 5_000 }).toBe('请输入整数天数');
      expect(await min.getAttribute('aria-invalid')).toBe('true');
      await page.waitForTimeout(700);
      expect(page.url()).not.toContain('rmin');
      expect(await page.getByTestId('case-total').getAttribute('data-count')).toBe(total);
      await page.screenshot({ path: path.join(SHOTS, `46-remaining-not-a-number-${viewport.width}.png`) });

      await min.fill('30');
      await max.fill('7');
      await expect.poll(async () => (await page.getByTestId('filter-remaining-error').textContent()) ?? '', { timeout: 5_000 }).toBe('最小值不能大于最大值');
      await page.waitForTimeout(700);
      expect(page.url()).not.toContain('rmin');
      expect(await min.inputValue()).toBe('30');
      expect(await max.inputValue()).toBe('7');
      await page.screenshot({ path: path.join(SHOTS, `47-remaining-backwards-${viewport.width}.png`) });

      // Full-width digits, as a Chinese input method types them in full-width mode.
      await max.fill('４０');
      await expect.poll(() => page.url(), { timeout: 5_000 }).toContain('rmin=30&rmax=40');
      expect(await page.getByTestId('filter-remaining-error').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe('item 7: the holiday roll asks first, on a demo court whose open due dates run past the calendar', () => {
  it.each(VIEWPORTS)('says the calendar years and the number of changed due dates ($width)', async (viewport) => {
    const page = await signedIn(ADMIN.name, ADMIN.password, viewport);
    try {
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('holiday-roll-panel').scrollIntoViewIfNeeded();
      expect(await page.getByTestId('holiday-roll-calendar').textContent()).toContain('2027 年起只按周末顺延');
      await page.screenshot({ path: path.join(SHOTS, `52-holiday-roll-panel-${viewport.width}.png`) });
      await page.getByTestId('holiday-roll-toggle').click();
      await page.getByTestId('holiday-roll-confirm').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('holiday-roll-confirm-count').textContent()).toMatch(/^开启后，将重新计算并改变 [\d,]+ 件案件的审限届满日/);
      expect(await page.getByTestId('holiday-roll-confirm-calendar').textContent()).toMatch(/^节假日日历只到 2026 年。届满日在 2027 年及以后的 [\d,]+ 件未结案件只按周末顺延/);
      await page.screenshot({ path: path.join(SHOTS, `53-holiday-roll-confirm-${viewport.width}.png`) });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('holiday-roll-confirm').count()).toBe(0);
      expect(await focused(page)).toBe('holiday-roll-toggle');
      expect(await page.getByTestId('holiday-roll-state').textContent()).toContain('未开启');
    } finally {
      await page.close();
    }
  });
});

describe('item 8: small things that cost people time', () => {
  it.each(VIEWPORTS)('(a) 修改口令 opens on its first field, Enter does not close it, Esc gives focus back to the button ($width)', async (viewport) => {
    const page = await signedIn(TESTER.name, TESTER.password, viewport);
    try {
      for (const opener of ['change-password', 'settings-change-password']) {
        if (opener === 'settings-change-password') await page.getByTestId('nav-settings').click();
        await page.getByTestId(opener).click();
        await page.getByTestId('change-password-dialog').waitFor();
        expect(await focused(page)).toBe('password-old');
        await page.keyboard.press('Enter');
        await expect.poll(async () => (await page.getByTestId('password-error').textContent()) ?? '').toBe('请输入原口令');
        expect(await page.getByTestId('change-password-dialog').isVisible()).toBe(true);
        await page.screenshot({ path: path.join(SHOTS, `48-change-password-${opener}-${viewport.width}.png`) });
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByTestId('change-password-dialog').count()).toBe(0);
        expect(await focused(page)).toBe(opener);
      }
    } finally {
      await page.close();
    }
  });

  it('(a) 停用账号 opens on 取消, never on the action, and gives focus back to the row', async () => {
    const page = await signedIn(ADMIN.name, ADMIN.password);
    try {
      await page.evaluate(() => { location.hash = '#/settings/accounts'; });
      const row = page.locator(`[data-testid="user-row"][data-name="${judge.name}"]`);
      await row.getByTestId('user-toggle').click();
      await page.getByTestId('user-toggle-dialog').waitFor();
      expect(await focused(page)).toBe('user-toggle-cancel');
      expect(await centredGap(page, 'user-toggle-dialog')).toBeLessThan(2);
      await page.screenshot({ path: path.join(SHOTS, '48-disable-account-dialog-1024.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('user-toggle-dialog').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="user-row"]')?.getAttribute('data-name'))).toBe(judge.name);
      expect(await focused(page)).toBe('user-toggle');
    } finally {
      await page.close();
    }
  });

  it.each(VIEWPORTS)("(b) after sign-out the name box is empty and has the cursor, so the next person's name goes there ($width)", async (viewport) => {
    const page = await signedIn(TESTER.name, TESTER.password, viewport);
    try {
      await page.getByTestId('signout').click();
      await page.getByTestId('signin-name').waitFor();
      expect(await page.getByTestId('signin-name').inputValue()).toBe('');
      expect(await focused(page)).toBe('signin-name');
      await page.keyboard.type(judge.name);
      expect(await page.getByTestId('signin-name').inputValue()).toBe(judge.name);
      expect(await page.getByTestId('signin-password').inputValue()).toBe('');
      await page.screenshot({ path: path.join(SHOTS, `49-signin-after-signout-${viewport.width}.png`) });
    } finally {
      await page.close();
    }
  });

  it.each(VIEWPORTS)("(c) a password containing the person's name is refused in the window, with the reason ($width)", async (viewport) => {
    const page = await signedIn(TESTER.name, TESTER.password, viewport);
    try {
      await page.getByTestId('change-password').click();
      await page.getByTestId('password-old').fill(TESTER.password);
      await page.getByTestId('password-new').fill(`${TESTER.name}${TESTER.name}${TESTER.name}`);
      await page.getByTestId('password-new2').fill(`${TESTER.name}${TESTER.name}${TESTER.name}`);
      await page.getByTestId('password-submit').click();
      await expect.poll(async () => (await page.getByTestId('password-error').textContent()) ?? '').toBe(`口令不能包含本人姓名“${TESTER.name}”`);
      await page.screenshot({ path: path.join(SHOTS, `48-change-password-name-refused-${viewport.width}.png`) });
    } finally {
      await page.close();
    }
  });

  it('(d) full-width digits are taken in every number box: idle lock, page jump', async () => {
    const page = await signedIn(ADMIN.name, ADMIN.password);
    try {
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('idle-lock-minutes').fill('１０');
      await page.getByTestId('idle-lock-save').click();
      await expect.poll(async () => (await page.getByTestId('idle-lock-message').textContent()) ?? '').toContain('闲置 10 分钟后自动锁定');
    } finally {
      await page.close();
    }
    const clerk = await signedIn(TESTER.name, TESTER.password);
    try {
      await clerk.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
      await clerk.getByTestId('page-jump').fill('３');
      await clerk.getByTestId('page-jump').press('Enter');
      await expect.poll(async () => (await clerk.getByTestId('page-current').textContent()) ?? '', { timeout: 15_000 }).toBe('3');
      await clerk.getByTestId('page-jump').fill('第三页');
      await clerk.getByTestId('page-jump').press('Enter');
      await expect.poll(async () => (await clerk.getByTestId('page-jump-error').textContent()) ?? '').toBe('请输入整数页码');
      await clerk.screenshot({ path: path.join(SHOTS, '54-page-jump-error-1024.png') });
      expect(await clerk.getByTestId('page-current').textContent()).toBe('3');
    } finally {
      await clerk.close();
    }
  });

  it.each(VIEWPORTS)('(e) 新增账号 shows one message at a time ($width)', async (viewport) => {
    const page = await signedIn(ADMIN.name, ADMIN.password, viewport);
    try {
      await page.evaluate(() => { location.hash = '#/settings/accounts'; });
      await page.getByTestId('user-add-name').fill(`新来的书记员${viewport.width}`);
      await page.getByTestId('user-add-role-clerk').check();
      await page.getByTestId('user-add-password').fill('clerk-pass-9');
      await page.getByTestId('user-add-submit').click();
      await page.getByTestId('user-add-message').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('user-add-error').count()).toBe(0);
      // The next attempt fails: its error replaces the success, it does not stand beside it.
      await page.getByTestId('user-add-submit').click();
      await expect.poll(async () => (await page.getByTestId('user-add-error').textContent()) ?? '').toBe('请输入姓名');
      expect(await page.getByTestId('user-add-message').count()).toBe(0);
      // A password holding the new person's name is refused with the reason, before anything is sent.
      await page.getByTestId('user-add-name').fill('姜晶云');
      await page.getByTestId('user-add-role-judge').check();
      await page.getByTestId('user-add-password').fill('姜晶云姜晶云姜晶云');
      await page.getByTestId('user-add-submit').click();
      await expect.poll(async () => (await page.getByTestId('user-add-error').textContent()) ?? '').toBe('口令不能包含本人姓名“姜晶云”');
      await page.getByTestId('user-add-form').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, `50-add-account-one-message-${viewport.width}.png`) });
    } finally {
      await page.close();
    }
  });

  it.each(VIEWPORTS)('(f) a disabled 确认恢复 looks disabled ($width)', async (viewport) => {
    const page = await signedIn(ADMIN.name, ADMIN.password, viewport);
    try {
      await page.evaluate(() => { location.hash = '#/settings/backup'; });
      const junk = path.join(work.dir, 'not-a-backup.sqlite');
      writeFileSync(junk, 'not a database'.repeat(100));
      await page.getByTestId('restore-file').fill(junk);
      await page.getByTestId('restore-file-go').click();
      await page.getByTestId('restore-check').or(page.getByTestId('restore-error')).waitFor({ timeout: 15_000 });
      const button = page.getByTestId('restore-confirm');
      expect(await button.isDisabled()).toBe(true);
      const style = await button.evaluate((b) => {
        const cs = getComputedStyle(b);
        return { background: cs.backgroundColor, color: cs.color, cursor: cs.cursor };
      });
      // Not the red of an enabled 确认恢复 (--danger #b42318), and a cursor that says no.
      expect(style.background).not.toBe('rgb(180, 35, 24)');
      expect(style.color).not.toBe('rgb(255, 255, 255)');
      expect(style.cursor).toBe('not-allowed');
      // Focus started inside the dialog's body, not on its 关闭.
      expect(await page.evaluate(() => !!document.activeElement?.closest('.dialog-body'))).toBe(true);
      // In the middle of the window, not pinned to its top (a dialog inside a scrolling page took its margin).
      expect(await centredGap(page, 'restore-dialog')).toBeLessThan(2);
      await page.screenshot({ path: path.join(SHOTS, `51-restore-disabled-${viewport.width}.png`) });
    } finally {
      await page.close();
    }
  });
});
