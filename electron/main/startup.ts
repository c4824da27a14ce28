// Start-up decision without Electron: which database to open.
import path from 'node:path';

export const DB_FILE_NAME = 'courtdesk.sqlite';

export interface DatabaseChoice {
  dbPath: string;
  /**
   * A newcomer's default database is created as a demo; a path chosen on purpose is opened as it is, unless
   * COURTDESK_DEMO=1 asks for a demo there (`npm start -- --db PATH --demo`, scripts/launch.mjs). Either way a demo
   * is only ever created where no file exists yet.
   */
  demo: boolean;
}

export function chooseDatabase(userDataDir: string, env: Record<string, string | undefined>): DatabaseChoice {
  const override = env.COURTDESK_DB?.trim();
  if (override) return { dbPath: path.resolve(override), demo: env.COURTDESK_DEMO === '1' };
  return { dbPath: path.join(userDataDir, DB_FILE_NAME), demo: true };
}
