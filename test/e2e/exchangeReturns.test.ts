// End to end: 中院回执 through the window. The basic court sets up its recipient in the window alone: by hand first,
// with a wrong signing key (its own refused by the box, another accepted), so the intermediate court's return file
// (made in its window) is refused as not signed by it; then from the intermediate court's key card (a changed card
// and a basic court's card refused; both fingerprints shown equal to the intermediate court's own screen), after which
// the return is imported and its receipt shown; the pasted card at 1920. Every state at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { textOf, VIEWPORTS } from '../helpers/e2e';
import { closeCourts, fits, into, MID_NAME, MID_PASS, ok, openCourts, openExchange, shot, type ExchangeCourts } from '../helpers/exchangeWindow';
import { generateMinisignKey, minisignPublicKeyLine } from '../../electron/core/exchange/crypto/minisign';

let c: ExchangeCourts;
let midCard = '';
let basicCard = '';
let mid: { age: { publicKey: string; digits: string; fingerprint: string }; signing: { publicKey: string; digits: string; fingerprint: string } };
let ownSigningKey = '';

beforeAll(async () => {
  c = await openCourts();
  // Both courts' keys and cards, the basic court registered at the intermediate one: the command line's part.
  ok(c.atMid(['keys', 'init']));
  midCard = path.join(c.work.dir, '辽04-公钥卡.txt');
  ok(c.atMid(['keys', 'export-public', '--out', midCard]));
  mid = ok(c.atMid(['--json', 'keys', 'show'])).json() as typeof mid;
  ok(c.atBasic(['keys', 'init']));
  ownSigningKey = (ok(c.atBasic(['--json', 'keys', 'show'])).json() as { signing: { publicKey: string } }).signing.publicKey;
  basicCard = path.join(c.work.dir, '辽0421-公钥卡.txt');
  ok(c.atBasic(['keys', 'export-public', '--out', basicCard]));
  ok(c.atMid(['register', basicCard]));
  // A range the intermediate court sets itself, so that the basic court's ranges visibly come from it.
  ok(c.atMid(['ranges', 'set', 'onTimeRate', '--low', '91']));
}, 240_000);

afterAll(() => closeCourts(c));

const rangesOf = () => ok(c.atBasic(['--json', 'ranges', 'list'])).json() as Array<{ id: string; low: number | null; source: { kind: string } }>;

async function importReturn(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await into(page, 'xc-return-import');
  await page.getByTestId('xc-return-file').setInputFiles(file);
  await page.getByTestId('xc-return-import-submit').click();
}

let returnFile = '';
let tampered = '';

describe('中院回执 through the window', () => {
  it('the basic court types in the recipient with a wrong signing key; its package is received; the intermediate court makes a return (both sizes)', async () => {
    const page = await openExchange(c, c.basicHost, VIEWPORTS[0]);
    try {
      // Before any recipient a return cannot be checked; a file over 64 KiB is refused before it is read.
      await page.getByTestId('xc-return-no-key').waitFor({ timeout: 15_000 });
      await importReturn(page, { name: '大文件.cdret', mimeType: 'text/plain', buffer: Buffer.alloc(300_000, 'a') });
      expect(await textOf(page, 'xc-return-file-error')).toBe('“大文件.cdret”大于 288 KiB，不是中院回执');

      await page.locator('[data-testid="xc-recipient-manual"] summary').click();
      await page.getByTestId('xc-recipient').fill(mid.age.publicKey);
      await page.getByTestId('xc-recipient-code').fill('辽04');
      await page.getByTestId('xc-recipient-name').fill(MID_NAME);
      // This court's own key, copied from its own screen: refused by the signing key's box, nothing recorded.
      await page.getByTestId('xc-recipient-signing').fill(ownSigningKey);
      await page.getByTestId('xc-recipient-submit').click();
      await expect.poll(() => textOf(page, 'xc-recipient-signing-error'), { timeout: 15_000 }).toContain('这是本院自己的签名公钥');
      await into(page, 'xc-recipient-form');
      await fits(page);
      await shot(page, '23-basic-recipient-own-key', 1024);
      // Some other key (an old card's): accepted, and its fingerprint is not the intermediate court's.
      await page.getByTestId('xc-recipient-signing').fill(minisignPublicKeyLine(generateMinisignKey()));
      await page.getByTestId('xc-recipient-submit').click();
      await page.getByTestId('xc-recipient-sign-digits').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('xc-recipient-sign-digits').getAttribute('aria-label')).not.toBe(`指纹 ${mid.signing.digits}`);
      expect(await page.getByTestId('xc-recipient-age-digits').getAttribute('aria-label')).toBe(`指纹 ${mid.age.digits}`);
      expect((await textOf(page, 'xc-recipient-age-hex')).replaceAll(' ', '')).toBe(mid.age.fingerprint);
      expect(await page.getByTestId('xc-return-no-key').count()).toBe(0);
    } finally {
      await page.close();
    }
    // The package goes by the command line; the intermediate court receives it.
    const pkg = ok(c.atBasic(['export', '--from', '2025-01-01', '--to', '2025-06-30', '--out-dir', c.stick])).out.trim();
    ok(c.atMid(['receive', pkg]));

    for (const vp of VIEWPORTS) {
      const midPage = await openExchange(c, c.midHost, vp);
      try {
        await into(midPage, 'xc-return-make');
        await midPage.getByTestId('xc-return-passphrase').fill('wrong-pass-123');
        await midPage.getByTestId('xc-return-make-submit').click();
        await expect.poll(() => textOf(midPage, 'xc-return-passphrase-error'), { timeout: 30_000 }).toContain('口令');
        await midPage.getByTestId('xc-return-passphrase').fill(MID_PASS);
        const [download] = await Promise.all([midPage.waitForEvent('download', { timeout: 30_000 }), midPage.getByTestId('xc-return-make-submit').click()]);
        returnFile = path.join(c.stick, download.suggestedFilename());
        await download.saveAs(returnFile);
        expect(returnFile.endsWith('.cdret')).toBe(true);
        expect(await textOf(midPage, 'xc-return-made')).toContain('确认收到该院第 1 号报送包');
        // The intermediate court's own screen shows its signing key's fingerprint, as the basic court will compare it.
        expect((await textOf(midPage, 'xc-mid-signing-hex')).replaceAll(' ', '')).toBe(mid.signing.fingerprint);
        await into(midPage, 'xc-return-made');
        await fits(midPage);
        await shot(midPage, '20-mid-return-made', vp.width);
      } finally {
        await midPage.close();
      }
    }
    const text = readFileSync(returnFile, 'utf8');
    tampered = path.join(c.stick, 'tampered.cdret');
    expect(text).toMatch(/"low": 91\b/);
    writeFileSync(tampered, text.replace(/"low": 91\b/, '"low": 51'));
    expect(c.pageErrors).toEqual([]);
  }, 180_000);

  it('refuses the return under the wrong key, then takes the key card (file) and imports it (1024)', async () => {
    const page = await openExchange(c, c.basicHost, VIEWPORTS[0]);
    try {
      await importReturn(page, returnFile);
      await expect.poll(() => textOf(page, 'xc-return-file-error'), { timeout: 30_000 }).toContain('未导入，本院数据没有改变：签名无效');
      expect(rangesOf().some((e) => e.source.kind === 'higherCourt')).toBe(false);
      await into(page, 'xc-return-import');
      await shot(page, '21-basic-return-wrong-key', 1024);

      // 重新设置接收方 from the card: a changed card and the basic court's own card refused, by the file's box.
      await page.locator('[data-testid="xc-recipient-again"] > summary').click();
      const form = page.getByTestId('xc-recipient-again');
      const changed = { name: '改过的公钥卡.txt', mimeType: 'text/plain', buffer: Buffer.from(readFileSync(midCard, 'utf8').replace(MID_NAME, '别的市中级人民法院')) };
      for (const [file, message] of [[changed, '公钥卡签名无效'], [basicCard, '基层法院的公钥卡，不是中院的']] as const) {
        await form.getByTestId('xc-rcard-file').setInputFiles(file);
        await form.getByTestId('xc-rcard-read').click();
        await expect.poll(() => textOf(page, 'xc-rcard-error'), { timeout: 15_000 }).toContain(message);
      }
      await form.getByTestId('xc-rcard-file').setInputFiles(midCard);
      await form.getByTestId('xc-rcard-read').click();
      await form.getByTestId('xc-rcard-preview').waitFor({ timeout: 15_000 });
      // Both fingerprints, digits and hex, exactly as the intermediate court's own screen shows them.
      expect(await form.getByTestId('xc-rcard-age-digits').getAttribute('aria-label')).toBe(`指纹 ${mid.age.digits}`);
      expect(await form.getByTestId('xc-rcard-signing-digits').getAttribute('aria-label')).toBe(`指纹 ${mid.signing.digits}`);
      expect((await textOf(page, 'xc-rcard-age-hex')).replaceAll(' ', '')).toBe(mid.age.fingerprint);
      expect((await textOf(page, 'xc-rcard-signing-hex')).replaceAll(' ', '')).toBe(mid.signing.fingerprint);
      expect(await textOf(page, 'xc-rcard-preview')).toContain(`${MID_NAME}（辽04）的公钥卡，2025-06-30 导出，签名有效`);
      await into(page, 'xc-rcard-preview');
      await fits(page);
      await shot(page, '24-basic-card-digits', 1024);
      await form.getByTestId('xc-rcard-confirm').click();
      await expect.poll(() => page.getByTestId('xc-recipient-sign-digits').getAttribute('aria-label'), { timeout: 15_000 }).toBe(`指纹 ${mid.signing.digits}`);
      expect(await page.getByTestId('xc-recipient-again').getAttribute('open')).toBeNull();
      await into(page, 'xc-recipient-state');
      await fits(page);
      await shot(page, '25-basic-recipient-from-card', 1024);

      await importReturn(page, tampered);
      await expect.poll(() => textOf(page, 'xc-return-file-error'), { timeout: 30_000 }).toContain('未导入，本院数据没有改变：签名无效');
      await into(page, 'xc-return-import');
      await shot(page, '21-basic-return-refused', 1024);
      expect(rangesOf().some((e) => e.source.kind === 'higherCourt')).toBe(false);

      await importReturn(page, returnFile);
      await expect.poll(() => textOf(page, 'xc-return-status'), { timeout: 30_000 }).toMatch(/^已导入：来自 辽宁省某某市中级人民法院（辽04）/);
      const facts = await textOf(page, 'xc-return-facts');
      for (const s of ['中院已收到第 1 号', '下一个报送包第 2 号']) expect(facts).toContain(s);
      await into(page, 'xc-return-imported');
      await fits(page);
      await shot(page, '22-basic-return-imported', 1024);
      const onTime = rangesOf().find((e) => e.id === 'onTimeRate')!;
      expect(onTime.low).toBe(91);
      expect(onTime.source.kind).toBe('higherCourt');

      await importReturn(page, returnFile);
      await expect.poll(() => textOf(page, 'xc-return-status'), { timeout: 30_000 }).toMatch(/^已导入，无需重复导入/);
    } finally {
      await page.close();
    }
    expect(c.pageErrors).toEqual([]);
  }, 180_000);

  it('the pasted card sets the same recipient again, and the return is already imported (1920)', async () => {
    const page = await openExchange(c, c.basicHost, VIEWPORTS[1]);
    try {
      await page.locator('[data-testid="xc-recipient-again"] > summary').click();
      const form = page.getByTestId('xc-recipient-again');
      await form.getByTestId('xc-rcard-read').click();
      expect(await textOf(page, 'xc-rcard-error')).toBe('请选择中院的公钥卡文件，或把公钥卡全文粘贴到下面的框里');
      await form.getByTestId('xc-rcard-text').fill(readFileSync(midCard, 'utf8'));
      await form.getByTestId('xc-rcard-read').click();
      await form.getByTestId('xc-rcard-preview').waitFor({ timeout: 15_000 });
      expect(await form.getByTestId('xc-rcard-signing-digits').getAttribute('aria-label')).toBe(`指纹 ${mid.signing.digits}`);
      await into(page, 'xc-rcard-preview');
      await fits(page);
      await shot(page, '24-basic-card-digits', 1920);
      await form.getByTestId('xc-rcard-confirm').click();
      await expect.poll(() => page.getByTestId('xc-recipient-again').getAttribute('open'), { timeout: 15_000 }).toBeNull();
      await importReturn(page, returnFile);
      await expect.poll(() => textOf(page, 'xc-return-status'), { timeout: 30_000 }).toMatch(/^已导入，无需重复导入/);
      await into(page, 'xc-return-import');
      await fits(page);
      await shot(page, '22-basic-return-imported', 1920);
      await into(page, 'xc-recipient-state');
      await shot(page, '25-basic-recipient-from-card', 1920);
    } finally {
      await page.close();
    }
    expect(c.pageErrors).toEqual([]);
  }, 120_000);
});
