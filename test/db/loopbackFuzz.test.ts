// The built loopback host as a child process under hostile requests: no request ends the process, every failure is JSON.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { ROOT, ensureBuilt, initDb, TESTER } from '../helpers/cli';
import { startHost, type StartedHost } from '../helpers/host';
import { tempDir } from '../helpers/tempDb';
import { startLoopbackHost, type ApiCaller } from '../../electron/host/loopbackHost';

let work: ReturnType<typeof tempDir>;
let dbFile: string;
let host: StartedHost;
let port = 0;
let token = '';

async function launch(): Promise<void> {
  host = await startHost(['--db', dbFile, '--today', '2024-12-31']);
  const url = new URL(host.url);
  port = Number(url.port);
  token = url.hash.replace('#token=', '');
}

function alive(): boolean {
  return host.proc.exitCode === null && host.proc.signalCode === null;
}

beforeAll(async () => {
  ensureBuilt();
  work = tempDir();
  dbFile = path.join(work.dir, 'court.sqlite');
  initDb(dbFile);
  await launch();
}, 180_000);

// Each test meets a running host: a test that killed it (before the fix) must not take the next ones down with it.
beforeEach(async () => {
  if (!alive()) await launch();
});

afterAll(async () => {
  await host?.stop();
  work?.cleanup();
});

interface RawAnswer {
  /** null when the connection closed without an answer (which a disconnecting client expects). */
  status: number | null;
  headers: Record<string, string>;
  body: string;
}

/** Splits a raw HTTP/1.1 answer, undoing chunked transfer coding. */
function parseAnswer(bytes: Buffer): RawAnswer {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return { status: null, headers: {}, body: '' };
  const head = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0])?.[1] ?? NaN);
  const headers: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = bytes.subarray(end + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const parts: Buffer[] = [];
    let at = 0;
    for (;;) {
      const lineEnd = body.indexOf('\r\n', at);
      if (lineEnd < 0) break;
      const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
      if (!size) break;
      parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  } else if (headers['content-length'] !== undefined) {
    body = body.subarray(0, Number(headers['content-length']));
  }
  return { status: Number.isNaN(status) ? null : status, headers, body: body.toString('utf8') };
}

/**
 * Writes bytes on a raw socket, so anything can be sent (lying lengths, broken encodings, half a request). cutAt:
 * destroy the connection after that many bytes, as a client that goes away mid-request.
 */
function rawRequest(bytes: Buffer, opts: { cutAt?: number; waitMs?: number } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const received: Buffer[] = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(parseAnswer(Buffer.concat(received)));
    };
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(new Error(`no answer within ${opts.waitMs ?? 20_000} ms to ${JSON.stringify(bytes.subarray(0, 600).toString('latin1'))}`));
    }, opts.waitMs ?? 20_000);
    socket.on('data', (c) => received.push(c));
    socket.on('error', () => finish());
    socket.on('close', () => finish());
    socket.on('connect', () => {
      if (opts.cutAt !== undefined) {
        socket.write(bytes.subarray(0, opts.cutAt), () => {
          // Give the host a moment to start on the request, then vanish.
          setTimeout(() => socket.destroy(), 20);
        });
        return;
      }
      socket.write(bytes);
    });
  });
}

function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string }): Buffer {
  const body = opts.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body, 'utf8');
  const headers: Record<string, string> = { host: `127.0.0.1:${port}`, connection: 'close', ...opts.headers };
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-length' || k.toLowerCase() === 'transfer-encoding')) {
    headers['content-length'] = String(body.length);
  }
  const lines = [`${opts.method ?? 'POST'} ${opts.path} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'utf8'), body]);
}

const CHINESE = /[\u4e00-\u9fff]/;

/** A failure as the host must answer one: an error status and {ok:false, error:{code, message}} with a Chinese message. */
function expectJsonFailure(a: RawAnswer, what: string): void {
  expect(a.status, what).not.toBeNull();
  expect(a.status!, what).toBeGreaterThanOrEqual(400);
  expect(a.headers['content-type'], what).toMatch(/^application\/json/);
  const body = JSON.parse(a.body) as { ok: unknown; error: { code: unknown; message: unknown } };
  expect(body.ok, what).toBe(false);
  expect(typeof body.error.code, what).toBe('string');
  expect(String(body.error.message), what).toMatch(CHINESE);
}

async function signIn(): Promise<string> {
  const r = await rawRequest(request({
    path: '/api/auth.signIn',
    headers: { 'x-courtdesk-token': token, 'content-type': 'application/json' },
    body: JSON.stringify({ name: TESTER.name, password: TESTER.password }),
  }));
  expect(r.status).toBe(200);
  expect(JSON.parse(r.body)).toMatchObject({ ok: true });
  const cookie = /courtdesk_session=[\w-]+/.exec(r.headers['set-cookie'] ?? '');
  expect(cookie).not.toBeNull();
  return cookie![0];
}

/** A normal sign-in and call still work: the host is alive and serving. */
async function expectServing(): Promise<void> {
  expect(alive(), host.output()).toBe(true);
  const session = await signIn();
  const r = await rawRequest(request({ path: '/api/cases.count', headers: { 'x-courtdesk-token': token, 'content-type': 'application/json', cookie: session }, body: '{}' }));
  expect(r.status).toBe(200);
  expect(JSON.parse(r.body)).toEqual({ ok: true, value: { count: 0 } });
  expect(host.output()).not.toMatch(/Unhandled|uncaught|未处理的异步错误|内部错误|at .*\.cjs:\d+/i);
}

describe('the loopback host as reported', () => {
  it('answers a broken percent-encoding in the call name with a JSON error, and keeps running', async () => {
    const a = await rawRequest(request({ path: '/api/%E0%A4%A', headers: { 'x-courtdesk-token': token, 'content-type': 'application/json' }, body: '{}' }));
    expectJsonFailure(a, 'POST /api/%E0%A4%A');
    await new Promise((r) => setTimeout(r, 200));
    await expectServing();
  });

  it('survives a client that announces 100000 bytes, sends a few and hangs up', async () => {
    const bytes = request({ path: '/api/app.info', headers: { 'x-courtdesk-token': token, 'content-type': 'application/json', 'content-length': '100000' }, body: '{"a":1' });
    const a = await rawRequest(bytes, { cutAt: bytes.length });
    expect(a.status).toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    await expectServing();
  });

  it('refuses a body over the limit with 413 and JSON, whether announced or streamed', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 0x20);
    const announced = await rawRequest(request({ path: '/api/app.info', headers: { 'x-courtdesk-token': token, 'content-type': 'application/json' }, body: big }));
    expect(announced.status).toBe(413);
    expectJsonFailure(announced, 'announced');
    const chunked = Buffer.concat([
      request({ path: '/api/app.info', headers: { 'x-courtdesk-token': token, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }),
      Buffer.from(`${big.length.toString(16)}\r\n`), big, Buffer.from('\r\n0\r\n\r\n'),
    ]);
    const streamed = await rawRequest(chunked);
    expect(streamed.status).toBe(413);
    expectJsonFailure(streamed, 'streamed');
    await expectServing();
  });

  it.each([
    ['a wrong content type', { 'content-type': 'text/plain' }, '{}', 415],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1', 415],
    ['body bytes that are not UTF-8', { 'content-type': 'application/json' }, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 400],
    ['JSON nested a hundred thousand deep', { 'content-type': 'application/json' }, '['.repeat(100_000) + ']'.repeat(100_000), 400],
  ])('refuses %s with a JSON error', async (_what, headers, body, status) => {
    const a = await rawRequest(request({ path: '/api/app.info', headers: { 'x-courtdesk-token': token, ...headers }, body }));
    expect(a.status).toBe(status);
    expectJsonFailure(a, _what);
  });

  it.each([
    ['a broken percent-encoding', '/%E0%A4%A', 400],
    ['a lone percent sign', '/assets/%', 400],
    ['an encoded way out of the folder', '/..%2f..%2fetc%2fpasswd', 404],
    ['a missing file', '/nope.js', 404],
  ])('answers a static path with %s with a JSON error', async (_what, p, status) => {
    const a = await rawRequest(request({ method: 'GET', path: p }));
    expect(a.status).toBe(status);
    expectJsonFailure(a, p);
  });

  it('answers a request the HTTP parser refuses (headers too large, a bad header) with JSON', async () => {
    const long = await rawRequest(request({ method: 'GET', path: `/${'a'.repeat(70_000)}` }));
    expectJsonFailure(long, 'headers too large');
    expect(long.status).toBe(431);
    const bad = await rawRequest(Buffer.from(`POST /api/app.info HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-length: abc\r\n\r\n`));
    expectJsonFailure(bad, 'bad content-length');
    expect(bad.status).toBe(400);
    await expectServing();
  });
});

/** mulberry32: a small seeded generator, so a failing run can be replayed exactly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the loopback host under fuzzing', () => {
  it('stays up through a thousand seeded hostile requests and answers every failure with JSON', async () => {
    const rnd = seeded(20241231);
    const int = (n: number) => Math.floor(rnd() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
    const chance = (p: number) => rnd() < p;
    const randomText = (n: number) => {
      let s = '';
      for (let i = 0; i < n; i++) {
        const r = rnd();
        s += String.fromCodePoint(r < 0.3 ? int(0x80) : r < 0.6 ? 0x4e00 + int(0x5000) : r < 0.9 ? int(0x10ffff) & ~0x800 : pick([0, 0x22, 0x5c, 0x2a, 0x28]));
      }
      return s;
    };
    const session = await signIn();
    const methods = ['cases.list', 'cases.count', 'cases.get', 'audit.list', 'catalog.judges', 'catalog.divisions', 'app.info', 'deadlines.summary', 'jobs.list',
      'auth.status', 'auth.signIn', 'startup.status', 'no.such', '__proto__', 'constructor', 'toString'];
    const brokenPaths = ['%E0%A4%A', '%', '%zz', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', encodeURIComponent('案件.列表'), '..%2f..%2f', '../../etc/passwd',
      'cases.list/../app.info', `${'a'.repeat(3000)}`, 'app.info?x=%', 'app.info#frag', '%00', 'cases%2elist'];
    const staticPaths = ['/', '/index.html', '/assets/', '/assets', '/%E0%A4%A', '/..', '/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/a%5c..%5cb', '/%00',
      `/${'x'.repeat(4000)}`, '/中文/路径', '/assets/%ff', '//etc/passwd', '*', 'http://127.0.0.1/api/app.info'];
    const fields = ['search', 'status', 'limit', 'offset', 'sort', 'caseNumber', 'from', 'to', 'actor', 'entityKey', 'divisionId', 'judgeId', 'typeCode',
      'remainingMin', 'remainingMax', 'procedure', 'unknownKey', '__proto__', 'constructor'];
    const value = (depth: number): unknown => {
      switch (int(depth > 3 ? 6 : 8)) {
        case 0: return randomText(int(80));
        case 1: return pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53, 100, 500, 501]);
        case 2: return null;
        case 3: return pick([true, false]);
        case 4: return pick(['2024-02-30', '2024-13-01', '0000-00-00', '2024-01-05', '（2024）辽0421民初1号', 'open', 'dueOn_asc', '\u0000', '"*"', 'NEAR(a b)']);
        case 5: return randomText(int(4));
        case 6: return Array.from({ length: int(4) }, () => value(depth + 1));
        default: return Object.fromEntries(Array.from({ length: int(4) }, () => [pick(fields), value(depth + 1)]));
      }
    };
    const body = (): Buffer | string => {
      switch (int(10)) {
        case 0: return Buffer.from(Array.from({ length: int(2000) }, () => int(256)));
        case 1: return '{"a":';
        case 2: return '['.repeat(int(20_000)) + ']'.repeat(int(20_000));
        case 3: return `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
        case 4: return pick(['null', '1', '"x"', '[]', 'true', '', ' ', '{}', '{"__proto__":{"x":1}}']);
        case 5: return JSON.stringify([value(0)]);
        default: return JSON.stringify(Object.fromEntries(Array.from({ length: int(5) }, () => [pick(fields), value(0)])));
      }
    };

    const cases: Array<() => Promise<void>> = [];
    for (let i = 0; i < 1000; i++) {
      const api = chance(0.75);
      const method = pick(['POST', 'POST', 'POST', 'GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']);
      const target = api ? `/api/${chance(0.6) ? pick(methods) : pick(brokenPaths)}` : pick(staticPaths);
      const headers: Record<string, string> = {};
      const hostHeader = int(10);
      if (hostHeader === 0) headers.host = 'evil.example';
      else if (hostHeader === 1) headers.host = `localhost:${port}`;
      else if (hostHeader === 2) headers.host = 'x'.repeat(int(9000));
      if (chance(0.8)) headers['x-courtdesk-token'] = chance(0.85) ? token : pick(['', 'x'.repeat(43), token + 'x', 'ä'.repeat(43)]);
      if (chance(0.2)) headers.origin = pick([`http://127.0.0.1:${port}`, 'http://evil.example', 'null', '']);
      if (chance(0.8)) headers['content-type'] = pick(['application/json', 'application/json; charset=utf-8', 'text/plain', 'multipart/form-data; boundary=x', 'x', '']);
      if (chance(0.7)) headers.cookie = chance(0.8) ? session : pick(['courtdesk_session=', 'courtdesk_session=zzz; a=b', ';;;=', 'courtdesk_session']);
      const payload = method === 'GET' || method === 'HEAD' ? (chance(0.1) ? body() : '') : body();
      const kind = int(10);
      let bytes: Buffer;
      let cutAt: number | undefined;
      if (kind === 0) {
        // Announces far more than it sends, then goes away.
        bytes = request({ method, path: target, headers: { ...headers, 'content-length': String(100_000 + int(10_000_000)) }, body: payload });
        cutAt = bytes.length;
      } else if (kind === 1) {
        bytes = request({ method, path: target, headers, body: payload });
        cutAt = int(bytes.length);
      } else if (kind === 2) {
        // Chunked, sometimes with a broken chunk size.
        const b = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8');
        const size = chance(0.8) ? b.length.toString(16) : pick(['zz', '-1', 'ffffffffffffffff']);
        bytes = Buffer.concat([request({ method, path: target, headers: { ...headers, 'transfer-encoding': 'chunked' } }), Buffer.from(`${size}\r\n`), b, Buffer.from('\r\n0\r\n\r\n')]);
        // A chunk announced as 2^64 bytes is a client that will never finish: it goes away, as such a client would.
        if (size === 'ffffffffffffffff') cutAt = bytes.length;
      } else if (kind === 3) {
        bytes = request({ method, path: target, headers: { ...headers, 'content-length': pick(['abc', '-1', '1, 2', '99999999999999999999']) }, body: payload });
      } else {
        bytes = request({ method, path: target, headers, body: payload });
      }
      const what = `#${i}: ${bytes.subarray(0, 160).toString('latin1')}`;
      cases.push(async () => {
        const a = await rawRequest(bytes, { cutAt });
        if (cutAt !== undefined || a.status === null) return;
        if (a.status >= 400) {
          if (method === 'HEAD') expect(a.headers['content-type'], what).toMatch(/^application\/json/);
          else expectJsonFailure(a, what);
        } else if (target.startsWith('/api/')) {
          const answer = JSON.parse(a.body) as { ok: boolean; error?: { message: string } };
          if (!answer.ok) expect(answer.error!.message, what).toMatch(CHINESE);
        }
      });
    }
    // Eight at a time: the host meets overlapping requests, as a page with several tabs would send.
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < cases.length) await cases[next++]();
    }));
    await new Promise((r) => setTimeout(r, 300));
    await expectServing();
  }, 600_000);
});

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

function runHost(args: string[], opts: { closeOutput?: boolean } = {}) {
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist/host/host.cjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  if (opts.closeOutput) {
    proc.stdout.destroy();
    proc.stderr.destroy();
  } else {
    proc.stdout.on('data', () => {});
    proc.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  }
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, exited, stderr: () => err };
}

function get(p: number, urlPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: p, path: urlPath }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

describe('the host process itself', () => {
  it('keeps serving when its console goes away (output closed: EPIPE on the address line and every log line)', async () => {
    const p = await freePort();
    const h = runHost(['--db', dbFile, '--today', '2024-12-31', '--port', String(p)], { closeOutput: true });
    try {
      let status = 0;
      for (let i = 0; i < 200 && status !== 200 && h.proc.exitCode === null; i++) {
        status = await get(p, '/').catch(() => 0);
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      // Requests that make the host log (a client that vanishes mid-body) do not end it either.
      await new Promise((r) => setTimeout(r, 300));
      expect(h.proc.exitCode).toBeNull();
      expect(await get(p, '/%E0%A4%A')).toBe(400);
      expect(h.proc.exitCode).toBeNull();
    } finally {
      h.proc.kill('SIGTERM');
      await h.exited;
    }
  });

  it.each([
    [['--port', 'abc'], 2, '--port 的端口“abc”无效'],
    [['--port', '70000'], 2, '--port 的端口“70000”无效'],
    [['--bogus'], 2, '参数错误：未知选项 --bogus'],
    [['--today', '2024-02-30'], 2, '--today 的日期“2024-02-30”无效'],
  ])('refuses %j in one Chinese line', async (args, code, message) => {
    const h = runHost(['--db', dbFile, ...args]);
    expect(await h.exited).toBe(code);
    expect(h.stderr()).toContain(message);
    expect(h.stderr()).not.toMatch(/ERR_|TypeError|RangeError|\s+at /);
  });

  it('says the port is taken, in Chinese, when it is', async () => {
    const p = Number(new URL(host.url).port);
    const h = runHost(['--db', dbFile, '--port', String(p)]);
    expect(await h.exited).toBe(1);
    expect(h.stderr()).toContain(`端口 ${p} 已被占用`);
    expect(h.stderr()).not.toMatch(/EADDRINUSE|\s+at /);
  });
});

describe('a core that throws', () => {
  it.each([
    ['throws', () => {
      throw new TypeError('Cannot read properties of undefined (reading \'x\')');
    }],
    ['rejects', () => Promise.reject(new RangeError('Invalid time value'))],
  ])('is answered 500 with a Chinese message when its call %s, and its text goes to the log only', async (_how, call) => {
    const renderer = tempDir();
    const log: string[] = [];
    const inProcess = await startLoopbackHost({ core: { call } as unknown as ApiCaller, rendererDir: renderer.dir, log: (l) => log.push(l) });
    try {
      const saved = port;
      port = inProcess.port;
      try {
        const a = await rawRequest(request({ path: '/api/app.info', headers: { 'x-courtdesk-token': inProcess.token, 'content-type': 'application/json' }, body: '{}' }));
        expect(a.status).toBe(500);
        expectJsonFailure(a, 'a throwing core');
        expect(a.body).not.toMatch(/undefined|Invalid time value/);
        expect(log.join('\n')).toMatch(/Cannot read properties|Invalid time value/);
      } finally {
        port = saved;
      }
    } finally {
      await inProcess.close();
      renderer.cleanup();
    }
  });
});
