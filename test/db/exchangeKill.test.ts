// A receive killed (SIGKILL, no cleanup) between decryption and the commit: the intermediate court's database holds
// nothing of the package, and the next receive of the same file imports it. The child process runs the real receive,
// bundled from the sources for the test, and kills itself at the seam before the one transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { freshCourtDb, record } from '../helpers/tempDb';
import { installTestKeys } from '../helpers/exchangeKeys';
import { forgePackage } from '../helpers/packageForge';
import { buildParts } from '../../electron/core/exchange/parts/buildParts';
import { receivePackage } from '../../electron/core/exchange/package/receivePackage';
import { generateMinisignKey } from '../../electron/core/exchange/crypto/minisign';
import type { DataPart } from '../../shared/exchange/partNames';

const ROOT = path.resolve(__dirname, '../..');
const PASS = 'mid-pass-1';
let mid: ReturnType<typeof freshCourtDb>;
let script: string;
let file: string;

beforeAll(async () => {
  const basic = freshCourtDb('辽0421');
  basic.put([record({ caseNumber: '（2025）辽0421民初1号', filedOn: '2025-03-10' })], '2025-06-30');
  const texts = Object.fromEntries(buildParts(basic.db, { from: '2025-01-01', to: '2025-06-30', sinceRowVersion: null, includePartyNames: false }).parts.map((p) => [p.name, p.data.toString('utf8')])) as Record<DataPart, string>;
  basic.close();
  mid = freshCourtDb('辽04');
  const signer = generateMinisignKey();
  const keys = await installTestKeys(mid.db, PASS, [{ courtCode: '辽0421', courtName: '测试县人民法院', key: signer }]);
  const { bytes } = await forgePackage({ senderCode: '辽0421', signer, recipient: keys.recipient, recipientFingerprint: keys.fingerprint, sequence: 1, parts: texts });
  file = path.join(mid.dir, 'pkg.cdpkg');
  writeFileSync(file, bytes);
  const entry = path.join(mid.dir, 'killAtCommit.ts');
  writeFileSync(entry, `
    import { openDatabase } from ${JSON.stringify(path.join(ROOT, 'electron/core/db/connection'))};
    import { receivePackage } from ${JSON.stringify(path.join(ROOT, 'electron/core/exchange/package/receivePackage'))};
    const [dbPath, pkg, pass] = process.argv.slice(2);
    const { db } = openDatabase(dbPath);
    void receivePackage(db, pkg, pass, 'tester', () => { process.stdout.write('decrypted\\n'); process.kill(process.pid, 'SIGKILL'); });
  `);
  script = path.join(mid.dir, 'killAtCommit.cjs');
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: script, external: ['better-sqlite3'], logLevel: 'error', nodePaths: [path.join(ROOT, 'node_modules')] });
}, 60_000);
afterAll(() => mid?.close());

const state = () => JSON.stringify(['received_packages', 'received_cases', 'received_indicators', 'audit_log'].map((t) => mid.db.prepare(`SELECT * FROM ${t}`).all()));

describe('a receive killed between decryption and commit', () => {
  it('leaves the database as it was, and the next receive imports the package', async () => {
    const before = state();
    const r = spawnSync(process.execPath, [script, mid.file, file, PASS], { encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') }, timeout: 60_000 });
    expect(r.signal, r.stderr).toBe('SIGKILL');
    expect(r.stdout).toContain('decrypted');
    expect(mid.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(state()).toBe(before);
    const view = await receivePackage(mid.db, file, PASS, 'tester');
    expect(view.status).toBe('imported');
    expect(mid.db.prepare("SELECT COUNT(*) FROM received_cases WHERE sender_code = '辽0421'").pluck().get()).toBe(1);
  }, 60_000);
});
