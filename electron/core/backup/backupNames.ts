// Backup names and rotation: one folder beside the database, names that carry time and reason, listing, keep counts.
import fs from 'node:fs';
import path from 'node:path';
import { checkBackup, type BackupCheck } from './backupCheck';

export const BACKUP_REASONS = ['manual', 'daily', 'before-import', 'before-restore', 'before-migration'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/**
 * How many backups of each reason the backups folder keeps; null keeps all (a manual backup is the user's decision).
 * Each reason is a pool of its own: a rotation counts and deletes only copies whose name carries its reason
 * (rotateBackups), so however many imports run, their 'before-import' copies can only push out older
 * 'before-import' copies, never a daily, manual or pre-migration one. And an import makes a copy only when it will
 * change something (importCases.ts), so re-importing an unchanged file does not push out the copies of real imports.
 */
export type KeepCounts = Record<BackupReason, number | null>;
export const DEFAULT_KEEP: Readonly<KeepCounts> = {
  manual: null,
  daily: 14,
  'before-import': 10,
  'before-migration': 5,
  'before-restore': 5,
};

export interface BackupEntry {
  file: string;
  name: string;
  reason: BackupReason;
  createdAt: string;
  bytes: number;
  /** Runs integrity_check on first call (seconds on a large file), then remembers the answer. */
  check(): BackupCheck;
}

// Names: <db name>-YYYYMMDD-HHMMSS[-n]-<reason>.sqlite in local time, so a clerk reads the date off the file name.

/** One folder beside the database for every kind of backup, the pre-migration copies included. */
export function backupDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

function baseNameOf(dbPath: string): string {
  return path.basename(dbPath, path.extname(dbPath));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function backupStamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

/** Local date and time for messages, e.g. 2026-11-23 16:45:01. */
export function formatLocalTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface ParsedName {
  reason: BackupReason;
  createdAt: Date;
  counter: number;
}

function nameParser(dbPath: string): (name: string) => ParsedName | null {
  const base = escapeRe(baseNameOf(dbPath));
  const current = new RegExp(`^${base}-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})(?:-(\\d+))?-(${BACKUP_REASONS.join('|')})\\.sqlite$`);
  // Copies written by the first release before an upgrade: NAME-v1-before-upgrade-2026-11-23T08-45-01-123Z.sqlite.
  const legacy = new RegExp(`^${base}-v\\d+-before-upgrade-(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z\\.sqlite$`);
  return (name) => {
    const m = current.exec(name);
    if (m) {
      const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
      return { reason: m[8] as BackupReason, createdAt: new Date(y, mo - 1, d, h, mi, s), counter: m[7] ? Number(m[7]) : 1 };
    }
    const l = legacy.exec(name);
    if (l) {
      const [y, mo, d, h, mi, s, ms] = l.slice(1, 8).map(Number);
      return { reason: 'before-migration', createdAt: new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms)), counter: 1 };
    }
    return null;
  };
}

/** A free name in dir: a second backup within the same second gets -2, -3, … (also past a .part in progress). */
export function nextBackupTarget(dir: string, dbPath: string, reason: BackupReason, now: Date): string {
  const stamp = backupStamp(now);
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${baseNameOf(dbPath)}-${stamp}${n > 1 ? `-${n}` : ''}-${reason}.sqlite`);
    if (!fs.existsSync(file) && !fs.existsSync(`${file}.part`)) return file;
  }
}

/** Backups of this database in its backups folder, newest first; files that do not follow the naming are ignored. */
export function listBackups(dbPath: string, dir: string = backupDirFor(dbPath)): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const parse = nameParser(dbPath);
  const found: Array<BackupEntry & { at: number; counter: number; mtime: number }> = [];
  for (const name of names) {
    const p = parse(name);
    if (!p) continue;
    const file = path.join(dir, name);
    let bytes: number;
    let mtime: number;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) continue;
      bytes = st.size;
      mtime = st.mtimeMs;
    } catch {
      continue;
    }
    let memo: BackupCheck | null = null;
    found.push({
      file, name, reason: p.reason, createdAt: p.createdAt.toISOString(), bytes, at: p.createdAt.getTime(), counter: p.counter, mtime,
      check: () => (memo ??= checkBackup(file)),
    });
  }
  // Names have whole seconds: two backups of different reasons in one second are told apart by when they were written.
  found.sort((a, b) => b.at - a.at || b.mtime - a.mtime || b.counter - a.counter);
  return found.map(({ at: _at, counter: _counter, mtime: _mtime, ...entry }) => entry);
}

/**
 * Deletes the oldest backups of one reason beyond the number kept, in the backups folder only. Also removes `.part`
 * files older than a day: they are copies that a crash or a pulled stick interrupted, never court data.
 */
export function rotateBackups(dbPath: string, reason: BackupReason, keep: number | null, protect: string[] = []): string[] {
  const deleted: string[] = [];
  const dir = backupDirFor(dbPath);
  if (keep !== null) {
    const kept = new Set(protect.map((p) => path.resolve(p)));
    // Only this reason's pool is counted and pruned (see KeepCounts): other reasons' copies are not even candidates.
    const ofReason = listBackups(dbPath, dir).filter((e) => e.reason === reason);
    for (const e of ofReason.slice(Math.max(0, keep))) {
      if (kept.has(path.resolve(e.file))) continue;
      try {
        fs.rmSync(e.file);
        deleted.push(e.file);
      } catch {
        // A backup another program holds open stays until the next rotation.
      }
    }
  }
  const parse = nameParser(dbPath);
  const dayAgo = Date.now() - 24 * 3600_000;
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    // No folder, nothing to rotate.
  }
  for (const name of names) {
    if (!name.endsWith('.sqlite.part') || !parse(name.slice(0, -'.part'.length))) continue;
    const file = path.join(dir, name);
    try {
      if (fs.statSync(file).mtimeMs < dayAgo) fs.rmSync(file);
    } catch {
      // Best effort.
    }
  }
  return deleted;
}
