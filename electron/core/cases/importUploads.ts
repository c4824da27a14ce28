// Files the window hands over for import, piece by piece, kept in an owner-only imports folder beside the database until imported or discarded; and the rejected rows an import wrote, handed back once.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { UPLOAD_CHUNK_BYTES, type ImportUploadResult } from '../../../shared/cases/importApi';
import { EXPORT_CHUNK_BYTES } from '../../../shared/cases/exportApi';
import { CoreError, InputError } from '../kernel/errors';
import { readPiece, type FilePiece } from '../kernel/filePieces';

/** The folder of uploaded import files: beside the database, like backups/ and exports/, owner-only. */
export function importsDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'imports');
}

/** An upload nobody touched for this long is gone: a window closed mid-way leaves nothing behind for long. */
const KEEP_MS = 2 * 60 * 60 * 1000;

interface Upload {
  file: string;
  actor: string;
  total: number;
  received: number;
  at: number;
}

/** The file's own name, safe on every file system: messages name it, so the person knows which file they mean. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const ext = path.extname(base).toLowerCase();
  const stem = base.slice(0, base.length - ext.length).replace(/[\u0000-\u001f<>:"|?*]+/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 100);
  return `${stem || '导入文件'}${ext}`;
}

export class ImportUploads {
  private uploads = new Map<string, Upload>();
  private rejected = new Map<string, { file: string; actor: string; at: number }>();

  constructor(private readonly dbPath: string, private readonly inMemory: boolean) {}

  append(actor: string, a: { upload?: string; name: string; offset: number; total: number; base64: string }): ImportUploadResult {
    const bytes = Buffer.from(a.base64, 'base64');
    if (bytes.length > UPLOAD_CHUNK_BYTES) throw new InputError('上传的文件片段过大', 'base64');
    let token = a.upload;
    let u = token ? this.uploads.get(token) : undefined;
    if (token && (!u || u.actor !== actor)) throw new CoreError('NOT_FOUND', '上传已过期，请重新选择文件');
    if (!u) {
      if (a.offset !== 0) throw new InputError('上传应从文件开头开始', 'offset');
      if (this.inMemory) throw new CoreError('CONFLICT', '内存数据库没有导入文件夹，请用命令行导入');
      const root = importsDir(this.dbPath);
      mkdirSync(root, { recursive: true, mode: 0o700 });
      try {
        chmodSync(root, 0o700);
      } catch {
        // A folder without modes (FAT) or owned by someone else: the upload still works.
      }
      this.sweep(root);
      token = randomBytes(16).toString('hex');
      const dir = path.join(root, token);
      mkdirSync(dir, { mode: 0o700 });
      u = { file: path.join(dir, safeFileName(a.name)), actor, total: a.total, received: 0, at: Date.now() };
      writeFileSync(u.file, '', { mode: 0o600, flag: 'wx' });
      this.uploads.set(token, u);
    }
    if (a.total !== u.total) throw new InputError('文件在上传过程中变了大小，请重新选择文件', 'total');
    if (a.offset !== u.received) throw new InputError(`上传片段的位置不对（应从第 ${u.received} 字节开始），请重新选择文件`, 'offset');
    if (u.received + bytes.length > u.total) throw new InputError('上传的内容超过了文件大小，请重新选择文件', 'base64');
    appendFileSync(u.file, bytes);
    u.received += bytes.length;
    u.at = Date.now();
    return { upload: token!, received: u.received };
  }

  /** The uploaded file, once every byte has arrived; only for the person who uploaded it. */
  file(actor: string, token: string): string {
    const u = this.uploads.get(token);
    // Another person's token is answered like an unknown one: it tells nothing.
    if (!u || u.actor !== actor || !existsSync(u.file)) throw new CoreError('NOT_FOUND', '上传的文件已过期，请重新选择文件');
    if (u.received !== u.total) throw new InputError('文件尚未上传完整，请重新选择文件', 'upload');
    u.at = Date.now();
    return u.file;
  }

  /** Where an import of the upload writes its rejected rows: beside it, removed with it. */
  rejectedFileFor(token: string): string {
    const u = this.uploads.get(token)!;
    return path.join(path.dirname(u.file), `${path.basename(u.file, path.extname(u.file))}-被拒绝的行.xlsx`);
  }

  discard(actor: string, token: string): boolean {
    const u = this.uploads.get(token);
    if (!u || u.actor !== actor) return false;
    this.uploads.delete(token);
    for (const [t, r] of this.rejected) if (path.dirname(r.file) === path.dirname(u.file)) this.rejected.delete(t);
    rmSync(path.dirname(u.file), { recursive: true, force: true });
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

  /** Removes uploads nobody touched for two hours, and folders of an earlier run (unknown here). */
  private sweep(root: string): void {
    const now = Date.now();
    for (const [token, u] of this.uploads) {
      if (now - u.at > KEEP_MS) {
        this.uploads.delete(token);
        rmSync(path.dirname(u.file), { recursive: true, force: true });
      }
    }
    for (const [token, r] of this.rejected) if (now - r.at > KEEP_MS) this.rejected.delete(token);
    for (const name of readdirSync(root)) {
      if (this.uploads.has(name)) continue;
      try {
        rmSync(path.join(root, name), { recursive: true, force: true });
      } catch {
        // Locked (Windows) or already gone: the next sweep takes it.
      }
    }
  }
}
