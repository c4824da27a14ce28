// 质效指标 in the renderer: its addresses, period presets, the groups' median and range, the daily change, the parts shown.
import { describe, expect, it } from 'vitest';
import { splitHash } from '../../renderer/src/router/hash';
import { formatIndicatorsRoute, parseIndicatorsRoute } from '../../renderer/src/features/indicators/routes';
import { againstMedian, change, INDICATOR_GROUPS, mainPart, numberText, partFigures, rangeBadge, spread } from '../../shared/indicators/figures';
import { flagValues, effectiveRanges } from '../../shared/indicators/ranges';
import { periodOf } from '../../renderer/src/features/indicators/IndicatorsPage';
import { presetOf, presetPeriod } from '../../renderer/src/lib/period';
import { INDICATOR_IDS } from '../../shared/indicators/catalogue';
import { computeIndicators, emptyTally } from '../../shared/indicators/formulas';
import { INDICATOR_PARTS, partTitle } from '../../shared/indicators/parts';

const parse = (h: string) => parseIndicatorsRoute(splitHash(h)!);

describe('addresses', () => {
  it('round-trip a figure with its scope, and drop what is not one', () => {
    const h = '#/indicators/cases?id=onTimeRate&part=denominator&from=2026-01-01&to=2026-11-30&judge=%E7%8E%8B%E6%B3%95%E5%AE%98&procedure=%E7%AE%80%E6%98%93%E7%A8%8B%E5%BA%8F&page=2';
    const r = parse(h)!;
    expect(r).toEqual({ name: 'indicatorCases', id: 'onTimeRate', part: 'denominator', from: '2026-01-01', to: '2026-11-30', scope: { judge: '王法官', procedure: '简易程序' }, page: 2 });
    expect(formatIndicatorsRoute(r)).toBe(h);
    expect(parse('#/indicators/cases?id=onTimeRate&part=half&from=2026-01-01&to=2026-11-30')).toBeNull();
    expect(parse('#/indicators/cases?id=onTimeRate&part=count&from=2026-02-30&to=2026-11-30')).toBeNull();
    // An unknown procedure is dropped, not passed on for the core to refuse.
    expect(parse('#/indicators?procedure=%E5%85%B6%E4%BB%96')).toMatchObject({ scope: {} });
  });

  it('keep the page’s view, period and grouping', () => {
    const h = '#/indicators?view=groups&from=2026-01-01&to=2026-03-31&division=%E6%B0%91%E4%B8%80%E5%BA%AD&by=judge&ind=clearanceRate';
    expect(formatIndicatorsRoute(parse(h)!)).toBe(h);
    expect(parse('#/indicators')).toMatchObject({ view: 'overview', from: null, by: 'division', ind: 'onTimeRate' });
    expect(formatIndicatorsRoute(parse('#/indicators?view=bogus&ind=bogus')!)).toBe('#/indicators');
  });
});

describe('periods', () => {
  it('presets are to date, and a period is known as its preset or as 自定义', () => {
    expect(presetPeriod('quarter', '2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-11-30' });
    expect(presetOf({ from: '2026-01-01', to: '2026-11-30' }, '2026-11-30', ['month', 'quarter', 'year'])).toBe('year');
    expect(presetOf({ from: '2026-01-02', to: '2026-11-30' }, '2026-11-30', ['month', 'quarter', 'year'])).toBeNull();
  });

  it('the page shows this month by default, today on 日监测, and ignores a period that runs backwards', () => {
    const base = parse('#/indicators')! as Parameters<typeof periodOf>[0];
    expect(periodOf(base, '2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodOf({ ...base, view: 'daily', from: '2026-01-01', to: '2026-02-01' }, '2026-11-30')).toEqual({ from: '2026-11-30', to: '2026-11-30' });
    expect(periodOf({ ...base, from: '2026-05-01', to: '2026-04-01' }, '2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
});

describe('median, range and change', () => {
  it('take the median of the groups with a value, the mean of the middle two for an even count', () => {
    expect(spread([90, null, 70, 100, 80])).toEqual({ median: 85, min: 70, max: 100, n: 4 });
    expect(spread([null])).toEqual({ median: null, min: null, max: null, n: 0 });
  });

  it('say a group’s place against the median in the indicator’s unit, never a rank', () => {
    expect(againstMedian('onTimeRate', 92.5, 90)).toBe('高于中位数 2.5 个百分点');
    expect(againstMedian('avgDuration', 60, 75.5)).toBe('低于中位数 15.5 天');
    expect(againstMedian('resolved', 12, 12)).toBe('等于中位数');
    expect(againstMedian('resolved', null, 12)).toBe('—');
  });

  it('mark today against yesterday by the better direction', () => {
    expect(change('onTimeRate', 95, 93.5)).toEqual({ arrow: '↑', text: '+1.5 个百分点', better: true });
    expect(change('overduePending', 4, 3)).toEqual({ arrow: '↑', text: '+1', better: false });
    expect(change('received', 4, 9)).toEqual({ arrow: '↓', text: '−5', better: null });
    expect(change('caseItemRatio', 1.2, 1.2)).toEqual({ arrow: '=', text: '持平', better: null });
    expect(change('onTimeRate', null, 90).arrow).toBe('');
  });
});

describe('figures', () => {
  const v = computeIndicators({ ...emptyTally(), resolved: 8, received: 10, resolvedWithLimit: 8, resolvedOnTime: 7, caseCount: 4, itemCount: 5, durationSum: 80, durationCounts: [5, 1, 10, 1, 20, 1, 45, 1], judges: 2 }, { from: '2026-01-01', to: '2026-01-31' });

  it('every indicator is in exactly one group, and writes its value in its unit', () => {
    expect(INDICATOR_GROUPS.flatMap((g) => g.ids).sort()).toEqual([...INDICATOR_IDS].sort());
    expect(numberText('caseItemRatio', v.caseItemRatio.value)).toBe('1 : 1.25');
    expect(numberText('onTimeRate', v.onTimeRate.value)).toBe('87.5%');
    expect(numberText('clearanceRate', null)).toBe('—');
  });

  it('opens only parts that are sets of cases, and every part it opens exists in the core’s list of parts', () => {
    for (const id of INDICATOR_IDS) {
      for (const p of partFigures(id, v)) if (p.opens) expect(INDICATOR_PARTS[id][p.part], `${id} ${p.part}`).toBeDefined();
      const main = mainPart(id);
      if (main) expect(INDICATOR_PARTS[id][main]).toBeDefined();
    }
    expect(partFigures('resolvedPerJudge', v).find((p) => p.label === '法官')!.opens).toBe(false);
    expect(partFigures('avgDuration', v).find((p) => p.label === '天数合计')!.opens).toBe(false);
    expect(partTitle('onTimeRate', 'denominator', '2026-01-01', '2026-11-30')).toBe('法定审限内结案率 · 分母：已结且有法定审限的案件 · 2026-01-01 至 2026-11-30');
  });
});

describe('a tile against its reasonable range', () => {
  const ratio = (numerator: number, denominator: number) => ({ value: denominator ? Math.round((numerator * 1000) / denominator) / 10 : null, numerator, denominator });
  const values = (onTime: [number, number], reversal: [number, number]) => {
    const v = computeIndicators(emptyTally(), { from: '2025-01-01', to: '2025-06-30' });
    return flagValues({ ...v, onTimeRate: ratio(...onTime), reversalRate: { ...v.reversalRate, ...ratio(...reversal) } }, effectiveRanges({}));
  };
  it.each([
    ['below the default ≥ 95 %, higher is better: worse', 'onTimeRate', values([90, 100], [0, 10]), { mark: '▼ 低于区间', worse: true, outside: true }],
    ['exactly on the bound: inside', 'onTimeRate', values([95, 100], [0, 10]), { mark: '区间内', worse: false, outside: false }],
    ['above ≤ 5 %, lower is better: worse', 'reversalRate', values([95, 100], [1, 10]), { mark: '▲ 高于区间', worse: true, outside: true }],
  ] as const)('%s', (_name, id, v, expected) => {
    expect(rangeBadge(id, v)).toMatchObject(expected);
  });
  it('no badge without a range, or without a value (denominator 0)', () => {
    const v = values([0, 0], [0, 10]);
    expect(rangeBadge('received', v)).toBeNull();
    expect(rangeBadge('onTimeRate', v)).toBeNull();
  });
  it('no badge on figures computed without flags', () => {
    expect(rangeBadge('onTimeRate', computeIndicators(emptyTally(), { from: '2025-01-01', to: '2025-06-30' }))).toBeNull();
  });
});
