// Handlers of the extensions domain (shared/extensions/api.ts): who may act on a request at its stage, checked here
// and refused on the record; the writes themselves are extensionWorkflow.ts, the reading extensionViews.ts.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { extensionsApi, LETTER_PIECE_BYTES, STAGE_LABELS, type ExtensionDetail } from '../../../shared/extensions/api';
import { createDomain } from '../kernel/domain';
import type { CallContext } from '../kernel/context';
import type { CoreServices } from '../app/services';
import { caseInScope } from '../cases/caseAccess';
import { inScope } from '../cases/caseScope';
import { CoreError, InputError } from '../kernel/errors';
import { checkAttachments, checkLetterKind } from './attachments';
import { FileUploads } from '../kernel/fileUploads';
import { ExtensionViews, type RequestRow } from './extensionViews';
import { checkPeriod, extensionStudy, filterTerms } from './extensionStudy';
import { ExtensionWorkflow, type Actor } from './extensionWorkflow';
import { EXTENSION_SETTINGS_KEY, ExtensionPeople, extensionSettings } from './extensionPeople';
import { splitParties, type CaseRow } from '../cases/caseRow';
import { getSelfCourt } from '../court/courtStore';
import { auditAppender } from '../audit/auditLog';
import { approvalFormFileName, approvalFormPdf } from './approvalForm';
import { localStamp } from '../print/pdfDocument';

export const extensionsDomain = createDomain('extensions', extensionsApi, (s: CoreServices) => {
  const views = new ExtensionViews(s.db, s.cases);
  const work = new ExtensionWorkflow(s.db, s.cases, views);
  const people = new ExtensionPeople(s.db, s.settings);
  const waitingFor = (r: RequestRow, c: CaseRow) => people.waitingFor(r, c);
  const actor = (ctx: CallContext): Actor => ({ staffId: ctx.person!.staffId, name: ctx.actor, today: s.today() });
  const detail = (id: number, notes: string[] = []): ExtensionDetail => views.detail(views.requestRow(id)!, s.today(), waitingFor, notes);
  // Letters the window uploads in pieces wait in an owner-only letters/ folder beside the database until the request
  // uses them (then they are removed), the dialog discards them, or two idle hours pass.
  const uploads = new FileUploads({
    root: s.db.memory ? null : path.join(path.dirname(path.resolve(s.dbPath)), 'letters'),
    noFolder: '内存数据库不能上传附件',
    fallbackName: '附件',
    keepMs: 2 * 60 * 60 * 1000,
  });

  /** A request the person's scope reaches; another's answers as no such request, like a case out of scope. */
  const reach = (ctx: CallContext, id: number): { r: RequestRow; c: CaseRow } => {
    const r = views.requestRow(id);
    if (!r) throw new CoreError('NOT_FOUND', `找不到延长审限申请 ${id}`);
    const c = views.caseOf(r);
    if (!inScope(ctx.scope, c)) {
      try {
        caseInScope(s.cases, ctx, c.case_number);
      } catch (err) {
        // The refusal is audited with the case; the answer names only the request, as for one that does not exist.
        if (err instanceof CoreError && err.code === 'NOT_FOUND') throw new CoreError('NOT_FOUND', `找不到延长审限申请 ${id}，或不在您可查看的范围内`);
        throw err;
      }
    }
    return { r, c };
  };
  /** Nobody signs off his own request: refused and written to the audit log as a refusal. */
  const notOwn = (ctx: CallContext, r: RequestRow, what: string) => {
    if (r.requested_by === ctx.person!.staffId) ctx.deny(`${ctx.actor}不能${what}本人提出的延长审限申请（申请 ${r.id}）`);
  };
  /** Where a request stands, when it is not where the step needs it. */
  const atStage = (r: RequestRow, wanted: RequestRow['stage'], what: string) => {
    if (r.stage === wanted) return;
    if (r.stage === 'decided' || r.stage === null) {
      const how = r.status === 'approved' ? '批准' : '不批准';
      throw new InputError(`此申请已于 ${r.decided_on ?? '此前'} 审批（${how}），审批决定不能更改；如需延长，请重新提出申请`, 'id');
    }
    throw new InputError(`此申请现在${STAGE_LABELS[r.stage]}，不能${what}`, 'id');
  };
  /** The president decides every division's requests; a vice-president only those of a division delegated to him. */
  const mayDecide = (ctx: CallContext, c: CaseRow, what: string) => {
    const roles = ctx.person!.roles;
    if (roles.includes('president')) return;
    const delegate = people.delegate(c.division_id);
    if (delegate !== null && delegate === ctx.actor && roles.includes('vice_president')) return;
    ctx.deny(delegate
      ? `此案所在部门的延长审限由院长或受委托的 ${delegate} ${what}；${ctx.actor}无权${what}`
      : `此案所在部门的延长审限由院长${what}（未委托分管院领导）；${ctx.actor}无权${what}`);
  };

  return {
    'extensions.request': (a, ctx) => {
      const c = caseInScope(s.cases, ctx, a.caseNumber);
      // The case's own judge asks, or an assistant who serves him (users.setJudges) asks for him: the request is then
      // the judge's, entered by the assistant, and both names are on it and in the audit entry.
      const me = ctx.person!;
      let forJudge: { staffId: number; name: string } | undefined;
      if (c.judge_id !== me.staffId) {
        const serves = me.roles.includes('assistant') && c.judge_id !== null && s.accounts.serves(me.staffId, c.judge_id);
        if (!serves) ctx.deny(`只有承办法官本人或为其服务的法官助理可以申请延长审限；${ctx.actor}不是 ${c.case_number} 的承办法官，也不是其法官助理`);
        forJudge = { staffId: c.judge_id!, name: views.staffName(c.judge_id!) };
      }
      // Uploaded letters meet the same checks as inline ones: read whole (at most 10 MB, the upload's own bound).
      const attachments = checkAttachments(a.attachments.map((f) => ({
        name: f.name,
        bytes: 'upload' in f ? readFileSync(uploads.file(ctx.actor, f.upload)) : Buffer.from(f.base64, 'base64'),
      })));
      // The heads who may give the opinion leave out the judge the request is for (he may head the division).
      const hasHead = people.heads(c.division_id, forJudge?.staffId ?? me.staffId).length > 0;
      const made = work.request(c, { months: a.months, days: a.days, reason: a.reason, explanation: a.explanation, attachments, forJudge }, actor(ctx), extensionSettings(s.settings), hasHead);
      for (const f of a.attachments) if ('upload' in f) uploads.discard(ctx.actor, f.upload);
      return detail(made.id, made.notes);
    },
    'extensions.upload': (a, ctx) => {
      // The first piece already shows what the file is: a wrong kind is refused before 10 MB travel.
      if (a.offset === 0 && a.upload === undefined) checkLetterKind(a.name.replace(/^.*[\\/]/, ''), Buffer.from(a.base64.slice(0, 16), 'base64'));
      return uploads.append(ctx.actor, a);
    },
    'extensions.discardUpload': (a, ctx) => ({ discarded: uploads.discard(ctx.actor, a.upload) }),
    'extensions.opinion': (a, ctx) => {
      const { r, c } = reach(ctx, a.id);
      notOwn(ctx, r, '签署意见于');
      atStage(r, 'opinion', '签署庭长意见');
      if (!ctx.person!.roles.includes('division_head') || ctx.person!.divisionId !== c.division_id) {
        ctx.deny(`延长审限申请由案件所在部门的庭长签署意见；${ctx.actor}不是该部门的庭长`);
      }
      work.opinion(r, c, a.agree, a.comment, actor(ctx));
      return detail(r.id);
    },
    'extensions.decide': (a, ctx) => {
      const { r, c } = reach(ctx, a.id);
      notOwn(ctx, r, '审批');
      if (r.route !== null && r.route !== 'president' && r.stage !== 'decided') throw new InputError('此申请超出本院院长的批准权限，须报上级法院批准：请报送并登记上级法院的答复', 'id');
      atStage(r, 'decision', '审批');
      mayDecide(ctx, c, '审批');
      work.decide(r, 'decision', a.approve, { months: a.months, days: a.days }, a.comment, actor(ctx));
      return detail(r.id);
    },
    'extensions.forward': (a, ctx) => {
      const { r, c } = reach(ctx, a.id);
      notOwn(ctx, r, '报送');
      if (r.route === 'president') throw new InputError('此申请由本院院长审批，无须报送上级法院', 'id');
      atStage(r, 'forwarding', '报送上级法院');
      mayDecide(ctx, c, '报送');
      work.forward(r, c, a.comment ?? null, actor(ctx));
      return detail(r.id);
    },
    'extensions.higherCourt': (a, ctx) => {
      const { r, c } = reach(ctx, a.id);
      notOwn(ctx, r, '登记答复于');
      atStage(r, 'higher_court', '登记上级法院的答复');
      mayDecide(ctx, c, '登记上级法院的答复');
      work.decide(r, 'higher_court', a.approve, { months: a.months, days: a.days }, a.comment, actor(ctx));
      return detail(r.id);
    },
    'extensions.list': (a, ctx) => {
      const caseId = a.caseNumber ? caseInScope(s.cases, ctx, a.caseNumber).id : null;
      const today = s.today();
      if (a.from !== undefined && a.to !== undefined && a.to < a.from) checkPeriod(a.from, a.to);
      const { status, caseNumber: _c, ...filter } = a;
      return views.ids(ctx.scope, status, caseId, filterTerms(filter)).map((id) => views.row(views.requestRow(id)!, today, waitingFor));
    },
    'extensions.study': (a, ctx) => extensionStudy(s.db, ctx.scope, a, s.today()),
    'extensions.get': (a, ctx) => {
      const { r } = reach(ctx, a.id);
      return views.detail(r, s.today(), waitingFor);
    },
    'extensions.form': async (a, ctx) => {
      const { r, c } = reach(ctx, a.id);
      const request = views.detail(r, s.today(), waitingFor);
      const pdf = await approvalFormPdf({
        courtName: getSelfCourt(s.db)?.name ?? '',
        request,
        plaintiffs: splitParties(c.plaintiffs),
        defendants: splitParties(c.defendants),
        earlier: views.earlierSpan(r),
        printedAt: localStamp(new Date()),
      });
      // An official form with party names leaves the database: who printed which one is on the record. A writing job
      // (an import) may hold the lock; the entry waits for it here rather than in SQLite's busy wait.
      await s.jobs.writersDone();
      const append = auditAppender(s.db);
      s.db.transaction(() => append({ actor: ctx.actor, action: 'extension.form', entity: 'case', entityKey: c.case_number, after: { request: r.id, bytes: pdf.length } }))();
      return { id: r.id, caseNumber: c.case_number, fileName: approvalFormFileName(c.case_number, r.id), bytes: pdf.length, base64: pdf.toString('base64') };
    },
    'extensions.attachment': (a, ctx) => {
      const { r } = reach(ctx, a.id);
      const f = views.attachment(r.id, a.attachmentId, a.offset, LETTER_PIECE_BYTES);
      if (!f) throw new CoreError('NOT_FOUND', `申请 ${r.id} 没有编号为 ${a.attachmentId} 的附件`);
      if (a.offset > f.size) throw new InputError('附件的读取位置超出了文件长度', 'offset');
      const { bytes, ...view } = f;
      return { ...view, base64: bytes.toString('base64'), next: a.offset + bytes.length, total: f.size };
    },
    'extensions.settings': () => extensionSettings(s.settings),
    'extensions.delegationOptions': () => people.options(),
    'extensions.setSettings': (a, ctx) => {
      const current = extensionSettings(s.settings);
      const next = { refuseLate: a.refuseLate ?? current.refuseLate, delegations: a.delegations ?? current.delegations };
      people.checkDelegations(next.delegations);
      s.settings.set(EXTENSION_SETTINGS_KEY, next, ctx.actor, 'settings.extensions');
      return next;
    },
  };
});
