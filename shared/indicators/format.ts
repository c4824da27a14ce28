// Indicator values as Chinese text (command line now, tooltips and reports later): "—" for a ratio without a denominator.
import { AGE_BUCKETS } from './catalogue';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from './catalogue';
import type { IndicatorValues, RatioValue } from './formulas';

const int = (n: number) => n.toLocaleString('zh-CN');
const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const num = (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits));
const pct = (r: RatioValue) => (r.value === null ? '—' : `${r.value.toFixed(1)}%`);

/** One indicator's value, with what it is made of, as one line of text. */
export function formatIndicator(id: IndicatorId, v: IndicatorValues): string {
  switch (id) {
    case 'received':
      return `${int(v.received.value)}（不含先行调解成功 ${int(v.received.withoutAdvanceSettled)}）`;
    case 'carriedOver':
    case 'resolved':
    case 'pending':
    case 'longPending12':
    case 'longPending18':
    case 'longPending36':
    case 'overduePending':
      return int(v[id].value);
    case 'avgDuration': {
      const d = v.avgDuration;
      return `${num(d.value)} 天（中位数 ${num(d.median)}，第90百分位 ${d.p90 ?? '—'}；${int(d.numerator)} 天 ÷ ${int(d.denominator)} 件）`;
    }
    case 'dispositionTime': {
      const d = v.dispositionTime;
      return `${num(d.value)} 天（${d.days} 天 × 未结 ${int(d.numerator)} ÷ 结案 ${int(d.denominator)}）`;
    }
    case 'pendingAge':
      return AGE_BUCKETS.map((b) => `${b}个月 ${int(v.pendingAge.buckets[b])}`).join('，');
    case 'caseItemRatio': {
      const r = v.caseItemRatio;
      return `${r.value === null ? '—' : `1 : ${r.value.toFixed(2)}`}（件 ${int(r.numerator)} / 案 ${int(r.denominator)}）`;
    }
    case 'enforcementRecoveryRate': {
      const r = v.enforcementRecoveryRate;
      return `${pct(r)}（到位 ${yuan(r.numerator)} 元 / 申请 ${yuan(r.denominator)} 元）`;
    }
    case 'resolvedPerJudge': {
      const r = v.resolvedPerJudge;
      return `${num(r.value)}（结案 ${int(r.numerator)} / 法官 ${int(r.denominator)}）`;
    }
    case 'reversalRate': {
      const r = v.reversalRate;
      return `${pct(r)}（${int(r.numerator)}/${int(r.denominator)}；改判 ${int(r.reversed)}，发回重审 ${int(r.remanded)}）`;
    }
    default: {
      const r = v[id];
      return `${pct(r)}（${int(r.numerator)}/${int(r.denominator)}）`;
    }
  }
}

/** Every indicator of one set of values, one "名称：值" line each, in the catalogue's order. */
export function indicatorLines(v: IndicatorValues): string[] {
  return INDICATOR_IDS.map((id) => `${INDICATORS[id].name}：${formatIndicator(id, v)}`);
}
