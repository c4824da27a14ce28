// The return file (中院回执): made and signed at the intermediate court for one registered basic court (its ranges in
// force, the receipt of the last package received, its help measures), checked and applied at that basic court in one transaction.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { RANGES_FORMAT, RANGES_FORMAT_VERSION, parseRangesJson } from '../../../../shared/indicators/rangesFile';
import { isRanged } from '../../../../shared/indicators/ranges';
import { RETURN_MAX_BYTES, parseReturnFile, returnBodyText, returnFileText, type ReturnBody } from '../../../../shared/exchange/returnFile';
import type { ReturnImportView, ReturnMadeView } from '../../../../shared/exchange/api';
import { minisignSign, minisignVerify, parseMinisignPublicKey } from '../crypto/minisign';
import { courtLevel, findRegisteredSender, getReportingRecipient, unlockSigningKey } from '../keys/keyStore';
import { lastReceived } from '../parts/receivedStore';
import { heldAnchor } from '../package/auditAnchor';
import { SEQUENCE_FLOOR_KEY, nextSequence, listExports } from '../parts/exportLog';
import { getSelfCourt } from '../../court/courtStore';
import { applyHigherCourtRanges, rangesInForce } from '../../indicators/rangeSettings';
import { auditAppender } from '../../audit/auditLog';
import { CoreError, InputError } from '../../kernel/errors';
import { applyReturnedHelp } from '../../ledger/returnHelp';
import { helpForReturn } from '../help/helpStore';
import type { SettingsStore } from '../../settings/settingsStore';

/** The settings row holding the last return file applied: its id and time, and the receipt it carried. */
export const LAST_RETURN_KEY = 'exchangeLastReturn';
interface LastReturn {
  returnId: string;
  issuedAt: string;
  lastImported: ReturnBody['lastImported'];
}

export async function makeReturn(db: Database, settings: SettingsStore, a: { courtCode: string; passphrase: string }, actor: string, today: string): Promise<ReturnMadeView> {
  if (courtLevel(db) !== 'intermediate') throw new CoreError('CONFLICT', '本院设置为基层法院，不制作中院回执');
  const self = getSelfCourt(db)!;
  const sender = findRegisteredSender(db, a.courtCode);
  if (!sender) throw new InputError(`基层法院“${a.courtCode}”未在本院登记，不能为其制作回执`, 'courtCode');
  const key = await unlockSigningKey(db, a.passphrase);
  if (!key.ok) throw new InputError(key.message, 'passphrase');
  const last = lastReceived(db, a.courtCode);
  const ranges = Object.fromEntries(rangesInForce(settings).filter((e) => isRanged(e.id)).map((e) => [e.id, { low: e.low, high: e.high }]));
  const body: ReturnBody = {
    format: 'courtdesk-return',
    version: 1,
    returnId: randomUUID(),
    from: { courtCode: self.code, courtName: self.name },
    to: { courtCode: sender.courtCode, courtName: sender.courtName },
    issuedAt: new Date().toISOString(),
    ranges: { format: RANGES_FORMAT, version: RANGES_FORMAT_VERSION, court: { code: self.code, name: self.name }, issuedOn: today, ranges },
    lastImported: last ? { sequence: last.sequence, packageId: last.packageId, payloadSha256: last.payloadSha256, receivedAt: last.receivedAt, auditLength: heldAnchor(db, sender.courtCode)?.length ?? null } : null,
    helpMeasures: helpForReturn(db, sender.courtCode),
  };
  const bodyText = returnBodyText(body);
  // Refused here rather than at the basic court, which could not import it.
  if (bodyText.length + 400 > RETURN_MAX_BYTES) throw new CoreError('CONFLICT', `给 ${sender.courtCode} 的帮扶措施及其进展过多，回执超过 ${RETURN_MAX_BYTES} 个字符的上限；请精简进展记录后再制作`);
  const text = returnFileText(bodyText, minisignSign(Buffer.from(bodyText), key.key, `courtdesk return ${body.returnId} to ${sender.courtCode}`, `return file from CourtDesk ${self.code}`));
  const append = auditAppender(db);
  db.transaction(() => append({ actor, action: 'exchange.return.make', entity: 'return', entityKey: sender.courtCode, after: { returnId: body.returnId, lastImported: body.lastImported, ranges: Object.keys(ranges).length, helpMeasures: body.helpMeasures?.length ?? 0 } }))();
  return { fileName: `${self.code}-回执-${sender.courtCode}-${today.replaceAll('-', '')}.cdret`, text, courtCode: sender.courtCode, lastImported: body.lastImported, helpMeasures: body.helpMeasures?.length ?? 0 };
}

export function importReturn(db: Database, settings: SettingsStore, a: { fileName: string; text: string }, actor: string): ReturnImportView {
  if (courtLevel(db) !== 'basic') throw new CoreError('CONFLICT', '本院设置为中级法院，中院回执由基层法院导入');
  const refuse = (message: string): never => {
    throw new InputError(`中院回执“${a.fileName}”未导入，本院数据没有改变：${message}`, 'text');
  };
  const parsed = parseReturnFile(a.text);
  if (!parsed.ok) return refuse(parsed.message);
  const { body } = parsed;
  const recipient = getReportingRecipient(db);
  if (!recipient) return refuse('本院尚未设置报送的中院');
  if (!recipient.signingKey) return refuse('本院尚未登记中院的签名公钥（设置接收方时导入中院的公钥卡），无法核验回执');
  const key = parseMinisignPublicKey(recipient.signingKey);
  if (!key) return refuse('本院登记的中院签名公钥无法读取，请重新设置接收方');
  if (!minisignVerify(Buffer.from(parsed.bodyText), parsed.signature, key).ok) return refuse('签名无效：回执被改动，或不是本院报送的中院签发');
  const self = getSelfCourt(db)!;
  if (body.from.courtCode !== recipient.courtCode) return refuse(`回执来自“${body.from.courtCode}”，而本院报送的中院是“${recipient.courtCode}”`);
  if (body.to.courtCode !== self.code) return refuse(`回执是给“${body.to.courtName}（${body.to.courtCode}）”的，不是给本院的`);
  const previous = settings.get<LastReturn | null>(LAST_RETURN_KEY, null);
  if (previous?.returnId === body.returnId) return { status: 'alreadyImported', ...view(db, body, []) };
  if (previous && body.issuedAt <= previous.issuedAt) return refuse(`这份回执（${body.issuedAt.slice(0, 10)}）早于已导入的回执（${previous.issuedAt.slice(0, 10)}）`);
  const ranges = parseRangesJson(JSON.stringify(body.ranges));
  if (!ranges.ok) return refuse(`其中的合理区间：${ranges.error}`);

  const warnings: string[] = [];
  const receipt = body.lastImported;
  if (receipt) {
    const ours = listExports(db).find((e) => e.sequence === receipt.sequence);
    if (ours && (ours.packageId !== receipt.packageId || ours.payloadSha256 !== receipt.payloadSha256))
      warnings.push(`中院收到的序号 ${receipt.sequence} 与本院记录的报送包不是同一个，请与中院核对`);
    if (!ours) warnings.push(`中院已收到序号 ${receipt.sequence}，本院没有它的记录（可能从备份恢复过）：以后的报送包从序号 ${receipt.sequence + 1} 起编号，下一个应为全量报送`);
  }
  const append = auditAppender(db);
  db.transaction(() => {
    applyHigherCourtRanges(settings, ranges.value, a.fileName, actor);
    const help = applyReturnedHelp(db, body.from, body.helpMeasures ?? [], actor);
    warnings.push(...help.warnings);
    if (receipt && nextSequence(db) <= receipt.sequence) settings.set(SEQUENCE_FLOOR_KEY, receipt.sequence, actor, 'exchange.return.import');
    settings.set(LAST_RETURN_KEY, { returnId: body.returnId, issuedAt: body.issuedAt, lastImported: receipt } satisfies LastReturn, actor, 'exchange.return.import');
    append({ actor, action: 'exchange.return.import', entity: 'return', entityKey: body.returnId, after: { from: body.from.courtCode, issuedAt: body.issuedAt, lastImported: receipt, ranges: ranges.value.ranges.length, helpMeasures: body.helpMeasures?.length ?? 0 } });
  })();
  return { status: 'imported', ...view(db, body, warnings) };
}

function view(db: Database, body: ReturnBody, warnings: string[]): Omit<ReturnImportView, 'status'> {
  return { from: body.from, issuedAt: body.issuedAt, lastImported: body.lastImported, rangesImported: Object.keys((body.ranges as { ranges?: object }).ranges ?? {}).length, helpMeasures: body.helpMeasures?.length ?? 0, nextSequence: nextSequence(db), warnings };
}

/** The receipt of the last return file applied (what the intermediate court said it had), for the basic court's screen. */
export function lastReturn(settings: SettingsStore): LastReturn | null {
  return settings.get<LastReturn | null>(LAST_RETURN_KEY, null);
}
