// Entry of the loopback host (npm start without Electron, end-to-end tests): open the core, serve, print the address.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { openCore, defaultDbPath, DEMO_DEFAULTS, CoreStartError, type Core } from '../core/api/core';
import { isIsoDate, localToday } from '../../shared/dates/calendar';
import { startLoopbackHost, type ApiCaller } from './loopbackHost';
import type { ApiResponse } from '../../shared/api/contract';
import { ensureDailyBackup } from '../core/backup/backups';

/**
 * One 'daily' backup per calendar day: the first a few seconds after start, so the first screen loads before the
 * copy starts (it then runs in small steps between requests), and an hourly look for a host left running overnight.
 * By the wall calendar, not --today. A failure is logged and never stops the host.
 */
function scheduleDailyBackups(core: Core, dbPath: string): void {
  const run = () => {
    ensureDailyBackup(core.db, dbPath, localToday()).catch((err: unknown) => {
      process.stderr.write(`每日备份失败：${err instanceof Error ? err.message : String(err)}\n`);
    });
  };
  setTimeout(run, 3000).unref();
  setInterval(run, 3600_000).unref();
}

/** While the database cannot be opened, every call answers with the reason, so the window can show it. */
function failedCore(err: CoreStartError): ApiCaller {
  return {
    call: async (): Promise<ApiResponse<unknown>> => ({ ok: false, error: { code: 'STARTUP_FAILED', message: err.message } }),
  };
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { db: { type: 'string' }, port: { type: 'string' }, today: { type: 'string' }, demo: { type: 'boolean' } },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`参数错误：${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
  if (values.today !== undefined && !isIsoDate(values.today)) {
    process.stderr.write(`--today 的日期“${values.today}”无效\n`);
    process.exit(2);
  }
  const dbPath = path.resolve(values.db ?? defaultDbPath());
  // Without --db the newcomer's default database is created as a demo; an explicit path is opened as it is.
  const demo = values.db === undefined || values.demo ? DEMO_DEFAULTS : undefined;
  if (demo && !existsSync(dbPath)) process.stdout.write(`首次启动：正在生成演示数据库 ${dbPath}（${demo.cases} 件合成案件）…\n`);

  let core: Core | null = null;
  let caller: ApiCaller;
  try {
    core = openCore({
      // A new file given with --db starts in setup mode: the window asks for the court and its first administrator.
      dbPath, host: 'loopback', today: values.today, demo, allowSetup: !demo,
      onSlowCall: (m, ms) => process.stderr.write(`慢调用 ${m}：${ms.toFixed(0)} ms\n`),
    });
    caller = core;
  } catch (err) {
    if (!(err instanceof CoreStartError)) throw err;
    process.stderr.write(`无法打开数据库：${err.message}\n`);
    caller = failedCore(err);
  }
  const rendererDir = path.resolve(__dirname, '..', 'renderer');
  const host = await startLoopbackHost({ core: caller, rendererDir, port: values.port ? Number(values.port) : 0 });
  process.stdout.write(`法院质效台已在本机启动，请用浏览器打开：${host.url}\n`);
  if (core) scheduleDailyBackups(core, dbPath);

  const stop = async () => {
    await host.close();
    core?.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
