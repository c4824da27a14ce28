// Handlers of the exchange domain's package calls: pre-flight, export and past packages at a basic court; verify,
// receive and the list of basic courts at an intermediate court. The work lives in exchange/package and exchange/parts.
import path from 'node:path';
import { exchangeApi, type ReceivedCourtView, type VerifyView } from '../../../shared/exchange/api';
import { parseManifest } from '../../../shared/exchange/manifest';
import { createDomain } from './../kernel/domain';
import { CoreError, InputError } from '../kernel/errors';
import { auditAppender } from '../audit/auditLog';
import { writeFailureText, writeFileWhole } from '../print/wholeFile';
import type { CoreServices } from '../app/services';
import { exportPackage } from './package/exportPackage';
import { receivePackage } from './package/receivePackage';
import { readPackageFile, verifyPackage, type VerifyOutcome } from './package/verifyPackage';
import { checkOutDir } from './package/outDir';
import { verifyOwnPackage } from './package/verifyOwn';
import { chainAlert } from './package/auditAnchor';
import { courtLevel } from './keys/keyStore';
import { preflight } from './parts/preflight';
import { exportBytes, listExports } from './parts/exportLog';
import { readOuterZip } from './container/zipRead';
import { listReceivedCourts } from './parts/receivedStore';
import { importReturn, makeReturn } from './returns/returnFiles';
import { revokeSenderKey, startRotation } from './keys/rotation';
import { readBasicCard } from './keys/handlers';
import { getSelfCourt } from '../court/courtStore';

function verifyView(v: VerifyOutcome | { ok: false; code: string; message: string; manifest: null }): VerifyView {
  const m = v.manifest;
  return {
    ok: v.ok,
    reason: v.ok ? null : v.message,
    code: v.ok ? null : v.code,
    alreadyImported: v.ok ? v.alreadyImported : false,
    warnings: v.ok ? v.warnings : [],
    packageId: m?.packageId ?? null,
    senderCode: m?.sender.courtCode ?? null,
    senderName: m?.sender.courtName ?? null,
    sequence: m?.sequence ?? null,
    kind: m?.kind ?? null,
    baseSequence: m?.baseSequence ?? null,
    from: m?.period.from ?? null,
    to: m?.period.to ?? null,
    createdAt: m?.createdAt ?? null,
    includesPartyNames: m?.includesPartyNames ?? null,
    counts: m?.counts ?? null,
    payloadSha256: m?.payloadSha256 ?? null,
  };
}

export const exchangeDomain = createDomain('exchange', exchangeApi, (s: CoreServices) => ({
  'exchange.preflight': (a) => ({ from: a.from, to: a.to, ...preflight(s.db, { from: a.from, to: a.to, today: s.today() }) }),

  'exchange.export': async (a, ctx) => {
    await s.jobs.writersDone();
    // The heavy half runs as the reading job 'exchangePackage' (progress, cancellable, the window answering meanwhile).
    return exportPackage(s.db, a, ctx.actor, undefined, (p) => s.jobs.run('exchangePackage', p, { label: `生成报送包（序号 ${p.sequence}）`, actor: ctx.actor }));
  },

  'exchange.exports': () => listExports(s.db),

  // The exact bytes kept at export: encrypting again would give another payload hash for the same sequence.
  'exchange.rewrite': async (a, ctx) => {
    const past = listExports(s.db).find((e) => e.sequence === a.sequence);
    const kept = exportBytes(s.db, a.sequence);
    if (!past || !kept) throw new InputError(`没有序号为 ${a.sequence} 的报送记录`, 'sequence');
    const dir = checkOutDir(a.outDir);
    const file = path.join(dir, kept.fileName);
    try {
      writeFileWhole(file, kept.bytes);
    } catch (err) {
      throw new InputError(`无法把报送包写入“${dir}”（${writeFailureText(err)}），没有生成文件`, 'outDir');
    }
    const append = auditAppender(s.db);
    s.db.transaction(() => append({ actor: ctx.actor, action: 'exchange.rewrite', entity: 'package', entityKey: String(a.sequence), after: { packageId: past.packageId, fileName: kept.fileName, file } }))();
    const m = await manifestOfKept(past.packageId, kept.bytes);
    return {
      file,
      fileName: kept.fileName,
      sequence: past.sequence,
      packageId: past.packageId,
      kind: past.kind,
      baseSequence: past.baseSequence,
      from: past.periodFrom,
      to: past.periodTo,
      includesPartyNames: m.includesPartyNames,
      counts: m.counts,
      payloadSha256: past.payloadSha256,
      packageSha256: past.packageSha256,
      bytes: kept.bytes.length,
    };
  },

  'exchange.verify': async (a) => {
    const read = readPackageFile(a.file);
    if (!read.ok) return verifyView(read);
    if (courtLevel(s.db) === 'basic') return verifyView(await verifyOwnPackage(s.db, read.bytes));
    return verifyView(await verifyPackage(s.db, read.bytes));
  },

  'exchange.receive': (a, ctx) => receivePackage(s.db, a.file, a.passphrase, ctx.actor),

  'exchange.courts': () => listReceivedCourts(s.db).map((c) => ({ ...c, chainAlert: chainAlert(s.db, c.senderCode) as ReceivedCourtView['chainAlert'] })),

  'exchange.keysRotate': async (a, ctx) => {
    if (courtLevel(s.db) !== 'basic') throw new CoreError('CONFLICT', '本院设置为中级法院：更换报送签名密钥是基层法院的操作');
    await s.jobs.writersDone();
    return startRotation(s.db, s.settings, a.passphrase, ctx.actor);
  },

  'exchange.revoke': (a, ctx) => {
    if (courtLevel(s.db) !== 'intermediate') throw new CoreError('CONFLICT', '本院设置为基层法院：吊销公钥是中级法院的操作');
    const self = getSelfCourt(s.db)!;
    let newKey = null;
    if (a.card !== undefined) {
      const card = readBasicCard(a.card, self.code);
      if (card.fields.courtCode !== a.courtCode) throw new InputError(`新公钥卡是“${card.fields.courtCode}”的，不是“${a.courtCode}”的`, 'card');
      newKey = card.key;
    }
    const r = revokeSenderKey(s.db, { courtCode: a.courtCode, fromSequence: a.fromSequence, newKey }, ctx.actor);
    return { courtCode: a.courtCode, revokedKey: r.revoked, fromSequence: a.fromSequence, newKey: r.newKey };
  },

  'exchange.returnMake': (a, ctx) => makeReturn(s.db, s.settings, a, ctx.actor, s.today()),

  'exchange.returnImport': async (a, ctx) => {
    await s.jobs.writersDone();
    return importReturn(s.db, s.settings, a, ctx.actor);
  },
}));

/** The manifest inside a kept package: it was checked when written, so a failure here is a damaged database. */
async function manifestOfKept(packageId: string, bytes: Buffer) {
  const outer = await readOuterZip(bytes);
  const parsed = outer.ok ? parseManifest(outer.manifest) : null;
  if (!parsed?.ok) throw new CoreError('DB_ERROR', `本院保存的报送包 ${packageId} 已损坏，无法重写；请重新生成`);
  return parsed.manifest;
}
