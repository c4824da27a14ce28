// The main process's security decisions as pure functions (no Electron import), so they are unit-tested without launching it.
import { CONTENT_SECURITY_POLICY, resolveRendererFile, mimeTypeFor, rendererResponseHeaders } from '../core/app/rendererFiles';

export { CONTENT_SECURITY_POLICY, mimeTypeFor, rendererResponseHeaders };

export const APP_SCHEME = 'app';
export const APP_HOST = 'courtdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

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
  // A blob: address names the origin that made it: the app's own exports (audit CSV) are files it built in memory.
  if (parsed.protocol === 'blob:') return isAppOrigin(parsed.pathname);
  return ALLOWED_REQUEST_SCHEMES.has(parsed.protocol);
}

/**
 * Permission requests and checks: everything is refused except writing text to the clipboard, which the start-up
 * failure screen uses to hand its report to IT staff. Reading the clipboard stays refused.
 */
export function isAllowedPermission(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}

/** Maps an app:// request to a file inside the renderer folder, or null when it is not ours or would leave the folder. */
export function resolveRendererPath(root: string, requestUrl: string, isDirectory?: (absolutePath: string) => boolean): string | null {
  if (!isAppOrigin(requestUrl)) return null;
  // Node leaves the path of "app://courtdesk" empty where Chromium would send "/".
  return resolveRendererFile(root, new URL(requestUrl).pathname || '/', isDirectory);
}
