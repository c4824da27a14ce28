// The loopback host over real HTTP: token, Host and Origin checks, static files kept inside the renderer folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startLoopbackHost, type RunningHost } from '../../electron/host/loopbackHost';
import { resolveRendererFile } from '../../electron/core/app/rendererFiles';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { freshCourtDb, record, tempDir } from '../helpers/tempDb';
import { AccountStore } from '../../electron/core/accounts/accountStore';

let host: RunningHost;
let core: Core;
let fixture: ReturnType<typeof freshCourtDb>;
let renderer: ReturnType<typeof tempDir>;

beforeAll(async () => {
  fixture = freshCourtDb();
  fixture.put([record({ caseNumber: '（2024）辽0421民初103号', filedOn: '2024-08-31' })]);
  new AccountStore(fixture.db).create({ name: '院长', roles: ['president'], password: 'president-1', actor: 'tester' });
  fixture.db.close();
  core = openCore({ dbPath: fixture.file, host: 'loopback', today: '2024-12-31' });
  renderer = tempDir();
  mkdirSync(path.join(renderer.dir, 'assets'));
  writeFileSync(path.join(renderer.dir, 'index.html'), '<!doctype html><title>法院质效台</title>');
  writeFileSync(path.join(renderer.dir, 'assets', 'app.js'), 'console.log(1)');
  host = await startLoopbackHost({ core, rendererDir: renderer.dir });
  const signIn = await api('auth.signIn', { name: '院长', password: 'president-1' });
  const cookie = String(signIn.headers['set-cookie']);
  expect(cookie).toMatch(/^courtdesk_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\/api\//);
  expect(signIn.body).not.toContain(cookie.split(';')[0].split('=')[1]);
  session = cookie.split(';')[0];
});
let session = '';
afterAll(async () => {
  await host.close();
  core.close();
  fixture.close();
  renderer.cleanup();
});

/** Raw request, so tests can send any Host and Origin headers (fetch forbids setting Host). */
function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  request({ method: 'POST', path: `/api/${method}`, headers: { 'x-courtdesk-token': host.token, 'content-type': 'application/json', ...(session ? { cookie: session } : {}), ...headers }, body: JSON.stringify(body) });

describe('loopback host', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token in the fragment', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{43}$`));
  });

  it('answers a call with a valid token', async () => {
    const r = await api('cases.get', { caseNumber: '(2024)辽0421民初103号' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { caseNumber: '（2024）辽0421民初103号', dueOn: '2025-02-28', daysRemaining: 59 } });
  });

  it('answers SIGNED_OUT without the session cookie', async () => {
    const r = await request({ method: 'POST', path: '/api/cases.list', headers: { 'x-courtdesk-token': host.token }, body: '{}' });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
  });

  it('validates arguments and answers in Chinese', async () => {
    const r = JSON.parse((await api('cases.list', { limit: 'all' })).body);
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect(r.error.message).toMatch(/limit/);
    expect(JSON.parse((await api('cases.drop', {})).body).error.code).toBe('UNKNOWN_METHOD');
    expect(JSON.parse((await api('cases.get', { caseNumber: '（2024）辽0421民初999号' })).body).error).toEqual({ code: 'NOT_FOUND', message: '找不到案件 （2024）辽0421民初999号' });
  });

  it.each([
    ['no token', { 'x-courtdesk-token': '' }, 401],
    ['a wrong token', { 'x-courtdesk-token': 'x'.repeat(43) }, 401],
    ['another origin', { origin: 'http://evil.example' }, 403],
    ['another host name (DNS rebinding)', { host: 'evil.example:80' }, 403],
  ])('refuses a call with %s', async (_name, headers, status) => {
    const r = await api('app.info', {}, headers as Record<string, string>);
    expect(r.status).toBe(status);
    expect(JSON.parse(r.body).ok).toBe(false);
  });

  it('refuses GET on the API and malformed JSON', async () => {
    expect((await request({ path: '/api/app.info', headers: { 'x-courtdesk-token': host.token } })).status).toBe(405);
    const bad = await request({ method: 'POST', path: '/api/app.info', headers: { 'x-courtdesk-token': host.token }, body: '{' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toContain('JSON');
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const r = await request({ path: '/' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('法院质效台');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).not.toContain('unsafe');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect((await request({ path: '/assets/app.js' })).headers['content-type']).toContain('javascript');
  });

  it.each(['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fsecret', '/nope.js'])('does not serve %s', async (p) => {
    expect((await request({ path: p })).status).toBe(404);
  });
});

describe('resolveRendererFile', () => {
  it.each([
    ['/', 'index.html'],
    ['/assets/app.js?v=1', 'assets/app.js'],
    ['/assets/a%20b.js', 'assets/a b.js'],
    ['/a/../b.js', 'b.js'],
    ['//assets/app.js', 'assets/app.js'],
  ])('%s → %s, inside the folder', (url, rel) => {
    expect(resolveRendererFile('/r', url)).toBe(path.resolve('/r', rel));
  });

  it.each(['/%00', '/%E0%A4%A', '/a%5c..%5c..%5cx', '/%2e%2e/x', '/a/../../x', '/../etc/passwd'])('refuses %s', (url) => {
    expect(resolveRendererFile('/r', url)).toBeNull();
  });
});
