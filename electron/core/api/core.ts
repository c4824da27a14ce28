// The core behind the one API: opens the database and answers every call of the contract, under any host.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiSchemas, type ApiError, type ApiMethod, type ApiResponse, type ApiResults } from '../../../shared/api/contract';
import { localToday } from '../../../shared/dates/calendar';
import { openDatabase, closeDatabase } from '../db/connection';
import { DbOpenError, type DbErrorCode } from '../db/errors';
import { CaseStore, CaseInputError } from '../cases/caseStore';
import { CaseQueries } from '../cases/caseQueries';
import { getSelfCourt } from '../court/courtStore';
import { initCourt, isDemo } from '../setup/initCourt';
import { seedDatabase } from '../setup/seed';

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
  /** Who acts; accounts come with a later issue, until then the operating-system user. */
  actor?: string;
  /** Called with the method and milliseconds when a call takes longer than 40 ms. */
  onSlowCall?: (method: string, ms: number) => void;
}

export class CoreStartError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
    readonly dbPath: string,
  ) {
    super(message);
    this.name = 'CoreStartError';
  }
}

export interface Core {
  call(method: string, args: unknown): Promise<ApiResponse<unknown>>;
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

export function systemActor(): string {
  try {
    return os.userInfo().username || 'system';
  } catch {
    return 'system';
  }
}

export function openCore(options: CoreOptions): Core {
  const actor = options.actor ?? systemActor();
  const today = () => options.today ?? localToday();
  const creatingDemo = !!options.demo && !existsSync(options.dbPath);
  let opened;
  try {
    opened = openDatabase(options.dbPath, { create: creatingDemo });
  } catch (err) {
    if (err instanceof DbOpenError) throw new CoreStartError(err.code, err.message, err.dbPath);
    throw err;
  }
  const db = opened.db;
  const store = new CaseStore(db);
  if (creatingDemo && options.demo) {
    initCourt(db, options.demo.courtCode, options.demo.courtName, actor, true);
    seedDatabase(db, store, { cases: options.demo.cases, seed: options.demo.seed, today: today(), actor });
  }
  const court = getSelfCourt(db);
  if (!court) {
    closeDatabase(db);
    throw new CoreStartError('OTHER', `数据库尚未初始化本院信息：${options.dbPath}。请先运行 courtdesk init`, options.dbPath);
  }
  const queries = new CaseQueries(db);

  const handlers: { [M in ApiMethod]: (args: z.output<(typeof apiSchemas)[M]>) => ApiResults[M] } = {
    'app.info': () => ({
      appVersion: APP_VERSION,
      courtCode: court.code,
      courtName: court.name,
      demo: isDemo(db),
      today: today(),
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      dbPath: path.resolve(options.dbPath),
      caseCount: db.prepare('SELECT count(*) FROM cases').pluck().get() as number,
      host: options.host,
    }),
    'cases.list': (a) => queries.list(a, today()),
    'cases.count': (a) => ({ count: queries.count(a, today()) }),
    'cases.get': (a) => {
      const canonical = store.resolveOwnNumber(a.caseNumber);
      const detail = queries.get(canonical, today());
      if (!detail) throw new NotFound(`找不到案件 ${canonical}`);
      return detail;
    },
    'catalog.divisions': () => queries.divisions(),
    'catalog.judges': (a) => queries.judges(a.divisionId),
    'deadlines.summary': () => queries.summary(today()),
  };

  return {
    db,
    store,
    queries,
    today,
    info: { dbPath: path.resolve(options.dbPath) },
    async call(method, args) {
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
      const started = performance.now();
      try {
        const value = (handlers[m] as (a: unknown) => unknown)(parsed.data);
        return { ok: true, value };
      } catch (err) {
        if (err instanceof NotFound) return fail('NOT_FOUND', err.message);
        if (err instanceof CaseInputError) return fail('BAD_ARGS', err.message);
        const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : '';
        if (code.startsWith('SQLITE_')) return fail('DB_ERROR', `数据库错误（${code}）：${err instanceof Error ? err.message : ''}`);
        return fail('INTERNAL', `内部错误：${err instanceof Error ? err.message : String(err)}`);
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

class NotFound extends Error {}

function fail(code: ApiError['code'], message: string): ApiResponse<never> {
  return { ok: false, error: { code, message } };
}
