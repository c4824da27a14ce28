// The 脱薄 ledger between the courts: a basic court's ledger travels in its package and is held and shown at the intermediate court (exchange.courtLedger); the intermediate court's help measures go back in the return file and land in the basic court's ledger, replaced (not duplicated) by the next one, all or nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { freshCourtDb, record } from '../helpers/tempDb';
import { installTestKeys } from '../helpers/exchangeKeys';
import { EVIDENCE_SHA, seedLedger } from '../helpers/ledgerSeed';
import { writeHandPackage } from '../helpers/receivedCourts';
import { exportPackage, type ExportRequest } from '../../electron/core/exchange/package/exportPackage';
import { importReturn } from '../../electron/core/exchange/returns/returnFiles';
import { makeSigningKey, storeOwnKeys, storeRecipient, ageFingerprint } from '../../electron/core/exchange/keys/keyStore';
import { parseMinisignPublicKey } from '../../electron/core/exchange/crypto/minisign';
import { SettingsStore } from '../../electron/core/settings/settingsStore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { parseReturnFile, returnBodySchema } from '../../shared/exchange/returnFile';
import type { CourtLedgerView } from '../../shared/exchange/helpApi';
import type { ReturnImportView, ReturnMadeView } from '../../shared/exchange/api';
import { ledgerView } from '../../electron/core/ledger/ledgerViews';

const BASIC_PASS = 'basic-pass-1';
const MID_PASS = 'mid-pass-1';
const PASSWORD = 'right-pass-1';
let basic: ReturnType<typeof freshCourtDb>;
let mid: ReturnType<typeof freshCourtDb>;
let core: Core;
let president: string;
let viceOnly: string;
let stick: string;
let seeded: { points: number[]; measures: number[] };

const req = (o: Partial<ExportRequest> = {}): ExportRequest => ({ from: '2025-01-01', to: '2025-06-30', incremental: false, includePartyNames: false, outDir: stick, passphrase: BASIC_PASS, ...o });
const settingsOf = (db: BetterSqlite3.Database) => new SettingsStore(db);

async function call<T>(method: string, args: unknown, session = president): Promise<T> {
  const r = await core.call(method, args, { session });
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, field: r.error.field });
  return r.value as T;
}
async function refusal(method: string, args: unknown, session = president) {
  const r = await core.call(method, args, { session });
  expect(r.ok).toBe(false);
  return r.ok ? null : r.error;
}
async function signIn(name: string): Promise<string> {
  const r = await core.call('auth.signIn', { name, password: PASSWORD });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return (r.session as { set: string }).set;
}

beforeAll(async () => {
  basic = freshCourtDb('辽0421');
  basic.put([record({ caseNumber: '（2025）辽0421民初1号', filedOn: '2025-03-10' })], '2025-06-30');
  seeded = seedLedger(basic.db);
  mid = freshCourtDb('辽04');
  const signing = await makeSigningKey(BASIC_PASS);
  storeOwnKeys(basic.db, [{ kind: 'minisign', publicText: signing.line, fingerprint: signing.fingerprint, sealed: signing.sealed }], 'tester', 'exchange.keys.init');
  const key = parseMinisignPublicKey(signing.line)!;
  const midKeys = await installTestKeys(mid.db, MID_PASS, [{ courtCode: '辽0421', courtName: '测试县人民法院', key: { ...key, secretKey: new Uint8Array(64) } }]);
  const midSigning = await makeSigningKey(MID_PASS);
  storeOwnKeys(mid.db, [{ kind: 'minisign', publicText: midSigning.line, fingerprint: midSigning.fingerprint, sealed: midSigning.sealed }], 'tester', 'exchange.keys.init');
  storeRecipient(basic.db, { courtCode: '辽04', courtName: '某某市中级人民法院', recipient: midKeys.recipient, fingerprint: ageFingerprint(midKeys.recipient).hex, signingKey: midSigning.line }, 'tester');
  const accounts = new AccountStore(mid.db);
  accounts.create({ name: '院长甲', roles: ['president'], division: null, password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '副院长乙', roles: ['vice_president'], division: null, password: PASSWORD, actor: 'tester' });
  mid.db.close();
  core = openCore({ dbPath: mid.file, host: 'loopback', today: '2025-07-01' });
  president = await signIn('院长甲');
  viceOnly = await signIn('副院长乙');
  stick = path.join(basic.dir, 'usb');
  mkdirSync(stick);
}, 60_000);
afterAll(() => {
  core?.close();
  basic?.close();
  mid?.cleanup();
});

describe('the ledger part of a package received at the intermediate court', () => {
  it('is held whole in ledger_received and answered by the court page call', async () => {
    const before = await call<CourtLedgerView>('exchange.courtLedger', { courtCode: '辽0421' });
    expect(before.received).toBeNull();
    const pkg = await exportPackage(basic.db, req(), 'tester');
    expect(pkg.counts['ledger.json']).toBe(2 + 3 + 3 + 1);
    await call('exchange.receive', { file: pkg.file, passphrase: MID_PASS });

    const held = core.db.prepare("SELECT r.sequence, r.package_id AS packageId, r.ledger FROM ledger_received r JOIN courts c ON c.id = r.court_id WHERE c.code = '辽0421'").get() as { sequence: number; packageId: string; ledger: string };
    expect(held).toMatchObject({ sequence: pkg.sequence, packageId: pkg.packageId });
    const l = JSON.parse(held.ledger);
    expect(l.asOf).toBe('2025-06-30');
    expect(l.weakPoints.map((w: { text: string }) => w.text)).toEqual(['长期未结案件多', '结收比偏低']);
    expect(l.weakPoints[0].targets).toEqual([{ indicator: 'longPending12Ratio', target: 0.02, dueOn: '2025-12-31' }]);
    expect(l.measures.map((m: { status: string }) => m.status)).toEqual(['done', 'overdue', 'inProgress']);
    expect(l.measures[2].weakPointIds).toEqual(seeded.points);
    // Evidence by name, size and hash; never its bytes.
    expect(l.progress[1].evidence).toEqual([{ name: '专项行动总结.pdf', size: 21, sha256: EVIDENCE_SHA }]);
    expect(held.ledger).not.toContain('JVBER');
    // The meeting's snapshot carries the five fields only.
    expect(l.meetings[0].snapshot).toEqual([{ indicator: 'longPending12Ratio', value: 0.031, numerator: 31, denominator: 1000, status: 'high' }]);

    const view = await call<CourtLedgerView>('exchange.courtLedger', { courtCode: '辽0421' });
    expect(view.canManage).toBe(true);
    expect(view.received).toMatchObject({ sequence: pkg.sequence, asOf: '2025-06-30', counts: { done: 1, overdue: 1, inProgress: 1, notStarted: 0 } });
    expect(view.received!.weakPoints[0]).toMatchObject({ foundByLabel: '中院', targets: [{ name: '超12个月未结案件比', targetText: '≤ 2.00%', dueOn: '2025-12-31' }] });
    const overdue = view.received!.measures.find((m) => m.status === 'overdue')!;
    expect(overdue).toMatchObject({ text: '每周通报长期未结案件', statusLabel: '逾期', dueOn: '2025-05-31', latest: null });
    const first = view.received!.measures[0];
    expect(first.latest).toEqual({ onDate: '2025-03-20', text: '专项行动结束，共清理 31 件', done: true, evidence: ['专项行动总结.pdf'] });
    expect(first.progressCount).toBe(2);
    expect(view.received!.meetings).toEqual([{ heldOn: '2025-04-30', title: '四月质效分析会' }]);
  });

  it('a newer package replaces the held ledger, an incremental one too (the ledger always travels whole)', async () => {
    basic.db.prepare("UPDATE ledger_measures SET done_on = '2025-06-20' WHERE id = ?").run(seeded.measures[1]);
    const inc = await exportPackage(basic.db, req({ incremental: true }), 'tester');
    expect(inc.kind).toBe('incremental');
    await call('exchange.receive', { file: inc.file, passphrase: MID_PASS });
    const view = await call<CourtLedgerView>('exchange.courtLedger', { courtCode: '辽0421' });
    expect(view.received!.sequence).toBe(inc.sequence);
    expect(view.received!.counts).toMatchObject({ done: 2, overdue: 0 });
    expect(core.db.prepare('SELECT count(*) FROM ledger_received').pluck().get()).toBe(1);
  });

  it('a court not registered here, or a reader without exchange.receive, is refused', async () => {
    expect((await refusal('exchange.courtLedger', { courtCode: '辽0499' }))!.message).toContain('未在本院登记');
    expect((await refusal('exchange.courtLedger', { courtCode: '辽0421' }, viceOnly))!.code).toBe('FORBIDDEN');
  });

  it('a court whose packages are here but whose key is no longer registered still has its ledger shown', async () => {
    writeHandPackage(core.db, { code: '辽0423', name: '丙县人民法院', sequence: 1, from: '2025-01-01', to: '2025-06-30', court: {} });
    const view = await call<CourtLedgerView>('exchange.courtLedger', { courtCode: '辽0423' });
    expect(view).toMatchObject({ courtCode: '辽0423', courtName: '丙县人民法院', received: { sequence: 1, weakPoints: [], measures: [] }, help: [] });
  });
});

describe('help measures through the return file', () => {
  let helpA: number;
  let helpB: number;
  const add = (o: Record<string, unknown> = {}) => ({ courtCode: '辽0421', text: '派员驻点指导长期未结案件清理', weakPointIds: [seeded.points[0]], leader: '副院长王', owner: '审管办李', division: '审判管理办公室', startOn: '2025-07-01', dueOn: '2025-09-30', ...o });

  it('are added, checked against the received ledger, and audited at the intermediate court', async () => {
    helpA = (await call<{ id: number }>('exchange.helpAdd', add())).id;
    helpB = (await call<{ id: number }>('exchange.helpAdd', add({ text: '组织速裁业务培训', weakPointIds: [seeded.points[1]], startOn: '2025-06-01', dueOn: '2025-06-20' }))).id;
    const bad = await refusal('exchange.helpAdd', add({ weakPointIds: [99] }));
    expect(bad).toMatchObject({ code: 'BAD_ARGS', field: 'weakPointIds' });
    expect(bad!.message).toContain('薄弱点 99 不在辽0421报送的台账中');
    expect(await refusal('exchange.helpAdd', add({ dueOn: '2025-06-01' }))).toMatchObject({ code: 'BAD_ARGS', field: 'dueOn', message: expect.stringContaining('完成期限不能早于开始日期') });
    await call('exchange.helpProgress', { id: helpA, text: '已派两名法官驻点', onDate: '2025-07-01' });
    const view = await call<CourtLedgerView>('exchange.courtLedger', { courtCode: '辽0421' });
    expect(view.help.map((h) => [h.text, h.statusLabel])).toEqual([['组织速裁业务培训', '逾期'], ['派员驻点指导长期未结案件清理', '推进中']]);
    expect(view.help[1].progress).toMatchObject([{ onDate: '2025-07-01', text: '已派两名法官驻点', done: false, recordedBy: '院长甲' }]);
    const audited = core.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'exchange.help.%' ORDER BY id").pluck().all();
    expect(audited).toEqual(['exchange.help.add', 'exchange.help.add', 'exchange.help.progress']);
  });

  it('travel in the return file and land in the basic court ledger as read-only help measures; unknown weak points dropped with a warning', async () => {
    // A weak point the basic court no longer has (its package named it once).
    core.db.prepare('UPDATE ledger_help_measures SET weak_points = ? WHERE id = ?').run(JSON.stringify([seeded.points[1], 99]), helpB);
    // The measure may still be edited with that weak point kept; a new unknown one is refused.
    const { courtCode: _c, ...kept } = add({ text: '组织速裁业务培训', weakPointIds: [seeded.points[1], 99], startOn: '2025-06-01', dueOn: '2025-06-20' });
    await call('exchange.helpUpdate', { id: helpB, ...kept });
    expect((await refusal('exchange.helpUpdate', { id: helpB, ...kept, weakPointIds: [seeded.points[1], 99, 98] }))!.message).toContain('薄弱点 98 不在');
    const made = await call<ReturnMadeView>('exchange.returnMake', { courtCode: '辽0421', passphrase: MID_PASS });
    expect(made.helpMeasures).toBe(2);
    const parsed = parseReturnFile(made.text);
    expect(parsed.ok && parsed.body.helpMeasures!.map((h) => h.id)).toEqual([helpB, helpA]);
    const r = importReturn(basic.db, settingsOf(basic.db), { fileName: made.fileName, text: made.text }, 'tester');
    expect(r.helpMeasures).toBe(2);
    expect(r.warnings).toEqual(['中院帮扶措施“组织速裁业务培训”针对的薄弱点 99 在本院台账中不存在，已略去']);
    const rows = basic.db.prepare("SELECT id, kind, origin, origin_key AS k, text, leader_name AS leader, leader_id AS leaderId, done_on AS doneOn FROM ledger_measures WHERE origin = 'return' ORDER BY origin_key").all() as Array<{ id: number; k: string; kind: string; leaderId: number | null; text: string; doneOn: string | null }>;
    expect(rows.map((m) => [m.k, m.kind, m.text, m.leaderId])).toEqual([[`辽04:${helpA}`, 'help', '派员驻点指导长期未结案件清理', null], [`辽04:${helpB}`, 'help', '组织速裁业务培训', null]]);
    const points = (id: number) => basic.db.prepare('SELECT weak_point_id FROM ledger_measure_points WHERE measure_id = ? ORDER BY weak_point_id').pluck().all(id);
    expect(points(rows[1].id)).toEqual([seeded.points[1]]);
    const progress = basic.db.prepare('SELECT on_date AS onDate, text, done, recorded_by AS by FROM ledger_progress WHERE measure_id = ?').all(rows[0].id);
    expect(progress).toEqual([{ onDate: '2025-07-01', text: '已派两名法官驻点', done: 0, by: '测试县人民法院' }]);
  });

  it('updated and re-imported: replaced, never duplicated; done and progress follow', async () => {
    const { courtCode: _court, ...fields } = add({ text: '派员驻点指导（延至十月）', dueOn: '2025-10-31' });
    await call('exchange.helpUpdate', { id: helpA, ...fields });
    await call('exchange.helpProgress', { id: helpA, text: '驻点结束，清理 40 件', onDate: '2025-07-01', done: true });
    const made = await call<ReturnMadeView>('exchange.returnMake', { courtCode: '辽0421', passphrase: MID_PASS });
    const count = () => basic.db.prepare("SELECT count(*) FROM ledger_measures WHERE origin = 'return'").pluck().get();
    importReturn(basic.db, settingsOf(basic.db), { fileName: made.fileName, text: made.text }, 'tester');
    expect(count()).toBe(2);
    const a = basic.db.prepare('SELECT id, text, due_on AS dueOn, done_on AS doneOn FROM ledger_measures WHERE origin_key = ?').get(`辽04:${helpA}`) as { id: number; text: string; dueOn: string; doneOn: string };
    expect(a).toMatchObject({ text: '派员驻点指导（延至十月）', dueOn: '2025-10-31', doneOn: '2025-07-01' });
    expect(basic.db.prepare('SELECT text, done FROM ledger_progress WHERE measure_id = ? ORDER BY id').all(a.id)).toEqual([
      { text: '已派两名法官驻点', done: 0 },
      { text: '驻点结束，清理 40 件', done: 1 },
    ]);
    // The basic court's own ledger view lists them as help measures from the return, which a keeper may not record on.
    const shown = ledgerView(basic.db, { today: '2025-07-01', viewer: { staffId: null, canManage: true } }).measures.filter((m) => m.origin === 'return');
    expect(shown.map((m) => [m.kindLabel, m.text, m.statusLabel, m.canRecord])).toEqual([
      ['帮扶措施', '派员驻点指导（延至十月）', '已完成', false],
      ['帮扶措施', '组织速裁业务培训', '逾期', false],
    ]);
    // The local ledger is untouched.
    expect(basic.db.prepare("SELECT count(*) FROM ledger_measures WHERE origin = 'local'").pluck().get()).toBe(3);
    // The basic court's next package carries them back, marked as returned.
    const pkg = await exportPackage(basic.db, req(), 'tester');
    await call('exchange.receive', { file: pkg.file, passphrase: MID_PASS });
    const view = await call<CourtLedgerView>('exchange.courtLedger', { courtCode: '辽0421' });
    expect(view.received!.measures.filter((m) => m.fromReturn).map((m) => m.kindLabel)).toEqual(['帮扶措施', '帮扶措施']);
  });

  it('nothing half-written when the import fails midway; a return file without help measures (made before them) still reads', async () => {
    await call('exchange.helpProgress', { id: helpB, text: '培训已完成', onDate: '2025-07-01', done: true });
    const made = await call<ReturnMadeView>('exchange.returnMake', { courtCode: '辽0421', passphrase: MID_PASS });
    const snapshot = () => JSON.stringify(['ledger_measures', 'ledger_progress', 'ledger_measure_points', 'settings'].map((t) => basic.db.prepare(`SELECT * FROM ${t}`).all()));
    const before = snapshot();
    basic.db.exec("CREATE TEMP TRIGGER fail_progress BEFORE INSERT ON ledger_progress WHEN NEW.text = '培训已完成' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    try {
      expect(() => importReturn(basic.db, settingsOf(basic.db), { fileName: made.fileName, text: made.text }, 'tester')).toThrow();
    } finally {
      basic.db.exec('DROP TRIGGER fail_progress');
    }
    expect(snapshot()).toBe(before);
    const r: ReturnImportView = importReturn(basic.db, settingsOf(basic.db), { fileName: made.fileName, text: made.text }, 'tester');
    expect(r.status).toBe('imported');
    expect(basic.db.prepare('SELECT done_on FROM ledger_measures WHERE origin_key = ?').pluck().get(`辽04:${helpB}`)).toBe('2025-07-01');

    const parsed = parseReturnFile(made.text);
    if (!parsed.ok) throw new Error(parsed.message);
    const { helpMeasures, ...older } = parsed.body;
    expect(helpMeasures).toHaveLength(2);
    expect(returnBodySchema.safeParse(older).success).toBe(true);
  });
});
