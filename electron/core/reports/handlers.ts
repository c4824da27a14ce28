// Handlers of the reports domain: 周通报 / 月度分析 as PDF or .xlsx for the reader's case scope, built by the reading job
// 'report' (reports/reportJob.ts), the export put on the audit record like every file that leaves the database.
import { reportsApi, REPORT_TITLES } from '../../../shared/reports/api';
import { createDomain } from '../kernel/domain';
import { auditAppender } from '../audit/auditLog';
import { getSelfCourt } from '../court/courtStore';
import { rangesInForce } from '../indicators/rangeSettings';
import type { CoreServices } from '../app/services';

export const reportsDomain = createDomain('reports', reportsApi, (s: CoreServices) => ({
  'reports.build': async (a, ctx) => {
    const built = await s.jobs.run(
      'report',
      { ...a, today: s.today(), scope: ctx.scope, ranges: rangesInForce(s.settings), courtName: getSelfCourt(s.db)?.name ?? '' },
      { label: `导出${REPORT_TITLES[a.kind]}（${a.format === 'pdf' ? 'PDF' : 'Excel'}）`, actor: ctx.actor },
    );
    // A writing job (an import) may hold the lock; the entry waits for it here rather than in SQLite's busy wait.
    await s.jobs.writersDone();
    const append = auditAppender(s.db);
    s.db.transaction(() => append({ actor: ctx.actor, action: 'reports.export', entity: 'report', entityKey: a.kind, after: { kind: a.kind, format: a.format, from: built.from, to: built.to, scope: ctx.scope.kind, bytes: built.bytes } }))();
    return built;
  },
}));
