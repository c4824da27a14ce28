// The 报送包 from one end to the other through the built command line, as court IT staff would run it: keys and cards
// at both courts, export at the basic court, verify and receive at the intermediate court (twice: the second changes
// nothing), the list of courts; and the package opened with Debian's age, minisign and unzip alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';

const TODAY = '2025-06-30';
const BASIC_PASS = { COURTDESK_PASSPHRASE: 'basic-key-pass-1' };
const MID_PASS = { COURTDESK_PASSPHRASE: 'mid-key-pass-1' };
let work: ReturnType<typeof tempDir>;
let basic: string;
let mid: string;
let stick: string;
let identityFile: string;

const atBasic = (args: string[], env: Record<string, string> = {}) => cli(['--db', basic, '--today', TODAY, ...args], env);
const atMid = (args: string[], env: Record<string, string> = {}) => cli(['--db', mid, '--today', TODAY, ...args], env);
const ok = (r: ReturnType<typeof cli>) => {
  expect(r.code, r.err + r.out).toBe(0);
  return r;
};

/** What the intermediate court holds of received data, to compare before and after a refused or repeated import. */
function receivedTables(): string {
  const { db } = openDatabase(mid);
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'received_%' ORDER BY name").pluck().all() as string[]);
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
  } finally {
    closeDatabase(db);
  }
}

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  basic = path.join(work.dir, 'basic.sqlite');
  mid = path.join(work.dir, 'mid.sqlite');
  stick = path.join(work.dir, 'usb');
  mkdirSync(stick);
  initDb(basic);
  initDb(mid, { code: '辽04', name: '某某市中级人民法院' });
  const csv = path.join(work.dir, 'c.csv');
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式,原告,被告',
    '（2025）辽0421民初1号,民间借贷纠纷,普通程序,2025-03-10,民一庭,王法官,2025-05-18,判决,张三,李四',
    '（2025）辽0421民初2号,买卖合同纠纷,普通程序,2025-04-17,民一庭,王法官,,,王五,赵六',
    '（2025）辽0421民初3号,买卖合同纠纷,简易程序,2025-05-18,民二庭,周法官,2025-06-20,调解,钱七,孙八',
  ].join('\n'));
  ok(atBasic(['import', '--create-missing', csv]));

  // The intermediate court's identity comes from age-keygen (its key backup), the way the spec's IT staff keep it.
  identityFile = path.join(work.dir, 'mid-identity.txt');
  execFileSync('age-keygen', ['-o', identityFile], { stdio: 'ignore' });
  ok(atMid(['keys', 'init'], MID_PASS));
  ok(atMid(['keys', 'import-identity', identityFile], MID_PASS));
  const midCard = path.join(work.dir, 'mid.card');
  ok(atMid(['keys', 'export-public', '--out', midCard], MID_PASS));
  const recipient = /age1[0-9a-z]{58}/.exec(readFileSync(midCard, 'utf8'))![0];
  const midSigningKey = /minisign-public-key: (RW\S+)/.exec(readFileSync(midCard, 'utf8'))![1];

  ok(atBasic(['keys', 'init'], BASIC_PASS));
  ok(atBasic(['recipient', 'set', recipient, '--court-code', '辽04', '--court-name', '某某市中级人民法院', '--signing-key', midSigningKey], BASIC_PASS));
  const basicCard = path.join(work.dir, 'basic.card');
  ok(atBasic(['keys', 'export-public', '--out', basicCard], BASIC_PASS));
  ok(atMid(['register', basicCard], MID_PASS));
}, 240_000);
afterAll(() => work?.cleanup());

describe('courtdesk export / verify / receive', () => {
  let file: string;

  it('export writes one .cdpkg to the folder and prints its path; the basic court sees it in exports', () => {
    const r = ok(atBasic(['export', '--from', '2025-01-01', '--to', '2025-06-30', '--out-dir', stick], BASIC_PASS));
    file = r.out.trim();
    expect(path.dirname(file)).toBe(stick);
    expect(path.basename(file)).toBe('辽0421-20250101-20250630-000001.cdpkg');
    expect(readdirSync(stick)).toEqual([path.basename(file)]);
    const list = ok(atBasic(['--json', 'exports'])).json() as Array<{ sequence: number; packageSha256: string }>;
    expect(list.map((e) => e.sequence)).toEqual([1]);
  });

  it('a wrong passphrase at export writes nothing and uses up no sequence', () => {
    const r = atBasic(['export', '--from', '2025-01-01', '--to', '2025-06-30', '--out-dir', stick], { COURTDESK_PASSPHRASE: 'wrong' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('口令');
    expect(readdirSync(stick)).toHaveLength(1);
    expect((ok(atBasic(['--json', 'exports'])).json() as unknown[]).length).toBe(1);
  });

  it('verify --json at the intermediate court: ok, with the manifest fields', () => {
    const v = ok(atMid(['--json', 'verify', file])).json() as Record<string, unknown>;
    expect(v).toMatchObject({ ok: true, reason: null, senderCode: '辽0421', sequence: 1, kind: 'full', from: '2025-01-01', to: '2025-06-30', includesPartyNames: false });
    expect((v.counts as Record<string, number>)['cases.ndjson']).toBe(3);
  });

  it('receive imports it; a second receive says 已导入 and changes nothing; courts lists the basic court', () => {
    const first = ok(atMid(['receive', file], MID_PASS));
    expect(first.out).toContain('已导入');
    const after = receivedTables();
    expect(after).toContain('（2025）辽0421民初2号');
    expect(after).not.toContain('王五');
    const again = ok(atMid(['receive', file], MID_PASS));
    expect(again.out).toContain('已导入，无需重复导入');
    expect(receivedTables()).toBe(after);
    const courts = ok(atMid(['--json', 'courts'])).json() as Array<{ senderCode: string; lastSequence: number }>;
    expect(courts).toEqual([expect.objectContaining({ senderCode: '辽0421', lastSequence: 1 })]);
  });

  it('a changed byte in the payload is refused before any passphrase, and nothing is written', () => {
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('age-encryption.org/v1')) + 400;
    bytes[at] ^= 0x01;
    const damaged = path.join(work.dir, 'damaged.cdpkg');
    writeFileSync(damaged, bytes);
    const before = receivedTables();
    const v = atMid(['--json', 'verify', damaged]);
    expect(v.code).toBe(1);
    // The outer ZIP's CRC-32 of payload.age is the first to catch a flipped byte on the stick.
    const verdict = v.json() as { ok: boolean; code: string; reason: string };
    expect(verdict).toMatchObject({ ok: false, code: 'zip.crc' });
    const r = atMid(['receive', damaged], { COURTDESK_PASSPHRASE: 'not-even-asked' });
    expect(r.code).toBe(1);
    expect(r.err).toContain(verdict.reason);
    expect(receivedTables()).toBe(before);
  });

  it('Debian tools alone: unzip, minisign -V with the basic court key, sha256 of payload.age, age -d with the identity', () => {
    const out = path.join(work.dir, 'by-hand');
    mkdirSync(out);
    execFileSync('unzip', ['-q', file, '-d', out]);
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'manifest.json.minisig', 'payload.age']);
    const card = readFileSync(path.join(work.dir, 'basic.card'), 'utf8');
    const line = /RW[A-Za-z0-9+/=]{54}/.exec(card)![0];
    const ver = spawnSync('minisign', ['-Vm', path.join(out, 'manifest.json'), '-P', line], { encoding: 'utf8' });
    expect(ver.status, ver.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { payloadSha256: string };
    const sum = execFileSync('sha256sum', [path.join(out, 'payload.age')], { encoding: 'utf8' }).split(' ')[0];
    expect(sum).toBe(manifest.payloadSha256);
    execFileSync('age', ['-d', '-i', identityFile, '-o', path.join(out, 'p.zip'), path.join(out, 'payload.age')]);
    execFileSync('unzip', ['-q', path.join(out, 'p.zip'), '-d', path.join(out, 'p')]);
    expect(readdirSync(path.join(out, 'p'))).toContain('cases.ndjson');
    expect(readFileSync(path.join(out, 'p', 'cases.ndjson'), 'utf8')).toContain('（2025）辽0421民初1号');
  });

  it('an incremental package after an edit carries the change; receiving it moves the court to sequence 2', () => {
    ok(atBasic(['case', 'close', '（2025）辽0421民初2号', '--closed-on', '2025-06-25', '--closing-method', '判决']));
    const r = ok(atBasic(['export', '--from', '2025-01-01', '--to', '2025-06-30', '--incremental', '--out-dir', stick], BASIC_PASS));
    const inc = r.out.trim();
    expect(path.basename(inc)).toMatch(/-000002\.cdpkg$/);
    const v = ok(atMid(['--json', 'verify', inc])).json() as Record<string, unknown>;
    expect(v).toMatchObject({ ok: true, kind: 'incremental', baseSequence: 1, sequence: 2 });
    ok(atMid(['receive', inc], MID_PASS));
    const courts = ok(atMid(['--json', 'courts'])).json() as Array<{ lastSequence: number; packages: number }>;
    expect(courts[0]).toMatchObject({ lastSequence: 2, packages: 2 });
    // The older package after the newer one is outdated.
    const old = atMid(['receive', file], MID_PASS);
    expect(old.code).toBe(0);
    expect(old.out).toContain('已导入，无需重复导入');
  });

  it('exports rewrite writes the same bytes again, which the intermediate court knows as imported', () => {
    const again = path.join(work.dir, 'again');
    mkdirSync(again);
    const r = ok(atBasic(['exports', 'rewrite', '1', '--out-dir', again]));
    expect(readFileSync(r.out.trim()).equals(readFileSync(file))).toBe(true);
    // The intermediate court takes the copy for what it is: the package it already has.
    expect(ok(atMid(['receive', r.out.trim()], MID_PASS)).out).toContain('已导入，无需重复导入');
  });

  it('return make at the intermediate court, return import at the basic court: its ranges apply and it says what arrived', () => {
    ok(atMid(['ranges', 'set', 'onTimeRate', '--low', '97']));
    const ret = path.join(work.dir, '回执.cdret');
    const made = ok(atMid(['return', 'make', '--court', '辽0421', '--out', ret], MID_PASS));
    expect(made.out).toContain('确认收到序号 2');
    const imported = ok(atBasic(['return', 'import', ret]));
    expect(imported.out).toContain('中院已收到序号 2');
    expect(imported.out).toContain('下一个报送包序号 3');
    const ranges = ok(atBasic(['--json', 'ranges', 'list'])).json() as Array<{ id: string; low: number | null; source: { kind: string } }>;
    expect(ranges.find((r) => r.id === 'onTimeRate')).toMatchObject({ low: 97, source: { kind: 'higherCourt' } });
    expect(ok(atBasic(['return', 'import', ret])).out).toContain('已导入，无需重复导入');
    writeFileSync(ret, readFileSync(ret, 'utf8').replace('"low": 97', '"low": 90'));
    const tampered = atBasic(['return', 'import', ret]);
    expect(tampered.code).toBe(1);
    expect(tampered.err).toContain('签名无效');
  });
});
