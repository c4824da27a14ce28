// The format is the standard one: a package assembled by hand with Debian's zip, age and minisign (a key made by
// `minisign -G`, the recipient's age key) is received by CourtDesk like one of its own. (The other direction, a
// CourtDesk package opened with those tools alone, is in test/cli/package.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freshCourtDb, record } from '../helpers/tempDb';
import { buildParts } from '../../electron/core/exchange/parts/buildParts';
import { receivePackage } from '../../electron/core/exchange/package/receivePackage';
import { generateAgeIdentity } from '../../electron/core/exchange/crypto/age';
import { minisignPublicKeyLine, parseMinisignPublicKey } from '../../electron/core/exchange/crypto/minisign';
import { minisignFingerprint, sealAgeIdentity, storeOwnKeys, storeSender } from '../../electron/core/exchange/keys/keyStore';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';

const PASS = 'mid-pass-1';
let mid: ReturnType<typeof freshCourtDb>;
let basic: ReturnType<typeof freshCourtDb>;
let work: string;
let recipient: string;
let fingerprint: string;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  basic = freshCourtDb('辽0421');
  basic.put([
    record({ caseNumber: '（2025）辽0421民初1号', filedOn: '2025-03-10', closedOn: '2025-05-18', closingMethod: '判决' }),
    record({ caseNumber: '（2025）辽0421民初2号', filedOn: '2025-04-17' }),
  ], '2025-06-30');
  mid = freshCourtDb('辽04');
  work = path.join(mid.dir, 'by-hand');
  mkdirSync(work);
  const { identity } = await generateAgeIdentity();
  const sealed = await sealAgeIdentity(identity, PASS);
  storeOwnKeys(mid.db, [{ kind: 'age', publicText: sealed.recipient, fingerprint: sealed.fingerprint, sealed: sealed.sealed }], 'tester', 'exchange.keys.importIdentity');
  recipient = sealed.recipient;
  fingerprint = sealed.fingerprint;
  // The basic court's key made by minisign itself, unencrypted (-W), and registered from its .pub file.
  execFileSync('minisign', ['-G', '-W', '-p', path.join(work, 'basic.pub'), '-s', path.join(work, 'basic.key')], { stdio: 'ignore' });
  const pub = parseMinisignPublicKey(readFileSync(path.join(work, 'basic.pub'), 'utf8'))!;
  storeSender(mid.db, { courtCode: '辽0421', courtName: '测试县人民法院', publicKey: minisignPublicKeyLine(pub), fingerprint: minisignFingerprint(pub).hex }, 'tester');
}, 60_000);
afterAll(() => {
  mid?.close();
  basic?.close();
});

describe('a package assembled with zip, age and minisign', () => {
  it.each([
    ['stored outer entries (zip -0)', ['-0']],
    ['Info-ZIP choosing per entry (manifest deflated, payload stored)', []],
  ])('%s is received', async (_label, zipFlags) => {
    const dir = path.join(work, randomUUID());
    mkdirSync(dir);
    const built = buildParts(basic.db, { from: '2025-01-01', to: '2025-06-30', sinceRowVersion: null, includePartyNames: false });
    const packageId = randomUUID();
    const sequence = zipFlags.length === 0 ? 2 : 1;
    const counts = Object.fromEntries(built.parts.map((p) => [p.name, p.rows]));
    const parts = Object.fromEntries(built.parts.map((p) => [p.name, { sha256: p.sha256, bytes: p.data.length }]));
    writeFileSync(path.join(dir, 'content.json'), JSON.stringify({ packageId, sender: { courtCode: '辽0421' }, sequence, kind: 'full', baseSequence: null, schemaVersion: LATEST_SCHEMA_VERSION, counts, parts }));
    for (const p of built.parts) writeFileSync(path.join(dir, p.name), p.data);
    execFileSync('zip', ['-q', '-X', 'p.zip', 'content.json', ...built.parts.map((p) => p.name)], { cwd: dir });
    execFileSync('age', ['-r', recipient, '-o', 'payload.age', 'p.zip'], { cwd: dir });
    const manifest = {
      formatVersion: 1,
      suite: 'age-x25519/minisign-ed25519',
      packageId,
      sender: { courtCode: '辽0421', courtName: '测试县人民法院' },
      recipient: { courtCode: '辽04', fingerprint },
      period: { from: '2025-01-01', to: '2025-06-30' },
      kind: 'full',
      baseSequence: null,
      sequence,
      schemaVersion: LATEST_SCHEMA_VERSION,
      createdAt: new Date().toISOString(),
      includesPartyNames: false,
      counts,
      payloadSha256: sha(readFileSync(path.join(dir, 'payload.age'))),
    };
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    execFileSync('minisign', ['-S', '-s', path.join(work, 'basic.key'), '-m', 'manifest.json', '-t', `package ${packageId}`], { cwd: dir, stdio: 'ignore' });
    execFileSync('zip', ['-q', '-X', ...zipFlags, 'by-hand.cdpkg', 'manifest.json', 'manifest.json.minisig', 'payload.age'], { cwd: dir });
    const r = await receivePackage(mid.db, path.join(dir, 'by-hand.cdpkg'), PASS, 'tester');
    expect(r).toMatchObject({ status: 'imported', senderCode: '辽0421', sequence });
    expect(mid.db.prepare("SELECT COUNT(*) FROM received_cases WHERE sender_code = '辽0421'").pluck().get()).toBe(2);
  });
});
