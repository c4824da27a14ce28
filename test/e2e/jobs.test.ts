// End to end: a long job in the window. The holiday-roll switch on 200,000 cases shows its progress, can be
// cancelled leaving everything as it was, and while it runs another person's window keeps answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ADMIN, TESTER } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { prepareWork, seededCourt, signIn, tearDown, SHOTS } from '../helpers/e2e';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';

const TODAY = '2026-11-20';
let work: ReturnType<typeof tempDir>;
let browser: Browser;
let host: StartedHost;

beforeAll(async () => {
  work = prepareWork();
  const db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 200_000 });
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 180_000);

afterAll(() => tearDown({ browser, host, work }));

describe('a long job in the window', () => {
  it('shows its progress, cancels to nothing changed, and finishes when let run', async () => {
    const admin = await signIn(browser, host, ADMIN, { locale: null });
    const other = await signIn(browser, host, TESTER, { locale: null });
    await admin.getByTestId('nav-settings').click();
    await expect.poll(async () => (await admin.getByTestId('holiday-roll-state').textContent()) ?? '', { timeout: 15_000 }).toContain('未开启');

    // First the count of due dates that will change, itself a job with its progress (the switch, rolled back).
    await admin.getByTestId('holiday-roll-toggle').click();
    const progress = admin.getByTestId('job-progress');
    await expect.poll(async () => (await progress.textContent().catch(() => '')) ?? '', { timeout: 15_000 }).toMatch(/统计开启节假日顺延影响的案件：[\d,]+ \/ 200,000（\d+%）/);
    await admin.getByTestId('holiday-roll-confirm').waitFor({ timeout: 60_000 });
    expect(await admin.getByTestId('holiday-roll-confirm-count').textContent()).toMatch(/^开启后，将重新计算并改变 [\d,]+ 件案件的审限届满日/);
    await admin.getByTestId('holiday-roll-confirm-go').click();
    await progress.waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await progress.textContent()) ?? '', { timeout: 15_000 }).toMatch(/开启节假日顺延：[\d,]+ \/ 200,000（\d+%）/);
    await admin.getByTestId('holiday-roll-panel').scrollIntoViewIfNeeded();
    await admin.screenshot({ path: path.join(SHOTS, '31-job-progress-1024.png') });
    // Another person's window keeps answering while the job runs.
    await other.getByTestId('nav-deadlines').click();
    await expect.poll(async () => (await other.locator('main').textContent()) ?? '', { timeout: 5_000 }).toMatch(/\d/);
    await admin.getByTestId('job-cancel').click();
    await expect.poll(async () => (await admin.getByTestId('holiday-roll-message').textContent()) ?? '', { timeout: 30_000 }).toBe('已取消，数据库保持原样');
    await admin.screenshot({ path: path.join(SHOTS, '32-job-cancelled-1024.png') });
    expect(await admin.getByTestId('holiday-roll-state').textContent()).toContain('未开启');
    expect(await progress.count()).toBe(0);

    await admin.getByTestId('holiday-roll-toggle').click();
    await admin.getByTestId('holiday-roll-confirm-go').click({ timeout: 60_000 });
    await expect.poll(async () => (await admin.getByTestId('holiday-roll-message').textContent()) ?? '', { timeout: 60_000 }).toMatch(/^已开启节假日顺延，已重新计算 [\d,]+ 件案件的审限届满日。$/);
    expect(await admin.getByTestId('holiday-roll-state').textContent()).toContain('已开启');
    await admin.close();
    await other.close();
  }, 180_000);
});
