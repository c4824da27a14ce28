// The heavy half of an export, as a reading job on a connection of its own (so the window keeps answering, with
// progress): the parts, content.json, the inner ZIP, age encryption, the signed manifest and the outer ZIP. Writing
// the file, reading it back and recording it stay with exportPackage on the core's connection.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { DATA_PARTS, type DataPart } from '../../../../shared/exchange/partNames';
import { encodeManifest, FORMAT_VERSION, type Content, type Manifest } from '../../../../shared/exchange/manifest';
import { ageEncrypt } from '../crypto/age';
import { minisignSign, parseMinisignSecretKeyFile } from '../crypto/minisign';
import { writeInnerZip, writeOuterZip } from '../container/zipWrite';
import { buildParts } from '../parts/buildParts';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { defineJob, type JobControl } from '../../jobs/job';

export interface PackageBuildParams {
  from: string;
  to: string;
  kind: 'full' | 'incremental';
  baseSequence: number | null;
  sinceRowVersion: number | null;
  includePartyNames: boolean;
  auditSince: number | null;
  sequence: number;
  packageId: string;
  court: { code: string; name: string };
  recipient: { courtCode: string; recipient: string; fingerprint: string };
  /** The unlocked signing key as a minisign key file: unlocked (scrypt) by the caller, so a wrong passphrase names its field. */
  signingKeyFile: string;
  keyRotation: Manifest['keyRotation'] | null;
}

export interface BuiltPackage {
  bytes: Uint8Array;
  manifest: Manifest;
  highRowVersion: number;
  chain: { length: number; head: string };
}

const STEPS = 5;
const sha256Hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** The first line of the minisign signature's trusted (signed) comment: what a person reading the .minisig sees. */
export function trustedComment(m: Pick<Manifest, 'packageId' | 'sender' | 'sequence'>): string {
  return `courtdesk package ${m.packageId} sender ${m.sender.courtCode} sequence ${m.sequence}`;
}

export async function buildPackage(db: Database, p: PackageBuildParams, control?: JobControl): Promise<BuiltPackage> {
  const key = parseMinisignSecretKeyFile(p.signingKeyFile);
  if (!key) throw new Error('signing key file does not parse');
  control?.progress(0, STEPS);
  const built = buildParts(db, { from: p.from, to: p.to, sinceRowVersion: p.sinceRowVersion, includePartyNames: p.includePartyNames, auditSince: p.auditSince });
  control?.checkCancelled();
  control?.progress(1);
  const chain = JSON.parse(built.parts.find((x) => x.name === 'audit_chain.json')!.data.toString('utf8')) as { length: number; head: string };
  const counts = Object.fromEntries(DATA_PARTS.map((x) => [x, 0])) as Record<DataPart, number>;
  const partsMeta = {} as Content['parts'];
  for (const x of built.parts) {
    counts[x.name] = x.rows;
    partsMeta[x.name] = { sha256: x.sha256, bytes: x.data.length };
  }
  const content: Content = { packageId: p.packageId, sender: { courtCode: p.court.code }, sequence: p.sequence, kind: p.kind, baseSequence: p.baseSequence, schemaVersion: LATEST_SCHEMA_VERSION, counts, parts: partsMeta };
  const inner = await writeInnerZip([{ name: 'content.json', data: Buffer.from(JSON.stringify(content), 'utf8') }, ...built.parts.map((x) => ({ name: x.name, data: x.data }))]);
  control?.checkCancelled();
  control?.progress(2);
  const payload = Buffer.from(await ageEncrypt(inner, p.recipient.recipient));
  control?.checkCancelled();
  control?.progress(3);
  const manifest: Manifest = {
    formatVersion: FORMAT_VERSION,
    suite: 'age-x25519/minisign-ed25519',
    packageId: p.packageId,
    sender: { courtCode: p.court.code, courtName: p.court.name },
    recipient: { courtCode: p.recipient.courtCode, fingerprint: p.recipient.fingerprint },
    period: { from: p.from, to: p.to },
    kind: p.kind,
    baseSequence: p.baseSequence,
    sequence: p.sequence,
    schemaVersion: LATEST_SCHEMA_VERSION,
    createdAt: new Date().toISOString(),
    includesPartyNames: p.includePartyNames,
    counts,
    payloadSha256: sha256Hex(payload),
    ...(p.keyRotation ? { keyRotation: p.keyRotation } : {}),
  };
  const manifestBytes = encodeManifest(manifest);
  const signature = Buffer.from(minisignSign(manifestBytes, key, trustedComment(manifest), `signature from CourtDesk ${p.court.code}`), 'utf8');
  control?.progress(4);
  const bytes = await writeOuterZip(manifestBytes, signature, payload);
  control?.progress(STEPS);
  return { bytes, manifest, highRowVersion: built.highRowVersion, chain };
}

export const packageJob = defineJob<PackageBuildParams, BuiltPackage>({ run: (db, params, control) => buildPackage(db, params, control) });
