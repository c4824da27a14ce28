// The extensions domain's calls: the extension workflow (延长审限): a judge's request with its reason and letters, the
// division head's opinion, the president's (or his delegate's) decision, the higher court's answer, and the queue.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { caseNumber } from '../api/fields';
import { uploadPieceArgs, uploadToken, type UploadPieceResult } from '../api/uploads';
import type { ExtensionStatus, Procedure } from '../cases/types';
import type { DeadlineStatus } from '../deadlines/engine';
import { EXTENSION_REASONS, type ExtensionReason, type ExtensionRoute } from './rules';
import { extensionFilterShape, studyArgs, type ExtensionStudy } from './study';

/** A letter attached to a request is at most 10 MB, and a request carries at most 3. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_MAX = 3;
export const EXTENSION_TEXT_MAX = 2000;
/** A letter is handed to the window in pieces of this size (extensions.attachment with an offset). */
export const LETTER_PIECE_BYTES = 1024 * 1024;
/** extensions.list answers at most this many requests; the desk says so when a list reaches it. */
export const EXTENSION_LIST_LIMIT = 1000;
export const LETTER_EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg'] as const;

/** Where a request made in CourtDesk stands; null for one brought by an import, which arrives decided. */
export type ExtensionStage = 'opinion' | 'decision' | 'forwarding' | 'higher_court' | 'decided';
export const STAGE_LABELS: Record<ExtensionStage, string> = {
  opinion: '待庭长签署意见', decision: '待院领导审批', forwarding: '待报送上级法院', higher_court: '已报上级法院，待答复', decided: '已审批',
};

export interface ExtensionStepView {
  step: 'opinion' | 'decision' | 'forwarded' | 'higher_court';
  outcome: 'agree' | 'disagree' | 'approved' | 'rejected' | 'forwarded';
  /** Who signed it (for a higher court's answer: who entered it), the day and the moment it was recorded. */
  by: string | null;
  on: string;
  at: string;
  months: number | null;
  days: number | null;
  comment: string | null;
  /** A civil decision later than 5 days before the due date. */
  late: boolean;
}

/** One request as the president's desk lists it: the request, the case's facts and the judge's load beside it. */
export interface ExtensionRow {
  id: number;
  caseNumber: string;
  cause: string;
  procedure: Procedure | null;
  division: string;
  judge: string;
  filedOn: string;
  /** The engine's due date today and days remaining (negative: overdue), and its status. */
  dueOn: string | null;
  daysRemaining: number | null;
  deadlineStatus: DeadlineStatus;
  requestedBy: string | null;
  /** The assistant who asked for the judge (requestedBy), when it was not the judge himself. */
  enteredBy: string | null;
  requestedOn: string;
  reason: string;
  reasonCode: ExtensionReason | null;
  explanation: string | null;
  /** What was asked, and (once approved) what is in force. */
  asked: { months: number; days: number };
  approved: { months: number; days: number } | null;
  status: ExtensionStatus;
  stage: ExtensionStage | null;
  stageLabel: string;
  route: ExtensionRoute | null;
  routeLabel: string | null;
  late: boolean;
  /** Who acts next, by name where one person does (the division head, the president or his delegate). */
  waitingFor: string | null;
  /** Extensions this case already had approved, this request left out. */
  earlierExtensions: number;
  /** The judge's open cases and, of them, those past their due date. */
  judgeOpen: number;
  judgeOverdue: number;
  steps: ExtensionStepView[];
  /** The letters attached, by name and size. */
  attachments: ExtensionAttachmentView[];
}

export interface ExtensionAttachmentView {
  id: number;
  name: string;
  mime: 'application/pdf' | 'image/png' | 'image/jpeg';
  size: number;
  sha256: string;
}

export interface ExtensionDetail extends ExtensionRow {
  /** Why it goes up, why it is late: the rule check's notes when the request was made. */
  notes: string[];
}

/** The printed 延长审理期限审批表 of a request: a PDF of tens of KB, carried whole in the answer as base64. */
export interface ExtensionForm {
  id: number;
  caseNumber: string;
  /** 延长审限审批表-<案号>-<编号>.pdf */
  fileName: string;
  bytes: number;
  base64: string;
}

/** What a delegation may name: the court's trial divisions, and its vice-presidents with an active account. */
export interface DelegationOptions {
  divisions: string[];
  vicePresidents: string[];
}

export interface ExtensionSettings {
  /** A late request (逾期申请) is refused outright instead of marked. */
  refuseLate: boolean;
  /** Divisions whose requests a vice-president decides: division name → his name. */
  delegations: Record<string, string>;
}

const base64 = z.string().max(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 4, '附件不能超过 10 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, '附件内容不是 base64 编码');
const letterName = z.string().trim().min(1, '请填写附件文件名').max(120, '附件文件名最多 120 个字');
/** A letter sent inline (the command line), or uploaded in pieces first (the window, extensions.upload) and named by its token. */
const attachment = z.union([
  z.object({ name: letterName, base64 }).strict(),
  z.object({ name: letterName, upload: uploadToken }).strict(),
]);
const comment = z.string().trim().min(1, '请填写意见').max(EXTENSION_TEXT_MAX, `意见最多 ${EXTENSION_TEXT_MAX} 个字`);
const months = z.number().int('月数应为整数').min(0, '月数不能为负数').max(12, '月数最多 12');
const days = z.number().int('天数应为整数').min(0, '天数不能为负数').max(366, '天数最多 366');
const id = z.number().int().positive();
const personName = z.string().trim().min(1, '请填写姓名').max(20, '姓名最多 20 个字');

export const extensionsApi = defineCalls({
  'extensions.request': {
    args: z.object({
      caseNumber,
      months: months.default(0),
      days: days.default(0),
      reason: z.enum(EXTENSION_REASONS, { message: `延长理由应为 ${EXTENSION_REASONS.join('、')} 之一` }),
      explanation: z.string().trim().min(1, '请写明申请延长的具体理由').max(EXTENSION_TEXT_MAX, `具体理由最多 ${EXTENSION_TEXT_MAX} 个字`),
      attachments: z.array(attachment).max(ATTACHMENTS_MAX, `附件最多 ${ATTACHMENTS_MAX} 个`).default([]),
    }).strict(),
    access: 'extension.request',
    result: returns<ExtensionDetail>(),
  },
  // The window uploads each letter in pieces first (the loopback host takes bodies of 1 MB); the request names them.
  'extensions.upload': {
    args: uploadPieceArgs(
      letterName.refine((n) => LETTER_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)), '附件只能是 PDF、JPG 或 PNG 文件'),
      ATTACHMENT_MAX_BYTES,
      '附件不能超过 10 MB',
    ),
    access: 'extension.request',
    result: returns<UploadPieceResult>(),
  },
  'extensions.discardUpload': { args: z.object({ upload: uploadToken }).strict(), access: 'extension.request', result: returns<{ discarded: boolean }>() },
  'extensions.opinion': { args: z.object({ id, agree: z.boolean(), comment }).strict(), access: 'extension.opinion', result: returns<ExtensionDetail>() },
  'extensions.decide': {
    args: z.object({ id, approve: z.boolean(), months: months.optional(), days: days.optional(), comment }).strict(),
    access: 'extension.approve',
    result: returns<ExtensionDetail>(),
  },
  // The president's office sends the request up and, when the answer returns, enters it: the same people who may
  // approve (extension.approve), since both are acts of the court's leadership on the record, not a clerk's entry.
  'extensions.forward': { args: z.object({ id, comment: comment.optional() }).strict(), access: 'extension.approve', result: returns<ExtensionDetail>() },
  'extensions.higherCourt': {
    args: z.object({ id, approve: z.boolean(), months: months.optional(), days: days.optional(), comment }).strict(),
    access: 'extension.approve',
    result: returns<ExtensionDetail>(),
  },
  // Anyone who sees cases sees the requests of the cases in his scope: a judge his own, a division head his division's.
  'extensions.list': {
    // The filter keys are those of a figure of the study (extensions.study), so its click lists exactly its requests.
    args: z.object({ status: z.enum(['waiting', 'decided', 'all']).default('waiting'), caseNumber: caseNumber.optional(), ...extensionFilterShape }).strict(),
    access: 'cases.view',
    result: returns<ExtensionRow[]>(),
  },
  // 延审原因分析: the requests of a period by reason, division, judge and month, within the same scope as the list.
  'extensions.study': { args: studyArgs, access: 'cases.view', result: returns<ExtensionStudy>() },
  'extensions.get': { args: z.object({ id }).strict(), access: 'cases.view', result: returns<ExtensionDetail>() },
  // Printing the form is the same reading as extensions.get; the handler puts who printed which form on the record.
  'extensions.form': { args: z.object({ id }).strict(), access: 'cases.view', result: returns<ExtensionForm>() },
  // A letter in pieces of LETTER_PIECE_BYTES from offset: a 10 MB scan is never one answer.
  'extensions.attachment': {
    args: z.object({ id, attachmentId: id, offset: z.number().int().min(0).default(0) }).strict(),
    access: 'cases.view',
    result: returns<ExtensionAttachmentView & { base64: string; next: number; total: number }>(),
  },
  'extensions.settings': { args: z.object({}).strict(), access: 'signedIn', result: returns<ExtensionSettings>() },
  'extensions.delegationOptions': { args: z.object({}).strict(), access: 'extension.settings', result: returns<DelegationOptions>() },
  // The delegation is the president's (issue 13); the administrator may enter it on his instruction, like the
  // court's other settings. Both hold extension.settings.
  'extensions.setSettings': {
    args: z.object({
      refuseLate: z.boolean().optional(),
      delegations: z.record(z.string().trim().min(1).max(50, '部门名称最多 50 个字'), personName).optional()
        .refine((d) => d === undefined || Object.keys(d).length <= 100, '分管部门最多 100 个'),
    }).strict(),
    access: 'extension.settings',
    result: returns<ExtensionSettings>(),
  },
});

export type { ExtensionReason, ExtensionRoute };
export type { ExtensionFilter, ExtensionStudy } from './study';
