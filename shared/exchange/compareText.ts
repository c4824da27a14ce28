// 各院对比 in words, pure: the key indicators of the table, each court's cell as text with its 偏高/偏低 mark (words and a symbol, never colour alone), and the whole table as lines for the command line. Court-code order, no rank (不得通报排名).
import { INDICATOR_IDS, INDICATORS, type IndicatorId } from '../indicators/catalogue';
import { numberText } from '../indicators/figures';
import type { RangeStatus } from '../indicators/ranges';
import type { CompareView } from './compareApi';

/** The columns of the table and of the command line; the trends may choose any indicator. */
export const COMPARE_KEY_IDS: readonly IndicatorId[] = [
  'received', 'resolved', 'pending', 'clearanceRate', 'dispositionRate', 'onTimeRate', 'avgDuration', 'overduePending',
  'longPending12', 'extensionRate', 'appealRate', 'reversalRate', 'mediationRate',
];

/** Every indicator a court sends as one number (a distribution has no single value): the table's 全部指标 and `compare --all`. */
export const COMPARE_ALL_IDS: readonly IndicatorId[] = INDICATOR_IDS.filter((id) => INDICATORS[id].kind !== 'distribution');

/** Above or below this court's range: a symbol and a word (the mark prints in black and white). */
export const COMPARE_MARKS: Record<RangeStatus, string> = { inside: '', none: '', above: '▲偏高', below: '▼偏低' };

export function cellText(id: IndicatorId, value: number | null, status: RangeStatus): string {
  const mark = COMPARE_MARKS[status];
  return mark ? `${numberText(id, value)} ${mark}` : numberText(id, value);
}

/** The table as tab-separated lines: a head, one line per court in court-code order, then the courts' median. */
export function compareLines(v: CompareView, ids: readonly IndicatorId[] = COMPARE_KEY_IDS): string[] {
  if (v.courts.length === 0) return ['尚未收到任何基层法院的报送包，没有可对比的数据'];
  const head = ['法院代码', '法院', '报送期间', ...ids.map((id) => INDICATORS[id].name)];
  const lines = [head.join('\t')];
  for (const c of v.courts) {
    lines.push([c.courtCode, c.courtName, `${c.periodFrom} 至 ${c.periodTo}`, ...ids.map((id) => cellText(id, c.values[id].value, c.values[id].status))].join('\t'));
  }
  lines.push(['', '各院中位数', '', ...ids.map((id) => numberText(id, v.medians[id]))].join('\t'));
  const outside = v.courts.filter((c) => c.outside.length > 0);
  for (const c of outside) lines.push(`${c.courtName}超出合理区间：${c.outside.map((id) => `${INDICATORS[id].name}${COMPARE_MARKS[c.values[id].status]}`).join('、')}`);
  if (v.mixedPeriods) lines.push('注意：各院最近报送包的期间不同，对比时请留意');
  return lines;
}
