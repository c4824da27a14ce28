// Where the app keeps its data without asking Electron: the user's data folder and the default database in it.
import os from 'node:os';
import path from 'node:path';

/** The user's data folder, as Electron's app.getPath('userData') would give it, without importing Electron. */
export function defaultDataDir(appName = 'CourtDesk'): string {
  if (process.env.COURTDESK_DATA_DIR) return process.env.COURTDESK_DATA_DIR;
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appName);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', appName);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appName);
}

export function defaultDbPath(): string {
  return path.join(defaultDataDir(), 'courtdesk.sqlite');
}
