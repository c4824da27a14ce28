// "Received and settled by `to`" read from migration 22's month rows against the plain pass: cases filed on the period's and the months' edges, 先行调解 ending before, on and after `to`, every scope and grouping, and each of the read's three ways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { DIVISIONS } from '../helpers/randomCourt';
import { sqlTallies, type TallyFilter } from '../../electron/core/indicators/sqlTallies';
import { preaggTallies } from '../../electron/core/indicators/preaggTallies';
import { advanceRows, LATE_ROWS } from '../../electron/core/indicators/advanceRows';
import { addDays } from '../../shared/dates/calendar';
import type { Period } from '../../shared/indicators/formulas';
import type { CaseScope } from '../../shared/accounts/roles';

const TODAY = '2024-12-31';
const PERIODS: Period[] = [
  // Whole months; edges mid-month (the first edge a month row less its outside days, the last as day rows); a leap day;
  // across a year; a year to the last ending; a period ending before some endings of its cases.
  { from: '2024-03-01', to: '2024-05-31' }, { from: '2024-03-15', to: '2024-05-10' }, { from: '2024-02-29', to: '2024-02-29' },
  { from: '2023-12-31', to: '2024-01-01' }, { from: '2023-11-10', to: '2024-08-20' }, { from: '2024-01-01', to: '2024-06-30' },
  { from: '2024-04-01', to: '2024-04-30' }, { from: '2024-06-01', to: '2024-07-15' },
];
/** The days cases are filed on: every period's edges and their neighbours, and the first and last days of months. */
const DAYS = [...new Set(PERIODS.flatMap((p) => [p.from, p.to, addDays(p.from, -1), addDays(p.to, 1)])
  .concat(['2023-12-01', '2024-01-31', '2024-02-01', '2024-03-31', '2024-04-01', '2024-04-30', '2024-05-01', '2024-06-30', '2024-07-01']))].sort();

let t: ReturnType<typeof freshCourtDb>;
let scopes: CaseScope[];
let filters: TallyFilter[];

/** Which way advanceRows reads p: the day rows with settled_on (late), month rows less the rows ending after `to` (some), month rows alone (none). */
function way(p: Period): 'late' | 'some' | 'none' {
  const sql = advanceRows(t.db, p, 'x').sql;
  return sql.includes('settled_on <=') ? 'late' : sql.includes('settled_on >') ? 'some' : 'none';
}

function expectSame(label: string): Record<string, number> {
  const ways: Record<string, number> = {};
  for (const p of [...PERIODS, { from: '2023-01-01', to: TODAY }]) {
    const w = way(p);
    ways[w] = (ways[w] ?? 0) + 1;
    for (const scope of scopes) for (const by of ['court', 'division', 'judge'] as const) {
      expect(preaggTallies(t.db, p, scope, {}, by), `${label} ${p.from}…${p.to} ${JSON.stringify(scope)} ${by} (${w})`).toEqual(sqlTallies(t.db, p, scope, {}, by));
    }
    for (const f of filters) expect(preaggTallies(t.db, p, { kind: 'all' }, f, 'judge'), `${label} ${p.from} ${JSON.stringify(f)}`).toEqual(sqlTallies(t.db, p, { kind: 'all' }, f, 'judge'));
  }
  return ways;
}

const mediate = (caseNumber: string, ended: string | null, outcome: string | null) => t.db.prepare(`INSERT INTO mediations (case_id, destination, mediator, received_on, base_days, ended_on, outcome, row_version, created_at, updated_at)
  SELECT id, '特邀调解员', '调解员甲', filed_on, 15, ?, ?, 1, 'x', 'x' FROM cases WHERE case_number = ?`).run(ended, outcome, caseNumber);

beforeAll(() => {
  t = freshCourtDb();
  // On every day, a case of each judge; its 先行调解 ends settled the same day, a few days or weeks later, or fails.
  const endings: Array<[number, string]> = [[0, '调解成功'], [5, '撤诉'], [40, '当场履行'], [3, '调解不成转审理'], [9, '调解成功']];
  let serial = 0;
  const cases = DAYS.flatMap((day) => DIVISIONS.map(([division, judge]) => record({ caseNumber: `（${day.slice(0, 4)}）辽0421民初${++serial}号`, division, judge, filedOn: day })));
  t.put(cases, TODAY);
  cases.forEach((c, i) => {
    const [days, outcome] = endings[i % endings.length];
    mediate(c.caseNumber, addDays(c.filedOn, days), outcome);
  });
  const divisions = t.db.prepare('SELECT id FROM divisions ORDER BY id').pluck().all() as number[];
  const judges = t.db.prepare('SELECT DISTINCT judge_id FROM cases ORDER BY judge_id').pluck().all() as number[];
  scopes = [{ kind: 'all' }, { kind: 'division', divisionId: divisions[0] }, { kind: 'own', staffId: judges[1] }];
  filters = [{ divisionId: divisions[divisions.length - 1] }, { judgeId: judges[0] }];
});
afterAll(() => t.close());

describe('received and settled by `to`, from month rows', () => {
  it('equals the plain pass on the edges, read by month rows alone or less the few rows ending after `to`', () => {
    expect(t.db.prepare('SELECT count(*) FROM tally_advance').pluck().get()).toBeLessThanOrEqual(LATE_ROWS * 2);
    const ways = expectSame('edges');
    // The last ending is 2024-09-29 (a case filed on 2024-08-21, 40 days later): the year to today has none after `to`.
    expect(way({ from: '2024-01-01', to: TODAY })).toBe('none');
    expect(advanceRows(t.db, { from: '2024-01-01', to: TODAY }, 'x').sql).toContain('tally_advance_month');
    expect(ways.some).toBeGreaterThan(3);
    expect(t.db.prepare("SELECT count(*) FROM tally_advance WHERE settled_on > '2024-05-31' AND filed_on BETWEEN '2024-03-01' AND '2024-05-31'").pluck().get()).toBeGreaterThan(0);
    expect(preaggTallies(t.db, PERIODS[0], { kind: 'all' }, {}, 'court').get(0)!.receivedAdvanceSettled).toBeGreaterThan(0);
  });

  it('reads the day rows when more than LATE_ROWS rows end after `to`, with the same figures, and month rows again for periods ending later', () => {
    // Cases filed in the first half of 2024-10 whose 先行调解 end settled on as many days from 2024-10-15 on.
    const late = Array.from({ length: LATE_ROWS + 1 }, (_, i) => record({ caseNumber: `（2024）辽0421民初${900 + i}号`, division: DIVISIONS[i % 4][0], judge: DIVISIONS[i % 4][1], filedOn: addDays('2024-10-01', i % 14) }));
    t.put(late, TODAY);
    late.forEach((c, i) => mediate(c.caseNumber, addDays('2024-10-15', i), '调解成功'));
    expect(t.db.prepare("SELECT count(*) FROM tally_advance WHERE settled_on > '2024-10-14'").pluck().get()).toBe(LATE_ROWS + 1);
    const ways = expectSame('late');
    expect(ways.late).toBe(PERIODS.length);
    expect(ways.none).toBe(1);
    // A period ending on the first of those days has one row fewer after it; one ending on the last, none.
    const periods = [{ from: '2024-10-01', to: '2024-10-15' }, { from: '2024-10-01', to: '2024-10-14' }, { from: '2024-10-07', to: '2024-11-20' }, { from: '2024-09-29', to: '2024-12-18' }];
    expect(periods.map(way)).toEqual(['some', 'late', 'some', 'none']);
    for (const p of periods) {
      // Nothing of them is settled by 2024-10-14 yet.
      expect(preaggTallies(t.db, p, { kind: 'all' }, {}, 'court').get(0)!.receivedAdvanceSettled > 0, p.to).toBe(p.to !== '2024-10-14');
      for (const by of ['court', 'division', 'judge'] as const) expect(preaggTallies(t.db, p, { kind: 'all' }, {}, by), `${p.to} ${by}`).toEqual(sqlTallies(t.db, p, { kind: 'all' }, {}, by));
    }
  });
});
