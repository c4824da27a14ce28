// The intermediate court refusing a package whose ledger part (ledger.json) is malformed: its own refusal code and Chinese message, and nothing of the package written (received tables, ledger_received, the package log).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { freshCourtDb, record } from '../helpers/tempDb';
import { forgePackage } from '../helpers/packageForge';
import { seedLedger } from '../helpers/ledgerSeed';
import { buildParts } from '../../electron/core/exchange/parts/buildParts';
import { receivePackage, PackageRefused } from '../../electron/core/exchange/package/receivePackage';
import { generateMinisignKey, type MinisignSecretKey } from '../../electron/core/exchange/crypto/minisign';
import type { DataPart } from '../../shared/exchange/partNames';
import { installTestKeys } from '../helpers/exchangeKeys';

const PASS = 'mid-pass-1';
let mid: ReturnType<typeof freshCourtDb>;
let basic: ReturnType<typeof freshCourtDb>;
let signer: MinisignSecretKey;
let keys: { recipient: string; fingerprint: string };
let texts: Record<DataPart, string>;
let ledger: Record<string, unknown[] | string>;
let n = 0;

beforeAll(async () => {
  basic = freshCourtDb('辽0421');
  basic.put([record({ caseNumber: '（2025）辽0421民初1号', filedOn: '2025-03-10' })], '2025-06-30');
  seedLedger(basic.db);
  const built = buildParts(basic.db, { from: '2025-01-01', to: '2025-06-30', sinceRowVersion: null, includePartyNames: false });
  texts = Object.fromEntries(built.parts.map((p) => [p.name, p.data.toString('utf8')])) as Record<DataPart, string>;
  ledger = JSON.parse(texts['ledger.json']) as typeof ledger;
  mid = freshCourtDb('辽04');
  signer = generateMinisignKey();
  keys = await installTestKeys(mid.db, PASS, [{ courtCode: '辽0421', courtName: '测试县人民法院', key: signer }]);
}, 60_000);
afterAll(() => {
  mid?.close();
  basic?.close();
});

/** Everything a package writes at the intermediate court. */
function state(): string {
  const tables = mid.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'received_%' OR name = 'ledger_received' OR name = 'courts') ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, mid.db.prepare(`SELECT * FROM ${t}`).all()]));
}

async function receiveLedger(ledgerText: string) {
  const { bytes } = await forgePackage({ senderCode: '辽0421', signer, recipient: keys.recipient, recipientFingerprint: keys.fingerprint, sequence: 100 + ++n, parts: { ...texts, 'ledger.json': ledgerText } });
  const file = path.join(mid.dir, `l${n}.cdpkg`);
  writeFileSync(file, bytes);
  try {
    return { ok: true as const, view: await receivePackage(mid.db, file, PASS, 'tester') };
  } catch (err) {
    if (err instanceof PackageRefused) return { ok: false as const, code: err.refusal, message: err.message };
    throw err;
  }
}

const edit = (f: (l: Record<string, any>) => void): string => {
  const copy = JSON.parse(JSON.stringify(ledger)) as Record<string, any>;
  f(copy);
  return JSON.stringify(copy);
};

describe('a malformed ledger part refuses the package and writes nothing', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ['not JSON', () => '{"asOf": "2025-06-30", "weakPoints": [', /脱薄台账（ledger\.json 不是有效的 JSON）/],
    ['an unknown field', () => edit((l) => { l.measures[0].secret = 'x'; }), /脱薄台账.*ledger\.json/],
    ['a status no rule gives', () => edit((l) => { l.measures[0].status = 'finished'; }), /脱薄台账.*measures\.0\.status/],
    ['a date that does not exist', () => edit((l) => { l.measures[1].dueOn = '2025-02-30'; }), /脱薄台账.*measures\.1\.dueOn/],
    ['a deadline before the start', () => edit((l) => { l.measures[1].dueOn = '2025-01-01'; }), /脱薄台账.*完成期限早于开始日期/],
    ['a measure naming a weak point not in the ledger', () => edit((l) => { l.measures[0].weakPointIds = [99]; }), /措施第 1 项：所针对的薄弱点 99 不在台账中/],
    ['progress of a measure not in the ledger', () => edit((l) => { l.progress[0].measureId = 77; }), /进展第 1 项：所属措施 77 不在台账中/],
    ['a weak point twice', () => edit((l) => { l.weakPoints[1].id = l.weakPoints[0].id; }), /薄弱点第 2 项：编号 \d+ 重复/],
    ['evidence bytes instead of their hash', () => edit((l) => { l.progress[1].evidence[0].bytes = 'JVBERi0='; }), /脱薄台账/],
    ['another day than the period end', () => edit((l) => { l.asOf = '2025-07-31'; }), /asOf 2025-07-31 与报送期末 2025-06-30 不符/],
    ['__proto__ smuggled in', () => texts['ledger.json'].replace('"asOf"', '"__proto__": {"x": 1}, "asOf"'), /__proto__/],
  ];
  it.each(cases)('%s', async (_label, make, message) => {
    const before = state();
    const r = await receiveLedger(make());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('ledger');
    expect(r.message).toMatch(/^报送包中的脱薄台账/);
    expect(r.message).toMatch(message);
    expect(r.message).toMatch(/未导入$/);
    expect(state()).toBe(before);
    const logged = mid.db.prepare('SELECT code FROM package_refusals ORDER BY id DESC LIMIT 1').pluck().get();
    expect(logged).toBe('ledger');
  });

  it('the same package with its ledger intact is imported, the ledger held for the court', async () => {
    const r = await receiveLedger(texts['ledger.json']);
    expect(r.ok && r.view.status).toBe('imported');
    const held = mid.db.prepare("SELECT r.sequence, r.ledger FROM ledger_received r JOIN courts c ON c.id = r.court_id WHERE c.code = '辽0421'").get() as { sequence: number; ledger: string };
    expect(held.sequence).toBe(100 + n);
    expect(JSON.parse(held.ledger)).toEqual(ledger);
  });
});
