// The exchange keys' calls: this court's keys and card, where a basic court reports, the basic courts an intermediate court registers.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';

/** A key as shown: its public text, and the fingerprint as hex (files) and as digit groups (read over the phone). */
export interface KeyView {
  publicKey: string;
  fingerprint: string;
  digits: string;
  createdAt: string;
}

/** What an intermediate court's key card says, every check passed, before the basic court records it as its recipient. */
export interface RecipientCardView {
  courtCode: string;
  courtName: string;
  /** The card's date, YYYY-MM-DD. */
  date: string;
  /** age: the key the packages are encrypted to. */
  recipient: string;
  fingerprint: string;
  digits: string;
  /** minisign: the key the intermediate court signs its return files with. */
  signingKey: string;
  signingFingerprint: string;
  signingDigits: string;
}

export interface SenderView {
  courtCode: string;
  courtName: string;
  publicKey: string;
  digits: string;
  registeredAt: string;
  revokedAt: string | null;
}

export interface KeysView {
  level: 'basic' | 'intermediate';
  courtCode: string | null;
  courtName: string | null;
  /** minisign: a basic court's package signing key, an intermediate court's return-file signing key. */
  signing: KeyView | null;
  /** age: an intermediate court's decryption identity (its public recipient). */
  age: KeyView | null;
  /** A basic court: the intermediate court it reports to. */
  recipient: (KeyView & { courtCode: string; courtName: string; signingKey: string | null; signingFingerprint: string | null; signingDigits: string | null }) | null;
  /** An intermediate court: the basic courts registered. */
  senders: SenderView[];
}

// A passphrase guards the private keys on a stick or a stolen disk: at least 10 characters; the limit keeps scrypt's input bounded.
const passphrase = z.string().min(10, '口令至少 10 个字符').max(200, '口令最多 200 个字符');
const courtCode = z.string().trim().min(1, '请输入法院代码').max(10, '法院代码最多 10 个字符');
const courtName = z.string().trim().min(1, '请输入法院名称').max(50, '法院名称最多 50 个字符');

const SCRYPT = 'the private key is sealed or opened with age scrypt (about a second, by design)';

export const exchangeKeysApi = defineCalls({
  'exchange.keysInit': {
    args: z.object({ passphrase }).strict(),
    access: 'exchange.keys',
    slowByDesign: SCRYPT,
    result: returns<KeysView>(),
  },
  'exchange.keysShow': { args: z.object({}).strict(), access: 'exchange.keys', result: returns<KeysView>() },
  'exchange.keysExportPublic': {
    // The card is signed by the key it carries, so the passphrase opens that key for one signature.
    args: z.object({ passphrase: z.string().min(1, '请输入口令').max(200, '口令最多 200 个字符') }).strict(),
    access: 'exchange.keys',
    slowByDesign: SCRYPT,
    result: returns<{ text: string; fileName: string; digits: string }>(),
  },
  'exchange.keysImportIdentity': {
    args: z.object({ identityText: z.string().min(1, '请提供 age 身份文件').max(4000, 'age 身份文件过长（应只有几行）'), passphrase }).strict(),
    access: 'exchange.keys',
    slowByDesign: SCRYPT,
    result: returns<KeysView>(),
  },
  'exchange.recipientSet': {
    args: z.object({
      recipient: z.string().trim().min(1, '请输入中院的 age 公钥').max(2000, 'age 公钥过长'),
      courtCode,
      courtName,
      signingKey: z.string().trim().max(200, '签名公钥过长').optional(),
    }).strict(),
    access: 'exchange.keys',
    result: returns<KeysView>(),
  },
  // Reads and checks an intermediate court's card without storing anything: the window shows both fingerprints to be
  // compared by phone, then records the card's keys with exchange.recipientSet.
  'exchange.recipientCardCheck': {
    args: z.object({ card: z.string().min(1, '请提供中院的公钥卡').max(8000, '公钥卡过长') }).strict(),
    access: 'exchange.keys',
    result: returns<RecipientCardView>(),
  },
  'exchange.register': {
    args: z.object({ card: z.string().min(1, '请提供公钥卡').max(8000, '公钥卡过长') }).strict(),
    access: 'exchange.keys',
    result: returns<SenderView>(),
  },
});
