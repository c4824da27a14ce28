// Serves the built renderer over app://courtdesk, so the UI never runs from file:// and carries our CSP header.
import { protocol, type Session } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, rendererResponseHeaders, resolveRendererPath } from './security';

/** Must run before app 'ready': Chromium fixes the scheme table at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // No corsEnabled: leaving it off keeps app:// unreadable from any other origin.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function errorResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

/**
 * Reads files with fs rather than net.fetch(file://...): the session cancels every file:// request, and fs also
 * reads inside app.asar.
 */
export function serveRenderer(session: Session, rendererRoot: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405, '不支持的请求方法');
    const file = resolveRendererPath(rendererRoot, request.url, isDirectory);
    if (file === null) return errorResponse(403, '禁止访问');
    try {
      const info = await stat(file);
      if (!info.isFile()) return errorResponse(404, '找不到文件');
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
      return new Response(body, { status: 200, headers: rendererResponseHeaders(file) });
    } catch {
      return errorResponse(404, '找不到文件');
    }
  });
}
