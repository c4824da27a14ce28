// npm run bench: the budgets of docs/performance.md for what exists now, each beside a baseline measured in the same run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { openDatabase, closeDatabase } from '../electron/core/db/connection';
import { LATEST_SCHEMA_VERSION } from '../electron/core/db/migrations';
import { CaseStore } from '../electron/core/cases/caseStore';
import type { CaseScope } from '../shared/accounts/roles';
import { CaseQueries } from '../electron/core/cases/caseQueries';
import { AlertQueries } from '../electron/core/deadlines/alertQueries';
import { DEFAULT_ALERT_THRESHOLDS } from '../shared/deadlines/hiddenOverdue';
import { importCasesFile } from '../electron/core/cases/importCases';
import { initCourt } from '../electron/core/setup/initCourt';
import { seedDatabase } from '../electron/core/setup/seed';
import { writeCaseListXlsx } from '../electron/core/cases/caseListXlsx';
import { generateCourt } from '../electron/core/generator/generate';
import type { CaseListArgs } from '../shared/api/contract';
import type { CaseRecord } from '../shared/cases/types';
import { writeExchangeZip } from './exchangeZip';
import { buildReport, type ReportParams } from '../electron/core/reports/reportJob';
import { effectiveRanges } from '../shared/indicators/ranges';
import { benchIndicators as indicatorLines, type BenchTools } from './indicatorsBench';
import { benchLedgerTrend } from './ledgerTrendBench';
import { benchExchange } from './exchangeBench';

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, 'bench', '.cache');
const TODAY = '2026-11-23';
const SEED = 20261123;
const COURT = '辽0421';
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

interface Line {
  op: string;
  size: number;
  median: number;
  p95: number;
  runs: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  budget?: string;
  note?: string;
}
const results: Line[] = [];

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

async function timeAsync(fn: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Warm-up once, then RUNS timed runs. */
function measure(fn: () => void, runs = RUNS): number[] {
  fn();
  return Array.from({ length: runs }, () => time(fn));
}

function report(line: Omit<Line, 'median' | 'p95' | 'runs'> & { samples: number[]; baselineSamples?: number[] }) {
  const { samples, baselineSamples, ...rest } = line;
  const s = stats(samples);
  const b = baselineSamples ? stats(baselineSamples).median : undefined;
  const out: Line = { ...rest, median: round(s.median), p95: round(s.p95), runs: samples.length };
  if (b !== undefined) {
    out.baseline = round(b);
    out.ratio = round(b / s.median);
  }
  results.push(out);
  const ratio = out.ratio !== undefined ? `  baseline ${fmt(out.baseline!, out.unit)}  ${out.ratio >= 1 ? `${out.ratio}× faster` : `${round(1 / out.ratio)}× slower`}` : '';
  console.log(`${out.op.padEnd(34)} ${String(out.size).padStart(8)}  median ${fmt(out.median, out.unit)}  p95 ${fmt(out.p95, out.unit)}  (n=${out.runs})${ratio}${out.budget ? `  budget ${out.budget}` : ''}${out.note ? `  ${out.note}` : ''}`);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
function fmt(x: number, unit: string): string {
  return `${x.toFixed(unit === 'ms' ? 2 : 0)} ${unit}`.padStart(12);
}

/** Raised when the seed writes other rows for the same seed (2: rows stamped with their simulated dates). */
const SEED_ROWS = 2;

/** A cached database of n synthetic cases; rebuilt when the schema, the generator seed or the seed's rows change. */
function database(n: number): { file: string; seedMs: number | null } {
  mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `cases-${n}-s${SEED}-v${LATEST_SCHEMA_VERSION}-r${SEED_ROWS}.sqlite`);
  if (existsSync(file)) return { file, seedMs: null };
  const tmp = `${file}.building`;
  rmSync(tmp, { force: true });
  const { db } = openDatabase(tmp, { create: true });
  initCourt(db, COURT, '基准测试县人民法院', 'bench', true);
  const ms = time(() => seedDatabase(db, new CaseStore(db), { cases: n, seed: SEED, today: TODAY, actor: 'bench' }));
  db.pragma('wal_checkpoint(TRUNCATE)');
  closeDatabase(db);
  rmSync(`${tmp}-wal`, { force: true });
  rmSync(`${tmp}-shm`, { force: true });
  copyFileSync(tmp, file);
  rmSync(tmp);
  return { file, seedMs: ms };
}

function freshCourt(file: string, demo = false) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const { db } = openDatabase(file, { create: true });
  initCourt(db, COURT, '基准测试县人民法院', 'bench', demo);
  return db;
}

function benchGeneration() {
  for (const n of SIZES.filter((s) => s <= 100_000)) {
    const file = path.join(CACHE, 'gen.sqlite');
    const samples: number[] = [];
    const baselineSamples: number[] = [];
    for (let i = 0; i < 6; i++) {
      const db = freshCourt(file, true);
      const ms = time(() => seedDatabase(db, new CaseStore(db), { cases: n, seed: SEED + i, today: TODAY, actor: 'bench' }));
      closeDatabase(db);
      // Baseline: the same generated rows as plain inserts into a table with no index, check or derived column.
      const raw = new BetterSqlite3(':memory:');
      raw.exec('CREATE TABLE c (n TEXT, cause TEXT, f TEXT, cl TEXT, p TEXT, d TEXT)');
      const ins = raw.prepare('INSERT INTO c VALUES (?, ?, ?, ?, ?, ?)');
      const g = generateCourt({ courtCode: COURT, cases: n, seed: SEED + i, today: TODAY });
      const base = time(() => raw.transaction(() => {
        for (const c of g.cases) ins.run(c.record.caseNumber, c.record.cause, c.record.filedOn, c.record.closedOn, c.record.plaintiffs.join('、'), c.record.defendants.join('、'));
      })());
      raw.close();
      if (i > 0) {
        samples.push(ms);
        baselineSamples.push(base);
      }
    }
    report({ op: 'generate + insert (seed)', size: n, unit: 'ms', samples, baselineSamples, budget: '1M in < 60 s', note: 'baseline: generator into a bare table' });
  }
}

function toCsv(records: CaseRecord[]): string {
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const header = ['案号', '案由', '审判程序', '立案日期', '承办部门', '承办法官', '结案日期', '结案方式', '标的额（元）', '原告', '被告'];
  const lines = records.map((r) => [r.caseNumber, r.cause, r.procedure, r.filedOn, r.division, r.judge, r.closedOn, r.closingMethod, r.claimAmount, r.plaintiffs.join('、'), r.defendants.join('、')].map(esc).join(','));
  return [header.join(','), ...lines].join('\n') + '\n';
}

/**
 * One import of `file` into a fresh court database, timed: the first run warms up, the next `runs` count. With
 * withoutTallies, the triggers on cases that keep the indicator tallies (migrations 12 and 16) are dropped first: the upkeep's baseline.
 */
async function importSamples(file: string, n: number, dbFile: string, runs: number, withoutTallies = false): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const db = freshCourt(dbFile);
    if (withoutTallies) for (const name of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'cases_tally_%'").pluck().all() as string[]) db.exec(`DROP TRIGGER ${name}`);
    const ms = await timeAsync(async () => {
      const s = await importCasesFile(db, new CaseStore(db), file, { goodRowsOnly: false, actor: 'bench', createMissing: true, today: TODAY, backup: false });
      if (s.aborted || s.inserted !== n) throw new Error(`import failed: ${JSON.stringify(s.errors.slice(0, 3))}`);
    });
    closeDatabase(db);
    if (i > 0) samples.push(ms);
  }
  return samples;
}

function importCsv(n: number) {
  const generated = [...generateCourt({ courtCode: COURT, cases: n, seed: SEED, today: TODAY }).cases];
  const csvFile = path.join(CACHE, `import-${n}.csv`);
  writeFileSync(csvFile, '\ufeff' + toCsv(generated.map((c) => c.record)));
  return { csvFile, generated };
}

/**
 * What keeping the indicator tallies costs a 100,000-row CSV import into an empty court: as it runs (a load that
 * doubles the table writes with the triggers off and rebuilds the flow tables once), and with the triggers dropped
 * beforehand (no tally work at all).
 */
async function benchTallyUpkeep() {
  const n = 100_000;
  const { csvFile } = importCsv(n);
  const dbFile = path.join(CACHE, 'import.sqlite');
  report({
    op: 'import 100,000 rows: tally upkeep', size: n, unit: 'ms', samples: await importSamples(csvFile, n, dbFile, 3),
    baselineSamples: await importSamples(csvFile, n, dbFile, 3, true), note: 'the CSV import into an empty court, tallies rebuilt once; baseline: the same import with no tally work',
  });
}

async function benchImport() {
  const n = 100_000;
  const { csvFile, generated } = importCsv(n);
  const records = generated.map((c) => c.record);
  const xlsxFile = path.join(CACHE, `import-${n}.xlsx`);
  if (!existsSync(xlsxFile)) {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxFile });
    const ws = wb.addWorksheet('案件');
    const rows = readFileSync(csvFile, 'utf8').slice(1).trim().split('\n');
    for (const line of rows) ws.addRow(line.split(',')).commit();
    await wb.commit();
  }
  const zipFile = path.join(CACHE, `import-${n}-s${SEED}.zip`);
  if (!existsSync(zipFile)) writeExchangeZip(zipFile, generated);
  const dbFile = path.join(CACHE, 'import.sqlite');

  // The CSV line's baseline: plain prepared-statement inserts of the same rows, no parsing or validation.
  const baseline = () => {
    const raw = new BetterSqlite3(':memory:');
    raw.exec('CREATE TABLE c (n TEXT, cause TEXT, pr TEXT, f TEXT, dv TEXT, j TEXT, cl TEXT, cm TEXT, a REAL, p TEXT, d TEXT)');
    const ins = raw.prepare('INSERT INTO c VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    raw.transaction(() => {
      for (const r of records) ins.run(r.caseNumber, r.cause, r.procedure, r.filedOn, r.division, r.judge, r.closedOn, r.closingMethod, r.claimAmount, r.plaintiffs.join('、'), r.defendants.join('、'));
    })();
    raw.close();
  };
  const csv = await importSamples(csvFile, n, dbFile, 3);
  report({ op: 'import CSV', size: n, unit: 'ms', samples: csv, baselineSamples: measure(baseline, 5), budget: '≤ 5 s', note: 'baseline: plain inserts of the same rows into a bare in-memory table' });
  // The other formats carry the same cases into the same writer: each is set beside the CSV import, so its ratio is
  // what reading that format costs, not the plain inserts' ratio again.
  report({ op: 'import .xlsx', size: n, unit: 'ms', samples: await importSamples(xlsxFile, n, dbFile, 3), baselineSamples: csv, budget: '≤ 15 s', note: 'baseline: the same rows imported from CSV (above)' });
  report({
    op: 'import XML (zip)', size: n, unit: 'ms', samples: await importSamples(zipFile, n, dbFile, 3), baselineSamples: csv, budget: '≤ 20 s',
    note: `baseline: the same cases imported from CSV (above); ${n.toLocaleString('en')} exchange files, ${(statSync(zipFile).size / 1048576).toFixed(0)} MiB zipped, with their periods and extensions`,
  });
}

function benchQueries(n: number, file: string) {
  const { db } = openDatabase(file, { readonly: true });
  const q = new CaseQueries(db);
  const division = (db.prepare("SELECT id FROM divisions WHERE kind = 'tribunal' ORDER BY id LIMIT 1").pluck().get() as number);
  const judge = db.prepare('SELECT judge_id FROM cases GROUP BY judge_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
  const lists: Array<[string, CaseListArgs]> = [
    ['list: open, newest first', { status: 'open' }],
    ['list: overdue by due date', { status: 'overdue', sort: 'dueOn_asc' }],
    ['list: division + open', { divisionId: division, status: 'open' }],
    ['list: busiest judge', { judgeId: judge }],
    ['list: due within 30 days', { remainingMin: 0, remainingMax: 30, sort: 'dueOn_asc' }],
    ['list: procedure 简易程序', { procedure: '简易程序' }],
  ];
  for (const [op, args] of lists) {
    report({ op, size: n, unit: 'ms', samples: measure(() => q.list({ ...args, limit: 100 }, TODAY), 20), budget: '≤ 30 ms' });
  }
  report({ op: 'count: open cases', size: n, unit: 'ms', samples: measure(() => q.count({ status: 'open' }, TODAY), 10) });
  // The presets and saved filters people keep ("本庭15日内到期", "我的超期案件"), in their own scope, with their counts.
  const busiestDivision = db.prepare('SELECT division_id FROM cases GROUP BY division_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
  const saved: Array<[string, CaseListArgs, CaseScope]> = [
    ['saved filter: 本庭15日内到期 (busiest division)', { remainingMin: 0, remainingMax: 15, sort: 'dueOn_asc' }, { kind: 'division', divisionId: busiestDivision }],
    ['saved filter: 我的超期案件 (busiest judge)', { status: 'overdue', sort: 'dueOn_asc' }, { kind: 'own', staffId: judge }],
    ['list: 先行调解中', { status: 'mediating' }, { kind: 'all' }],
    ['list: 先行调解 due within 3 days', { status: 'mediation_due', sort: 'dueOn_asc' }, { kind: 'all' }],
  ];
  for (const [op, args, scope] of saved) {
    report({ op, size: n, unit: 'ms', samples: measure(() => q.list({ ...args, limit: 100 }, TODAY, scope), 20), budget: '≤ 30 ms' });
    report({ op: `${op}: count`, size: n, unit: 'ms', samples: measure(() => q.count(args, TODAY, scope), 10) });
  }
  report({ op: '审限预警 summary (court-wide)', size: n, unit: 'ms', samples: measure(() => q.summary(TODAY), 5) });
  benchAlerts(n, db, q, busiestDivision);

  const sample = db.prepare('SELECT case_number, plaintiffs, defendants FROM cases WHERE id = ?').get(Math.floor(n / 2)) as { case_number: string; plaintiffs: string; defendants: string };
  const person = [...sample.plaintiffs.split('、'), ...sample.defendants.split('、')].find((x) => x.length === 3) ?? '张伟';
  const searches: Array<[string, string]> = [
    ['search: full name (3 chars)', person],
    ['search: given name (2 chars)', person.slice(1)],
    ['search: case-number fragment', /(\D+\d+号)$/.exec(sample.case_number)![1]],
  ];
  const scan = db.prepare(
    `SELECT c.*, d.name, s.name FROM cases c JOIN divisions d ON d.id = c.division_id JOIN staff s ON s.id = c.judge_id
     WHERE c.case_number LIKE @p OR c.plaintiffs LIKE @p OR c.defendants LIKE @p ORDER BY c.filed_on DESC, c.id DESC LIMIT 100`,
  );
  for (const [op, text] of searches) {
    const samples = measure(() => q.list({ search: text, limit: 100 }, TODAY), 20);
    const baselineSamples = measure(() => scan.all({ p: `%${text}%` }), 5);
    report({ op, size: n, unit: 'ms', samples, baselineSamples, budget: '≤ 50 ms', note: `“${text}”, baseline LIKE '%…%'` });
  }
  closeDatabase(db);
}

/**
 * 隐性超审限 and 长期未动 as the start page reads them, court-wide (the president) and for the busiest division (its
 * head), each beside the plain open-cases list of the same scope: what the alert costs above a list.
 */
function benchAlerts(n: number, db: BetterSqlite3.Database, q: CaseQueries, divisionId: number) {
  const alerts = new AlertQueries(db);
  const scopes: Array<[string, CaseScope]> = [['court-wide', { kind: 'all' }], ['busiest division', { kind: 'division', divisionId }]];
  for (const [label, scope] of scopes) {
    const baselineSamples = measure(() => q.list({ status: 'open', limit: 100 }, TODAY, scope), 10);
    const lists: Array<[string, () => { total: number }]> = [
      ['隐性超审限', () => alerts.hidden(TODAY, scope, DEFAULT_ALERT_THRESHOLDS)],
      ['长期未动', () => alerts.cold(TODAY, scope, DEFAULT_ALERT_THRESHOLDS)],
    ];
    for (const [name, run] of lists) {
      const total = run().total;
      report({ op: `alerts: ${name} (${label})`, size: n, unit: 'ms', samples: measure(run, 5), baselineSamples, note: `${total.toLocaleString('en')} found; baseline: open-cases list, same scope` });
    }
  }
}

function benchSize(n: number, file: string) {
  const bytes = statSync(file).size;
  report({ op: 'database file per case', size: n, unit: 'B', samples: [bytes / n], budget: '≤ 1536 B', note: `${(bytes / 1048576).toFixed(1)} MiB in all` });
}

/** 导出 Excel of a whole court's list (the window's and `cases --out`'s writer), with the memory it grew by. */
async function benchExport(n: number, file: string) {
  const { db } = openDatabase(file, { readonly: true });
  const out = path.join(CACHE, `export-${n}.xlsx`);
  const samples: number[] = [];
  let growth = 0;
  try {
    for (let run = 0; run < 3; run++) {
      (globalThis as { gc?: () => void }).gc?.();
      const used = () => process.memoryUsage().heapUsed + process.memoryUsage().external;
      const before = used();
      let peak = before;
      const timer = setInterval(() => (peak = Math.max(peak, used())), 25);
      samples.push(await timeAsync(async () => {
        await writeCaseListXlsx(db, { filter: {}, sort: 'filedOn_desc', scope: { kind: 'all' }, today: TODAY, file: out, actor: 'bench', filterText: '全部' });
      }));
      clearInterval(timer);
      growth = Math.max(growth, peak - before);
    }
  } finally {
    closeDatabase(db);
  }
  report({ op: `export ${n.toLocaleString('en')} cases to .xlsx`, size: n, unit: 'ms', samples, note: `${(statSync(out).size / 1048576).toFixed(1)} MiB file; heap+external grew ≤ ${(growth / 1048576).toFixed(0)} MiB` });
  rmSync(out, { force: true });
}

async function hostStart(file: string): Promise<{ ms: number; rssKb: number }> {
  const started = performance.now();
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist/host/host.cjs'), '--db', file, '--today', TODAY], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      proc.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/.exec(out);
        if (m) resolve(`${m[1]}|${m[2]}`);
      });
      proc.once('exit', (code) => reject(new Error(`host exited ${code}`)));
    });
    const [origin, token] = url.split('|');
    let cookie = '';
    const call = async (method: string, args: unknown) => {
      const r = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'x-courtdesk-token': token, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(args),
      });
      const set = r.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0];
      return (await r.json()) as { ok: boolean; value?: unknown };
    };
    // The first call a window makes: who is signed in, and the demo accounts of a synthetic database.
    const status = (await call('auth.status', {})) as { ok: boolean; value: { demoAccounts: Array<{ name: string; password: string; roles: string[] }> } };
    if (!status.ok) throw new Error('auth.status failed');
    const ms = performance.now() - started;
    const president = status.value.demoAccounts.find((a) => a.roles.includes('president'));
    if (!president) throw new Error('no demo president account in the bench database');
    if (!(await call('auth.signIn', { name: president.name, password: president.password })).ok) throw new Error('sign-in failed');
    if (!(await call('app.info', {})).ok) throw new Error('app.info failed');
    await call('cases.list', { status: 'open', limit: 100 });
    await call('cases.count', {});
    await call('deadlines.summary', {});
    const procStatus = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(procStatus)?.[1] ?? 0);
    return { ms, rssKb };
  } finally {
    proc.kill('SIGTERM');
  }
}

/**
 * The printed reports as the job 'report' builds them (figures through IndicatorQueries, then the file): 周通报 as PDF
 * (4 computations), 月度分析 as PDF and as .xlsx (15 each). Issue 14: within seconds on 1M cases.
 */
async function benchReports(n: number, file: string) {
  const { db } = openDatabase(file, { readonly: true });
  const base: Omit<ReportParams, 'kind' | 'date' | 'format'> = { today: TODAY, scope: { kind: 'all' }, ranges: effectiveRanges({}), courtName: '基准测试县人民法院' };
  for (const [op, p] of [
    ['report: weekly PDF', { kind: 'weekly', date: '2026-11-16', format: 'pdf' }],
    ['report: monthly PDF', { kind: 'monthly', date: '2026-10-01', format: 'pdf' }],
    ['report: monthly .xlsx', { kind: 'monthly', date: '2026-10-01', format: 'xlsx' }],
  ] as const) {
    const samples: number[] = [];
    let bytes = 0;
    // A warm-up (the font file read once per process), then three runs.
    for (let i = 0; i < 4; i++) {
      const ms = await timeAsync(async () => {
        bytes = (await buildReport(db, { ...base, ...p })).bytes;
      });
      if (i > 0) samples.push(ms);
    }
    report({ op, size: n, unit: 'ms', samples, budget: 'within seconds (1M)', note: `${Math.ceil(bytes / 1024)} KB` });
  }
  closeDatabase(db);
}

async function benchHost(n: number, file: string) {
  if (!existsSync(path.join(ROOT, 'dist/host/host.cjs'))) return;
  const runs: Array<{ ms: number; rssKb: number }> = [];
  for (let i = 0; i < 6; i++) runs.push(await hostStart(file));
  runs.shift();
  report({ op: 'host start → first API answer', size: n, unit: 'ms', samples: runs.map((r) => r.ms), budget: '≤ 1500 ms (1M)' });
  report({ op: 'host RSS after list/count/summary', size: n, unit: 'KiB', samples: runs.map((r) => r.rssKb), budget: '≤ 300 MB (1M)' });
}

const TOOLS: BenchTools = { today: TODAY, runs: RUNS, time, measure, report };
function benchIndicators(n: number, file: string) {
  indicatorLines(TOOLS, n, file);
}

async function main() {
  console.log(`CourtDesk bench: sizes ${SIZES.join(', ')}, ${RUNS} runs after a warm-up; times in ms; cache ${path.relative(ROOT, CACHE)}/`);
  const dbs = SIZES.map((n) => ({ n, ...database(n) }));
  for (const d of dbs) {
    if (d.seedMs !== null) report({ op: 'seed (cache build, one run)', size: d.n, unit: 'ms', samples: [d.seedMs], budget: d.n === 1_000_000 ? '< 60 s' : undefined });
  }
  // BENCH_ONLY=indicators: the indicator lines alone (the full run takes long on big sizes).
  if (process.env.BENCH_ONLY === 'indicators') {
    for (const d of dbs) benchIndicators(d.n, d.file);
    if (!process.env.BENCH_SKIP_IMPORT) await benchTallyUpkeep();
    console.log(`(BENCH_ONLY=indicators: bench/results.json left as it was; ${results.length} lines above)`);
    return;
  }
  // BENCH_ONLY=exchange: the 报送包 lines alone, on a cached court of 500,000 cases (about 50,000 a year over ten years).
  if (process.env.BENCH_ONLY === 'exchange') {
    await benchExchange({ today: TODAY, time, timeAsync, report }, 500_000, database(500_000).file);
    console.log(`(BENCH_ONLY=exchange: bench/results.json left as it was; ${results.length} lines above)`);
    return;
  }
  // BENCH_ONLY=reports: the report lines alone.
  if (process.env.BENCH_ONLY === 'reports') {
    for (const d of dbs) await benchReports(d.n, d.file);
    console.log(`(BENCH_ONLY=reports: bench/results.json left as it was; ${results.length} lines above)`);
    return;
  }
  benchGeneration();
  for (const d of dbs) {
    benchSize(d.n, d.file);
    benchIndicators(d.n, d.file);
    benchLedgerTrend(TOOLS, d.n, d.file);
    await benchReports(d.n, d.file);
    benchQueries(d.n, d.file);
    if (d.n === 100_000 && !process.env.BENCH_SKIP_EXPORT) await benchExport(d.n, d.file);
    await benchHost(d.n, d.file);
  }
  if (!process.env.BENCH_SKIP_IMPORT) {
    await benchImport();
    await benchTallyUpkeep();
  }
  if (!process.env.BENCH_SKIP_EXCHANGE) await benchExchange({ today: TODAY, time, timeAsync, report }, 500_000, database(500_000).file);
  mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
  console.log(`written bench/results.json (${results.length} lines)`);
}

void main();
