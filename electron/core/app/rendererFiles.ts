// How the built renderer is served, by Electron's app:// protocol and by the loopback host alike: policy, paths, types.
import path from 'node:path';

// The policy of renderer/index.html's meta tag (less frame-ancestors, which a meta tag cannot carry); sent as a header too because a header
// also covers files the meta tag cannot (e.g. a directly opened asset) and cannot be removed by the page.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Maps the path of a request (query and fragment allowed) to a file inside the renderer folder, or null when it
 * would leave the folder. isDirectory, when given, lets a folder request fall back to its index.html.
 */
export function resolveRendererFile(root: string, requestPath: string, isDirectory?: (absolutePath: string) => boolean): string | null {
  // Not URL parsing: "//etc/passwd" would read as a host. Dot segments, plain or %2e-encoded, are resolved below
  // and anything that lands outside the folder is refused.
  const rawPath = requestPath.split(/[?#]/, 1)[0] || '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  // A NUL byte truncates paths in some native APIs; a backslash is a separator on Windows: neither is a file name.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rootResolved = path.resolve(root);
  let target = path.resolve(rootResolved, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded));
  if (decoded.endsWith('/') || (isDirectory !== undefined && isInside(rootResolved, target) && isDirectory(target))) {
    target = path.join(target, 'index.html');
  }
  return isInside(rootResolved, target) ? target : null;
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  if (relative === '') return true;
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Module scripts are refused unless served with a JavaScript MIME type, so the type must be exact. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export function rendererResponseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}
