// What the domains' handlers are bound to in one opened core: the database, its stores, sessions, jobs and options.
import type { Database } from 'better-sqlite3';
import type { CaseStore } from '../cases/caseStore';
import type { CaseQueries } from '../cases/caseQueries';
import type { AccountStore } from '../accounts/accountStore';
import type { Sessions } from '../accounts/sessions';
import type { SettingsStore } from '../settings/settingsStore';
import type { JobRunner } from '../jobs/jobRunner';
import type { BackupCheck } from '../backup/backupCheck';
import type { RestoreView } from '../../../shared/backup/api';

export type HostKind = 'electron' | 'loopback' | 'cli';

/** Replaces the database by a checked backup: only a host that can close and reopen the core offers it. */
export type RestoreFn = (file: string, actor: string, checked: BackupCheck) => Promise<RestoreView>;

export interface CoreServices {
  db: Database;
  /** Absolute path of the database file. */
  dbPath: string;
  host: HostKind;
  /** The calendar day calls count from: fixed by tests and reproducible demos, otherwise the local date at each call. */
  today(): string;
  cases: CaseStore;
  caseQueries: CaseQueries;
  accounts: AccountStore;
  settings: SettingsStore;
  sessions: Sessions;
  jobs: JobRunner;
  restore?: RestoreFn;
  log(line: string): void;
}
