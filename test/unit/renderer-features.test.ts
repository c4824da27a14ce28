// Renderer: the features list (features/index.ts) — unique names and keys, and every route served by exactly one feature.
import { describe, expect, it } from 'vitest';
import type { CourtDeskApi } from '../../shared/api/contract';
import { FEATURES } from '../../renderer/src/features';
import { SETTINGS_TABS } from '../../renderer/src/features/settings/routes';
import { splitHash } from '../../renderer/src/router/hash';
import { formatRoute, parseHash, type RouteName } from '../../renderer/src/router/routes';
import { createStores } from '../../renderer/src/stores/controller';

/** Every name the Route type allows: the compiler refuses this object when a name is missing or unknown. */
const ROUTE_NAMES: Record<RouteName, true> = {
  cases: true,
  case: true,
  caseNew: true,
  caseEdit: true,
  caseImport: true,
  deadlines: true,
  reconciliation: true,
  extensions: true,
  extensionStudy: true,
  indicators: true,
  indicatorCases: true,
  indicatorGroup: true,
  projection: true,
  exchange: true,
  exchangeCompare: true,
  exchangeCourt: true,
  ledgerPoint: true,
  ledgerMeetings: true,
  ledgerMeeting: true,
  ledger: true,
  settings: true,
  notFound: true,
};

/** Addresses of every kind the window knows, and a few it does not. */
const ADDRESSES = [
  '#/cases',
  '#/cases?status=overdue&division=4&q=%E5%BC%A0&page=3',
  `#/case/${encodeURIComponent('（2024）辽0421民初1号')}`,
  '#/cases/new',
  '#/cases/import',
  `#/case/${encodeURIComponent('（2024）辽0421民初1号')}/edit`,
  '#/deadlines',
  '#/deadlines?view=due15&page=2',
  '#/reconciliation',
  '#/extensions',
  '#/extensions?view=decided',
  '#/extensions?view=all&reason=%E9%89%B4%E5%AE%9A%E6%9C%AA%E5%AE%8C%E6%88%90&from=2025-01-01&to=2025-03-31&division=3&judge=7&outcome=shorter&late=1',
  '#/extensions?view=all&reason=imported',
  '#/extensions/study',
  '#/extensions/study?from=2025-01-01&to=2025-06-30&division=2',
  '#/indicators',
  '#/indicators?view=groups&from=2026-01-01&to=2026-11-30&division=%E6%B0%91%E4%B8%80%E5%BA%AD&by=judge&ind=clearanceRate',
  '#/indicators?view=daily',
  '#/indicators?view=weekly&week=2026-11-23&by=judge',
  '#/indicators?view=monthly&month=2026-02&ind=clearanceRate',
  '#/indicators/cases?id=onTimeRate&part=denominator&from=2026-01-01&to=2026-11-30&judge=%E7%8E%8B%E6%B3%95%E5%AE%98',
  '#/indicators/cases?id=pendingAge&part=%3E36&from=2026-01-01&to=2026-11-30&page=2',
  '#/indicators/cases?id=onTimeRate&part=nothing&from=2026-01-01&to=2026-11-30',
  '#/indicators/division?name=%E6%B0%91%E4%B8%80%E5%BA%AD&from=2026-01-01&to=2026-11-30&ind=clearanceRate',
  '#/indicators/judge?name=%E7%8E%8B%E6%B3%95%E5%AE%98',
  '#/ledger/projection',
  '#/ledger/projection?months=12&closeMore=10&clearOldest=50&by=2026-06-30&judges=-1&asOf=2026-10-31',
  '#/exchange',
  '#/exchange/compare',
  '#/exchange/compare?ind=onTimeRate',
  '#/exchange/court?code=%E8%BE%BD0421',
  '#/exchange/court?code=%E8%BE%BD0421&filter=overdue&page=2',
  '#/ledger/point?id=3',
  '#/ledger/meetings',
  '#/ledger/meeting?id=12',
  '#/ledger/point?id=abc',
  '#/ledger/meeting',
  '#/ledger',
  '#/ledger?x=1',
  '#/ledger?meeting=7',
  '#/ledger?meeting=abc',
  '#/ledger?meeting=0',
  '#/settings',
  '#/settings/accounts',
  '#/settings/audit',
  '#/settings/backup',
  '#/settings/ranges',
  '#/settings/info',
  '#/nowhere',
  '#/case',
  '#/cases/1',
  // Other sections' addresses under #/ledger/… are theirs, not the 台账's.
  '#/ledger/unknown',
];

const dupes = (xs: readonly string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

describe('features list', () => {
  it('has unique ids (navigation keys), route names and navigation orders', () => {
    expect(dupes(FEATURES.map((f) => f.id))).toEqual([]);
    expect(dupes(FEATURES.flatMap((f) => f.routeNames))).toEqual([]);
    expect(dupes(FEATURES.map((f) => String(f.nav.order)))).toEqual([]);
  });

  it('keeps the navigation entries, their order and labels', () => {
    const nav = [...FEATURES].sort((a, b) => a.nav.order - b.nav.order).map((f) => [f.id, f.nav.label, f.nav.soon === true]);
    expect(nav).toEqual([
      ['cases', '案件', false],
      ['deadlines', '审限预警', false],
      ['reconciliation', '审限核对', false],
      ['extensions', '延审审批', false],
      ['indicators', '质效指标', false],
      ['exchange', '报送中院', false],
      ['ledger', '脱薄台账', false],
      ['ledgerReview', '月分析会', false],
      ['projection', '脱薄预测', false],
      ['settings', '设置', false],
    ]);
  });

  it('serves every route name of the Route type by exactly one feature', () => {
    for (const name of Object.keys(ROUTE_NAMES) as RouteName[]) {
      const serving = FEATURES.filter((f) => (f.routeNames as readonly string[]).includes(name));
      expect(serving.length, name).toBe(name === 'notFound' ? 0 : 1);
    }
    for (const name of FEATURES.flatMap((f) => f.routeNames)) expect(ROUTE_NAMES[name]).toBe(true);
  });

  it('has one feature, the one serving the name, accept each address; no two claim the same', () => {
    const seen = new Set<string>();
    for (const hash of ADDRESSES) {
      const path = splitHash(hash);
      if (!path) throw new Error(hash);
      const accepting = FEATURES.filter((f) => f.parse(path) !== null);
      const route = parseHash(hash);
      seen.add(route.name);
      if (route.name === 'notFound') {
        expect(accepting, hash).toEqual([]);
        continue;
      }
      expect(accepting.map((f) => f.id), hash).toHaveLength(1);
      expect(accepting[0].routeNames as readonly string[]).toContain(route.name);
      expect(parseHash(formatRoute(route)), hash).toEqual(route);
    }
    // The addresses above reach every name the router can produce.
    expect([...seen].sort()).toEqual(Object.keys(ROUTE_NAMES).sort());
  });

  it('reads the 台账’s meeting parameter, a bad value being the plain page', () => {
    expect(parseHash('#/ledger?meeting=7')).toEqual({ name: 'ledger', meeting: 7 });
    expect(formatRoute({ name: 'ledger', meeting: 7 })).toBe('#/ledger?meeting=7');
    for (const bad of ['#/ledger?meeting=abc', '#/ledger?meeting=0', '#/ledger?meeting=-3', '#/ledger?meeting=1.5', '#/ledger?meeting=']) expect(parseHash(bad), bad).toEqual({ name: 'ledger' });
    expect(formatRoute({ name: 'ledger' })).toBe('#/ledger');
  });

  it('gives every store its own key', () => {
    const api = {} as CourtDeskApi;
    const keys = ['app', ...FEATURES.flatMap((f) => ('createStores' in f && f.createStores ? Object.keys(f.createStores(api)) : []))];
    expect(dupes(keys)).toEqual([]);
    expect(Object.keys(createStores(api)).sort()).toEqual([...keys].sort());
    expect(Object.keys(createStores(api)).sort()).toEqual(['accounts', 'app', 'audit', 'caseDetail', 'caseForm', 'caseImport', 'caseWork', 'cases', 'deadlineAlerts', 'deadlineList', 'deadlineSummary', 'exchange', 'exchangeCompare', 'extensionStudy', 'extensions', 'indicatorBoard', 'indicatorCases', 'indicatorGroup', 'indicatorMonthly', 'ledger', 'ledgerMeeting', 'ledgerMeetings', 'ledgerTrend', 'projection', 'reconciliation', 'savedFilters']);
  });

  it('has unique settings tabs, 本机与安全 first', () => {
    expect(dupes(SETTINGS_TABS.map((t) => t.tab))).toEqual([]);
    expect(SETTINGS_TABS.map((t) => t.tab)).toEqual(['info', 'ranges', 'accounts', 'audit', 'backup']);
  });
});
