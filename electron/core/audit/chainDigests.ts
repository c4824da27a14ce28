// The audit chain as the intermediate court follows it: each entry's content digest (SHA-256 of the fields its hash
// covers, without the previous hash) and a running head over those digests, so that a head it holds can be carried
// forward with digests alone, never the entries' content; computed from the rows on every call, never stored.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { encodeFields, type HashedFields } from './auditLog';

/** The head of an empty chain. */
export const CHAIN_GENESIS = '0'.repeat(64);
const DIGEST_BYTES = 32;

export function contentDigest(fields: HashedFields): Buffer {
  return createHash('sha256').update(encodeFields(fields)).digest();
}

/** head_i = SHA-256(head_{i-1} ‖ digest_i), over the raw 32-byte values; `digests` is their concatenation. */
export function foldDigests(head: string, digests: Uint8Array): string {
  if (digests.length % DIGEST_BYTES !== 0) throw new Error('digests must be whole 32-byte values');
  let h = Buffer.from(head, 'hex');
  for (let at = 0; at < digests.length; at += DIGEST_BYTES) h = createHash('sha256').update(h).update(digests.subarray(at, at + DIGEST_BYTES)).digest();
  return h.toString('hex');
}

export interface ChainExtract {
  /** Entries in the log now. */
  length: number;
  /** The head over every entry's digest, recomputed from the rows: a rewritten entry changes it. */
  head: string;
  /** The digests of entries since+1 … length, concatenated (empty when since ≥ length). */
  since: number;
  digests: Buffer;
}

/** One pass over the log in id order; the digests after `since` are kept for the package. */
export function auditChainSince(db: Database, since: number): ChainExtract {
  let head = Buffer.from(CHAIN_GENESIS, 'hex');
  let length = 0;
  const kept: Buffer[] = [];
  const rows = db.prepare('SELECT at, actor, action, entity, entity_key, before_json, after_json FROM audit_log ORDER BY id').raw().iterate() as Iterable<HashedFields>;
  for (const fields of rows) {
    const d = contentDigest(fields);
    head = createHash('sha256').update(head).update(d).digest();
    length++;
    if (length > since) kept.push(d);
  }
  return { length, head: head.toString('hex'), since: Math.min(since, length), digests: Buffer.concat(kept) };
}

export type ChainVerdict =
  | { status: 'first' }
  | { status: 'extends' }
  | { status: 'cut'; message: string }
  | { status: 'rewritten'; message: string }
  | { status: 'unverifiable'; message: string };

/**
 * Whether a package's chain extends the anchor the intermediate court holds (its last accepted head for that court):
 * the digests after the anchor's length, folded onto the anchor's head, must give the package's head.
 */
export function checkChain(anchor: { length: number; head: string } | null, got: ChainExtract): ChainVerdict {
  if (!anchor) return { status: 'first' };
  if (got.length < anchor.length) return { status: 'cut', message: `审计日志比上次报送时少了 ${anchor.length - got.length} 条（上次 ${anchor.length} 条，本次 ${got.length} 条）：日志在报送后被删减` };
  if (got.since > anchor.length)
    return { status: 'unverifiable', message: `报送包只带有第 ${got.since + 1} 条以后的审计摘要，而本院持有的是第 ${anchor.length} 条处的链头：中间的报送包未导入，无法核对审计日志是否被改写` };
  const skip = (anchor.length - got.since) * DIGEST_BYTES;
  if (foldDigests(anchor.head, got.digests.subarray(skip)) !== got.head)
    return { status: 'rewritten', message: `审计日志与上次报送时不能接续（前 ${anchor.length} 条中有记录在报送后被改写或替换）` };
  return { status: 'extends' };
}
