// Handlers of the exchange keys: making and showing this court's keys and card, setting the recipient, registering basic courts.
import type { Database } from 'better-sqlite3';
import { exchangeKeysApi, type KeysView, type RecipientCardView, type SenderView } from '../../../../shared/exchange/keysApi';
import { keyCardBody, keyCardText, parseKeyCard } from '../../../../shared/exchange/keyCard';
import { createDomain } from '../../kernel/domain';
import { CoreError, InputError } from '../../kernel/errors';
import type { CoreServices } from '../../app/services';
import { getSelfCourt, validateCourtCode } from '../../court/courtStore';
import { cleanName, NAME_MAX } from '../../../../shared/text/names';
import { checkAgeRecipient, parseAgeIdentityFile } from '../crypto/age';
import { minisignPublicKeyLine, minisignSign, minisignVerify, parseMinisignPublicKey } from '../crypto/minisign';
import {
  ageFingerprint,
  courtLevel,
  findRegisteredSender,
  getReportingRecipient,
  listRegisteredSenders,
  makeAgeIdentity,
  makeSigningKey,
  minisignFingerprint,
  ownAgeRecipient,
  ownSigningKeyPublic,
  sealAgeIdentity,
  storeOwnKeys,
  storeRecipient,
  storeSender,
  unlockSigningKey,
  type NewOwnKey,
} from './keyStore';
import { currentSenderKey } from './rotation';


export function keysView(db: Database): KeysView {
  const court = getSelfCourt(db);
  const signing = ownSigningKeyPublic(db);
  const age = ownAgeRecipient(db);
  const r = getReportingRecipient(db);
  return {
    level: courtLevel(db),
    courtCode: court?.code ?? null,
    courtName: court?.name ?? null,
    signing: signing && { publicKey: signing.line, fingerprint: signing.fingerprint, digits: minisignFingerprint(signing.publicKey).digits, createdAt: signing.createdAt },
    age: age && { publicKey: age.recipient, fingerprint: age.fingerprint, digits: ageFingerprint(age.recipient).digits, createdAt: age.createdAt },
    recipient: r && { courtCode: r.courtCode, courtName: r.courtName, ...signingView(r.signingKey), publicKey: r.recipient, fingerprint: r.fingerprint, digits: ageFingerprint(r.recipient).digits, createdAt: r.setAt },
    senders: listRegisteredSenders(db).map((sender) => senderView(db, sender)),
  };
}

/** The intermediate court's return-file signing key as recorded, with its fingerprints (null if none or unreadable). */
function signingView(line: string | null): { signingKey: string | null; signingFingerprint: string | null; signingDigits: string | null } {
  const k = line ? parseMinisignPublicKey(line) : null;
  if (!k) return { signingKey: line, signingFingerprint: null, signingDigits: null };
  const fp = minisignFingerprint(k);
  return { signingKey: line, signingFingerprint: fp.hex, signingDigits: fp.digits };
}

/** The key that signs the court's next packages (after any rotation or new card), and when it was revoked if it was. */
function senderView(db: Database, s: ReturnType<typeof listRegisteredSenders>[number]): SenderView {
  const current = currentSenderKey(db, s.courtCode);
  const key = current ? current.key : s.publicKey;
  return { courtCode: s.courtCode, courtName: s.courtName, publicKey: minisignPublicKeyLine(key), digits: minisignFingerprint(key).digits, registeredAt: s.registeredAt, revokedAt: current?.revokedAt ?? s.revokedAt };
}

function requireCourt(db: Database) {
  const court = getSelfCourt(db);
  if (!court) throw new CoreError('CONFLICT', '数据库尚未初始化本院信息');
  return court;
}

function requireLevel(db: Database, level: 'basic' | 'intermediate', what: string): void {
  if (courtLevel(db) !== level) throw new CoreError('CONFLICT', level === 'basic' ? `${what}只用于基层法院；本院设为中级法院` : `${what}只用于中级法院；本院设为基层法院`);
}

export const exchangeKeysDomain = createDomain('exchange', exchangeKeysApi, (s: CoreServices) => ({
  'exchange.keysInit': async (a, ctx) => {
    requireCourt(s.db);
    // A key once on a card is what the other court checked by phone: replacing it is a rotation, not a second init.
    if (ownSigningKeyPublic(s.db)) throw new CoreError('CONFLICT', '本院已有报送密钥，不能重复生成；更换密钥须按密钥轮换办理');
    const keys: NewOwnKey[] = [];
    const signing = await makeSigningKey(a.passphrase);
    keys.push({ kind: 'minisign', publicText: signing.line, fingerprint: signing.fingerprint, sealed: signing.sealed });
    // An intermediate court also decrypts: its age identity, sealed under the same passphrase, unless it imported
    // one already (keys import-identity from its key backup), which stays.
    if (courtLevel(s.db) === 'intermediate' && !ownAgeRecipient(s.db)) {
      const age = await makeAgeIdentity(a.passphrase);
      keys.push({ kind: 'age', publicText: age.recipient, fingerprint: age.fingerprint, sealed: age.sealed });
    }
    storeOwnKeys(s.db, keys, ctx.actor, 'exchange.keys.init');
    return keysView(s.db);
  },
  'exchange.keysShow': () => keysView(s.db),
  'exchange.keysExportPublic': async (a) => {
    const court = requireCourt(s.db);
    const view = keysView(s.db);
    if (!view.signing) throw new CoreError('CONFLICT', '本院尚未生成报送密钥（courtdesk keys init）');
    if (view.level === 'intermediate' && !view.age) throw new CoreError('CONFLICT', '本院尚未生成或导入解密密钥（courtdesk keys import-identity）');
    const unlocked = await unlockSigningKey(s.db, a.passphrase);
    if (!unlocked.ok) throw new InputError(unlocked.message, 'passphrase');
    const body = keyCardBody({
      level: view.level,
      courtCode: court.code,
      courtName: court.name,
      minisignPublicKey: view.signing.publicKey,
      minisignFingerprint: view.signing.digits,
      ...(view.age ? { ageRecipient: view.age.publicKey, ageFingerprint: view.age.digits } : {}),
      date: s.today(),
    });
    const signature = minisignSign(new TextEncoder().encode(body), unlocked.key, `courtdesk key card ${court.code} ${s.today()}`);
    return { text: keyCardText(body, signature), fileName: `${court.code}-公钥卡.txt`, digits: view.level === 'intermediate' ? view.age!.digits : view.signing.digits };
  },
  'exchange.keysImportIdentity': async (a, ctx) => {
    requireCourt(s.db);
    requireLevel(s.db, 'intermediate', '导入 age 解密密钥');
    const identity = parseAgeIdentityFile(a.identityText);
    if (!identity) throw new InputError('不是有效的 age 身份文件：应含一行 AGE-SECRET-KEY-1… 且校验正确（age-keygen 生成的文件）', 'identityText');
    const sealed = await sealAgeIdentity(identity, a.passphrase);
    storeOwnKeys(s.db, [{ kind: 'age', publicText: sealed.recipient, fingerprint: sealed.fingerprint, sealed: sealed.sealed }], ctx.actor, 'exchange.keys.importIdentity');
    return keysView(s.db);
  },
  'exchange.recipientSet': (a, ctx) => {
    requireCourt(s.db);
    requireLevel(s.db, 'basic', '设置报送接收方');
    const check = checkAgeRecipient(a.recipient);
    if (!check.ok) throw new InputError(check.message, 'recipient');
    const codeError = validateCourtCode(a.courtCode);
    if (codeError) throw new InputError(codeError, 'courtCode');
    const name = cleanName(a.courtName, '中院名称', NAME_MAX.court);
    if (!name.ok) throw new InputError(name.error, 'courtName');
    let signingKey: string | null = null;
    if (a.signingKey) {
      const k = parseMinisignPublicKey(a.signingKey);
      if (!k) throw new InputError('中院签名公钥格式不正确（应为 RW 开头的 minisign 公钥）', 'signingKey');
      // This court's own key pasted by mistake would accept return files signed here and refuse the intermediate court's.
      const own = ownSigningKeyPublic(s.db);
      if (own && minisignFingerprint(own.publicKey).hex === minisignFingerprint(k).hex) throw new InputError('这是本院自己的签名公钥，不是中院的：请填写中院公钥卡上 minisign-public-key 一行', 'signingKey');
      signingKey = minisignPublicKeyLine(k);
    }
    storeRecipient(s.db, { courtCode: a.courtCode, courtName: name.value, recipient: check.recipient, fingerprint: ageFingerprint(check.recipient).hex, signingKey }, ctx.actor);
    return keysView(s.db);
  },
  'exchange.recipientCardCheck': (a) => {
    const self = requireCourt(s.db);
    requireLevel(s.db, 'basic', '读取中院公钥卡');
    return readIntermediateCard(a.card, self.code);
  },
  'exchange.register': (a, ctx) => {
    const self = requireCourt(s.db);
    requireLevel(s.db, 'intermediate', '登记基层法院公钥卡');
    const { fields: f, key } = readBasicCard(a.card, self.code);
    if (findRegisteredSender(s.db, f.courtCode)) throw new CoreError('CONFLICT', `${f.courtCode} 已登记公钥；更换须按密钥轮换或吊销后重新登记办理`);
    const name = cleanName(f.courtName, '公钥卡的法院名称', NAME_MAX.court);
    if (!name.ok) throw new InputError(name.error, 'card');
    storeSender(s.db, { courtCode: f.courtCode, courtName: name.value, publicKey: f.minisignPublicKey, fingerprint: minisignFingerprint(key).hex }, ctx.actor);
    return senderView(s.db, findRegisteredSender(s.db, f.courtCode)!);
  },
}));

/** A basic court's key card, checked: its own signature, its fingerprint, its level and court code (register, revoke). */
export function readBasicCard(text: string, selfCode: string) {
  const card = parseKeyCard(text);
  if (!card.ok) throw new InputError(card.message, 'card');
  const f = card.fields;
  if (f.level !== 'basic') throw new InputError('这是中级法院的公钥卡，不能登记为报送法院', 'card');
  const codeError = validateCourtCode(f.courtCode);
  if (codeError) throw new InputError(`公钥卡的${codeError}`, 'card');
  if (f.courtCode === selfCode) throw new InputError('公钥卡是本院自己的，不能登记', 'card');
  const key = parseMinisignPublicKey(f.minisignPublicKey);
  if (!key) throw new InputError('公钥卡的 minisign 公钥格式不正确', 'card');
  if (minisignFingerprint(key).digits !== f.minisignFingerprint) throw new InputError('公钥卡上的指纹与公钥不符：公钥卡已被改动或抄错', 'card');
  const verdict = minisignVerify(new TextEncoder().encode(card.body), card.signature, key);
  if (!verdict.ok) throw new InputError('公钥卡签名无效：公钥卡已被改动，或不是由卡上公钥签发', 'card');
  return { fields: f, key };
}

/**
 * An intermediate court's key card, checked as a basic court records it: its level and code, both keys readable, both
 * stated fingerprints those of the keys, and its signature made by the signing key it carries. Stores nothing.
 */
export function readIntermediateCard(text: string, selfCode: string): RecipientCardView {
  const card = parseKeyCard(text);
  if (!card.ok) throw new InputError(card.message, 'card');
  const f = card.fields;
  if (f.level !== 'intermediate') throw new InputError('这是基层法院的公钥卡，不是中院的：请使用中院交来的公钥卡（卡上有 age-recipient 一行）', 'card');
  const codeError = validateCourtCode(f.courtCode);
  if (codeError) throw new InputError(`公钥卡的${codeError}`, 'card');
  if (f.courtCode === selfCode) throw new InputError('公钥卡是本院自己的，不能设为接收方', 'card');
  const name = cleanName(f.courtName, '公钥卡的法院名称', NAME_MAX.court);
  if (!name.ok) throw new InputError(name.error, 'card');
  const age = checkAgeRecipient(f.ageRecipient ?? '');
  if (!age.ok) throw new InputError(`公钥卡的 age-recipient 一行：${age.message}`, 'card');
  const key = parseMinisignPublicKey(f.minisignPublicKey);
  if (!key) throw new InputError('公钥卡的 minisign 公钥格式不正确', 'card');
  const sign = minisignFingerprint(key);
  const ageFp = ageFingerprint(age.recipient);
  if (sign.digits !== f.minisignFingerprint || ageFp.digits !== f.ageFingerprint) throw new InputError('公钥卡上的指纹与公钥不符：公钥卡已被改动或抄错', 'card');
  if (!minisignVerify(new TextEncoder().encode(card.body), card.signature, key).ok) throw new InputError('公钥卡签名无效：公钥卡已被改动，或不是由卡上公钥签发', 'card');
  return {
    courtCode: f.courtCode,
    courtName: name.value,
    date: f.date,
    recipient: age.recipient,
    fingerprint: ageFp.hex,
    digits: ageFp.digits,
    signingKey: minisignPublicKeyLine(key),
    signingFingerprint: sign.hex,
    signingDigits: sign.digits,
  };
}
