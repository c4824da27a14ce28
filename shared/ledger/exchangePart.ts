// ledger.json, the 脱薄 ledger's part of a package: weak points with targets, measures with status as of the period's end, progress (evidence named, not carried) and meetings; one strict schema shared by the basic court's builder and the intermediate court's check.
import { z } from 'zod';
import { isIsoDate } from '../dates/calendar';
import { FOUND_BY, MEASURE_KINDS, MEASURE_STATUSES } from './rules';

const date = z.string().refine(isIsoDate, { message: '应为 YYYY-MM-DD 格式的日期' });
const text = (min: number, max: number) => z.string().min(min, '不能为空').max(max, `最多 ${max} 个字`);
const id = z.number().int('应为整数').min(1).max(Number.MAX_SAFE_INTEGER);
const name = text(1, 50);
/** An indicator id as the catalogue spells them; nothing like __proto__ reaches the received tables. */
const indicatorKey = z.string().regex(/^[a-z][A-Za-z0-9]{0,39}$/, '指标编号不正确');
const figure = z.number().finite().nullable();

export const ledgerTargetSchema = z.object({ indicator: indicatorKey, target: z.number().finite().min(0).max(1_000_000), dueOn: date }).strict();

export const ledgerWeakPointSchema = z
  .object({ id, text: text(1, 500), foundBy: z.enum(FOUND_BY), foundOn: date, targets: z.array(ledgerTargetSchema).max(10) })
  .strict();

export const ledgerMeasureSchema = z
  .object({
    id,
    kind: z.enum(MEASURE_KINDS),
    text: text(1, 1000),
    weakPointIds: z.array(id).max(20),
    leader: name,
    owner: name,
    division: name,
    startOn: date,
    dueOn: date,
    doneOn: date.nullable(),
    /** As of the package's period end (the basic court's rule, shared/ledger/rules.ts measureStatus). */
    status: z.enum(MEASURE_STATUSES),
    /** 'return': a help measure this intermediate court sent back earlier, as the basic court holds it. */
    origin: z.enum(['local', 'return']),
  })
  .strict()
  .refine((m) => m.dueOn >= m.startOn, { path: ['dueOn'], message: '完成期限早于开始日期' });

export const ledgerEvidenceSchema = z
  .object({ name: text(1, 120), size: z.number().int().min(1).max(10 * 1024 * 1024), sha256: z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制') })
  .strict();

export const ledgerProgressSchema = z
  .object({ id, measureId: id, onDate: date, text: text(1, 2000), done: z.boolean(), evidence: z.array(ledgerEvidenceSchema).max(20) })
  .strict();

/** One figure of a meeting's snapshot: exactly the five fields, whatever else the meeting kept. */
export const ledgerSnapshotItemSchema = z
  .object({ indicator: indicatorKey, value: figure, numerator: figure, denominator: figure, status: z.string().max(20).nullable() })
  .strict();

export const ledgerMeetingSchema = z
  .object({
    id,
    heldOn: date,
    title: text(1, 100),
    attendees: text(1, 1000),
    decisions: text(0, 5000),
    periodFrom: date,
    periodTo: date,
    snapshot: z.array(ledgerSnapshotItemSchema).max(200),
  })
  .strict();

export const ledgerPartSchema = z
  .object({
    /** The day the statuses are as of: the package's period end. */
    asOf: date,
    weakPoints: z.array(ledgerWeakPointSchema).max(1000),
    measures: z.array(ledgerMeasureSchema).max(5000),
    progress: z.array(ledgerProgressSchema).max(50_000),
    meetings: z.array(ledgerMeetingSchema).max(1000),
  })
  .strict();

export type LedgerPart = z.infer<typeof ledgerPartSchema>;
export type LedgerPartMeasure = z.infer<typeof ledgerMeasureSchema>;
export type LedgerPartProgress = z.infer<typeof ledgerProgressSchema>;

/** What ledger.json counts as in the manifest: every row of it. */
export function ledgerPartRows(p: LedgerPart): number {
  return p.weakPoints.length + p.measures.length + p.progress.length + p.meetings.length;
}

/** A ledger part with nothing in it (a court that keeps no ledger, or a package forged by hand in a test). */
export const EMPTY_LEDGER_PART = (asOf: string): LedgerPart => ({ asOf, weakPoints: [], measures: [], progress: [], meetings: [] });

/**
 * The part's own consistency, in Chinese, or null: no id twice, every reference inside the part, the period's end as
 * its day. Why here: the intermediate court shows it as one ledger, and a measure naming a weak point that is not
 * there would show as nothing.
 */
export function ledgerPartProblem(p: LedgerPart, periodTo: string | null): string | null {
  if (periodTo !== null && p.asOf !== periodTo) return `asOf ${p.asOf} 与报送期末 ${periodTo} 不符`;
  const dup = (list: Array<{ id: number }>, what: string) => {
    const seen = new Set<number>();
    for (let i = 0; i < list.length; i++) {
      if (seen.has(list[i].id)) return `${what}第 ${i + 1} 项：编号 ${list[i].id} 重复`;
      seen.add(list[i].id);
    }
    return null;
  };
  const d = dup(p.weakPoints, '薄弱点') ?? dup(p.measures, '措施') ?? dup(p.progress, '进展') ?? dup(p.meetings, '分析会');
  if (d) return d;
  const points = new Set(p.weakPoints.map((w) => w.id));
  const measures = new Set(p.measures.map((m) => m.id));
  for (let i = 0; i < p.measures.length; i++) {
    const missing = p.measures[i].weakPointIds.find((w) => !points.has(w));
    if (missing !== undefined) return `措施第 ${i + 1} 项：所针对的薄弱点 ${missing} 不在台账中`;
  }
  for (let i = 0; i < p.progress.length; i++) {
    if (!measures.has(p.progress[i].measureId)) return `进展第 ${i + 1} 项：所属措施 ${p.progress[i].measureId} 不在台账中`;
  }
  return null;
}
