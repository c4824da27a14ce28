// End to end: 报送中院 at a basic court: make the signing key, set the intermediate court as recipient by hand, download
// the key card, 报送前检查, write a package to a folder and see it listed, re-write it, an incremental one; and what a
// president and an administrator see. Every state photographed at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN } from '../helpers/cli';
import { textOf, VIEWPORTS } from '../helpers/e2e';
import { BASIC_PASS, closeCourts, fits, into, MID_NAME, openCourts, openExchange, shot, type ExchangeCourts } from '../helpers/exchangeWindow';
import { generateAgeIdentity } from '../../electron/core/exchange/crypto/age';

let c: ExchangeCourts;
let age: { identity: string; recipient: string };
let signingDigits = '';
let cardFile = '';
let packageFile = '';

beforeAll(async () => {
  c = await openCourts();
  age = await generateAgeIdentity();
}, 240_000);

afterAll(() => closeCourts(c));

describe('报送中院 at a basic court', () => {
  it('makes the key, sets the recipient, downloads the card, checks, writes a package and lists it (1024)', async () => {
    const vp = VIEWPORTS[0];
    const page = await openExchange(c, c.basicHost, vp);
    try {
      expect(await page.getByTestId('exchange-page').getAttribute('data-level')).toBe('basic');
      await page.getByTestId('xc-past-empty').waitFor();
      // 增量 waits for a first package.
      expect(await page.getByTestId('xc-incremental').isDisabled()).toBe(true);
      expect(await page.getByTestId('xc-party-names').isChecked()).toBe(false);
      await fits(page);
      await shot(page, '01-basic-empty', vp.width);

      // Two passphrases that differ: said by the second box; nothing made.
      await page.getByTestId('xc-init-passphrase').fill(BASIC_PASS);
      await page.getByTestId('xc-init-passphrase2').fill('another-pass-2');
      await page.getByTestId('xc-init-submit').click();
      expect(await textOf(page, 'xc-init-passphrase2-error')).toBe('两次输入的口令不一致');
      await page.getByTestId('xc-init-passphrase2').fill(BASIC_PASS);
      await page.getByTestId('xc-init-submit').click();
      await page.getByTestId('xc-signing-digits').waitFor({ timeout: 30_000 });
      signingDigits = (await page.getByTestId('xc-signing-digits').getAttribute('aria-label'))!.replace('指纹 ', '');
      expect(signingDigits).toMatch(/^\d{5}( \d{5}){5}$/);

      // Typed in by hand (no card file at hand): a recipient mistyped by one character, the checksum message by the
      // box; then the right one. Without the signing key the panel says return files cannot be checked.
      await page.locator('[data-testid="xc-recipient-manual"] summary').click();
      const typo = age.recipient.slice(0, 20) + (age.recipient[20] === 'q' ? 'p' : 'q') + age.recipient.slice(21);
      await page.getByTestId('xc-recipient').fill(typo);
      await page.getByTestId('xc-recipient-code').fill('辽04');
      await page.getByTestId('xc-recipient-name').fill(MID_NAME);
      await page.getByTestId('xc-recipient-submit').click();
      await page.getByTestId('xc-recipient-error').waitFor();
      expect(await textOf(page, 'xc-recipient-error')).toContain('抄错');
      await into(page, 'xc-recipient-form');
      await shot(page, '02-basic-recipient-typo', vp.width);
      await page.getByTestId('xc-recipient').fill(age.recipient);
      await page.getByTestId('xc-recipient-submit').click();
      await page.getByTestId('xc-recipient-age-digits').waitFor();
      expect(await textOf(page, 'xc-recipient-state')).toContain(MID_NAME);
      expect(await textOf(page, 'xc-recipient-nosign')).toContain('中院回执无法核验');

      // The card: a download of its text.
      await page.getByTestId('xc-card-passphrase').fill(BASIC_PASS);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('xc-card-submit').click()]);
      expect(download.suggestedFilename()).toBe('辽0421-公钥卡.txt');
      cardFile = path.join(c.work.dir, 'basic-card.txt');
      await download.saveAs(cardFile);
      expect(readFileSync(cardFile, 'utf8')).toContain('court-code: 辽0421');
      await page.getByTestId('xc-card-done').waitFor();
      expect(await textOf(page, 'xc-card-done')).toContain(signingDigits);
      await page.getByTestId('xc-basic-keys').scrollIntoViewIfNeeded();
      await fits(page);
      await shot(page, '03-basic-keys-ready', vp.width);

      // 报送前检查: what goes, and the suspension open since November; the case number opens the case.
      await page.getByTestId('xc-preflight-run').click();
      await page.getByTestId('xc-preflight').waitFor({ timeout: 30_000 });
      expect(await textOf(page, 'xc-preflight-counts')).toContain('案件 3');
      expect(await page.getByTestId('xc-issue').count()).toBe(1);
      expect(await textOf(page, 'xc-issue')).toContain('中止自 2024-11-01 起已超过 6 个月仍未恢复');
      await into(page, 'xc-preflight');
      await fits(page);
      await shot(page, '04-basic-preflight', vp.width);

      // No folder: said by the folder's box. A folder that does not exist: the core's message by the same box.
      await page.getByTestId('xc-export-submit').click();
      expect(await textOf(page, 'xc-outdir-error')).toContain('完整路径');
      await page.getByTestId('xc-outdir').fill(path.join(c.work.dir, 'no-such-stick'));
      await page.getByTestId('xc-passphrase').fill(BASIC_PASS);
      await page.getByTestId('xc-export-submit').click();
      await page.getByTestId('xc-outdir-error').waitFor({ timeout: 30_000 });
      expect(await textOf(page, 'xc-outdir-error')).not.toBe('');
      expect(readdirSync(c.stick)).toEqual([]);
      await into(page, 'xc-outdir');
      await shot(page, '05-basic-export-error', vp.width);

      await page.getByTestId('xc-outdir').fill(c.stick);
      await page.getByTestId('xc-passphrase').fill(BASIC_PASS);
      await page.getByTestId('xc-export-submit').click();
      await page.getByTestId('xc-written').waitFor({ timeout: 60_000 });
      packageFile = (await textOf(page, 'xc-written-file')).trim();
      expect(packageFile).toBe(path.join(c.stick, '辽0421-20250101-20250630-000001.cdpkg'));
      expect(existsSync(packageFile)).toBe(true);
      expect(await textOf(page, 'xc-written-sequence')).toBe('第 1 号');
      await page.getByTestId('xc-past-row').first().waitFor();
      expect(await page.getByTestId('xc-past-row').count()).toBe(1);
      expect(await textOf(page, 'xc-past-row')).toContain('辽0421-20250101-20250630-000001.cdpkg');
      // 增量 is now open.
      expect(await page.getByTestId('xc-incremental').isDisabled()).toBe(false);
      await into(page, 'xc-written');
      await fits(page);
      await shot(page, '06-basic-written', vp.width);

      // 重新写出: the same bytes into another folder.
      const again = path.join(c.work.dir, 'usb2');
      mkdirSync(again);
      await page.getByTestId('xc-rewrite-dir').fill(again);
      await page.getByTestId('xc-rewrite').first().click();
      await page.getByTestId('xc-rewritten').waitFor({ timeout: 30_000 });
      expect(readFileSync(path.join(again, path.basename(packageFile)))).toEqual(readFileSync(packageFile));
      await into(page, 'xc-rewritten');
      await shot(page, '07-basic-rewritten', vp.width);

      // 增量 after the first: based on it, listed above it.
      await page.getByTestId('xc-incremental').check();
      await page.getByTestId('xc-passphrase').fill(BASIC_PASS);
      await page.getByTestId('xc-export-submit').click();
      await expect.poll(() => textOf(page, 'xc-written-sequence'), { timeout: 60_000 }).toBe('第 2 号');
      await expect.poll(() => page.getByTestId('xc-past-row').count()).toBe(2);
      expect(await page.getByTestId('xc-past-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-sequence')))).toEqual(['2', '1']);
      expect(await page.getByTestId('xc-past-row').first().textContent()).toContain('增量（基于第 1 号）');
    } finally {
      await page.close();
    }
  }, 180_000);

  it('shows the same page on a large screen (1920)', async () => {
    const vp = VIEWPORTS[1];
    const page = await openExchange(c, c.basicHost, vp);
    try {
      await page.getByTestId('xc-past-row').first().waitFor();
      await page.getByTestId('xc-signing-digits').waitFor();
      await fits(page);
      await shot(page, '03-basic-keys-ready', vp.width);
      await page.getByTestId('xc-preflight-run').click();
      await page.getByTestId('xc-preflight').waitFor({ timeout: 30_000 });
      await into(page, 'xc-past');
      await fits(page);
      await shot(page, '06-basic-written', vp.width);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('报送中院 by role', () => {
  it.each(VIEWPORTS)('a president sends and sees the packages, and is told who keeps the keys ($width)', async (vp) => {
    const page = await openExchange(c, c.basicHost, vp, c.president);
    try {
      await page.getByTestId('xc-past-row').first().waitFor();
      expect(await textOf(page, 'xc-keys-elsewhere')).toContain('审管办或系统管理员');
      expect(await page.getByTestId('xc-basic-keys').count()).toBe(0);
      await fits(page);
      await shot(page, '08-basic-president', vp.width);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('the administrator manages the keys only: no package form, no list', async () => {
    const page = await openExchange(c, c.basicHost, VIEWPORTS[0], ADMIN);
    try {
      await page.getByTestId('xc-signing-digits').waitFor();
      expect(await page.getByTestId('xc-export').count()).toBe(0);
      expect(await page.getByTestId('xc-past').count()).toBe(0);
      await shot(page, '09-basic-admin', VIEWPORTS[0].width);
    } finally {
      await page.close();
    }
  }, 60_000);
});
