// Handlers of the list exports (shared/cases/exportApi.ts): a case list or the 审限核对 list, each written by a long job
// (cases/caseExportJob.ts, cases/reconciliationXlsx.ts)
// either where the command line says, or into the exports folder beside the database, from where the window fetches
// it once (its bytes over the API in pieces, made a blob: download by the page: no new address, no file served by path).
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { caseExportApi, EXPORT_CHUNK_BYTES } from '../../../shared/cases/exportApi';
import { createDomain } from '../kernel/domain';
import { readPiece } from '../kernel/filePieces';
import { CoreError, InputError } from '../kernel/errors';
import { auditAppender } from '../audit/auditLog';
import type { AuditAction } from '../../../shared/audit/actions';
import type { CoreServices } from '../app/services';

/** The folder of exports waiting to be fetched: beside the database, like backups/, owner-only. */
export function exportsDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'exports');
}

/** How long a written export waits for its download before it is deleted. */
const FETCH_WITHIN_MS = 60 * 60 * 1000;

export const caseExportDomain = createDomain('caseExport', caseExportApi, (s: CoreServices) => {
  const waiting = new Map<string, { file: string; actor: string; at: number }>();

  /** Removes exports nobody fetched: those of an earlier run (unknown here) and those older than an hour. */
  /** The file names of exports still being written, which a sweep leaves alone. */
  const running = new Set<string>();

  function sweep(dir: string): void {
    if (!existsSync(dir)) return;
    const now = Date.now();
    for (const [token, w] of waiting) {
      if (now - w.at > FETCH_WITHIN_MS) {
        rmSync(w.file, { force: true });
        waiting.delete(token);
      }
    }
    const known = new Set([...waiting.values()].map((w) => path.basename(w.file)));
    for (const name of readdirSync(dir)) {
      // A file being written by an export still running is not left over; a file another program holds is tried later.
      if (known.has(name) || running.has(name.replace(/\.part$/, ''))) continue;
      try {
        rmSync(path.join(dir, name), { force: true });
      } catch {
        // Locked (Windows) or already gone: the next sweep takes it.
      }
    }
  }

  /** Where an export goes: the command line's file (checked), or a new file in the exports folder with its fetch token. */
  function target(out: string | undefined): { file: string; token: string | null } {
    if (out !== undefined) {
      if (!path.isAbsolute(out)) throw new InputError(`请填写导出文件的完整路径（而不是“${out}”）`, 'file');
      if (!existsSync(path.dirname(out))) throw new InputError(`文件夹“${path.dirname(out)}”不存在`, 'file');
      return { file: out, token: null };
    }
    if (s.db.memory) throw new CoreError('CONFLICT', '内存数据库没有导出文件夹，请指定导出文件的完整路径');
    const dir = exportsDir(s.dbPath);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      chmodSync(dir, 0o700);
    } catch {
      // A folder without modes (FAT) or owned by someone else: the export still works.
    }
    sweep(dir);
    const token = randomBytes(16).toString('hex');
    return { file: path.join(dir, `${token}.xlsx`), token };
  }

  /**
   * Writes an export by its job, puts it on the audit record (what leaves the database in a file, and who took it)
   * and leaves a window's file waiting for its fetch. Either list goes through here, so both are fetched and swept alike.
   */
  async function exportTo(
    out: string | undefined,
    actor: string,
    write: (file: string, today: string) => Promise<{ count: number }>,
    audit: { action: AuditAction; after: Record<string, unknown> },
  ) {
    const { file, token } = target(out);
    const today = s.today();
    const name = path.basename(file);
    running.add(name);
    let count: number;
    try {
      ({ count } = await write(file, today));
    } finally {
      running.delete(name);
    }
    // An export runs beside a writing job (an import); its audit entry waits for that job's transaction, here rather
    // than inside SQLite's busy wait, which would hold this thread (and every window) still.
    await s.jobs.writersDone();
    const append = auditAppender(s.db);
    s.db.transaction(() => append({ actor, action: audit.action, entity: 'case', entityKey: null, after: { count, ...audit.after, file: out ?? null } }))();
    if (token) waiting.set(token, { file, actor, at: Date.now() });
    return { count, today, file: out ?? null, token };
  }

  return {
    'cases.exportXlsx': (a, ctx) => {
      const { sort, file: out, title, ...filter } = a;
      // Party names leave the database in this file: who exported which list is on the record.
      return exportTo(out, ctx.actor, (file, today) => s.jobs.run(
        'caseExport',
        { filter, sort, scope: ctx.scope, today, file, actor: ctx.actor, title: title ?? null },
        { label: `导出 Excel：${title ?? '案件列表'}`, actor: ctx.actor },
      ), { action: 'cases.export', after: { filter, sort, title: title ?? null } });
    },
    'cases.reconciliationExport': (a, ctx) =>
      exportTo(a.file, ctx.actor, (file, today) => s.jobs.run(
        'reconciliationExport',
        { scope: ctx.scope, today, file, actor: ctx.actor },
        { label: '导出 Excel：审限核对', actor: ctx.actor },
      ), { action: 'reconciliation.export', after: { scope: ctx.scope.kind } }),
    'cases.exportFetch': (a, ctx) => {
      const w = waiting.get(a.token);
      // Another person's token is answered like an unknown one: it tells nothing.
      if (!w || w.actor !== ctx.actor || !existsSync(w.file)) throw new CoreError('NOT_FOUND', '导出文件已经取走或已过期，请重新导出');
      const piece = readPiece(w.file, a.offset, EXPORT_CHUNK_BYTES);
      if (piece.next >= piece.total) {
        // The last piece: the file is handed over and leaves the exports folder.
        waiting.delete(a.token);
        rmSync(w.file, { force: true });
      } else w.at = Date.now();
      return piece;
    },
  };
});
