// Renderer: hash routes, parsed and formatted, and the filters behind the 审限预警 lists.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type CaseFilters } from '../../renderer/src/features/cases/filters';
import { deadlineViewFilters } from '../../renderer/src/features/deadlines/routes';
import { formatRoute, litSection, navSection, parseHash, type Route } from '../../renderer/src/router/routes';

describe('hash routes', () => {
  it('starts on the case list', () => {
    for (const h of ['', '#', '#/', '#/cases']) {
      expect(parseHash(h)).toEqual({ name: 'cases', filters: DEFAULT_FILTERS, page: 1 });
    }
    expect(formatRoute({ name: 'cases', filters: { ...DEFAULT_FILTERS }, page: 1 })).toBe('#/cases');
  });

  it('round-trips a filtered list with Chinese values', () => {
    const filters: CaseFilters = {
      status: 'overdue',
      divisionId: 4,
      judgeId: 17,
      procedure: '小额诉讼程序',
      remainingMin: -10,
      remainingMax: 30,
      search: '（2024）辽0421民初1',
      sort: 'dueOn_asc',
    };
    const route: Route = { name: 'cases', filters, page: 12 };
    const hash = formatRoute(route);
    expect(hash.startsWith('#/cases?')).toBe(true);
    expect(hash).not.toMatch(/[\u4e00-\u9fff（）]/); // percent-encoded, safe in any address bar
    expect(parseHash(hash)).toEqual(route);
  });

  it('round-trips a case number, including ASCII parentheses and spaces', () => {
    for (const caseNumber of ['（2024）辽0421民初1234号', '(2024)辽0421执恢 7号']) {
      const hash = formatRoute({ name: 'case', caseNumber });
      expect(parseHash(hash)).toEqual({ name: 'case', caseNumber });
    }
  });

  it('reads what a browser shows after a user typed the address', () => {
    expect(parseHash('#/case/（2024）辽0421民初1号')).toEqual({ name: 'case', caseNumber: '（2024）辽0421民初1号' });
    expect(parseHash('#/cases?q=张三&status=open')).toMatchObject({ filters: { search: '张三', status: 'open' } });
  });

  it('ignores bad query values rather than failing', () => {
    const r = parseHash('#/cases?status=all&division=abc&page=-3&rmax=x');
    expect(r).toEqual({ name: 'cases', filters: DEFAULT_FILTERS, page: 1 });
  });

  it('routes sections and 审限预警 views', () => {
    expect(parseHash('#/settings')).toEqual({ name: 'settings' });
    expect(parseHash('#/extensions')).toEqual({ name: 'extensions' });
    expect(parseHash('#/deadlines')).toEqual({ name: 'deadlines', view: 'overdue', page: 1 });
    expect(parseHash('#/deadlines?view=due15&page=2')).toEqual({ name: 'deadlines', view: 'due15', page: 2 });
    expect(formatRoute({ name: 'deadlines', view: 'due7', page: 1 })).toBe('#/deadlines?view=due7');
    expect(parseHash('#/nowhere')).toEqual({ name: 'notFound', path: '/nowhere' });
    expect(parseHash('#/case/%E0%A4%A')).toMatchObject({ name: 'notFound' });
  });

  it('maps routes to navigation entries', () => {
    expect(navSection(parseHash('#/case/x'))).toBe('cases');
    expect(navSection(parseHash('#/deadlines'))).toBe('deadlines');
    expect(navSection(parseHash('#/exchange'))).toBe('exchange');
    // A weak point's trend is reached from the 台账, whose entry it lights; its access stays the meetings section's.
    expect(litSection(parseHash('#/ledger/point?id=3'))).toBe('ledger');
    expect(navSection(parseHash('#/ledger/point?id=3'))).toBe('ledgerReview');
    expect(litSection(parseHash('#/ledger/meetings'))).toBe('ledgerReview');
    expect(litSection(parseHash('#/exchange'))).toBe('exchange');
  });
});

describe('审限预警 lists', () => {
  it('match the counts of deadlines.summary', () => {
    expect(deadlineViewFilters('overdue')).toMatchObject({ status: 'overdue', remainingMin: null, remainingMax: null, sort: 'dueOn_asc' });
    expect(deadlineViewFilters('due7')).toMatchObject({ status: '', remainingMin: 0, remainingMax: 7 });
    expect(deadlineViewFilters('due15')).toMatchObject({ remainingMin: 0, remainingMax: 15 });
    expect(deadlineViewFilters('due30')).toMatchObject({ remainingMin: 0, remainingMax: 30 });
    expect(deadlineViewFilters('suspended')).toMatchObject({ status: 'stopped', sort: 'dueOn_asc' });
  });
});
