// Court data and password hashes are readable by the account that runs the app only: the database, its WAL and
// shared-memory files, the open marker and every backup are created owner-only, and an older file is tightened.
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, closeDatabase, openMarkerPath } from '../../electron/core/db/connection';
import { createBackup } from '../../electron/core/backup/backupWrite';
import { backupDirFor } from '../../electron/core/backup/backupNames';
import { freshCourtDb, tempDir } from '../helpers/tempDb';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const mode = (file: string) => statSync(file).mode & 0o777;

describe.runIf(process.platform !== 'win32')('file modes', () => {
  it('creates the database, its WAL and shm files and the open marker owner-only', () => {
    const t = freshCourtDb();
    cleanups.push(() => t.close());
    t.db.prepare("UPDATE settings SET updated_at = 'x' WHERE key = 'demo'").run();
    for (const f of [t.file, `${t.file}-wal`, `${t.file}-shm`, openMarkerPath(t.file)]) expect(mode(f), f).toBe(0o600);
  });

  it('writes every backup owner-only, in an owner-only folder', async () => {
    const t = freshCourtDb();
    cleanups.push(() => t.close());
    const info = await createBackup(t.db, t.file, { reason: 'manual' });
    expect(mode(info.file)).toBe(0o600);
    expect(mode(backupDirFor(t.file))).toBe(0o700);
    const stick = tempDir();
    cleanups.push(stick.cleanup);
    const elsewhere = await createBackup(t.db, t.file, { reason: 'manual', to: stick.dir });
    expect(mode(elsewhere.file)).toBe(0o600);
    expect(readdirSync(stick.dir)).toEqual([path.basename(elsewhere.file)]);
  });

  it('tightens a database file that an older version left readable by everyone', () => {
    const t = freshCourtDb();
    cleanups.push(() => t.close());
    closeDatabase(t.db);
    chmodSync(t.file, 0o644);
    const { db } = openDatabase(t.file);
    expect(mode(t.file)).toBe(0o600);
    closeDatabase(db);
  });
});
