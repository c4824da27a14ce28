// The loopback host: serves the built renderer and the one API over HTTP on 127.0.0.1, guarded by a per-start token.
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ApiErrorCode } from '../../shared/api/contract';
import { CONTENT_SECURITY_POLICY, rendererResponseHeaders, resolveRendererFile } from '../core/app/rendererFiles';
import type { ApiCaller, SessionDirective } from '../core/kernel/context';

export type { ApiCaller, SessionDirective };

const MAX_BODY = 1024 * 1024;
/**
 * An oversized body is read and thrown away up to this much, so that a client still sending receives the 413 instead
 * of a reset connection; past it (or when the announced length is already past it) the connection is cut.
 */
const MAX_DRAIN = 8 * MAX_BODY;
/** Every call takes a flat object of a few fields; deeper JSON is an attack on the parser or the validator, not a call. */
const MAX_DEPTH = 32;

/** The session travels in an HttpOnly cookie: the page never holds it, and another site cannot send it (SameSite). */
const SESSION_COOKIE = 'courtdesk_session';

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  core: ApiCaller;
  rendererDir: string;
  port?: number;
  /** Where the untranslated detail of a failure goes (the host's stderr); the client only ever sees the Chinese answer. */
  log?: (line: string) => void;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function failureBody(code: ApiErrorCode, message: string): string {
  return JSON.stringify({ ok: false, error: { code, message } });
}

/** Whether a path decodes at all: a lone or broken percent-escape makes decodeURIComponent throw. */
function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** True when brackets nest deeper than `limit` outside strings; a scan, so nothing recurses on hostile input. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

type Body = { kind: 'ok'; bytes: Buffer } | { kind: 'tooLarge' } | { kind: 'aborted' };

/**
 * Reads a request body up to MAX_BODY. Over it, the rest is drained (up to MAX_DRAIN) before the answer, so the client
 * reads a 413 rather than a reset; a client that goes away mid-body resolves 'aborted' (never a rejection: the
 * aborted/error events of a request are part of normal life on a network, not a reason to stop the host).
 */
function readBody(req: http.IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_DRAIN) {
      resolve({ kind: 'tooLarge' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    let done = false;
    const finish = (b: Body) => {
      if (done) return;
      done = true;
      resolve(b);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (!over && size > MAX_BODY) {
        over = true;
        chunks.length = 0;
      }
      if (over) {
        if (size > MAX_DRAIN) finish({ kind: 'tooLarge' });
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => finish(over ? { kind: 'tooLarge' } : { kind: 'ok', bytes: Buffer.concat(chunks) }));
    req.once('error', () => finish({ kind: 'aborted' }));
    req.once('close', () => finish(req.complete ? (over ? { kind: 'tooLarge' } : { kind: 'ok', bytes: Buffer.concat(chunks) }) : { kind: 'aborted' }));
  });
}

export async function startLoopbackHost(opts: LoopbackOptions): Promise<RunningHost> {
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const log = opts.log ?? (() => {});
  let port = 0;

  /** Answers with JSON unless it is too late for an answer (headers gone out, or the client gone). */
  const send = (res: http.ServerResponse, status: number, body: string, extra: Record<string, string> = {}) => {
    if (res.headersSent || res.writableEnded || res.destroyed) return;
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Length': String(Buffer.byteLength(body)),
      ...extra,
    });
    res.end(body);
  };
  const fail = (res: http.ServerResponse, status: number, code: ApiErrorCode, message: string, extra: Record<string, string> = {}) =>
    send(res, status, failureBody(code, message), extra);

  const server = http.createServer((req, res) => {
    // A request's stream errors (a client that went away) are met where its body is read; without a listener here an
    // error emitted before that point would have no handler at all.
    req.on('error', () => {});
    res.on('error', (err) => log(`回应未能送达：${err.message}`));
    serve(req, res).catch((err: unknown) => {
      log(`内部错误：${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (res.headersSent) res.destroy();
      else fail(res, 500, 'INTERNAL', '内部错误，本次请求未完成；详情已写入日志，请告知信息技术人员', { Connection: 'close' });
    });
  });

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A page on another site may resolve its own name to 127.0.0.1 (DNS rebinding): accept only our own Host.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return fail(res, 403, 'FORBIDDEN', '拒绝访问：主机名不正确');
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) return handleApi(req, res, url.slice(5).split(/[?#]/, 1)[0]);
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'FORBIDDEN', '不支持的请求方法', { Allow: 'GET, HEAD' });
    return serveFile(req, res, url);
  }

  async function serveFile(req: http.IncomingMessage, res: http.ServerResponse, url: string): Promise<void> {
    if (!decodes(url.split(/[?#]/, 1)[0])) return fail(res, 400, 'BAD_ARGS', '请求地址无效：百分号编码不正确');
    // A folder falls back to its index.html; a path the system cannot even stat is simply not a folder.
    const isDirectory = (p: string) => {
      try {
        return statSync(p).isDirectory();
      } catch {
        return false;
      }
    };
    const file = resolveRendererFile(opts.rendererDir, url, isDirectory);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) return fail(res, 404, 'NOT_FOUND', '未找到请求的文件');
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...SECURITY_HEADERS, ...rendererResponseHeaders(file), 'Content-Length': String(info.size) });
      res.end();
      return;
    }
    const stream = createReadStream(file);
    res.once('close', () => stream.destroy());
    stream.once('error', (err) => {
      log(`读取文件失败 ${file}：${err.message}`);
      if (res.headersSent) res.destroy();
      else fail(res, 404, 'NOT_FOUND', '未找到请求的文件');
    });
    stream.once('open', () => {
      res.writeHead(200, { ...SECURITY_HEADERS, ...rendererResponseHeaders(file) });
      stream.pipe(res);
    });
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, rawMethod: string): Promise<void> {
    if (req.method !== 'POST') return fail(res, 405, 'FORBIDDEN', '接口只接受 POST 请求', { Allow: 'POST' });
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return fail(res, 403, 'FORBIDDEN', '拒绝来自其他网页的调用');
    }
    const given = Buffer.from(String(req.headers['x-courtdesk-token'] ?? ''));
    if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
      return fail(res, 401, 'FORBIDDEN', '访问令牌无效，请使用启动时显示的地址打开');
    }
    let method: string;
    try {
      method = decodeURIComponent(rawMethod);
    } catch {
      return fail(res, 400, 'UNKNOWN_METHOD', '未知的调用：调用名称的编码不正确');
    }
    // The page always sends JSON; a form or text body is another kind of client, refused before it is read.
    const [type, ...params] = String(req.headers['content-type'] ?? '').toLowerCase().split(';').map((s) => s.trim());
    const charset = params.find((p) => p.startsWith('charset='))?.slice(8).replace(/"/g, '');
    if ((type !== '' && type !== 'application/json') || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
      return fail(res, 415, 'BAD_ARGS', '请求内容应为 UTF-8 编码的 JSON（Content-Type: application/json）');
    }
    const body = await readBody(req);
    if (body.kind === 'aborted') return;
    if (body.kind === 'tooLarge') {
      // Node closes the connection after an answer marked Connection: close; what is left of the body is not read.
      return fail(res, 413, 'BAD_ARGS', `请求内容过大（上限 ${MAX_BODY / 1024 / 1024} MB）`, { Connection: 'close' });
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
    } catch {
      return fail(res, 400, 'BAD_ARGS', '请求内容不是有效的 UTF-8 文本');
    }
    let args: unknown = {};
    if (text.trim() !== '') {
      if (nestsDeeperThan(text, MAX_DEPTH)) return fail(res, 400, 'BAD_ARGS', '请求内容嵌套过深，不是有效的调用参数');
      try {
        args = JSON.parse(text);
      } catch {
        return fail(res, 400, 'BAD_ARGS', '请求内容不是有效的 JSON');
      }
      if (typeof args !== 'object' || args === null || Array.isArray(args)) return fail(res, 400, 'BAD_ARGS', '请求内容应为一个 JSON 对象');
    }
    const { session, ...answer } = await opts.core.call(method, args, { session: cookieValue(req.headers.cookie, SESSION_COOKIE) });
    if (session) {
      res.setHeader(
        'Set-Cookie',
        'set' in session
          ? `${SESSION_COOKIE}=${session.set}; HttpOnly; SameSite=Strict; Path=/api/`
          : `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/api/; Max-Age=0`,
      );
    }
    send(res, 200, JSON.stringify(answer));
  }

  // What Node's HTTP parser refuses (a bad header, headers too large, a timeout) never becomes a request: answered
  // here, in the same JSON, straight on the socket (Node's default would answer a bare 400 without a body).
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable || (socket as Duplex & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const [status, message] =
      err.code === 'HPE_HEADER_OVERFLOW' ? [431, '请求头过大'] as const
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, '请求超时'] as const
          : [400, '请求格式不正确'] as const;
    const body = failureBody('BAD_ARGS', message);
    const head = [
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`,
      ...Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}`),
      'Content-Type: application/json; charset=utf-8',
      'Cache-Control: no-store',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listening, a server error (e.g. too many open files on accept) is logged: it must not end the host.
  server.on('error', (err) => log(`本机服务出错：${err.message}`));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
