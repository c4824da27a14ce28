// End to end: 脱薄预测 in Chromium on a seeded court. The president opens the projection; its table is ledger.project's own, two more
// closings a month lower each month's pending by 2·k, a bad assumption is marked at its box, and the screens are photographed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, textOf, VIEWPORTS, SHOTS, type Person, type Viewport } from '../helpers/e2e';
import { cli } from '../helpers/cli';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';

/** Not a month end: the projection starts at 2025-05-31. */
const TODAY = '2025-06-20';

let work: ReturnType<typeof prepareWork>;
let host: StartedHost;
let browser: Browser;
let president: Person;
let judge: Person;
let db: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  work = prepareWork();
  db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 3000, seed: 11 });
  const people = demoPeople(db);
  president = people.holding('president', '测试员');
  judge = people.only('judge');
  // A weak point's target, as the ledger keeps it (migration 18): 超12个月未结案件比 ≤ 2 % by 2025-12-31.
  const d = new Database(db);
  d.prepare("INSERT INTO ledger_weak_points (id, text, found_by, found_on, created_by, created_at, row_version, updated_at) VALUES (1, '长期未结案件偏多', 'intermediate', '2025-03-01', 'tester', '2025-03-01T08:00:00Z', 1, '2025-03-01T08:00:00Z')").run();
  d.prepare("INSERT INTO ledger_targets (weak_point_id, indicator, target, due_on) VALUES (1, 'longPending12Ratio', 0.02, '2025-12-31')").run();
  d.close();
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(() => tearDown({ browser, host, work }));

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

async function open(viewport: Viewport, hash = '#/ledger/projection', who = president): Promise<Page> {
  const page = await signIn(browser, host, who, { viewport, pageErrors, at: hash.slice(1) });
  await page.getByTestId('projection-table').waitFor({ timeout: 30_000 });
  return page;
}

/** The what-if's pending of a month row, and the baseline's in brackets. */
async function pendingOf(page: Page, month: string): Promise<[number, number]> {
  const cell = (await page.getByTestId(`projection-row-${month}`).locator('td').first().textContent()) ?? '';
  const m = /^([\d,]+)\s*（([\d,]+)）/.exec(cell.trim());
  if (!m) throw new Error(cell);
  return [Number(m[1].replace(/,/g, '')), Number(m[2].replace(/,/g, ''))];
}

type Cli = { months: Array<{ month: string; pending: number }> };
const projectCli = (args: string[]) => {
  const r = cli(['--db', db, '--today', TODAY, '--json', 'project', ...args], { COURTDESK_USER: president.name, COURTDESK_PASSWORD: president.password });
  expect(r.code, r.err).toBe(0);
  return r.json() as Cli;
};

describe('脱薄预测 in the window', () => {
  it('shows ledger.project’s months, the curves and the model; two more a month is 2·k fewer pending', async () => {
    const cliBase = projectCli([]);
    for (const viewport of VIEWPORTS) {
      const page = await open(viewport);
      expect(await textOf(page, 'projection-scope')).toContain('起点 2025-05-31');
      const months = cliBase.months.map((m) => m.month);
      expect(months).toEqual(['2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11']);
      for (const m of cliBase.months) expect(await pendingOf(page, m.month)).toEqual([m.pending, m.pending]);
      for (const id of ['pending', 'longPending12Ratio', 'clearanceRate', 'onTimeRate']) await page.getByTestId(`projection-canvas-${id}`).waitFor();
      expect(await textOf(page, 'projection-model')).toContain('每月多结 N 件');
      await shot(page, `projection-baseline-${viewport.width}`);

      await page.getByTestId('projection-close-more').fill('2');
      await page.getByTestId('projection-months').selectOption('12');
      await page.getByTestId('projection-apply').click();
      await page.getByTestId('projection-row-2026-05').waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => window.location.hash)).toBe('#/ledger/projection?months=12&closeMore=2');
      const rows = [];
      for (let k = 1; k <= 12; k++) rows.push(await pendingOf(page, `${k <= 7 ? '2025' : '2026'}-${String(((k + 4) % 12) + 1).padStart(2, '0')}`));
      expect(rows.map(([w, b]) => b - w)).toEqual(Array.from({ length: 12 }, (_, i) => 2 * (i + 1)));
      expect(await textOf(page, 'projection-inputs')).toContain('每月多结 2 件');
      await shot(page, `projection-whatif-${viewport.width}`);
      // The page scrolls inside its pane: the table and the model are photographed on their own.
      await page.getByTestId('projection-model').scrollIntoViewIfNeeded();
      await shot(page, `projection-table-${viewport.width}`);
      await page.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it('clears the oldest by a date, and marks a bad assumption at its box without losing the last answer', async () => {
    const page = await open(VIEWPORTS[0], '#/ledger/projection?clearOldest=20&by=2025-09-30');
    const cliClear = projectCli(['--clear-oldest', '20', '--by', '2025-09-30']);
    expect((await pendingOf(page, '2025-09'))[0]).toBe(cliClear.months[3].pending);
    await page.getByTestId('projection-close-more').fill('abc');
    await page.getByTestId('projection-apply').click();
    expect(await textOf(page, 'projection-close-more-error')).toBe('每月多结案件数应为 0 或正整数');
    await page.getByTestId('projection-close-more').fill('0');
    await page.getByTestId('projection-judges').fill('-999');
    await page.getByTestId('projection-apply').click();
    await expect.poll(() => textOf(page, 'projection-judges-error')).toContain('不足 1 人');
    await page.getByTestId('projection-table').waitFor();
    await shot(page, 'projection-error-1024');
    await page.close();
  });

  it('is closed to a judge: the entry says 无权限 and the address shows no projection', async () => {
    const page = await signIn(browser, host, judge, { viewport: VIEWPORTS[0], pageErrors, at: '/ledger/projection' });
    expect(await page.getByTestId('nav-projection').getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByTestId('projection-page').count()).toBe(0);
    await page.close();
  });
});
