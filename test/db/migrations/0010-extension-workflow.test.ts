// Migration 10 on a version-9 fixture: the extension workflow's columns and attachments table arrive, every existing
// row stays, and the rows the exchange import writes (approved/rejected, a free reason, no stage) remain valid.
import { afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/connection';
import { fixtureCopy, migrationsUpTo, schemaOf } from '../../helpers/migrationFixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

type Db = BetterSqlite3.Database;
const tablesOf = (db: Db) => db
  .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
  .pluck().all() as string[];

/*
 * v9-d623e0f.sqlite was written by commit d623e0f, the last code with nine migrations (see the fixtures' README): the
 * three cases, and on （2024）辽0421民初102号 a 公告 period and a 中止 with its resumption. Two extension rows are added
 * here as the exchange import writes them, since no command of that code wrote any.
 */
function atVersion9(): string {
  const f = fixtureCopy('v9-d623e0f.sqlite');
  cleanups.push(f.cleanup);
  const db = new BetterSqlite3(f.file);
  expect(db.pragma('user_version', { simple: true })).toBe(9);
  const caseId = db.prepare("SELECT id FROM cases WHERE case_number = '（2024）辽0421民初102号'").pluck().get();
  const ins = db.prepare(
    `INSERT INTO extension_requests (case_id, months, days, reason, requested_on, status, decided_on, row_version, created_at, updated_at)
     VALUES (?, ?, 0, ?, ?, ?, ?, 1, 'x', 'x')`,
  );
  ins.run(caseId, 3, '案情复杂，需进一步调查', '2024-10-01', 'approved', '2024-10-05');
  ins.run(caseId, 1, '其他原因', '2024-11-01', 'rejected', '2024-11-03');
  db.close();
  return f.file;
}

describe('migration 0010: extension workflow', () => {
  it('adds the workflow columns and the attachments table, keeping every row and schema entry of the others', () => {
    const file = atVersion9();
    const before = new BetterSqlite3(file, { readonly: true });
    const tables = tablesOf(before);
    const rows = Object.fromEntries(tables.map((t) => [t, before.prepare(`SELECT * FROM "${t}"`).all()]));
    const schemaBefore = schemaOf(before).rows;
    before.close();
    const { db } = openDatabase(file, { migrations: migrationsUpTo(10) });
    cleanups.unshift(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(tablesOf(db)).toEqual([...tables, 'extension_attachments'].sort());
    const touched = ['extension_requests', 'extension_decisions', 'extension_attachments'];
    for (const t of tables.filter((x) => !touched.includes(x))) {
      expect(db.prepare(`SELECT * FROM "${t}"`).all().slice(0, rows[t].length), t).toEqual(rows[t]);
    }
    expect(schemaOf(db).rows.filter((r) => !touched.includes(r.tbl_name))).toEqual(schemaBefore.filter((r) => !touched.includes(r.tbl_name)));
    // The imported rows keep their values; their new columns are empty, and the engine's reading is unchanged.
    const ext = db.prepare('SELECT months, days, reason, status, reason_code, route, stage, asked_months, decided_by FROM extension_requests ORDER BY id').all();
    expect(ext).toEqual([
      { months: 3, days: 0, reason: '案情复杂，需进一步调查', status: 'approved', reason_code: null, route: null, stage: null, asked_months: null, decided_by: null },
      { months: 1, days: 0, reason: '其他原因', status: 'rejected', reason_code: null, route: null, stage: null, asked_months: null, decided_by: null },
    ]);
    expect(schemaOf(db).rows.filter((r) => r.type === 'index' && touched.includes(r.tbl_name)).map((r) => r.name).sort()).toEqual([
      'extension_attachments_request', 'extension_decisions_request', 'extension_decisions_row_version', 'extension_requests_case',
      'extension_requests_pending', 'extension_requests_row_version', 'extension_requests_stage',
    ]);
  });

  it('holds the CHECKs: reason codes, routes, stages, attachment kinds and sizes', () => {
    const { db } = openDatabase(atVersion9());
    cleanups.unshift(() => db.close());
    const caseId = db.prepare('SELECT min(id) FROM cases').pluck().get();
    const req = (set: string) => () => db.prepare(
      `INSERT INTO extension_requests (case_id, months, days, reason, requested_on, status, row_version, created_at, updated_at, ${set.split('=')[0]})
       VALUES (?, 1, 0, '其他', '2024-12-01', 'pending', 1, 'x', 'x', ?)`,
    ).run(caseId, set.split('=')[1]);
    expect(req('reason_code=案情复杂')).not.toThrow();
    expect(req('reason_code=随便')).toThrow(/CHECK/);
    expect(req('route=high_court')).not.toThrow();
    expect(req('route=supreme_court')).toThrow(/CHECK/);
    expect(req('stage=opinion')).not.toThrow();
    expect(req('stage=waiting')).toThrow(/CHECK/);
    const att = (mime: string, bytes: Buffer, size = bytes.length) => () => db.prepare(
      `INSERT INTO extension_attachments (request_id, name, mime, size, sha256, bytes, row_version, created_at) VALUES (1, 'a.pdf', ?, ?, ?, ?, 1, 'x')`,
    ).run(mime, size, '0'.repeat(64), bytes);
    expect(att('application/pdf', Buffer.from('%PDF-1.4'))).not.toThrow();
    expect(att('text/plain', Buffer.from('hello'))).toThrow(/CHECK/);
    expect(att('image/png', Buffer.from('abc'), 4)).toThrow(/CHECK/);
    expect(att('image/png', Buffer.alloc(10 * 1024 * 1024 + 1))).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO extension_decisions (request_id, step, outcome, decided_on, row_version, created_at, late) VALUES (1, 'opinion', 'agree', '2024-12-01', 1, 'x', 2)").run()).toThrow(/CHECK/);
  });
});
