// The exchange domain's package calls: the basic court's 报送包 (pre-flight, export, past packages) and the intermediate court's side (verify, receive, courts).
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { empty, filePath, isoDate, password } from '../api/fields';
import type { DataPart } from './partNames';

const period = { from: isoDate, to: isoDate };
const fromNotAfterTo = (a: { from: string; to: string }) => a.from <= a.to;
const FROM_AFTER_TO = { message: '起始日期不能晚于截止日期', path: ['from'] };

export const preflightArgs = z.object(period).strict().refine(fromNotAfterTo, FROM_AFTER_TO);

export const exportArgs = z
  .object({
    ...period,
    /** Only what changed since the last package (whose sequence becomes the base). */
    incremental: z.boolean().default(false),
    /** Party names travel only when someone ticks this, knowingly. */
    includePartyNames: z.boolean().default(false),
    /** The folder the package is written to, e.g. a USB stick. */
    outDir: filePath,
    passphrase: password,
  })
  .strict()
  .refine(fromNotAfterTo, FROM_AFTER_TO);
export type ExportArgs = z.infer<typeof exportArgs>;

export const rewriteArgs = z.object({ sequence: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), outDir: filePath }).strict();
export const verifyArgs = z.object({ file: filePath }).strict();
export const receiveArgs = z.object({ file: filePath, passphrase: password }).strict();

export interface PreflightIssueView {
  caseNumber: string;
  field: string;
  message: string;
}
export interface PreflightView {
  from: string;
  to: string;
  /** At most 1,000 issues are listed; how many more there are. */
  issues: PreflightIssueView[];
  more: number;
  counts: Record<DataPart, number>;
}

/** A package written (or written again) to a folder. */
export interface ExportView {
  file: string;
  fileName: string;
  sequence: number;
  packageId: string;
  kind: 'full' | 'incremental';
  baseSequence: number | null;
  from: string;
  to: string;
  includesPartyNames: boolean;
  counts: Record<DataPart, number>;
  payloadSha256: string;
  packageSha256: string;
  bytes: number;
}

/** Newest first. */
export interface PastExportView {
  sequence: number;
  packageId: string;
  kind: 'full' | 'incremental';
  baseSequence: number | null;
  periodFrom: string;
  periodTo: string;
  fileName: string;
  payloadSha256: string;
  packageSha256: string;
  size: number;
  createdAt: string;
  createdBy: string;
}

/** What the checks that need no key found: ok, or the first check that failed and why. */
export interface VerifyView {
  ok: boolean;
  /** Chinese, the failed check's message; null when ok. */
  reason: string | null;
  /** The check's stable code (e.g. signature, recipient, payloadHash, outdated), null when ok. */
  code: string | null;
  alreadyImported: boolean;
  warnings: string[];
  packageId: string | null;
  senderCode: string | null;
  senderName: string | null;
  sequence: number | null;
  kind: 'full' | 'incremental' | null;
  baseSequence: number | null;
  from: string | null;
  to: string | null;
  createdAt: string | null;
  includesPartyNames: boolean | null;
  counts: Record<DataPart, number> | null;
  payloadSha256: string | null;
}

export interface ReceiveView {
  status: 'imported' | 'alreadyImported';
  packageId: string;
  senderCode: string;
  senderName: string;
  sequence: number;
  kind: 'full' | 'incremental';
  from: string;
  to: string;
  counts: Record<DataPart, number>;
  warnings: string[];
}

export interface ReceivedCourtView {
  senderCode: string;
  senderName: string;
  lastSequence: number;
  lastPackageId: string;
  periodFrom: string;
  periodTo: string;
  receivedAt: string;
  packages: number;
  /** The latest package whose audit chain did not extend the head held (log cut or rewritten after reporting): it stays flagged. */
  chainAlert: { sequence: number; status: 'cut' | 'rewritten' | 'unverifiable'; message: string } | null;
}

export const rotateArgs = z.object({ passphrase: password }).strict();
export const revokeArgs = z
  .object({
    courtCode: z.string().trim().min(1, '请写明基层法院代码').max(20),
    fromSequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    /** The court's new key card, checked by phone, whose key signs from fromSequence on. */
    card: z.string().min(1).max(8192).optional(),
  })
  .strict();

export interface RotationView {
  /** The new key's minisign public key line and its digits, to read aloud when the intermediate court asks. */
  line: string;
  digits: string;
}
export interface RevokeView {
  courtCode: string;
  revokedKey: string;
  fromSequence: number;
  newKey: string | null;
}

export const returnMakeArgs = z.object({ courtCode: z.string().trim().min(1, '请写明基层法院代码').max(20), passphrase: password }).strict();
export const returnImportArgs = z.object({ fileName: z.string().trim().min(1).max(255), text: z.string().min(1, '文件是空的').max(98_304, '文件过大，不是中院回执') }).strict();

export interface ReceiptView {
  sequence: number;
  packageId: string;
  payloadSha256: string;
  receivedAt: string;
  /** The audit chain length whose head the intermediate court holds for this court (where the next digests start). */
  auditLength: number | null;
}

/** A return file made for one basic court: its text, to be written where the court's stick is. */
export interface ReturnMadeView {
  fileName: string;
  text: string;
  courtCode: string;
  /** How many help measures of this court it carries. */
  helpMeasures: number;
  lastImported: ReceiptView | null;
}

export interface ReturnImportView {
  status: 'imported' | 'alreadyImported';
  from: { courtCode: string; courtName: string };
  issuedAt: string;
  lastImported: ReceiptView | null;
  rangesImported: number;
  /** The intermediate court's help measures the file brought (added or replaced in the ledger, read-only there). */
  helpMeasures: number;
  /** The sequence the next package will take (moved past the receipt after a restore). */
  nextSequence: number;
  warnings: string[];
}

export const exchangeApi = defineCalls({
  'exchange.preflight': { args: preflightArgs, access: 'exchange.export', result: returns<PreflightView>() },
  'exchange.export': {
    args: exportArgs,
    access: 'exchange.export',
    slowByDesign: 'the signing key is unlocked with scrypt, and the package is compressed and encrypted',
    result: returns<ExportView>(),
  },
  'exchange.exports': { args: empty, access: 'exchange.export', result: returns<PastExportView[]>() },
  'exchange.rewrite': { args: rewriteArgs, access: 'exchange.export', result: returns<ExportView>() },
  'exchange.verify': { args: verifyArgs, access: 'exchange.receive', result: returns<VerifyView>() },
  'exchange.receive': {
    args: receiveArgs,
    access: 'exchange.receive',
    slowByDesign: 'the identity is unlocked with scrypt, and the package is decrypted and checked row by row',
    result: returns<ReceiveView>(),
  },
  'exchange.courts': { args: empty, access: 'exchange.receive', result: returns<ReceivedCourtView[]>() },
  'exchange.returnMake': {
    args: returnMakeArgs,
    access: 'exchange.receive',
    slowByDesign: 'the signing key is unlocked with scrypt',
    result: returns<ReturnMadeView>(),
  },
  'exchange.keysRotate': {
    args: rotateArgs,
    access: 'exchange.keys',
    slowByDesign: 'the current key is unlocked and the new one sealed with scrypt',
    result: returns<RotationView>(),
  },
  'exchange.revoke': { args: revokeArgs, access: 'exchange.keys', result: returns<RevokeView>() },
  'exchange.returnImport': { args: returnImportArgs, access: 'exchange.export', result: returns<ReturnImportView>() },
});
