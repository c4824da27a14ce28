// `courtdesk keys`, `recipient set`, `register` and `init --level` through the built command line, ending with Debian's age and minisign using a key CourtDesk sealed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ADMIN, cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { TESTER } from '../helpers/cli';

const PASSPHRASE = 'court key passphrase 1';
let work: ReturnType<typeof tempDir>;
let basicDb: string;
let interDb: string;
const at = (f: string) => path.join(work.dir, f);
const run = (db: string, args: string[], env: Record<string, string> = {}) => cli(['--db', db, '--today', '2026-12-05', ...args], { COURTDESK_PASSPHRASE: PASSPHRASE, ...env });

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  basicDb = at('basic.sqlite');
  interDb = at('inter.sqlite');
  initDb(basicDb);
}, 180_000);
afterAll(() => work?.cleanup());

describe('courtdesk init --level', () => {
  it('refuses a level the code contradicts, leaving no file; sets an intermediate court', () => {
    const init = (code: string, level: string, file: string) =>
      cli(['init', '--court-code', code, '--court-name', '抚顺市中级人民法院', '--admin', ADMIN.name, '--db', file, '--level', level], { COURTDESK_PASSWORD: ADMIN.password });
    let r = init('辽04', 'basic', at('x.sqlite'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('法院代码 辽04 是中级法院的代码');
    expect(existsSync(at('x.sqlite'))).toBe(false);
    r = init('辽04', 'county', at('y.sqlite'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('--level 应为 basic');
    r = init('辽04', 'intermediate', interDb);
    expect(r.code, r.err).toBe(0);
    const { db } = openDatabase(interDb);
    try {
      expect(db.prepare('SELECT level FROM courts WHERE is_self = 1').pluck().get()).toBe('intermediate');
      new AccountStore(db).create({ name: TESTER.name, roles: ['statistician', 'admin'], password: TESTER.password, actor: ADMIN.name });
    } finally {
      closeDatabase(db);
    }
  });
});

describe('courtdesk keys, recipient, register', () => {
  it('refuses to seal a key without a passphrase (no terminal, no variable)', () => {
    const r = cli(['--db', basicDb, 'keys', 'init'], { COURTDESK_PASSPHRASE: undefined as unknown as string });
    expect(r.code).toBe(2);
    expect(r.err).toContain('COURTDESK_PASSPHRASE');
  });

  it('makes both courts\' keys, swaps cards, registers and sets the recipient with matching digits', () => {
    let r = run(basicDb, ['keys', 'init']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已生成本院报送密钥');
    expect(run(basicDb, ['keys', 'init']).err).toContain('已有报送密钥');
    r = run(interDb, ['keys', 'init']);
    expect(r.code, r.err).toBe(0);
    const inter = run(interDb, ['--json', 'keys', 'show']).json() as { level: string; age: { publicKey: string; digits: string } };
    expect(inter.level).toBe('intermediate');

    r = run(basicDb, ['keys', 'export-public', '--out', at('basic-card.txt')], { COURTDESK_PASSPHRASE: 'not the passphrase' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('口令错误');
    expect(existsSync(at('basic-card.txt'))).toBe(false);
    r = run(basicDb, ['keys', 'export-public', '--out', at('basic-card.txt')]);
    expect(r.code, r.err).toBe(0);
    const digits = /逐组核对指纹：([\d ]+)/.exec(r.out)![1];
    expect(readFileSync(at('basic-card.txt'), 'utf8')).toContain(`minisign-fingerprint: ${digits}`);
    expect(run(basicDb, ['keys', 'export-public', '--out', at('basic-card.txt')]).err).toContain('不会覆盖');

    r = run(interDb, ['register', at('basic-card.txt')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`指纹：${digits}`);
    expect(run(interDb, ['register', at('basic-card.txt')]).err).toContain('已登记');
    expect(run(interDb, ['register', at('missing.txt')]).err).toContain('无法读取公钥卡');

    const typo = inter.age.publicKey.slice(0, 10) + (inter.age.publicKey[10] === 'q' ? 'p' : 'q') + inter.age.publicKey.slice(11);
    r = run(basicDb, ['recipient', 'set', typo, '--court-code', '辽04', '--court-name', '抚顺市中级人民法院']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('校验失败');
    r = run(basicDb, ['recipient', 'set', inter.age.publicKey, '--court-code', '辽04', '--court-name', '抚顺市中级人民法院']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`加密公钥（age）：${inter.age.digits}`);
    expect(r.out).toContain('未登记中院签名公钥');
    let shown = run(basicDb, ['keys', 'show']).out;
    expect(shown).toContain('报送中院：抚顺市中级人民法院（辽04）');
    expect(shown).toContain('中院签名公钥指纹：未登记');

    // The intermediate court's card: both keys recorded at once, both fingerprints printed; its own card refused.
    const interKeys = run(interDb, ['--json', 'keys', 'show']).json() as { signing: { digits: string } };
    r = run(interDb, ['keys', 'export-public', '--out', at('inter-card.txt')]);
    expect(r.code, r.err).toBe(0);
    r = run(basicDb, ['recipient', 'card', at('basic-card.txt')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('基层法院的公钥卡，不是中院的');
    r = run(basicDb, ['recipient', 'card', at('inter-card.txt')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`加密公钥（age）：${inter.age.digits}`);
    expect(r.out).toContain(`签名公钥（minisign）：${interKeys.signing.digits}`);
    shown = run(basicDb, ['keys', 'show']).out;
    expect(shown).toContain(`中院签名公钥指纹：${interKeys.signing.digits}`);
    expect(run(interDb, ['keys', 'show']).out).toMatch(/辽0421\t某某县人民法院\t指纹 [\d ]+/);
  });

  it('imports an age-keygen identity at the intermediate court, refused at a basic one', () => {
    expect(spawnSync('/usr/bin/age-keygen', ['-o', at('key.txt')]).status).toBe(0);
    expect(run(basicDb, ['keys', 'import-identity', at('key.txt')]).err).toContain('只用于中级法院');
    const r = run(interDb, ['--json', 'keys', 'import-identity', at('key.txt')]);
    expect(r.code, r.err).toBe(0);
    const recipient = spawnSync('/usr/bin/age-keygen', ['-y', at('key.txt')], { encoding: 'utf8' }).stdout.trim();
    expect((r.json() as { age: { publicKey: string } }).age.publicKey).toBe(recipient);
  });

  it('the sealed signing key opens with Debian age, and minisign signs with it what the card\'s key verifies', () => {
    const { db } = openDatabase(basicDb);
    try {
      writeFileSync(at('sealed.age'), db.prepare("SELECT sealed FROM exchange_own_keys WHERE kind = 'minisign' AND retired_at IS NULL").pluck().get() as Buffer);
    } finally {
      closeDatabase(db);
    }
    const typed = `sleep 0.4; printf '%s\\n' '${PASSPHRASE}'; sleep 0.4`;
    spawnSync('/bin/sh', ['-c', `(${typed}) | script -qec "/usr/bin/age -d -o ${at('sk.key')} ${at('sealed.age')}" /dev/null`], { timeout: 60_000 });
    expect(readFileSync(at('sk.key'), 'utf8')).toMatch(/^untrusted comment: minisign secret key/);
    writeFileSync(at('m.txt'), 'manifest');
    expect(spawnSync('/usr/bin/minisign', ['-S', '-s', at('sk.key'), '-m', at('m.txt')], { input: '' }).status).toBe(0);
    const line = /minisign-public-key: (\S+)/.exec(readFileSync(at('basic-card.txt'), 'utf8'))![1];
    const v = spawnSync('/usr/bin/minisign', ['-Vm', at('m.txt'), '-P', line], { encoding: 'utf8' });
    expect(v.status, v.stderr).toBe(0);
  }, 60_000);
});
