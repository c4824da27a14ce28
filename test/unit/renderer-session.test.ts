// Renderer: the session store, the guard that notices SIGNED_OUT / LOCKED on any call, and the accounts and audit stores.
import { describe, expect, it, vi } from 'vitest';
import type { ApiResponse, AuditRow, AuthStatus, CourtDeskApi, SignedInUser, UserView } from '../../shared/api/contract';
import { API_METHODS } from '../../shared/api/methods';
import { guardApi } from '../../renderer/src/api/guard';
import { SESSION_LOST_NOTICE, createSessionStore, phaseOf, userCan, type SessionApi } from '../../renderer/src/features/auth/session';
import { createAccountsStore, mergeUser } from '../../renderer/src/features/accounts/store';
import { auditArgs, auditFilterProblem, createAuditStore, EMPTY_AUDIT_FILTERS } from '../../renderer/src/features/audit/store';
import { applyRoute, resetData, startData, type Stores } from '../../renderer/src/stores/controller';
import { createAppStore } from '../../renderer/src/stores/app';
import { createCaseListStore } from '../../renderer/src/features/cases/caseList';
import { createCaseDetailStore } from '../../renderer/src/features/cases/caseDetail';
import { createCaseWorkStore } from '../../renderer/src/features/cases/caseWork';
import { createCaseFormStore } from '../../renderer/src/features/cases/caseFormStore';
import { createSavedFiltersStore } from '../../renderer/src/features/cases/savedFilters';
import { createImportStore } from '../../renderer/src/features/cases/import/importStore';
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
import { parseHash } from '../../renderer/src/router/routes';

const ok = <T>(value: T): ApiResponse<T> => ({ ok: true, value });
const err = (code: 'SIGNED_OUT' | 'LOCKED' | 'FORBIDDEN' | 'BAD_ARGS' | 'INTERNAL', message: string): ApiResponse<never> => ({ ok: false, error: { code, message } });

const judge: SignedInUser = {
  name: '王法官',
  roles: ['judge'],
  division: '民一庭',
  permissions: ['cases.view', 'cases.register', 'events.record', 'extension.request', 'indicators.view'],
  scope: '本人承办的案件',
  scopeKind: 'own',
  servesJudges: [],
  mustChangePassword: false,
};
const admin: SignedInUser = { name: '管理员', roles: ['admin'], division: null, permissions: ['accounts.manage', 'audit.view', 'backup.manage', 'settings.manage', 'demo.seed'], scope: '无权查看案件', scopeKind: 'none', servesJudges: [], mustChangePassword: false };

function status(patch: Partial<AuthStatus> = {}): AuthStatus {
  return { setupNeeded: false, courtCode: '辽0421', courtName: '某某县人民法院', demo: true, demoAccounts: [], user: null, locked: false, idleLockMinutes: 15, ...patch };
}

function sessionApi(over: Partial<Record<keyof SessionApi, unknown>> = {}): SessionApi {
  return {
    'auth.status': vi.fn(async () => ok(status())),
    'auth.setup': vi.fn(),
    'auth.signIn': vi.fn(async () => ok(judge)),
    'auth.unlock': vi.fn(async () => ok(judge)),
    'auth.signOut': vi.fn(async () => ok({ signedOut: true as const })),
    'auth.changePassword': vi.fn(async () => ok({ changed: true as const })),
    ...over,
  } as SessionApi;
}

describe('phaseOf', () => {
  it('chooses the screen from auth.status', () => {
    expect(phaseOf(status({ setupNeeded: true }))).toBe('setup');
    expect(phaseOf(status())).toBe('signIn');
    expect(phaseOf(status({ user: judge, locked: true }))).toBe('locked');
    expect(phaseOf(status({ user: { ...judge, mustChangePassword: true } }))).toBe('mustChange');
    expect(phaseOf(status({ user: judge }))).toBe('ready');
  });
});

describe('session store', () => {
  it('after a restore, forgets who was signed in and shows the sign-in screen with what happened', async () => {
    const statusCalls = vi.fn(async () => ok(status({ user: admin })));
    const api = sessionApi({ 'auth.status': statusCalls });
    const s = createSessionStore(api);
    await s.getState().loadStatus();
    expect(s.getState().phase).toBe('ready');
    // The restored database knows no session: auth.status now answers nobody.
    statusCalls.mockImplementation(async () => ok(status()));
    const phases: string[] = [];
    s.subscribe((st) => phases.push(st.phase));
    await s.getState().databaseReplaced('已从备份恢复，请重新登录。');
    expect(s.getState()).toMatchObject({ phase: 'signIn', user: null, notice: '已从备份恢复，请重新登录。' });
    // Through 'loading', so the window drops the previous person's data (main.tsx resets on the sign-in phase).
    expect(phases).toContain('loading');
  });

  it('waits out BUSY (a restore in another window) before showing the sign-in screen', async () => {
    let calls = 0;
    const api = sessionApi({
      'auth.status': vi.fn(async () => (++calls < 3 ? ({ ok: false, error: { code: 'BUSY', message: '正在从备份恢复数据库，请稍候再试' } } as const) : ok(status()))),
    });
    const s = createSessionStore(api, 1);
    await s.getState().loadStatus();
    expect(calls).toBe(3);
    expect(s.getState().phase).toBe('signIn');
  });

  it('signs in and out', async () => {
    const api = sessionApi();
    const s = createSessionStore(api);
    await s.getState().loadStatus();
    expect(s.getState()).toMatchObject({ phase: 'signIn', idleLockMinutes: 15 });
    expect(await s.getState().signIn('王法官', 'demo-judge')).toBeNull();
    expect(s.getState()).toMatchObject({ phase: 'ready', user: judge });
    expect(userCan(s.getState().user, 'cases.view')).toBe(true);
    expect(userCan(s.getState().user, 'audit.view')).toBe(false);
    await s.getState().signOut();
    expect(api['auth.signOut']).toHaveBeenCalled();
    expect(s.getState()).toMatchObject({ phase: 'signIn', user: null, notice: null });
    // Nothing of the last person is kept for the sign-in box: the next one at the workstation starts empty.
    expect(JSON.stringify(s.getState())).not.toContain('王法官');
  });

  it('returns the server message of a refused sign-in', async () => {
    const s = createSessionStore(sessionApi({ 'auth.signIn': vi.fn(async () => err('FORBIDDEN', '姓名或口令不正确（再错 4 次将锁定 15 分钟）')) }));
    await s.getState().loadStatus();
    expect(await s.getState().signIn('王法官', 'x')).toBe('姓名或口令不正确（再错 4 次将锁定 15 分钟）');
    expect(s.getState().phase).toBe('signIn');
  });

  it('asks for a new password first when the account must change it, then lets the person in', async () => {
    const s = createSessionStore(sessionApi({ 'auth.signIn': vi.fn(async () => ok({ ...judge, mustChangePassword: true })) }));
    await s.getState().loadStatus();
    await s.getState().signIn('王法官', 'reset-pass-1');
    expect(s.getState().phase).toBe('mustChange');
    expect(await s.getState().changePassword('reset-pass-1', 'my-own-pass')).toBeNull();
    expect(s.getState()).toMatchObject({ phase: 'ready', user: { mustChangePassword: false } });
  });

  it('locks on LOCKED and on the idle timer, and unlocks with the password', async () => {
    const api = sessionApi({ 'auth.status': vi.fn(async () => ok(status({ user: judge }))) });
    const s = createSessionStore(api);
    await s.getState().loadStatus();
    expect(s.getState().phase).toBe('ready');
    s.getState().authLost('LOCKED');
    expect(s.getState()).toMatchObject({ phase: 'locked', underLock: 'ready', user: judge });
    expect(await s.getState().unlock('demo-judge')).toBeNull();
    expect(s.getState().phase).toBe('ready');
    s.getState().lockIdle();
    expect(s.getState()).toMatchObject({ phase: 'locked', lockedLocally: true });
    // The server has not locked yet, but the window stays locked until the password is given.
    await s.getState().loadStatus();
    expect(s.getState().phase).toBe('locked');
  });

  it('does not lock on the idle timer when the lock is switched off', async () => {
    const s = createSessionStore(sessionApi({ 'auth.status': vi.fn(async () => ok(status({ user: judge, idleLockMinutes: 0 }))) }));
    await s.getState().loadStatus();
    s.getState().lockIdle();
    expect(s.getState().phase).toBe('ready');
  });

  it('goes to the sign-in screen on SIGNED_OUT, saying why, keeping no name for the sign-in box', async () => {
    let signedIn = true;
    const s = createSessionStore(sessionApi({ 'auth.status': vi.fn(async () => ok(status({ user: signedIn ? judge : null }))) }));
    await s.getState().loadStatus();
    signedIn = false;
    s.getState().authLost('SIGNED_OUT');
    expect(s.getState()).toMatchObject({ phase: 'signIn', user: null, notice: SESSION_LOST_NOTICE });
    expect(s.getState()).not.toHaveProperty('lastName');
    await vi.waitFor(() => expect(s.getState().status?.user).toBeNull());
    expect(s.getState().phase).toBe('signIn');
  });

  it('ignores a late SIGNED_OUT on the sign-in screen', async () => {
    const s = createSessionStore(sessionApi());
    await s.getState().loadStatus();
    s.getState().authLost('SIGNED_OUT');
    expect(s.getState().notice).toBeNull();
  });

  it('shows the sign-in screen when a failed unlock ended the session', async () => {
    let user: SignedInUser | null = judge;
    const s = createSessionStore(
      sessionApi({
        'auth.status': vi.fn(async () => ok(status({ user, locked: user !== null }))),
        'auth.unlock': vi.fn(async () => {
          user = null;
          return err('FORBIDDEN', '口令连续错误 5 次，账号已锁定 15 分钟');
        }),
      }),
    );
    await s.getState().loadStatus();
    expect(s.getState().phase).toBe('locked');
    expect(await s.getState().unlock('wrong')).toBe('口令连续错误 5 次，账号已锁定 15 分钟');
    expect(s.getState()).toMatchObject({ phase: 'signIn', notice: '口令连续错误 5 次，账号已锁定 15 分钟' });
  });

  it('stays locked after a wrong password', async () => {
    const s = createSessionStore(
      sessionApi({
        'auth.status': vi.fn(async () => ok(status({ user: judge, locked: true }))),
        'auth.unlock': vi.fn(async () => err('FORBIDDEN', '姓名或口令不正确（再错 4 次将锁定 15 分钟）')),
      }),
    );
    await s.getState().loadStatus();
    expect(await s.getState().unlock('wrong')).toMatch(/口令不正确/);
    expect(s.getState().phase).toBe('locked');
  });

  it('reports a failed auth.status', async () => {
    const s = createSessionStore(sessionApi({ 'auth.status': vi.fn(async () => ({ ok: false, error: { code: 'STARTUP_FAILED', message: '数据库文件已损坏' } })) }));
    await s.getState().loadStatus();
    expect(s.getState()).toMatchObject({ phase: 'failed', failure: { code: 'STARTUP_FAILED' } });
  });

  it('sets up the first administrator', async () => {
    let setUp = false;
    const api = sessionApi({
      'auth.status': vi.fn(async () => ok(setUp ? status({ user: admin, demo: false }) : status({ setupNeeded: true, courtCode: null, courtName: null }))),
      'auth.setup': vi.fn(async () => {
        setUp = true;
        return ok(admin);
      }),
    });
    const s = createSessionStore(api);
    await s.getState().loadStatus();
    expect(s.getState().phase).toBe('setup');
    expect(await s.getState().setup({ courtCode: '辽0421', courtName: '某某县人民法院', adminName: '管理员', password: 'admin-pass-1' })).toBeNull();
    expect(s.getState()).toMatchObject({ phase: 'ready', user: admin, status: { courtName: '某某县人民法院' } });
  });
});

describe('guardApi', () => {
  function fakeApi(answer: (m: string) => ApiResponse<unknown>): CourtDeskApi {
    const api: Record<string, unknown> = {};
    for (const m of API_METHODS) api[m] = vi.fn(async () => answer(m));
    return api as unknown as CourtDeskApi;
  }

  it('reports SIGNED_OUT and LOCKED from any call, and passes the answer on unchanged', async () => {
    const lost = vi.fn();
    const api = guardApi(fakeApi((m) => (m === 'cases.list' ? err('LOCKED', '已超过 15 分钟未操作') : err('SIGNED_OUT', '请先登录'))), { onAuthLost: lost });
    expect(await api['cases.list']({})).toEqual(err('LOCKED', '已超过 15 分钟未操作'));
    expect(lost).toHaveBeenLastCalledWith('LOCKED', '已超过 15 分钟未操作', 'cases.list');
    await api['users.list']({});
    expect(lost).toHaveBeenLastCalledWith('SIGNED_OUT', '请先登录', 'users.list');
    expect(lost).toHaveBeenCalledTimes(2);
  });

  it('leaves the public calls and other errors alone', async () => {
    const lost = vi.fn();
    const api = guardApi(fakeApi((m) => (m.startsWith('auth.') ? err('SIGNED_OUT', 'x') : err('FORBIDDEN', '无权'))), { onAuthLost: lost });
    await api['auth.status']({});
    await api['auth.signIn']({ name: 'a', password: 'b' });
    await api['audit.list']({});
    expect(lost).not.toHaveBeenCalled();
    // auth.unlock needs a session: losing it there means signing in again.
    await api['auth.unlock']({ password: 'x' });
    expect(lost).toHaveBeenCalledWith('SIGNED_OUT', 'x', 'auth.unlock');
  });

  it('reports STARTUP_FAILED from any call but those that read it themselves', async () => {
    const failed = vi.fn();
    const lost = vi.fn();
    const api = guardApi(fakeApi(() => ({ ok: false, error: { code: 'STARTUP_FAILED', message: '数据库文件已损坏' } })), { onAuthLost: lost, onStartupFailed: failed });
    await api['cases.list']({});
    expect(failed).toHaveBeenCalledWith('数据库文件已损坏', 'cases.list');
    await api['auth.signIn']({ name: '王法官', password: 'x' });
    expect(failed).toHaveBeenLastCalledWith('数据库文件已损坏', 'auth.signIn');
    await api['startup.status']({});
    await api['startup.restoreLatest']({});
    await api['auth.status']({});
    expect(failed).toHaveBeenCalledTimes(2);
    expect(lost).not.toHaveBeenCalled();
  });

  it('reports PASSWORD_CHANGE_REQUIRED, so the window shows the new-password screen', async () => {
    const change = vi.fn();
    const lost = vi.fn();
    const api = guardApi(fakeApi(() => ({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '须先修改' } })), { onAuthLost: lost, onPasswordChangeRequired: change });
    await api['cases.list']({});
    expect(change).toHaveBeenCalledWith('cases.list');
    expect(lost).not.toHaveBeenCalled();
  });

  it('notes when a call last succeeded', async () => {
    const answered = vi.fn();
    const api = guardApi(fakeApi(() => ok([])), { onAuthLost: vi.fn(), onAnswered: answered, now: () => 1234 });
    await api['catalog.divisions']({});
    expect(answered).toHaveBeenCalledWith('catalog.divisions', 1234);
    await api['auth.status']({});
    expect(answered).toHaveBeenCalledTimes(1);
  });
});

const user = (name: string, patch: Partial<UserView> = {}): UserView => ({ name, roles: ['clerk'], division: null, active: true, lockedUntil: null, mustChangePassword: false, judges: [], ...patch });

describe('accounts store', () => {
  it('lists, adds, disables and resets, keeping the list order', async () => {
    const api = {
      'users.list': vi.fn(async () => ok([user('甲'), user('乙')])),
      // temporaryPassword: users.add and users.resetPassword may answer a generated password (null when one was given).
      'users.add': vi.fn(async () => ok({ ...user('丙', { mustChangePassword: true }), temporaryPassword: null })),
      'users.setActive': vi.fn(async () => ok(user('甲', { active: false }))),
      'users.resetPassword': vi.fn(async () => ok({ ...user('乙', { mustChangePassword: true }), temporaryPassword: null })),
    };
    const s = createAccountsStore(api);
    await s.getState().load();
    await s.getState().load();
    expect(api['users.list']).toHaveBeenCalledTimes(1);
    expect(await s.getState().add({ name: '丙', roles: ['clerk'], password: 'initial-1' })).toBeNull();
    expect(await s.getState().setActive('甲', false)).toBeNull();
    expect(await s.getState().resetPassword('乙', 'new-pass-1')).toBeNull();
    expect(s.getState().users.map((u) => [u.name, u.active, u.mustChangePassword])).toEqual([
      ['甲', false, false],
      ['乙', true, true],
      ['丙', true, true],
    ]);
  });

  it('passes refusals on as messages', async () => {
    const s = createAccountsStore({
      'users.list': vi.fn(async () => err('FORBIDDEN', '您的角色（员额法官）无权管理账号')),
      'users.add': vi.fn(async () => err('BAD_ARGS', '账号“甲”已存在')),
      'users.setActive': vi.fn(),
      'users.resetPassword': vi.fn(),
    });
    await s.getState().load();
    expect(s.getState().error).toBe('您的角色（员额法官）无权管理账号');
    expect(await s.getState().add({ name: '甲', roles: ['clerk'], password: 'initial-1' })).toBe('账号“甲”已存在');
  });

  it('merges by name', () => {
    expect(mergeUser([user('甲'), user('乙')], user('乙', { active: false })).map((u) => u.active)).toEqual([true, false]);
    expect(mergeUser([user('甲')], user('乙')).map((u) => u.name)).toEqual(['甲', '乙']);
  });
});

function auditRow(id: number): AuditRow {
  return { id, at: '2024-05-01T02:00:00.000Z', actor: '管理员', action: 'signin', entity: 'account', entityKey: '管理员', before: null, after: null, contentHidden: false };
}

describe('audit store', () => {
  it('builds the arguments from the filters', () => {
    expect(auditArgs(EMPTY_AUDIT_FILTERS, 0, 100)).toEqual({ offset: 0, limit: 100 });
    expect(auditArgs({ actor: ' 王法官 ', entityKey: '', from: '2024-01-01', to: '2024-01-31' }, 200, 100)).toEqual({
      actor: '王法官',
      from: '2024-01-01',
      to: '2024-01-31',
      offset: 200,
      limit: 100,
    });
    expect(auditFilterProblem({ ...EMPTY_AUDIT_FILTERS, from: '2024-02-01', to: '2024-01-01' })).toBe('起始日期不能晚于结束日期');
    expect(auditFilterProblem({ ...EMPTY_AUDIT_FILTERS, from: '2024/02/01' })).toMatch(/起始日期/);
  });

  it('loads pages of 100', async () => {
    const list = vi.fn(async () => ok({ rows: [auditRow(3), auditRow(2)], offset: 100, hasMore: true }));
    const s = createAuditStore({ 'audit.list': list, 'audit.verify': vi.fn() });
    await s.getState().load({ ...EMPTY_AUDIT_FILTERS, actor: '管理员' }, 2);
    expect(list).toHaveBeenCalledWith({ actor: '管理员', offset: 100, limit: 100 });
    expect(s.getState()).toMatchObject({ page: 2, hasMore: true, loaded: true });
    await s.getState().ensure();
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('verifies the chain', async () => {
    const s = createAuditStore({
      'audit.list': vi.fn(),
      'audit.verify': vi.fn(async () => ok({ ok: false, entries: 10, firstBrokenId: 4, anchors: 0, truncatedAfter: null, message: '审计链在第 4 号记录处断开' })),
    });
    await s.getState().verify();
    expect(s.getState().verifyResult).toMatchObject({ ok: false, firstBrokenId: 4 });
  });

  it('collects every matching row for the export, in batches, without duplicates, up to the limit', async () => {
    // 1,200 rows, ids 1200..1; an entry written during the export pushes everything down by one.
    let total = 1200;
    const list = vi.fn(async (a: { offset?: number; limit?: number }) => {
      const ids = Array.from({ length: total }, (_, i) => total - i);
      const page = ids.slice(a.offset ?? 0, (a.offset ?? 0) + (a.limit ?? 100));
      if (a.offset === 500) total++;
      return ok({ rows: page.map(auditRow), offset: a.offset ?? 0, hasMore: (a.offset ?? 0) + page.length < ids.length });
    });
    const s = createAuditStore({ 'audit.list': list, 'audit.verify': vi.fn() });
    const res = await s.getState().collectForExport();
    expect('rows' in res && res.rows.length).toBe(1200);
    expect('rows' in res && new Set(res.rows.map((r) => r.id)).size).toBe(1200);
    expect(list.mock.calls.map((c) => [c[0].offset, c[0].limit])).toEqual([
      [0, 500],
      [500, 500],
      [1000, 500],
    ]);

    const small = createAuditStore({ 'audit.list': list, 'audit.verify': vi.fn() }, { maxExportRows: 700 });
    const cut = await small.getState().collectForExport();
    expect(cut).toMatchObject({ truncated: true });
    expect('rows' in cut && cut.rows.length).toBe(700);
  });
});

describe('applyRoute and the session', () => {
  function makeStores() {
    const calls: string[] = [];
    const answer = (m: string, v: unknown) =>
      vi.fn(async () => {
        calls.push(m);
        return ok(v);
      });
    const api = ({
      'cases.list': answer('cases.list', { rows: [], offset: 0, hasMore: false }),
      'cases.count': answer('cases.count', { count: 0 }),
      'deadlines.summary': answer('deadlines.summary', { today: '2024-12-31', open: 0, overdue: 0, suspended: 0, dueWithin7: 0, dueWithin15: 0, dueWithin30: 0 }),
      'cases.get': answer('cases.get', {}),
      'app.info': answer('app.info', {}),
      'catalog.divisions': answer('catalog.divisions', []),
      'catalog.judges': answer('catalog.judges', []),
      'users.list': answer('users.list', []),
      'users.add': vi.fn(),
      'users.setActive': vi.fn(),
      'users.resetPassword': vi.fn(),
      'audit.list': answer('audit.list', { rows: [], offset: 0, hasMore: false }),
      'audit.verify': vi.fn(),
      'cases.savedFilters': answer('cases.savedFilters', []),
      'cases.history': answer('cases.history', []),
      'exchange.keysShow': answer('exchange.keysShow', { level: 'basic', courtCode: '辽0421', courtName: '某某县人民法院', signing: null, age: null, recipient: null, senders: [] }),
      'exchange.exports': answer('exchange.exports', []),
      'exchange.courts': answer('exchange.courts', []),
    }) as unknown as CourtDeskApi;
    const caseDetail = createCaseDetailStore(api);
    const stores: Stores = {
      app: createAppStore(api),
      cases: createCaseListStore(api),
      deadlineList: createCaseListStore(api),
      deadlineAlerts: createAlertListStore(api),
      deadlineSummary: createDeadlineSummaryStore(api),
      caseDetail,
      caseWork: createCaseWorkStore(api, caseDetail),
      caseForm: createCaseFormStore(api),
      savedFilters: createSavedFiltersStore(api),
      caseImport: createImportStore(api),
      accounts: createAccountsStore(api),
      audit: createAuditStore(api),
      reconciliation: createReconciliationStore(api),
      extensions: createExtensionsStore(api),
      extensionStudy: createStudyStore(api),
      indicatorBoard: createBoardStore(api),
      indicatorCases: createDrillStore(api),
      indicatorMonthly: createMonthlyStore(api),
      indicatorGroup: createGroupStore(api),
      exchange: createExchangeStore(api),
      exchangeCompare: createCompareStore(api),
      ledgerTrend: createTrendStore(api),
      ledgerMeetings: createMeetingListStore(api),
      ledgerMeeting: createMeetingStore(api),
    };
    return { stores, calls };
  }

  it('asks nothing the permissions would refuse (a refusal is audited)', async () => {
    const { stores, calls } = makeStores();
    await startData(parseHash('#/cases'), stores, admin.permissions);
    expect(calls.sort()).toEqual(['app.info', 'catalog.divisions']);
    calls.length = 0;
    await applyRoute(parseHash('#/deadlines'), stores, admin.permissions);
    await applyRoute(parseHash('#/settings/audit'), stores, judge.permissions);
    await applyRoute(parseHash('#/settings/accounts'), stores, judge.permissions);
    expect(calls).toEqual([]);
  });

  it('reads on 报送中院 only what the role may call (a president holds no exchange.keys)', async () => {
    const { stores, calls } = makeStores();
    await applyRoute(parseHash('#/exchange'), stores, ['cases.view', 'exchange.export', 'exchange.receive']);
    expect(calls.sort()).toEqual(['exchange.courts', 'exchange.exports']);
    calls.length = 0;
    await applyRoute(parseHash('#/exchange'), stores, ['accounts.manage', 'exchange.keys']);
    expect(calls).toEqual(['exchange.keysShow']);
    expect(stores.exchange.getState().keys.value).toMatchObject({ level: 'basic', signing: null });
    calls.length = 0;
    await applyRoute(parseHash('#/exchange'), stores, judge.permissions);
    expect(calls).toEqual([]);
  });

  it('各院对比 asks nothing at a court not set up as intermediate, nor of a reader who may not receive', async () => {
    const { stores, calls } = makeStores();
    await applyRoute(parseHash('#/exchange/compare'), stores, ['cases.view', 'exchange.receive']);
    await applyRoute(parseHash('#/exchange/court?code=%E8%BE%BD0421'), stores, ['cases.view', 'exchange.export']);
    expect(calls.filter((c) => c.startsWith('exchange.'))).toEqual([]);
  });

  it('loads the settings tabs for those allowed', async () => {
    const { stores, calls } = makeStores();
    await applyRoute(parseHash('#/settings/accounts'), stores, admin.permissions);
    await applyRoute(parseHash('#/settings/audit'), stores, admin.permissions);
    expect(calls.sort()).toEqual(['audit.list', 'catalog.divisions', 'users.list']);
  });

  it('forgets the previous person\'s data, so the next one loads afresh', async () => {
    const { stores, calls } = makeStores();
    await startData(parseHash('#/cases'), stores, judge.permissions);
    expect(calls).toContain('cases.list');
    resetData(stores);
    expect(stores.cases.getState()).toMatchObject({ rows: [], loaded: false, total: null });
    calls.length = 0;
    await applyRoute(parseHash('#/cases'), stores, judge.permissions);
    expect(calls).toContain('cases.list');
  });
});
