// The inline edit of one range, checked in the window before asking the core: the same rules (shared/indicators/ranges.ts), the same Chinese messages.
import { INDICATORS, type IndicatorId } from '../../../../../shared/indicators/catalogue';
import { rangeProblem, type IndicatorRange, type RangeSource } from '../../../../../shared/indicators/ranges';
import { parseBound } from '../../../../../shared/indicators/rangesFile';

export interface RangeDraft {
  low: string;
  high: string;
}

export function draftOf(r: IndicatorRange): RangeDraft {
  return { low: r.low === null ? '' : String(r.low), high: r.high === null ? '' : String(r.high) };
}

/** The draft as a range, or a message naming the bound; an empty box leaves that end open. */
export function checkDraft(id: IndicatorId, d: RangeDraft): { ok: true; value: IndicatorRange } | { ok: false; error: string } {
  const low = parseBound(d.low);
  const high = parseBound(d.high);
  if (low === undefined) return { ok: false, error: `下限“${d.low.trim()}”不是数字（不设请留空）` };
  if (high === undefined) return { ok: false, error: `上限“${d.high.trim()}”不是数字（不设请留空）` };
  const problem = rangeProblem(INDICATORS[id], { low, high });
  return problem ? { ok: false, error: problem } : { ok: true, value: { low, high } };
}

/** The unit written after a bound's box. */
export function unitOf(id: IndicatorId): string {
  const k = INDICATORS[id].kind;
  return k === 'ratio' ? '%' : k === 'days' ? '天' : k === 'ratioPair' ? '（1 : x 中的 x）' : k === 'perJudge' ? '件/人' : '件';
}

/** Where a range comes from, with who set it or which court sent it (the chip's tooltip). */
export function sourceDetail(s: RangeSource, dateTime: (iso: string) => string): string {
  if (s.kind === 'default') return '程序自带的初始值，本院尚未修改';
  if (s.kind === 'court') return `${s.by} 于 ${dateTime(s.at)} 设定`;
  return [`${s.court ?? '中院'}下发`, s.issuedOn ? `下发日期 ${s.issuedOn}` : null, `文件 ${s.file}`, `${s.by} 于 ${dateTime(s.at)} 导入`].filter(Boolean).join('，');
}
