// Keys for the exchange tests without the scrypt-bound calls' ceremony: an intermediate court's sealed age identity and
// its registered basic courts, stored through the keys store as keys.importIdentity and register would.
import type { Database } from 'better-sqlite3';
import { generateAgeIdentity } from '../../electron/core/exchange/crypto/age';
import { minisignPublicKeyLine, type MinisignSecretKey } from '../../electron/core/exchange/crypto/minisign';
import { minisignFingerprint, sealAgeIdentity, storeOwnKeys, storeSender } from '../../electron/core/exchange/keys/keyStore';

export async function installTestKeys(db: Database, passphrase: string, senders: Array<{ courtCode: string; courtName: string; key: MinisignSecretKey }>) {
  const { identity } = await generateAgeIdentity();
  const sealed = await sealAgeIdentity(identity, passphrase);
  storeOwnKeys(db, [{ kind: 'age', publicText: sealed.recipient, fingerprint: sealed.fingerprint, sealed: sealed.sealed }], 'tester', 'exchange.keys.importIdentity');
  for (const s of senders) storeSender(db, { courtCode: s.courtCode, courtName: s.courtName, publicKey: minisignPublicKeyLine(s.key), fingerprint: minisignFingerprint(s.key).hex }, 'tester');
  return { identity, recipient: sealed.recipient, fingerprint: sealed.fingerprint };
}
