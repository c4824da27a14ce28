// Electron main process: one instance, the app:// scheme, a hardened window, the core behind one IPC handler per call.
import { app, BrowserWindow, clipboard, dialog, session } from 'electron';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { APP_VERSION, CoreStartError, DEMO_DEFAULTS, defaultDataDir, openCore, type Core } from '../core/api/core';
import { registerAppScheme, serveRenderer } from './protocol';
import { registerApiHandlers } from './ipc';
import { createMainWindow, hardenSession, hardenWebContents } from './window';
import { chooseDatabase, COPY_BUTTON, startupFailureDialog, startupFailureReport } from './startup';

// esbuild bundles this file to dist/electron/main.cjs: the preload sits beside it, the renderer one level up.
const PRELOAD = path.join(__dirname, 'preload.cjs');
const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');

let core: Core | null = null;
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
    core?.close();
    core = null;
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
  try {
    // An installed copy never creates demonstration data by itself: its first start asks for the court and the
    // first administrator. A development checkout (npm start) opens the demo, as the README promises.
    const demo = choice.demo && !app.isPackaged ? DEMO_DEFAULTS : undefined;
    core = openCore({ dbPath: choice.dbPath, host: 'electron', demo, allowSetup: true });
  } catch (err) {
    if (!(err instanceof CoreStartError)) throw err;
    await showStartupFailure(err, choice.dbPath);
    app.quit();
    return;
  }
  registerApiHandlers(core);
  mainWindow = createMainWindow(PRELOAD, { devTools: !app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** Never touches the file: a failed start leaves the court's data exactly as it was. */
async function showStartupFailure(err: CoreStartError, dbPath: string): Promise<void> {
  const options = startupFailureDialog(err, dbPath);
  const report = startupFailureReport(err, dbPath, {
    appVersion: APP_VERSION,
    platform: `${process.platform}-${process.arch}`,
    electron: process.versions.electron,
  });
  process.stderr.write(`${report}\n`);
  // Copying keeps the dialog open, so staff can paste the text somewhere and still read it before quitting.
  for (;;) {
    const { response } = await dialog.showMessageBox(options);
    if (response !== COPY_BUTTON) return;
    clipboard.writeText(report);
  }
}

function fail(err: unknown): void {
  const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`法院质效台启动失败：${message}\n`);
  dialog.showErrorBox('法院质效台无法启动', message);
  app.exit(1);
}
