// courtdesk reconcile: the 审限核对 list, the cases whose exchange source figures disagree with CourtDesk's; with
// --out FILE.xlsx, the same list saved through the window's export call.
import path from 'node:path';
import { XLSX_EXTENSION_MESSAGE } from '../../../shared/cases/exportApi';
import { CliError, print, withSession, type CommandSpec } from '../cliHost';

export const reconcile: CommandSpec = {
  positionals: [],
  options: { out: { type: 'string' } },
  signIn: 'required',
  async run(g, _args, v, io) {
    if (typeof v.out === 'string') {
      const out = v.out;
      // Refused before signing in, as cases --out does: nothing is read or written.
      if (!/\.xlsx$/i.test(out)) throw new CliError(XLSX_EXTENSION_MESSAGE, 2);
      const made = await withSession(g, io, ({ call }) => call('cases.reconciliationExport', { file: path.resolve(out) }));
      print(io, g, { count: made.count, file: made.file }, () => `已导出审限核对 ${made.count} 件案件到 ${made.file}`);
      return 0;
    }
    const rows = await withSession(g, io, ({ call }) => call('cases.reconciliation', {}));
    print(io, g, rows, () => rows.length === 0
      ? '审限核对：没有与数据交换来源不一致的案件'
      : [
        `审限核对：${rows.length} 件案件的来源系统审限与本程序计算不一致`,
        ...rows.map((r) => [
          `${r.caseNumber}\t${r.division}\t${r.judge}`,
          `  来源：法定审限 ${r.sourceLimitDays ?? '—'} 天，届满日 ${r.sourceDueOn ?? '—'}`,
          `  本程序：法定审限 ${r.limit ?? '无'}${r.limitDays !== null ? `（${r.limitDays} 天）` : ''}，届满日 ${r.dueOn ?? '—'}${r.differenceDays !== null ? `，相差 ${r.differenceDays > 0 ? '+' : ''}${r.differenceDays} 天` : ''}`,
          ...r.steps.map((s) => `    ${s}`),
          `  来自 ${r.importFile}（${r.recordedAt}）`,
        ].join('\n')),
      ].join('\n'));
    return 0;
  },
};
