// The 台账's rows as text, shared by its .xlsx and PDF: measures grouped under their weak points (a weak point with no measure still has its row), each cell worded as a court's 脱薄工作台账 prints it.
import { daysBetween } from '../../../../shared/dates/calendar';
import type { LedgerView, MeasureView, TargetView, WeakPointView } from '../../../../shared/ledger/api';
import { LEDGER_TITLE } from '../../../../shared/ledger/exportApi';
import { MEASURE_STATUS_LABELS, MEASURE_STATUSES } from '../../../../shared/ledger/rules';

/** The columns of the 台账, in order (the PDF and the first sheet of the .xlsx). */
export const LEDGER_HEADERS = [
  '序号', '薄弱点（发现者、日期）', '指标目标（目标值、期限）', '措施类别', '措施内容', '责任领导', '责任人', '责任部门', '起止时间', '进展情况', '状态', '指标（措施前 → 现在）',
] as const;

/** How many progress entries the 台账 prints for a measure, newest first; the .xlsx's flat sheet keeps them all. */
export const PROGRESS_SHOWN = 3;

export const NO_MEASURE = '（尚未制定整改措施）';
export const EMPTY_LEDGER = '台账中尚无薄弱点和整改措施。';
export const UNLINKED = '（未关联薄弱点的措施）';
export const LEDGER_LEGEND =
  '说明：状态按截止日期计算：超过截止日期仍未完成为“逾期”，完成日期晚于截止日期为“已完成（逾期完成）”。' +
  '“措施前”为该薄弱点第一项措施开始前一个月的全院数值，“现在”为截至制表日期的最近一个月的全院数值；“—”表示尚无措施开始或无数值（如分母为 0）。';

const CN_NUMBERS = '〇一二三四五六七八九';

/** 一 … 九十九: the weak points' numbers as a 台账 writes them. */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_NUMBERS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (n >= 100) return String(n);
  return `${tens === 1 ? '' : CN_NUMBERS[tens]}十${ones ? CN_NUMBERS[ones] : ''}`;
}

export function ledgerTitle(courtName: string): string {
  return `${courtName || '本院'}${LEDGER_TITLE}`;
}

/** 措施 17 项：未开始 2，推进中 9，已完成 4，逾期 2. */
export function countsText(view: LedgerView): string {
  return `薄弱点 ${view.weakPoints.length} 个，措施 ${view.measures.length} 项：${MEASURE_STATUSES.map((s) => `${MEASURE_STATUS_LABELS[s]} ${view.counts[s] ?? 0}`).join('，')}`;
}

export function weakPointText(wp: WeakPointView, n: number): string {
  return `薄弱点${chineseNumber(n)}：${wp.text}\n（${wp.foundByLabel}发现，${wp.foundOn}）`;
}

export function targetLine(t: TargetView): string {
  return `${t.name} ${t.targetText}，${t.dueOn} 前`;
}

/** An indicator then and now, and whether now reaches the target. */
export function figureLine(t: TargetView): string {
  const met = t.met === true ? '，已达标' : t.met === false ? '，未达标' : '';
  return `${t.name}：${t.then?.text ?? '—'} → ${t.now.text}${met}`;
}

/** The status in words, so that 逾期 and a late finish read the same on a black-and-white print. */
export function statusWords(m: MeasureView, today: string): string {
  if (m.status === 'done') return m.doneLate ? '已完成（逾期完成）' : '已完成';
  if (m.status === 'overdue') return `逾期（超期 ${daysBetween(m.dueOn, today)} 天）`;
  if (m.dueSoon) return `${m.statusLabel}（${daysBetween(today, m.dueOn)} 天内到期）`;
  return m.statusLabel;
}

export function periodText(m: MeasureView): string {
  return `${m.startOn}\n至 ${m.dueOn}${m.doneOn ? `\n完成于 ${m.doneOn}` : ''}`;
}

export function kindText(m: MeasureView): string {
  return m.origin === 'return' ? `${m.kindLabel}（中院回传）` : m.kindLabel;
}

/** The progress entries newest first (by date, then as recorded). */
export function progressNewestFirst(m: MeasureView): MeasureView['progress'] {
  return [...m.progress].sort((a, b) => (a.onDate === b.onDate ? b.id - a.id : a.onDate < b.onDate ? 1 : -1));
}

export function progressEntry(p: MeasureView['progress'][number]): string {
  const files = p.evidence.length ? `（佐证材料 ${p.evidence.length} 件）` : '';
  return `${p.onDate} ${p.text}${p.done ? '（已完成）' : ''}${files}`;
}

/** The newest entries with their dates, and how many older ones the full record holds. */
export function progressText(m: MeasureView, shown = PROGRESS_SHOWN): string {
  if (!m.progress.length) return '尚无进展记录';
  const all = progressNewestFirst(m);
  const lines = all.slice(0, shown).map(progressEntry);
  if (all.length > shown) lines.push(`（另有较早记录 ${all.length - shown} 条）`);
  return lines.join('\n');
}

export interface LedgerRow {
  /** 1, 2, … over the measures of the whole 台账 (a measure under two weak points keeps one number); null: no measure. */
  no: number | null;
  measure: MeasureView | null;
  cells: string[];
}

export interface LedgerGroup {
  weakPoint: WeakPointView | null;
  /** The weak point's own cells: 薄弱点, 指标目标, 指标（措施前 → 现在）. */
  pointText: string;
  targetsText: string;
  figuresText: string;
  rows: LedgerRow[];
}

/** The 台账 as groups of rows: each weak point in order with its measures in start order; measures under no weak point last. */
export function ledgerGroups(view: LedgerView): LedgerGroup[] {
  const byId = new Map(view.measures.map((m) => [m.id, m]));
  const numbers = new Map<number, number>();
  const numberOf = (m: MeasureView) => {
    let n = numbers.get(m.id);
    if (n === undefined) numbers.set(m.id, (n = numbers.size + 1));
    return n;
  };
  const rowOf = (m: MeasureView, pointText: string, targetsText: string, figuresText: string): LedgerRow => {
    const no = numberOf(m);
    return {
      no,
      measure: m,
      cells: [String(no), pointText, targetsText, kindText(m), m.text, m.leader.name, m.owner.name, m.division.name, periodText(m), progressText(m), statusWords(m, view.today), figuresText],
    };
  };
  const groups: LedgerGroup[] = view.weakPoints.map((wp, i) => {
    const pointText = weakPointText(wp, i + 1);
    const targetsText = wp.targets.map(targetLine).join('\n') || '—';
    const figuresText = wp.targets.map(figureLine).join('\n') || '—';
    const measures = wp.measureIds.map((id) => byId.get(id)).filter((m): m is MeasureView => m !== undefined);
    const rows = measures.length
      ? measures.map((m) => rowOf(m, pointText, targetsText, figuresText))
      : [{ no: null, measure: null, cells: ['', pointText, targetsText, '', NO_MEASURE, '', '', '', '', '', '', figuresText] }];
    return { weakPoint: wp, pointText, targetsText, figuresText, rows };
  });
  const listed = new Set(view.weakPoints.flatMap((wp) => wp.measureIds));
  const unlinked = view.measures.filter((m) => !listed.has(m.id));
  if (unlinked.length) groups.push({ weakPoint: null, pointText: UNLINKED, targetsText: '—', figuresText: '—', rows: unlinked.map((m) => rowOf(m, UNLINKED, '—', '—')) });
  return groups;
}

/** The weak points a measure answers, as 薄弱点一、薄弱点三 (for the flat sheet). */
export function pointsOf(view: LedgerView, m: MeasureView): string {
  const names = view.weakPoints.flatMap((wp, i) => (wp.measureIds.includes(m.id) || m.weakPointIds.includes(wp.id) ? [`薄弱点${chineseNumber(i + 1)}：${wp.text}`] : []));
  return names.join('\n') || UNLINKED;
}

/** The file's name: 脱薄工作台账-2026-12-05.xlsx. */
export function ledgerFileName(view: LedgerView, format: 'xlsx' | 'pdf'): string {
  return `${LEDGER_TITLE}-${view.today}.${format}`;
}
