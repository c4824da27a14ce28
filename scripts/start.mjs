// npm start: builds, then runs the Electron app, or the loopback host in the local browser when Electron's runtime is absent.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { launchPlan } from './launch.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

/**
 * The Electron executable, or null. Not require('electron'): when the binary is missing, electron@45's index.js
 * starts downloading it (install.js), which on an offline machine hangs or fails instead of answering "absent".
 * This repeats its lookup without the download: path.txt names the executable inside node_modules/electron/dist.
 */
function electronBinary() {
  try {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(pkgDir, 'path.txt');
    const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf-8').trim() : '';
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    if (!executable && !override) return null;
    const full = override ? path.join(override, executable || 'electron') : path.join(pkgDir, 'dist', executable);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

function run({ command, args, env }) {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit', windowsHide: false });
  let closed = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!closed) child.kill(signal);
    });
  }
  child.on('error', (err) => {
    console.error(`无法启动 ${command}：${err.message}`);
    process.exit(1);
  });
  child.on('close', (code, signal) => {
    closed = true;
    // A child stopped by our own forwarded Ctrl+C is a normal end, not a failure.
    if (code === null) process.exit(signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1);
    process.exit(code);
  });
}

const electron = electronBinary();
if (!electron) console.log('未安装 Electron 运行时，改用本机浏览器模式：');
run(launchPlan({ root, electron, args: process.argv.slice(2), env: process.env }));
