// The pre-aggregated tallies (migrations 12 and 16) against the plain SQL pass: on a random court, then after every one of many random real changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { freshCourtDb } from '../helpers/tempDb';
import { DIVISIONS, randomCourt, rng } from '../helpers/randomCourt';
import { sqlDocketJudges, sqlTallies, type TallyFilter } from '../../electron/core/indicators/sqlTallies';
import { preaggDocketJudges, preaggTallies } from '../../electron/core/indicators/preaggTallies';
import { forgetStockDays, materializeStockDay } from '../../electron/core/indicators/stockDays';
import { switchHolidayRoll } from '../../electron/core/deadlines/switchHolidayRoll';
import { seedDatabase } from '../../electron/core/setup/seed';
import { fillLinkMediationTallies, fillMonthTallies } from '../../electron/core/db/migrations/0017-link-mediation-tallies';
import { fillMonths } from '../../electron/core/db/migrations/0019-duration-year-tallies';
import { fillFlowYears } from '../../electron/core/db/migrations/0020-flow-year-tallies';
import { fillDeepLinkSimple } from '../../electron/core/db/migrations/0021-deep-link-simple';
import { fillAdvanceMonths } from '../../electron/core/db/migrations/0022-advance-month-tallies';
import { advanceRows } from '../../electron/core/indicators/advanceRows';
import { fillDurationCounts } from '../../electron/core/db/migrations/0023-duration-counts';
import { countRows } from '../helpers/durationCounts';
import { InputError } from '../../electron/core/kernel/errors';
import { addDays, addMonths as addMonthsOf, daysBetween } from '../../shared/dates/calendar';
import { EVENT_KINDS, type CaseRecord } from '../../shared/cases/types';
import type { Period } from '../../shared/indicators/formulas';
import type { CaseScope } from '../../shared/accounts/roles';

const TODAY = '2024-12-31';
const BY = ['court', 'division', 'judge'] as const;

type Court = ReturnType<typeof freshCourtDb>;

function scopesOf(db: BetterSqlite3.Database): CaseScope[] {
  const divisions = db.prepare('SELECT id FROM divisions ORDER BY id').pluck().all() as number[];
  const judges = db.prepare('SELECT DISTINCT judge_id FROM cases ORDER BY judge_id').pluck().all() as number[];
  return [{ kind: 'all' }, ...divisions.slice(0, 2).map((d) => ({ kind: 'division' as const, divisionId: d })), ...judges.slice(0, 2).map((j) => ({ kind: 'own' as const, staffId: j }))];
}

/** Every grouping and a judge filter, for one period and scope: the two sources must agree exactly. */
function expectSame(db: BetterSqlite3.Database, p: Period, scope: CaseScope, f: TallyFilter = {}, label = ''): void {
  const sql = advanceRows(db, p, 'x').sql;
  const way = sql.includes('settled_on <=') ? 'day rows' : sql.includes('settled_on >') ? 'month rows less the rows after to' : 'month rows';
  advanceWays[way] = (advanceWays[way] ?? 0) + 1;
  for (const by of BY) {
    expect(preaggTallies(db, p, scope, f, by), `${label} ${p.from}…${p.to} ${JSON.stringify(scope)} ${by}`).toEqual(sqlTallies(db, p, scope, f, by));
  }
  expect(preaggDocketJudges(db, p, scope, f), `${label} judges`).toBe(sqlDocketJudges(db, p, scope, f));
}

function randomPeriod(r: ReturnType<typeof rng>): Period {
  const from = addDays('2021-01-01', r.int(daysBetween('2021-01-01', TODAY) + 1));
  return { from, to: addDays(from, r.pick([0, 6, 30, 90, 365, r.int(900)])) };
}

/**
 * A period on the bounds of the durations' count objects (migration 23): whole years, a year to date, the last 365
 * days, whole months, and spans with a month or year edge a few days in.
 */
function alignedPeriod(r: ReturnType<typeof rng>): Period {
  const y = 2021 + r.int(4);
  const m = String(1 + r.int(12)).padStart(2, '0');
  const start = `${y}-${m}-01`;
  const shapes: Period[] = [
    { from: `${y}-01-01`, to: `${y}-12-31` }, { from: `${y}-01-01`, to: `${y + r.int(3)}-12-31` }, { from: `${y}-01-01`, to: addDays(`${y}-01-01`, r.int(365)) },
    { from: addDays(TODAY, -364), to: TODAY }, { from: start, to: addDays(addMonthsOf(start, 1 + r.int(5)), -1) },
    { from: addDays(start, r.int(10)), to: addDays(addMonthsOf(start, 1 + r.int(14)), -1 - r.int(10)) }, { from: addDays(`${y}-01-01`, -r.int(20)), to: addDays(`${y}-12-31`, r.int(20)) },
  ];
  return r.pick(shapes);
}

let t: Court;
let cases: CaseRecord[];
/** How often expectSame saw each way of reading "received and settled by `to`" (advanceRows.ts). */
const advanceWays: Record<string, number> = {};

beforeAll(() => {
  t = freshCourtDb();
  cases = randomCourt(20241231, 400);
  t.put(cases, TODAY);
  // 先行调解 of some 民初 cases: their counters are read from the cases by index, and must agree too.
  const r = rng(8);
  const mediation = t.db.prepare(`INSERT INTO mediations (case_id, destination, mediator, received_on, base_days, ended_on, outcome, row_version, created_at, updated_at)
    VALUES (?, '特邀调解员', '调解员甲', ?, 15, ?, ?, 1, 'x', 'x')`);
  for (const c of t.db.prepare("SELECT id, filed_on FROM cases WHERE type_code = '民初'").all() as Array<{ id: number; filed_on: string }>) {
    if (r.next() < 0.3) {
      const ended = r.next() < 0.8 ? addDays(c.filed_on, 1 + r.int(40)) : null;
      mediation.run(c.id, addDays(c.filed_on, 1), ended, ended ? r.pick(['调解成功', '撤诉', '当场履行', '调解不成转审理']) : null);
    }
  }
  // And of other cases (SETTLED_BY_TO counts any received case): enough that a period ending in the first years has
  // more than LATE_ROWS endings after it and reads the day rows, and a later one month rows less the few after it.
  for (const c of t.db.prepare("SELECT id, filed_on FROM cases WHERE type_code <> '民初'").all() as Array<{ id: number; filed_on: string }>) {
    if (r.next() < 0.4) mediation.run(c.id, c.filed_on, addDays(c.filed_on, r.int(60)), r.pick(['调解成功', '撤诉', '调解不成转审理']));
  }
});
afterAll(() => t.close());

describe('pre-aggregated tallies equal the plain SQL pass', () => {
  it('for fixed and random periods, every grouping and scope, filters by division and judge', () => {
    const r = rng(5);
    const periods: Period[] = [
      { from: '2024-01-01', to: '2024-12-31' }, { from: '2024-02-29', to: '2024-02-29' }, { from: '2023-01-31', to: '2023-03-31' },
      { from: '2021-01-01', to: TODAY }, ...Array.from({ length: 10 }, () => randomPeriod(r)),
    ];
    const divisionId = t.db.prepare('SELECT max(id) FROM divisions').pluck().get() as number;
    const judgeId = t.db.prepare('SELECT max(judge_id) FROM cases').pluck().get() as number;
    for (const p of periods) {
      for (const scope of scopesOf(t.db)) expectSame(t.db, p, scope);
      expectSame(t.db, p, { kind: 'all' }, { divisionId });
      expectSame(t.db, p, { kind: 'all' }, { judgeId });
    }
    // The days asked for are kept now, and a group with nobody pending on a kept day has no row (it means 0).
    expect(t.db.prepare('SELECT count(*) FROM tally_stock_days').pluck().get()).toBeGreaterThan(10);
  });

  it('falls back to the plain pass for stage, procedure and cause', () => {
    const p = { from: '2024-01-01', to: '2024-06-30' };
    expect(preaggTallies(t.db, p, { kind: 'all' }, {}, 'court').get(0)!.advanceMediationSettled).toBeGreaterThan(0);
    expect(preaggTallies(t.db, p, { kind: 'all' }, {}, 'court').get(0)!.receivedAdvanceSettled).toBeGreaterThan(0);
    expect(preaggTallies(t.db, p, { kind: 'all' }, {}, 'stage')).toEqual(sqlTallies(t.db, p, { kind: 'all' }, {}, 'stage'));
    expect(preaggTallies(t.db, p, { kind: 'all' }, { cause: '离婚纠纷' }, 'judge')).toEqual(sqlTallies(t.db, p, { kind: 'all' }, { cause: '离婚纠纷' }, 'judge'));
    expect(preaggDocketJudges(t.db, p, { kind: 'all' }, { typeCode: '民初' })).toBe(sqlDocketJudges(t.db, p, { kind: 'all' }, { typeCode: '民初' }));
  });

  it('asked the same question again after a write, here or on another connection, answers from the new data', () => {
    const p = { from: '2024-01-01', to: '2024-03-31' };
    const all: CaseScope = { kind: 'all' };
    const before = preaggTallies(t.db, p, all, {}, 'judge');
    expect(preaggTallies(t.db, p, all, {}, 'judge')).toEqual(before);
    const id = t.db.prepare("SELECT id FROM cases WHERE filed_on BETWEEN '2024-01-01' AND '2024-03-31' LIMIT 1").pluck().get() as number;
    const judges = t.db.prepare('SELECT DISTINCT judge_id FROM cases').pluck().all() as number[];
    const moveTo = (db: BetterSqlite3.Database) => {
      const now = db.prepare('SELECT judge_id FROM cases WHERE id = ?').pluck().get(id) as number;
      db.prepare('UPDATE cases SET judge_id = ? WHERE id = ?').run(judges.find((j) => j !== now), id);
    };
    moveTo(t.db);
    const after = preaggTallies(t.db, p, all, {}, 'judge');
    expect(after).not.toEqual(before);
    expect(after).toEqual(sqlTallies(t.db, p, all, {}, 'judge'));
    const other = new BetterSqlite3(t.file);
    try {
      moveTo(other);
    } finally {
      other.close();
    }
    expect(preaggTallies(t.db, p, all, {}, 'judge')).not.toEqual(after);
    expect(preaggTallies(t.db, p, all, {}, 'judge')).toEqual(sqlTallies(t.db, p, all, {}, 'judge'));
  });

  it('figures computed inside a transaction that is rolled back are not reused after it', () => {
    const p = { from: '2023-04-01', to: '2023-09-30' };
    const all: CaseScope = { kind: 'all' };
    const outside = preaggTallies(t.db, p, all, {}, 'division');
    t.db.exec('BEGIN');
    try {
      t.db.prepare("UPDATE cases SET closed_on = NULL, closing_method = NULL WHERE closed_on BETWEEN '2023-04-01' AND '2023-09-30'").run();
      expect(preaggTallies(t.db, p, all, {}, 'division')).toEqual(sqlTallies(t.db, p, all, {}, 'division'));
      expect(preaggTallies(t.db, p, all, {}, 'division')).not.toEqual(outside);
    } finally {
      t.db.exec('ROLLBACK');
    }
    expect(preaggTallies(t.db, p, all, {}, 'division')).toEqual(outside);
    expect(outside).toEqual(sqlTallies(t.db, p, all, {}, 'division'));
  });

  it('while another connection holds the write lock, the figures are computed without keeping the day', () => {
    const other = new BetterSqlite3(t.file);
    const timeout = t.db.pragma('busy_timeout', { simple: true });
    t.db.pragma('busy_timeout = 0');
    try {
      other.exec('BEGIN IMMEDIATE');
      const p = { from: '2022-03-17', to: '2022-08-03' };
      expect(preaggTallies(t.db, p, { kind: 'all' }, {}, 'judge')).toEqual(sqlTallies(t.db, p, { kind: 'all' }, {}, 'judge'));
      expect(t.db.prepare("SELECT count(*) FROM tally_stock_days WHERE day IN ('2022-03-16', '2022-08-03')").pluck().get()).toBe(0);
    } finally {
      other.exec('ROLLBACK');
      other.close();
      t.db.pragma(`busy_timeout = ${timeout}`);
    }
  });

  it('a read-only connection gets the same figures for a day nobody kept, and writes nothing', () => {
    const ro = new BetterSqlite3(t.file, { readonly: true });
    try {
      const p = { from: '2022-07-14', to: '2023-05-09' };
      const kept = ro.prepare('SELECT count(*) FROM tally_stock_days').pluck().get();
      for (const scope of scopesOf(ro)) expectSame(ro, p, scope);
      expect(ro.prepare('SELECT count(*) FROM tally_stock_days').pluck().get()).toBe(kept);
    } finally {
      ro.close();
    }
  });
});

describe('property: after every random change, the pre-aggregation equals a recomputation from scratch', () => {
  it('random registrations, edits, closings, reopenings, events, holiday-roll switches, raw updates and deletes', () => {
    const r = rng(424242);
    for (const k of Object.keys(advanceWays)) delete advanceWays[k];
    const ctx = { actor: 'tester', today: TODAY };
    const judges = t.db.prepare('SELECT id, division_id FROM staff WHERE id IN (SELECT judge_id FROM cases)').all() as Array<{ id: number; division_id: number }>;
    const divisions = t.db.prepare('SELECT id FROM divisions').pluck().all() as number[];
    const steps: Record<string, number> = {};
    let serial = 10_000;
    const edit = (c: CaseRecord, change: Partial<CaseRecord>) => {
      const next = { ...c, ...change };
      try {
        t.put([next], TODAY);
        cases[cases.indexOf(c)] = next;
      } catch (err) {
        // A refused change leaves the database (and so the tallies) as they were; the check below sees to that.
        if (!(err instanceof InputError)) throw err;
      }
    };
    const actions: Record<string, () => void> = {
      register: () => {
        const filedOn = addDays(TODAY, -r.int(1500));
        const closed = r.next() < 0.4 ? addDays(filedOn, r.int(daysBetween(filedOn, TODAY) + 1)) : null;
        const [division, judge] = r.pick(DIVISIONS);
        const c = randomCourt(serial++, 1)[0];
        const rec = { ...c, caseNumber: `（${filedOn.slice(0, 4)}）辽0421民初${serial}号`, division, judge, filedOn, closedOn: closed, closingMethod: closed ? '判决' as const : null, appealed: null, appealOutcome: null };
        t.put([rec], TODAY);
        cases.push(rec);
      },
      moveJudge: () => {
        const [division, judge] = r.pick(DIVISIONS);
        edit(r.pick(cases), { division, judge });
      },
      refile: () => {
        const c = r.pick(cases);
        edit(c, { filedOn: addDays(c.filedOn, r.int(120) - 60) });
      },
      close: () => {
        const c = r.pick(cases.filter((x) => x.closedOn === null));
        if (c) edit(c, { closedOn: addDays(c.filedOn, r.int(daysBetween(c.filedOn, TODAY) + 1)), closingMethod: r.pick(['判决', '调解', '撤诉', '裁定', '执行完毕'] as const) });
      },
      reopen: () => {
        const c = r.pick(cases.filter((x) => x.closedOn !== null));
        if (c) edit(c, { closedOn: null, closingMethod: null, appealed: null, appealOutcome: null, reviewed: null, precedentSearched: null });
      },
      event: () => {
        const c = r.pick(cases.filter((x) => x.closedOn === null));
        if (!c) return;
        const from = addDays(c.filedOn, r.int(daysBetween(c.filedOn, TODAY) + 1));
        try {
          t.store.addEvent(c.caseNumber, r.pick(EVENT_KINDS.filter((k) => k !== '先行调解延长')), from, r.next() < 0.5 ? null : addDays(from, r.int(30)), null, ctx);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
        }
      },
      holidayRoll: () => {
        switchHolidayRoll(t.db, t.store, !t.store.rules.holidayRoll(), 'tester', TODAY);
      },
      rawMove: () => {
        const j = r.pick(judges);
        t.db.prepare('UPDATE cases SET judge_id = ?, division_id = ? WHERE id = (SELECT id FROM cases ORDER BY random() LIMIT 1)').run(j.id, r.pick(divisions));
      },
      rawDue: () => {
        t.db.prepare('UPDATE cases SET due_on = ? WHERE closed_on IS NULL AND id % 7 = ?').run(r.next() < 0.2 ? null : addDays(TODAY, r.int(400) - 200), r.int(7));
      },
      rawExtension: () => {
        // What an approved extension writes (the engine's ext_months, due_on); a rejected one changes nothing.
        t.db.prepare('UPDATE cases SET ext_months = ext_months + 3, due_on = date(coalesce(due_on, filed_on), \'+3 months\') WHERE id = (SELECT id FROM cases ORDER BY random() LIMIT 1)').run();
      },
      rawClosing: () => {
        t.db.prepare(`UPDATE cases SET closed_on = max(filed_on, ?), closing_method = '调解', duration_days = ?, closed_overdue = ?
          WHERE id = (SELECT id FROM cases WHERE closed_on IS NULL ORDER BY random() LIMIT 1)`).run(addDays(TODAY, -r.int(300)), r.int(400), r.pick([0, 1, null]));
      },
      rawDuration: () => {
        // A closed case's duration corrected: its count moves to another key of the same objects.
        t.db.prepare('UPDATE cases SET duration_days = ? WHERE id = (SELECT id FROM cases WHERE closed_on IS NOT NULL ORDER BY random() LIMIT 1)').run(r.int(500));
      },
      rawOddDuration: () => {
        // A duration outside the packed read's ranges (written by hand): the durations are read the four-field way.
        t.db.prepare('UPDATE cases SET duration_days = ? WHERE id = (SELECT id FROM cases WHERE closed_on IS NOT NULL ORDER BY random() LIMIT 1)').run(r.pick([-3, 20_000, 16_384]));
      },
      rawUnrelated: () => {
        t.db.prepare('UPDATE cases SET row_version = row_version + 1, plaintiffs = plaintiffs || \'甲\' WHERE id % 5 = ?').run(r.int(5));
      },
      rawDelete: () => {
        const id = t.db.prepare(`SELECT id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM extension_requests x WHERE x.case_id = c.id) ORDER BY random() LIMIT 1`).pluck().get() as number | undefined;
        if (id === undefined) return;
        const number = t.db.prepare('SELECT case_number FROM cases WHERE id = ?').pluck().get(id) as string;
        try {
          t.db.transaction(() => {
            t.db.prepare('DELETE FROM case_search WHERE rowid = ?').run(id);
            t.db.prepare('DELETE FROM cases WHERE id = ?').run(id);
          })();
          cases = cases.filter((c) => c.caseNumber !== number);
        } catch {
          // Another table refers to it (a foreign key): nothing was deleted.
        }
      },
      // 先行调解 and 原审案号 written raw (migration 16's triggers on mediations and cases keep their tallies).
      rawMediation: () => {
        const c = t.db.prepare('SELECT id, filed_on FROM cases ORDER BY random() LIMIT 1').get() as { id: number; filed_on: string };
        const ended = r.next() < 0.7 ? addDays(c.filed_on, r.int(90) - 30) : null;
        const outcome = ended ? r.pick(['调解成功', '撤诉', '当场履行', '调解不成转审理']) : null;
        const kind = r.int(3);
        if (kind === 0) {
          t.db.prepare(`INSERT OR IGNORE INTO mediations (case_id, destination, mediator, received_on, base_days, ended_on, outcome, row_version, created_at, updated_at)
            VALUES (?, '特邀调解员', '调解员乙', ?, 15, ?, ?, 1, 'x', 'x')`).run(c.id, c.filed_on, ended, outcome);
        } else if (kind === 1) {
          t.db.prepare('UPDATE mediations SET ended_on = ?, outcome = ? WHERE id = (SELECT id FROM mediations ORDER BY random() LIMIT 1)').run(ended, outcome);
        } else t.db.prepare('DELETE FROM mediations WHERE id = (SELECT id FROM mediations ORDER BY random() LIMIT 1)').run();
      },
      rawMediationCase: () => {
        t.db.prepare('UPDATE OR IGNORE mediations SET case_id = (SELECT id FROM cases ORDER BY random() LIMIT 1) WHERE id = (SELECT id FROM mediations ORDER BY random() LIMIT 1)').run();
      },
      rawType: () => {
        t.db.prepare('UPDATE cases SET type_code = ? WHERE id = (SELECT id FROM cases ORDER BY random() LIMIT 1)').run(r.pick(['民初', '刑初', '执', '民终', '诉前调']));
      },
      rawOrigin: () => {
        // Any case, its own number (a cycle) or none.
        t.db.prepare(`UPDATE cases SET origin_case_number = CASE WHEN ? THEN NULL WHEN ? THEN case_number ELSE (SELECT case_number FROM cases ORDER BY random() LIMIT 1) END
          WHERE id = (SELECT id FROM cases ORDER BY random() LIMIT 1)`).run(r.next() < 0.2 ? 1 : 0, r.next() < 0.1 ? 1 : 0);
      },
      // Chains deeper than one link (民初 → 执 → 执异 → …): cases not first-instance hung under linked cases, the roots
      // above re-derived (migration 21's simple holds for trees of any depth); a cycle now and then, when the case hung is above.
      rawChainDeeper: () => {
        const linked = t.db.prepare('SELECT case_number FROM cases WHERE origin_case_number IS NOT NULL ORDER BY id').pluck().all() as string[];
        const loose = t.db.prepare("SELECT id FROM cases WHERE type_code NOT IN ('民初', '刑初', '行初') ORDER BY id").pluck().all() as number[];
        if (!linked.length || !loose.length) return;
        for (let i = 0; i < 3; i++) t.db.prepare('UPDATE cases SET origin_case_number = ? WHERE id = ?').run(r.pick(linked), r.pick(loose));
      },
      // A case inside a chain (it names one and is named): re-pointed or cut off, turned first-instance (a 重审) or back, moved.
      rawChainMiddle: () => {
        const middle = t.db.prepare(`SELECT id FROM cases c WHERE origin_case_number IS NOT NULL
          AND EXISTS (SELECT 1 FROM cases d WHERE d.origin_case_number = c.case_number) ORDER BY id`).pluck().all() as number[];
        if (!middle.length) return;
        const id = r.pick(middle);
        const kind = r.int(3);
        if (kind === 0) {
          const numbers = t.db.prepare('SELECT case_number FROM cases ORDER BY id').pluck().all() as string[];
          t.db.prepare('UPDATE cases SET origin_case_number = ? WHERE id = ?').run(r.next() < 0.3 ? null : r.pick(numbers), id);
        } else if (kind === 1) t.db.prepare('UPDATE cases SET type_code = ? WHERE id = ?').run(r.pick(['民初', '执', '执异']), id);
        else t.db.prepare('UPDATE cases SET judge_id = ?, division_id = ? WHERE id = ?').run(r.pick(judges).id, r.pick(divisions), id);
      },
      rawRenumber: () => {
        const c = r.pick(cases);
        const number = `（${c.filedOn.slice(0, 4)}）辽0421民初8${serial++}号`;
        if (t.db.prepare('UPDATE cases SET case_number = ? WHERE case_number = ?').run(number, c.caseNumber).changes) {
          t.db.prepare('UPDATE cases SET origin_case_number = ? WHERE origin_case_number = ?').run(number, c.caseNumber);
          cases[cases.indexOf(c)] = { ...c, caseNumber: number };
        }
      },
      keepDays: () => {
        for (let i = 0; i < 3; i++) materializeStockDay(t.db, addDays('2021-01-01', r.int(daysBetween('2021-01-01', TODAY) + 1)));
      },
      forgetDays: () => forgetStockDays(t.db),
    };
    const names = Object.keys(actions);
    const scopes = scopesOf(t.db);
    // The deepest tree summed unwalked (simple > 0) seen along the way: the property covers chains of several links.
    const depthOf = t.db.prepare(`WITH RECURSIVE tree(case_number, depth) AS (SELECT case_number, 0 FROM tally_links WHERE simple > 0
      UNION SELECT c.case_number, tree.depth + 1 FROM tree JOIN cases c ON c.origin_case_number = tree.case_number WHERE tree.depth < 20)
      SELECT coalesce(max(depth), 0) FROM tree`).pluck();
    let deepest = 0;
    // Its own generator, so the steps above stay those of the seed.
    const aligned = rng(2020);
    for (let step = 0; step < 120; step++) {
      const name = r.pick(names);
      steps[name] = (steps[name] ?? 0) + 1;
      actions[name]();
      deepest = Math.max(deepest, depthOf.get() as number);
      // A fresh period (its days kept now) and one ending on a day kept before the change (what the triggers kept current).
      expectSame(t.db, randomPeriod(r), r.pick(scopes), {}, `step ${step} (${name})`);
      // And one on the bounds of the count objects (whole years and months, their edges).
      expectSame(t.db, alignedPeriod(aligned), aligned.pick(scopes), {}, `step ${step} (${name}, aligned)`);
      const kept = t.db.prepare('SELECT day FROM tally_stock_days').pluck().all() as string[];
      if (kept.length) {
        const to = r.pick(kept);
        const from = r.next() < 0.5 ? addDays(r.pick(kept), 1) : addDays(to, -r.int(200));
        expectSame(t.db, from <= to ? { from, to } : { from: to, to }, r.pick(scopes), {}, `step ${step} (${name}, kept days)`);
      }
    }
    for (const name of names) expect(steps[name], name).toBeGreaterThan(0);
    expect(deepest).toBeGreaterThanOrEqual(3);
    // Random 先行调解 endings fall after some periods' `to`: each way of reading them was checked, several times.
    for (const way of ['day rows', 'month rows less the rows after to', 'month rows']) expect(advanceWays[way], way).toBeGreaterThan(5);
    // Finally the flow tables themselves against a rebuild from scratch.
    const flow = (sql: string) => t.db.prepare(sql).all();
    expectTablesRebuilt(t.db);
    expect(flow(`SELECT day, judge_id, division_id, sum(n) AS n FROM tally_durations GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3`))
      .toEqual(flow(`SELECT closed_on AS day, judge_id, division_id, count(*) AS n FROM cases WHERE closed_on IS NOT NULL AND duration_days IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`));
  });
});

/** Migration 17's and later tables (their rows that are not 0) equal what their fills build from scratch now (month and year rows and count objects from the day rows, simple from the cases). */
function expectTablesRebuilt(db: BetterSqlite3.Database): void {
  const read = () => ({
    mediation: db.prepare('SELECT * FROM tally_mediation WHERE ended <> 0 OR settled <> 0').raw().all(),
    advance: db.prepare('SELECT * FROM tally_advance WHERE n <> 0').raw().all(),
    links: db.prepare('SELECT * FROM tally_links').raw().all(),
    // Month rows: the sums of their days' rows (a row of zeros is as good as none).
    month: db.prepare('SELECT * FROM tally_month').raw().all().filter((r) => (r as number[]).slice(3).some((v) => v !== 0)),
    durationsMonth: db.prepare('SELECT * FROM tally_durations_month WHERE n <> 0').raw().all(),
    // Count objects: no key of count 0, no empty object (the fill makes none either).
    durationsMonthCounts: countRows(db, 'tally_durations_month_counts'),
    durationsYearCounts: countRows(db, 'tally_durations_year_counts'),
    pairs: db.prepare('SELECT (SELECT count(*) FROM tally_durations_month_counts) + (SELECT count(*) FROM tally_durations_year_counts)').pluck().get(),
    mediationMonth: db.prepare('SELECT * FROM tally_mediation_month WHERE ended <> 0 OR settled <> 0').raw().all(),
    linksMonth: db.prepare('SELECT * FROM tally_links_month WHERE simple <> 0').raw().all(),
    flowYear: db.prepare('SELECT * FROM tally_year').raw().all().filter((r) => (r as number[]).slice(3).some((v) => v !== 0)),
    advanceMonth: db.prepare('SELECT * FROM tally_advance_month WHERE n <> 0').raw().all(),
  });
  const kept = read();
  db.exec(`SAVEPOINT rebuild; DELETE FROM tally_mediation; DELETE FROM tally_advance; DELETE FROM tally_links;
    DELETE FROM tally_month; DELETE FROM tally_durations_month;`);
  try {
    fillLinkMediationTallies(db);
    fillDeepLinkSimple(db);
    fillMonthTallies(db);
    // The triggers on the tables refilled are on here: the later migrations' rows are emptied after them and filled anew.
    db.exec(`DELETE FROM tally_durations_month_counts; DELETE FROM tally_durations_year_counts; DELETE FROM tally_mediation_month;
      DELETE FROM tally_links_month; DELETE FROM tally_year; DELETE FROM tally_advance_month;`);
    fillDurationCounts(db);
    fillMonths(db);
    fillFlowYears(db);
    fillAdvanceMonths(db);
    expect(kept).toEqual(read());
  } finally {
    db.exec('ROLLBACK TO rebuild; RELEASE rebuild');
  }
}

describe('bulk loads rebuild the tallies once, with the triggers off during the load', () => {
  it('a seeded demo court has its ten triggers back and tallies equal to the plain pass, kept by later edits', () => {
    const d = freshCourtDb('辽0421', { demo: true });
    try {
      materializeStockDay(d.db, '2026-06-30');
      seedDatabase(d.db, d.store, { cases: 3000, seed: 7, today: '2026-11-23', actor: 'tester', threads: 'thread' });
      expect(d.db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'cases_tally_%'").pluck().get()).toBe(10);
      // Those keeping the month rows of tally_advance too (dropped during the load, as the seed's 先行调解 write it).
      expect(d.db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'tally_advance'").pluck().get()).toBe(3);
      expect(d.db.prepare('SELECT count(*) FROM tally_advance_month').pluck().get()).toBeGreaterThan(0);
      expectTablesRebuilt(d.db);
      expect(d.db.prepare('SELECT sum(received) FROM tally_day').pluck().get()).toBe(3000);
      const r = rng(3);
      const periods = [{ from: '2026-01-01', to: '2026-06-30' }, { from: '2026-11-01', to: '2026-11-23' }, ...Array.from({ length: 4 }, () => {
        const from = addDays('2018-01-01', r.int(3000));
        return { from, to: addDays(from, r.int(400)) };
      })];
      for (const p of periods) expectSame(d.db, p, { kind: 'all' });
      d.db.prepare("UPDATE cases SET judge_id = (SELECT max(judge_id) FROM cases), closed_on = NULL, closing_method = NULL WHERE id % 50 = 0").run();
      for (const p of periods) expectSame(d.db, p, { kind: 'all' });
    } finally {
      d.close();
    }
  });
});
