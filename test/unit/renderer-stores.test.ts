// Renderer: the zustand stores as plain functions, against a fake API.
import { describe, expect, it, vi } from 'vitest';
import type { ApiResponse, CaseListArgs, CaseListRow, CaseFilter, CourtDeskApi } from '../../shared/api/contract';
import { DEFAULT_FILTERS, type CaseFilters } from '../../renderer/src/features/cases/filters';
import { createCaseListStore } from '../../renderer/src/features/cases/caseList';
import { createAppStore } from '../../renderer/src/stores/app';
import { createCaseDetailStore } from '../../renderer/src/features/cases/caseDetail';
import { createCaseWorkStore } from '../../renderer/src/features/cases/caseWork';
import { createCaseFormStore } from '../../renderer/src/features/cases/caseFormStore';
import { createSavedFiltersStore } from '../../renderer/src/features/cases/savedFilters';
import { createImportStore } from '../../renderer/src/features/cases/import/importStore';
import { createRouterStore } from '../../renderer/src/router/store';
import { applyRoute, type Stores } from '../../renderer/src/stores/controller';
import { createDeadlineSummaryStore } from '../../renderer/src/features/deadlines/summary';
import { createAlertListStore } from '../../renderer/src/features/deadlines/alerts';
import { createReconciliationStore } from '../../renderer/src/features/reconciliation/store';
import { createExtensionsStore } from '../../renderer/src/features/extensions/store';
import { createStudyStore } from '../../renderer/src/features/extensions/study/studyStore';
import { createBoardStore, createDrillStore } from '../../renderer/src/features/indicators/store';
import { createMonthlyStore } from '../../renderer/src/features/indicators/monthlyStore';
import { createGroupStore } from '../../renderer/src/features/indicators/groupStore';
import { createExchangeStore } from '../../renderer/src/features/exchange/store';
import { createCompareStore } from '../../renderer/src/features/exchange/compareStore';
import { createMeetingListStore, createMeetingStore, createTrendStore } from '../../renderer/src/features/ledgerReview/store';
import { createAccountsStore } from '../../renderer/src/features/accounts/store';
import { createAuditStore } from '../../renderer/src/features/audit/store';
import { parseHash } from '../../renderer/src/router/routes';

function row(i: number): CaseListRow {
  return {
    id: i,
    caseNumber: `（2024）辽0421民初${i}号`,
    typeCode: '民初',
    cause: '民间借贷纠纷',
    procedure: '普通程序',
    filedOn: '2024-03-01',
    closedOn: null,
    closingMethod: null,
    divisionId: 1,
    division: '民一庭',
    judgeId: 1,
    judge: '王法官',
    plaintiffs: [],
    defendants: [],
    limit: '6个月',
    dueOn: '2024-09-01',
    daysRemaining: 10,
    status: 'in_time',
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const ok = <T>(value: T): ApiResponse<T> => ({ ok: true, value });
const f = (patch: Partial<CaseFilters>): CaseFilters => ({ ...DEFAULT_FILTERS, ...patch });

describe('case list store', () => {
  it('loads a page and, separately, the total', async () => {
    const count = deferred<ApiResponse<{ count: number }>>();
    const list = vi.fn(async (a: CaseListArgs) => ok({ rows: [row(1), row(2)], offset: a.offset ?? 0, hasMore: true }));
    const store = createCaseListStore({ 'cases.list': list, 'cases.count': () => count.promise });
    const done = store.getState().load(f({ status: 'open' }), 2);
    expect(store.getState()).toMatchObject({ loading: true, page: 2, filters: { status: 'open' } });
    await vi.waitFor(() => expect(store.getState().loading).toBe(false));
    expect(store.getState().rows).toHaveLength(2);
    expect(store.getState().total).toBeNull(); // the count has not answered yet
    expect(list).toHaveBeenCalledWith({ status: 'open', sort: 'filedOn_desc', offset: 100, limit: 100 });
    count.resolve(ok({ count: 1_000_000 }));
    await done;
    expect(store.getState().total).toBe(1_000_000);
  });

  it('does not count again for another page or sort of the same filters, nor refetch the page shown', async () => {
    const list = vi.fn(async () => ok({ rows: [row(1)], offset: 0, hasMore: false }));
    const count = vi.fn(async (_a: CaseFilter) => ok({ count: 1 }));
    const store = createCaseListStore({ 'cases.list': list, 'cases.count': count });
    await store.getState().load(f({}), 1);
    await store.getState().load(f({}), 1);
    await store.getState().load(f({}), 2);
    await store.getState().load(f({ sort: 'caseNumber_asc' }), 1);
    expect(list).toHaveBeenCalledTimes(3);
    expect(count).toHaveBeenCalledTimes(1);
    await store.getState().load(f({ search: '张' }), 1);
    expect(count).toHaveBeenCalledTimes(2);
    expect(count).toHaveBeenLastCalledWith({ search: '张' });
  });

  it('ignores answers that arrive after newer filters', async () => {
    const slow = deferred<ApiResponse<{ rows: CaseListRow[]; offset: number; hasMore: boolean }>>();
    const list = vi
      .fn()
      .mockImplementationOnce(() => slow.promise)
      .mockImplementationOnce(async () => ok({ rows: [row(2)], offset: 0, hasMore: false }));
    const store = createCaseListStore({ 'cases.list': list, 'cases.count': async () => ok({ count: 1 }) });
    const first = store.getState().load(f({ search: '张' }), 1);
    await store.getState().load(f({ search: '张三' }), 1);
    slow.resolve(ok({ rows: [row(1)], offset: 0, hasMore: false }));
    await first;
    expect(store.getState().rows.map((r) => r.id)).toEqual([2]);
    expect(store.getState().filters.search).toBe('张三');
  });

  it('shows the Chinese error and lets the same page be asked again', async () => {
    const list = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: { code: 'DB_ERROR', message: '数据库忙，请稍后再试' } })
      .mockResolvedValueOnce(ok({ rows: [row(1)], offset: 0, hasMore: false }));
    const store = createCaseListStore({ 'cases.list': list, 'cases.count': async () => ok({ count: 1 }) });
    await store.getState().load(f({}), 1);
    expect(store.getState()).toMatchObject({ error: '数据库忙，请稍后再试', rows: [], loaded: true });
    await store.getState().load(f({}), 1);
    expect(store.getState()).toMatchObject({ error: null, rows: [row(1)] });
  });
});

describe('app and case stores', () => {
  it('fetches each division\'s judges once', async () => {
    const judges = vi.fn(async (a: { divisionId?: number }) => ok([{ id: 1, name: '王法官', divisionId: a.divisionId ?? null }]));
    const store = createAppStore({
      'app.info': async () => ({ ok: false, error: { code: 'INTERNAL', message: '无法连接到法院质效台服务，请重新启动程序' } }),
      'catalog.divisions': async () => ok([{ id: 2, name: '民一庭', kind: 'division' as const }]),
      'catalog.judges': judges,
    });
    await Promise.all([store.getState().loadJudges(2), store.getState().loadJudges(2), store.getState().loadJudges(null)]);
    expect(judges).toHaveBeenCalledTimes(2);
    expect(judges).toHaveBeenCalledWith({ divisionId: 2 });
    expect(judges).toHaveBeenCalledWith({});
    expect(store.getState().judges['2']).toHaveLength(1);
    await store.getState().loadInfo();
    expect(store.getState().infoError).toBe('无法连接到法院质效台服务，请重新启动程序');
  });

  it('keeps NOT_FOUND for the case page', async () => {
    const store = createCaseDetailStore({
      'cases.get': async (a) => ({ ok: false, error: { code: 'NOT_FOUND', message: `找不到案件 ${a.caseNumber}` } }),
    });
    await store.getState().load('（2024）辽0421民初9号');
    expect(store.getState().error).toEqual({ code: 'NOT_FOUND', message: '找不到案件 （2024）辽0421民初9号' });
    expect(store.getState().detail).toBeNull();
  });
});

describe('router store', () => {
  function adapter(initial: string) {
    const entries = [initial];
    let i = 0;
    return {
      entries,
      read: () => entries[i],
      write: (hash: string, replace: boolean) => {
        if (replace) entries[i] = hash;
        else {
          entries.splice(i + 1);
          entries.push(hash);
          i++;
        }
      },
      back() {
        i--;
      },
    };
  }

  it('pushes history for navigation and follows back', () => {
    const a = adapter('');
    const router = createRouterStore(a);
    expect(a.entries).toEqual(['#/cases']); // canonical form, in place
    router.getState().navigate({ name: 'cases', filters: f({ status: 'overdue' }), page: 1 });
    router.getState().navigate({ name: 'case', caseNumber: '（2024）辽0421民初1号' });
    expect(a.entries).toHaveLength(3);
    expect(router.getState().lastList).toMatchObject({ name: 'cases', filters: { status: 'overdue' } });
    a.back();
    router.getState().sync();
    expect(router.getState().route).toMatchObject({ name: 'cases', filters: { status: 'overdue' } });
  });

  it('does not push a second entry for the route already shown', () => {
    const a = adapter('#/settings');
    const router = createRouterStore(a);
    router.getState().navigate({ name: 'settings' });
    expect(a.entries).toEqual(['#/settings']);
  });
});

describe('applyRoute', () => {
  it('loads the 审限预警 summary and its preset list', async () => {
    const list = vi.fn(async () => ok({ rows: [], offset: 0, hasMore: false }));
    const count = vi.fn(async () => ok({ count: 0 }));
    const api = {
      'cases.list': list,
      'cases.count': count,
      'deadlines.summary': vi.fn(async () =>
        ok({ today: '2024-12-31', open: 10, overdue: 1, suspended: 1, paused: 0, stopped: 1, dueWithin7: 2, dueWithin15: 3, dueWithin30: 4, mediating: 2, mediationDue: 1 }),
      ),
      'cases.get': vi.fn(),
      'app.info': vi.fn(),
      'catalog.divisions': vi.fn(),
      'catalog.judges': vi.fn(async () => ok([])),
    };
    const caseDetail = createCaseDetailStore(api);
    const none = {} as CourtDeskApi;
    const stores: Stores = {
      app: createAppStore(api),
      cases: createCaseListStore(api),
      deadlineList: createCaseListStore(api),
      deadlineAlerts: createAlertListStore(none),
      deadlineSummary: createDeadlineSummaryStore(api),
      caseDetail,
      caseWork: createCaseWorkStore(none, caseDetail),
      caseForm: createCaseFormStore(none),
      savedFilters: createSavedFiltersStore(none),
      caseImport: createImportStore(none),
      accounts: createAccountsStore({ 'users.list': vi.fn(), 'users.add': vi.fn(), 'users.setActive': vi.fn(), 'users.resetPassword': vi.fn() }),
      audit: createAuditStore({ 'audit.list': vi.fn(), 'audit.verify': vi.fn() }),
      reconciliation: createReconciliationStore({ 'cases.reconciliation': vi.fn() }),
      extensions: createExtensionsStore(none),
      extensionStudy: createStudyStore(none),
      indicatorBoard: createBoardStore(none),
      indicatorCases: createDrillStore(none),
      indicatorMonthly: createMonthlyStore(none),
      indicatorGroup: createGroupStore(none),
      exchange: createExchangeStore(none),
      exchangeCompare: createCompareStore(none),
      ledgerTrend: createTrendStore(none),
      ledgerMeetings: createMeetingListStore(none),
      ledgerMeeting: createMeetingStore(none),
    };
    await applyRoute(parseHash('#/deadlines?view=due7'), stores, ['cases.view']);
    expect(stores.deadlineSummary.getState().summary?.dueWithin7).toBe(2);
    expect(list).toHaveBeenCalledWith({ remainingMin: 0, remainingMax: 7, sort: 'dueOn_asc', offset: 0, limit: 100 });
    expect(count).toHaveBeenCalledWith({ remainingMin: 0, remainingMax: 7 });
  });
});
