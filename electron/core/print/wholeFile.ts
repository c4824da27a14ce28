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
