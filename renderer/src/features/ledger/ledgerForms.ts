// The 台账 page's pure parts: which measures the filters keep, a target typed as a percentage read as a fraction, and the weak point, measure and progress forms checked and turned into the calls' arguments.
import type { ApiArgs } from '../../../../shared/api/contract';
import { isIsoDate } from '../../../../shared/dates/calendar';
import { INDICATORS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import type { LedgerView, MeasureView, WeakPointView } from '../../../../shared/ledger/api';
import { isTargetIndicator, type FoundBy, type MeasureKind, type MeasureStatus } from '../../../../shared/ledger/rules';
import { daysBetween } from '../../lib/format';
import { normalizeDateText } from '../cases/formFields';

const DATE_MESSAGE = '日期无效，应如 2025-06-30';

export interface LedgerFilter {
  status: MeasureStatus | '';
  kind: MeasureKind | '';
  /** A responsible person's name, exactly as the ledger shows it. */
  owner: string;
}

export const NO_FILTER: LedgerFilter = { status: '', kind: '', owner: '' };

export const filterActive = (f: LedgerFilter): boolean => f.status !== '' || f.kind !== '' || f.owner !== '';

export function measureMatches(m: MeasureView, f: LedgerFilter): boolean {
  return (f.status === '' || m.status === f.status) && (f.kind === '' || m.kind === f.kind) && (f.owner === '' || m.owner.name === f.owner);
}

export interface PointRows {
  point: WeakPointView;
  measures: MeasureView[];
}

/**
 * Each weak point with the measures the filters keep, in the ledger's order. With a filter set, a weak point none of
 * whose measures is kept is left out: the person asked for measures, and an empty table per point would bury them.
 */
export function visiblePoints(view: LedgerView, f: LedgerFilter): PointRows[] {
  const byId = new Map(view.measures.map((m) => [m.id, m]));
  const out: PointRows[] = [];
  for (const point of view.weakPoints) {
    const measures = point.measureIds.map((id) => byId.get(id)).filter((m): m is MeasureView => !!m && measureMatches(m, f));
    if (filterActive(f) && measures.length === 0) continue;
    out.push({ point, measures });
  }
  return out;
}

/** The responsible people named in the ledger, for the 责任人 filter, in pinyin order. */
export function ownerNames(view: LedgerView): string[] {
  return [...new Set(view.measures.map((m) => m.owner.name))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** Whether the indicator's target is typed as a percentage (a ratio stored as a fraction). */
export const typedAsPercent = (id: IndicatorId): boolean => INDICATORS[id].kind === 'ratio';

/**
 * A target as typed in the box: for a ratio a percentage ("2", "2.5", "2%": 0.02, 0.025), for other indicators the
 * number itself. Null when it is no number, or a percentage over 100.
 */
export function readTarget(id: IndicatorId, text: string): number | null {
  const t = text.trim().replace(/[％%]\s*$/, '').trim();
  if (!/^[0-9]+(?:\.[0-9]+)?$/.test(t)) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  if (!typedAsPercent(id)) return n;
  if (n > 100) return null;
  // Rounded so that 2.3 % is 0.023, not 0.022999999999999996.
  return Math.round(n * 1e6) / 1e8;
}

/** A stored target as the box shows it again when editing: 0.02 → "2" for a ratio. */
export function targetBoxText(id: IndicatorId, value: number): string {
  return typedAsPercent(id) ? String(Math.round(value * 1e8) / 1e6) : String(value);
}

export interface TargetValues {
  indicator: IndicatorId | '';
  target: string;
  dueOn: string;
}

export interface WeakPointValues {
  text: string;
  foundBy: FoundBy | '';
  foundOn: string;
  targets: TargetValues[];
}

/** Errors by box: 'text', 'foundBy', 'foundOn', 'targets' (the list as a whole), 'targets.N.indicator|target|dueOn'. */
export type FormErrors = Record<string, string>;

function dateProblem(text: string, empty: string): string | null {
  const t = normalizeDateText(text);
  if (t === '') return empty;
  return isIsoDate(t) ? null : DATE_MESSAGE;
}

export function weakPointValues(p: WeakPointView | null, today: string): WeakPointValues {
  if (!p) return { text: '', foundBy: '', foundOn: today, targets: [{ indicator: '', target: '', dueOn: '' }] };
  return {
    text: p.text,
    foundBy: p.foundBy,
    foundOn: p.foundOn,
    targets: p.targets.map((t) => ({ indicator: t.indicator, target: targetBoxText(t.indicator, t.target), dueOn: t.dueOn })),
  };
}

export function weakPointProblems(v: WeakPointValues): FormErrors {
  const e: FormErrors = {};
  if (!v.text.trim()) e.text = '请填写薄弱点';
  if (!v.foundBy) e.foundBy = '请选择发现者';
  const found = dateProblem(v.foundOn, '请填写发现日期');
  if (found) e.foundOn = found;
  if (v.targets.length === 0) e.targets = '至少设定一个指标目标';
  const seen = new Set<string>();
  v.targets.forEach((t, i) => {
    if (!t.indicator || !isTargetIndicator(t.indicator)) e[`targets.${i}.indicator`] = '请选择指标';
    else {
      if (seen.has(t.indicator)) e[`targets.${i}.indicator`] = '同一指标只能设定一个目标';
      seen.add(t.indicator);
      if (t.target.trim() === '') e[`targets.${i}.target`] = '请填写目标值';
      else if (readTarget(t.indicator, t.target) === null) {
        e[`targets.${i}.target`] = typedAsPercent(t.indicator) ? '目标值应为 0 到 100 之间的百分数，如 2 或 2.5' : '目标值应为数字，如 30';
      }
    }
    const due = dateProblem(t.dueOn, '请填写目标日期');
    if (due) e[`targets.${i}.dueOn`] = due;
  });
  return e;
}

/** The arguments of ledger.addWeakPoint (the form checked first: every box read). */
export function weakPointArgs(v: WeakPointValues): ApiArgs<'ledger.addWeakPoint'> {
  return {
    text: v.text.trim(),
    foundBy: v.foundBy as FoundBy,
    foundOn: normalizeDateText(v.foundOn),
    targets: v.targets.map((t) => ({ indicator: t.indicator as IndicatorId, target: readTarget(t.indicator as IndicatorId, t.target) ?? 0, dueOn: normalizeDateText(t.dueOn) })),
  };
}

export interface MeasureValues {
  kind: MeasureKind;
  text: string;
  weakPointIds: number[];
  leader: string;
  owner: string;
  division: string;
  startOn: string;
  dueOn: string;
  /** The monthly analysis meeting the measure comes from; kept on every edit (the core replaces what it is not sent). */
  meetingId: number | null;
}

export function measureValues(m: MeasureView | null, today: string, pointId: number | null, meetingId: number | null = null): MeasureValues {
  if (!m) return { kind: 'rectify', text: '', weakPointIds: pointId ? [pointId] : [], leader: '', owner: '', division: '', startOn: today, dueOn: '', meetingId };
  return {
    kind: m.kind,
    text: m.text,
    weakPointIds: [...m.weakPointIds],
    leader: m.leader.name,
    owner: m.owner.name,
    division: m.division.name,
    startOn: m.startOn,
    dueOn: m.dueOn,
    meetingId: m.meetingId,
  };
}

export function measureProblems(v: MeasureValues): FormErrors {
  const e: FormErrors = {};
  if (!v.text.trim()) e.text = '请填写措施内容';
  if (v.weakPointIds.length === 0) e.weakPointIds = '请选择措施针对的薄弱点';
  if (!v.leader.trim()) e.leader = '请选择责任领导';
  if (!v.owner.trim()) e.owner = '请选择责任人';
  if (!v.division.trim()) e.division = '请选择责任部门';
  const start = dateProblem(v.startOn, '请填写开始日期');
  if (start) e.startOn = start;
  const due = dateProblem(v.dueOn, '请填写完成期限');
  if (due) e.dueOn = due;
  if (!start && !due && normalizeDateText(v.dueOn) < normalizeDateText(v.startOn)) e.dueOn = '完成期限不能早于开始日期';
  return e;
}

export function measureArgs(v: MeasureValues): ApiArgs<'ledger.addMeasure'> {
  return {
    kind: v.kind,
    text: v.text.trim(),
    weakPointIds: v.weakPointIds,
    leader: v.leader.trim(),
    owner: v.owner.trim(),
    division: v.division.trim(),
    startOn: normalizeDateText(v.startOn),
    dueOn: normalizeDateText(v.dueOn),
    ...(v.meetingId !== null ? { meetingId: v.meetingId } : {}),
  };
}

export interface ProgressValues {
  text: string;
  onDate: string;
  done: boolean;
}

export function progressProblems(v: ProgressValues, today: string): FormErrors {
  const e: FormErrors = {};
  if (!v.text.trim()) e.text = '请填写进展情况';
  const d = dateProblem(v.onDate, '请填写日期');
  if (d) e.onDate = d;
  else if (normalizeDateText(v.onDate) > today) e.onDate = '进展日期不能晚于今天';
  return e;
}

/**
 * The box a refusal of the core belongs to: its field path as the form names its boxes ("targets.0.target"), or its
 * first segment; evidence.N goes to the evidence box. Null: shown under the form.
 */
export function boxOfField(field: string | undefined, boxes: readonly string[]): string | null {
  if (!field) return null;
  if (boxes.includes(field)) return field;
  if (field.startsWith('evidence')) return boxes.includes('evidence') ? 'evidence' : null;
  const first = field.split('.')[0];
  if (first === 'targets' && /^targets\.\d+$/.test(field)) return 'targets';
  return boxes.includes(first) ? first : null;
}

/** The latest progress entry's text, for the table's last column. */
export function latestProgress(m: MeasureView): string {
  const last = [...m.progress].sort((a, b) => a.onDate.localeCompare(b.onDate) || a.id - b.id).at(-1);
  return last ? `${last.onDate} ${last.text}` : '';
}

/** A status in words with a mark that survives black-and-white printing: the chip's tone is only a second cue. */
export const STATUS_MARK: Record<MeasureStatus, string> = { notStarted: '○', inProgress: '◐', done: '●', overdue: '！' };
export const STATUS_TONE: Record<MeasureStatus, string> = { notStarted: 'muted', inProgress: 'info', done: 'ok', overdue: 'danger' };

/**
 * 我的整改措施: the open measures, those due within 15 days or overdue first (each part by deadline), then the rest by
 * deadline; done ones are only counted.
 */
export function myOrder(measures: readonly MeasureView[]): { open: MeasureView[]; done: number } {
  const open = measures.filter((m) => m.status !== 'done');
  const byDue = (a: MeasureView, b: MeasureView) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id;
  return { open: [...open.filter((m) => m.dueSoon).sort(byDue), ...open.filter((m) => !m.dueSoon).sort(byDue)], done: measures.length - open.length };
}

/** "剩 5 天", "今天到期", "逾期 3 天": an open measure's deadline against today. */
export function dueWords(dueOn: string, today: string): string {
  const d = daysBetween(today, dueOn);
  if (d === null) return '';
  if (d > 0) return `剩 ${d} 天`;
  return d === 0 ? '今天到期' : `逾期 ${-d} 天`;
}
