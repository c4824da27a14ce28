// Reads a package just written back as the intermediate court will (container, signature, payload hash), before the
// basic court records it: a stick that stored other bytes than it was given is found here, not at the intermediate court.
import { readOuterZip } from '../container/zipRead';
import { minisignVerify, type MinisignPublicKey } from '../crypto/minisign';
import { parseManifest } from '../../../../shared/exchange/manifest';
import { createHash } from 'node:crypto';

/** null when the package holds together; otherwise what is wrong, in Chinese. */
export async function checkWrittenPackage(bytes: Buffer, signer: MinisignPublicKey): Promise<string | null> {
  const outer = await readOuterZip(bytes);
  if (!outer.ok) return outer.failure.message;
  const manifest = parseManifest(outer.manifest);
  if (!manifest.ok) return manifest.message;
  if (!minisignVerify(outer.manifest, outer.signature.toString('utf8'), signer).ok) return '签名无法核验';
  if (createHash('sha256').update(outer.payload).digest('hex') !== manifest.manifest.payloadSha256) return '加密内容的校验值不符';
  return null;
}
