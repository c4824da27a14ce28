// Handler of ledger.export (shared/ledger/exportApi.ts): the whole 台账 as of today, rendered as .xlsx or PDF in the call (tens of rows), the export put on the audit record like every file that leaves the database.
import { ledgerExportApi } from '../../../../shared/ledger/exportApi';
import { createDomain } from '../../kernel/domain';
import { auditAppender } from '../../audit/auditLog';
import { getSelfCourt } from '../../court/courtStore';
import type { CoreServices } from '../../app/services';
import { ledgerView } from '../ledgerViews';
import { ledgerFileName } from './ledgerTable';
import { ledgerPdf } from './ledgerPdf';
import { ledgerXlsx } from './ledgerXlsx';

export const ledgerDocumentsDomain = createDomain('ledgerDocuments', ledgerExportApi, (s: CoreServices) => ({
  'ledger.export': async (a, ctx) => {
    // The document is the same for every reader of the ledger: who may record on a measure is not printed.
    const view = ledgerView(s.db, { today: s.today(), viewer: { staffId: ctx.person?.staffId ?? null, canManage: false } });
    const courtName = getSelfCourt(s.db)?.name ?? '';
    const bytes = a.format === 'pdf' ? await ledgerPdf(view, courtName) : await ledgerXlsx(view, courtName);
    const fileName = ledgerFileName(view, a.format);
    // A writing job (an import) may hold the lock; the entry waits for it here rather than in SQLite's busy wait.
    await s.jobs.writersDone();
    const append = auditAppender(s.db);
    s.db.transaction(() => append({
      actor: ctx.actor, action: 'ledger.export', entity: 'ledger', entityKey: a.format,
      after: { format: a.format, today: view.today, weakPoints: view.weakPoints.length, measures: view.measures.length, bytes: bytes.length },
    }))();
    return { fileName, today: view.today, weakPoints: view.weakPoints.length, measures: view.measures.length, bytes: bytes.length, base64: bytes.toString('base64') };
  },
}));
