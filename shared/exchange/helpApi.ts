// An intermediate court's calls for one basic court's 脱薄 ledger: the ledger as its latest package brought it, and the intermediate court's own help measures (帮扶措施) for that court, which travel back in the return file.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { isoDate } from '../api/fields';
import type { FoundBy, MeasureStatus } from '../ledger/rules';

export const HELP_TEXT_MAX = 1000;
export const HELP_PROGRESS_MAX = 2000;

/** A target of a received weak point, as the ledger prints it. */
export interface ReceivedTargetView {
  indicator: string;
  name: string;
  targetText: string;
  dueOn: string;
}
export interface ReceivedWeakPointView {
  id: number;
  text: string;
  foundBy: FoundBy;
  foundByLabel: string;
  foundOn: string;
  targets: ReceivedTargetView[];
}
export interface ReceivedProgressView {
  onDate: string;
  text: string;
  done: boolean;
  /** Evidence files by name (they stay at the basic court). */
  evidence: string[];
}
export interface ReceivedMeasureView {
  id: number;
  kindLabel: string;
  text: string;
  weakPointIds: number[];
  leader: string;
  owner: string;
  division: string;
  startOn: string;
  dueOn: string;
  doneOn: string | null;
  /** As the basic court computed it at its package's period end. */
  status: MeasureStatus;
  statusLabel: string;
  /** A help measure of this court brought back by the basic court (origin 'return'). */
  fromReturn: boolean;
  latest: ReceivedProgressView | null;
  progressCount: number;
}
export interface ReceivedLedgerView {
  sequence: number;
  receivedAt: string;
  /** The period end the statuses are as of. */
  asOf: string;
  weakPoints: ReceivedWeakPointView[];
  measures: ReceivedMeasureView[];
  counts: Record<MeasureStatus, number>;
  meetings: Array<{ heldOn: string; title: string }>;
}

export interface HelpProgressView {
  id: number;
  onDate: string;
  text: string;
  done: boolean;
  recordedBy: string;
}
export interface HelpMeasureView {
  id: number;
  text: string;
  weakPointIds: number[];
  leader: string;
  owner: string;
  division: string;
  startOn: string;
  dueOn: string;
  doneOn: string | null;
  /** As of today at the intermediate court. */
  status: MeasureStatus;
  statusLabel: string;
  progress: HelpProgressView[];
}

export interface CourtLedgerView {
  courtCode: string;
  courtName: string;
  today: string;
  /** null until a package with a ledger has come from the court. */
  received: ReceivedLedgerView | null;
  help: HelpMeasureView[];
  /** Whether the person may add and edit help measures (ledger.manage). */
  canManage: boolean;
}

const courtCode = z.string().trim().min(1, '请写明基层法院代码').max(20, '法院代码最多 20 个字');
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const name = (what: string) => z.string().trim().min(1, `请填写${what}`).max(50, `${what}最多 50 个字`);
const helpFields = {
  text: z.string().trim().min(1, '请填写帮扶措施内容').max(HELP_TEXT_MAX, `帮扶措施内容最多 ${HELP_TEXT_MAX} 个字`),
  /** The basic court's weak point ids, as its package named them. */
  weakPointIds: z.array(id).min(1, '请选择措施针对的薄弱点').max(20, '最多选择 20 个薄弱点'),
  leader: name('责任领导'),
  owner: name('责任人'),
  division: name('责任部门'),
  startOn: isoDate,
  dueOn: isoDate,
};
const dueAfterStart = { message: '完成期限不能早于开始日期', path: ['dueOn'] };

export const helpAddArgs = z.object({ courtCode, ...helpFields }).strict().refine((a) => a.dueOn >= a.startOn, dueAfterStart);
export const helpUpdateArgs = z
  .object({ id, ...helpFields, doneOn: isoDate.nullable().optional() })
  .strict()
  .refine((a) => a.dueOn >= a.startOn, dueAfterStart);
export const helpProgressArgs = z
  .object({
    id,
    text: z.string().trim().min(1, '请填写进展情况').max(HELP_PROGRESS_MAX, `进展情况最多 ${HELP_PROGRESS_MAX} 个字`),
    onDate: isoDate.optional(),
    done: z.boolean().default(false),
  })
  .strict();

export const exchangeHelpApi = defineCalls({
  'exchange.courtLedger': { args: z.object({ courtCode }).strict(), access: 'exchange.receive', result: returns<CourtLedgerView>() },
  'exchange.helpAdd': { args: helpAddArgs, access: 'ledger.manage', result: returns<{ id: number }>() },
  /** Edits a help measure; doneOn null reopens one marked done by mistake. */
  'exchange.helpUpdate': { args: helpUpdateArgs, access: 'ledger.manage', result: returns<{ id: number }>() },
  /** A progress entry; done marks the measure 已完成 on onDate (today when not given). */
  'exchange.helpProgress': { args: helpProgressArgs, access: 'ledger.manage', result: returns<{ id: number }>() },
});
