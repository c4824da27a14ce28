// The backup domain's calls: checked copies, the list of copies, restores, and the start-up screen's way back.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { empty, filePath } from '../api/fields';
import type { BackupReasonId } from './backupLabels';

/** A backup file in the database's backups folder (or one the administrator named), before any check. */
export interface BackupView {
  file: string;
  name: string;
  reason: BackupReasonId;
  createdAt: string;
  bytes: number;
  /** Only when the list was asked for with its checks. */
  check?: Omit<BackupCheckView, 'file'>;
}

export interface BackupList {
  /** The backups folder beside the database. */
  dir: string;
  backups: BackupView[];
}

/** What integrity_check and the schema say about a file: ok, or why it cannot be restored. */
export interface BackupCheckView {
  file: string;
  ok: boolean;
  /** Chinese: 完好 when ok, otherwise why the file cannot be restored. */
  message: string;
  schemaVersion: number | null;
  cases: number | null;
  courtCode: string | null;
  courtName: string | null;
}

export interface BackupMade {
  file: string;
  bytes: number;
  cases: number;
  schemaVersion: number;
  createdAt: string;
  reason: BackupReasonId;
}

export interface RestoreView {
  restoredFrom: string;
  cases: number;
  courtCode: string;
  courtName: string;
  /** The copy of the database as it was just before, when it was readable. */
  beforeRestoreBackup: string | null;
  /** Where a damaged database was moved (never deleted). */
  movedAsideTo: string | null;
  /** The backup's schema version; an older one was upgraded (after its own pre-migration copy). */
  schemaVersion: number;
}

/** How the start went: the window shows the reason of a failure, and offers the latest good backup where it helps. */
export interface StartupStatus {
  failed: boolean;
  code: string | null;
  message: string | null;
  dbPath: string;
  /** Offered when the database is damaged and a backup of it passes its check. */
  latestGoodBackup: { file: string; createdAt: string; cases: number | null; reason: BackupReasonId } | null;
}

export const backupApi = defineCalls({
  'backup.list': {
    // checked: each copy's integrity check too (reads every page of every copy: for the command line's --list).
    args: z.object({ checked: z.boolean().default(false) }).strict(),
    access: 'backup.manage',
    result: returns<BackupList>(),
  },
  'backup.check': { args: z.object({ file: filePath }).strict(), access: 'backup.manage', result: returns<BackupCheckView>() },
  'backup.create': { args: z.object({ to: z.string().trim().max(1000).optional() }).strict(), access: 'backup.manage', result: returns<BackupMade>() },
  'backup.restore': { args: z.object({ file: filePath }).strict(), access: 'backup.manage', result: returns<RestoreView>() },
  'startup.status': { args: empty, access: 'public', result: returns<StartupStatus>() },
  'startup.restoreLatest': { args: empty, access: 'public', result: returns<RestoreView>() },
});
