// Builds 报送包 by hand for the attack tests: the real format from the real primitives, with a hook at every layer
// (parts, content.json, inner ZIP, payload, manifest, signature) to damage exactly one thing.
import { createHash, randomUUID } from 'node:crypto';
import { DATA_PARTS, type DataPart } from '../../shared/exchange/partNames';
import { encodeManifest, FORMAT_VERSION, type Content, type Manifest } from '../../shared/exchange/manifest';
import { ageEncrypt } from '../../electron/core/exchange/crypto/age';
import { minisignSign, type MinisignSecretKey } from '../../electron/core/exchange/crypto/minisign';
import { writeInnerZip, writeOuterZip } from '../../electron/core/exchange/container/zipWrite';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface ForgeOptions {
  senderCode: string;
  senderName?: string;
  signer: MinisignSecretKey;
  recipient: string;
  recipientCode?: string;
  recipientFingerprint: string;
  sequence: number;
  kind?: 'full' | 'incremental';
  baseSequence?: number | null;
  packageId?: string;
  createdAt?: string;
  /** Part name -> its text; parts not given are empty. */
  parts?: Partial<Record<DataPart, string>>;
  content?: (c: Content) => Content;
  innerEntries?: (e: Array<{ name: string; data: Buffer }>) => Array<{ name: string; data: Buffer }>;
  /** Changes the ciphertext; the manifest's hash is taken after, so only age's own checks can find it. */
  payload?: (p: Buffer) => Buffer;
  /** Changes the ciphertext after the manifest took its hash (the ZIP's own CRC is written for the changed bytes). */
  payloadAfterSigning?: (p: Buffer) => Buffer;
  manifest?: (m: Manifest) => Manifest;
  /** Changes the manifest's bytes after signing. */
  manifestBytes?: (b: Buffer) => Buffer;
  signature?: (s: string) => string;
}

export const EMPTY_PARTS: Record<DataPart, string> = {
  'cases.ndjson': '',
  'events.ndjson': '',
  'extension_requests.ndjson': '',
  'extension_decisions.ndjson': '',
  'indicators.json': '{}',
  'ranges.json': '[]',
  'deletions.ndjson': '',
  'audit_chain.json': JSON.stringify({ since: 0, length: 0, head: '0'.repeat(64), digests: '' }),
  // An empty ledger as of the forged manifest's period end (2025-06-30).
  'ledger.json': JSON.stringify({ asOf: '2025-06-30', weakPoints: [], measures: [], progress: [], meetings: [] }),
};

/** Rows as the receiving side counts them: NDJSON lines, the indicator groups, the ranges. */
function rowsOf(name: DataPart, text: string): number {
  if (name.endsWith('.ndjson')) return text.split('\n').filter((l) => l !== '').length;
  try {
    const v = JSON.parse(text) as { groups?: unknown[]; length?: number; since?: number } | unknown[];
    if (Array.isArray(v)) return v.length;
    if (name === 'audit_chain.json') return (v.length ?? 0) - (v.since ?? 0);
    if (name === 'ledger.json') {
      const l = v as Record<string, unknown[] | undefined>;
      return ['weakPoints', 'measures', 'progress', 'meetings'].reduce((n, k) => n + (Array.isArray(l[k]) ? l[k].length : 0), 0);
    }
    return v.groups?.length ?? 0;
  } catch {
    return 0;
  }
}

export async function forgePackage(o: ForgeOptions): Promise<{ bytes: Buffer; manifest: Manifest }> {
  const packageId = o.packageId ?? randomUUID();
  const kind = o.kind ?? 'full';
  const baseSequence = o.baseSequence ?? null;
  const texts = { ...EMPTY_PARTS, ...(o.parts ?? {}) };
  const counts = Object.fromEntries(DATA_PARTS.map((p) => [p, rowsOf(p, texts[p])])) as Record<DataPart, number>;
  const parts = Object.fromEntries(DATA_PARTS.map((p) => [p, { sha256: sha(Buffer.from(texts[p])), bytes: Buffer.byteLength(texts[p]) }])) as Content['parts'];
  let content: Content = { packageId, sender: { courtCode: o.senderCode }, sequence: o.sequence, kind, baseSequence, schemaVersion: LATEST_SCHEMA_VERSION, counts, parts };
  if (o.content) content = o.content(content);
  let entries: Array<{ name: string; data: Buffer }> = [{ name: 'content.json', data: Buffer.from(JSON.stringify(content)) }, ...DATA_PARTS.map((p) => ({ name: p, data: Buffer.from(texts[p]) }))];
  if (o.innerEntries) entries = o.innerEntries(entries);
  let payload: Buffer = Buffer.from(await ageEncrypt(await writeInnerZip(entries), o.recipient));
  if (o.payload) payload = o.payload(payload);
  let manifest: Manifest = {
    formatVersion: FORMAT_VERSION,
    suite: 'age-x25519/minisign-ed25519',
    packageId,
    sender: { courtCode: o.senderCode, courtName: o.senderName ?? '测试县人民法院' },
    recipient: { courtCode: o.recipientCode ?? '辽04', fingerprint: o.recipientFingerprint },
    period: { from: '2025-01-01', to: '2025-06-30' },
    kind,
    baseSequence,
    sequence: o.sequence,
    schemaVersion: LATEST_SCHEMA_VERSION,
    createdAt: o.createdAt ?? new Date().toISOString(),
    includesPartyNames: false,
    counts,
    payloadSha256: sha(payload),
  };
  if (o.manifest) manifest = o.manifest(manifest);
  let manifestBytes = encodeManifest(manifest);
  let signature = minisignSign(manifestBytes, o.signer, `courtdesk package ${packageId}`, 'test signature');
  if (o.signature) signature = o.signature(signature);
  if (o.manifestBytes) manifestBytes = o.manifestBytes(manifestBytes);
  if (o.payloadAfterSigning) payload = o.payloadAfterSigning(payload);
  return { bytes: await writeOuterZip(manifestBytes, Buffer.from(signature), payload), manifest };
}
