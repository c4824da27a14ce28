// 延审审批's window logic: the words of steps and days remaining, the request form's check before sending (the core's
// own rules fed from the case page), the queue's order and count, and several decided at once, one call per row.
import { describe, expect, it, vi } from 'vitest';
import type { ApiResponse, CaseDetail, ExtensionRow } from '../../shared/api/contract';
import { listSummary, parseSpan, remainingText, spanText, stepOutcome } from '../../renderer/src/features/extensions/format';
import { mayAskExtension, precheck, windowFacts } from '../../renderer/src/features/extensions/precheck';
import type { SignedInUser } from '../../shared/accounts/api';
import { ATTACHMENTS_MAX } from '../../shared/extensions/api';
import { entryChanges } from '../../renderer/src/features/cases/history';
import { mayActForLeadership } from '../../renderer/src/features/extensions/delegation';
import { letterProblem } from '../../renderer/src/features/extensions/useLetterUploads';
import { createExtensionsStore, queueOrder, waitingForMe, type ExtensionsApi } from '../../renderer/src/features/extensions/store';

const ok = <T,>(value: T): ApiResponse<T> => ({ ok: true, value });

function row(id: number, over: Partial<ExtensionRow> = {}): ExtensionRow {
  return {
    id, caseNumber: `（2025）辽0421民初${id}号`, cause: '民间借贷纠纷', procedure: '普通程序', division: '民一庭', judge: '王法官', filedOn: '2025-05-20',
    dueOn: '2025-11-20', daysRemaining: 143, deadlineStatus: 'in_time', requestedBy: '王法官', requestedOn: '2025-06-30', reason: '案情复杂',
    reasonCode: '案情复杂', explanation: '需要补充调查', asked: { months: 3, days: 0 }, approved: null, status: 'pending', stage: 'decision',
    stageLabel: '待院领导审批', enteredBy: null, route: 'president', routeLabel: '本院院长', late: false, waitingFor: '院长', earlierExtensions: 0, judgeOpen: 7,
    judgeOverdue: 1, steps: [], attachments: [], ...over,
  };
}

const civil = {
  caseNumber: '（2025）辽0421民初1号', typeCode: '民初', procedure: '普通程序', limitVariant: null, filedOn: '2025-05-20', closedOn: null,
  deadline: { status: 'in_time', dueOn: '2025-11-20' },
} as unknown as CaseDetail;

describe('the words of 延审审批', () => {
  it('says each step, the days remaining and the span', () => {
    expect(stepOutcome({ outcome: 'approved', months: 2, days: 0 })).toBe('批准 2个月');
    expect(stepOutcome({ outcome: 'agree', months: null, days: null })).toBe('同意');
    expect(stepOutcome({ outcome: 'rejected', months: null, days: null })).toBe('不予批准');
    expect(remainingText(12)).toEqual({ text: '剩余 12 天', tone: 'warn' });
    expect(remainingText(0).text).toBe('今日届满');
    expect(remainingText(-3)).toEqual({ text: '已超 3 天', tone: 'danger' });
    expect(remainingText(null).text).toBe('无法定审限');
    expect(remainingText(null, 'closed_overdue')).toEqual({ text: '已结案（超审限）', tone: 'danger' });
    expect(spanText({ asked: { months: 3, days: 0 }, approved: { months: 2, days: 0 }, status: 'approved' })).toBe('申请 3个月，批准 2个月');
    expect(spanText({ asked: { months: 3, days: 0 }, approved: null, status: 'pending' })).toBe('3个月');
    expect(parseSpan('', '20')).toEqual({ months: 0, days: 20 });
    expect(parseSpan('1.5', '')).toBeNull();
    expect(parseSpan('-1', '')).toBeNull();
  });
});

describe('the request form’s check before sending', () => {
  it('routes a request within the president’s cap to him, one beyond it up, and names the late one', () => {
    const three = precheck(civil, [], { months: 3, days: 0, explanation: '需要补充调查' }, '2025-06-30', false);
    expect(three.ok && three.route).toBe('president');
    expect(three.ok && three.late).toBe(false);
    // Six months already granted by the president: more goes to the higher court.
    const granted = [row(9, { status: 'approved', stage: 'decided', approved: { months: 6, days: 0 }, route: 'president' })];
    expect(windowFacts(civil, granted).granted).toEqual([{ months: 6, days: 0 }]);
    const more = precheck(civil, granted, { months: 1, days: 0, explanation: '需要补充调查' }, '2025-06-30', false);
    expect(more.ok && more.route).toBe('higher_court');
    // Ten days before the due date a civil request is late (15 days): marked, or refused where the court says so.
    const late = precheck(civil, [], { months: 1, days: 0, explanation: '鉴定机构延迟出具意见，未能及时申请' }, '2025-11-10', false);
    expect(late.ok && late.late).toBe(true);
    const refused = precheck(civil, [], { months: 1, days: 0, explanation: '鉴定机构延迟出具意见，未能及时申请' }, '2025-11-10', true);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/^逾期申请：/);
  });

  it('refuses in the core’s words: a request still waiting, a closed case', () => {
    const waiting = precheck(civil, [row(1, { stage: 'opinion' })], { months: 1, days: 0, explanation: '补充调查' }, '2025-06-30', false);
    expect(waiting).toMatchObject({ ok: false, message: '此案已有尚未审批完毕的延长申请，请等待审批结果' });
    const closed = precheck({ ...civil, closedOn: '2025-06-01' }, [], { months: 1, days: 0, explanation: '补充调查' }, '2025-06-30', false);
    expect(closed).toMatchObject({ ok: false, message: '案件已结案，不能申请延长审限' });
  });
});

describe('a letter picked for the request', () => {
  it('is refused before a byte is sent when too many, too large or there twice', () => {
    expect(letterProblem({ name: '报告.pdf', size: 100 }, [])).toBeNull();
    expect(letterProblem({ name: '报告.pdf', size: 11 * 1024 * 1024 }, [])).toBe('“报告.pdf”超过 10 MB，请压缩或分开扫描后再添加');
    expect(letterProblem({ name: '报告.pdf', size: 1 }, [{ name: '报告.pdf' }])).toBe('附件“报告.pdf”重复');
    const full = Array.from({ length: 20 }, (_, i) => ({ name: `${i}.pdf` }));
    expect(letterProblem({ name: 'x.pdf', size: 1 }, full.slice(0, ATTACHMENTS_MAX))).toBe(`附件最多 ${ATTACHMENTS_MAX} 个`);
    expect(letterProblem({ name: 'x.pdf', size: 1 }, full.slice(0, ATTACHMENTS_MAX - 1))).toBeNull();
  });
});

describe('the queue', () => {
  it('counts what waits for this person by name, and shows it first, oldest first', () => {
    const rows = [
      row(3, { requestedOn: '2025-06-20', waitingFor: '院长' }),
      row(1, { requestedOn: '2025-06-25', stage: 'opinion', waitingFor: '庭长甲、庭长乙' }),
      row(2, { requestedOn: '2025-06-10', waitingFor: '院长' }),
      row(4, { requestedOn: '2025-06-01', status: 'approved', stage: 'decided', waitingFor: null }),
    ];
    expect(waitingForMe(rows, '庭长乙').map((r) => r.id)).toEqual([1]);
    expect(waitingForMe(rows, '院长').map((r) => r.id)).toEqual([3, 2]);
    expect(waitingForMe(rows, null)).toEqual([]);
    expect(queueOrder(rows, '庭长甲').map((r) => r.id)).toEqual([1, 4, 2, 3]);
    expect(queueOrder(rows, '院长').map((r) => r.id)).toEqual([2, 3, 4, 1]);
  });

  it('decides several with one comment, each its own call, and reports per row', async () => {
    const decide = vi.fn(async (a: { id: number }) =>
      a.id === 2 ? ({ ok: false, error: { code: 'BAD_ARGS', message: '批准期限超出院长权限' } } as const) : ok(row(a.id, { status: 'approved' })),
    );
    const list = vi.fn(async () => ok([row(1), row(2), row(3)]));
    const api = { 'extensions.list': list, 'extensions.decide': decide } as unknown as ExtensionsApi;
    const changed = vi.fn(async (_caseNumber: string) => undefined);
    const s = createExtensionsStore(api, () => '院长', changed);
    await s.getState().load('waiting');
    expect(s.getState().mine).toBe(3);
    const out = await s.getState().decideMany([1, 2, 3], true, '同意延长');
    expect(decide.mock.calls.map((c) => c[0])).toEqual([1, 2, 3].map((id) => ({ id, approve: true, comment: '同意延长' })));
    expect(out.map((r) => [r.id, r.ok, r.message])).toEqual([[1, true, '已批准'], [2, false, '批准期限超出院长权限'], [3, true, '已批准']]);
    // The case page of each approved case is read again (its due date moved).
    expect(changed.mock.calls.map((c) => c[0])).toEqual([row(1).caseNumber, row(3).caseNumber]);
    expect(s.getState().batch).toEqual(out);
    s.getState().reset();
    expect(s.getState().rows).toBeNull();
    expect(s.getState().mine).toBeNull();
  });

  it('keeps the sign-in notice closed once closed, until the next person signs in (reset)', async () => {
    const api = { 'extensions.list': vi.fn(async () => ok([row(1, { waitingFor: '院长' })])) } as unknown as ExtensionsApi;
    const s = createExtensionsStore(api, () => '院长', vi.fn(async () => undefined));
    await s.getState().loadCount('院长');
    expect([s.getState().mine, s.getState().noticeDismissed]).toEqual([1, false]);
    s.getState().dismissNotice();
    await s.getState().loadCount('院长');
    expect([s.getState().mine, s.getState().noticeDismissed]).toEqual([1, true]);
    s.getState().reset();
    expect([s.getState().mine, s.getState().noticeDismissed]).toEqual([null, false]);
  });
});

describe('the case history of an extension', () => {
  it('names every key of the audit entries in Chinese, stages and routes in words', () => {
    const request = entryChanges({
      action: 'extension.request', before: null,
      after: JSON.stringify({ id: 3, asked: '3个月', reason: '案情复杂', explanation: '补充调查', route: 'president', late: true, stage: 'opinion', notes: ['距届满仅剩 10 天'], attachments: [{ name: '函.pdf', mime: 'application/pdf', size: 10, sha256: 'ab' }] }),
    });
    expect(request.map((c) => `${c.label}=${c.after}`)).toEqual([
      '申请延长=3个月', '理由=案情复杂', '具体理由=补充调查', '审批权限=本院院长', '逾期申请=是', '所处环节=待庭长签署意见', '说明=距届满仅剩 10 天',
      '附件=文件名：函.pdf；文件格式：application/pdf；大小（字节）：10；校验值：ab',
    ]);
    const opinion = entryChanges({ action: 'extension.opinion', before: null, after: JSON.stringify({ id: 3, opinion: '同意', comment: '属实', next: 'decision' }) });
    expect(opinion.map((c) => `${c.label}=${c.after}`)).toEqual(['庭长意见=同意', '意见=属实', '下一环节=待院领导审批']);
    // A print of the 审批表 stands in the case's history too, the request named by its number.
    const form = entryChanges({ action: 'extension.form', before: null, after: JSON.stringify({ request: 3, bytes: 25927 }) });
    expect(form.map((c) => `${c.label}=${c.after}`)).toEqual(['申请编号=3', '文件大小（字节）=25927']);
  });
});

describe('who may enter a higher court\'s answer in the window', () => {
  it('the president always; a vice-president only for the divisions delegated to him', () => {
    const r = row(1);
    expect(mayActForLeadership({ name: '院长', roles: ['president'] }, r, {})).toBe(true);
    expect(mayActForLeadership({ name: '副院长乙', roles: ['vice_president'] }, r, {})).toBe(false);
    expect(mayActForLeadership({ name: '副院长乙', roles: ['vice_president'] }, r, { 民一庭: '副院长乙' })).toBe(true);
    expect(mayActForLeadership({ name: '副院长丁', roles: ['vice_president'] }, r, { 民一庭: '副院长乙' })).toBe(false);
    expect(mayActForLeadership(null, r, {})).toBe(false);
  });
});

describe('who is offered 申请延长审限 on the case page', () => {
  const person = (name: string, roles: SignedInUser['roles'], servesJudges: string[] = [], permissions: SignedInUser['permissions'] = ['extension.request']) => ({ name, roles, permissions, servesJudges });
  const open = { judge: '王法官', closedOn: null };
  it.each([
    ['the case\'s own judge', person('王法官', ['judge']), open, true],
    ['another judge', person('李法官', ['judge']), open, false],
    ['an assistant serving the judge', person('助理甲', ['assistant'], ['王法官']), open, true],
    ['an assistant serving someone else', person('助理乙', ['assistant'], ['李法官']), open, false],
    ['an assistant serving nobody yet', person('助理丙', ['assistant']), open, false],
    ['the judge, once the case is closed', person('王法官', ['judge']), { judge: '王法官', closedOn: '2025-03-01' }, false],
    ['the judge without the permission', person('王法官', ['judge'], [], []), open, false],
  ] as const)('%s: %s', (_who, user, c, expected) => {
    expect(mayAskExtension(user, c)).toBe(expected);
  });
  it('nobody signed in', () => expect(mayAskExtension(null, open)).toBe(false));
});

describe('the line above the desk', () => {
  it.each([
    ['waiting', 3, 1, '审批中 3 件，待您办理 1 件'],
    ['decided', 999, 0, '已审批 999 件'],
    ['all', 12, 0, '共 12 件'],
    ['all', 1000, 0, '共 1,000 件（只列出前 1,000 件，请缩短期间或加筛选）'],
    ['decided', 1000, 0, '已审批 1,000 件（只列出前 1,000 件，请缩短期间或加筛选）'],
  ] as const)('%s, %i rows: %s', (tab, n, mine, text) => expect(listSummary(tab, n, mine)).toBe(text));
});
