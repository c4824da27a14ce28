// Renderer: the case-list filters and their mapping to cases.list / cases.count arguments.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  countKey,
  hasActiveFilters,
  normalizeFilters,
  parseRemaining,
  toFilterArgs,
  toListArgs,
  type CaseFilters,
} from '../../renderer/src/features/cases/filters';
import { MAX_PAGE, PAGE_SIZE, pageWindow } from '../../renderer/src/lib/paging';
import { caseFilterSchema, caseListArgs } from '../../shared/api/contract';

const f = (patch: Partial<CaseFilters>): CaseFilters => ({ ...DEFAULT_FILTERS, ...patch });

describe('filters → API arguments', () => {
  it('sends nothing for the default filters but the sort and the first page', () => {
    expect(toFilterArgs(DEFAULT_FILTERS)).toEqual({});
    expect(toListArgs(DEFAULT_FILTERS, 1)).toEqual({ sort: 'filedOn_desc', offset: 0, limit: 100 });
  });

  it('maps every filter and pages of 100', () => {
    const filters = f({
      status: 'open',
      divisionId: 3,
      judgeId: 12,
      procedure: '简易程序',
      remainingMin: -30,
      remainingMax: 7,
      search: '  张三 ',
      sort: 'dueOn_asc',
    });
    const args = toListArgs(filters, 4);
    expect(args).toEqual({
      status: 'open',
      divisionId: 3,
      judgeId: 12,
      procedure: '简易程序',
      remainingMin: -30,
      remainingMax: 7,
      search: '张三',
      sort: 'dueOn_asc',
      offset: 300,
      limit: PAGE_SIZE,
    });
    // The contract's own schemas accept what we send.
    expect(caseListArgs.safeParse(args).success).toBe(true);
    expect(caseFilterSchema.safeParse(toFilterArgs(filters)).success).toBe(true);
  });

  it('keeps remaining 0 (it is a bound, not "unset")', () => {
    expect(toFilterArgs(f({ remainingMin: 0, remainingMax: 0 }))).toEqual({ remainingMin: 0, remainingMax: 0 });
  });

  it('clamps pages to what the API accepts', () => {
    expect(toListArgs(DEFAULT_FILTERS, 0).offset).toBe(0);
    expect(toListArgs(DEFAULT_FILTERS, Number.NaN).offset).toBe(0);
    const last = toListArgs(DEFAULT_FILTERS, 10 ** 9);
    expect(last.offset).toBe((MAX_PAGE - 1) * PAGE_SIZE);
    expect(caseListArgs.safeParse(last).success).toBe(true);
  });

  it('counts do not depend on the sort', () => {
    expect(countKey(f({ sort: 'caseNumber_asc' }))).toBe(countKey(DEFAULT_FILTERS));
    expect(countKey(f({ status: 'overdue' }))).not.toBe(countKey(DEFAULT_FILTERS));
    expect(hasActiveFilters(f({ sort: 'caseNumber_asc' }))).toBe(false);
    expect(hasActiveFilters(f({ search: '民初' }))).toBe(true);
  });
});

describe('normalizeFilters and parseRemaining', () => {
  it('drops what is not valid', () => {
    expect(
      normalizeFilters({ status: 'bogus', divisionId: '-1', judgeId: 'x', procedure: '特别程序', sort: 'id', remainingMax: '7天' }),
    ).toEqual(DEFAULT_FILTERS);
  });

  it('accepts numbers typed with full-width digits or a full-width minus, within ±36500', () => {
    expect(parseRemaining('７')).toBe(7);
    expect(parseRemaining('－30')).toBe(-30);
    expect(parseRemaining(' 15 ')).toBe(15);
    expect(parseRemaining('1.5')).toBeNull();
    expect(parseRemaining('40000')).toBeNull();
    expect(parseRemaining('')).toBeNull();
  });

  it('keeps a range typed backwards as it is (the boxes say why it matches nothing) and trims the search to 60 characters', () => {
    const n = normalizeFilters({ remainingMin: '30', remainingMax: '0', search: '案'.repeat(80) });
    expect([n.remainingMin, n.remainingMax]).toEqual([30, 0]);
    expect(n.search).toHaveLength(60);
  });
});

describe('pageWindow', () => {
  it('shows first, last and two either side with gaps', () => {
    expect(pageWindow(1, 1000, true)).toEqual([1, 2, 3, null, 10]);
    expect(pageWindow(6, 1000, true)).toEqual([1, null, 4, 5, 6, 7, 8, 9, 10]);
    expect(pageWindow(5, 1_000_000, true)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 10000]);
  });

  it('without a total, offers the next page only when more rows follow', () => {
    expect(pageWindow(1, null, false)).toEqual([1]);
    expect(pageWindow(1, null, true)).toEqual([1, 2]);
    expect(pageWindow(7, null, true)).toEqual([1, null, 5, 6, 7, 8]);
  });

  it('has one page for an empty list', () => {
    expect(pageWindow(1, 0, false)).toEqual([1]);
  });
});
