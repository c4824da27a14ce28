// The loopback host: serves the built renderer and the one API over HTTP on 127.0.0.1, guarded by a per-start token.
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { ApiResponse } from '../../shared/api/contract';
import { CONTENT_SECURITY_POLICY, rendererResponseHeaders, resolveRendererFile } from '../core/app/rendererFiles';
import type { ApiCaller, SessionDirective } from '../core/kernel/context';

export type { ApiCaller, SessionDirective };

const MAX_BODY = 1024 * 1024;

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

export async function startLoopbackHost(opts: { core: ApiCaller; rendererDir: string; port?: number }): Promise<RunningHost> {
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let port = 0;

  const securityHeaders = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(text);
  };

  const server = http.createServer((req, res) => {
    // A page on another site may resolve its own name to 127.0.0.1 (DNS rebinding): accept only our own Host.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：主机名不正确' } });
      return;
    }
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      void handleApi(req, res, url.slice(5).split('?')[0]);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: '不支持的请求方法' } });
      return;
    }
    const file = resolveRendererFile(opts.rendererDir, url, (p) => existsSync(p) && statSync(p).isDirectory());
    if (!file || !existsSync(file)) {
      res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('未找到');
      return;
    }
    res.writeHead(200, { ...securityHeaders, ...rendererResponseHeaders(file) });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: '接口只接受 POST 请求' } });
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自其他网页的调用' } });
    }
    const given = Buffer.from(String(req.headers['x-courtdesk-token'] ?? ''));
    if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
      return send(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: '访问令牌无效，请使用启动时显示的地址打开' } });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return send(res, 413, { ok: false, error: { code: 'BAD_ARGS', message: '请求内容过大' } });
      chunks.push(chunk as Buffer);
    }
    let args: unknown = {};
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() !== '') {
      try {
        args = JSON.parse(text);
      } catch {
        return send(res, 400, { ok: false, error: { code: 'BAD_ARGS', message: '请求内容不是有效的 JSON' } });
      }
    }
    const { session, ...answer } = await opts.core.call(decodeURIComponent(method), args, { session: cookieValue(req.headers.cookie, SESSION_COOKIE) });
    if (session) {
      res.setHeader(
        'Set-Cookie',
        'set' in session
          ? `${SESSION_COOKIE}=${session.set}; HttpOnly; SameSite=Strict; Path=/api/`
          : `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/api/; Max-Age=0`,
      );
    }
    send(res, 200, answer);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
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
