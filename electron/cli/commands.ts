// The commands of the courtdesk command line, each a thin layer over the core.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CaseFilter, CaseListRow } from '../../shared/api/contract';
import { computeDeadline, STATUS_LABELS } from '../../shared/deadlines/engine';
import { localToday, isIsoDate } from '../../shared/dates/calendar';
import { EVENT_KINDS } from '../../shared/cases/types';
import { openDatabase, closeDatabase } from '../core/db/connection';
import { DbOpenError } from '../core/db/errors';
import { CaseStore, CaseInputError } from '../core/cases/caseStore';
import { CaseQueries } from '../core/cases/caseQueries';
import { deadlineInputOf } from '../core/cases/caseRow';
import { importCasesFile } from '../core/cases/importCases';
import { ImportFileError } from '../core/cases/importFile';
import { initCourt } from '../core/setup/initCourt';
import { seedDatabase } from '../core/setup/seed';
import { defaultDbPath, systemActor } from '../core/api/core';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export interface GlobalOptions {
  db?: string;
  json: boolean;
  today?: string;
}

type Values = Record<string, string | boolean | undefined>;
type Io = { out: (s: string) => void; err: (s: string) => void };

interface CommandSpec {
  positionals: string[];
  options: string[];
  run(g: GlobalOptions, args: string[], v: Values, io: Io): Promise<number>;
}

function actor(): string {
  return process.env.COURTDESK_USER || systemActor();
}

function today(g: GlobalOptions): string {
  return g.today ?? localToday();
}

/** Opens the database for one command, mapping open failures to one-line messages. */
function withDb<T>(g: GlobalOptions, create: boolean, fn: (ctx: { db: ReturnType<typeof openDatabase>['db']; store: CaseStore; dbPath: string }) => T): T {
  const dbPath = path.resolve(g.db ?? defaultDbPath());
  let opened;
  try {
    opened = openDatabase(dbPath, { create });
  } catch (err) {
    if (err instanceof DbOpenError) throw new CliError(err.message, 1);
    throw err;
  }
  try {
    return fn({ db: opened.db, store: new CaseStore(opened.db), dbPath });
  } catch (err) {
    if (err instanceof CaseInputError || err instanceof ImportFileError) throw new CliError(err.message, 1);
    throw err;
  } finally {
    closeDatabase(opened.db);
  }
}

async function withDbAsync<T>(g: GlobalOptions, fn: (ctx: { db: ReturnType<typeof openDatabase>['db']; store: CaseStore }) => Promise<T>): Promise<T> {
  const dbPath = path.resolve(g.db ?? defaultDbPath());
  let opened;
  try {
    opened = openDatabase(dbPath, { create: false });
  } catch (err) {
    if (err instanceof DbOpenError) throw new CliError(err.message, 1);
    throw err;
  }
  try {
    return await fn({ db: opened.db, store: new CaseStore(opened.db) });
  } catch (err) {
    if (err instanceof CaseInputError || err instanceof ImportFileError) throw new CliError(err.message, 1);
    throw err;
  } finally {
    closeDatabase(opened.db);
  }
}

function required(v: Values, name: string, what: string): string {
  const value = v[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`缺少 --${name}（${what}）`, 2);
  return value.trim();
}

function positiveInt(text: string, name: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw new CliError(`--${name} 应为 1 到 ${max} 之间的整数，而不是“${text}”`, 2);
  return Number(text);
}

function date(text: string, name: string): string {
  if (!isIsoDate(text)) throw new CliError(`--${name} 的日期“${text}”无效，应如 2024-01-05`, 2);
  return text;
}

function print(io: Io, g: GlobalOptions, json: unknown, human: () => string): void {
  io.out(g.json ? JSON.stringify(json) : human());
}

const init: CommandSpec = {
  positionals: [],
  options: ['court-code', 'court-name'],
  async run(g, _args, v, io) {
    const code = required(v, 'court-code', '法院代码，如 辽0421');
    const name = required(v, 'court-name', '法院名称');
    const dbPath = path.resolve(g.db ?? defaultDbPath());
    if (existsSync(dbPath) && statSync(dbPath).size > 0) throw new CliError(`数据库文件已存在：${dbPath}。init 不会覆盖已有数据库`, 1);
    const court = withDb(g, true, ({ db }) => initCourt(db, code, name, actor()));
    print(io, g, { dbPath, courtCode: court.code, courtName: court.name }, () => `已创建数据库 ${dbPath}：${court.name}（${court.code}）`);
    return 0;
  },
};

const seed: CommandSpec = {
  positionals: [],
  options: ['cases', 'seed'],
  async run(g, _args, v, io) {
    const cases = positiveInt(required(v, 'cases', '案件数'), 'cases', 5_000_000);
    const seedValue = v.seed === undefined ? 1 : positiveInt(String(v.seed), 'seed', 2 ** 31 - 1);
    const started = performance.now();
    const r = withDb(g, false, ({ db, store }) => seedDatabase(db, store, { cases, seed: seedValue, today: today(g), actor: actor() }));
    const seconds = (performance.now() - started) / 1000;
    print(io, g, { ...r, seed: seedValue, seconds: Math.round(seconds * 10) / 10 }, () =>
      `已生成 ${r.cases} 件案件、${r.divisions} 个部门、${r.staff} 名人员（种子 ${seedValue}，用时 ${seconds.toFixed(1)} 秒）`);
    return 0;
  },
};

const importCmd: CommandSpec = {
  positionals: ['文件'],
  options: ['good-rows-only', 'rejected-file'],
  async run(g, [file], v, io) {
    if (!existsSync(file)) throw new CliError(`找不到文件：${file}`, 1);
    const summary = await withDbAsync(g, ({ db, store }) =>
      importCasesFile(db, store, file, {
        goodRowsOnly: !!v['good-rows-only'], rejectedFile: v['rejected-file'] as string | undefined, actor: actor(), today: today(g),
      }),
    );
    if (g.json) io.out(JSON.stringify(summary));
    else {
      for (const w of summary.warnings) io.out(`提示：${w.message}`);
      for (const e of summary.errors) io.out(`错误：${e.message}`);
      if (!summary.aborted) {
        io.out(`导入完成：新增 ${summary.inserted} 件，更新 ${summary.updated} 件，未变 ${summary.unchanged} 件，拒绝 ${summary.rejected} 行`);
        if (summary.addedDivisions.length) io.out(`新增部门：${summary.addedDivisions.join('、')}`);
        if (summary.addedStaff.length) io.out(`新增人员：${summary.addedStaff.slice(0, 20).join('、')}${summary.addedStaff.length > 20 ? ` 等 ${summary.addedStaff.length} 人` : ''}`);
        if (summary.rejectedFile) io.out(`被拒绝的行及原因已写入：${summary.rejectedFile}`);
      }
    }
    if (summary.aborted) {
      const fileLevel = summary.errors.find((e) => e.row === null);
      io.err(fileLevel
        ? `导入失败：${fileLevel.message}，未导入任何案件`
        : `导入失败：${summary.rejected} 行有错误，未导入任何案件。可改正后重新导入，或用 --good-rows-only 只导入正确的行`);
      return 1;
    }
    return 0;
  },
};

const event: CommandSpec = {
  positionals: ['案号'],
  options: ['kind', 'from', 'to', 'resume', 'note'],
  async run(g, [caseNumber], v, io) {
    const kind = required(v, 'kind', `类型：${EVENT_KINDS.join('、')}`);
    if (!(EVENT_KINDS as readonly string[]).includes(kind)) throw new CliError(`--kind “${kind}”不正确，应为 ${EVENT_KINDS.join('、')} 之一`, 2);
    const ctx = { actor: actor(), today: today(g) };
    if (v.resume !== undefined) {
      if (kind !== '中止') throw new CliError('--resume 只用于 --kind 中止', 2);
      if (v.from !== undefined || v.to !== undefined) throw new CliError('--resume 不能与 --from、--to 同用', 2);
      const resumedOn = date(String(v.resume), 'resume');
      withDb(g, false, ({ store }) => store.resume(caseNumber, resumedOn, ctx));
      print(io, g, { caseNumber, kind, resumedOn }, () => `已登记 ${caseNumber} 于 ${resumedOn} 恢复审理`);
      return 0;
    }
    const fromOn = date(required(v, 'from', '开始日期'), 'from');
    const toOn = v.to === undefined ? null : date(String(v.to), 'to');
    if (toOn === null && kind !== '中止') throw new CliError(`${kind}期间需要 --to 结束日期；只有中止可以暂不填写`, 2);
    const r = withDb(g, false, ({ store }) => store.addEvent(caseNumber, kind, fromOn, toOn, (v.note as string | undefined) ?? null, ctx));
    print(io, g, { id: r.id, caseNumber, kind, fromOn, toOn }, () => `已登记 ${caseNumber} ${kind} ${fromOn} 至 ${toOn ?? '（尚未结束）'}`);
    return 0;
  },
};

const deadline: CommandSpec = {
  positionals: ['案号'],
  options: [],
  async run(g, [caseNumber], _v, io) {
    const { canonical, result } = withDb(g, false, ({ store }) => {
      const row = store.requireCase(caseNumber);
      return { canonical: row.case_number, result: computeDeadline(deadlineInputOf(row, store.facts(row.id)), today(g)) };
    });
    print(
      io, g,
      { caseNumber: canonical, limit: result.limit, dueOn: result.dueOn, deductedDays: result.deductedDays, extension: result.extensionLabel, daysRemaining: result.daysRemaining, status: result.status },
      () => [canonical, ...result.steps.map((s) => `  ${s}`)].join('\n'),
    );
    return 0;
  },
};


const cases: CommandSpec = {
  positionals: [],
  options: ['status', 'division', 'judge', 'search', 'limit'],
  async run(g, _args, v, io) {
    const limit = v.limit === undefined ? 100 : positiveInt(String(v.limit), 'limit', 1_000_000);
    const filter: CaseFilter = {};
    const status = v.status as string | undefined;
    if (status !== undefined) {
      const due = /^due-within:(\d{1,5})$/.exec(status);
      if (due) {
        filter.remainingMin = 0;
        filter.remainingMax = Number(due[1]);
      } else if (status === 'open' || status === 'closed' || status === 'overdue' || status === 'suspended') filter.status = status;
      else throw new CliError(`--status “${status}”不正确，应为 open、closed、overdue、suspended 或 due-within:N`, 2);
    }
    if (typeof v.search === 'string') filter.search = v.search;
    const rows = withDb(g, false, ({ db }) => {
      if (typeof v.division === 'string') {
        const id = db.prepare('SELECT id FROM divisions WHERE name = ?').pluck().get(v.division) as number | undefined;
        if (id === undefined) throw new CliError(`找不到部门“${v.division}”`, 1);
        filter.divisionId = id;
      }
      if (typeof v.judge === 'string') {
        const id = db.prepare('SELECT id FROM staff WHERE name = ?').pluck().get(v.judge) as number | undefined;
        if (id === undefined) throw new CliError(`找不到法官“${v.judge}”`, 1);
        filter.judgeId = id;
      }
      const queries = new CaseQueries(db);
      const sort = filter.remainingMax !== undefined || filter.status === 'overdue' ? 'dueOn_asc' : 'filedOn_desc';
      const out: CaseListRow[] = [];
      for (let offset = 0; out.length < limit; ) {
        const page = queries.list({ ...filter, sort, offset, limit: Math.min(500, limit - out.length) }, today(g));
        out.push(...page.rows);
        if (!page.hasMore) break;
        offset += page.rows.length;
      }
      return out;
    });
    print(io, g, rows, () =>
      rows.length === 0
        ? '没有符合条件的案件'
        : rows.map((r) => [r.caseNumber, r.cause, r.division, r.judge, r.filedOn, r.dueOn ?? '—', r.daysRemaining ?? '—', STATUS_LABELS[r.status]].join('\t')).join('\n'));
    return 0;
  },
};

export const COMMANDS = { init, seed, import: importCmd, event, deadline, cases } satisfies Record<string, CommandSpec>;
export type CommandName = keyof typeof COMMANDS;
