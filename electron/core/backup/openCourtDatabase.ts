// Opens the court's database as the app and the command line do: a copy before any upgrade, a backup named when it is damaged.
import type { Database } from 'better-sqlite3';
import { renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type OpenOptions, type OpenedDatabase } from '../db/connection';
import { DbOpenError, forPeople, missingDatabaseError } from '../db/errors';
import { DEFAULT_KEEP, backupDirFor, nextBackupTarget, rotateBackups } from './backupNames';
import { createOwnerOnly, fsyncDir, fsyncFile, ownerOnlyFolder } from './backupWrite';
import { withBackupHint } from './latestGoodBackup';
import { recordAnchor } from '../audit/anchors';

export interface CourtOpenOptions extends Omit<OpenOptions, 'beforeMigrate'> {
  /** Where the pre-migration copy goes; defaults to the backups folder beside the database. */
  backupDir?: string;
}

/**
 * openDatabase, with a 'before-migration' backup taken before an existing file is upgraded, and the newest backup
 * that passes its check named in the error when the file is damaged (CORRUPT, NOT_A_DATABASE).
 */
export function openCourtDatabase(file: string, options: CourtOpenOptions = {}): OpenedDatabase {
  const { backupDir, ...open } = options;
  // An empty file is there, with nothing in it: not "missing", and what to do about it differs (db/errors.ts).
  if (!open.create && isEmptyFile(file)) throw missingDatabaseError(file);
  try {
    return openDatabase(file, { ...open, beforeMigrate: (db, dbFile) => backupBeforeMigration(db, dbFile, backupDir) });
  } catch (err) {
    // Whatever sentence the open built, a person reads it without SQLite's own words (those stay in `detail`).
    throw err instanceof DbOpenError ? withBackupHint(forPeople(err)) : err;
  }
}

function isEmptyFile(file: string): boolean {
  try {
    return statSync(file).size === 0;
  } catch {
    return false;
  }
}

/**
 * Synchronous, because openDatabase is: VACUUM INTO is SQLite's own consistent copy in one statement, whereas the
 * backup API (createBackup) steps across the event loop and returns a promise. Same names, folder and rotation.
 * VACUUM INTO reads every table through SQLite, so a damaged source fails here, before any migration runs.
 */
function backupBeforeMigration(db: Database, file: string, dir?: string): string {
  const defaultDir = backupDirFor(file);
  const backupDir = dir ?? defaultDir;
  ownerOnlyFolder(backupDir);
  const target = nextBackupTarget(backupDir, file, 'before-migration', new Date());
  const part = `${target}.part`;
  try {
    createOwnerOnly(part);
    db.prepare('VACUUM INTO ?').run(part);
    fsyncFile(part);
    renameSync(part, target);
    fsyncDir(backupDir);
  } catch (err) {
    rmSync(part, { force: true });
    throw err;
  }
  recordAnchor(file, 'backup', target);
  if (path.resolve(backupDir) === defaultDir) rotateBackups(file, 'before-migration', DEFAULT_KEEP['before-migration'], [target]);
  return target;
}
