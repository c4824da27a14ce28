// Opens a court database and binds every domain's handlers to it behind the one dispatcher: the core each host runs.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { localToday } from '../../../shared/dates/calendar';
import { openCourtDatabase } from '../backup/openCourtDatabase';
import { describeDamagedDatabase } from '../backup/latestGoodBackup';
import { closeDatabase } from '../db/connection';
import { DbOpenError, type DbErrorCode } from '../db/errors';
import { AccountStore } from '../accounts/accountStore';
import { Sessions } from '../accounts/sessions';
import { Guard } from '../accounts/guard';
import { SettingsStore } from '../settings/settingsStore';
import { CaseStore } from '../cases/caseStore';
import { CaseQueries } from '../cases/caseQueries';
import { getSelfCourt } from '../court/courtStore';
import { initCourt } from '../setup/initCourt';
import { seedDatabase } from '../setup/seed';
import { bringDeadlinesUpToDate, DEADLINE_RULES_VERSION } from '../deadlines/rulesVersion';
import { JobRunner, defaultJobWorkerFile } from '../jobs/jobRunner';
import { createDispatcher, type CoreResponse } from '../kernel/dispatcher';
import type { CallerContext } from '../kernel/context';
import { bindRoutes } from '../domains';
import type { CoreServices, HostKind, RestoreFn } from './services';

// zod's own messages (a number too large, a missing field) in Chinese, for every call.
z.config(z.locales.zhCN());

export interface DemoOptions {
  courtCode: string;
  courtName: string;
  cases: number;
  seed: number;
}

export const DEMO_DEFAULTS: DemoOptions = { courtCode: '辽0421', courtName: '演示县人民法院', cases: 5000, seed: 1 };

export interface CoreOptions {
  dbPath: string;
  host: HostKind;
  /** Fixes "today" (tests, reproducible demos); otherwise the local calendar date at each call. */
  today?: string;
  /** Creates and fills a demonstration database when the file does not exist yet. */
  demo?: DemoOptions;
  /** Create an empty database when the file is missing, for the first-run setup (court and first administrator). */
  allowSetup?: boolean;
  /** Called with the method and milliseconds when a call takes longer than 40 ms. */
  onSlowCall?: (method: string, ms: number) => void;
  /** Where untranslated error detail goes. */
  log?: (line: string) => void;
  /** Replaces the database by a checked backup (core/app/appRuntime.ts); without it, backup.restore is refused. */
  restore?: RestoreFn;
  /** The built job worker; null runs long jobs on this thread; by default the one beside the running bundle. */
  jobWorker?: string | null;
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

export type { CoreResponse, CallerContext };

export interface Core {
  call(method: string, args: unknown, caller?: CallerContext): Promise<CoreResponse>;
  close(): void;
  info: { dbPath: string };
  /** For tests and the benchmark, which look at the very file the core writes. */
  db: Database;
  today(): string;
}

export function openCore(options: CoreOptions): Core {
  const today = () => options.today ?? localToday();
  const dbPath = path.resolve(options.dbPath);
  // A file of zero bytes holds nothing (a first start interrupted before SQLite wrote to it): where a new database
  // may be created, it is created there; elsewhere it is reported as empty, not missing.
  const exists = existsSync(dbPath) && statSync(dbPath).size > 0;
  const creatingDemo = !!options.demo && !exists;
  let opened;
  try {
    opened = openCourtDatabase(dbPath, { create: creatingDemo || (!exists && !!options.allowSetup) });
  } catch (err) {
    if (err instanceof DbOpenError) {
      // The person reads the Chinese message; SQLite's own words behind it go to the log.
      if (err.detail) options.log?.(`无法打开数据库 ${dbPath}：${err.detail}`);
      throw new CoreStartError(err.code, err.message, err.dbPath, err.latestGoodBackup);
    }
    throw err;
  }
  const db = opened.db;
  const cases = new CaseStore(db);
  const accounts = new AccountStore(db);
  if (creatingDemo && options.demo) {
    initCourt(db, options.demo.courtCode, options.demo.courtName, 'system', true);
    seedDatabase(db, cases, { cases: options.demo.cases, seed: options.demo.seed, today: today(), actor: 'system' });
  }
  // A program that counts differently from the one that stored the figures recomputes them before answering anyone.
  const upgraded = getSelfCourt(db) ? bringDeadlinesUpToDate(db, cases, today()) : null;
  if (upgraded) options.log?.(`审限计算规则已更新（版本 ${upgraded.from} → ${DEADLINE_RULES_VERSION}），重新计算了 ${upgraded.casesChanged} 件案件的审限`);
  if (!getSelfCourt(db) && !options.allowSetup && accounts.count() === 0 && !creatingDemo) {
    closeDatabase(db);
    throw new CoreStartError('OTHER', `数据库尚未初始化本院信息：${dbPath}。请先运行 courtdesk init`, dbPath);
  }
  const settings = new SettingsStore(db);
  const log = options.log ?? (() => {});
  const services: CoreServices = {
    db,
    dbPath,
    host: options.host,
    today,
    cases,
    caseQueries: new CaseQueries(db),
    accounts,
    settings,
    sessions: new Sessions(() => settings.idleLockMinutes()),
    jobs: new JobRunner({ dbPath, db, workerFile: options.jobWorker === undefined ? defaultJobWorkerFile() : options.jobWorker, log }),
    restore: options.restore,
    log,
  };
  const call = createDispatcher({
    routes: bindRoutes(services),
    sessions: services.sessions,
    accounts,
    guard: new Guard(db),
    idleLockMinutes: () => settings.idleLockMinutes(),
    onSlowCall: options.onSlowCall,
    log,
    explain: (err) => {
      const damaged = describeDamagedDatabase(err, dbPath);
      return damaged && { code: 'DB_ERROR', message: damaged.message };
    },
  });
  return {
    db,
    today,
    info: { dbPath },
    call,
    close() {
      closeDatabase(db);
    },
  };
}
