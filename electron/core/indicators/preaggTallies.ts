// The tally step from the pre-aggregated tables (migrations 12 and 16): flow and durations per day and month, stock per kept day, 先行调解 and links; the plain pass where they cannot answer.
import type { Database } from 'better-sqlite3';
import { prepared } from './statements';
import type { CaseScope } from '../../../shared/accounts/roles';
import { emptyTally, TALLY_COUNTERS, type Period, type Tally } from '../../../shared/indicators/formulas';
import type { GroupBy } from '../../../shared/indicators/api';
import { KEY, PAIR, sqlDocketJudges, sqlTallies, whereOf, type GroupKey, type TallyFilter } from './sqlTallies';
import { stockAt } from './stockDays';
import { mergeCounted } from './sortedDurations';
import { durationRows, periodRows, yearRows } from './monthRows';
import { advanceRows } from './advanceRows';
import { eachPacked } from './packedText';
import { countPairs } from './countsText';

/** The tally_day columns and the Tally counters they fill. */
const FLOW: Array<[string, keyof Tally]> = [
  ['received', 'received'], ['case_count', 'caseCount'], ['resolved', 'resolved'], ['duration_sum', 'durationSum'],
  ['with_limit', 'resolvedWithLimit'], ['on_time', 'resolvedOnTime'], ['extended', 'resolvedExtended'], ['normal_on_time', 'resolvedNormalOnTime'],
  ['first_resolved', 'firstResolved'], ['first_judgment_or_ruling', 'firstByJudgmentOrRuling'], ['first_appealed', 'firstAppealed'],
  ['first_not_appealed', 'firstNotAppealed'], ['first_reversed', 'firstReversed'], ['first_remanded', 'firstRemanded'],
  ['civil_resolved', 'civilResolved'], ['civil_mediated', 'civilMediated'], ['civil_withdrawn', 'civilWithdrawn'],
  ['pre_mediation_closed', 'preMediationClosed'], ['pre_mediation_settled', 'preMediationSettled'],
  ['enforcement_resolved', 'enforcementResolved'], ['enforcement_completed', 'enforcementCompleted'],
  ['enforcement_claim_fen', 'enforcementClaimFen'], ['enforcement_recovered_fen', 'enforcementRecoveredFen'],
  ['judgment_resolved', 'judgmentResolved'], ['judgment_reviewed', 'judgmentReviewed'], ['judgment_precedent', 'judgmentPrecedent'],
];
/** How deep the walk without dedup goes before it is taken for a cycle and redone with UNION. */
const WALK_DEPTH = 64;
/** A case d that is a 案 of the period: sqlTallies.itemSeed's conditions over alias d (the scope's are added). */
const FIRST_SEED = "d.filed_on BETWEEN @from AND @to AND d.type_code IN ('民初', '刑初', '行初')";
const FLOW_SUMS = FLOW.map(([c]) => `sum(c.${c})`).join(', ');
const FLOW_COLUMNS = FLOW.map(([c]) => c);

/** Whether the tables can answer: they are kept per judge and division, not per case type, procedure or cause. */
export function preaggregated(f: TallyFilter, by: GroupBy | 'court'): boolean {
  return (by === 'court' || by === 'division' || by === 'judge') && f.typeCode === undefined && f.procedure === undefined && f.cause === undefined;
}

interface Pair {
  judge: number;
  division: number;
  /** On the docket (carried over or received): the plain pass sees the pair's group, and counts its judge. */
  docket: boolean;
  /** Has 先行调解 that ended in the period: the plain pass sees the group too. */
  mediation: boolean;
  t: Tally;
  /**
   * Durations of the resolved cases, counted (formulas.Counted), once per pair: kept with the pair figures, so a
   * group of one pair (a judge's) copies it and other groups merge a few lists (mergeCounted). t.durationCounts stays empty.
   */
  durations: number[];
}

/**
 * The n cases reached by 原审案号 links from the 案 of the same pairs (seeds), with the same own pair (when each is
 * itself a 案 of the period; null otherwise). 件 are counted once per group, so they cannot be summed over pairs: a
 * case reached from the 案 of two judges of a division (a 重审 民初 linked to the first, and its 执) is one 件 of the
 * division, and a 案 of one judge reached from another's is already that division's 案. Cases alike in both are
 * counted alike, so they come over as one row with their number: a year at 1M is a few hundred rows, not 16,000.
 */
interface Link {
  seeds: Pair[];
  own: Pair | null;
  n: number;
}

/** The figures of one period and scope per (judge, division): every grouping of the three rolls up from these. */
interface PairLevel {
  pairs: Map<string, Pair>;
  links: Link[];
}

/*
 * A dashboard asks for the same period and scope several times in a row (court, by division, by judge): the
 * pair-level figures are kept for the last few questions, and dropped as soon as anything was written on this
 * connection (total_changes, triggers' rows included) or committed by another (data_version).
 */
const MEMO_SIZE = 8;
const memos = new WeakMap<Database, Map<string, PairLevel>>();
function writeStamp(db: Database): string {
  return `${prepared(db, 'SELECT total_changes()').pluck().get()}:${dataVersion(db)}`;
}
const dataVersion = (db: Database) => prepared(db, 'PRAGMA data_version').pluck().get() as number;
/** How often a computation that another connection's commit cut across is redone before it is answered unkept. */
const RETRIES = 3;

function pairLevel(db: Database, p: Period, scope: CaseScope, f: TallyFilter): PairLevel {
  // Inside a transaction nothing is kept or reused: a rollback undoes writes without moving total_changes back.
  if (db.inTransaction) return computeFor(db, p, scope, f);
  const question = JSON.stringify([p.from, p.to, scope, f.divisionId, f.judgeId]);
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new Map()));
  const hit = memo.get(`${question}@${writeStamp(db)}`);
  if (hit) return hit;
  /*
   * The work is many statements, each its own read: another connection (an import job's worker thread) may commit
   * between two of them, and the figures are then part before, part after. Such a computation is redone, and is
   * never kept under the stamp of "after".
   */
  for (let attempt = 1; ; attempt++) {
    const version = dataVersion(db);
    const out = computeFor(db, p, scope, f);
    if (dataVersion(db) !== version) {
      if (attempt < RETRIES) continue;
      return out;
    }
    // Stamped after the work: a stock day it kept is a write of its own.
    memo.set(`${question}@${writeStamp(db)}`, out);
    while (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
    return out;
  }
}

function computeFor(db: Database, p: Period, scope: CaseScope, f: TallyFilter): PairLevel {
  const params: Record<string, unknown> = { from: p.from, to: p.to };
  const w = whereOf(scope, f, params);
  return w.empty ? { pairs: new Map(), links: [] } : computePairs(db, p, w.clauses, params);
}

/**
 * Per-(judge, division) figures of the period: flow summed over its month and day rows, stock at `to` (pending,
 * ages, past due; carried over follows), durations, 先行调解, the 案 and the cases reached from them by links.
 */
function computePairs(db: Database, p: Period, clauses: string[], params: Record<string, unknown>): PairLevel {
  const out = new Map<string, Pair>();
  const pair = (judge: number, division: number): Pair => {
    const id = `${judge}/${division}`;
    let x = out.get(id);
    if (!x) out.set(id, (x = { judge, division, docket: false, mediation: false, t: emptyTally(), durations: [] }));
    return x;
  };
  const where = clauses.length ? ` AND ${clauses.join(' AND ')}` : '';
  // Flow summed over the period's year, month and edge-day rows, an edge month perhaps less its days outside (monthRows.ts).
  const flow = yearRows(db, { day: 'tally_day', month: 'tally_month', year: 'tally_year' }, FLOW_COLUMNS, p, 'flow', true);
  const rows = prepared(db, `SELECT c.judge_id, c.division_id, ${FLOW_SUMS} FROM (${flow.sql}) c WHERE 1${where} GROUP BY c.judge_id, c.division_id`)
    .raw().all({ ...params, ...flow.params }) as number[][];
  for (const r of rows) {
    const t = pair(r[0], r[1]).t;
    FLOW.forEach(([, k], i) => ((t[k] as number) += r[i + 2]));
  }
  for (const s of stockAt(db, p.to, clauses, params)) {
    const t = pair(s.judge, s.division).t;
    t.pending += s.pending;
    s.age.forEach((n, i) => (t.age[i] += n));
    t.longPending12 += s.age[3] + s.age[4] + s.age[5];
    t.longPending18 += s.age[4] + s.age[5];
    t.longPending36 += s.age[5];
    t.overduePending += s.overdue;
  }
  /*
   * Carried over, from the stock at `to` and the flow, without the stock of `from − 1`: the docket is what was carried
   * over and received, and also what is pending at `to` and was resolved (a case closes on or after its filing day,
   * a CHECK of cases), so carriedOver = pending + resolved − received, per pair. A never-asked period computes one
   * stock day from the cases instead of two.
   */
  for (const x of out.values()) {
    x.t.carriedOver = x.t.pending + x.t.resolved - x.t.received;
    x.docket = x.t.carriedOver + x.t.received > 0;
  }
  readDurations(db, p, where, params, pair);
  // Read as (duration, count) rows in no order, a duration again from each month or day row: counted once here.
  for (const x of out.values()) if (x.durations.length) x.durations = mergeCounted([x.durations]);
  // 先行调解 and the 案 with linked cases from migration 17's tables, kept by the same triggers.
  const pairOf = (k: string) => {
    const [judge, division] = k.split('/').map(Number);
    return pair(judge, division);
  };
  // By month rows and edge days, as the flow (migration 19's month rows).
  const ended = periodRows(db, { day: 'tally_mediation', month: 'tally_mediation_month' }, ['ended', 'settled'], p, 'med', true);
  const mediation = prepared(db, `SELECT c.judge_id, c.division_id, sum(c.ended), sum(c.settled) FROM (${ended.sql}) c
    WHERE 1${where} GROUP BY c.judge_id, c.division_id HAVING sum(c.ended) > 0`).raw().all({ ...params, ...ended.params }) as number[][];
  for (const [judge, division, ended, settled] of mediation) {
    const x = pair(judge, division);
    x.mediation = true;
    x.t.advanceMediationEnded = ended;
    x.t.advanceMediationSettled = settled;
  }
  // A received case whose 先行调解 ended settled by `to` (SETTLED_BY_TO): by filing month when few settled after `to` (advanceRows.ts).
  const settledRows = advanceRows(db, p, 'adv');
  const advance = prepared(db, `SELECT c.judge_id, c.division_id, sum(c.n) FROM (${settledRows.sql}) c
    WHERE 1${where} GROUP BY c.judge_id, c.division_id`).raw().all({ ...params, ...settledRows.params }) as number[][];
  for (const [judge, division, n] of advance) if (n) pair(judge, division).t.receivedAdvanceSettled = n;
  // 件: each pair's 案 are its received first-instance cases (caseCount, disjoint, so they add up), and the cases
  // reached from the 案 that have a linked case (tally_links), deduplicated per group on rollup.
  for (const x of out.values()) x.t.itemCount = x.t.caseCount;
  // Whether a reached case d is itself a 案 of the period in scope (its pair, else NULL): read with the walk's step
  // from the widened cases_origin (migration 17), not looked up row by row afterwards.
  const dClauses = clauses.map((x) => x.replace(/\bc\./g, 'd.'));
  const own = `CASE WHEN ${[FIRST_SEED, ...dClauses].join(' AND ')} THEN d.judge_id || '/' || d.division_id END`;
  /*
   * Walked first without the UNION's dedup (a fifth of the walk for a year at 1M), each step counting its depth: 原审案号
   * links form chains, so a case is reached once per seed above it and the per-group Set deduplicates those. A cycle
   * (or a chain deeper than WALK_DEPTH) would go round for ever: the walk stops there, and is redone with UNION.
   */
  const walk = (union: boolean) => prepared(db, `
    WITH RECURSIVE linked(case_number, k, own, depth) AS (
      SELECT d.case_number, ${KEY[PAIR]}, ${own}, ${union ? 0 : 1} FROM tally_links c JOIN cases d ON d.origin_case_number = c.case_number
      WHERE c.filed_on BETWEEN @from AND @to AND c.simple = 0${where}
      ${union ? 'UNION' : 'UNION ALL'}
      SELECT d.case_number, l.k, ${own}, ${union ? 0 : 'l.depth + 1'} FROM linked l JOIN cases d ON d.origin_case_number = l.case_number
      ${union ? '' : `WHERE l.depth < ${WALK_DEPTH}`}
    )
    , reached(case_number, seeds, own, depth) AS (SELECT case_number, group_concat(k, ' '), own, max(depth) FROM linked GROUP BY case_number)
    SELECT seeds, own, count(*), max(depth) FROM reached GROUP BY seeds, own`)
    .raw().all(params) as Array<[string, string | null, number, number]>;
  let reached = walk(false);
  if (reached.some((r) => r[3] >= WALK_DEPTH)) reached = walk(true);
  const links = reached.map(([seeds, own, n]) => ({ seeds: seeds.split(' ').map(pairOf), own: own === null ? null : pairOf(own), n }));
  // The root 案 whose whole tree of linked cases holds no first-instance case, each case of it reached from that 案
  // alone and no 案 (migration 21's simple): their count, unwalked. Read by filing month and edge days (tally_links_month).
  // The walk above starts from the others only, found by the partial index tally_links_walk (simple = 0).
  const simpleRows = periodRows(db, { day: 'tally_links', month: 'tally_links_month', dayColumn: 'filed_on' }, ['simple'], p, 'lnk', true);
  const simple = prepared(db, `SELECT c.judge_id, c.division_id, sum(c.simple) FROM (${simpleRows.sql}) c
    WHERE 1${where} GROUP BY c.judge_id, c.division_id HAVING sum(c.simple) > 0`).raw().all({ ...params, ...simpleRows.params }) as number[][];
  for (const [judge, division, n] of simple) links.push({ seeds: [pair(judge, division)], own: null, n });
  return { pairs: out, links };
}

/*
 * The durations of whole years and months come as one row per (judge, division) holding its counts by duration
 * (migration 23: the last 365 days at 1M are 120 rows, 1.5 ms with the edge days where 13,200 year rows and 5,100
 * month rows were 8 ms), their text scanned here (countPairs). The edge days are rows of the durations table, nearly
 * a row per resolved case (a week at 1M: 2,200): grouped in SQL and handed over as rows they would cost a sort and an
 * array per row; they come as one text, a number per row packing judge, division, duration and count (text of four
 * fields per row took three times as long, most of it SQLite concatenating). A row out of the packing's ranges (a
 * duration written by hand, a court of more than 4,096 divisions) sends the whole read of the days to the four-field text.
 */
const PACK = { judge: 2 ** 17, division: 4096, duration: 16384, n: 1024 };
const FITS = (['judge_id', 'division_id', 'duration', 'n'] as const).map((c, i) => `c.${c} BETWEEN 0 AND ${Object.values(PACK)[i] - 1}`).join(' AND ');
function readDurations(db: Database, p: Period, where: string, params: Record<string, unknown>, pair: (judge: number, division: number) => Pair): void {
  const parts = durationRows(db, p, 'dur');
  const all = { ...params, ...parts.params };
  let x: Pair | undefined;
  const add = (judge: number, division: number, d: number, n: number) => {
    if (!x || x.judge !== judge || x.division !== division) x = pair(judge, division);
    x.durations.push(d, n);
  };
  if (parts.counts !== null) {
    const rows = prepared(db, `SELECT c.judge_id, c.division_id, json(c.counts) FROM (${parts.counts}) c WHERE 1${where}`)
      .raw().all(all) as Array<[number, number, string]>;
    for (const [judge, division, text] of rows) {
      const pairs = countPairs(text);
      for (let i = 0; i < pairs.length; i += 2) add(judge, division, pairs[i], pairs[i + 1]);
    }
  }
  if (parts.days === null) return;
  const from = `(${parts.days}) c WHERE 1${where}`;
  // A row that does not fit comes over as 'x' (NaN here): a check per row inline costs a tenth of an aggregate.
  const packed = prepared(db, `SELECT group_concat(CASE WHEN ${FITS}
      THEN ((c.judge_id * ${PACK.division} + c.division_id) * ${PACK.duration} + c.duration) * ${PACK.n} + c.n ELSE 'x' END)
    FROM ${from}`).pluck().get(all) as string | null;
  if (packed === null) return;
  const read = eachPacked(packed, (v) => {
    const n = v % PACK.n;
    v = (v - n) / PACK.n;
    const d = v % PACK.duration;
    v = (v - d) / PACK.duration;
    const division = v % PACK.division;
    add((v - division) / PACK.division, division, d, n);
  });
  if (read) return;
  const text = prepared(db, `SELECT group_concat(c.judge_id || ',' || c.division_id || ',' || c.duration || ',' || c.n)
    FROM ${from}`).pluck().get(all) as string;
  const f = text.split(',');
  for (let i = 0; i < f.length; i += 4) add(Number(f[i]), Number(f[i + 1]), Number(f[i + 2]), Number(f[i + 3]));
}

const keyOf = (by: GroupBy | 'court', x: { judge: number; division: number }): GroupKey =>
  by === 'court' ? 0 : by === 'division' ? x.division : x.judge;

function add(into: Tally, t: Tally): void {
  for (const k of TALLY_COUNTERS) into[k] += t[k];
  t.age.forEach((n, i) => (into.age[i] += n));
}

/** Per-group tallies, equal to sqlTallies' for every period, scope and grouping (test/db/preaggTallies.test.ts). */
export function preaggTallies(db: Database, p: Period, scope: CaseScope, f: TallyFilter, by: GroupBy | 'court'): Map<GroupKey, Tally> {
  if (!preaggregated(f, by)) return sqlTallies(db, p, scope, f, by);
  const out = new Map<GroupKey, Tally>();
  const judges = new Map<GroupKey, Set<number>>();
  const durations = new Map<GroupKey, number[][]>();
  const level = pairLevel(db, p, scope, f);
  for (const x of level.pairs.values()) {
    if (!x.docket && !x.mediation) continue;
    const k = keyOf(by, x);
    let t = out.get(k);
    if (!t) out.set(k, (t = emptyTally()));
    add(t, x.t);
    let lists = durations.get(k);
    if (!lists) durations.set(k, (lists = []));
    lists.push(x.durations);
    if (!x.docket) continue;
    let set = judges.get(k);
    if (!set) judges.set(k, (set = new Set()));
    set.add(x.judge);
  }
  // 件 reached by links: once per group, and not when the case is a 案 of the same group (counted as such already).
  for (const l of level.links) {
    const groups = new Set(l.seeds.map((x) => keyOf(by, x)));
    if (l.own) groups.delete(keyOf(by, l.own));
    for (const k of groups) out.get(k)!.itemCount += l.n;
  }
  for (const [k, t] of out) {
    t.judges = judges.get(k)?.size ?? 0;
    // Counted per value, ascending, as the formulas want: no value written out.
    t.durationCounts = mergeCounted(durations.get(k)!);
  }
  return out;
}

/** Judges with a case on their docket over the whole scope, from the same pairs. */
export function preaggDocketJudges(db: Database, p: Period, scope: CaseScope, f: TallyFilter): number {
  if (!preaggregated(f, 'court')) return sqlDocketJudges(db, p, scope, f);
  return new Set([...pairLevel(db, p, scope, f).pairs.values()].filter((x) => x.docket).map((x) => x.judge)).size;
}

/** Forgets the kept pair figures of a connection (the bench measures the tables, not the memo). */
export function forgetTallyMemo(db: Database): void {
  memos.delete(db);
}
