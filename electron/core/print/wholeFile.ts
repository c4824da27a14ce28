// Writing a file whole or not at all: the bytes go to FILE.part (owner-only: printed forms hold party names), are synced, and only then take the file's name.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/** Writes bytes to file; on any failure the part is removed and nothing carries the file's name. */
export function writeFileWhole(file: string, bytes: Buffer): void {
  const part = `${file}.part`;
  let fd: number | null = null;
  try {
    fd = openSync(part, 'w', 0o600);
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(part, file);
  } catch (err) {
    if (fd !== null) closeSync(fd);
    rmSync(part, { force: true });
    throw err;
  }
}

/** Why a file could not be written, in Chinese, from the system's error code (a name too long is not a full disk). */
export function writeFailureText(err: unknown): string {
  const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : '';
  switch (code) {
    case 'ENAMETOOLONG':
      return '文件名过长';
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘已满';
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限';
    case 'EROFS':
      return '磁盘是只读的';
    case 'ENOENT':
    case 'ENOTDIR':
      return '文件夹不存在（U 盘是否已拔出？）';
    case 'EISDIR':
      return '同名的文件夹已存在';
    default:
      return '没有写入权限、磁盘已满或 U 盘已拔出';
  }
}
