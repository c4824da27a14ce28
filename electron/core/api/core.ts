// The core behind the one API: opens the database and answers every call of the contract, under any host.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiSchemas, type ApiError, type ApiMethod, type ApiResponse, type ApiResults, type SignedInUser, type UserView, type RestoreView, type BackupCheckView } from '../../../shared/api/contract';
import { ACTIONS, ACTION_LABELS, ROLE_LABELS, can, caseScope, scopeLabel, type Action, type CaseScope } from '../../../shared/accounts/roles';
import { AccountStore, type Person } from '../accounts/accountStore';
import { Sessions, type Session } from '../accounts/sessions';
import { Guard } from '../accounts/guard';
import { SettingsStore } from '../setup/settings';
import { listAudit, describeVerification } from '../audit/auditQueries';
import { verifyAuditChain } from '../audit/auditLog';
import { inScope } from '../cases/caseQueries';
import { localToday } from '../../../shared/dates/calendar';
import { openDatabase, closeDatabase } from '../db/connection';
import { DbOpenError, type DbErrorCode } from '../db/errors';
import { CaseStore, CaseInputError } from '../cases/caseStore';
import { CaseQueries } from '../cases/caseQueries';
import { getSelfCourt } from '../court/courtStore';
import { initCourt, isDemo } from '../setup/initCourt';
import { seedDatabase } from '../setup/seed';
import { BackupError, checkBackupAsync, checkRestore, createBackup, listBackups, backupDirFor, type BackupCheck } from '../backup/backups';
import { recordManualBackup } from '../backup/backupAudit';
import { CN_REST_DAYS, HOLIDAY_CALENDAR_SOURCE } from '../deadlines/deadlineRules';
import { switchHolidayRoll } from '../deadlines/switchHolidayRoll';

z.config(z.locales.zhCN());

export const APP_VERSION = process.env.COURTDESK_VERSION ?? '0.1.0';

export interface DemoOptions {
  courtCode: string;
  courtName: string;
  cases: number;
  seed: number;
}

export interface CoreOptions {
  dbPath: string;
  host: 'electron' | 'loopback';
  /** Fixes "today" (tests, reproducible demos); otherwise the local calendar date at each call. */
  today?: string;
  /** Creates and fills a demonstration database when the file does not exist yet. */
  demo?: DemoOptions;
  /** Create an empty database when the file is missing, for the first-run setup (court and first administrator). */
  allowSetup?: boolean;
  /** Called with the method and milliseconds when a call takes longer than 40 ms. */
  onSlowCall?: (method: string, ms: number) => void;
  /**
   * Replaces the database by a checked backup: only a host that can close and reopen this core offers it
   * (core/app/appRuntime.ts). Without it, backup.restore is refused and the command line's restore is the way.
   */
  restore?: (file: string, actor: string, checked: BackupCheck) => Promise<RestoreView>;
}

export class CoreStartError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
    readonly dbPath: string,
    /** For a damaged database: the newest backup of it that passes its check. */
    readonly latestGoodBackup: string | null = null,
  ) {
    super(message);
    this.name = 'CoreStartError';
  }
}

/** What the transport knows about the caller: the session it carries (cookie on loopback, sender in Electron). */
export interface CallerContext {
  session?: string;
}

/** A host keeps or forgets the session token; the token itself never reaches the page. */
export type SessionDirective = { set: string } | { clear: true };
export type CoreResponse = ApiResponse<unknown> & { session?: SessionDirective };

export interface Core {
  call(method: string, args: unknown, caller?: CallerContext): Promise<CoreResponse>;
  close(): void;
  info: { dbPath: string };
  /** For the command line and tests, which share this very core. */
  db: Database;
  store: CaseStore;
  queries: CaseQueries;
  today(): string;
}

export const DEMO_DEFAULTS: DemoOptions = { courtCode: '辽0421', courtName: '演示县人民法院', cases: 5000, seed: 1 };

/** The user's data folder, as Electron's app.getPath('userData') would give it, without importing Electron. */
export function defaultDataDir(appName = 'CourtDesk'): string {
  if (process.env.COURTDESK_DATA_DIR) return process.env.COURTDESK_DATA_DIR;
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appName);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', appName);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appName);
}

export function defaultDbPath(): string {
  return path.join(defaultDataDir(), 'courtdesk.sqlite');
}


export function openCore(options: CoreOptions): Core {
  const today = () => options.today ?? localToday();
  const dbPath = path.resolve(options.dbPath);
  const exists = existsSync(options.dbPath);
  const creatingDemo = !!options.demo && !exists;
  let opened;
  try {
    opened = openDatabase(options.dbPath, { create: creatingDemo || (!exists && !!options.allowSetup) });
  } catch (err) {
    if (err instanceof DbOpenError) throw new CoreStartError(err.code, err.message, err.dbPath, err.latestGoodBackup);
    throw err;
  }
  const db = opened.db;
  const store = new CaseStore(db);
  const accounts = new AccountStore(db);
  if (creatingDemo && options.demo) {
    initCourt(db, options.demo.courtCode, options.demo.courtName, 'system', true);
    seedDatabase(db, store, { cases: options.demo.cases, seed: options.demo.seed, today: today(), actor: 'system' });
  }
  if (!getSelfCourt(db) && !options.allowSetup && accounts.count() === 0 && !creatingDemo) {
    closeDatabase(db);
    throw new CoreStartError('OTHER', `数据库尚未初始化本院信息：${options.dbPath}。请先运行 courtdesk init`, options.dbPath);
  }
  const queries = new CaseQueries(db);
  const settings = new SettingsStore(db);
  const sessions = new Sessions(() => settings.idleLockMinutes());
  const guard = new Guard(db);

  const handlers: Handlers = {
    'auth.status': {
      access: 'public',
      run: (_a, ctx) => {
        const court = getSelfCourt(db);
        const demo = isDemo(db);
        return {
          setupNeeded: accounts.count() === 0,
          courtCode: court?.code ?? null,
          courtName: court?.name ?? null,
          demo,
          demoAccounts: demo ? accounts.list().filter((p) => p.demoPassword && p.active).map((p) => ({ name: p.name, roles: p.roles, password: p.demoPassword! })) : [],
          user: ctx.person ? signedInUser(ctx.person) : null,
          locked: !!ctx.session?.locked,
          idleLockMinutes: settings.idleLockMinutes(),
        };
      },
    },
    'auth.setup': {
      access: 'public',
      run: (a, ctx) => {
        if (accounts.count() > 0) throw new Refusal('CONFLICT', '本院数据库已建立，请用已有账号登录');
        const court = getSelfCourt(db);
        if (court && court.code !== a.courtCode) throw new CaseInputError(`数据库属于${court.name}（${court.code}），法院代码不符`, '法院代码');
        if (!court) initCourt(db, a.courtCode, a.courtName, a.adminName);
        const person = accounts.create({ name: a.adminName, roles: ['admin'], password: a.password, actor: a.adminName });
        ctx.startSession(person);
        return signedInUser(person);
      },
    },
    'auth.signIn': {
      access: 'public',
      run: (a, ctx) => {
        const r = accounts.signIn(a.name, a.password);
        if (!r.ok) throw new Refusal('FORBIDDEN', r.message);
        ctx.startSession(r.person);
        return signedInUser(r.person);
      },
    },
    'auth.unlock': {
      access: 'locked',
      run: (a, ctx) => {
        const r = accounts.recheck(ctx.person!.staffId, a.password);
        if (!r.ok) {
          if (r.code !== 'BAD_CREDENTIALS') ctx.endSession();
          throw new Refusal('FORBIDDEN', r.message);
        }
        sessions.unlock(ctx.session!);
        return signedInUser(r.person);
      },
    },
    'auth.signOut': {
      access: 'public',
      run: (_a, ctx) => {
        ctx.endSession();
        return { signedOut: true as const };
      },
    },
    'auth.changePassword': {
      access: 'signedIn',
      run: (a, ctx) => {
        accounts.changePassword(ctx.person!.staffId, a.oldPassword, a.newPassword);
        return { changed: true as const };
      },
    },
    'app.info': {
      access: 'signedIn',
      run: () => {
        const court = getSelfCourt(db)!;
        return {
          appVersion: APP_VERSION,
          courtCode: court.code,
          courtName: court.name,
          demo: isDemo(db),
          today: today(),
          schemaVersion: db.pragma('user_version', { simple: true }) as number,
          dbPath: path.resolve(options.dbPath),
          caseCount: db.prepare('SELECT count(*) FROM cases').pluck().get() as number,
          host: options.host,
          holidayRoll: store.rules.holidayRoll(),
          holidayCalendar: { firstYear: CN_REST_DAYS.firstYear, lastYear: CN_REST_DAYS.lastYear, source: HOLIDAY_CALENDAR_SOURCE },
        };
      },
    },
    'cases.list': { access: 'cases.view', run: (a, ctx) => queries.list(a, today(), ctx.scope) },
    'cases.count': { access: 'cases.view', run: (a, ctx) => ({ count: queries.count(a, today(), ctx.scope) }) },
    'cases.get': {
      access: 'cases.view',
      run: (a, ctx) => {
        const canonical = store.resolveOwnNumber(a.caseNumber);
        const row = store.getRow(canonical);
        if (!row) throw new Refusal('NOT_FOUND', `找不到案件 ${canonical}`);
        if (!inScope(ctx.scope, row)) ctx.deny(`无权查看案件 ${canonical}：可查看的范围是${scopeLabel(ctx.scope)}`);
        return queries.get(canonical, today())!;
      },
    },
    'catalog.divisions': { access: 'signedIn', run: () => queries.divisions() },
    'catalog.judges': { access: 'signedIn', run: (a) => queries.judges(a.divisionId) },
    'deadlines.summary': { access: 'cases.view', run: (_a, ctx) => queries.summary(today(), ctx.scope) },
    'users.list': { access: 'accounts.manage', run: () => accounts.list().map(userView) },
    'users.add': {
      access: 'accounts.manage',
      run: (a, ctx) => userView(accounts.create({ name: a.name, roles: a.roles, division: a.division || null, password: a.password, actor: ctx.person!.name, mustChange: true })),
    },
    'users.setActive': {
      access: 'accounts.manage',
      run: (a, ctx) => {
        const p = accounts.setActive(a.name, a.active, ctx.person!.name);
        if (!a.active) sessions.endAllOf(p.staffId);
        return userView(p);
      },
    },
    'users.resetPassword': {
      access: 'accounts.manage',
      run: (a, ctx) => {
        const p = accounts.resetPassword(a.name, a.password, ctx.person!.name);
        sessions.endAllOf(p.staffId);
        return userView(p);
      },
    },
    'audit.list': { access: 'audit.view', run: (a) => listAudit(db, a) },
    'audit.verify': { access: 'audit.view', run: () => describeVerification(verifyAuditChain(db)) },
    'settings.setIdleLock': {
      access: 'settings.manage',
      run: (a, ctx) => ({ idleLockMinutes: settings.setIdleLockMinutes(a.minutes, ctx.person!.name) }),
    },
    'settings.setHolidayRoll': {
      access: 'settings.manage',
      run: (a, ctx) => switchHolidayRoll(db, store, a.enabled, ctx.person!.name, today()),
    },
    'backup.list': {
      access: 'backup.manage',
      run: () => ({
        dir: backupDirFor(dbPath),
        backups: listBackups(dbPath).map((b) => ({ file: b.file, name: b.name, reason: b.reason, createdAt: b.createdAt, bytes: b.bytes })),
      }),
    },
    'backup.check': {
      access: 'backup.manage',
      run: async (a) => {
        const file = existingFile(a.file);
        return checkView(file, await checkBackupAsync(file));
      },
    },
    'backup.create': {
      access: 'backup.manage',
      run: async (a, ctx) => {
        const info = await createBackup(db, dbPath, { reason: 'manual', to: a.to ? absolutePath(a.to, '文件夹') : undefined });
        recordManualBackup(db, ctx.person!.name, info);
        return { file: info.file, bytes: info.bytes, cases: info.cases, createdAt: info.createdAt };
      },
    },
    'backup.restore': {
      access: 'backup.manage',
      run: async (a, ctx) => {
        if (!options.restore) throw new Refusal('CONFLICT', '这里不能恢复备份，请关闭程序后用 courtdesk restore 恢复');
        const file = existingFile(a.file);
        // Checked before anything is closed: a refused backup leaves the running app exactly as it was.
        const checked = checkRestore(dbPath, file, await checkBackupAsync(file));
        const result = await options.restore(file, ctx.person!.name, checked);
        // The restored database has its own accounts and sessions: everyone signs in again.
        ctx.endSession();
        return result;
      },
    },
    'startup.status': {
      access: 'public',
      run: () => ({ failed: false, code: null, message: null, dbPath, latestGoodBackup: null }),
    },
    'startup.restoreLatest': {
      access: 'public',
      run: () => {
        throw new Refusal('CONFLICT', '数据库完好，无需从备份恢复；如需恢复，请登录后在“设置 · 备份与恢复”中操作');
      },
    },
  };

  return {
    db,
    store,
    queries,
    today,
    info: { dbPath: path.resolve(options.dbPath) },
    async call(method, args, caller = {}) {
      if (!Object.prototype.hasOwnProperty.call(apiSchemas, method)) {
        return fail('UNKNOWN_METHOD', `未知的调用：${String(method).slice(0, 60)}`);
      }
      const m = method as ApiMethod;
      const parsed = apiSchemas[m].safeParse(args ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue.path.length ? `参数“${issue.path.join('.')}”：` : '';
        return fail('BAD_ARGS', `${where}${issue.message}`);
      }
      const handler = handlers[m] as Handler<unknown, unknown>;
      let directive: SessionDirective | undefined;
      const session = sessions.get(caller.session);
      const person = session ? accounts.byStaffId(session.staffId) : null;
      const ctx: HandlerContext = {
        session: person?.active ? session : null,
        person: person?.active ? person : null,
        scope: person ? caseScope(person.roles, { staffId: person.staffId, divisionId: person.divisionId }) : { kind: 'none' },
        startSession: (p) => {
          if (caller.session) sessions.end(caller.session);
          directive = { set: sessions.create(p.staffId).token };
        },
        endSession: () => {
          if (caller.session) sessions.end(caller.session);
          directive = { clear: true };
        },
        deny: (message) => {
          guard.denied(ctx.person?.name ?? '（未登录）', m, message);
          throw new Refusal('FORBIDDEN', message);
        },
      };
      const started = performance.now();
      try {
        if (handler.access !== 'public') {
          if (!ctx.session || !ctx.person) return withSession(fail('SIGNED_OUT', '请先登录'), caller.session ? { clear: true } : undefined);
          if (ctx.session.locked && handler.access !== 'locked') return fail('LOCKED', `已超过 ${settings.idleLockMinutes()} 分钟未操作，请输入口令解锁`);
          if (handler.access !== 'locked' && handler.access !== 'signedIn' && !can(ctx.person.roles, handler.access)) {
            ctx.deny(`您的角色（${ctx.person.roles.map((r) => ROLE_LABELS[r]).join('、') || '无'}）无权${ACTION_LABELS[handler.access]}`);
          }
          sessions.touch(ctx.session);
        }
        const value = await handler.run(parsed.data, ctx);
        return withSession({ ok: true, value }, directive);
      } catch (err) {
        return withSession(errorResponse(err), directive);
      } finally {
        const ms = performance.now() - started;
        if (ms > 40) options.onSlowCall?.(m, ms);
      }
    },
    close() {
      closeDatabase(db);
    },
  };
}

type Access = 'public' | 'locked' | 'signedIn' | Action;

interface HandlerContext {
  session: Session | null;
  person: Person | null;
  scope: CaseScope;
  startSession(person: Person): void;
  endSession(): void;
  /** Refuses the call, writing the refusal to the audit log. */
  deny(message: string): never;
}

interface Handler<A, R> {
  access: Access;
  run(args: A, ctx: HandlerContext): R | Promise<R>;
}

type Handlers = { [M in ApiMethod]: Handler<z.output<(typeof apiSchemas)[M]>, ApiResults[M]> };

class Refusal extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
  ) {
    super(message);
  }
}

function signedInUser(p: Person): SignedInUser {
  return {
    name: p.name,
    roles: p.roles,
    division: p.division,
    permissions: ACTIONS.filter((a) => can(p.roles, a)),
    scope: scopeLabel(caseScope(p.roles, { staffId: p.staffId, divisionId: p.divisionId })),
    mustChangePassword: p.mustChangePassword,
  };
}

function userView(p: Person): UserView {
  return { name: p.name, roles: p.roles, division: p.division, active: p.active, lockedUntil: p.lockedUntil, mustChangePassword: p.mustChangePassword };
}

/** A path the administrator typed: it must be complete, since the app's working folder means nothing to them. */
function absolutePath(p: string, what: string): string {
  if (!path.isAbsolute(p)) throw new Refusal('BAD_ARGS', `请填写${what}的完整路径，例如 E:\\法院质效台备份（而不是“${p}”）`);
  return path.resolve(p);
}

function existingFile(file: string): string {
  const resolved = absolutePath(file, '备份文件');
  if (!existsSync(resolved)) throw new Refusal('NOT_FOUND', `找不到备份文件：${resolved}`);
  return resolved;
}

function checkView(file: string, c: BackupCheck): BackupCheckView {
  return { file, ...c };
}

function withSession(r: ApiResponse<unknown>, session: SessionDirective | undefined): CoreResponse {
  return session ? { ...r, session } : r;
}

function errorResponse(err: unknown): ApiResponse<never> {
  if (err instanceof Refusal) return fail(err.code, err.message);
  if (err instanceof CaseInputError) return fail('BAD_ARGS', err.message);
  if (err instanceof BackupError) {
    // The copy itself failed (disk full, the live database unreadable): not something the person typed wrong.
    if (err.code === 'FAILED' || err.code === 'VERIFY_FAILED') return fail('DB_ERROR', err.message);
    return fail(err.code === 'IN_USE' ? 'CONFLICT' : 'BAD_ARGS', err.message);
  }
  const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (code.startsWith('SQLITE_')) return fail('DB_ERROR', `数据库错误（${code}）：${err instanceof Error ? err.message : ''}`);
  return fail('INTERNAL', `内部错误：${err instanceof Error ? err.message : String(err)}`);
}

function fail(code: ApiError['code'], message: string): ApiResponse<never> {
  return { ok: false, error: { code, message } };
}
