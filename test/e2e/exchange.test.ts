// End to end: 报送中院 at a basic court (make the signing key, set the intermediate court as recipient, download the
// key card, 报送前检查, write a package to a folder and see it listed) and 接收报送包 at an intermediate court (make its
// keys, import the age identity, register the basic court's card after comparing digits, verify, import, import again,
// see the court in 各基层法院); every state photographed at 1024×768 and 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, cli, initDb, TESTER, type CliResult } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { prepareWork, signIn, tearDown, textOf, VIEWPORTS, SHOTS } from '../helpers/e2e';
import { launchBrowser, startHost, type StartedHost } from '../helpers/host';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { CaseStore } from '../../electron/core/cases/caseStore';
import { generateAgeIdentity } from '../../electron/core/exchange/crypto/age';

const TODAY = '2025-06-30';
const BASIC_PASS = 'basic-key-pass-1';
const MID_PASS = 'mid-key-pass-1';
const MID_NAME = '辽宁省某某市中级人民法院';

let work: ReturnType<typeof tempDir>;
let basic: string;
let mid: string;
let stick: string;
let basicHost: StartedHost;
let midHost: StartedHost;
let browser: Browser;
let age: { identity: string; recipient: string };
/** A president: sends and receives, but holds no exchange.keys. */
const PRESIDENT = { name: '院长甲', password: '' };
const pageErrors: string[] = [];

beforeAll(async () => {
  work = prepareWork();
  basic = path.join(work.dir, 'basic.sqlite');
  mid = path.join(work.dir, 'mid.sqlite');
  stick = path.join(work.dir, 'usb');
  mkdirSync(stick);
  initDb(basic);
  initDb(mid, { code: '辽04', name: MID_NAME });
  const csv = path.join(work.dir, 'c.csv');
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式,原告,被告',
    '（2025）辽0421民初1号,民间借贷纠纷,普通程序,2025-03-10,民一庭,王法官,2025-05-18,判决,张三,李四',
    '（2025）辽0421民初2号,买卖合同纠纷,普通程序,2025-04-17,民一庭,王法官,,,王五,赵六',
    '（2024）辽0421民初9号,买卖合同纠纷,普通程序,2024-10-08,民二庭,周法官,,,钱七,孙八',
  ].join('\n'));
  const imp = cli(['--db', basic, '--today', TODAY, 'import', '--create-missing', csv]);
  expect(imp.code, imp.err).toBe(0);
  // A suspension left open for months: the pre-flight names it.
  const { db } = openDatabase(basic);
  try {
    new CaseStore(db).addEvent('（2024）辽0421民初9号', '中止', '2024-11-01', null, null, { actor: 'tester', today: TODAY });
  } finally {
    closeDatabase(db);
  }
  const added: CliResult = cli(['--db', basic, '--json', 'user', 'add', PRESIDENT.name, '--role', 'president'], { COURTDESK_USER: ADMIN.name, COURTDESK_PASSWORD: ADMIN.password });
  expect(added.code, added.err).toBe(0);
  const temporary = (added.json() as { temporaryPassword: string }).temporaryPassword;
  PRESIDENT.password = `${temporary}-mine`;
  const own = cli(['--db', basic, 'password'], { COURTDESK_USER: PRESIDENT.name, COURTDESK_PASSWORD: temporary, COURTDESK_NEW_PASSWORD: PRESIDENT.password });
  expect(own.code, own.err).toBe(0);
  age = await generateAgeIdentity();
  basicHost = await startHost(['--db', basic, '--today', TODAY]);
  midHost = await startHost(['--db', mid, '--today', TODAY]);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await midHost?.stop();
  await tearDown({ browser, host: basicHost, work });
});

const shot = (page: Page, name: string, width: number) => page.screenshot({ path: path.join(SHOTS, `150-exchange-${name}-${width}.png`) });

async function openExchange(host: StartedHost, width: (typeof VIEWPORTS)[number], person: { name: string; password: string } = TESTER): Promise<Page> {
  const page = await signIn(browser, host, person, { viewport: width, acceptDownloads: true, pageErrors, at: '/exchange' });
  // The page says its court's level once app.info has answered.
  await page.locator('[data-testid="exchange-page"][data-level]').waitFor({ timeout: 15_000 });
  return page;
}

/** Nothing sticks out sideways: neither the window nor the page's own scroller. */
async function fits(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await page.getByTestId('exchange-page').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
}

async function into(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).first().scrollIntoViewIfNeeded();
}

let signingDigits = '';
let cardFile = '';
let packageFile = '';

describe('报送中院 at a basic court', () => {
  it('makes the key, sets the recipient, downloads the card, checks, writes a package and lists it (1024)', async () => {
    const vp = VIEWPORTS[0];
    const page = await openExchange(basicHost, vp);
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

      // A recipient mistyped by one character: the checksum message by the box; then the right one.
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
      await page.getByTestId('xc-recipient-digits').waitFor();
      expect(await textOf(page, 'xc-recipient-state')).toContain(MID_NAME);

      // The card: a download of its text.
      await page.getByTestId('xc-card-passphrase').fill(BASIC_PASS);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('xc-card-submit').click()]);
      expect(download.suggestedFilename()).toBe('辽0421-公钥卡.txt');
      cardFile = path.join(work.dir, 'basic-card.txt');
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
      await page.getByTestId('xc-outdir').fill(path.join(work.dir, 'no-such-stick'));
      await page.getByTestId('xc-passphrase').fill(BASIC_PASS);
      await page.getByTestId('xc-export-submit').click();
      await page.getByTestId('xc-outdir-error').waitFor({ timeout: 30_000 });
      expect(await textOf(page, 'xc-outdir-error')).not.toBe('');
      expect(readdirSync(stick)).toEqual([]);
      await into(page, 'xc-outdir');
      await shot(page, '05-basic-export-error', vp.width);

      await page.getByTestId('xc-outdir').fill(stick);
      await page.getByTestId('xc-passphrase').fill(BASIC_PASS);
      await page.getByTestId('xc-export-submit').click();
      await page.getByTestId('xc-written').waitFor({ timeout: 60_000 });
      packageFile = (await textOf(page, 'xc-written-file')).trim();
      expect(packageFile).toBe(path.join(stick, '辽0421-20250101-20250630-000001.cdpkg'));
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
      const again = path.join(work.dir, 'usb2');
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
    const page = await openExchange(basicHost, vp);
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
    const page = await openExchange(basicHost, vp, PRESIDENT);
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
    const page = await openExchange(basicHost, VIEWPORTS[0], ADMIN);
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

describe('接收报送包 at an intermediate court', () => {
  it('makes its keys, imports the identity, registers the card, verifies and imports the package, lists the court (1024)', async () => {
    const vp = VIEWPORTS[0];
    const page = await openExchange(midHost, vp);
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
      await page.getByTestId('xc-file').fill(path.join(stick, 'nothing.cdpkg'));
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
    const page = await openExchange(midHost, vp);
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
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('flags a court whose audit log no longer meets the head held for it, at both sizes', async () => {
    // As the receive records a package whose digests do not carry the held head to the new one.
    const { db } = openDatabase(mid);
    try {
      db.prepare("UPDATE received_packages SET chain_status = 'rewritten', chain_message = '审计日志与上次报送时不能接续（前 12 条中有记录在报送后被改写或替换）' WHERE sequence = 1").run();
    } finally {
      closeDatabase(db);
    }
    for (const vp of VIEWPORTS) {
      const page = await openExchange(midHost, vp);
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
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

describe('中院回执 through the window', () => {
  it('the intermediate court makes a return, the basic court refuses a tampered copy and imports the real one (both sizes)', async () => {
    // A range the intermediate court sets itself, so that the basic court's ranges visibly come from it.
    const set = cli(['--db', mid, 'ranges', 'set', 'onTimeRate', '--low', '91']);
    expect(set.code, set.err).toBe(0);
    let returnFile = '';
    for (const vp of VIEWPORTS) {
      const page = await openExchange(midHost, vp);
      try {
        await into(page, 'xc-return-make');
        await page.getByTestId('xc-return-passphrase').fill('wrong-pass-123');
        await page.getByTestId('xc-return-make-submit').click();
        await expect.poll(() => textOf(page, 'xc-return-passphrase-error'), { timeout: 30_000 }).toContain('口令');
        await page.getByTestId('xc-return-passphrase').fill(MID_PASS);
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('xc-return-make-submit').click()]);
        returnFile = path.join(stick, download.suggestedFilename());
        await download.saveAs(returnFile);
        expect(returnFile.endsWith('.cdret')).toBe(true);
        expect(await textOf(page, 'xc-return-made')).toContain('确认收到该院第 1 号报送包');
        await into(page, 'xc-return-made');
        await fits(page);
        await shot(page, '20-mid-return-made', vp.width);
      } finally {
        await page.close();
      }
    }
    const text = readFileSync(returnFile, 'utf8');
    const tampered = path.join(stick, 'tampered.cdret');
    expect(text).toMatch(/"low": 91\b/);
    writeFileSync(tampered, text.replace(/"low": 91\b/, '"low": 51'));

    // Before the intermediate court's signing key is recorded the panel says a return cannot be checked; a file over
    // 64 KiB is refused before it is read.
    const early = await openExchange(basicHost, VIEWPORTS[0]);
    try {
      await early.getByTestId('xc-return-no-key').waitFor({ timeout: 15_000 });
      await early.getByTestId('xc-return-file').setInputFiles({ name: '大文件.cdret', mimeType: 'text/plain', buffer: Buffer.alloc(300_000, 'a') });
      await early.getByTestId('xc-return-import-submit').click();
      expect(await textOf(early, 'xc-return-file-error')).toBe('“大文件.cdret”大于 288 KiB，不是中院回执');
    } finally {
      await early.close();
    }
    // The window's 设置接收方 takes no signing key: the basic court records the intermediate court's one from its card.
    const midKeys = cli(['--db', mid, '--json', 'keys', 'show']).json() as { signing: { publicKey: string }; age: { publicKey: string } };
    const rcp = cli(['--db', basic, 'recipient', 'set', midKeys.age.publicKey, '--court-code', '辽04', '--court-name', MID_NAME, '--signing-key', midKeys.signing.publicKey]);
    expect(rcp.code, rcp.err).toBe(0);
    const page = await openExchange(basicHost, VIEWPORTS[0]);
    try {
      await into(page, 'xc-return-import');
      expect(await page.getByTestId('xc-return-no-key').count()).toBe(0);
      await page.getByTestId('xc-return-file').setInputFiles(tampered);
      await page.getByTestId('xc-return-import-submit').click();
      await expect.poll(() => textOf(page, 'xc-return-file-error'), { timeout: 30_000 }).toContain('未导入，本院数据没有改变：签名无效');
      await into(page, 'xc-return-import');
      await shot(page, '21-basic-return-refused', 1024);
      const before = cli(['--db', basic, '--json', 'ranges', 'list']).json() as Array<{ id: string; source: { kind: string } }>;
      expect(before.some((e) => e.source.kind === 'higherCourt')).toBe(false);

      await page.getByTestId('xc-return-file').setInputFiles(returnFile);
      await page.getByTestId('xc-return-import-submit').click();
      await expect.poll(() => textOf(page, 'xc-return-status'), { timeout: 30_000 }).toMatch(/^已导入：来自 辽宁省某某市中级人民法院（辽04）/);
      const facts = await textOf(page, 'xc-return-facts');
      // The basic court wrote two packages above (one per screen size); the intermediate court imported the first.
      for (const s of ['中院已收到第 1 号', '下一个报送包第 3 号']) expect(facts).toContain(s);
      await into(page, 'xc-return-imported');
      await fits(page);
      await shot(page, '22-basic-return-imported', 1024);
      const after = cli(['--db', basic, '--json', 'ranges', 'list']).json() as Array<{ id: string; low: number | null; source: { kind: string } }>;
      const onTime = after.find((e) => e.id === 'onTimeRate')!;
      expect(onTime.low).toBe(91);
      expect(onTime.source.kind).toBe('higherCourt');

      await page.getByTestId('xc-return-file').setInputFiles(returnFile);
      await page.getByTestId('xc-return-import-submit').click();
      await expect.poll(() => textOf(page, 'xc-return-status'), { timeout: 30_000 }).toMatch(/^已导入，无需重复导入/);
    } finally {
      await page.close();
    }
    const wide = await openExchange(basicHost, VIEWPORTS[1]);
    try {
      await wide.getByTestId('xc-return-file').setInputFiles(returnFile);
      await wide.getByTestId('xc-return-import-submit').click();
      await wide.getByTestId('xc-return-imported').waitFor({ timeout: 30_000 });
      await into(wide, 'xc-return-import');
      await fits(wide);
      await shot(wide, '22-basic-return-imported', 1920);
    } finally {
      await wide.close();
    }
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
