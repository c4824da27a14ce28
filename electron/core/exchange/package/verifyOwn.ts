// A basic court checks one of its own packages (e.g. the copy on a stick before it leaves): container, manifest, its
// own signature, the recipient it reports to, and the payload hash; freshness is the intermediate court's to judge.
import type { Database } from 'better-sqlite3';
import { parseManifest } from '../../../../shared/exchange/manifest';
import { readOuterZip } from '../container/zipRead';
import { minisignVerify } from '../crypto/minisign';
import { getReportingRecipient, ownSigningKeyPublic } from '../keys/keyStore';
import { getSelfCourt } from '../../court/courtStore';
import { sha256Hex } from './exportPackage';
import type { VerifyOutcome } from './verifyPackage';

export async function verifyOwnPackage(db: Database, bytes: Buffer): Promise<VerifyOutcome> {
  const outer = await readOuterZip(bytes);
  if (!outer.ok) return { ok: false, code: `zip.${outer.failure.code}`, message: outer.failure.message, manifest: null };
  const parsed = parseManifest(outer.manifest);
  if (!parsed.ok) return { ok: false, code: `manifest.${parsed.code}`, message: parsed.message, manifest: null };
  const m = parsed.manifest;
  const self = getSelfCourt(db);
  const own = ownSigningKeyPublic(db);
  if (!self || m.sender.courtCode !== self.code || !own) return { ok: false, code: 'notOwn', message: '这不是本院生成的报送包', manifest: m };
  const verdict = minisignVerify(outer.manifest, outer.signature.toString('utf8'), own.publicKey);
  if (!verdict.ok) return { ok: false, code: `signature.${verdict.reason}`, message: '签名无效：报送包清单被改动，或不是用本院当前的密钥签发', manifest: m };
  const recipient = getReportingRecipient(db);
  if (!recipient || recipient.fingerprint !== m.recipient.fingerprint) return { ok: false, code: 'recipient', message: '此报送包不是加密给本院当前设置的中院的', manifest: m };
  if (sha256Hex(outer.payload) !== m.payloadSha256) return { ok: false, code: 'payloadHash', message: '报送包的加密内容与清单的校验值不符（内容被改动或损坏）', manifest: m };
  return { ok: true, manifest: m, payload: outer.payload, alreadyImported: false, warnings: [] };
}
