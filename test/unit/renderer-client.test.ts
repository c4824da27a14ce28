// Renderer: the API client (Electron bridge or loopback host) and the start-up token handling.
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../shared/api/methods';
import { UNREACHABLE_MESSAGE, createApi, createBridgeApi, createHttpApi } from '../../renderer/src/api/client';
import { TOKEN_STORAGE_KEY, extractToken, takeToken, type TokenEnv } from '../../renderer/src/api/token';

function fakeEnv(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>();
  if (stored) storage.set(TOKEN_STORAGE_KEY, stored);
  const env = {
    location: { hash, pathname: '/', search: '' },
    history: {
      replaceState: vi.fn((_d: unknown, _u: string, url?: string | URL | null) => {
        env.location.hash = String(url).replace(/^[^#]*/, '');
      }),
    },
    sessionStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
  } satisfies TokenEnv;
  return { env, storage };
}

const okResponse = (value: unknown) => ({ ok: true, status: 200, text: async () => JSON.stringify({ ok: true, value }) });

describe('token', () => {
  it('extracts the token from #token=…', () => {
    expect(extractToken('#token=abcDEF123456')).toEqual({ token: 'abcDEF123456', rest: '' });
    expect(extractToken('#/cases?status=open')).toEqual({ token: null, rest: '#/cases?status=open' });
    expect(extractToken('#token=a%20b<script>')).toMatchObject({ token: null });
  });

  it('moves it to sessionStorage and out of the address bar', () => {
    const { env, storage } = fakeEnv('#token=0123456789abcdef');
    expect(takeToken(env)).toBe('0123456789abcdef');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('0123456789abcdef');
    expect(env.history.replaceState).toHaveBeenCalledTimes(1);
    expect(env.location.hash).toBe('#/');
  });

  it('keeps an address that came with it (a deep link): only the token leaves the address bar', () => {
    const { env } = fakeEnv('#token=0123456789abcdef&/extensions');
    expect(takeToken(env)).toBe('0123456789abcdef');
    expect(env.location.hash).toBe('#/extensions');
  });

  it('finds it again in sessionStorage after a reload, leaving the route alone', () => {
    const { env } = fakeEnv('#/settings', 'fedcba9876543210');
    expect(takeToken(env)).toBe('fedcba9876543210');
    expect(env.history.replaceState).not.toHaveBeenCalled();
    expect(env.location.hash).toBe('#/settings');
  });
});

describe('loopback client', () => {
  it('POSTs /api/<method> with the JSON arguments and the token header', async () => {
    const fetchImpl = vi.fn(async () => okResponse({ rows: [], offset: 0, hasMore: false }));
    const api = createHttpApi('tok-123456789', fetchImpl);
    const res = await api['cases.list']({ status: 'open', offset: 100, limit: 100 });
    expect(res).toEqual({ ok: true, value: { rows: [], offset: 0, hasMore: false } });
    expect(fetchImpl).toHaveBeenCalledWith('/api/cases.list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CourtDesk-Token': 'tok-123456789' },
      body: JSON.stringify({ status: 'open', offset: 100, limit: 100 }),
    });
  });

  it('has exactly the contract methods', () => {
    const api = createHttpApi(null, vi.fn());
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
  });

  it('passes API errors through with their Chinese message', async () => {
    const body = { ok: false, error: { code: 'NOT_FOUND', message: '找不到案件 （2024）辽0421民初9号' } };
    const api = createHttpApi('t', async () => ({ ok: false, status: 404, text: async () => JSON.stringify(body) }));
    expect(await api['cases.get']({ caseNumber: 'x' })).toEqual(body);
  });

  it('turns a network failure into INTERNAL with the restart message', async () => {
    const api = createHttpApi('t', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await api['app.info']({})).toEqual({ ok: false, error: { code: 'INTERNAL', message: UNREACHABLE_MESSAGE } });
  });

  it('turns a body that is not an API response into INTERNAL', async () => {
    const api = createHttpApi('t', async () => ({ ok: false, status: 502, text: async () => '<html>bad gateway</html>' }));
    const res = await api['app.info']({});
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('INTERNAL');
  });
});

describe('createApi', () => {
  it('uses window.courtdesk when the preload provides it', async () => {
    const info = vi.fn(async () => ({ ok: true, value: { courtCode: '辽0421' } }));
    const { env } = fakeEnv('#token=0123456789abcdef');
    const fetch = vi.fn();
    const api = createApi({ ...env, courtdesk: { 'app.info': info }, fetch });
    expect(await api['app.info']({})).toEqual({ ok: true, value: { courtCode: '辽0421' } });
    expect(fetch).not.toHaveBeenCalled();
    // A method the preload lacks, or a thrown error, is an INTERNAL result, never an exception.
    expect((await api['cases.count']({})).ok).toBe(false);
    const broken = createBridgeApi({ 'app.info': async () => Promise.reject(new Error('ipc')) });
    expect(await broken['app.info']({})).toEqual({ ok: false, error: { code: 'INTERNAL', message: UNREACHABLE_MESSAGE } });
  });

  it('otherwise uses fetch with the token from the address', async () => {
    const { env } = fakeEnv('#token=0123456789abcdef');
    const fetch = vi.fn(async () => okResponse({ count: 5 }));
    const api = createApi({ ...env, fetch });
    await api['cases.count']({ status: 'overdue' });
    expect(fetch).toHaveBeenCalledWith('/api/cases.count', expect.objectContaining({ headers: expect.objectContaining({ 'X-CourtDesk-Token': '0123456789abcdef' }) }));
  });
});
