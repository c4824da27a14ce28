// The audit chain anchored outside the database file: every backup records the chain's length and head, and the
// check of the log says "cut or rewritten after entry N" for a log rewritten whole (hashes recomputed) or cut short,
// which the chain alone cannot see; a restore starts a new history, which is no false alarm.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { freshCourtDb, record } from '../helpers/tempDb';
import { createBackup } from '../../electron/core/backup/backupWrite';
import { restoreBackup } from '../../electron/core/backup/backupRestore';
import { entryHash, GENESIS_HASH, verifyAuditChain } from '../../electron/core/audit/auditLog';
import { anchorLogPath, checkAnchors, readAnchors } from '../../electron/core/audit/anchors';
import { describeVerification } from '../../electron/core/audit/auditQueries';
import { closeDatabase, openDatabase } from '../../electron/core/db/connection';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function court() {
  const t = freshCourtDb();
  cleanups.push(() => t.close());
  return t;
}

function addCases(t: ReturnType<typeof court>, from: number, n: number): void {
  t.put(Array.from({ length: n }, (_, i) => record({ caseNumber: `（2024）辽0421民初${from + i}号` })));
}

const count = (db: Database) => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
const verify = (db: Database, dbPath: string) => describeVerification(verifyAuditChain(db), checkAnchors(db, readAnchors(dbPath)));

/** What someone with the file would do: triggers off, an entry changed, every later hash recomputed to match. */
function rewrite(db: Database, id: number): void {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
  db.prepare("UPDATE audit_log SET actor = '某人' WHERE id = ?").run(id);
  let prev = GENESIS_HASH;
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Array<Record<string, string | number | null>>) {
    const hash = entryHash(prev, [r.at, r.actor, r.action, r.entity, r.entity_key, r.before_json, r.after_json] as [string, string, string, string | null, string | null, string | null, string | null]);
    update.run(prev, hash, r.id);
    prev = hash;
  }
}

describe('anchors at every backup', () => {
  it('record the chain length and head hash of each copy, outside the database file', async () => {
    const t = court();
    addCases(t, 1, 5);
    const info = await createBackup(t.db, t.file, { reason: 'manual' });
    const [anchor] = readAnchors(t.file);
    expect(anchor).toMatchObject({ kind: 'backup', entries: count(t.db), file: info.file });
    expect(anchor.head).toBe(t.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get());
    expect(readFileSync(anchorLogPath(t.file), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(verify(t.db, t.file)).toMatchObject({ ok: true, anchors: 1, message: expect.stringContaining('与 1 次备份时的记录相符') });
  });

  it('catch a log rewritten with every hash recomputed, naming the last entry still in agreement', async () => {
    const t = court();
    addCases(t, 1, 5);
    await createBackup(t.db, t.file, { reason: 'manual' });
    const first = count(t.db);
    addCases(t, 10, 5);
    await createBackup(t.db, t.file, { reason: 'daily' });
    const second = count(t.db);
    addCases(t, 20, 3);
    rewrite(t.db, first + 2);
    // The chain alone sees nothing: every hash was recomputed.
    expect(verifyAuditChain(t.db)).toMatchObject({ ok: true });
    const r = verify(t.db, t.file);
    expect(r).toMatchObject({ ok: false, truncatedAfter: first, anchors: 2 });
    expect(r.message).toMatch(new RegExp(`^审计日志与 .+ 的备份记录不符：第 ${first} 条之后的记录被截断或改写（当时共 ${second} 条，现有 ${count(t.db)} 条）$`));
  });

  it('catch the last 30 entries deleted', async () => {
    const t = court();
    addCases(t, 1, 40);
    await createBackup(t.db, t.file, { reason: 'manual' });
    const before = count(t.db);
    t.db.exec('DROP TRIGGER audit_log_no_delete');
    t.db.prepare('DELETE FROM audit_log WHERE id > ?').run(before - 30);
    expect(verifyAuditChain(t.db)).toMatchObject({ ok: true, entries: before - 30 });
    expect(verify(t.db, t.file)).toMatchObject({ ok: false, truncatedAfter: 0, message: expect.stringContaining(`第 0 条之后的记录被截断或改写（当时共 ${before} 条，现有 ${before - 30} 条）`) });
  });

  it('start a new history at a restore: the anchors of the abandoned one raise no alarm', async () => {
    const t = court();
    addCases(t, 1, 3);
    const early = await createBackup(t.db, t.file, { reason: 'manual' });
    addCases(t, 10, 3);
    await createBackup(t.db, t.file, { reason: 'manual' });
    closeDatabase(t.db);
    await restoreBackup(t.file, early.file);
    const { db } = openDatabase(t.file);
    try {
      expect(readAnchors(t.file).map((a) => a.kind)).toEqual(['restore']);
      expect(verify(db, t.file)).toMatchObject({ ok: true, anchors: 1 });
    } finally {
      closeDatabase(db);
    }
  });
});
