// Exchange keys through the core on real databases: a basic and an intermediate court make keys, swap cards, set the recipient; every refusal leaves the tables as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freshCourtDb } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import type { KeysView, RecipientCardView, SenderView } from '../../shared/exchange/keysApi';
import { ageDecrypt, ageEncrypt, generateAgeIdentity } from '../../electron/core/exchange/crypto/age';
import { generateMinisignKey, minisignPublicKeyLine, minisignSign, minisignVerify } from '../../electron/core/exchange/crypto/minisign';
import { keyFingerprint } from '../../shared/exchange/fingerprint';
import { ageRecipientBytes } from '../../electron/core/exchange/crypto/age';
import {
  findRegisteredSender,
  getReportingRecipient,
  ownAgeRecipient,
  ownSigningKeyPublic,
  unlockAgeIdentity,
  unlockSigningKey,
} from '../../electron/core/exchange/keys/keyStore';
import { keyCardBody, keyCardText, parseKeyCard } from '../../shared/exchange/keyCard';

const PASSWORD = 'right-pass-1';
const PASSPHRASE = 'a long passphrase 1';
type Court = { t: ReturnType<typeof freshCourtDb>; core: Core; sessions: Record<string, string> };
let basic: Court;
let inter: Court;

async function court(code: string): Promise<Court> {
  const t = freshCourtDb(code);
  const accounts = new AccountStore(t.db);
  accounts.create({ name: '统计己', roles: ['statistician'], division: null, password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '管理庚', roles: ['admin'], division: null, password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '王法官', roles: ['judge'], division: null, password: PASSWORD, actor: 'tester' });
  t.db.close();
  const core = openCore({ dbPath: t.file, host: 'loopback', today: '2026-12-05' });
  const sessions: Record<string, string> = {};
  for (const name of ['统计己', '管理庚', '王法官']) {
    const r = await core.call('auth.signIn', { name, password: PASSWORD });
    sessions[name] = (r.session as { set: string }).set;
  }
  return { t, core, sessions };
}

beforeAll(async () => {
  basic = await court('辽0421');
  inter = await court('辽04');
});
afterAll(() => {
  for (const c of [basic, inter]) {
    c?.core.close();
    c?.t.cleanup();
  }
});

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } };
async function call<T>(c: Court, method: string, args: unknown, who = '统计己'): Promise<Answer<T>> {
  return (await c.core.call(method, args, { session: c.sessions[who] })) as never;
}
function value<T>(a: Answer<T>): T {
  if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message}`);
  return a.value;
}
const TABLES = ['exchange_own_keys', 'exchange_recipients', 'exchange_senders'];
const tables = (c: Court) => Object.fromEntries(TABLES.map((t) => [t, c.core.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
const audits = (c: Court, action: string) => c.core.db.prepare('SELECT actor, entity_key, after_json FROM audit_log WHERE action = ? ORDER BY id').all(action) as Array<{ actor: string; entity_key: string; after_json: string }>;

/** A refusal with its message, and the key tables exactly as they were. */
async function refused(c: Court, method: string, args: unknown, message: RegExp, who = '统计己') {
  const before = tables(c);
  const r = await call(c, method, args, who);
  expect(r.ok, method).toBe(false);
  if (!r.ok) expect(r.error.message).toMatch(message);
  expect(tables(c)).toEqual(before);
  return r;
}

let basicCard = '';
let interCard = '';

describe('keys at setup', () => {
  it('every call is refused to a role without exchange.keys, and audited', async () => {
    const calls: Array<[string, unknown]> = [
      ['exchange.keysInit', { passphrase: PASSPHRASE }],
      ['exchange.keysShow', {}],
      ['exchange.keysExportPublic', { passphrase: PASSPHRASE }],
      ['exchange.keysImportIdentity', { identityText: 'x', passphrase: PASSPHRASE }],
      ['exchange.recipientSet', { recipient: 'age1x', courtCode: '辽04', courtName: '中院' }],
      ['exchange.register', { card: 'x' }],
    ];
    for (const c of [basic, inter]) {
      for (const [method, args] of calls) {
        const r = await refused(c, method, args, /无权/, '王法官');
        expect(!r.ok && r.error.code).toBe('FORBIDDEN');
      }
    }
    expect(basic.core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'denied' AND actor = '王法官'").pluck().get()).toBe(calls.length);
  });

  it('a basic court makes its signing key; a judge may not; a second init is refused', async () => {
    await refused(basic, 'exchange.keysInit', { passphrase: PASSPHRASE }, /无权|权限/, '王法官');
    await refused(basic, 'exchange.keysInit', { passphrase: 'short' }, /口令至少 10 个字符/);
    const v = value(await call<KeysView>(basic, 'exchange.keysInit', { passphrase: PASSPHRASE }, '管理庚'));
    expect(v.level).toBe('basic');
    expect(v.signing!.publicKey).toMatch(/^RW/);
    expect(v.signing!.digits).toMatch(/^\d{5}( \d{5}){5}$/);
    expect(v.age).toBeNull();
    await refused(basic, 'exchange.keysInit', { passphrase: PASSPHRASE }, /已有报送密钥/);
    expect(audits(basic, 'exchange.keys.init')).toEqual([expect.objectContaining({ actor: '管理庚', entity_key: 'minisign' })]);
    // The private half is stored only sealed: no key material in the clear.
    const row = basic.core.db.prepare('SELECT sealed FROM exchange_own_keys').pluck().get() as Buffer;
    expect(row.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(row.includes(Buffer.from('minisign secret key'))).toBe(false);
  });

  it('an intermediate court makes an age identity and its return-file signing key', async () => {
    const v = value(await call<KeysView>(inter, 'exchange.keysInit', { passphrase: PASSPHRASE }));
    expect(v.level).toBe('intermediate');
    expect(v.age!.publicKey).toMatch(/^age1[a-z0-9]{58}$/);
    expect(v.age!.fingerprint).toBe(keyFingerprint('age-x25519', ageRecipientBytes(v.age!.publicKey)).hex);
    expect(v.signing).not.toBeNull();
  });

  it('unlocking: a wrong passphrase says 口令错误; the right one opens keys that work', async () => {
    expect(await unlockSigningKey(basic.core.db, 'wrong passphrase')).toEqual({ ok: false, message: '口令错误' });
    const k = await unlockSigningKey(basic.core.db, PASSPHRASE);
    if (!k.ok) throw new Error(k.message);
    const pub = ownSigningKeyPublic(basic.core.db)!;
    const msg = new TextEncoder().encode('manifest');
    expect(minisignVerify(msg, minisignSign(msg, k.key, 't'), pub.publicKey).ok).toBe(true);

    expect(await unlockAgeIdentity(inter.core.db, 'wrong passphrase')).toEqual({ ok: false, message: '口令错误' });
    const id = await unlockAgeIdentity(inter.core.db, PASSPHRASE);
    const ct = await ageEncrypt(msg, ownAgeRecipient(inter.core.db)!.recipient);
    expect(id.ok && (await ageDecrypt(ct, id.identity)).ok).toBe(true);
    // A basic court has no identity to unlock.
    expect((await unlockAgeIdentity(basic.core.db, PASSPHRASE)).ok).toBe(false);
  });
});

describe('cards and registration', () => {
  it('exports signed cards: a wrong passphrase is refused, naming the field', async () => {
    const r = await refused(basic, 'exchange.keysExportPublic', { passphrase: 'not the one' }, /口令错误/);
    expect(!r.ok && r.error.field).toBe('passphrase');
    const card = value(await call<{ text: string; fileName: string; digits: string }>(basic, 'exchange.keysExportPublic', { passphrase: PASSPHRASE }));
    basicCard = card.text;
    expect(card.fileName).toBe('辽0421-公钥卡.txt');
    expect(card.text).toContain('court-code: 辽0421');
    expect(card.text).toContain(`minisign-fingerprint: ${card.digits}`);
    expect(card.text).toContain('date: 2026-12-05');
    interCard = value(await call<{ text: string }>(inter, 'exchange.keysExportPublic', { passphrase: PASSPHRASE })).text;
    expect(interCard).toContain(`age-recipient: ${ownAgeRecipient(inter.core.db)!.recipient}`);
  });

  it('refuses changed, re-keyed, unsigned or wrong-level cards, with the tables unchanged', async () => {
    const other = generateMinisignKey();
    const otherLine = minisignPublicKeyLine(other);
    const p = parseKeyCard(basicCard) as Extract<ReturnType<typeof parseKeyCard>, { ok: true }>;
    const fp = keyFingerprint('minisign-ed25519', other.publicKey).digits;
    const swapped = basicCard.replace(p.fields.minisignPublicKey, otherLine).replace(p.fields.minisignFingerprint, fp);
    const cases: Array<[string, string, RegExp]> = [
      ['the name changed', basicCard.replace('测试县人民法院', '别的县人民法院'), /签名无效/],
      ['the fingerprint changed', basicCard.replace(p.fields.minisignFingerprint, fp), /指纹与公钥不符/],
      ['another key put in, the old signature kept', swapped, /签名无效/],
      ['no signature', p.body, /缺少签名段/],
      ['an intermediate court card', interCard, /中级法院的公钥卡/],
      ['garbage', 'hello', /缺少签名段/],
      ['a line added', basicCard.replace('date:', 'extra: 1\ndate:'), /无法识别的行/],
    ];
    for (const [, text, message] of cases) await refused(inter, 'exchange.register', { card: text }, message);
    // Signed by the key it carries, but another court's code: still not this court's own card.
    const selfBody = keyCardBody({ ...p.fields, courtCode: '辽04', minisignPublicKey: otherLine, minisignFingerprint: fp });
    await refused(inter, 'exchange.register', { card: keyCardText(selfBody, minisignSign(new TextEncoder().encode(selfBody), other, 'x')) }, /本院自己的/);
    await refused(basic, 'exchange.register', { card: basicCard }, /只用于中级法院/);
  });

  it('registers a basic court once, from its card', async () => {
    const s = value(await call<SenderView>(inter, 'exchange.register', { card: basicCard }));
    expect(s).toMatchObject({ courtCode: '辽0421', courtName: '测试县人民法院', publicKey: ownSigningKeyPublic(basic.core.db)!.line, revokedAt: null });
    const found = findRegisteredSender(inter.core.db, '辽0421')!;
    expect(Buffer.from(found.publicKey.publicKey).equals(Buffer.from(ownSigningKeyPublic(basic.core.db)!.publicKey.publicKey))).toBe(true);
    expect(found.fingerprint).toBe(ownSigningKeyPublic(basic.core.db)!.fingerprint);
    expect(findRegisteredSender(inter.core.db, '辽0422')).toBeNull();
    await refused(inter, 'exchange.register', { card: basicCard }, /已登记/);
    expect(audits(inter, 'exchange.register').map((a) => a.entity_key)).toEqual(['辽0421']);
  });
});

describe('the reporting recipient', () => {
  it('refuses a typo, a post-quantum key, an SSH key, a bad court code, and the intermediate court itself', async () => {
    const recipient = ownAgeRecipient(inter.core.db)!.recipient;
    const typo = recipient.slice(0, 30) + (recipient[30] === 'q' ? 'p' : 'q') + recipient.slice(31);
    const args = { courtCode: '辽04', courtName: '抚顺市中级人民法院' };
    await refused(basic, 'exchange.recipientSet', { ...args, recipient: typo }, /校验失败/);
    await refused(basic, 'exchange.recipientSet', { ...args, recipient: `age1pq1${'q'.repeat(100)}` }, /抗量子/);
    await refused(basic, 'exchange.recipientSet', { ...args, recipient: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMq x@y' }, /SSH/);
    await refused(basic, 'exchange.recipientSet', { ...args, courtCode: 'abc', recipient }, /法院代码/);
    await refused(basic, 'exchange.recipientSet', { ...args, courtName: '抚顺\u200b中院', recipient }, /中院名称含有不可见字符/);
    await refused(basic, 'exchange.recipientSet', { ...args, recipient, signingKey: 'RWQnot-a-key' }, /签名公钥格式不正确/);
    await refused(inter, 'exchange.recipientSet', { ...args, recipient }, /只用于基层法院/);
    await refused(basic, 'exchange.recipientSet', { ...args, recipient }, /无权|权限/, '王法官');
  });

  it('sets it, shows the digits the intermediate court reads out, and keeps the one replaced', async () => {
    const own = ownAgeRecipient(inter.core.db)!;
    const card = parseKeyCard(interCard) as Extract<ReturnType<typeof parseKeyCard>, { ok: true }>;
    const v = value(await call<KeysView>(basic, 'exchange.recipientSet', { recipient: own.recipient.toUpperCase(), courtCode: '辽04', courtName: '抚顺市中级人民法院', signingKey: card.fields.minisignPublicKey }));
    expect(v.recipient).toMatchObject({ courtCode: '辽04', publicKey: own.recipient, fingerprint: own.fingerprint, digits: card.fields.ageFingerprint, signingKey: card.fields.minisignPublicKey });
    expect(getReportingRecipient(basic.core.db)).toMatchObject({ courtCode: '辽04', courtName: '抚顺市中级人民法院', recipient: own.recipient, fingerprint: own.fingerprint });
    const next = (await generateAgeIdentity()).recipient;
    value(await call(basic, 'exchange.recipientSet', { recipient: next, courtCode: '辽04', courtName: '抚顺市中级人民法院' }));
    expect(getReportingRecipient(basic.core.db)!.recipient).toBe(next);
    expect(basic.core.db.prepare('SELECT count(*) FROM exchange_recipients WHERE replaced_at IS NOT NULL').pluck().get()).toBe(1);
    expect(audits(basic, 'exchange.recipient.set')).toHaveLength(2);
  });
});

describe('the recipient from the intermediate court\'s card', () => {
  it('refuses a basic court\'s card, a changed card, a swapped key, and the call at an intermediate court, storing nothing', async () => {
    const p = parseKeyCard(interCard) as Extract<ReturnType<typeof parseKeyCard>, { ok: true }>;
    const other = (await generateAgeIdentity()).recipient;
    const cases: Array<[string, RegExp]> = [
      [basicCard, /基层法院的公钥卡，不是中院的/],
      [interCard.replace('测试县人民法院', '别的市中级人民法院'), /签名无效/],
      [interCard.replace(p.fields.ageRecipient!, other), /指纹与公钥不符/],
      [interCard.replace(p.fields.ageFingerprint!, keyFingerprint('age-x25519', ageRecipientBytes(other)).digits), /指纹与公钥不符/],
      [interCard.replace(/age-recipient: .*\n/, ''), /缺少 age-recipient/],
      [p.body, /缺少签名段/],
    ];
    for (const [card, message] of cases) {
      const r = await refused(basic, 'exchange.recipientCardCheck', { card }, message);
      expect(!r.ok && r.error.field).toBe('card');
    }
    await refused(inter, 'exchange.recipientCardCheck', { card: interCard }, /只用于基层法院/);
    await refused(basic, 'exchange.recipientCardCheck', { card: interCard }, /无权|权限/, '王法官');
  });

  it('shows both keys\' fingerprints as the intermediate court\'s own screen does, then records both keys', async () => {
    const mine = value(await call<KeysView>(inter, 'exchange.keysShow', {}));
    const before = tables(basic);
    const c = value(await call<RecipientCardView>(basic, 'exchange.recipientCardCheck', { card: interCard }));
    expect(tables(basic)).toEqual(before);
    expect(c).toMatchObject({ courtCode: '辽04', recipient: mine.age!.publicKey, fingerprint: mine.age!.fingerprint, digits: mine.age!.digits, signingKey: mine.signing!.publicKey, signingFingerprint: mine.signing!.fingerprint, signingDigits: mine.signing!.digits, date: '2026-12-05' });
    const v = value(await call<KeysView>(basic, 'exchange.recipientSet', { recipient: c.recipient, courtCode: c.courtCode, courtName: c.courtName, signingKey: c.signingKey }));
    expect(v.recipient).toMatchObject({ publicKey: mine.age!.publicKey, digits: mine.age!.digits, signingKey: mine.signing!.publicKey, signingDigits: mine.signing!.digits, signingFingerprint: mine.signing!.fingerprint });
  });

  it('refuses this court\'s own signing key given as the intermediate court\'s, naming the field', async () => {
    // A basic court pasting the key from its own screen would then refuse every genuine return file.
    const recipient = ownAgeRecipient(inter.core.db)!.recipient;
    const r = await refused(basic, 'exchange.recipientSet', { recipient, courtCode: '辽04', courtName: '抚顺市中级人民法院', signingKey: ownSigningKeyPublic(basic.core.db)!.line }, /本院自己的签名公钥/);
    expect(!r.ok && r.error.field).toBe('signingKey');
  });
});

describe('importing an identity made by age-keygen', () => {
  it('refuses a damaged file and a basic court; replaces the age key, keeping the old one retired', async () => {
    const dir = inter.t.dir;
    expect(spawnSync('/usr/bin/age-keygen', ['-o', path.join(dir, 'key.txt')]).status).toBe(0);
    const text = readFileSync(path.join(dir, 'key.txt'), 'utf8');
    const line = text.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
    const damaged = text.replace(line, line.slice(0, 20) + (line[20] === 'Q' ? 'P' : 'Q') + line.slice(21));
    await refused(inter, 'exchange.keysImportIdentity', { identityText: damaged, passphrase: PASSPHRASE }, /不是有效的 age 身份文件/);
    await refused(basic, 'exchange.keysImportIdentity', { identityText: text, passphrase: PASSPHRASE }, /只用于中级法院/);
    const v = value(await call<KeysView>(inter, 'exchange.keysImportIdentity', { identityText: text, passphrase: 'another passphrase' }));
    const expected = spawnSync('/usr/bin/age-keygen', ['-y', path.join(dir, 'key.txt')], { encoding: 'utf8' }).stdout.trim();
    expect(v.age!.publicKey).toBe(expected);
    expect(inter.core.db.prepare("SELECT count(*) FROM exchange_own_keys WHERE kind = 'age' AND retired_at IS NOT NULL").pluck().get()).toBe(1);
    const id = await unlockAgeIdentity(inter.core.db, 'another passphrase');
    expect(id.ok && id.identity).toBe(line);
  });

  it('an identity imported before keys init stays: init adds only the signing key', async () => {
    const c = await court('辽05');
    try {
      const { identity, recipient } = await generateAgeIdentity();
      value(await call(c, 'exchange.keysImportIdentity', { identityText: `# backup\n${identity}\n`, passphrase: PASSPHRASE }));
      const v = value(await call<KeysView>(c, 'exchange.keysInit', { passphrase: PASSPHRASE }));
      expect(v.age!.publicKey).toBe(recipient);
      expect(v.signing).not.toBeNull();
      expect(c.core.db.prepare('SELECT count(*) FROM exchange_own_keys').pluck().get()).toBe(2);
      await refused(c, 'exchange.keysInit', { passphrase: PASSPHRASE }, /已有报送密钥/);
    } finally {
      c.core.close();
      c.t.cleanup();
    }
  });

  it('a damaged sealed key says so, distinct from a wrong passphrase', async () => {
    inter.core.db.prepare("UPDATE exchange_own_keys SET sealed = substr(sealed, 1, length(sealed) - 3) WHERE kind = 'minisign' AND retired_at IS NULL").run();
    const r = await unlockSigningKey(inter.core.db, PASSPHRASE);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/已损坏/) });
  });
});
