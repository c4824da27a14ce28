// Files the window hands over for import (kept by the kernel's FileUploads in an owner-only imports folder beside the database until imported or discarded); and the rejected rows an import wrote, handed back once.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { ImportUploadResult } from '../../../shared/cases/importApi';
import { EXPORT_CHUNK_BYTES } from '../../../shared/cases/exportApi';
import { CoreError } from '../kernel/errors';
import { readPiece, type FilePiece } from '../kernel/filePieces';
import { FileUploads } from '../kernel/fileUploads';

/** The folder of uploaded import files: beside the database, like backups/ and exports/, owner-only. */
export function importsDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'imports');
}

/** An upload nobody touched for this long is gone: a window closed mid-way leaves nothing behind for long. */
const KEEP_MS = 2 * 60 * 60 * 1000;

export class ImportUploads {
  private files: FileUploads;
  private rejected = new Map<string, { file: string; actor: string; at: number }>();

  constructor(dbPath: string, inMemory: boolean) {
    this.files = new FileUploads({ root: inMemory ? null : importsDir(dbPath), noFolder: '内存数据库没有导入文件夹，请用命令行导入', fallbackName: '导入文件', keepMs: KEEP_MS });
  }

  append(actor: string, a: { upload?: string; name: string; offset: number; total: number; base64: string }): ImportUploadResult {
    if (a.upload === undefined) this.sweepRejected();
    return this.files.append(actor, a);
  }

  /** The uploaded file, once every byte has arrived; only for the person who uploaded it. */
  file(actor: string, token: string): string {
    return this.files.file(actor, token);
  }

  /** Where an import of the upload writes its rejected rows: beside it, removed with it. */
  rejectedFileFor(token: string): string {
    const file = this.files.pathOf(token)!;
    return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}-被拒绝的行.xlsx`);
  }

  discard(actor: string, token: string): boolean {
    const file = this.files.pathOf(token);
    if (!this.files.discard(actor, token)) return false;
    for (const [t, r] of this.rejected) if (file !== null && path.dirname(r.file) === path.dirname(file)) this.rejected.delete(t);
    return true;
  }

  /** A one-time token for the window to fetch the rejected rows with. */
  offerRejected(actor: string, file: string): string {
    const token = randomBytes(16).toString('hex');
    this.rejected.set(token, { file, actor, at: Date.now() });
    return token;
  }

  fetchRejected(actor: string, token: string, offset: number): FilePiece {
    const r = this.rejected.get(token);
    if (!r || r.actor !== actor || !existsSync(r.file)) throw new CoreError('NOT_FOUND', '被拒绝行的文件已经取走或已过期，请重新导入');
    const piece = readPiece(r.file, offset, EXPORT_CHUNK_BYTES);
    if (piece.next >= piece.total) this.rejected.delete(token);
    else r.at = Date.now();
    return piece;
  }

  private sweepRejected(): void {
    const now = Date.now();
    for (const [token, r] of this.rejected) if (now - r.at > KEEP_MS) this.rejected.delete(token);
  }
}
