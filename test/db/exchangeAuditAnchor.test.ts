// The audit chain anchored at the intermediate court (issue 15 item 6): each package carries the basic court's chain
// length and head and the digests since its last package; the intermediate court holds the head and flags, in the
// receive and in its court list, a log rewritten (even with every hash recomputed) or cut after it was reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { freshCourtDb, record } from '../helpers/tempDb';
import { installTestKeys } from '../helpers/exchangeKeys';
import { exportPackage, type ExportRequest } from '../../electron/core/exchange/package/exportPackage';
import { receivePackage } from '../../electron/core/exchange/package/receivePackage';
import { chainAlert, heldAnchor } from '../../electron/core/exchange/package/auditAnchor';
import { importReturn, makeReturn } from '../../electron/core/exchange/returns/returnFiles';
import { SettingsStore } from '../../electron/core/settings/settingsStore';
import { ageFingerprint, getReportingRecipient, makeSigningKey, storeOwnKeys, storeRecipient } from '../../electron/core/exchange/keys/keyStore';
import { parseMinisignPublicKey } from '../../electron/core/exchange/crypto/minisign';
import { entryHash, GENESIS_HASH, type HashedFields } from '../../electron/core/audit/auditLog';

const BASIC_PASS = 'basic-pass-1';
const MID_PASS = 'mid-pass-1';
let basic: ReturnType<typeof freshCourtDb>;
let mid: ReturnType<typeof freshCourtDb>;
let stick: string;
let n = 0;

const req = (o: Partial<ExportRequest> = {}): ExportRequest => ({ from: '2025-01-01', to: '2025-06-30', incremental: true, includePartyNames: false, outDir: stick, passphrase: BASIC_PASS, ...o });
const status = (packageId: string) => mid.db.prepare('SELECT chain_status FROM received_packages WHERE package_id = ?').pluck().get(packageId);
const addCase = () => basic.put([record({ caseNumber: `（2025）辽0421民初${++n}号`, filedOn: '2025-03-10' })], '2025-06-30');

async function roundTrip(o: Partial<ExportRequest> = {}) {
  const e = await exportPackage(basic.db, req(o), 'tester');
  const r = await receivePackage(mid.db, e.file, MID_PASS, 'tester');
  return { e, r, status: status(e.packageId) };
}

/** What someone holding the basic court's file can do: change an entry and recompute every hash after it. */
function rewriteAuditEntry(id: number) {
  basic.db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete');
  basic.db.prepare("UPDATE audit_log SET actor = '别人' WHERE id = ?").run(id);
  let prev = GENESIS_HASH;
  for (const [rid, ...fields] of basic.db.prepare('SELECT id, at, actor, action, entity, entity_key, before_json, after_json FROM audit_log ORDER BY id').raw().all() as Array<[number, ...HashedFields]>) {
    const h = entryHash(prev, fields as HashedFields);
    basic.db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, h, rid);
    prev = h;
  }
}

beforeAll(async () => {
  basic = freshCourtDb('辽0421');
  mid = freshCourtDb('辽04');
  const signing = await makeSigningKey(BASIC_PASS);
  storeOwnKeys(basic.db, [{ kind: 'minisign', publicText: signing.line, fingerprint: signing.fingerprint, sealed: signing.sealed }], 'tester', 'exchange.keys.init');
  const keys = await installTestKeys(mid.db, MID_PASS, [{ courtCode: '辽0421', courtName: '测试县人民法院', key: { ...parseMinisignPublicKey(signing.line)!, secretKey: new Uint8Array(64) } }]);
  storeRecipient(basic.db, { courtCode: '辽04', courtName: '某某市中级人民法院', recipient: keys.recipient, fingerprint: ageFingerprint(keys.recipient).hex, signingKey: null }, 'tester');
  stick = path.join(basic.dir, 'usb');
  mkdirSync(stick);
  addCase();
}, 60_000);
afterAll(() => {
  basic?.close();
  mid?.close();
});

describe('the audit chain anchored at the intermediate court', () => {
  it('the first package sets the head; the next ones extend it', async () => {
    const first = await roundTrip({ incremental: false });
    expect(first.status).toBe('first');
    addCase();
    const second = await roundTrip();
    expect(second.status).toBe('extends');
    expect(second.r.warnings).toEqual([]);
    expect(chainAlert(mid.db, '辽0421')).toBeNull();
  });

  it('an entry rewritten after it was reported, every hash recomputed: imported, flagged loudly, and the flag stays', async () => {
    rewriteAuditEntry(2);
    addCase();
    const third = await roundTrip();
    expect(third.status).toBe('rewritten');
    expect(third.r.warnings.join()).toMatch(/^警告：测试县人民法院（辽0421）的审计日志/);
    expect(chainAlert(mid.db, '辽0421')).toMatchObject({ status: 'rewritten', sequence: third.e.sequence });
    addCase();
    const fourth = await roundTrip();
    expect(fourth.status).toBe('extends');
    expect(chainAlert(mid.db, '辽0421')).toMatchObject({ status: 'rewritten', sequence: third.e.sequence });
  });

  it('a log cut after it was reported: cut', async () => {
    const length = basic.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
    basic.db.prepare('DELETE FROM audit_log WHERE id > ?').run(length - 3);
    const fifth = await roundTrip({ incremental: false });
    expect(fifth.status).toBe('cut');
    expect(chainAlert(mid.db, '辽0421')).toMatchObject({ status: 'cut', sequence: fifth.e.sequence });
  });

  it('a package whose digests start after the held head (one never delivered): unverifiable, the head not moved; a return file sets it right', async () => {
    const midSigning = await makeSigningKey(MID_PASS);
    storeOwnKeys(mid.db, [{ kind: 'minisign', publicText: midSigning.line, fingerprint: midSigning.fingerprint, sealed: midSigning.sealed }], 'tester', 'exchange.keys.init');
    const recipient = getReportingRecipient(basic.db)!;
    storeRecipient(basic.db, { ...recipient, signingKey: midSigning.line }, 'tester');
    const held = heldAnchor(mid.db, '辽0421');
    addCase();
    await exportPackage(basic.db, req({ incremental: false }), 'tester'); // written, never carried to the intermediate court
    addCase();
    const next = await roundTrip({ incremental: false });
    expect(next.status).toBe('unverifiable');
    expect(next.r.warnings.join()).toContain('无法核对');
    expect(heldAnchor(mid.db, '辽0421')).toEqual(held);
    const made = await makeReturn(mid.db, new SettingsStore(mid.db), { courtCode: '辽0421', passphrase: MID_PASS }, 'tester', '2025-07-01');
    expect(made.lastImported?.auditLength).toBe(held!.length);
    importReturn(basic.db, new SettingsStore(basic.db), { fileName: made.fileName, text: made.text }, 'tester');
    addCase();
    const after = await roundTrip({ incremental: false });
    expect(after.status).toBe('extends');
  });
});
