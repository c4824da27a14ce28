// Writing a 报送包 at the basic court: what goes in (party names only when ticked), and what a failed write leaves:
// no file under the final name, no sequence used up, the database as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freshCourtDb, record } from '../helpers/tempDb';
import { exportPackage, type ExportRequest } from '../../electron/core/exchange/package/exportPackage';
import { ageDecrypt, generateAgeIdentity } from '../../electron/core/exchange/crypto/age';
import { readInnerZip, readOuterZip } from '../../electron/core/exchange/container/zipRead';
import { ageFingerprint, makeSigningKey, storeOwnKeys, storeRecipient } from '../../electron/core/exchange/keys/keyStore';
import { listExports, nextSequence } from '../../electron/core/exchange/parts/exportLog';
import { writeFileWhole } from '../../electron/core/print/wholeFile';
import { CoreError } from '../../electron/core/kernel/errors';
import { parseManifest } from '../../shared/exchange/manifest';

const PASS = 'basic-pass-1';
let basic: ReturnType<typeof freshCourtDb>;
let identity: string;
let stick: string;

beforeAll(async () => {
  basic = freshCourtDb('辽0421');
  basic.put([
    record({ caseNumber: '（2025）辽0421民初1号', filedOn: '2025-03-10', closedOn: '2025-05-18', closingMethod: '判决', plaintiffs: ['张三'], defendants: ['李四'] }),
    record({ caseNumber: '（2025）辽0421民初2号', filedOn: '2025-04-17', plaintiffs: ['王五'], defendants: ['赵六'] }),
  ], '2025-06-30');
  const key = await makeSigningKey(PASS);
  storeOwnKeys(basic.db, [{ kind: 'minisign', publicText: key.line, fingerprint: key.fingerprint, sealed: key.sealed }], 'tester', 'exchange.keys.init');
  const mid = await generateAgeIdentity();
  identity = mid.identity;
  storeRecipient(basic.db, { courtCode: '辽04', courtName: '某某市中级人民法院', recipient: mid.recipient, fingerprint: ageFingerprint(mid.recipient).hex, signingKey: null }, 'tester');
  stick = path.join(basic.dir, 'usb');
  mkdirSync(stick);
}, 60_000);
afterAll(() => basic?.close());

const req = (o: Partial<ExportRequest> = {}): ExportRequest => ({ from: '2025-01-01', to: '2025-06-30', incremental: false, includePartyNames: false, outDir: stick, passphrase: PASS, ...o });
const tables = () => JSON.stringify([basic.db.prepare('SELECT * FROM exchange_exports').all(), basic.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()]);

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CoreError) return err.message;
    throw err;
  }
  throw new Error('expected a refusal');
}

async function casesPart(file: string): Promise<string> {
  const outer = await readOuterZip(readFileSync(file));
  if (!outer.ok) throw new Error(outer.failure.message);
  const plain = await ageDecrypt(outer.payload, identity);
  if (!plain.ok) throw new Error(plain.reason);
  const inner = await readInnerZip(Buffer.from(plain.plaintext));
  if (!inner.ok) throw new Error(inner.failure.message);
  return inner.entries.get('cases.ndjson')!.toString('utf8');
}

describe('exportPackage', () => {
  it('refuses an incremental package before any full one, and a wrong passphrase, writing nothing', async () => {
    const before = tables();
    expect(await failure(exportPackage(basic.db, req({ incremental: true }), 'tester'))).toContain('第一个报送包应为全量');
    expect(await failure(exportPackage(basic.db, req({ passphrase: 'wrong' }), 'tester'))).toContain('口令');
    expect(tables()).toBe(before);
    expect(readdirSync(stick)).toEqual([]);
  });

  it('a stick pulled out (the folder gone) is said before any work', async () => {
    expect(await failure(exportPackage(basic.db, req({ outDir: path.join(basic.dir, 'gone') }), 'tester'))).toContain('不存在');
  });

  it('a failed write (a full disk) leaves no file under the final name and does not use up the sequence', async () => {
    const before = tables();
    // The writer (writeFileWhole in production, tested on its own) fails as on a full stick.
    const msg = await failure(exportPackage(basic.db, req(), 'tester', () => { throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }); }));
    expect(msg).toContain('（磁盘已满）。没有生成报送包，序号 1 未被占用');
    expect(nextSequence(basic.db)).toBe(1);
    expect(readdirSync(stick)).toEqual([]);
    expect(tables()).toBe(before);
  });

  it('a stick that keeps other bytes than it was given: the file is removed, the sequence not used', async () => {
    const before = tables();
    const msg = await failure(exportPackage(basic.db, req(), 'tester', (file, bytes) => { const b = Buffer.from(bytes); b[b.length - 30] ^= 1; writeFileWhole(file, b); }));
    expect(msg).toContain('核验未通过');
    expect(readdirSync(stick).filter((f) => f.endsWith('.cdpkg'))).toEqual([]);
    expect(tables()).toBe(before);
  });

  it('writes sequence 1 without party names, then sequence 2 with them when ticked', async () => {
    const first = await exportPackage(basic.db, req(), 'tester');
    expect(first).toMatchObject({ sequence: 1, kind: 'full', baseSequence: null, includesPartyNames: false });
    expect(existsSync(first.file)).toBe(true);
    const cases1 = await casesPart(first.file);
    expect(cases1).toContain('（2025）辽0421民初2号');
    expect(cases1).not.toContain('王五');
    const outer = await readOuterZip(readFileSync(first.file));
    const m = outer.ok ? parseManifest(outer.manifest) : null;
    expect(m?.ok && m.manifest.includesPartyNames).toBe(false);

    const second = await exportPackage(basic.db, req({ includePartyNames: true }), 'tester');
    expect(second.sequence).toBe(2);
    expect(await casesPart(second.file)).toContain('王五');
    expect(listExports(basic.db).map((e) => e.sequence)).toEqual([2, 1]);
  });

  it('an incremental package holds only what changed since the last one', async () => {
    basic.put([record({ caseNumber: '（2025）辽0421民初2号', filedOn: '2025-04-17', closedOn: '2025-06-20', closingMethod: '调解' })], '2025-06-30');
    const inc = await exportPackage(basic.db, req({ incremental: true }), 'tester');
    expect(inc).toMatchObject({ sequence: 3, kind: 'incremental', baseSequence: 2 });
    const cases = await casesPart(inc.file);
    expect(cases).toContain('（2025）辽0421民初2号');
    expect(cases).not.toContain('（2025）辽0421民初1号');
  });
});
