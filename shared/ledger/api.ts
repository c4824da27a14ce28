// The ledger domain's calls: weak points with their indicator targets, measures with owners and deadlines, progress with evidence files, and each owner's own measures.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { isoDate } from '../api/fields';
import { uploadPieceArgs, uploadToken, type UploadPieceResult } from '../api/uploads';
import type { IsoDate } from '../dates/calendar';
import type { IndicatorId } from '../indicators/catalogue';
import { FOUND_BY, isTargetIndicator, MEASURE_KINDS, type FoundBy, type MeasureKind, type MeasureStatus } from './rules';

export const WEAK_POINT_TEXT_MAX = 500;
export const MEASURE_TEXT_MAX = 1000;
export const PROGRESS_TEXT_MAX = 2000;
/** An evidence file is at most 10 MB, and a progress entry carries at most 5. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 5;
export const EVIDENCE_EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg', '.docx', '.xlsx', '.doc', '.xls'] as const;
/** An evidence file is handed to the window in pieces of this size (ledger.evidence with an offset). */
export const EVIDENCE_PIECE_BYTES = 1024 * 1024;

/** An indicator's value over a period, as the indicator engine computes it for the whole court. */
export interface LedgerFigure {
  from: IsoDate;
  to: IsoDate;
  /**
   * As a target compares with it: a ratio as the exact fraction numerator ÷ denominator (0.0235 for 2.35 %), 案-件比 as
   * x of 1 : x, days and counts as they are; null when a ratio has no denominator.
   */
  value: number | null;
  /** For ratios and 案-件比; null for counts and days. */
  numerator: number | null;
  denominator: number | null;
  /** The indicators' own text (shared/indicators/format.ts): "2.4%（3/125）", "1 : 1.20（件 6 / 案 5）", "45.2 天（…）". */
  text: string;
}

export interface TargetView {
  indicator: IndicatorId;
  name: string;
  target: number;
  /** "≤ 2.00%", with the side the indicator's better direction gives. */
  targetText: string;
  dueOn: IsoDate;
  /**
   * then: the month (the 30 days or so from the same day a month earlier) ending the day before the weak point's
   * first measure began, null while no measure has begun; now: the month ending today. Whole court.
   */
  then: LedgerFigure | null;
  now: LedgerFigure;
  /** Whether now reaches the target (null when now has no value). */
  met: boolean | null;
}

export interface WeakPointView {
  id: number;
  text: string;
  foundBy: FoundBy;
  foundByLabel: string;
  foundOn: IsoDate;
  targets: TargetView[];
  /** The measures answering it, by id (their rows are in LedgerView.measures), in start order. */
  measureIds: number[];
  /** The first of its measures' start days, null when it has none. */
  firstStartOn: IsoDate | null;
}

export interface EvidenceView {
  id: number;
  name: string;
  size: number;
  mime: string;
}

export interface ProgressView {
  id: number;
  onDate: IsoDate;
  text: string;
  done: boolean;
  recordedBy: string;
  recordedAt: string;
  evidence: EvidenceView[];
}

export interface MeasureView {
  id: number;
  kind: MeasureKind;
  kindLabel: string;
  text: string;
  weakPointIds: number[];
  /** Names as agreed; staffId/divisionId where they are this court's (null for the intermediate court's people). */
  leader: { staffId: number | null; name: string };
  owner: { staffId: number | null; name: string };
  division: { divisionId: number | null; name: string };
  startOn: IsoDate;
  dueOn: IsoDate;
  doneOn: IsoDate | null;
  status: MeasureStatus;
  statusLabel: string;
  /** Finished after its deadline. */
  doneLate: boolean;
  /** Open and due within 15 days or already overdue. */
  dueSoon: boolean;
  /** 'return': an intermediate court's help measure brought by its return file, read-only here. */
  origin: 'local' | 'return';
  meetingId: number | null;
  progress: ProgressView[];
  /** Whether the person asking may record progress on it (its owner or leader, or a keeper of the ledger). */
  canRecord: boolean;
}

export interface LedgerView {
  today: IsoDate;
  weakPoints: WeakPointView[];
  /** Every measure, weak points' order then start order. */
  measures: MeasureView[];
  /** Counts by status for the heading: 未开始, 推进中, 已完成, 逾期. */
  counts: Record<MeasureStatus, number>;
  /** Whether the person may add and edit (ledger.manage). */
  canManage: boolean;
}

export interface MyMeasures {
  today: IsoDate;
  /** The measures the person owns or leads, open ones first by deadline. */
  measures: MeasureView[];
  /** Of them, open and due within 15 days or overdue. */
  dueSoon: number;
}

/** The people and departments a measure may name (active staff, active divisions), for the window's pickers. */
export interface LedgerPeople {
  leaders: Array<{ name: string; roleLabel: string }>;
  staff: Array<{ name: string; division: string | null }>;
  divisions: string[];
}

const id = z.number().int().positive();
const name = z.string().trim().min(1, '请填写姓名').max(50, '姓名最多 50 个字');
const targetArg = z.object({
  indicator: z.string().refine(isTargetIndicator, '该指标不能作为薄弱点的目标（只能选择有“越高越好”或“越低越好”方向的指标）'),
  /** A ratio as a fraction (0.02 for 2 %); counts and days as numbers. */
  target: z.number().finite('目标值应为数字').min(0, '目标值不能为负数').max(1_000_000, '目标值过大'),
  dueOn: isoDate,
}).strict();
const weakPointArgs = {
  text: z.string().trim().min(1, '请填写薄弱点').max(WEAK_POINT_TEXT_MAX, `薄弱点最多 ${WEAK_POINT_TEXT_MAX} 个字`),
  foundBy: z.enum(FOUND_BY, { message: '发现者应为本院、中院或高院' }),
  foundOn: isoDate,
  targets: z.array(targetArg).min(1, '至少设定一个指标目标').max(10, '一个薄弱点最多 10 个指标目标'),
};
const measureArgs = {
  kind: z.enum(MEASURE_KINDS, { message: '措施类别应为整改措施或帮扶措施' }),
  text: z.string().trim().min(1, '请填写措施内容').max(MEASURE_TEXT_MAX, `措施内容最多 ${MEASURE_TEXT_MAX} 个字`),
  weakPointIds: z.array(id).min(1, '请选择措施针对的薄弱点').max(20),
  /** For a 整改措施 the names of this court's active staff and division (checked by the core); free text for a 帮扶措施. */
  leader: name,
  owner: name,
  division: z.string().trim().min(1, '请填写责任部门').max(50, '责任部门最多 50 个字'),
  startOn: isoDate,
  dueOn: isoDate,
  meetingId: id.optional(),
};
const evidenceName = z.string().trim().min(1, '请选择文件').max(120, '文件名最多 120 个字')
  .refine((n) => EVIDENCE_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)), '佐证材料只能是 PDF、图片、Word 或 Excel 文件');
/** A file sent inline (the command line) or uploaded in pieces first (the window, ledger.upload) and named by its token. */
const evidenceFile = z.union([
  z.object({ name: evidenceName, base64: z.string().max(Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4 + 4, '佐证材料不能超过 10 MB') }).strict(),
  z.object({ name: evidenceName, upload: uploadToken }).strict(),
]);

export const ledgerApi = defineCalls({
  'ledger.list': { args: z.object({}).strict(), access: 'ledger.view', result: returns<LedgerView>() },
  /** Any signed-in person: the measures he owns or leads (the start page's 我的整改措施). */
  'ledger.mine': { args: z.object({}).strict(), access: 'signedIn', result: returns<MyMeasures>() },
  'ledger.people': { args: z.object({}).strict(), access: 'ledger.manage', result: returns<LedgerPeople>() },
  'ledger.addWeakPoint': { args: z.object(weakPointArgs).strict(), access: 'ledger.manage', result: returns<{ id: number }>() },
  'ledger.updateWeakPoint': { args: z.object({ id, ...weakPointArgs }).strict(), access: 'ledger.manage', result: returns<{ id: number }>() },
  'ledger.addMeasure': { args: z.object(measureArgs).strict(), access: 'ledger.manage', result: returns<{ id: number }>() },
  /** Edits a local measure; doneOn null reopens a measure marked done by mistake; meetingId absent keeps its meeting. */
  'ledger.updateMeasure': {
    args: z.object({ id, ...measureArgs, doneOn: isoDate.nullable().optional() }).strict(),
    access: 'ledger.manage',
    result: returns<{ id: number }>(),
  },
  /** A progress entry; done marks the measure 已完成 on onDate. Its owner or leader, or a keeper of the ledger (core check). */
  'ledger.progress': {
    args: z.object({
      measureId: id,
      text: z.string().trim().min(1, '请填写进展情况').max(PROGRESS_TEXT_MAX, `进展情况最多 ${PROGRESS_TEXT_MAX} 个字`),
      onDate: isoDate.optional(),
      done: z.boolean().default(false),
      evidence: z.array(evidenceFile).max(EVIDENCE_MAX_FILES, `一次最多附 ${EVIDENCE_MAX_FILES} 个佐证材料`).default([]),
    }).strict(),
    access: 'signedIn',
    result: returns<MeasureView>(),
  },
  'ledger.upload': {
    args: uploadPieceArgs(evidenceName, EVIDENCE_MAX_BYTES, '佐证材料不能超过 10 MB'),
    access: 'signedIn',
    result: returns<UploadPieceResult>(),
  },
  'ledger.discardUpload': { args: z.object({ upload: uploadToken }).strict(), access: 'signedIn', result: returns<{ discarded: boolean }>() },
  /** An evidence file in pieces, for whoever may see its measure. */
  'ledger.evidence': {
    args: z.object({ id, offset: z.number().int().min(0).default(0) }).strict(),
    access: 'signedIn',
    result: returns<EvidenceView & { base64: string; next: number; total: number }>(),
  },
});
