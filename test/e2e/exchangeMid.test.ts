// End to end: 接收报送包 at an intermediate court: make its keys, import the age identity the basic court encrypted to,
// register the basic court's card after comparing digits, verify, import, import again, see the court in 各基层法院,
// and the alert for a court whose audit log was rewritten. The basic court's side is done by the command line.
// Every state photographed at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { textOf, VIEWPORTS } from '../helpers/e2e';
import { closeCourts, fits, into, MID_PASS, MID_NAME, ok, openCourts, openExchange, shot, type ExchangeCourts } from '../helpers/exchangeWindow';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { generateAgeIdentity } from '../../electron/core/exchange/crypto/age';

let c: ExchangeCourts;
let age: { identity: string; recipient: string };
let signingDigits = '';
let cardFile = '';
let packageFile = '';

beforeAll(async () => {
  c = await openCourts();
  age = await generateAgeIdentity();
  // The basic court, by the command line: its key, the recipient (the identity imported below), its card, a package.
  ok(c.atBasic(['keys', 'init']));
  ok(c.atBasic(['recipient', 'set', age.recipient, '--court-code', '辽04', '--court-name', MID_NAME]));
  signingDigits = (ok(c.atBasic(['--json', 'keys', 'show'])).json() as { signing: { digits: string } }).signing.digits;
  cardFile = path.join(c.work.dir, 'basic-card.txt');
  ok(c.atBasic(['keys', 'export-public', '--out', cardFile]));
  packageFile = ok(c.atBasic(['export', '--from', '2025-01-01', '--to', '2025-06-30', '--out-dir', c.stick])).out.trim();
}, 240_000);

afterAll(() => closeCourts(c));

describe('接收报送包 at an intermediate court', () => {
  it('makes its keys, imports the identity, registers the card, verifies and imports the package, lists the court (1024)', async () => {
    const vp = VIEWPORTS[0];
    const page = await openExchange(c, c.midHost, vp);
    try {
      expect(await page.getByTestId('exchange-page').getAttribute('data-level')).toBe('intermediate');
      await page.getByTestId('xc-courts-empty').waitFor();
      await fits(page);
      await shot(page, '11-mid-empty', vp.width);

      await page.getByTestId('xc-init-passphrase').fill(MID_PASS);
      await page.getByTestId('xc-init-passphrase2').fill(MID_PASS);
      await page.getByTestId('xc-init-submit').click();
      await page.getByTestId('xc-age-digits').waitFor({ timeout: 30_000 });

      // The identity the basic court encrypted to (the key backup): a bad paste first, said by its box.
      await page.locator('.xc-details summary').click();
      await page.getByTestId('xc-identity').fill('AGE-SECRET-KEY-1NOTAKEY');
      await page.getByTestId('xc-identity-passphrase').fill(MID_PASS);
      await page.getByTestId('xc-identity-submit').click();
      await page.getByTestId('xc-identity-error').waitFor({ timeout: 30_000 });
      expect(await textOf(page, 'xc-identity-error')).toContain('不是有效的 age 身份文件');
      await into(page, 'xc-identity-form');
      await shot(page, '12-mid-identity-error', vp.width);
      await page.getByTestId('xc-identity').fill(`# created: 2025-06-30\n# public key: ${age.recipient}\n${age.identity}\n`);
      await page.getByTestId('xc-identity-submit').click();
      await expect.poll(() => textOf(page, 'xc-age-recipient'), { timeout: 30_000 }).toBe(age.recipient);

      // The card: its digits first, the same the basic court's screen shows; then registered.
      await page.getByTestId('xc-card').fill(readFileSync(cardFile, 'utf8'));
      await page.getByTestId('xc-register-check').click();
      await page.getByTestId('xc-card-preview').waitFor();
      expect(await page.getByTestId('xc-card-preview-digits').getAttribute('aria-label')).toBe(`指纹 ${signingDigits}`);
      await into(page, 'xc-card-preview');
      await fits(page);
      await shot(page, '13-mid-card-digits', vp.width);
      await page.getByTestId('xc-register-confirm').click();
      await page.getByTestId('xc-register-done').waitFor({ timeout: 30_000 });
      await page.getByTestId('xc-sender').first().waitFor();
      expect(await textOf(page, 'xc-sender')).toContain('辽0421');

      // A path that is no package: the reason, nothing else.
      await page.getByTestId('xc-file').fill(path.join(c.stick, 'nothing.cdpkg'));
      await page.getByTestId('xc-verify').click();
      await page.getByTestId('xc-verdict').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('xc-verdict').getAttribute('data-ok')).toBe('0');
      expect(await page.getByTestId('xc-receive-submit').count()).toBe(0);
      await into(page, 'xc-verdict');
      await shot(page, '14-mid-verify-refused', vp.width);

      await page.getByTestId('xc-file').fill(packageFile);
      await page.getByTestId('xc-verify').click();
      await expect.poll(() => page.getByTestId('xc-verdict').getAttribute('data-ok'), { timeout: 30_000 }).toBe('1');
      const manifest = await textOf(page, 'xc-manifest');
      for (const s of ['辽0421', '第 1 号', '全量', '2025-01-01 至 2025-06-30', '案件 3', '不含']) expect(manifest).toContain(s);
      await into(page, 'xc-verdict');
      await fits(page);
      await shot(page, '15-mid-verified', vp.width);

      // A wrong passphrase: said by its box, nothing imported.
      await page.getByTestId('xc-receive-passphrase').fill('wrong-pass-123');
      await page.getByTestId('xc-receive-submit').click();
      await page.getByTestId('xc-receive-passphrase-error').waitFor({ timeout: 30_000 });
      expect(await textOf(page, 'xc-receive-passphrase-error')).toContain('口令错误');
      await page.getByTestId('xc-courts-empty').waitFor();
      await into(page, 'xc-receive-passphrase');
      await shot(page, '16-mid-wrong-passphrase', vp.width);

      await page.getByTestId('xc-receive-passphrase').fill(MID_PASS);
      await page.getByTestId('xc-receive-submit').click();
      await page.getByTestId('xc-received').waitFor({ timeout: 60_000 });
      expect(await textOf(page, 'xc-received-status')).toMatch(/^已导入：/);
      await page.getByTestId('xc-court').first().waitFor({ timeout: 15_000 });
      const row = await textOf(page, 'xc-court');
      for (const s of ['辽0421', '某某县人民法院', '2025-01-01 至 2025-06-30']) expect(row).toContain(s);
      expect(await textOf(page, 'xc-court-days')).toBe('0 天');
      await into(page, 'xc-courts');
      await fits(page);
      await shot(page, '17-mid-received', vp.width);

      // The same package again: verified as already imported, and importing it changes nothing.
      await page.getByTestId('xc-verify').click();
      await expect.poll(() => textOf(page, 'xc-verdict-text'), { timeout: 30_000 }).toContain('此报送包已导入过');
      await page.getByTestId('xc-receive-passphrase').fill(MID_PASS);
      await page.getByTestId('xc-receive-submit').click();
      await expect.poll(() => textOf(page, 'xc-received-status'), { timeout: 60_000 }).toMatch(/^已导入，无需重复导入/);
      expect(await page.getByTestId('xc-court').count()).toBe(1);
      await into(page, 'xc-received');
      await shot(page, '18-mid-again', vp.width);
    } finally {
      await page.close();
    }
  }, 180_000);

  it('shows the same page on a large screen (1920)', async () => {
    const vp = VIEWPORTS[1];
    const page = await openExchange(c, c.midHost, vp);
    try {
      await page.getByTestId('xc-court').first().waitFor({ timeout: 15_000 });
      await page.getByTestId('xc-sender').first().waitFor();
      await fits(page);
      await shot(page, '11-mid-keys', vp.width);
      await page.getByTestId('xc-file').fill(packageFile);
      await page.getByTestId('xc-verify').click();
      await expect.poll(() => page.getByTestId('xc-verdict').getAttribute('data-ok'), { timeout: 30_000 }).toBe('1');
      await into(page, 'xc-courts');
      await fits(page);
      await shot(page, '17-mid-received', vp.width);
    } finally {
      await page.close();
    }
    expect(c.pageErrors).toEqual([]);
  }, 60_000);

  it('flags a court whose audit log no longer meets the head held for it, at both sizes', async () => {
    // As the receive records a package whose digests do not carry the held head to the new one.
    const { db } = openDatabase(c.mid);
    try {
      db.prepare("UPDATE received_packages SET chain_status = 'rewritten', chain_message = '审计日志与上次报送时不能接续（前 12 条中有记录在报送后被改写或替换）' WHERE sequence = 1").run();
    } finally {
      closeDatabase(db);
    }
    for (const vp of VIEWPORTS) {
      const page = await openExchange(c, c.midHost, vp);
      try {
        await page.getByTestId('xc-court-alert').first().waitFor({ timeout: 15_000 });
        expect(await textOf(page, 'xc-court-alert')).toMatch(/^审计日志异常（序号 1）：审计日志与上次报送时不能接续/);
        await into(page, 'xc-courts');
        await fits(page);
        await shot(page, '19-mid-chain-alert', vp.width);
      } finally {
        await page.close();
      }
    }
    expect(c.pageErrors).toEqual([]);
  }, 60_000);
});
