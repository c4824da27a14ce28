// Fills an empty database from the synthetic generator, in one transaction, with bulk-friendly statements.
import type { Database } from 'better-sqlite3';
import { generateCourt } from '../generator/generate';
import { CaseStore, CaseInputError } from '../cases/caseStore';
import { CourtDirectory, getSelfCourt } from '../court/courtStore';
import { nextRowVersion, nowStamp } from '../db/clock';

export interface SeedResult {
  cases: number;
  divisions: number;
  staff: number;
}

export function seedDatabase(db: Database, store: CaseStore, opts: { cases: number; seed: number; today: string; actor: string }): SeedResult {
  const self = getSelfCourt(db);
  if (!self) throw new CaseInputError('数据库尚未初始化本院信息，请先运行 courtdesk init', null);
  const court = self;
  const existing = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  if (existing > 0) throw new CaseInputError(`数据库中已有 ${existing} 件案件；生成演示数据只能用于空数据库`, null);

  const generated = generateCourt({ courtCode: court.code, cases: opts.cases, seed: opts.seed, today: opts.today });
  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  // A million rows through nine indexes thrash the default cache; 256 MB for the duration of the seed.
  db.pragma('cache_size = -262144');
  // The generator's output is trusted and tested, and the database is empty: row-by-row CHECK and foreign-key
  // evaluation would triple the time: foreign keys are verified once after the load, values by the generator's tests.
  db.pragma('foreign_keys = OFF');
  db.pragma('ignore_check_constraints = ON');
  try {
    return db.transaction(() => {
      const result = fill();
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length) throw new Error(`generated data breaks ${broken.length} foreign keys`);
      return result;
    }).immediate();
  } finally {
    db.pragma('ignore_check_constraints = OFF');
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = ${previousCache}`);
  }

  function fill(): SeedResult {
    // Secondary indexes are dropped and rebuilt from their own stored SQL: one sort beats a million b-tree inserts.
    const indexes = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('cases', 'case_events', 'extension_requests')")
      .all() as Array<{ name: string; sql: string }>;
    for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
    const version = nextRowVersion(db);
    const dir = new CourtDirectory(db, court.id);
    for (const d of generated.divisions) dir.divisionId(d.name, version, d.kind);
    for (const s of generated.staff) dir.staffId(s.name, s.division ? dir.divisionId(s.division, version) : null, version, s.roles);
    const now = nowStamp();
    let n = 0;
    for (const c of generated.cases) {
      const divisionId = dir.divisionId(c.record.division, version);
      store.insertWithFacts(c.record, c.events, c.extensions, divisionId, dir.staffId(c.record.judge, divisionId, version), version, opts.today, now);
      n++;
    }
    // One pass fills the search index for every new case: faster than a million single inserts.
    db.prepare(
      `INSERT INTO case_search (rowid, doc) SELECT id, case_number || ' ' || plaintiffs || '、' || defendants || '、' FROM cases`,
    ).run();
    // Synthetic cases make the whole database a demonstration: every screen says so.
    db.prepare("UPDATE settings SET value_json = 'true', row_version = ?, updated_at = ? WHERE key = 'demo'").run(version, now);
    store.audit({
      actor: opts.actor, action: 'seed', entity: 'database', entityKey: court.code,
      after: { cases: n, seed: opts.seed, today: opts.today, divisions: generated.divisions.length, staff: generated.staff.length },
    });
    for (const i of indexes) db.exec(i.sql);
    return { cases: n, divisions: generated.divisions.length, staff: generated.staff.length };
  }
}
