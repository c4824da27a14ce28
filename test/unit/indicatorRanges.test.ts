// Reasonable ranges, pure: rangeStatus table-driven (open ends, bounds inside, null), phrases, bounds per kind, the ranges file all or nothing.
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../shared/indicators/catalogue';
import { DEFAULT_RANGES, effectiveRanges, isWorseSide, rangePhrase, rangeProblem, rangeStatus, rangeText, RANGED_IDS, type IndicatorRange } from '../../shared/indicators/ranges';
import { parseBound, parseRangesJson, parseRangesRows, RANGES_FORMAT } from '../../shared/indicators/rangesFile';

const R = (low: number | null, high: number | null): IndicatorRange => ({ low, high });

describe('rangeStatus', () => {
  it.each([
    [R(95, null), 94.9, 'below'],
    [R(95, null), 95, 'inside'],
    [R(95, null), 100, 'inside'],
    [R(null, 5), 5, 'inside'],
    [R(null, 5), 5.1, 'above'],
    [R(null, 5), 0, 'inside'],
    [R(null, 0), 0, 'inside'],
    [R(null, 0), 1, 'above'],
    [R(10, 20), 10, 'inside'],
    [R(10, 20), 20, 'inside'],
    [R(10, 20), 9, 'below'],
    [R(10, 20), 21, 'above'],
    [R(null, null), 50, 'none'],
    [null, 50, 'none'],
    [R(95, null), null, 'none'],
    [R(1, 1.5), 1.67, 'above'],
  ] as const)('%j with %s → %s', (range, value, status) => {
    expect(rangeStatus(range, value)).toBe(status);
  });
});

describe('the phrase and the better side', () => {
  it('says which bound was crossed and which way is better', () => {
    expect(rangePhrase(INDICATORS.onTimeRate, R(95, null), 'below')).toBe('低于合理区间下限 95.0%（越高越好）');
    expect(rangePhrase(INDICATORS.reversalRate, R(null, 5), 'above')).toBe('高于合理区间上限 5.0%（越低越好）');
    expect(rangePhrase(INDICATORS.longPending18, R(null, 0), 'above')).toBe('高于合理区间上限 0 件（越低越好）');
    expect(rangePhrase(INDICATORS.avgDuration, R(null, 90), 'above')).toBe('高于合理区间上限 90 天（越低越好）');
    expect(rangePhrase(INDICATORS.caseItemRatio, R(null, 1.5), 'above')).toBe('高于合理区间上限 1 : 1.50（越低越好）');
    expect(rangePhrase(INDICATORS.withdrawalRate, R(10, 40), 'above')).toBe('高于合理区间上限 40.0%（应在区间内）');
    expect(rangePhrase(INDICATORS.onTimeRate, R(95, null), 'inside')).toBe('');
  });
  it.each([
    ['onTimeRate', 'below', true], ['onTimeRate', 'above', false], ['reversalRate', 'above', true], ['reversalRate', 'below', false],
    ['withdrawalRate', 'above', true], ['withdrawalRate', 'below', true], ['onTimeRate', 'inside', false],
  ] as const)('%s %s: worse side %s', (id, status, worse) => expect(isWorseSide(INDICATORS[id], status)).toBe(worse));
  it('writes ranges in words', () => {
    expect(rangeText(INDICATORS.clearanceRate, R(100, null))).toBe('≥ 100.0%');
    expect(rangeText(INDICATORS.longPending18, R(0, 0))).toBe('= 0 件');
    expect(rangeText(INDICATORS.avgDuration, R(30, 90))).toBe('30 天 – 90 天');
    expect(rangeText(INDICATORS.avgDuration, R(null, null))).toBe('未设区间');
  });
});

describe('the defaults', () => {
  it('are the spec\'s, and none demands 100 % on time', () => {
    expect(DEFAULT_RANGES).toEqual({ clearanceRate: R(100, null), onTimeRate: R(95, null), longPending18: R(null, 0), reversalRate: R(null, 5) });
    for (const id of ['onTimeRate', 'normalOnTimeRate'] as const) expect(DEFAULT_RANGES[id]?.low ?? 0).toBeLessThan(100);
    for (const [id, r] of Object.entries(DEFAULT_RANGES)) expect(rangeProblem(INDICATORS[id as 'onTimeRate'], r!)).toBeNull();
  });
  it('fill the table, marked default, without the distribution', () => {
    const list = effectiveRanges({});
    expect(list.map((e) => e.id)).toEqual([...RANGED_IDS]);
    expect(list.map((e) => e.id)).not.toContain('pendingAge');
    expect(list.every((e) => e.source.kind === 'default')).toBe(true);
    const own = effectiveRanges({ onTimeRate: { low: 90, high: null, source: { kind: 'court', by: '甲', at: 'x' } } });
    expect(own.find((e) => e.id === 'onTimeRate')).toMatchObject({ low: 90, source: { kind: 'court' }, defaultRange: R(95, null) });
  });
});

describe('rangeProblem', () => {
  it.each([
    ['reversalRate', R(6, 5), '下限 6 高于上限 5'],
    ['reversalRate', R(null, 101), '上限 101 超出 0–100（百分数）的范围'],
    ['onTimeRate', R(-1, null), '下限 -1 超出 0–100（百分数）的范围'],
    ['clearanceRate', R(100, 120), null],
    ['avgDuration', R(null, -3), '上限 -3 超出 0–36500的范围'],
    ['caseItemRatio', R(null, 0.5), '上限 0.5 超出 1–100的范围'],
    ['onTimeRate', R(Number.NaN, null), '下限不是数字'],
    ['pendingAge', R(null, 3), '未结案件审理时长分布是分布，不设合理区间'],
    ['longPending18', R(0, 0), null],
  ] as const)('%s %j → %s', (id, r, message) => expect(rangeProblem(INDICATORS[id], r)).toBe(message));
});

describe('the ranges file', () => {
  const doc = (ranges: unknown, extra: object = {}) => JSON.stringify({ format: RANGES_FORMAT, version: 1, court: { code: '辽04', name: '抚顺中院' }, issuedOn: '2025-01-15', ranges, ...extra });

  it('reads the JSON document', () => {
    expect(parseRangesJson(doc({ onTimeRate: { low: 90, high: null }, longPending18: { high: 0 } }))).toEqual({
      ok: true, value: { court: '抚顺中院（辽04）', issuedOn: '2025-01-15', ranges: [{ id: 'onTimeRate', low: 90, high: null }, { id: 'longPending18', low: null, high: 0 }] },
    });
  });
  it.each([
    ['not JSON', '{', '文件不是有效的 JSON 文档'],
    ['another format', JSON.stringify({ format: 'x', version: 1, ranges: {} }), 'format 应为'],
    ['a later version', JSON.stringify({ format: RANGES_FORMAT, version: 2, ranges: {} }), '只能读取第 1 版'],
    ['an unknown key', doc({ onTimeRate: { low: 90 } }, { signature: 'x' }), '不认识的项：signature'],
    ['an unknown indicator', doc({ onTimeRate: { low: 90 }, fooRate: { low: 1 } }), 'fooRate：没有名为“fooRate”的指标'],
    ['low above high', doc({ reversalRate: { low: 9, high: 3 } }), 'reversalRate（改判发回率）：下限 9 高于上限 3'],
    ['a bound in quotes', doc({ reversalRate: { high: '5' } }), 'reversalRate：上限“5”不是数字'],
    ['a percent out of 0–100', doc({ onTimeRate: { low: 195 } }), '下限 195 超出 0–100'],
    ['a bad date', doc({ onTimeRate: { low: 90 } }, { issuedOn: '2025-02-30' }), 'issuedOn'],
    ['no range', doc({}), '没有任何指标'],
  ])('refuses %s, naming it', (_what, text, message) => {
    const r = parseRangesJson(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(message);
  });

  it('reads a sheet by its headings, names by id or in Chinese, and names the row of a bad entry', () => {
    const rows = [
      { rowNumber: 1, cells: ['上限', '指标', '下限'] },
      { rowNumber: 2, cells: [null, '结收比', 98] },
      { rowNumber: 3, cells: ['5%', 'reversalRate', '无'] },
      { rowNumber: 4, cells: [] },
    ];
    expect(parseRangesRows(rows)).toEqual({ ok: true, value: { court: null, issuedOn: null, ranges: [{ id: 'clearanceRate', low: 98, high: null }, { id: 'reversalRate', low: null, high: 5 }] } });
    const bad = parseRangesRows([...rows, { rowNumber: 5, cells: [3, '结收比', 1] }]);
    expect(bad).toEqual({ ok: false, error: '第 5 行（结收比）：该指标在文件中出现了两次' });
    expect(parseRangesRows([rows[0], { rowNumber: 2, cells: [null, '好评率', 1] }])).toEqual({ ok: false, error: '第 2 行：没有名为“好评率”的指标' });
    expect(parseRangesRows([{ rowNumber: 1, cells: ['指标', '下限'] }])).toEqual({ ok: false, error: '第 1 行应为表头，缺少列：上限' });
  });

  it('refuses a rate bound stored by a percent-formatted cell (0.95 for 95 %), and takes "0.5%" written as text', () => {
    const head = { rowNumber: 1, cells: ['指标', '下限', '上限'] };
    const percent = parseRangesRows([head, { rowNumber: 2, cells: ['法定审限内结案率', 0.95, null] }]);
    expect(percent.ok).toBe(false);
    expect(!percent.ok && percent.error).toContain('第 2 行（法定审限内结案率）：0.95 像是设成百分比格式的单元格（表格里显示为 95%）');
    expect(parseRangesRows([head, { rowNumber: 2, cells: ['改判发回率', null, '0.5%'] }])).toMatchObject({ ok: true, value: { ranges: [{ id: 'reversalRate', low: null, high: 0.5 }] } });
    // Days and counts are not percentages: 0.5 天 is left to the range's own checks.
    expect(parseRangesRows([head, { rowNumber: 2, cells: ['平均审理天数', null, 90] }])).toMatchObject({ ok: true });
  });

  it.each([[95, 95], ['95%', 95], [' 1.5 ', 1.5], ['', null], ['无', null], ['none', null], [null, null], ['abc', undefined], ['1e3', undefined], [Infinity, undefined]] as const)(
    'parseBound(%j) → %s', (v, n) => expect(parseBound(v)).toBe(n),
  );
});

describe('the window\'s inline edit', () => {
  it('checks a draft with the core\'s rules before asking: empty is open, words and reversed bounds refused', async () => {
    const { checkDraft } = await import('../../renderer/src/features/settings/ranges/rangeForm');
    expect(checkDraft('onTimeRate', { low: '90', high: '' })).toEqual({ ok: true, value: R(90, null) });
    expect(checkDraft('onTimeRate', { low: ' 90% ', high: '无' })).toEqual({ ok: true, value: R(90, null) });
    expect(checkDraft('onTimeRate', { low: '九十', high: '' })).toEqual({ ok: false, error: '下限“九十”不是数字（不设请留空）' });
    expect(checkDraft('reversalRate', { low: '6', high: '5' })).toEqual({ ok: false, error: '下限 6 高于上限 5' });
    expect(checkDraft('reversalRate', { low: '', high: '105' })).toEqual({ ok: false, error: '上限 105 超出 0–100（百分数）的范围' });
  });
});
