// Test helpers: a fresh database file in its own temporary folder, and case records with sensible defaults.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/connection';
import { CaseStore } from '../../electron/core/cases/caseStore';
import { CourtDirectory, getSelfCourt } from '../../electron/core/court/courtStore';
import { initCourt } from '../../electron/core/setup/initCourt';
import { nextRowVersion } from '../../electron/core/db/clock';
import type { CaseRecord } from '../../shared/cases/types';

export function tempDir(prefix = 'courtdesk-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function freshCourtDb(courtCode = '辽0421', options: { demo?: boolean } = {}) {
  const t = tempDir();
  const file = path.join(t.dir, 'court.sqlite');
  const { db } = openDatabase(file, { create: true });
  initCourt(db, courtCode, '测试县人民法院', 'tester', !!options.demo);
  const store = new CaseStore(db);
  return {
    ...t,
    file,
    db,
    store,
    /** Upserts records in one transaction, as an import would. */
    put(records: CaseRecord[], today = '2024-12-31') {
      return db.transaction(() => {
        const dir = new CourtDirectory(db, getSelfCourt(db)!.id);
        const v = nextRowVersion(db);
        return records.map((r) => store.upsert(r, dir, v, { actor: 'tester', today }));
      })();
    },
    close() {
      if (db.open) db.close();
      t.cleanup();
    },
  };
}

export function record(overrides: Partial<CaseRecord> & { caseNumber: string }): CaseRecord {
  return {
    cause: '民间借贷纠纷',
    procedure: '普通程序',
    limitVariant: null,
    filedOn: '2024-03-01',
    division: '民一庭',
    judge: '王法官',
    closedOn: null,
    closingMethod: null,
    claimAmount: null,
    plaintiffs: ['张三'],
    defendants: ['李四'],
    deductedDays: 0,
    extendedDays: 0,
    appealed: null,
    appealOutcome: null,
    originCaseNumber: null,
    enforcementClaim: null,
    enforcementRecovered: null,
    reviewed: null,
    precedentSearched: null,
    ...overrides,
  };
}
