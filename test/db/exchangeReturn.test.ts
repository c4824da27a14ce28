// The return file (中院回执): the intermediate court's ranges and its receipt of the last package reach the basic court,
// signed; a changed byte, another court's file or an older one changes nothing; after a restore from backup the basic
// court numbers its packages past the receipt and sends a full package, which the intermediate court takes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { freshCourtDb, record } from '../helpers/tempDb';
import { installTestKeys } from '../helpers/exchangeKeys';
import { exportPackage, type ExportRequest } from '../../electron/core/exchange/package/exportPackage';
import { receivePackage } from '../../electron/core/exchange/package/receivePackage';
import { importReturn, makeReturn } from '../../electron/core/exchange/returns/returnFiles';
import { makeSigningKey, storeOwnKeys, storeRecipient, ageFingerprint } from '../../electron/core/exchange/keys/keyStore';
import { parseMinisignPublicKey, generateMinisignKey } from '../../electron/core/exchange/crypto/minisign';
import { SettingsStore } from '../../electron/core/settings/settingsStore';
import { setRange, rangesInForce } from '../../electron/core/indicators/rangeSettings';
import { nextSequence } from '../../electron/core/exchange/parts/exportLog';
import { openDatabase } from '../../electron/core/db/connection';
import { CoreError } from '../../electron/core/kernel/errors';

const BASIC_PASS = 'basic-pass-1';
const MID_PASS = 'mid-pass-1';
let basic: ReturnType<typeof freshCourtDb>;
let mid: ReturnType<typeof freshCourtDb>;
let stick: string;
let backupFile: string;

const req = (o: Partial<ExportRequest> = {}): ExportRequest => ({ from: '2025-01-01', to: '2025-06-30', incremental: false, includePartyNames: false, outDir: stick, passphrase: BASIC_PASS, ...o });
const settingsOf = (db: BetterSqlite3.Database) => new SettingsStore(db);

async function refusal(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof CoreError) return err.message;
    throw err;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  basic = freshCourtDb('辽0421');
  basic.put([record({ caseNumber: '（2025）辽0421民初1号', filedOn: '2025-03-10' }), record({ caseNumber: '（2025）辽0421民初2号', filedOn: '2025-04-17' })], '2025-06-30');
  mid = freshCourtDb('辽04');
  const signing = await makeSigningKey(BASIC_PASS);
  storeOwnKeys(basic.db, [{ kind: 'minisign', publicText: signing.line, fingerprint: signing.fingerprint, sealed: signing.sealed }], 'tester', 'exchange.keys.init');
  const key = parseMinisignPublicKey(signing.line)!;
  const midKeys = await installTestKeys(mid.db, MID_PASS, [{ courtCode: '辽0421', courtName: '测试县人民法院', key: { ...key, secretKey: new Uint8Array(64) } }]);
  const midSigning = await makeSigningKey(MID_PASS);
  storeOwnKeys(mid.db, [{ kind: 'minisign', publicText: midSigning.line, fingerprint: midSigning.fingerprint, sealed: midSigning.sealed }], 'tester', 'exchange.keys.init');
  storeRecipient(basic.db, { courtCode: '辽04', courtName: '某某市中级人民法院', recipient: midKeys.recipient, fingerprint: ageFingerprint(midKeys.recipient).hex, signingKey: midSigning.line }, 'tester');
  stick = path.join(basic.dir, 'usb');
  mkdirSync(stick);
  backupFile = path.join(basic.dir, 'backup.sqlite');
}, 60_000);
afterAll(() => {
  basic?.close();
  mid?.close();
});

describe('return files', () => {
  let text: string;

  it('carries the ranges and the receipt of the last package; imported once, the second time 已导入', async () => {
    const first = await exportPackage(basic.db, req(), 'tester');
    await basic.db.backup(backupFile);
    const second = await exportPackage(basic.db, req({ incremental: true }), 'tester');
    await receivePackage(mid.db, first.file, MID_PASS, 'tester');
    await receivePackage(mid.db, second.file, MID_PASS, 'tester');
    setRange(settingsOf(mid.db), { id: 'onTimeRate', low: 97, high: null }, 'tester');
    const made = await makeReturn(mid.db, settingsOf(mid.db), { courtCode: '辽0421', passphrase: MID_PASS }, 'tester', '2025-07-01');
    expect(made.lastImported).toMatchObject({ sequence: 2, packageId: second.packageId, payloadSha256: second.payloadSha256 });
    text = made.text;
    const r = importReturn(basic.db, settingsOf(basic.db), { fileName: made.fileName, text }, 'tester');
    expect(r).toMatchObject({ status: 'imported', lastImported: { sequence: 2 }, nextSequence: 3, warnings: [] });
    const onTime = rangesInForce(settingsOf(basic.db)).find((e) => e.id === 'onTimeRate')!;
    expect(onTime).toMatchObject({ low: 97, high: null, source: { kind: 'higherCourt' } });
    expect(importReturn(basic.db, settingsOf(basic.db), { fileName: made.fileName, text }, 'tester').status).toBe('alreadyImported');
  });

  it('a changed byte, a file for another court, a wrong passphrase: refused, nothing changed', async () => {
    const before = JSON.stringify(basic.db.prepare('SELECT key, value_json FROM settings ORDER BY key').all());
    const tampered = text.replace('"low": 97', '"low": 90');
    expect(tampered).not.toBe(text);
    expect(await refusal(() => importReturn(basic.db, settingsOf(basic.db), { fileName: 'x.cdret', text: tampered }, 'tester'))).toContain('签名无效');
    expect(await refusal(() => importReturn(basic.db, settingsOf(basic.db), { fileName: 'x.cdret', text: text.replace(/-----BEGIN[\s\S]*$/, '') }, 'tester'))).toContain('缺少签名段');
    expect(await refusal(() => makeReturn(mid.db, settingsOf(mid.db), { courtCode: '辽0499', passphrase: MID_PASS }, 'tester', '2025-07-01'))).toContain('未在本院登记');
    expect(await refusal(() => makeReturn(mid.db, settingsOf(mid.db), { courtCode: '辽0421', passphrase: 'wrong' }, 'tester', '2025-07-01'))).toContain('口令');
    // A return signed by a key that is not the intermediate court's registered one.
    const other = freshCourtDb('辽05');
    try {
      const otherKeys = await installTestKeys(other.db, MID_PASS, [{ courtCode: '辽0421', courtName: '测试县人民法院', key: generateMinisignKey() }]);
      void otherKeys;
      const otherSigning = await makeSigningKey(MID_PASS);
      storeOwnKeys(other.db, [{ kind: 'minisign', publicText: otherSigning.line, fingerprint: otherSigning.fingerprint, sealed: otherSigning.sealed }], 'tester', 'exchange.keys.init');
      const forged = await makeReturn(other.db, settingsOf(other.db), { courtCode: '辽0421', passphrase: MID_PASS }, 'tester', '2025-07-01');
      expect(await refusal(() => importReturn(basic.db, settingsOf(basic.db), { fileName: 'x.cdret', text: forged.text }, 'tester'))).toContain('签名无效');
    } finally {
      other.close();
    }
    expect(JSON.stringify(basic.db.prepare('SELECT key, value_json FROM settings ORDER BY key').all())).toBe(before);
  });

  it('after a restore from backup: the return moves the numbering past the receipt, an incremental is refused, a full package is taken', async () => {
    const made = await makeReturn(mid.db, settingsOf(mid.db), { courtCode: '辽0421', passphrase: MID_PASS }, 'tester', '2025-07-02');
    const { db: restored } = openDatabase(backupFile);
    try {
      expect(nextSequence(restored)).toBe(2);
      const r = importReturn(restored, settingsOf(restored), { fileName: made.fileName, text: made.text }, 'tester');
      expect(r.nextSequence).toBe(3);
      expect(r.warnings.join()).toContain('从备份恢复');
      expect(await refusal(() => exportPackage(restored, req({ incremental: true }), 'tester'))).toContain('下一个报送包应为全量报送');
      const full = await exportPackage(restored, req(), 'tester');
      expect(full.sequence).toBe(3);
      const got = await receivePackage(mid.db, full.file, MID_PASS, 'tester');
      expect(got).toMatchObject({ status: 'imported', sequence: 3 });
    } finally {
      restored.close();
    }
  });
});
