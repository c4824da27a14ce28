// Writes a 报送包 at the basic court: the state checked, the key unlocked, the package built (packageJob.ts, on the job
// runner's worker in the core), written to the stick as NAME.part, synced, renamed, read back and verified, and only
// then recorded with its sequence, id, bytes and audit anchor.
import type { Database } from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ExportView } from '../../../../shared/exchange/api';
import { encodeMinisignSecretKeyFile } from '../crypto/minisign';
import { getReportingRecipient, unlockSigningKey, ownSigningKeyPublic, courtLevel } from '../keys/keyStore';
import { completeRotation, rotationFor } from '../keys/rotation';
import { lastExport, nextSequence, recordExport } from '../parts/exportLog';
import { lastReturn } from '../returns/returnFiles';
import { getSelfCourt } from '../../court/courtStore';
import { auditAppender } from '../../audit/auditLog';
import { CoreError, InputError, sqliteCode } from '../../kernel/errors';
import { SettingsStore } from '../../settings/settingsStore';
import { writeFailureText, writeFileWhole } from '../../print/wholeFile';
import { verifyOwnPackage } from './verifyOwn';
import { checkOutDir } from './outDir';
import { buildPackage, type BuiltPackage, type PackageBuildParams } from './packageJob';
import { digestsSince, recordExportAnchor } from './auditAnchor';

export interface ExportRequest {
  from: string;
  to: string;
  incremental: boolean;
  includePartyNames: boolean;
  outDir: string;
  passphrase: string;
}

/** How the bytes reach the folder; a test passes one that fails as a full disk or a pulled stick would. */
export type WholeFileWriter = (file: string, bytes: Buffer) => void;

export const sha256Hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** 辽0421-20250101-20250331-000007.cdpkg: a convenience for people; the reader never trusts it. */
export function packageFileName(courtCode: string, from: string, to: string, sequence: number): string {
  return `${courtCode}-${from.replaceAll('-', '')}-${to.replaceAll('-', '')}-${String(sequence).padStart(6, '0')}.cdpkg`;
}

export { trustedComment } from './packageJob';

/** The databases writing a package now: one at a time each, since the sequence is taken before the slow steps. */
const exporting = new WeakSet<Database>();

/** How the heavy half runs: on the job runner's worker in the core, in this thread by default (tests, bench). */
export type PackageBuilder = (p: PackageBuildParams) => Promise<BuiltPackage>;

export async function exportPackage(db: Database, req: ExportRequest, actor: string, write: WholeFileWriter = writeFileWhole, build: PackageBuilder = (p) => buildPackage(db, p)): Promise<ExportView> {
  if (exporting.has(db)) throw new CoreError('CONFLICT', '另一个报送包正在生成，请等它完成后再试');
  exporting.add(db);
  try {
    return await writePackage(db, req, actor, write, build);
  } finally {
    exporting.delete(db);
  }
}

async function writePackage(db: Database, req: ExportRequest, actor: string, write: WholeFileWriter, build: PackageBuilder): Promise<ExportView> {
  const self = getSelfCourt(db);
  if (!self) throw new CoreError('CONFLICT', '数据库尚未建立本院信息，无法生成报送包');
  if (courtLevel(db) !== 'basic') throw new CoreError('CONFLICT', '本院设置为中级法院，不生成报送包；报送包由基层法院生成');
  const recipient = getReportingRecipient(db);
  if (!recipient) throw new CoreError('CONFLICT', '尚未设置报送的中院（其 age 公钥），请先设置接收方');
  if (!ownSigningKeyPublic(db)) throw new CoreError('CONFLICT', '本院尚未生成签名密钥，请先生成密钥');
  const outDir = checkOutDir(req.outDir);

  const previous = lastExport(db);
  if (req.incremental && !previous) throw new InputError('本院还没有报送过，第一个报送包应为全量报送', 'incremental');
  // After a restore a return file may have moved the numbering past the last package this database knows: the
  // intermediate court's last one is not this one's base, so only a full package can follow.
  if (req.incremental && previous && nextSequence(db) !== previous.sequence + 1)
    throw new InputError(`中院已收到序号 ${nextSequence(db) - 1}，而本院记录的最后一个报送包是序号 ${previous.sequence}（可能从备份恢复过）：下一个报送包应为全量报送`, 'incremental');
  const unlocked = await unlockSigningKey(db, req.passphrase);
  if (!unlocked.ok) throw new InputError(unlocked.message, 'passphrase');

  const sequence = nextSequence(db);
  const packageId = randomUUID();
  const settings = new SettingsStore(db);
  // A new signing key made with `keys rotate` is announced (and proved) by this package, signed by the old key.
  const rotation = await rotationFor(db, settings, req.passphrase, self.code, sequence);
  const kind = req.incremental ? 'incremental' : 'full';
  const params: PackageBuildParams = {
    from: req.from,
    to: req.to,
    kind,
    baseSequence: req.incremental && previous ? previous.sequence : null,
    sinceRowVersion: req.incremental && previous ? previous.highRowVersion : null,
    includePartyNames: req.includePartyNames,
    auditSince: digestsSince(db, lastReturn(settings)?.lastImported?.auditLength ?? null),
    sequence,
    packageId,
    court: { code: self.code, name: self.name },
    recipient: { courtCode: recipient.courtCode, recipient: recipient.recipient, fingerprint: recipient.fingerprint },
    signingKeyFile: encodeMinisignSecretKeyFile(unlocked.key),
    keyRotation: rotation?.field ?? null,
  };
  const built = await build(params);
  const { chain, highRowVersion } = built;
  const { counts, payloadSha256, baseSequence } = built.manifest;
  const bytes = Buffer.from(built.bytes);

  const fileName = packageFileName(self.code, req.from, req.to, sequence);
  const file = path.join(outDir, fileName);
  try {
    write(file, bytes);
  } catch (err) {
    throw new InputError(`无法把报送包写入“${outDir}”（${writeFailureText(err)}）。没有生成报送包，序号 ${sequence} 未被占用`, 'outDir');
  }
  // What reached the stick is read back and checked as the intermediate court will, before the sequence is used up.
  let readBack: Buffer | null = null;
  try {
    readBack = readFileSync(file);
  } catch {
    // reported below, with the file removed
  }
  const problem = readBack === null ? '无法读回' : readBack.equals(bytes) ? await ownCheckProblem(db, readBack) : '读回的内容与写入的不一致';
  if (problem) {
    // A package the stick did not keep intact must not lie there under its final name to be carried away.
    rmSync(file, { force: true });
    throw new InputError(`写入 U 盘的报送包核验未通过（${problem}），已删除该文件，请换一个 U 盘再试。序号 ${sequence} 未被占用`, 'outDir');
  }

  const packageSha256 = sha256Hex(bytes);
  const append = auditAppender(db);
  try {
    db.transaction(() => {
      recordExport(db, {
        sequence,
        packageId,
        kind,
        baseSequence,
        periodFrom: req.from,
        periodTo: req.to,
        fileName,
        payloadSha256,
        packageSha256,
        bytes,
        highRowVersion,
        includesPartyNames: req.includePartyNames,
        counts,
        by: actor,
      });
      recordExportAnchor(db, sequence, chain);
      if (rotation) completeRotation(db, settings, rotation.pending, actor);
      append({ actor, action: 'exchange.export', entity: 'package', entityKey: String(sequence), after: { packageId, kind, baseSequence, from: req.from, to: req.to, includesPartyNames: req.includePartyNames, counts, payloadSha256, packageSha256, fileName } });
    }).immediate();
  } catch (err) {
    // Not recorded, so not sent: the file must not lie on the stick under a name the next package will take again.
    rmSync(file, { force: true });
    if (sqliteCode(err) === 'SQLITE_CONSTRAINT_UNIQUE') throw new CoreError('CONFLICT', `另一个报送包刚刚用了序号 ${sequence}，本次生成的文件已删除，请重新生成`);
    throw err;
  }
  return { file, fileName, sequence, packageId, kind, baseSequence, from: req.from, to: req.to, includesPartyNames: req.includePartyNames, counts, payloadSha256, packageSha256, bytes: bytes.length };
}

/** What reached the stick, checked as `courtdesk verify` checks the court's own package; null when it holds together. */
async function ownCheckProblem(db: Database, bytes: Buffer): Promise<string | null> {
  const v = await verifyOwnPackage(db, bytes);
  return v.ok ? null : v.message;
}
