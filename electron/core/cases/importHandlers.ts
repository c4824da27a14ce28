// Handlers of the import calls (shared/cases/importApi.ts): a file from this machine (the command line) or uploaded by the window, previewed and imported as long jobs on the worker, the rejected rows handed back once.
import path from 'node:path';
import { caseImportApi, type ImportResult } from '../../../shared/cases/importApi';
import { scopeLabel } from '../../../shared/accounts/roles';
import { createDomain } from '../kernel/domain';
import { InputError } from '../kernel/errors';
import type { CallContext } from '../kernel/context';
import { ImportUploads } from './importUploads';
import type { CoreServices } from '../app/services';

export const caseImportDomain = createDomain('caseImport', caseImportApi, (s: CoreServices) => {
  const uploads = new ImportUploads(s.dbPath, s.db.memory);

  /** Registering cases for the whole court is for staff whose scope is the whole court. */
  function courtWide(ctx: CallContext): void {
    if (ctx.scope.kind !== 'all') ctx.deny(`${ctx.actor}只能处理${scopeLabel(ctx.scope)}，批量导入需要全院范围的账号（如立案庭书记员）`);
  }

  return {
    'cases.importUpload': (a, ctx) => {
      courtWide(ctx);
      return uploads.append(ctx.actor, a);
    },
    'cases.importPreview': async (a, ctx) => {
      courtWide(ctx);
      const file = uploads.file(ctx.actor, a.upload);
      const preview = await s.jobs.run('importPreview', { file, mapping: a.mapping, today: s.today() }, { label: `检查导入文件：${path.basename(file)}`, actor: ctx.actor });
      return { upload: a.upload, ...preview };
    },
    'cases.import': async (a, ctx): Promise<ImportResult> => {
      courtWide(ctx);
      for (const [p, what] of [[a.file, '导入文件'], [a.rejectedFile, '被拒绝行的保存位置']] as const) {
        if (p !== undefined && !path.isAbsolute(p)) throw new InputError(`请填写${what}的完整路径（而不是“${p}”）`, what);
      }
      const file = a.upload ? uploads.file(ctx.actor, a.upload) : a.file!;
      // The window's rejected rows stay beside its upload and are fetched once; the command line's go where it says.
      const rejectedFile = a.upload ? uploads.rejectedFileFor(a.upload) : a.rejectedFile;
      const summary = await s.jobs.run(
        'import',
        { file, goodRowsOnly: a.goodRowsOnly, rejectedFile, createMissing: a.createMissing, mapping: a.mapping, actor: ctx.actor, today: s.today() },
        { label: `导入案件：${path.basename(file)}`, actor: ctx.actor },
      );
      const rejectedToken = a.upload && summary.rejectedFile ? uploads.offerRejected(ctx.actor, summary.rejectedFile) : null;
      // The window never sees a path inside the imports folder: the file is its name, the rejected rows a token.
      return a.upload ? { ...summary, file: path.basename(file), rejectedFile: summary.rejectedFile ? path.basename(summary.rejectedFile) : null, rejectedToken } : { ...summary, rejectedToken };
    },
    'cases.importDiscard': (a, ctx) => ({ discarded: uploads.discard(ctx.actor, a.upload) }),
    'cases.importRejectedFetch': (a, ctx) => uploads.fetchRejected(ctx.actor, a.token, a.offset),
  };
});
