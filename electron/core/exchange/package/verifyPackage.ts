// The intermediate court's checks that need no key, in the spec's order (size, ZIP, manifest, signature, recipient,
// payload hash, freshness): each failure its own code and Chinese message, nothing written.
import type { Database } from 'better-sqlite3';
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { parseManifest, type Manifest } from '../../../../shared/exchange/manifest';
import { PACKAGE_LIMITS } from '../../../../shared/exchange/limits';
import { readOuterZip } from '../container/zipRead';
import { minisignVerify } from '../crypto/minisign';
import { ownAgeRecipient } from '../keys/keyStore';
import { checkRotation, senderKeyFor } from '../keys/rotation';
import { findReceivedByPackageId, findReceivedBySequence, lastReceived } from '../parts/receivedStore';
import { sha256Hex } from './exportPackage';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';

export type VerifyFailure = { ok: false; code: string; message: string; manifest: Manifest | null };
export type Verified = {
  ok: true;
  manifest: Manifest;
  payload: Buffer;
  /** Same id and same payload hash as a package already imported: nothing more to do. */
  alreadyImported: boolean;
  warnings: string[];
};
export type VerifyOutcome = Verified | VerifyFailure;

const fail = (code: string, message: string, manifest: Manifest | null = null): VerifyFailure => ({ ok: false, code, message, manifest });

/** Reads the file whole, refusing before reading one that exceeds the cap. */
export function readPackageFile(file: string): { ok: true; bytes: Buffer } | VerifyFailure {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return fail('unreadable', `无法打开文件“${file}”（不存在或没有读取权限）`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return fail('unreadable', `“${file}”不是文件`);
    if (st.size === 0) return fail('empty', '文件是空的，不是报送包');
    if (st.size > PACKAGE_LIMITS.packageBytes) return fail('tooLarge', `文件大小超过报送包上限（${PACKAGE_LIMITS.packageBytes / 2 ** 20} MiB），未导入`);
    const bytes = Buffer.alloc(st.size);
    for (let at = 0; at < st.size; ) {
      const n = readSync(fd, bytes, at, st.size - at, at);
      if (n === 0) return fail('unreadable', `读取“${file}”时文件变短了，请重新拷贝`);
      at += n;
    }
    return { ok: true, bytes };
  } catch {
    return fail('unreadable', `读取“${file}”失败，请检查 U 盘`);
  } finally {
    closeSync(fd);
  }
}

/** More than five years from the receiving machine's clock is surely a wrong clock somewhere; imported, with a word. */
const CLOCK_SKEW_MS = 5 * 366 * 86_400_000;

export async function verifyPackage(db: Database, bytes: Buffer, now: Date = new Date()): Promise<VerifyOutcome> {
  // 1. size
  if (bytes.length === 0) return fail('empty', '文件是空的，不是报送包');
  if (bytes.length > PACKAGE_LIMITS.packageBytes) return fail('tooLarge', `文件大小超过报送包上限（${PACKAGE_LIMITS.packageBytes / 2 ** 20} MiB），未导入`);
  // 2. container
  const outer = await readOuterZip(bytes);
  if (!outer.ok) return fail(`zip.${outer.failure.code}`, outer.failure.message);
  // 3. manifest
  const parsed = parseManifest(outer.manifest);
  if (!parsed.ok) return fail(`manifest.${parsed.code}`, parsed.message);
  const m = parsed.manifest;
  // The same package again (same id, same payload hash, the payload matching it): nothing to check or do, whatever
  // happened to the sender's keys since (a revocation must not turn "already imported" into a refusal).
  const sameId = findReceivedByPackageId(db, m.packageId);
  if (sameId && sameId.payloadSha256 === m.payloadSha256 && sameId.senderCode === m.sender.courtCode && sameId.sequence === m.sequence && sha256Hex(outer.payload) === m.payloadSha256)
    return { ok: true, manifest: m, payload: outer.payload, alreadyImported: true, warnings: [] };
  if (m.schemaVersion > LATEST_SCHEMA_VERSION) return fail('schemaVersion', `报送包来自更新版本的程序（数据版本 ${m.schemaVersion}），请先升级本院的程序`, m);
  // 4. signature by the key in force for the named sender at this sequence, full public key compared
  const sender = senderKeyFor(db, m.sender.courtCode, m.sequence);
  if (!sender) return fail('unregisteredSender', `发送法院“${m.sender.courtCode}”未在本院登记（或其公钥尚未登记），未导入`, m);
  if (sender.revokedFrom !== null && m.sequence >= sender.revokedFrom)
    return fail('revokedKey', `发送法院“${m.sender.courtCode}”自序号 ${sender.revokedFrom} 起使用的签名公钥已被吊销，未导入；请该院按新登记的密钥重新生成报送包`, m);
  const verdict = minisignVerify(outer.manifest, outer.signature.toString('utf8'), sender.key);
  if (!verdict.ok) {
    const why =
      verdict.reason === 'keyId' ? '签名所用的密钥不是该院登记的密钥（或不是此序号应使用的密钥）'
      : verdict.reason === 'malformed' || verdict.reason === 'algorithm' ? '签名文件格式不正确'
      : '签名无效：报送包清单被改动，或不是该院签发';
    return fail(`signature.${verdict.reason}`, `${why}，未导入`, m);
  }
  const rotation = checkRotation(db, m, sender);
  if (rotation) return fail(rotation.code, rotation.message, m);
  // 5. recipient
  const ours = ownAgeRecipient(db);
  if (!ours) return fail('noIdentity', '本院尚未生成或导入解密密钥（courtdesk keys init 或 keys import-identity），无法接收报送包', m);
  if (ours.fingerprint !== m.recipient.fingerprint) return fail('recipient', '此报送包不是报送给本院的，未导入', m);
  // 6. payload hash, before any key is touched
  if (sha256Hex(outer.payload) !== m.payloadSha256) return fail('payloadHash', '报送包的加密内容与清单的校验值不符（内容被改动或损坏），未导入', m);
  // 7. freshness
  const stale = freshness(db, m);
  if (stale) return stale;
  const warnings: string[] = [];
  const created = Date.parse(m.createdAt);
  if (!Number.isFinite(created) || Math.abs(created - now.getTime()) > CLOCK_SKEW_MS)
    warnings.push(`报送包的生成时间（${m.createdAt}）与本机时间相差五年以上，请核对双方电脑的时钟`);
  return { ok: true, manifest: m, payload: outer.payload, alreadyImported: false, warnings };
}

/**
 * Step 7 for a package not imported before: its id, its sequence, its place after the last one imported. Run again
 * inside the receive's write transaction, so that two imports racing through the slow steps cannot both land.
 */
export function freshness(db: Database, m: Manifest): VerifyFailure | null {
  if (findReceivedByPackageId(db, m.packageId)) return fail('idReused', '此报送包的编号已被另一份内容不同的报送包使用，未导入', m);
  if (findReceivedBySequence(db, m.sender.courtCode, m.sequence)) return fail('sequenceReused', `序号 ${m.sequence} 已用于该院另一份报送包，未导入`, m);
  const last = lastReceived(db, m.sender.courtCode);
  if (last && m.sequence < last.sequence) return fail('outdated', `此报送包（序号 ${m.sequence}）早于已导入的序号 ${last.sequence}，已过期，未导入`, m);
  if (m.kind === 'incremental') {
    const base = m.baseSequence ?? 0;
    const have = last?.sequence ?? 0;
    if (!last || base !== last.sequence) {
      const what = base > have ? `缺少序号 ${base === have + 1 ? base : `${have + 1}–${base}`} 的报送包` : `它基于序号 ${base}，而本院最后导入的是序号 ${have || '（无）'}`;
      return fail('baseMismatch', `增量报送包不能导入：${what}，请先导入缺少的报送包或请该院重新全量报送`, m);
    }
  }
  return null;
}
