// Receives a 报送包 at the intermediate court: the checks without a key, then unlock, decrypt, the inner ZIP and
// content.json against the manifest, every row, and one transaction; a refusal is logged in its own small transaction.
import type { Database } from 'better-sqlite3';
import { parseContent, contentDisagreement } from '../../../../shared/exchange/manifest';
import { DATA_PARTS } from '../../../../shared/exchange/partNames';
import type { ReceiveView } from '../../../../shared/exchange/api';
import { readInnerZip } from '../container/zipRead';
import { ageDecrypt } from '../crypto/age';
import { unlockAgeIdentity, courtLevel } from '../keys/keyStore';
import { validateParts } from '../parts/validateParts';
import { logRefusal, writeReceivedPackage } from '../parts/receivedStore';
import { auditAppender } from '../../audit/auditLog';
import { CoreError, InputError, sqliteCode } from '../../kernel/errors';
import { freshness, readPackageFile, verifyPackage, type VerifyFailure } from './verifyPackage';
import { sha256Hex } from './exportPackage';
import { judgeChain, recordReceivedAnchor } from './auditAnchor';
import { recordRotation } from '../keys/rotation';

/** Why a package was refused: its code (logged) and the message the person reads. */
export class PackageRefused extends CoreError {
  constructor(
    readonly refusal: string,
    message: string,
  ) {
    super('CONFLICT', message);
    this.name = 'PackageRefused';
  }
}

/** A seam for the crash test: runs after every check and before the one transaction. */
export type BeforeCommit = () => void;

export async function receivePackage(db: Database, file: string, passphrase: string, actor: string, beforeCommit?: BeforeCommit): Promise<ReceiveView> {
  if (courtLevel(db) !== 'intermediate') throw new CoreError('CONFLICT', '本院设置为基层法院，不接收报送包；报送包由中级法院接收');
  const fileName = file.split(/[\\/]/).pop() ?? file;
  const refuse = (f: Pick<VerifyFailure, 'code' | 'message' | 'manifest'>): never => {
    logRefusal(db, {
      fileName,
      senderCode: f.manifest?.sender.courtCode ?? null,
      sequence: f.manifest?.sequence ?? null,
      packageId: f.manifest?.packageId ?? null,
      code: f.code,
      message: f.message,
      by: actor,
    });
    throw new PackageRefused(f.code, f.message);
  };

  const read = readPackageFile(file);
  if (!read.ok) return refuse(read);
  const v = await verifyPackage(db, read.bytes);
  if (!v.ok) return refuse(v);
  const m = v.manifest;
  const view = (status: ReceiveView['status']): ReceiveView => ({
    status,
    packageId: m.packageId,
    senderCode: m.sender.courtCode,
    senderName: m.sender.courtName,
    sequence: m.sequence,
    kind: m.kind,
    from: m.period.from,
    to: m.period.to,
    counts: m.counts,
    warnings: v.warnings,
  });
  if (v.alreadyImported) return view('alreadyImported');

  // 8. the identity; a wrong passphrase is the person's to correct, not a refusal of the package
  const unlocked = await unlockAgeIdentity(db, passphrase);
  if (!unlocked.ok) throw new InputError(unlocked.message, 'passphrase');
  // 9. decrypt
  const plain = await ageDecrypt(v.payload, unlocked.identity);
  if (!plain.ok)
    return refuse({ code: `decrypt.${plain.reason}`, message: plain.reason === 'wrongRecipient' ? '无法用本院密钥解密：此报送包不是加密给本院的，未导入' : '解密失败：报送包的加密内容已损坏，未导入', manifest: m });
  // 10. the inner ZIP, and content.json against the manifest and the parts
  const inner = await readInnerZip(Buffer.from(plain.plaintext));
  if (!inner.ok) return refuse({ code: `inner.${inner.failure.code}`, message: `报送包内层：${inner.failure.message}`, manifest: m });
  const contentBytes = inner.entries.get('content.json');
  if (!contentBytes) return refuse({ code: 'content.missing', message: '报送包内缺少 content.json，未导入', manifest: m });
  const content = parseContent(contentBytes);
  if (!content.ok) return refuse({ code: 'content.invalid', message: content.message, manifest: m });
  const disagreement = contentDisagreement(content.content, m);
  if (disagreement) return refuse({ code: 'content.disagrees', message: disagreement, manifest: m });
  for (const part of DATA_PARTS) {
    const data = inner.entries.get(part);
    const meta = content.content.parts[part];
    if (!data) return refuse({ code: 'part.missing', message: `报送包内缺少 ${part}，未导入`, manifest: m });
    if (data.length !== meta.bytes || sha256Hex(data) !== meta.sha256) return refuse({ code: 'part.hash', message: `报送包内 ${part} 的校验值与 content.json 不符，未导入`, manifest: m });
  }
  // 11. every row
  const rows = validateParts(inner.entries, { senderCode: m.sender.courtCode, kind: m.kind, counts: m.counts, period: m.period });
  if (!rows.ok) return refuse({ code: rows.code, message: rows.message, manifest: m });
  // Party names only where the signed manifest says they travel.
  if (!m.includesPartyNames) {
    const at = rows.rows.cases.findIndex((c) => (c as { plaintiffs?: unknown }).plaintiffs !== undefined || (c as { defendants?: unknown }).defendants !== undefined);
    if (at >= 0) return refuse({ code: 'rows', message: `cases.ndjson 第 ${at + 1} 行：清单写明不含当事人姓名，而该行含有原告或被告，未导入`, manifest: m });
  }

  beforeCommit?.();
  // 12. one write transaction, taken before step 7 and the audit chain are judged again: two imports racing through the
  // slow steps above see each other here; UNIQUE(sender, sequence) and UNIQUE(packageId) stand behind it.
  const append = auditAppender(db);
  let lateRefusal: VerifyFailure | null = null;
  try {
    db.transaction(() => {
      lateRefusal = freshness(db, m);
      if (lateRefusal) return;
      // The audit chain against the head held for this court: imported either way, flagged loudly when it does not extend.
      const chain = judgeChain(db, m.sender.courtCode, rows.rows.auditChain);
      if (chain.status === 'cut' || chain.status === 'rewritten') v.warnings.push(`警告：${m.sender.courtName}（${m.sender.courtCode}）的${chain.message}`);
      else if (chain.status === 'unverifiable') v.warnings.push(chain.message);
      writeReceivedPackage(
        db,
        {
          packageId: m.packageId,
          senderCode: m.sender.courtCode,
          senderName: m.sender.courtName,
          sequence: m.sequence,
          kind: m.kind,
          baseSequence: m.baseSequence,
          periodFrom: m.period.from,
          periodTo: m.period.to,
          payloadSha256: m.payloadSha256,
          manifestJson: JSON.stringify(m),
          createdAt: m.createdAt,
          includesPartyNames: m.includesPartyNames,
          receivedBy: actor,
          warning: v.warnings.join('；') || null,
        },
        rows.rows,
      );
      recordReceivedAnchor(db, m.packageId, rows.rows.auditChain, chain);
      if (m.keyRotation) recordRotation(db, m.sender.courtCode, m.keyRotation, actor);
      append({ actor, action: 'exchange.receive', entity: 'package', entityKey: `${m.sender.courtCode}#${m.sequence}`, after: { packageId: m.packageId, kind: m.kind, baseSequence: m.baseSequence, from: m.period.from, to: m.period.to, counts: m.counts, payloadSha256: m.payloadSha256 } });
    }).immediate();
  } catch (err) {
    // Only the uniqueness of (sender, sequence) and of the package id means a replay; any other constraint is a fault.
    if (sqliteCode(err) === 'SQLITE_CONSTRAINT_UNIQUE') return refuse({ code: 'replay', message: '此报送包（或同一序号的另一份）刚刚已被导入，本次未重复导入', manifest: m });
    throw err;
  }
  if (lateRefusal) return refuse(lateRefusal);
  return view('imported');
}
