// A large first import takes the bulk path: afterwards the indexes are exactly the schema's and search finds every case.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { freshCourtDb } from '../helpers/tempDb';
import { importCasesFile } from '../../electron/core/cases/importCases';
import { CaseQueries } from '../../electron/core/cases/caseQueries';
import { generateCourt } from '../../electron/core/generator/generate';
import { verifyAuditChain } from '../../electron/core/audit/auditLog';

const t = freshCourtDb();
afterAll(() => t.close());
const TODAY = '2026-11-23';

const indexes = () => t.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all();

describe('bulk import', () => {
  it('imports 6,000 rows into an empty database with the same indexes, search and audit chain', async () => {
    const before = indexes();
    const records = [...generateCourt({ courtCode: '辽0421', cases: 6000, seed: 5, today: TODAY }).cases].map((c) => c.record);
    const lines = records.map((r) => [r.caseNumber, r.cause, r.procedure ?? '', r.filedOn, r.division, r.judge, r.closedOn ?? '', r.closingMethod ?? '', r.plaintiffs.join('、'), r.defendants.join('、')].join(','));
    const file = path.join(t.dir, 'big.csv');
    writeFileSync(file, ['案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式,原告,被告', ...lines].join('\n'));

    const summary = await importCasesFile(t.db, t.store, file, { goodRowsOnly: false, actor: 'tester', createMissing: true, today: TODAY, backup: false });
    expect(summary).toMatchObject({ aborted: false, inserted: 6000, rejected: 0 });
    expect(indexes()).toEqual(before);
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The court's creation, each case, each division and judge the file brought in, and the file itself.
    expect(verifyAuditChain(t.db)).toMatchObject({ ok: true, entries: 1 + 6000 + summary.addedDivisions.length + summary.addedStaff.length + 1 });

    const q = new CaseQueries(t.db);
    for (const r of [records[0], records[2999], records[5999]]) {
      const name = [...r.plaintiffs, ...r.defendants].find((n) => n.length >= 2)!;
      expect(q.list({ search: name, limit: 500 }, TODAY).rows.map((x) => x.caseNumber)).toContain(r.caseNumber);
      expect(q.list({ search: r.caseNumber, limit: 5 }, TODAY).rows.map((x) => x.caseNumber)).toEqual([r.caseNumber]);
    }

    const again = await importCasesFile(t.db, t.store, file, { goodRowsOnly: false, actor: 'tester', createMissing: true, today: TODAY, backup: false });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 6000 });
  });
});
