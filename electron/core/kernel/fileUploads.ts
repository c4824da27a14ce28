// Files the window hands over piece by piece (an import's file, an extension request's letters), kept in an owner-only folder beside the database until used, discarded or abandoned.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { UPLOAD_CHUNK_BYTES, type UploadPieceResult } from '../../../shared/api/uploads';
import { CoreError, InputError } from './errors';

interface Upload {
  file: string;
  actor: string;
  total: number;
  received: number;
  at: number;
}

/** The file's own name, safe on every file system: messages name it, so the person knows which file they mean. */
export function safeFileName(name: string, fallback = '上传文件'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const ext = path.extname(base).toLowerCase();
  const stem = base.slice(0, base.length - ext.length).replace(/[\u0000-\u001f<>:"|?*]+/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 100);
  return `${stem || fallback}${ext}`;
}

export interface FileUploadsOptions {
  /** The folder beside the database; null for an in-memory database, which has none. */
  root: string | null;
  /** Refusal when there is no folder (an in-memory database). */
  noFolder: string;
  /** Name given to a file whose name has nothing usable. */
  fallbackName: string;
  /** An upload nobody touched for this long is removed at the next upload. */
  keepMs: number;
}

/**
 * Uploads by token, each in a folder of its own under `root`. An upload belongs to its uploader: another person's
 * token is answered like an unknown one. Folders left by an earlier run, and uploads idle past keepMs, are swept.
 */
export class FileUploads {
  private uploads = new Map<string, Upload>();

  constructor(private readonly o: FileUploadsOptions) {}

  append(actor: string, a: { upload?: string; name: string; offset: number; total: number; base64: string }): UploadPieceResult {
    const bytes = Buffer.from(a.base64, 'base64');
    if (bytes.length > UPLOAD_CHUNK_BYTES) throw new InputError('上传的文件片段过大', 'base64');
    let token = a.upload;
    let u = token ? this.uploads.get(token) : undefined;
    if (token && (!u || u.actor !== actor)) throw new CoreError('NOT_FOUND', '上传已过期，请重新选择文件');
    if (!u) {
      if (a.offset !== 0) throw new InputError('上传应从文件开头开始', 'offset');
      if (this.o.root === null) throw new CoreError('CONFLICT', this.o.noFolder);
      const root = this.o.root;
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
      u = { file: path.join(dir, safeFileName(a.name, this.o.fallbackName)), actor, total: a.total, received: 0, at: Date.now() };
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
    if (!u || u.actor !== actor || !existsSync(u.file)) throw new CoreError('NOT_FOUND', '上传的文件已过期，请重新选择文件');
    if (u.received !== u.total) throw new InputError('文件尚未上传完整，请重新选择文件', 'upload');
    u.at = Date.now();
    return u.file;
  }

  /** Where an upload is written, complete or not (things written beside it go with it); null for an unknown token. */
  pathOf(token: string): string | null {
    return this.uploads.get(token)?.file ?? null;
  }

  discard(actor: string, token: string): boolean {
    const u = this.uploads.get(token);
    if (!u || u.actor !== actor) return false;
    this.uploads.delete(token);
    rmSync(path.dirname(u.file), { recursive: true, force: true });
    return true;
  }

  /** How many uploads are kept (for tests and the sweep's reckoning). */
  get size(): number {
    return this.uploads.size;
  }

  /** Removes uploads nobody touched for keepMs, and folders of an earlier run (unknown here). */
  private sweep(root: string): void {
    const now = Date.now();
    for (const [token, u] of this.uploads) {
      if (now - u.at > this.o.keepMs) {
        this.uploads.delete(token);
        rmSync(path.dirname(u.file), { recursive: true, force: true });
      }
    }
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
