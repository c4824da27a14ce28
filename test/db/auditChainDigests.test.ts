// The audit chain as the intermediate court follows it (electron/core/audit/chainDigests.ts): digests alone carry a
// held head forward; a log rewritten (even with its hashes recomputed, as someone holding the file could) or cut after
// the head was taken no longer meets it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshCourtDb } from '../helpers/tempDb';
import { auditAppender, entryHash, GENESIS_HASH, verifyAuditChain, type HashedFields } from '../../electron/core/audit/auditLog';
import { auditChainSince, checkChain, CHAIN_GENESIS, foldDigests } from '../../electron/core/audit/chainDigests';

let t: ReturnType<typeof freshCourtDb>;
beforeEach(() => {
  t = freshCourtDb();
});
afterEach(() => t.close());

function append(n: number, tag: string) {
  const a = auditAppender(t.db);
  t.db.transaction(() => {
    for (let i = 0; i < n; i++) a({ actor: '测试员', action: 'case.update', entity: 'case', entityKey: `${tag}-${i}`, after: { i } });
  })();
}

/** What someone holding the file can do: change an entry and recompute every hash after it, so verifyAuditChain passes. */
function rewrite(id: number, newKey: string) {
  t.db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete');
  t.db.prepare('UPDATE audit_log SET entity_key = ? WHERE id = ?').run(newKey, id);
  let prev = GENESIS_HASH;
  for (const r of t.db.prepare('SELECT id, at, actor, action, entity, entity_key, before_json, after_json FROM audit_log ORDER BY id').raw().all() as Array<[number, ...HashedFields]>) {
    const [rid, ...fields] = r;
    const h = entryHash(prev, fields as HashedFields);
    t.db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, h, rid);
    prev = h;
  }
  expect(verifyAuditChain(t.db).ok).toBe(true);
}

describe('audit chain digests', () => {
  it('an empty log has the genesis head; folding nothing keeps a head', () => {
    t.db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log');
    expect(auditChainSince(t.db, 0)).toMatchObject({ length: 0, head: CHAIN_GENESIS, since: 0 });
    expect(foldDigests(CHAIN_GENESIS, Buffer.alloc(0))).toBe(CHAIN_GENESIS);
  });

  it('the digests since a held head carry it to the new head', () => {
    append(5, 'a');
    const first = auditChainSince(t.db, 0);
    expect(checkChain(null, first)).toEqual({ status: 'first' });
    append(7, 'b');
    const next = auditChainSince(t.db, first.length);
    expect(next.length).toBe(first.length + 7);
    expect(next.digests.length).toBe(7 * 32);
    expect(checkChain({ length: first.length, head: first.head }, next)).toEqual({ status: 'extends' });
    // Digests from further back (since an older export) serve as well.
    expect(checkChain({ length: first.length, head: first.head }, auditChainSince(t.db, 2))).toEqual({ status: 'extends' });
  });

  it('an entry rewritten after the head was taken, its hashes recomputed: rewritten', () => {
    append(5, 'a');
    const first = auditChainSince(t.db, 0);
    append(3, 'b');
    rewrite(3, 'changed');
    expect(checkChain({ length: first.length, head: first.head }, auditChainSince(t.db, first.length))).toMatchObject({ status: 'rewritten' });
  });

  it('a log cut after the head was taken: cut; digests that start after the held head: unverifiable', () => {
    append(6, 'a');
    const first = auditChainSince(t.db, 0);
    rewrite(1, 'x');
    t.db.prepare('DELETE FROM audit_log WHERE id > ?').run(3);
    expect(checkChain({ length: first.length, head: first.head }, auditChainSince(t.db, 0))).toMatchObject({ status: 'cut' });
    append(10, 'c');
    const later = auditChainSince(t.db, first.length + 2);
    expect(checkChain({ length: first.length, head: first.head }, later)).toMatchObject({ status: 'unverifiable' });
  });
});
