// The main process's security decisions as pure functions (no Electron import), so they are unit-tested without launching it.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'courtdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// Same policy as the loopback host and renderer/index.html's meta tag; sent as a header too because a header
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

/** The subset of Electron's WebPreferences we set; window.ts checks it against Electron's own type. */
export interface SecureWebPreferences {
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webviewTag: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
  devTools: boolean;
  preload: string;
}

export function secureWebPreferences(preload: string, options: { devTools?: boolean } = {}): SecureWebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    // The defaults already, spelled out so a later edit that flips one is visible in review and fails the test.
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // A file dropped on the window would otherwise navigate it to file://, away from the app.
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools ?? false,
    preload,
  };
}

/**
 * True when the URL belongs to the app's own origin. Node's URL gives the origin "null" for schemes it does not
 * know, so scheme and host are compared one by one; Chromium lower-cases the host of a standard scheme, so do we.
 */
export function isAppOrigin(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** will-navigate / will-redirect: the window may only ever show the app's own pages. */
export function isAllowedNavigation(url: string): boolean {
  return isAppOrigin(url);
}

/** IPC: only frames showing the app's own pages may call the API (not a stray iframe or an error page). */
export function isAllowedIpcSender(frameUrl: string | null | undefined): boolean {
  return isAppOrigin(frameUrl);
}

// data: stays because the CSP allows data: images (inline content, nothing fetched); devtools: is Chromium's own UI.
const ALLOWED_REQUEST_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:', 'devtools:']);

/** session.webRequest: every request not served by the app itself is cancelled, so no remote content exists. */
export function isAllowedRequest(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return isAppOrigin(url);
  return ALLOWED_REQUEST_SCHEMES.has(parsed.protocol);
}

/**
 * Maps an app:// request to a file inside the renderer folder, or null when it is not ours or would leave the
 * folder. isDirectory, when given, lets a folder request fall back to its index.html.
 */
export function resolveRendererPath(
  root: string,
  requestUrl: string,
  isDirectory?: (absolutePath: string) => boolean,
): string | null {
  if (!isAppOrigin(requestUrl)) return null;
  // pathname excludes query and fragment; URL parsing already folds plain and %2e-encoded dot segments.
  // Node leaves the path of "app://courtdesk" empty where Chromium would send "/".
  const rawPath = new URL(requestUrl).pathname || '/';
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
