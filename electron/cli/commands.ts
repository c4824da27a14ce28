// The commands of the courtdesk command line, each a thin layer over the core.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CaseFilter, CaseListRow } from '../../shared/api/contract';
import { computeDeadline, STATUS_LABELS } from '../../shared/deadlines/engine';
import { localToday, isIsoDate } from '../../shared/dates/calendar';
import { EVENT_KINDS } from '../../shared/cases/types';
import { openDatabase, closeDatabase, describeDamagedDatabase } from '../core/db/connection';
import { DbOpenError } from '../core/db/errors';
import { CaseStore, CaseInputError } from '../core/cases/caseStore';
import { CaseQueries } from '../core/cases/caseQueries';
import { deadlineInputOf } from '../core/cases/caseRow';
import { importCasesFile } from '../core/cases/importCases';
import { ImportFileError } from '../core/cases/importFile';
import { initCourt } from '../core/setup/initCourt';
import { seedDatabase } from '../core/setup/seed';
import { switchHolidayRoll } from '../core/deadlines/switchHolidayRoll';
import { defaultDbPath } from '../core/api/core';
import { AccountStore, passwordProblem, type Person } from '../core/accounts/accountStore';
import { ACTION_LABELS, ROLE_LABELS, ROLES, can, caseScope, parseRole, scopeLabel, type Action, type CaseScope, type Role } from '../../shared/accounts/roles';
import { inScope } from '../core/cases/caseQueries';
import { listAudit, describeVerification } from '../core/audit/auditQueries';
import { verifyAuditChain } from '../core/audit/auditLog';
import { randomBytes } from 'node:crypto';
import { CliError, authenticate, type CommandSpec, type GlobalOptions, type Io, type Values } from './cliAuth';

export { CliError, type GlobalOptions };
import { backup, restore } from './backupCommands';

function today(g: GlobalOptions): string {
  return g.today ?? localToday();
}

interface DbContext {
  db: ReturnType<typeof openDatabase>['db'];
  store: CaseStore;
  dbPath: string;
  /** The signed-in user (absent only for init). */
  person: Person;
  scope: CaseScope;
  /** Refuses, writing the refusal to the audit log. */
  deny(message: string): never;
}

function openOrExplain(g: GlobalOptions, create: boolean) {
  const dbPath = path.resolve(g.db ?? defaultDbPath());
  try {
    return { opened: openDatabase(dbPath, { create }), dbPath };
  } catch (err) {
    if (err instanceof DbOpenError) throw new CliError(err.message, 1);
    throw err;
  }
}

async function withDb<T>(g: GlobalOptions, spec: { requires: CommandSpec['requires']; command: string; create?: boolean }, fn: (ctx: DbContext) => T | Promise<T>): Promise<T> {
  const { opened, dbPath } = openOrExplain(g, !!spec.create);
  try {
    const auth = spec.requires === 'none' ? null : authenticate(opened.db, g, spec.requires, spec.command);
    return await fn({
      db: opened.db,
      store: new CaseStore(opened.db),
      dbPath,
      person: auth?.person as Person,
      scope: auth?.scope ?? { kind: 'none' },
      deny: auth?.deny ?? ((m: string) => { throw new CliError(m, 1); }),
    });
  } catch (err) {
    if (err instanceof CaseInputError || err instanceof ImportFileError) throw new CliError(err.message, 1);
    // A file damaged in the middle may open and fail only when a query reaches the bad page.
    const damaged = describeDamagedDatabase(err, dbPath);
    if (damaged) throw new CliError(damaged.message, 1);
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
  options: ['court-code', 'court-name', 'admin'],
  requires: 'none',
  async run(g, _args, v, io) {
    const code = required(v, 'court-code', '法院代码，如 辽0421');
    const name = required(v, 'court-name', '法院名称');
    const admin = required(v, 'admin', '首个管理员的姓名');
    if (g.password === null || g.password === undefined) throw new CliError('需要首个管理员的口令：请输入，或通过环境变量 COURTDESK_PASSWORD 提供', 2);
    const problem = passwordProblem(g.password);
    if (problem) throw new CliError(`管理员口令不合要求：${problem}`, 2);
    const dbPath = path.resolve(g.db ?? defaultDbPath());
    if (existsSync(dbPath) && statSync(dbPath).size > 0) throw new CliError(`数据库文件已存在：${dbPath}。init 不会覆盖已有数据库`, 1);
    const court = await withDb(g, { requires: 'none', command: 'init', create: true }, ({ db }) => {
      const c = initCourt(db, code, name, admin);
      new AccountStore(db).create({ name: admin, roles: ['admin'], password: g.password!, actor: admin });
      return c;
    });
    print(io, g, { dbPath, courtCode: court.code, courtName: court.name, admin }, () => `已创建数据库 ${dbPath}：${court.name}（${court.code}），管理员 ${admin}`);
    return 0;
  },
};

const seed: CommandSpec = {
  positionals: [],
  options: ['cases', 'seed'],
  requires: 'demo.seed',
  async run(g, _args, v, io) {
    const cases = positiveInt(required(v, 'cases', '案件数'), 'cases', 5_000_000);
    const seedValue = v.seed === undefined ? 1 : positiveInt(String(v.seed), 'seed', 2 ** 31 - 1);
    const started = performance.now();
    const r = await withDb(g, { requires: this.requires, command: 'seed' }, ({ db, store, person }) =>
      seedDatabase(db, store, { cases, seed: seedValue, today: today(g), actor: person.name }));
    const seconds = (performance.now() - started) / 1000;
    print(io, g, { ...r, seed: seedValue, seconds: Math.round(seconds * 10) / 10 }, () =>
      `已生成 ${r.cases} 件案件、${r.divisions} 个部门、${r.staff} 名人员（种子 ${seedValue}，用时 ${seconds.toFixed(1)} 秒）；演示账号的口令为 demo-角色代码，如 demo-judge`);
    return 0;
  },
};

const importCmd: CommandSpec = {
  positionals: ['文件'],
  options: ['good-rows-only', 'rejected-file'],
  requires: 'cases.register',
  async run(g, [file], v, io) {
    if (!existsSync(file)) throw new CliError(`找不到文件：${file}`, 1);
    const summary = await withDb(g, { requires: this.requires, command: 'import' }, ({ db, store, person, scope }) => {
      // Registering cases for the whole court is for staff whose scope is the whole court.
      if (scope.kind !== 'all') throw new CliError(`${person.name}只能处理${scopeLabel(scope)}，批量导入需要全院范围的账号（如立案庭书记员）`, 1);
      return importCasesFile(db, store, file, {
        goodRowsOnly: !!v['good-rows-only'], rejectedFile: v['rejected-file'] as string | undefined, actor: person.name, today: today(g),
      });
    });
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

/** The case, if the signed-in person may act on it; otherwise a refusal that is audited. */
function caseInScope(ctx: DbContext, caseNumber: string) {
  const row = ctx.store.requireCase(caseNumber);
  if (!inScope(ctx.scope, row)) ctx.deny(`${ctx.person.name}无权处理案件 ${row.case_number}：可处理的范围是${scopeLabel(ctx.scope)}`);
  return row;
}

const event: CommandSpec = {
  positionals: ['案号'],
  options: ['kind', 'from', 'to', 'resume', 'note'],
  requires: 'events.record',
  async run(g, [caseNumber], v, io) {
    const kind = required(v, 'kind', `类型：${EVENT_KINDS.join('、')}`);
    if (!(EVENT_KINDS as readonly string[]).includes(kind)) throw new CliError(`--kind “${kind}”不正确，应为 ${EVENT_KINDS.join('、')} 之一`, 2);
    if (v.resume !== undefined) {
      if (kind !== '中止') throw new CliError('--resume 只用于 --kind 中止', 2);
      if (v.from !== undefined || v.to !== undefined) throw new CliError('--resume 不能与 --from、--to 同用', 2);
      const resumedOn = date(String(v.resume), 'resume');
      await withDb(g, { requires: this.requires, command: 'event' }, (ctx) => {
        caseInScope(ctx, caseNumber);
        ctx.store.resume(caseNumber, resumedOn, { actor: ctx.person.name, today: today(g) });
      });
      print(io, g, { caseNumber, kind, resumedOn }, () => `已登记 ${caseNumber} 于 ${resumedOn} 恢复审理`);
      return 0;
    }
    const fromOn = date(required(v, 'from', '开始日期'), 'from');
    const toOn = v.to === undefined ? null : date(String(v.to), 'to');
    if (toOn === null && kind !== '中止') throw new CliError(`${kind}期间需要 --to 结束日期；只有中止可以暂不填写`, 2);
    const r = await withDb(g, { requires: this.requires, command: 'event' }, (ctx) => {
      caseInScope(ctx, caseNumber);
      return ctx.store.addEvent(caseNumber, kind, fromOn, toOn, (v.note as string | undefined) ?? null, { actor: ctx.person.name, today: today(g) });
    });
    print(io, g, { id: r.id, caseNumber, kind, fromOn, toOn }, () => `已登记 ${caseNumber} ${kind} ${fromOn} 至 ${toOn ?? '（尚未结束）'}`);
    return 0;
  },
};

const deadline: CommandSpec = {
  positionals: ['案号'],
  options: [],
  requires: 'cases.view',
  async run(g, [caseNumber], _v, io) {
    const { canonical, result } = await withDb(g, { requires: this.requires, command: 'deadline' }, (ctx) => {
      const row = caseInScope(ctx, caseNumber);
      return { canonical: row.case_number, result: computeDeadline(deadlineInputOf(row, ctx.store.facts(row.id)), today(g), true, ctx.store.rules.restDays()) };
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
  requires: 'cases.view',
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
    const rows = await withDb(g, { requires: this.requires, command: 'cases' }, ({ db, scope }) => {
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
        const page = queries.list({ ...filter, sort, offset, limit: Math.min(500, limit - out.length) }, today(g), scope);
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

function temporaryPassword(): string {
  // Unambiguous characters, read aloud or copied from the screen once, changed at the first sign-in.
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

function parseRoles(text: string): Role[] {
  const roles: Role[] = [];
  for (const part of text.split(/[,，、]/).map((x) => x.trim()).filter(Boolean)) {
    const role = parseRole(part);
    if (!role) throw new CliError(`角色“${part}”不正确，应为 ${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}`, 2);
    if (!roles.includes(role)) roles.push(role);
  }
  if (roles.length === 0) throw new CliError('需要 --role 角色', 2);
  return roles;
}

const user: CommandSpec = {
  positionals: ['add|disable|enable|reset|list', '姓名'],
  arity: [1, 2],
  options: ['role', 'division'],
  requires: 'accounts.manage',
  async run(g, [sub, name], v, io) {
    const needsName = sub !== 'list';
    if (!['add', 'disable', 'enable', 'reset', 'list'].includes(sub)) throw new CliError(`未知的 user 子命令“${sub}”，应为 add、disable、enable、reset 或 list`, 2);
    if (needsName !== (name !== undefined)) throw new CliError(needsName ? `user ${sub} 需要姓名` : 'user list 不接受姓名', 2);
    if (sub !== 'add' && (v.role !== undefined || v.division !== undefined)) throw new CliError('--role、--division 只用于 user add', 2);
    const roles = sub === 'add' ? parseRoles(required(v, 'role', '角色，如 judge 或 员额法官')) : [];
    return withDb(g, { requires: this.requires, command: `user ${sub}` }, ({ db, person }) => {
      const accounts = new AccountStore(db);
      const view = (p: Person) => ({ name: p.name, roles: p.roles, division: p.division, active: p.active, lockedUntil: p.lockedUntil, mustChangePassword: p.mustChangePassword });
      const describe = (p: Person) => `${p.name}\t${p.roles.map((r) => ROLE_LABELS[r]).join('、')}\t${p.division ?? '—'}\t${p.active ? '启用' : '停用'}${p.lockedUntil && p.lockedUntil > new Date().toISOString() ? '（已锁定）' : ''}`;
      switch (sub) {
        case 'list': {
          const all = accounts.list();
          print(io, g, all.map(view), () => (all.length ? all.map(describe).join('\n') : '没有账号'));
          return 0;
        }
        case 'add': {
          const password = temporaryPassword();
          const p = accounts.create({ name, roles, division: (v.division as string | undefined) ?? null, password, actor: person.name, mustChange: true });
          print(io, g, { ...view(p), temporaryPassword: password }, () => `已新增账号 ${describe(p)}\n初始口令：${password}（首次登录后须修改）`);
          return 0;
        }
        case 'reset': {
          const password = temporaryPassword();
          const p = accounts.resetPassword(name, password, person.name);
          print(io, g, { ...view(p), temporaryPassword: password }, () => `已重置 ${p.name} 的口令：${password}（下次登录后须修改）`);
          return 0;
        }
        default: {
          const p = accounts.setActive(name, sub === 'enable', person.name);
          print(io, g, view(p), () => `${sub === 'enable' ? '已启用' : '已停用'}账号 ${p.name}（账号不会被删除，历史记录仍可查阅）`);
          return 0;
        }
      }
    });
  },
};

const holidayRoll: CommandSpec = {
  positionals: ['on|off'],
  arity: [0, 1],
  options: [],
  requires: 'settings.manage',
  async run(g, [state], _v, io) {
    if (state !== undefined && state !== 'on' && state !== 'off') throw new CliError(`holiday-roll 只接受 on 或 off，而不是“${state}”`, 2);
    return withDb(g, { requires: state === undefined ? 'signedIn' : this.requires, command: 'holiday-roll' }, ({ db, store, person }) => {
      if (state === undefined) {
        const on = store.rules.holidayRoll();
        print(io, g, { holidayRoll: on }, () => `节假日顺延：${on ? '已开启' : '未开启（默认）'}`);
        return 0;
      }
      const started = performance.now();
      const r = switchHolidayRoll(db, store, state === 'on', person.name, today(g));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      print(io, g, r, () => `已${r.holidayRoll ? '开启' : '关闭'}节假日顺延，重新计算了 ${r.casesChanged} 件案件的审限届满日（用时 ${seconds} 秒）`);
      return 0;
    });
  },
};

const audit: CommandSpec = {
  positionals: ['list|verify'],
  options: ['actor', 'case', 'from', 'to', 'limit'],
  requires: 'audit.view',
  async run(g, [sub], v, io) {
    if (sub !== 'list' && sub !== 'verify') throw new CliError(`未知的 audit 子命令“${sub}”，应为 list 或 verify`, 2);
    if (sub === 'verify') {
      const r = await withDb(g, { requires: this.requires, command: 'audit verify' }, ({ db }) => describeVerification(verifyAuditChain(db)));
      print(io, g, r, () => r.message);
      if (!r.ok) {
        io.err(r.message);
        return 1;
      }
      return 0;
    }
    const limit = v.limit === undefined ? 100 : positiveInt(String(v.limit), 'limit', 100_000);
    const from = v.from === undefined ? undefined : date(String(v.from), 'from');
    const to = v.to === undefined ? undefined : date(String(v.to), 'to');
    const rows = await withDb(g, { requires: this.requires, command: 'audit list' }, ({ db }) => {
      const out = [];
      for (let offset = 0; out.length < limit; ) {
        const page = listAudit(db, { actor: v.actor as string | undefined, entityKey: v.case as string | undefined, from, to, offset, limit: Math.min(500, limit - out.length) });
        out.push(...page.rows);
        if (!page.hasMore) break;
        offset += page.rows.length;
      }
      return out;
    });
    print(io, g, rows, () => (rows.length ? rows.map((r) => [r.id, r.at, r.actor, r.action, r.entityKey ?? ''].join('\t')).join('\n') : '没有符合条件的审计记录'));
    return 0;
  },
};

export const COMMANDS = { init, seed, import: importCmd, event, deadline, cases, user, audit, 'holiday-roll': holidayRoll, backup, restore } satisfies Record<string, CommandSpec>;
export type CommandName = keyof typeof COMMANDS;
