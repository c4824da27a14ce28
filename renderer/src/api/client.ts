// The one way the renderer reaches data: the typed API, through Electron's preload or the loopback host.
import type { ApiMethod, ApiResponse, CourtDeskApi } from '../../../shared/api/contract';
import { API_METHODS } from '../../../shared/api/methods';
import { takeToken, type TokenEnv } from './token';

export const UNREACHABLE_MESSAGE = '无法连接到法院质效台服务，请重新启动程序';

function internal(message: string): ApiResponse<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

function isApiResponse(v: unknown): v is ApiResponse<unknown> {
  if (!v || typeof v !== 'object') return false;
  const r = v as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return 'value' in r;
  return r.ok === false && !!r.error && typeof r.error.code === 'string' && typeof r.error.message === 'string';
}

type FetchLike = (input: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

/** The API over the loopback host: POST /api/<method>, the arguments as JSON, the token in a header. */
export function createHttpApi(token: string | null, fetchImpl: FetchLike, base = '/api/'): CourtDeskApi {
  const call = async (method: ApiMethod, args: unknown): Promise<ApiResponse<unknown>> => {
    let res: Awaited<ReturnType<FetchLike>>;
    try {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (token) headers['X-CourtDesk-Token'] = token;
      res = await fetchImpl(`${base}${method}`, { method: 'POST', headers, body: JSON.stringify(args ?? {}) });
    } catch {
      return internal(UNREACHABLE_MESSAGE);
    }
    let body: unknown;
    try {
      body = JSON.parse(await res.text());
    } catch {
      return internal(res.ok ? '服务返回了无法识别的数据' : `服务返回错误（HTTP ${res.status}），请重新启动程序`);
    }
    if (isApiResponse(body)) return body;
    return internal(`服务返回了无法识别的数据（HTTP ${res.status}）`);
  };
  return bind((m, a) => call(m, a));
}

/** The API through Electron's preload (window.courtdesk): same calls, same results; a thrown error becomes INTERNAL. */
export function createBridgeApi(bridge: Partial<Record<ApiMethod, (args: unknown) => Promise<unknown>>>): CourtDeskApi {
  return bind(async (m, a) => {
    const fn = bridge[m];
    if (typeof fn !== 'function') return internal(`程序版本不一致：缺少调用 ${m}，请重新安装或重新启动程序`);
    try {
      const r = await fn(a ?? {});
      return isApiResponse(r) ? r : internal('服务返回了无法识别的数据');
    } catch {
      return internal(UNREACHABLE_MESSAGE);
    }
  });
}

function bind(call: (m: ApiMethod, args: unknown) => Promise<ApiResponse<unknown>>): CourtDeskApi {
  const api: Partial<Record<ApiMethod, (args: unknown) => Promise<ApiResponse<unknown>>>> = {};
  for (const m of API_METHODS) api[m] = (args: unknown) => call(m, args);
  return Object.freeze(api) as unknown as CourtDeskApi;
}

export interface BrowserEnv extends TokenEnv {
  courtdesk?: unknown;
  fetch?: FetchLike;
}

/**
 * The API for this window: the preload's bridge when running in Electron, otherwise the loopback host with the
 * token taken from the address bar (and removed from it) or from sessionStorage.
 */
export function createApi(env: BrowserEnv): CourtDeskApi {
  if (env.courtdesk && typeof env.courtdesk === 'object') {
    return createBridgeApi(env.courtdesk as Partial<Record<ApiMethod, (args: unknown) => Promise<unknown>>>);
  }
  const token = takeToken(env);
  const f = env.fetch;
  const fetchImpl: FetchLike = f ? (input, init) => f.call(env, input, init) : () => Promise.reject(new Error('no fetch'));
  return createHttpApi(token, fetchImpl);
}

/** Which host serves this window, for the settings screen before app.info answers. */
export function bridgeName(env: { courtdesk?: unknown }): 'electron' | 'loopback' {
  return env.courtdesk && typeof env.courtdesk === 'object' ? 'electron' : 'loopback';
}
