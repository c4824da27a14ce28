// The command line as a host like the others: it opens the same runtime, signs in through the one dispatcher and
// makes the same calls; refusals, scope and their audit come from the core, only arguments and printing live here.
import path from 'node:path';
import type { ApiArgs, ApiMethod, ApiResults } from '../../shared/api/contract';
import type { Action } from '../../shared/accounts/roles';
import { AppRuntime } from '../core/app/appRuntime';
import { defaultDbPath } from '../core/app/dataDir';
import { isIsoDate } from '../../shared/dates/calendar';

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
  /** --user or COURTDESK_USER */
  user?: string;
  /** COURTDESK_PASSWORD, a prompt, or a line on stdin; read before the command runs */
  password?: string | null;
}

export type Values = Record<string, string | boolean | string[] | undefined>;
export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Overwrites the current line of stderr (progress); only when stderr is a terminal. */
  progress?(s: string): void;
}

export interface CommandSpec {
  positionals: string[];
  /** When the positionals vary (subcommands): the fewest and most accepted. */
  arity?: [number, number];
  /** `multiple`: the option may be given more than once (its value is then a list). */
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
  /**
   * 'required': the command acts as a signed-in user; 'newAdmin': init, which asks for the first administrator's
   * password; 'none': no sign-in and no password (unlock, which only this machine's command line may do).
   */
  signIn: 'required' | 'newAdmin' | 'none';
  run(g: GlobalOptions, args: string[], v: Values, io: Io): Promise<number>;
}

/** What a command holds while it runs: the runtime, and calls made as the signed-in user. */
export interface CliSession {
  dbPath: string;
  runtime: AppRuntime;
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResults[M]>;
}

export function dbPathOf(g: GlobalOptions): string {
  return path.resolve(g.db ?? defaultDbPath());
}

export function openRuntime(g: GlobalOptions, options: { dbPath?: string; allowSetup?: boolean } = {}): AppRuntime {
  return new AppRuntime({
    dbPath: options.dbPath ?? dbPathOf(g),
    host: 'cli',
    today: g.today,
    allowSetup: options.allowSetup,
    // The untranslated detail behind a Chinese message, for whoever debugs; a user sees one line.
    log: process.env.COURTDESK_DEBUG ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
}

/** The credentials the command acts with; missing ones are a usage error, before any file is opened. */
export function credentials(g: GlobalOptions): { name: string; password: string } {
  if (!g.user) throw new CliError('请用 --user 姓名 或环境变量 COURTDESK_USER 指明操作人', 2);
  if (g.password === null || g.password === undefined) throw new CliError('需要口令：请输入，或通过环境变量 COURTDESK_PASSWORD 提供', 2);
  return { name: g.user, password: g.password };
}

/**
 * Signs in on an open runtime and returns calls as that person. One sign-in per command, not recorded as a session
 * (the window's are), so a command refused for its input leaves the file exactly as it was.
 */
export async function signIn(runtime: AppRuntime, g: GlobalOptions, io: Io): Promise<CliSession['call']> {
  const who = credentials(g);
  const r = await runtime.call('auth.signIn', who, { commandLine: true });
  if (!r.ok) throw new CliError(r.error.message, 1);
  const session = r.session && 'set' in r.session ? r.session.set : undefined;
  return async (method, args) => {
    const answer = await withProgress(runtime, session, io, runtime.call(method, args, { session, commandLine: true }));
    if (!answer.ok) throw new CliError(answer.error.message, 1);
    return answer.value as never;
  };
}

/** Runs fn with a signed-in session on the database of g, closing it whatever happens. */
export async function withSession<T>(g: GlobalOptions, io: Io, fn: (s: CliSession) => Promise<T>): Promise<T> {
  credentials(g);
  const runtime = openRuntime(g);
  try {
    if (runtime.startupFailure) throw new CliError(runtime.startupFailure.message, 1);
    const call = await signIn(runtime, g, io);
    return await fn({ dbPath: dbPathOf(g), runtime, call });
  } finally {
    runtime.close();
  }
}

/** While a call is a long job, its progress on stderr (a terminal only: a pipe or a log file gets the result alone). */
async function withProgress<T>(runtime: AppRuntime, session: string | undefined, io: Io, pending: Promise<T>): Promise<T> {
  if (!io.progress) return pending;
  let shown = false;
  const timer = setInterval(() => {
    void runtime.call('jobs.list', {}, { session, commandLine: true }).then((r) => {
      if (!r.ok) return;
      const job = (r.value as ApiResults['jobs.list'])[0];
      if (!job) return;
      shown = true;
      const share = job.total ? `${job.done.toLocaleString('zh-CN')} / ${job.total.toLocaleString('zh-CN')}（${Math.floor((job.done / job.total) * 100)}%）` : `${job.done.toLocaleString('zh-CN')}`;
      io.progress!(`${job.label}：${share}`);
    });
  }, 250);
  try {
    return await pending;
  } finally {
    clearInterval(timer);
    if (shown) io.progress('');
  }
}

export function required(v: Values, name: string, what: string): string {
  const value = v[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`缺少 --${name}（${what}）`, 2);
  return value.trim();
}

export function positiveInt(text: string, name: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw new CliError(`--${name} 应为 1 到 ${max} 之间的整数，而不是“${text}”`, 2);
  return Number(text);
}

export function print(io: Io, g: GlobalOptions, json: unknown, human: () => string): void {
  io.out(g.json ? JSON.stringify(json) : human());
}

export type { Action };

export function dateOption(text: string, name: string): string {
  if (!isIsoDate(text)) throw new CliError(`--${name} 的日期“${text}”无效，应如 2024-01-05`, 2);
  return text;
}
