// Handlers of the ledger domain (shared/ledger/api.ts): who may record progress on a measure and see its evidence is checked here and refused on the record; writes are ledgerStore.ts, reads ledgerViews.ts.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { can } from '../../../shared/accounts/roles';
import { EVIDENCE_PIECE_BYTES, ledgerApi, type MeasureView } from '../../../shared/ledger/api';
import { createDomain } from '../kernel/domain';
import type { CallContext } from '../kernel/context';
import type { CoreServices } from '../app/services';
import { CoreError, InputError } from '../kernel/errors';
import { FileUploads } from '../kernel/fileUploads';
import { baseName, checkEvidence, checkEvidenceKind } from './evidence';
import { LedgerStore, type LedgerActor, type MeasureRow } from './ledgerStore';
import { LedgerViews, type LedgerViewer } from './ledgerViews';

export const ledgerDomain = createDomain('ledger', ledgerApi, (s: CoreServices) => {
  const store = new LedgerStore(s.db);
  const views = new LedgerViews(s.db);
  // Evidence the window uploads in pieces waits in an owner-only folder of its own beside the database (not letters/:
  // each FileUploads sweeps folders it does not know) until the progress entry takes it, or two idle hours pass.
  const uploads = new FileUploads({
    root: s.db.memory ? null : path.join(path.dirname(path.resolve(s.dbPath)), 'ledger-evidence'),
    noFolder: '内存数据库不能上传佐证材料',
    fallbackName: '佐证材料',
    keepMs: 2 * 60 * 60 * 1000,
  });
  const actor = (ctx: CallContext): LedgerActor => ({ name: ctx.actor, today: s.today() });
  const viewer = (ctx: CallContext): LedgerViewer => ({ staffId: ctx.person!.staffId, canManage: can(ctx.person!.roles, 'ledger.manage') });
  const isOwnerOrLeader = (ctx: CallContext, m: MeasureRow) => m.owner_id === ctx.person!.staffId || m.leader_id === ctx.person!.staffId;
  const measureView = (id: number, ctx: CallContext): MeasureView => views.measure(id, s.today(), viewer(ctx))!;

  return {
    'ledger.list': (_a, ctx) => views.ledger(s.today(), viewer(ctx)),
    'ledger.mine': (_a, ctx) => views.mine(s.today(), { ...viewer(ctx), staffId: ctx.person!.staffId }),
    'ledger.people': () => views.people(),
    'ledger.addWeakPoint': (a, ctx) => ({ id: store.addWeakPoint(a, actor(ctx)) }),
    'ledger.updateWeakPoint': (a, ctx) => {
      const { id, ...rest } = a;
      return { id: store.updateWeakPoint(id, rest, actor(ctx)) };
    },
    'ledger.addMeasure': (a, ctx) => ({ id: store.addMeasure(a, actor(ctx)) }),
    'ledger.updateMeasure': (a, ctx) => {
      const { id, ...rest } = a;
      return { id: store.updateMeasure(id, rest, actor(ctx)) };
    },
    'ledger.progress': (a, ctx) => {
      const m = store.mustMeasure(a.measureId);
      // Its owner and leader record on their own measure; the keepers of the ledger on any. Anyone else is refused
      // on the record, as any call his role does not allow.
      if (!isOwnerOrLeader(ctx, m) && !can(ctx.person!.roles, 'ledger.manage')) {
        ctx.deny(`只有措施的责任人、责任领导或台账维护人员可以登记进展；${ctx.actor}不是措施 ${m.id} 的责任人或责任领导`);
      }
      // Uploaded files meet the same checks as inline ones, read whole (each at most 10 MB, the upload's own bound).
      const evidence = checkEvidence(a.evidence.map((f) => ({
        name: f.name,
        bytes: 'upload' in f ? readFileSync(uploads.file(ctx.actor, f.upload)) : Buffer.from(f.base64, 'base64'),
      })));
      store.progress(m.id, { text: a.text, onDate: a.onDate, done: a.done, evidence }, actor(ctx));
      for (const f of a.evidence) if ('upload' in f) uploads.discard(ctx.actor, f.upload);
      return measureView(m.id, ctx);
    },
    'ledger.upload': (a, ctx) => {
      // The first piece already shows what the file is: a wrong kind is refused before 10 MB travel.
      if (a.offset === 0 && a.upload === undefined) checkEvidenceKind(baseName(a.name), Buffer.from(a.base64.slice(0, 16), 'base64'));
      return uploads.append(ctx.actor, a);
    },
    'ledger.discardUpload': (a, ctx) => ({ discarded: uploads.discard(ctx.actor, a.upload) }),
    'ledger.evidence': (a, ctx) => {
      const e = views.evidenceRow(a.id);
      if (!e) throw new CoreError('NOT_FOUND', `找不到编号为 ${a.id} 的佐证材料`);
      const m = store.mustMeasure(e.measure_id);
      if (!can(ctx.person!.roles, 'ledger.view') && !isOwnerOrLeader(ctx, m)) {
        ctx.deny(`只有台账的查阅人员和措施的责任人、责任领导可以查看佐证材料；${ctx.actor}不能查看措施 ${m.id} 的佐证材料`);
      }
      if (a.offset > e.size) throw new InputError('佐证材料的读取位置超出了文件长度', 'offset');
      const bytes = views.evidencePiece(a.id, a.offset, EVIDENCE_PIECE_BYTES);
      return { id: e.id, name: e.name, size: e.size, mime: e.mime, base64: bytes.toString('base64'), next: a.offset + bytes.length, total: e.size };
    },
  };
});
