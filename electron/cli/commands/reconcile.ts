// courtdesk reconcile: the 审限核对 list, the cases whose exchange source figures disagree with CourtDesk's.
import { print, withSession, type CommandSpec } from '../cliHost';

export const reconcile: CommandSpec = {
  positionals: [],
  options: {},
  signIn: 'required',
  async run(g, _args, _v, io) {
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
