// Entry of the loopback host (npm start without Electron, end-to-end tests): open the core, serve, print the address.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { DEMO_DEFAULTS } from '../core/app/openCore';
import { defaultDbPath } from '../core/app/dataDir';
import { AppRuntime } from '../core/app/appRuntime';
import { isIsoDate } from '../../shared/dates/calendar';
import { startLoopbackHost } from './loopbackHost';

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

  // A new file given with --db starts in setup mode: the window asks for the court and its first administrator.
  const runtime = new AppRuntime({
    dbPath, host: 'loopback', today: values.today, demo, allowSetup: !demo,
    onSlowCall: (m, ms) => process.stderr.write(`慢调用 ${m}：${ms.toFixed(0)} ms\n`),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  // While the database cannot be opened, every call answers with the reason, so the window can show it.
  if (runtime.startupFailure) process.stderr.write(`无法打开数据库：${runtime.startupFailure.message}\n`);
  const rendererDir = path.resolve(__dirname, '..', 'renderer');
  const host = await startLoopbackHost({ core: runtime, rendererDir, port: values.port ? Number(values.port) : 0 });
  process.stdout.write(`法院质效台已在本机启动，请用浏览器打开：${host.url}\n`);
  runtime.startMaintenance();

  const stop = async () => {
    await host.close();
    runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
