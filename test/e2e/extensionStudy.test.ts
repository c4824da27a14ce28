// End to end: 延审原因分析 in Chromium on a seeded demo court with extension requests of every reason and outcome
// added by hand; the president clicks a bar and lands on the list with that many requests (address shareable, back
// button back to the study); a division head and a judge see their own scope; photographed at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, textOf, VIEWPORTS, SHOTS, type Person, type Viewport } from '../helpers/e2e';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import { EXTENSION_REASONS } from '../../shared/extensions/rules';

const TODAY = '2025-06-30';
const STUDY = '#/extensions/study?from=2025-01-01&to=2025-06-30';

let work: ReturnType<typeof prepareWork>;
let db: string;
let host: StartedHost;
let browser: Browser;
let judge: Person;
let head: Person;
let president: Person;
const pageErrors: string[] = [];

/**
 * Requests on the seeded court's open cases, the judge's among them: reasons in turn, outcomes in turn (approved,
 * shorter, rejected, waiting, at the higher court), spread over the first half of 2025.
 */
/** How many requests of the period the court, the judge's division and the judge have, by SQL of the test's own. */
const periodCounts = { court: 0, division: 0, judge: 0 };

function addRequests(file: string, judgeName: string): void {
  const d = new Database(file);
  const judgeId = d.prepare('SELECT id FROM staff WHERE name = ?').pluck().get(judgeName) as number;
  const mine = d.prepare('SELECT id FROM cases WHERE judge_id = ? ORDER BY filed_on DESC, id LIMIT 6').pluck().all(judgeId) as number[];
  const others = d.prepare('SELECT id FROM cases WHERE judge_id <> ? ORDER BY filed_on DESC, id LIMIT 30').pluck().all(judgeId) as number[];
  const insert = d.prepare(
    `INSERT INTO extension_requests (case_id, months, days, reason, reason_code, explanation, requested_on, late, status, stage, route, asked_months, asked_days,
       decided_on, row_version, created_at, updated_at) VALUES (?, ?, 0, ?, ?, '说明', ?, ?, ?, ?, ?, 3, 0, ?, 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
  );
  const outcomes = [['approved', 'decided', 3], ['approved', 'decided', 1], ['rejected', 'decided', 3], ['pending', 'decision', 3], ['higher_court', 'higher_court', 3], ['approved', 'decided', 3]] as const;
  [...mine, ...others].forEach((caseId, k) => {
    const reason = EXTENSION_REASONS[(k * 3) % EXTENSION_REASONS.length];
    const [status, stage, months] = outcomes[k % outcomes.length];
    const on = `2025-0${1 + (k % 6)}-${String(1 + ((k * 7) % 27)).padStart(2, '0')}`;
    insert.run(caseId, months, reason, reason, on, k % 5 === 0 ? 1 : 0, status, stage, stage === 'higher_court' ? 'higher_court' : 'president', stage === 'decided' ? on : null);
  });
  const count = (where: string, ...params: unknown[]) => d.prepare(
    `SELECT count(*) FROM extension_requests r JOIN cases c ON c.id = r.case_id WHERE r.requested_on BETWEEN '2025-01-01' AND '2025-06-30' AND ${where}`,
  ).pluck().get(...params) as number;
  periodCounts.court = count('1');
  periodCounts.judge = count('c.judge_id = ?', judgeId);
  periodCounts.division = count('c.division_id = (SELECT division_id FROM staff WHERE id = ?)', judgeId);
  d.close();
}

beforeAll(async () => {
  work = prepareWork();
  db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 300, seed: 7 });
  const demo = demoPeople(db);
  const j = demo.only('judge');
  judge = j;
  head = demo.headOf(j);
  president = demo.holding('president');
  addRequests(db, judge.name);
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

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

async function openStudy(page: Page, hash = STUDY): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.getByTestId('study-page').waitFor({ timeout: 15_000 });
  await page.getByTestId('study-summary').waitFor({ timeout: 15_000 });
}

/** The requests of a table's total row (申请 column), read from the page. */
async function totalOf(page: Page): Promise<number> {
  const m = /申请\s*(\d+)\s*件/.exec(await textOf(page, 'study-summary'));
  return m ? Number(m[1]) : -1;
}

describe('延审原因分析 in the window', () => {
  it('the president: charts and tables, a bar opens exactly its requests, and back returns to the study', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await signedIn(president, viewport);
      await openStudy(page);
      await page.getByTestId('study-chart-reasons').waitFor();
      expect(await totalOf(page)).toBe(periodCounts.court);
      expect(periodCounts.court).toBeGreaterThanOrEqual(30);
      await shot(page, `study-president-${viewport.width}`);
      // Each section on its own, scrolled into view (the page scrolls inside the window's frame).
      for (const section of ['study-divisions', 'study-judges', 'study-trend']) {
        await page.getByTestId(section).screenshot({ path: path.join(SHOTS, `${section}-president-${viewport.width}.png`) });
      }
      if (viewport.width !== 1024) {
        await page.close();
        continue;
      }
      // As printed: no navigation, no controls, the charts and tables one after another.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.sidenav').isVisible()).toBe(false);
      expect(await page.getByTestId('study-apply').isVisible()).toBe(false);
      await page.screenshot({ path: path.join(SHOTS, 'study-print-1024.png'), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      // The first bar segment the chart drew: its dataset is the outcome, its index the reason (table row).
      const points = JSON.parse((await page.getByTestId('study-chart-reasons').getAttribute('data-points')) ?? '[]') as Array<{ d: number; i: number; x: number; y: number }>;
      expect(points.length).toBeGreaterThan(3);
      const p = points[0];
      const outcome = ['approved', 'shorter', 'rejected', 'waiting', 'higher_court'][p.d];
      const row = page.getByTestId('study-table-reasons-row').nth(p.i);
      const expected = Number(await row.getByTestId(`study-count-${outcome}`).textContent());
      expect(expected).toBeGreaterThan(0);
      await page.getByTestId('study-chart-reasons').click({ position: { x: p.x, y: p.y } });
      await page.getByTestId('ext-filter').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('ext-card').count()).toBe(expected);
      const hash = await page.evaluate(() => window.location.hash);
      expect(hash).toContain('view=all');
      expect(hash).toContain(`outcome=${outcome}`);
      expect(hash).toContain('reason=');
      await shot(page, 'study-list-from-bar-1024');

      // The address is shareable: another window opened on it shows the same list.
      const other = await signedIn(president, viewport);
      await other.evaluate((h) => {
        window.location.hash = h;
      }, hash);
      await other.getByTestId('ext-filter').waitFor({ timeout: 15_000 });
      await expect.poll(() => other.getByTestId('ext-card').count()).toBe(expected);
      await other.close();

      // Back returns to the study; a count in the judges' table opens that judge's requests.
      await page.goBack();
      await page.getByTestId('study-table-judges').waitFor({ timeout: 15_000 });
      const judgeRow = page.getByTestId('study-table-judges-row').first();
      const n = Number(await judgeRow.getByTestId('study-count').textContent());
      await judgeRow.getByTestId('study-count').click();
      await page.getByTestId('ext-filter').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('ext-card').count()).toBe(n);
      await page.close();
    }
  });

  it('a division head and a judge study only their own scope', async () => {
    for (const [who, name] of [[head, 'head'], [judge, 'judge']] as const) {
      for (const viewport of VIEWPORTS) {
        const page = await signedIn(who, viewport);
        await openStudy(page);
        const total = await totalOf(page);
        expect(total, name).toBe(name === 'judge' ? periodCounts.judge : periodCounts.division);
        expect(total, name).toBeGreaterThan(0);
        expect(total, name).toBeLessThan(periodCounts.court);
        await shot(page, `study-${name}-${viewport.width}`);
        // One division still gets a bar one can see and click (the chart first had no room left beside its legend).
        const box = await page.getByTestId('study-chart-divisions').boundingBox();
        expect(box!.height, name).toBeGreaterThanOrEqual(150);
        if (viewport.width === 1024) await page.getByTestId('study-divisions').screenshot({ path: path.join(SHOTS, `study-divisions-${name}-1024.png`) });
        await page.close();
      }
    }
  });

  it('审管办 opens the study and the requests behind it, court-wide, with no act offered', async () => {
    const statistician = demoPeople(db).holding('statistician');
    const page = await signedIn(statistician, VIEWPORTS[0]);
    await openStudy(page);
    expect(await totalOf(page)).toBe(periodCounts.court);
    await shot(page, 'study-statistician-1024');
    await page.evaluate(() => {
      window.location.hash = '#/extensions?view=all&from=2025-01-01&to=2025-06-30';
    });
    await page.getByTestId('extensions-page').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="ext-card"]').length > 0, null, { timeout: 15_000 });
    expect(await page.locator('[data-testid^="ext-act-"]').count()).toBe(0);
    await page.close();
  });

  it('a period without requests says so in plain Chinese; the presets set the period', async () => {
    const page = await signedIn(president, VIEWPORTS[0]);
    await openStudy(page, '#/extensions/study?from=2000-01-01&to=2000-12-31');
    expect(await textOf(page, 'study-empty')).toContain('这段期间没有延长审限申请');
    await shot(page, 'study-empty-1024');
    await page.getByTestId('study-preset-year').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/extensions/study?from=2025-01-01&to=2025-06-30');
    await page.getByTestId('study-chart-reasons').waitFor({ timeout: 15_000 });
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
