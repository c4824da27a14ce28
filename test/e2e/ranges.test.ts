// End to end: 设置 · 合理区间 — the statistician edits a range inline (refused in Chinese when wrong), restores the default and imports a file; a judge reads the table only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../helpers/tempDb';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import { demoPeople, prepareWork, seededCourt, signIn, tearDown, SHOTS, VIEWPORTS } from '../helpers/e2e';
import { cli } from '../helpers/cli';

const TODAY = '2026-11-23';
let work: ReturnType<typeof tempDir>;
let browser: Browser;
let host: StartedHost;
let db: string;

beforeAll(async () => {
  work = prepareWork();
  db = seededCourt(path.join(work.dir, 'court.sqlite'), { today: TODAY, cases: 60, seed: 3 });
  host = await startHost(['--db', db, '--today', TODAY]);
  browser = await launchBrowser();
}, 180_000);
afterAll(() => tearDown({ browser, host, work }));

const row = (p: Page, id: string) => p.locator(`[data-testid="range-row"][data-id="${id}"]`);

describe('设置 · 合理区间', () => {
  it('lets the statistician edit, restore and import, with Chinese messages; defaults marked 默认', async () => {
    const people = demoPeople(db);
    const p = await signIn(browser, host, people.only('statistician'), { at: '/settings/ranges' });
    try {
      await p.getByTestId('ranges-table').waitFor({ timeout: 15_000 });
      expect(await row(p, 'onTimeRate').textContent()).toContain('95.0%');
      expect(await row(p, 'onTimeRate').getByTestId('range-source').textContent()).toBe('默认');

      // A word in a box: refused in the window, naming the indicator and the bound; nothing saved.
      await row(p, 'onTimeRate').getByTestId('range-edit').click();
      await row(p, 'onTimeRate').getByTestId('range-low').fill('九十');
      await row(p, 'onTimeRate').getByTestId('range-save').click();
      expect(await p.getByTestId('range-error').textContent()).toBe('法定审限内结案率：下限“九十”不是数字（不设请留空）');
      await row(p, 'onTimeRate').getByTestId('range-low').fill('96');
      await row(p, 'onTimeRate').getByTestId('range-high').fill('90');
      await row(p, 'onTimeRate').getByTestId('range-save').click();
      expect(await p.getByTestId('range-error').textContent()).toBe('法定审限内结案率：下限 96 高于上限 90');
      for (const vp of VIEWPORTS) {
        await p.setViewportSize(vp);
        await p.screenshot({ path: path.join(SHOTS, `ranges-edit-error-${vp.width}.png`), fullPage: true });
      }
      await row(p, 'onTimeRate').getByTestId('range-high').fill('');
      await row(p, 'onTimeRate').getByTestId('range-low').fill('90');
      await row(p, 'onTimeRate').getByTestId('range-save').click();
      await expect.poll(() => p.getByTestId('ranges-message').textContent()).toBe('已设定 法定审限内结案率 的合理区间：≥ 90.0%');
      expect(await row(p, 'onTimeRate').getByTestId('range-source').textContent()).toBe('本院设定');
      const listed = cli(['--db', db, '--json', 'ranges', 'list'], { COURTDESK_USER: people.only('statistician').name, COURTDESK_PASSWORD: 'demo-statistician' });
      expect((listed.json() as Array<{ id: string; low: number }>).find((e) => e.id === 'onTimeRate')!.low).toBe(90);

      // A file with one bad entry: nothing imported, the entry named.
      const bad = path.join(work.dir, '中院-有误.json');
      writeFileSync(bad, JSON.stringify({ format: 'courtdesk-indicator-ranges', version: 1, ranges: { mediationRate: { low: 30 }, 好评率: { low: 1 } } }));
      await p.getByTestId('ranges-file').setInputFiles(bad);
      await expect.poll(() => p.getByTestId('ranges-message').textContent()).toContain('没有名为“好评率”的指标');
      expect(await row(p, 'mediationRate').getByTestId('range-source').textContent()).toBe('默认');
      const good = path.join(work.dir, '中院合理区间.json');
      writeFileSync(good, JSON.stringify({ format: 'courtdesk-indicator-ranges', version: 1, court: { code: '辽04', name: '抚顺市中级人民法院' }, issuedOn: '2026-11-01', ranges: { mediationRate: { low: 30, high: null }, avgDuration: { low: null, high: 90 } } }));
      await p.getByTestId('ranges-file').setInputFiles(good);
      await expect.poll(() => p.getByTestId('ranges-message').textContent()).toContain('已从“中院合理区间.json”导入 2 项指标的合理区间（抚顺市中级人民法院（辽04），2026-11-01 下发）');
      expect(await row(p, 'avgDuration').textContent()).toContain('90 天');
      expect(await row(p, 'avgDuration').getByTestId('range-source').textContent()).toBe('中院下发');
      for (const vp of VIEWPORTS) {
        await p.setViewportSize(vp);
        await p.screenshot({ path: path.join(SHOTS, `ranges-statistician-${vp.width}.png`), fullPage: true });
      }

      await row(p, 'onTimeRate').getByTestId('range-reset').click();
      await expect.poll(() => p.getByTestId('ranges-message').textContent()).toBe('法定审限内结案率 已恢复默认：≥ 95.0%');
      expect(await row(p, 'onTimeRate').getByTestId('range-source').textContent()).toBe('默认');
    } finally {
      await p.close();
    }
  });

  it('shows a judge the ranges read-only', async () => {
    const p = await signIn(browser, host, demoPeople(db).only('judge'), { at: '/settings/ranges' });
    try {
      await p.getByTestId('ranges-table').waitFor({ timeout: 15_000 });
      expect(await p.getByTestId('range-edit').count()).toBe(0);
      expect(await p.getByTestId('ranges-import').count()).toBe(0);
      expect(await p.getByTestId('ranges-panel').textContent()).toContain('由审管办在此设定');
      for (const vp of VIEWPORTS) {
        await p.setViewportSize(vp);
        await p.screenshot({ path: path.join(SHOTS, `ranges-judge-${vp.width}.png`), fullPage: true });
      }
    } finally {
      await p.close();
    }
  });
});
