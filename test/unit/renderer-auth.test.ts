// Renderer: accounts in the window's words (roles, permissions, audit actions), CSV export and the idle lock arithmetic.
import { describe, expect, it } from 'vitest';
import { ACTIONS, PERMISSIONS, ROLES, caseScope, type Action, type Role } from '../../shared/accounts/roles';
import { newPasswordProblem, noOpenCasesText, permissionHint, rolesText, scopeText, userBadgeText, whoseCasesTitle } from '../../renderer/src/lib/auth';
import { startRoute } from '../../renderer/src/router/start';
import { actsOnRequests } from '../../renderer/src/features/extensions/WaitingNotice';
import { BOM, buildCsv, csvCell } from '../../renderer/src/lib/csv';
import type { NavKey } from '../../renderer/src/features';
import { userStatus } from '../../renderer/src/features/accounts/userStatus';
import { auditCsv, auditCsvFileName } from '../../renderer/src/features/audit/csv';
import { AUDIT_ACTION_LABELS, auditActionLabel, auditEntityLabel, prettyJson } from '../../renderer/src/features/audit/labels';
import { idleLockDue, keepAliveDue, keepAliveInterval, msUntilIdleLock } from '../../renderer/src/features/auth/idle';
import { parseIdleMinutes } from '../../renderer/src/features/settings/idleLock';
import { visibleSettingsTabs } from '../../renderer/src/features/settings/routes';
import { navAccess, routeAllowed } from '../../renderer/src/router/access';
import { parseHash } from '../../renderer/src/router/routes';

const perms = (...roles: Role[]): Action[] => ACTIONS.filter((a) => roles.some((r) => PERMISSIONS[r].has(a)));

describe('role labels', () => {
  it('names roles in Chinese, in the fixed order of ROLES', () => {
    expect(rolesText(['judge'])).toBe('员额法官');
    expect(rolesText(['admin', 'division_head', 'judge'])).toBe('员额法官、庭长、管理员');
    expect(rolesText([])).toBe('无角色');
    expect(userBadgeText({ name: '王法官', roles: ['judge'] })).toBe('王法官 · 员额法官');
  });

  it('has a label for every role', () => {
    for (const r of ROLES) expect(rolesText([r])).toMatch(/^[\u4e00-\u9fa5]+$/);
  });

  it('says the scope, with the division where there is one', () => {
    expect(scopeText({ scope: '本人承办的案件', division: '民一庭' })).toBe('本人承办的案件');
    expect(scopeText({ scope: '本部门案件', division: '民一庭' })).toBe('本部门案件（民一庭）');
    expect(scopeText({ scope: '全院案件', division: null })).toBe('全院案件');
  });
});

describe('the start page', () => {
  const whose = (roles: Role[], division: string | null) =>
    whoseCasesTitle({ scopeKind: caseScope(roles, { staffId: 1, divisionId: division ? 2 : null }).kind, division });

  it('says whose cases from the scope the core applies', () => {
    expect(whose(['judge'], '民一庭')).toBe('我的案件');
    expect(whose(['judge', 'division_head'], '民一庭')).toBe('本庭案件（民一庭）');
    expect(whose(['assistant'], '刑庭')).toBe('本庭案件（刑庭）');
    expect(whose(['president'], null)).toBe('全院案件');
    expect(whose(['vice_president'], '民一庭')).toBe('全院案件');
    expect(whose(['statistician'], '审判管理办公室')).toBe('全院案件');
    // A clerk of 立案庭 registered court-wide.
    expect(whose(['clerk'], null)).toBe('全院案件');
    expect(whose(['admin'], null)).toBe('');
    expect(noOpenCasesText({ scopeKind: 'own' })).toContain('您目前没有承办的未结案件');
  });

  it('is 审限预警 for everyone who may view cases; the administrator keeps the case list’s address', () => {
    for (const r of ROLES) {
      const route = startRoute(perms(r));
      expect(route.name, r).toBe(PERMISSIONS[r].has('cases.view') ? 'deadlines' : 'cases');
    }
    expect(startRoute(perms('judge'))).toEqual({ name: 'deadlines', view: 'overdue', page: 1 });
    // The route the administrator lands on is one his NoAccess page explains.
    expect(routeAllowed(startRoute(perms('admin')), perms('admin'))).toBe(false);
  });

  it('tells only those who act on extension requests how many wait', () => {
    expect(ROLES.filter((r) => actsOnRequests(perms(r)))).toEqual(['division_head', 'vice_president', 'president']);
  });
});

describe('navigation by permission', () => {
  const allowed = (roles: Role[]) =>
    (['cases', 'deadlines', 'extensions', 'indicators', 'exchange', 'settings'] as NavKey[]).filter((k) => navAccess(k, perms(...roles)).allowed);

  it('opens what each role may use', () => {
    expect(allowed(['admin'])).toEqual(['exchange', 'settings']);
    expect(allowed(['clerk'])).toEqual(['cases', 'deadlines', 'settings']);
    expect(allowed(['judge'])).toEqual(['cases', 'deadlines', 'extensions', 'indicators', 'settings']);
    expect(allowed(['president'])).toEqual(['cases', 'deadlines', 'extensions', 'indicators', 'exchange', 'settings']);
    expect(allowed(['statistician'])).toEqual(['cases', 'deadlines', 'extensions', 'indicators', 'exchange', 'settings']);
    expect(allowed(['admin', 'judge'])).toContain('cases');
  });

  it('explains a disabled entry with the permission it needs', () => {
    expect(navAccess('cases', perms('admin'))).toEqual({ allowed: false, reason: '需要“查看案件”权限' });
    expect(navAccess('exchange', perms('judge')).reason).toBe('需要“生成报送中院的报送包”或“接收和查看基层法院报送包”或“管理报送密钥和对方法院”权限');
    expect(permissionHint(['extension.request', 'extension.approve'])).toBe('需要“申请延长审限”或“审批延长审限”权限');
  });

  it('applies to routes, the case page included', () => {
    expect(routeAllowed(parseHash('#/cases'), perms('admin'))).toBe(false);
    expect(routeAllowed(parseHash('#/case/x'), perms('admin'))).toBe(false);
    expect(routeAllowed(parseHash('#/deadlines'), perms('admin'))).toBe(false);
    expect(routeAllowed(parseHash('#/settings/audit'), perms('admin'))).toBe(true);
    expect(routeAllowed(parseHash('#/case/x'), perms('clerk'))).toBe(true);
    expect(routeAllowed(parseHash('#/nowhere'), [])).toBe(true);
  });

  it('shows the settings tabs a person may use', () => {
    expect(visibleSettingsTabs(perms('admin'))).toEqual(['info', 'accounts', 'audit', 'backup']);
    expect(visibleSettingsTabs(perms('president'))).toEqual(['info', 'ranges', 'audit']);
    expect(visibleSettingsTabs(perms('judge'))).toEqual(['info', 'ranges']);
    expect(visibleSettingsTabs(perms('statistician'))).toEqual(['info', 'ranges', 'audit']);
    expect(visibleSettingsTabs(perms('clerk'))).toEqual(['info']);
  });

  it('routes the settings tabs', () => {
    expect(parseHash('#/settings/accounts')).toEqual({ name: 'settings', tab: 'accounts' });
    expect(parseHash('#/settings/audit')).toEqual({ name: 'settings', tab: 'audit' });
    expect(parseHash('#/settings/backup')).toEqual({ name: 'settings', tab: 'backup' });
    expect(parseHash('#/settings/ranges')).toEqual({ name: 'settings', tab: 'ranges' });
    expect(parseHash('#/settings/other')).toMatchObject({ name: 'notFound' });
  });
});

describe('passwords and account status', () => {
  it('checks length and match before sending', () => {
    expect(newPasswordProblem('short', 'short')).toBe('口令至少 8 个字符');
    expect(newPasswordProblem('long-enough', 'long-enougH')).toBe('两次输入的口令不一致');
    expect(newPasswordProblem('long-enough', 'long-enough')).toBeNull();
  });

  it("refuses a password containing the person's name, as the core does", () => {
    expect(newPasswordProblem('姜晶云姜晶云姜晶云', '姜晶云姜晶云姜晶云', '姜晶云')).toBe('口令不能包含本人姓名“姜晶云”');
    expect(newPasswordProblem('x-LiLei-2024', 'x-LiLei-2024', 'li lei')).toBe('口令不能包含本人姓名“li lei”');
    expect(newPasswordProblem('another-pass-1', 'another-pass-1', '姜晶云')).toBeNull();
    // The length comes first; a mismatch is reported before the name (the person retypes both anyway).
    expect(newPasswordProblem('姜晶云', '姜晶云', '姜晶云')).toBe('口令至少 8 个字符');
  });

  it('says 启用, 停用 or 锁定至 (a lock that ran out is none)', () => {
    const now = Date.parse('2024-05-01T02:00:00Z');
    expect(userStatus({ active: true, lockedUntil: null }, now)).toEqual({ text: '启用', tone: 'ok' });
    expect(userStatus({ active: false, lockedUntil: '2024-05-01T03:00:00.000Z' }, now)).toEqual({ text: '停用', tone: 'muted' });
    const locked = userStatus({ active: true, lockedUntil: '2024-05-01T02:15:00.000Z' }, now);
    expect(locked.tone).toBe('danger');
    expect(locked.text).toMatch(/^锁定至 2024-05-01 \d{2}:\d{2}$/);
    expect(userStatus({ active: true, lockedUntil: '2024-05-01T01:59:00.000Z' }, now).text).toBe('启用');
  });

  it('reads the idle-lock minutes', () => {
    expect(parseIdleMinutes(' 15 ')).toEqual({ minutes: 15 });
    expect(parseIdleMinutes('0')).toEqual({ minutes: 0 });
    expect(parseIdleMinutes('481')).toHaveProperty('error');
    expect(parseIdleMinutes('-1')).toHaveProperty('error');
    expect(parseIdleMinutes('1.5')).toHaveProperty('error');
  });
});

describe('audit log labels', () => {
  it('names the known actions in Chinese and leaves unknown ones as stored', () => {
    expect(auditActionLabel('case.create')).toBe('新建案件');
    expect(auditActionLabel('signin.failed')).toBe('登录失败');
    expect(auditActionLabel('denied')).toBe('越权操作被拒绝');
    expect(auditActionLabel('settings.idleLock')).toBe('修改自动锁定时间');
    expect(auditActionLabel('backup')).toBe('手动备份');
    expect(auditActionLabel('restore')).toBe('从备份恢复');
    expect(auditActionLabel('backup.create')).toBe('backup.create');
    expect(auditActionLabel('toString')).toBe('toString');
    expect(auditActionLabel('reconciliation.export')).toBe('导出审限核对（Excel）');
    // The core's appender takes only these actions (shared/audit/actions.ts), so each one written has its name.
    for (const [action, label] of Object.entries(AUDIT_ACTION_LABELS)) expect(label, action).toMatch(/^\p{Script=Han}/u);
    expect(auditActionLabel('import.mapping')).toBe('记住导入列的对应');
    expect(auditActionLabel('case.close')).toBe('结案');
  });

  it('names the objects', () => {
    expect(auditEntityLabel('case')).toBe('案件');
    expect(auditEntityLabel('account')).toBe('账号');
    expect(auditEntityLabel(null)).toBe('');
    expect(auditEntityLabel('thing')).toBe('thing');
  });

  it('indents JSON and leaves other text alone', () => {
    expect(prettyJson('{"a":1,"b":["x"]}')).toBe('{\n  "a": 1,\n  "b": [\n    "x"\n  ]\n}');
    expect(prettyJson('not json {')).toBe('not json {');
    expect(prettyJson(null)).toBe('');
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('keeps spreadsheet formulas from running', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-3')).toBe("'-3");
    expect(csvCell(-3)).toBe('-3');
  });

  it('starts with a UTF-8 BOM and ends lines with CRLF', () => {
    const csv = buildCsv(['姓名', '说明'], [['张三', '借款,利息'], ['李四', null]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe('\uFEFF姓名,说明\r\n张三,"借款,利息"\r\n李四,\r\n');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('writes audit rows with the Chinese action, local time and the raw JSON', () => {
    const csv = auditCsv([
      { id: 7, at: '2024-05-01T02:00:00.000Z', actor: '管理员', action: 'account.create', entity: 'account', entityKey: '王法官', before: null, after: '{"roles":["judge"],"division":"民一庭"}', contentHidden: false },
    ]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('序号,时间,操作人,操作,操作代码,对象类型,对象,修改前,修改后');
    expect(lines[1]).toMatch(/^7,2024-05-01 \d{2}:00,管理员,新增账号,account\.create,账号,王法官,,"\{""roles"":\[""judge""\],""division"":""民一庭""\}"$/);
  });

  it('names the file by the local time', () => {
    expect(auditCsvFileName(new Date(2024, 0, 5, 9, 3))).toBe('审计日志-20240105-0903.csv');
  });
});

describe('idle lock', () => {
  const t0 = Date.parse('2024-05-01T08:00:00Z');
  const min = 60_000;

  it('locks after the given minutes without activity', () => {
    expect(idleLockDue(t0, t0 + 14 * min, 15)).toBe(false);
    expect(idleLockDue(t0, t0 + 15 * min - 1, 15)).toBe(false);
    expect(idleLockDue(t0, t0 + 15 * min, 15)).toBe(true);
    expect(msUntilIdleLock(t0, t0 + 10 * min, 15)).toBe(5 * min);
    expect(msUntilIdleLock(t0, t0 + 20 * min, 15)).toBe(0);
  });

  it('never locks with 0 minutes', () => {
    expect(idleLockDue(t0, t0 + 1000 * min, 0)).toBe(false);
    expect(msUntilIdleLock(t0, t0, 0)).toBeNull();
  });

  it('does not lock when the clock went backwards', () => {
    expect(idleLockDue(t0, t0 - 60 * min, 15)).toBe(false);
    expect(msUntilIdleLock(t0, t0 - 60 * min, 15)).toBe(15 * min);
  });

  it('keeps the server awake only while someone is using the window', () => {
    expect(keepAliveInterval(15)).toBe(5 * min);
    expect(keepAliveInterval(1)).toBe(30_000);
    // input after the last call, which is five minutes old
    expect(keepAliveDue(t0 + 5 * min, t0, t0 + 5 * min, 15)).toBe(true);
    // no input since the last call
    expect(keepAliveDue(t0 - 1, t0, t0 + 10 * min, 15)).toBe(false);
    // a recent call
    expect(keepAliveDue(t0 + 2 * min, t0, t0 + 2 * min, 15)).toBe(false);
    expect(keepAliveDue(t0 + 9 * min, t0, t0 + 9 * min, 0)).toBe(false);
  });
});
