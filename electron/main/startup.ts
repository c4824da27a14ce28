// Start-up decision without Electron: which database to open.
import path from 'node:path';

export const DB_FILE_NAME = 'courtdesk.sqlite';

export interface DatabaseChoice {
  dbPath: string;
  /** A newcomer's default database is created as a demo; a path chosen on purpose is opened as it is. */
  demo: boolean;
}

export function chooseDatabase(userDataDir: string, env: Record<string, string | undefined>): DatabaseChoice {
  const override = env.COURTDESK_DB?.trim();
  if (override) return { dbPath: path.resolve(override), demo: false };
  return { dbPath: path.join(userDataDir, DB_FILE_NAME), demo: true };
}
