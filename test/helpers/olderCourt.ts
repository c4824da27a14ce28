// Migration tests: a court file at an older schema version holding random cases, written as that version's code writes them.
import path from 'node:path';
import { expect } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../electron/core/db/connection';
import { initCourt } from '../../electron/core/setup/initCourt';
import { CaseStore } from '../../electron/core/cases/caseStore';
import { CourtDirectory, getSelfCourt } from '../../electron/core/court/courtStore';
import { nextRowVersion } from '../../electron/core/db/clock';
import type { CaseRecord } from '../../shared/cases/types';
import { tempDir } from './tempDb';
import { migrationsUpTo } from './migrationFixtures';

/**
 * The file of a court at schema `version` (the migrations up to it) with `records` registered on `today` in one
 * transaction, then `then(db)` (more rows, or a read of that version's tables) before it is closed. Its folder goes
 * with `cleanups`; the migration under test runs when the file is opened with the later migrations.
 */
export function olderCourtFile(version: number, records: readonly CaseRecord[], cleanups: Array<() => void>, then?: (db: Database) => void, today = '2024-12-31'): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'court.sqlite');
  const { db } = openDatabase(file, { create: true, migrations: migrationsUpTo(version) });
  try {
    initCourt(db, '辽0421', '测试县人民法院', 'tester', false);
    const store = new CaseStore(db);
    db.transaction(() => {
      const dir = new CourtDirectory(db, getSelfCourt(db)!.id);
      const v = nextRowVersion(db);
      for (const r of records) store.upsert(r, dir, v, { actor: 'tester', today });
    })();
    then?.(db);
    expect(db.pragma('user_version', { simple: true })).toBe(version);
  } finally {
    db.close();
  }
  return file;
}
