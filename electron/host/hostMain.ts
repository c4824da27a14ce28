// Entry of the loopback host (npm start without Electron, end-to-end tests): open the core, serve, print the address.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { existsSync, statSync } from 'node:fs';
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
    process.stderr.write(`参数错误：${translateParseError(err)}。可用选项：--db 路径、--port 端口、--today YYYY-MM-DD、--demo\n`);
    process.exit(2);
  }
  if (values.today !== undefined && !isIsoDate(values.today)) {
    process.stderr.write(`--today 的日期“${values.today}”无效\n`);
    process.exit(2);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? '0') || port > 65535) {
    process.stderr.write(`--port 的端口“${values.port}”无效，应为 0 到 65535 之间的整数\n`);
    process.exit(2);
  }
  const dbPath = path.resolve(values.db ?? defaultDbPath());
  // Without --db the newcomer's default database is created as a demo; an explicit path is opened as it is.
  const demo = values.db === undefined || values.demo ? DEMO_DEFAULTS : undefined;
  if (demo && !(existsSync(dbPath) && statSync(dbPath).size > 0)) process.stdout.write(`首次启动：正在生成演示数据库 ${dbPath}（${demo.cases} 件合成案件）…\n`);

  // A new file given with --db starts in setup mode: the window asks for the court and its first administrator.
  const runtime = new AppRuntime({
    dbPath, host: 'loopback', today: values.today, demo, allowSetup: !demo,
    onSlowCall: (m, ms) => process.stderr.write(`慢调用 ${m}：${ms.toFixed(0)} ms\n`),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  // While the database cannot be opened, every call answers with the reason, so the window can show it.
  if (runtime.startupFailure) process.stderr.write(`无法打开数据库：${runtime.startupFailure.message}\n`);
  const rendererDir = path.resolve(__dirname, '..', 'renderer');
  let host;
  try {
    host = await startLoopbackHost({ core: runtime, rendererDir, port, log: (line) => process.stderr.write(`${line}\n`) });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    process.stderr.write(code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请换一个端口或不指定 --port\n` : `无法启动本机服务：${describe(err)}\n`);
    runtime.close();
    process.exit(1);
  }
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

function translateParseError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const opt = /'([^']+)'/.exec(e.message ?? '')?.[1]?.split(' ')[0] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项 ${opt}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${opt} 的值缺失或不正确`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数 ${opt}`;
    default:
      return '无法解析命令行';
  }
}

/** The untranslated detail, for the console this host logs to (IT staff); never part of an answer to the page. */
function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

// A console that went away (the terminal closed, output piped into `head`) answers writes with EPIPE, which unheard
// would end the process: the court's service outlives its console, and what it would have printed is dropped.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

// Last line of defence: every request's failures are answered where they happen (loopbackHost.ts), but a promise that
// slips through must cost one log line, not the service a whole court is using.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`内部错误（未处理的异步错误），服务继续运行：${describe(reason)}\n`);
});

main().catch((err: unknown) => {
  process.stderr.write(`法院质效台未能启动：${describe(err)}\n`);
  process.exit(1);
});
