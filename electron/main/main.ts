// Electron main process: one instance, the app:// scheme, a hardened window, the core behind one IPC handler per call.
import { app, BrowserWindow, dialog, session } from 'electron';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { DEMO_DEFAULTS } from '../core/app/openCore';
import { defaultDataDir } from '../core/app/dataDir';
import { AppRuntime } from '../core/app/appRuntime';
import { registerAppScheme, serveRenderer } from './protocol';
import { registerApiHandlers } from './ipc';
import { createMainWindow, hardenSession, hardenWebContents } from './window';
import { chooseDatabase } from './startup';

// esbuild bundles this file to dist/electron/main.cjs: the preload sits beside it, the renderer one level up.
const PRELOAD = path.join(__dirname, 'preload.cjs');
const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');

let runtime: AppRuntime | null = null;
let mainWindow: BrowserWindow | null = null;

registerAppScheme();
// Sandbox every renderer, including any that a future change forgets to configure.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one court database is what the lock exists to prevent.
  app.quit();
} else {
  // The same folder the command line and the loopback host use, so all three open the same database.
  app.setPath('userData', defaultDataDir());
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    runtime?.close();
    runtime = null;
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveRenderer(session.defaultSession, RENDERER_ROOT);

  const choice = chooseDatabase(app.getPath('userData'), process.env);
  if (choice.demo && !app.isPackaged && !existsSync(choice.dbPath)) {
    process.stdout.write(`首次启动：正在生成演示数据库 ${choice.dbPath}（${DEMO_DEFAULTS.cases} 件合成案件）…\n`);
  }
  // An installed copy never creates demonstration data by itself: its first start asks for the court and the
  // first administrator. A development checkout (npm start) opens the demo, as the README promises.
  const demo = choice.demo && !app.isPackaged ? DEMO_DEFAULTS : undefined;
  runtime = new AppRuntime({
    dbPath: choice.dbPath, host: 'electron', demo, allowSetup: true,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  // A database that cannot be opened is left untouched; the window says why and, if it is damaged, offers the
  // latest good backup (renderer StartupFailure).
  if (runtime.startupFailure) process.stderr.write(`无法打开数据库：${runtime.startupFailure.message}\n`);
  runtime.startMaintenance();
  registerApiHandlers(runtime);
  mainWindow = createMainWindow(PRELOAD, { devTools: !app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function fail(err: unknown): void {
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`法院质效台启动失败：${detail}\n`);
  // The dialog is read by court staff: a sentence they can act on, not JavaScript's stack (which went to stderr).
  dialog.showErrorBox('法院质效台无法启动', '启动时发生意外错误，程序无法继续。请重新启动；如仍不能启动，请告知信息技术人员。');
  app.exit(1);
}
