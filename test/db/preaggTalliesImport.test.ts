// The pre-aggregated tallies across imports: small and large files into a court with kept stock days, and a large file cancelled half-way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { freshCourtDb } from '../helpers/tempDb';
import { importCasesFile } from '../../electron/core/cases/importCases';
import { generateCourt } from '../../electron/core/generator/generate';
import { sqlTallies } from '../../electron/core/indicators/sqlTallies';
import { preaggTallies } from '../../electron/core/indicators/preaggTallies';
import { JobCancelled, type JobControl } from '../../electron/core/jobs/job';
import type { CaseRecord } from '../../shared/cases/types';
import type { Period } from '../../shared/indicators/formulas';

const TODAY = '2026-11-23';
const PERIODS: Period[] = [
  { from: '2025-01-01', to: '2025-12-31' }, { from: '2026-02-28', to: '2026-03-31' }, { from: '2024-01-31', to: '2026-11-23' },
  { from: '2026-10-01', to: '2027-06-30' },
];
let t: ReturnType<typeof freshCourtDb>;
let records: CaseRecord[];

function expectSame(db: BetterSqlite3.Database, label: string): void {
  for (const p of PERIODS) {
    for (const by of ['court', 'division', 'judge'] as const) {
      expect(preaggTallies(db, p, { kind: 'all' }, {}, by), `${label} ${p.from}…${p.to} ${by}`).toEqual(sqlTallies(db, p, { kind: 'all' }, {}, by));
    }
  }
}
const HEAD = '案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式,原告,被告';
const line = (r: CaseRecord) => [r.caseNumber, r.cause, r.procedure ?? '', r.filedOn, r.division, r.judge, r.closedOn ?? '', r.closingMethod ?? '', r.plaintiffs.join('、'), r.defendants.join('、')].join(',');
function csv(name: string, lines: string[]): string {
  const file = path.join(t.dir, name);
  writeFileSync(file, [HEAD, ...lines].join('\n'));
  return file;
}
const run = (file: string, control?: JobControl) =>
  importCasesFile(t.db, t.store, file, { goodRowsOnly: false, actor: 'tester', createMissing: true, today: TODAY, backup: false, control });
/** A job control whose person cancels once 3,000 rows are written. */
const cancelAt3000: JobControl = {
  progress() {},
  checkCancelled() {
    if (t.db.prepare('SELECT count(*) FROM cases').pluck().get() as number >= 3340) throw new JobCancelled();
  },
  noLongerCancellable() {},
};
// WITHOUT ROWID tables: a plain scan reads them in key order.
const tables = () => ['tally_day', 'tally_durations', 'tally_stock', 'tally_stock_days', 'tally_mediation', 'tally_advance', 'tally_links', 'tally_month', 'tally_durations_month',
  'tally_durations_month_counts', 'tally_durations_year_counts', 'tally_year', 'tally_advance_month'].map((x) => t.db.prepare(`SELECT * FROM ${x}`).raw().all());
const triggers = () => t.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all();

beforeAll(() => {
  t = freshCourtDb();
  records = [...generateCourt({ courtCode: '辽0421', cases: 6400, seed: 11, today: TODAY }).cases].map((c) => c.record);
});
afterAll(() => t.close());

describe('pre-aggregated tallies across imports', () => {
  it('a small file into a court with kept days, a large one cancelled, and a large one that doubles the table', async () => {
    expect(await run(csv('a.csv', records.slice(0, 300).map(line)))).toMatchObject({ inserted: 300, aborted: false });
    expectSame(t.db, 'first');
    // A small file that closes, moves and adds cases while the days are kept: the triggers keep them row by row.
    const moved = records.slice(0, 60).map((r, i) => ({ ...r, judge: records[(i * 7) % 300].judge, division: records[(i * 7) % 300].division,
      closedOn: r.closedOn ?? (i % 2 ? null : TODAY), closingMethod: r.closingMethod ?? (i % 2 ? null : '判决' as const) }));
    expect(await run(csv('b.csv', [...moved, ...records.slice(300, 340)].map(line)))).toMatchObject({ aborted: false });
    expect(t.db.prepare('SELECT count(*) FROM tally_stock_days').pluck().get()).toBeGreaterThan(0);
    expectSame(t.db, 'small file');
    // A large file (bulk: triggers dropped) cancelled half-way: nothing of it stays, triggers and tallies included.
    const before = { tables: tables(), triggers: triggers() };
    const file = csv('c.csv', records.slice(340, 6340).map(line));
    await expect(run(file, cancelAt3000)).rejects.toBeInstanceOf(JobCancelled);
    expect({ tables: tables(), triggers: triggers() }).toEqual(before);
    expectSame(t.db, 'aborted');
    // The same file without the bad row: the tables are rebuilt, and later edits keep them.
    expect(await run(file)).toMatchObject({ aborted: false, inserted: 6000 });
    expect(triggers()).toEqual(before.triggers);
    expectSame(t.db, 'bulk');
    t.db.prepare("UPDATE cases SET closed_on = NULL, closing_method = NULL WHERE id % 5 = 0 AND closed_on IS NOT NULL").run();
    expectSame(t.db, 'after edits');
  }, 120_000);
});
