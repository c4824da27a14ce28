// Table-driven tests of the main process's pure security decisions, the IPC guard, the preload's shape and the import boundaries.
import { describe, expect, it, vi } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedIpcSender,
  isAllowedNavigation,
  isAllowedRequest,
  isAllowedPermission,
  mimeTypeFor,
  rendererResponseHeaders,
  resolveRendererPath,
  secureWebPreferences,
} from '../../electron/main/security';
import { FORBIDDEN_SENDER, guardedCall,
  WindowSessions, ipcChannels } from '../../electron/main/ipcGuard';
import { chooseDatabase } from '../../electron/main/startup';
import { API_METHODS } from '../../shared/api/methods';

const repo = path.resolve(__dirname, '..', '..');
const ROOT = path.resolve('/srv/courtdesk/dist/renderer');
const inRoot = (...p: string[]) => path.join(ROOT, ...p);

describe('navigation', () => {
  it.each([
    ['app://courtdesk/index.html', true],
    ['app://courtdesk/', true],
    ['app://courtdesk/index.html#/cases?x=1', true],
    ['app://COURTDESK/index.html', true],
    ['https://example.com', false],
    ['http://127.0.0.1:5173/', false],
    ['file:///etc/passwd', false],
    ['app://evil/', false],
    ['app://courtdesk.evil/', false],
    ['app://courtdesk:8080/', false],
    ['app://user@courtdesk/', false],
    ['app:courtdesk/index.html', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>1</script>', false],
    ['about:blank', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed);
  });
});

describe('IPC sender', () => {
  it.each([
    ['app://courtdesk/index.html', true],
    ['app://courtdesk/index.html#/dashboard', true],
    ['app://evil/index.html', false],
    ['https://courtdesk/index.html', false],
    ['file:///work/dist/renderer/index.html', false],
    ['about:blank', false],
    ['', false],
    [null, false],
    [undefined, false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedIpcSender(url)).toBe(allowed);
  });
});

describe('outgoing requests', () => {
  it.each([
    ['app://courtdesk/assets/index-abc.js', true],
    ['data:image/png;base64,AAAA', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['app://evil/x.js', false],
    ['https://example.com/x.js', false],
    ['http://localhost/', false],
    ['ws://127.0.0.1:9229/', false],
    ['wss://example.com/', false],
    ['file:///etc/passwd', false],
    ['ftp://example.com/', false],
    ['blob:app://courtdesk/0b4a6c1e-8f1d-4c1e-9d5b-2f0e6a7c9d11', true],
    ['blob:app://evil/1234', false],
    ['blob:https://example.com/1234', false],
    ['blob:null/1234', false],
    ['chrome-extension://abc/x.js', false],
    ['nonsense', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedRequest(url)).toBe(allowed);
  });
});

describe('permissions', () => {
  // Writing the start-up error to the clipboard is the only one: camera, notifications, reading the clipboard … stay off.
  it.each([
    ['clipboard-sanitized-write', true],
    ['clipboard-read', false],
    ['media', false],
    ['notifications', false],
    ['geolocation', false],
    ['openExternal', false],
    ['fileSystem', false],
  ])('%s → %s', (permission, allowed) => {
    expect(isAllowedPermission(permission)).toBe(allowed);
  });
});

describe('renderer path resolution', () => {
  const dirs = new Set([inRoot('assets')]);
  const isDirectory = (p: string) => dirs.has(p);
  it.each<[string, string | null]>([
    ['app://courtdesk/index.html', inRoot('index.html')],
    ['app://courtdesk/assets/index-abc.js', inRoot('assets', 'index-abc.js')],
    ['app://courtdesk/', inRoot('index.html')],
    ['app://courtdesk', inRoot('index.html')],
    ['app://courtdesk/assets/', inRoot('assets', 'index.html')],
    ['app://courtdesk/assets', inRoot('assets', 'index.html')],
    ['app://courtdesk/index.html?x=1', inRoot('index.html')],
    ['app://courtdesk/index.html?../../etc/passwd', inRoot('index.html')],
    ['app://courtdesk/index.html#/cases/1', inRoot('index.html')],
    ['app://courtdesk/fonts/%E5%AE%8B%E4%BD%93.woff2', inRoot('fonts', '宋体.woff2')],
    // URL parsing folds dot segments, plain or %2e-encoded, so they stay inside the root...
    ['app://courtdesk/../../etc/passwd', inRoot('etc', 'passwd')],
    ['app://courtdesk/%2e%2e/%2e%2e/etc/passwd', inRoot('etc', 'passwd')],
    ['app://courtdesk/assets/%2E%2E/index.html', inRoot('index.html')],
    // ...an encoded slash survives parsing and is caught by the containment check.
    ['app://courtdesk/%2e%2e%2f%2e%2e%2fetc%2fpasswd', null],
    ['app://courtdesk/..%2f..%2fetc/passwd', null],
    ['app://courtdesk/assets/..%2F..%2F..%2Fsecret', null],
    ['app://courtdesk/%2e%2e%5c%2e%2e%5cwindows', null],
    ['app://courtdesk/..%5C..%5Cwindows', null],
    // Absolute paths are read relative to the root, never as themselves.
    ['app://courtdesk//etc/passwd', inRoot('etc', 'passwd')],
    ['app://courtdesk/%2Fetc%2Fpasswd', inRoot('etc', 'passwd')],
    ['app://courtdesk/index.html%00.png', null],
    ['app://courtdesk/%E0%A4%A', null],
    ['app://evil/index.html', null],
    ['https://courtdesk/index.html', null],
    ['file:///etc/passwd', null],
  ])('%s → %s', (url, expected) => {
    const resolved = resolveRendererPath(ROOT, url, isDirectory);
    expect(resolved).toBe(expected);
    if (resolved !== null) expect(path.relative(ROOT, resolved).startsWith('..')).toBe(false);
  });

  it('does not look at the file system unless asked to', () => {
    expect(resolveRendererPath(ROOT, 'app://courtdesk/assets')).toBe(inRoot('assets'));
  });

  it('never asks about a directory outside the root', () => {
    const probe = vi.fn(() => true);
    resolveRendererPath(ROOT, 'app://courtdesk/%2e%2e%2foutside', probe);
    for (const [p] of probe.mock.calls as unknown as [string][]) expect(path.relative(ROOT, p).startsWith('..')).toBe(false);
  });
});

describe('responses', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.CSS', 'text/css; charset=utf-8'],
    ['assets/index-abc.js.map', 'application/json; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['unknown.bin', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
  ])('%s is served as %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });

  it('carries the CSP and nosniff on every file', () => {
    const headers = rendererResponseHeaders('index.html');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('content security policy', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('has no unsafe-* source, no wildcard and no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|blob:/);
  });

  it('agrees with the meta tag of the renderer\'s index.html', () => {
    const html = readFileSync(path.join(repo, 'renderer', 'index.html'), 'utf-8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d] as const));
    const header = directives(CONTENT_SECURITY_POLICY);
    const page = directives(meta![1]);
    for (const [name, directive] of page) expect(header.get(name)).toBe(directive);
    // Browsers ignore these in a <meta> policy, so only the header can carry them.
    const headerOnly = [...header.keys()].filter((name) => !page.has(name));
    for (const name of headerOnly) expect(['frame-ancestors', 'report-uri', 'sandbox']).toContain(name);
  });
});

describe('web preferences', () => {
  const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
    ['devTools', false],
    ['preload', '/app/dist/electron/preload.cjs'],
  ] as const)('%s is %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('opens developer tools only when asked (unpackaged runs)', () => {
    expect(secureWebPreferences('p', { devTools: true }).devTools).toBe(true);
  });
});

describe('IPC guard', () => {
  const ok = { ok: true as const, value: 42 };

  it('registers exactly one channel per API call and nothing else', () => {
    expect(ipcChannels()).toEqual(API_METHODS.map((m) => `api:${m}`));
    expect(new Set(ipcChannels()).size).toBe(API_METHODS.length);
  });

  it('passes calls from the app to the core unchanged', async () => {
    const call = vi.fn(async () => ok);
    await expect(guardedCall({ call }, 'cases.count', 'app://courtdesk/index.html', { status: 'open' })).resolves.toEqual(ok);
    expect(call).toHaveBeenCalledWith('cases.count', { status: 'open' }, { session: undefined });
  });

  it("keeps each window's session in the main process and never hands the token to the page", async () => {
    const sessions = new WindowSessions();
    const call = vi.fn(async (method: string) => (method === 'auth.signIn' ? { ...ok, session: { set: 'secret-token' } } : method === 'auth.signOut' ? { ...ok, session: { clear: true as const } } : ok));
    const answer = await guardedCall({ call }, 'auth.signIn', 'app://courtdesk/index.html', {}, { id: 7, sessions });
    expect(answer).toEqual(ok);
    expect(sessions.get(7)).toBe('secret-token');
    expect(sessions.get(8)).toBeUndefined();
    await guardedCall({ call }, 'cases.count', 'app://courtdesk/index.html', {}, { id: 7, sessions });
    expect(call).toHaveBeenLastCalledWith('cases.count', {}, { session: 'secret-token' });
    await guardedCall({ call }, 'auth.signOut', 'app://courtdesk/index.html', {}, { id: 7, sessions });
    expect(sessions.get(7)).toBeUndefined();
  });

  it.each(['https://example.com/', 'app://evil/index.html', 'file:///x/index.html', '', null, undefined])(
    'refuses a call from %s without reaching the core',
    async (url) => {
      const call = vi.fn(async () => ok);
      await expect(guardedCall({ call }, 'app.info', url, {})).resolves.toEqual(FORBIDDEN_SENDER);
      expect(FORBIDDEN_SENDER).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的调用' } });
      expect(call).not.toHaveBeenCalled();
    },
  );

  it('turns a core that throws into an INTERNAL answer', async () => {
    const call = vi.fn(async () => {
      throw new Error('boom');
    });
    const res = await guardedCall({ call }, 'app.info', 'app://courtdesk/index.html', {});
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('INTERNAL');
  });
});

describe('start-up', () => {
  it('opens the demo database in the user data folder by default', () => {
    expect(chooseDatabase('/home/u/.config/CourtDesk', {})).toEqual({
      dbPath: path.join('/home/u/.config/CourtDesk', 'courtdesk.sqlite'),
      demo: true,
    });
  });

  it('opens COURTDESK_DB as it is, never as a demo', () => {
    expect(chooseDatabase('/ignored', { COURTDESK_DB: '/data/court.sqlite' })).toEqual({ dbPath: path.resolve('/data/court.sqlite'), demo: false });
    expect(chooseDatabase('/u', { COURTDESK_DB: '  ' }).demo).toBe(true);
  });
});

/** Source text without comments, so a comment that mentions a forbidden call does not fail the scan. */
function code(file: string): string {
  return readFileSync(file, 'utf-8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('preload', () => {
  const source = code(path.join(repo, 'electron', 'main', 'preload.ts'));

  it('exposes one object, only through contextBridge.exposeInMainWorld', () => {
    expect(source.match(/contextBridge\.\w+/g)).toEqual(['contextBridge.exposeInMainWorld']);
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toMatch(/exposeInMainWorld\(\s*'courtdesk'/);
  });

  it('uses ipcRenderer only to invoke, on the api: channels', () => {
    expect(source.match(/ipcRenderer\.\w+/g)).toEqual(['ipcRenderer.invoke']);
    expect(source).toMatch(/ipcRenderer\.invoke\(\s*'api:'\s*\+\s*name\s*,\s*args\s*\)/);
    expect(source).not.toMatch(/\b(send|sendSync|sendTo|sendToHost|on|once|addListener|postMessage)\s*\(/);
    // Handing out ipcRenderer itself would give the page every channel.
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('imports only electron and the list of call names', () => {
    const imports = [...source.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['../../shared/api/methods', 'electron']);
  });
});

const SOURCE_EXT = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;
function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return SOURCE_EXT.test(name) ? [full] : [];
  });
}

function importedModules(file: string): string[] {
  const text = code(file);
  const specs = [
    ...text.matchAll(/\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/g),
    ...text.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return specs.map((m) => m[1]);
}

const isElectron = (spec: string) => spec === 'electron' || spec.startsWith('electron/');
const NODE_BUILTINS = new Set(builtinModules);
const isNodeModule = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);

describe('process boundaries', () => {
  const electronFree = ['shared', 'renderer', 'electron/core', 'electron/cli', 'electron/host'];

  it('the import scanner sees every form of import', () => {
    const probe = [
      "import { app } from 'electron';",
      'import type { WebContents } from "electron";',
      "export { x } from 'electron/main';",
      "const e = require('electron');",
      "const m = await import('electron');",
      "import 'node:fs';",
    ].join('\n');
    const specs = [...probe.matchAll(/\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/g), ...probe.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
    expect(specs.filter(isElectron)).toHaveLength(5);
    expect(specs.filter(isNodeModule)).toEqual(['node:fs']);
  });

  it.each(electronFree)('%s never imports electron', (dir) => {
    const offenders = sourceFiles(path.join(repo, dir))
      .filter((f) => importedModules(f).some(isElectron))
      .map((f) => path.relative(repo, f));
    expect(offenders).toEqual([]);
  });

  it('shared/ never imports Node modules', () => {
    const offenders = sourceFiles(path.join(repo, 'shared')).flatMap((f) =>
      importedModules(f).filter(isNodeModule).map((spec) => `${path.relative(repo, f)}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('in electron/main only the files that create windows, serve app:// or register IPC import electron', () => {
    const importing = sourceFiles(path.join(repo, 'electron', 'main'))
      .filter((f) => importedModules(f).some(isElectron))
      .map((f) => path.basename(f))
      .sort();
    expect(importing).toEqual(['ipc.ts', 'main.ts', 'preload.ts', 'protocol.ts', 'window.ts']);
  });
});
