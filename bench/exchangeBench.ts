// The 报送包's budget (performance.md): one year of about 50,000 cases exported and received within 3 s each, beside
// a baseline measured in the same run (DEFLATE of the same parts, the cost the spec names as the main one).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { openDatabase, closeDatabase } from '../electron/core/db/connection';
import { initCourt } from '../electron/core/setup/initCourt';
import { exportPackage } from '../electron/core/exchange/package/exportPackage';
import { receivePackage } from '../electron/core/exchange/package/receivePackage';
import { buildParts } from '../electron/core/exchange/parts/buildParts';
import { generateAgeIdentity } from '../electron/core/exchange/crypto/age';
import { ageFingerprint, makeSigningKey, sealAgeIdentity, storeOwnKeys, storeRecipient, storeSender, unlockSigningKey } from '../electron/core/exchange/keys/keyStore';

export interface ExchangeBenchTools {
  today: string;
  timeAsync(fn: () => Promise<void>): Promise<number>;
  time(fn: () => void): number;
  report(line: { op: string; size: number; unit: string; samples: number[]; baselineSamples?: number[]; budget?: string; note?: string }): void;
}

const PASS = 'bench-passphrase';

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Export at a copy of the cached court, receive at a fresh intermediate court; three runs each after a warm-up. */
export async function benchExchange(t: ExchangeBenchTools, n: number, cachedFile: string): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'courtdesk-bench-exchange-'));
  try {
    const basicFile = path.join(work, 'basic.sqlite');
    copyFileSync(cachedFile, basicFile);
    const { db: basic } = openDatabase(basicFile);
    const midFile = path.join(work, 'mid.sqlite');
    const { db: mid } = openDatabase(midFile, { create: true });
    initCourt(mid, '辽04', '基准测试市中级人民法院', 'bench', true);
    const signing = await makeSigningKey(PASS);
    storeOwnKeys(basic, [{ kind: 'minisign', publicText: signing.line, fingerprint: signing.fingerprint, sealed: signing.sealed }], 'bench', 'exchange.keys.init');
    const { identity } = await generateAgeIdentity();
    const sealed = await sealAgeIdentity(identity, PASS);
    storeOwnKeys(mid, [{ kind: 'age', publicText: sealed.recipient, fingerprint: sealed.fingerprint, sealed: sealed.sealed }], 'bench', 'exchange.keys.importIdentity');
    storeRecipient(basic, { courtCode: '辽04', courtName: '基准测试市中级人民法院', recipient: sealed.recipient, fingerprint: ageFingerprint(sealed.recipient).hex, signingKey: null }, 'bench');
    const courtCode = (basic.prepare('SELECT code FROM courts WHERE is_self = 1').pluck().get() as string);
    storeSender(mid, { courtCode, courtName: '基准测试县人民法院', publicKey: signing.line, fingerprint: signing.fingerprint }, 'bench');

    // The budget is "one year of 50,000 cases": the generator's court files about a tenth of its cases a year, and a
    // period also takes the cases pending from before, so the period is the one ending today that takes about 50,000.
    const to = t.today;
    const count = basic.prepare('SELECT COUNT(*) FROM cases WHERE filed_on <= ? AND (closed_on IS NULL OR closed_on >= ?)').pluck();
    let days = 365;
    while (days > 30 && (count.get(to, addDays(to, -days + 1)) as number) > 50_000) days -= 5;
    const from = addDays(to, -days + 1);
    const opts = { from, to, sinceRowVersion: null, includePartyNames: false };
    let cases = 0;
    let rawBytes = 0;
    const partsMs: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < 4; i++) {
      let parts: ReturnType<typeof buildParts>['parts'] = [];
      const ms = t.time(() => {
        parts = buildParts(basic, opts).parts;
      });
      cases = parts.find((p) => p.name === 'cases.ndjson')?.rows ?? 0;
      rawBytes = parts.reduce((s, p) => s + p.data.length, 0);
      const b = t.time(() => {
        for (const p of parts) deflateRawSync(p.data);
      });
      if (i > 0) {
        partsMs.push(ms);
        baseline.push(b);
      }
    }
    const unlockMs: number[] = [];
    for (let i = 0; i < 2; i++) unlockMs.push(await t.timeAsync(async () => void (await unlockSigningKey(basic, PASS))));
    t.report({ op: 'exchange: unlock signing key (scrypt 2^18)', size: n, unit: 'ms', samples: unlockMs, note: 'part of every export and receive' });
    t.report({ op: `exchange: build parts, ${days} days`, size: n, unit: 'ms', samples: partsMs, baselineSamples: baseline, note: `${cases} cases, ${Math.round(rawBytes / 2 ** 20)} MiB; baseline: DEFLATE of the same parts` });

    const stick = path.join(work, 'usb');
    mkdirSync(stick);
    const files: string[] = [];
    const exportMs: number[] = [];
    for (let i = 0; i < 4; i++) {
      const ms = await t.timeAsync(async () => {
        files.push((await exportPackage(basic, { from, to, incremental: false, includePartyNames: false, outDir: stick, passphrase: PASS }, 'bench')).file);
      });
      if (i > 0) exportMs.push(ms);
    }
    t.report({ op: `exchange: export ${days} days (incl. unlock, write, read-back check)`, size: n, unit: 'ms', samples: exportMs, baselineSamples: baseline, budget: '≤ 3000 ms (50,000 cases)', note: `${cases} cases, package ${Math.round(readFileSync(files[0]).length / 2 ** 20)} MiB` });

    // Each package in turn is a newer full package of the same court: every receive does the whole work.
    const receiveMs: number[] = [];
    for (let i = 0; i < files.length; i++) {
      const ms = await t.timeAsync(async () => void (await receivePackage(mid, files[i], PASS, 'bench')));
      if (i > 0) receiveMs.push(ms);
    }
    t.report({ op: `exchange: receive ${days} days (incl. unlock, checks, one transaction)`, size: n, unit: 'ms', samples: receiveMs, baselineSamples: baseline, budget: '≤ 3000 ms (50,000 cases)', note: `${cases} cases` });
    closeDatabase(basic);
    closeDatabase(mid);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
