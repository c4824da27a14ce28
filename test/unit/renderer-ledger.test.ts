// 脱薄台账 in the window: targets typed as percentages, the forms' checks and arguments, the filters, the start page's order, a refusal's box, evidence fetched in pieces, and the store reading again after each act.
import { describe, expect, it, vi } from 'vitest';
import type { ApiResponse } from '../../shared/api/contract';
import type { LedgerView, MeasureView, MyMeasures, WeakPointView } from '../../shared/ledger/api';
import { evidenceProblem, fetchEvidence } from '../../renderer/src/features/ledger/evidence';
import {
  boxOfField, dueWords, latestProgress, measureArgs, measureProblems, measureValues, myOrder, NO_FILTER, ownerNames, progressProblems, readTarget,
  targetBoxText, visiblePoints, weakPointArgs, weakPointProblems, weakPointValues,
} from '../../renderer/src/features/ledger/ledgerForms';
import { createLedgerStore, type LedgerApi } from '../../renderer/src/features/ledger/store';

const ok = <T>(value: T): ApiResponse<T> => ({ ok: true, value });

function measure(id: number, over: Partial<MeasureView> = {}): MeasureView {
  return {
    id, kind: 'rectify', kindLabel: '整改措施', text: `措施${id}`, weakPointIds: [1],
    leader: { staffId: 1, name: '院长甲' }, owner: { staffId: 2, name: '法官乙' }, division: { divisionId: 1, name: '民一庭' },
    startOn: '2025-05-01', dueOn: '2025-08-31', doneOn: null, status: 'inProgress', statusLabel: '推进中', doneLate: false, dueSoon: false,
    origin: 'local', meetingId: null, progress: [], canRecord: true, ...over,
  };
}

function point(id: number, measureIds: number[]): WeakPointView {
  return { id, text: `薄弱点${id}`, foundBy: 'intermediate', foundByLabel: '中院', foundOn: '2025-04-01', targets: [], measureIds, firstStartOn: null };
}

function ledger(): LedgerView {
  return {
    today: '2025-06-30',
    weakPoints: [point(1, [1, 2]), point(2, [3])],
    measures: [
      measure(1),
      measure(2, { kind: 'help', kindLabel: '帮扶措施', owner: { staffId: null, name: '中院丙' }, status: 'overdue', statusLabel: '逾期', dueSoon: true }),
      measure(3, { weakPointIds: [2], owner: { staffId: 3, name: '阿法官' }, status: 'done', statusLabel: '已完成', doneOn: '2025-06-01' }),
    ],
    counts: { notStarted: 0, inProgress: 1, done: 1, overdue: 1 },
    canManage: true,
  };
}

describe('targets typed as percentages', () => {
  it('reads a ratio as a percentage and other kinds as the number itself', () => {
    expect(readTarget('longPending12Ratio', '2')).toBe(0.02);
    expect(readTarget('longPending12Ratio', '2.3%')).toBe(0.023);
    expect(readTarget('longPending12Ratio', ' 95 ％')).toBe(0.95);
    expect(readTarget('avgDuration', '45')).toBe(45);
    expect(readTarget('caseItemRatio', '1.2')).toBe(1.2);
  });

  it('refuses what is no number, a negative, and a percentage over 100', () => {
    for (const bad of ['', 'abc', '-1', '2..5', '1e3', '101']) expect(readTarget('onTimeRate', bad), bad).toBeNull();
    expect(readTarget('avgDuration', '120')).toBe(120);
  });

  it('shows a stored fraction back as the percentage typed', () => {
    expect(targetBoxText('longPending12Ratio', 0.023)).toBe('2.3');
    expect(targetBoxText('avgDuration', 45)).toBe('45');
  });
});

describe('the weak point form', () => {
  it('names each box at fault, the target and date of the right row included', () => {
    const v = weakPointValues(null, '2025-06-30');
    v.targets = [
      { indicator: 'longPending12Ratio', target: '2', dueOn: '2025-12-31' },
      { indicator: 'onTimeRate', target: '120', dueOn: '2025-02-30' },
      { indicator: 'longPending12Ratio', target: '1', dueOn: '2025-12-31' },
    ];
    expect(weakPointProblems(v)).toEqual({
      text: '请填写薄弱点',
      foundBy: '请选择发现者',
      'targets.1.target': '目标值应为 0 到 100 之间的百分数，如 2 或 2.5',
      'targets.1.dueOn': '日期无效，应如 2025-06-30',
      'targets.2.indicator': '同一指标只能设定一个目标',
    });
  });

  it('turns a checked form into the call’s arguments, dates tidied and the percentage a fraction', () => {
    const v = { text: ' 超12个月未结案件比偏高 ', foundBy: 'intermediate' as const, foundOn: '2025/4/1', targets: [{ indicator: 'longPending12Ratio' as const, target: '2%', dueOn: '2025年12月31日' }] };
    expect(weakPointProblems(v)).toEqual({});
    expect(weakPointArgs(v)).toEqual({ text: '超12个月未结案件比偏高', foundBy: 'intermediate', foundOn: '2025-04-01', targets: [{ indicator: 'longPending12Ratio', target: 0.02, dueOn: '2025-12-31' }] });
  });
});

describe('the measure and progress forms', () => {
  it('asks for every box and a deadline not before the start', () => {
    const v = measureValues(null, '2025-06-30', null);
    expect(Object.keys(measureProblems(v)).sort()).toEqual(['division', 'dueOn', 'leader', 'owner', 'text', 'weakPointIds']);
    const filled = { ...measureValues(null, '2025-06-30', 1), text: '清理长期未结案件', leader: '院长甲', owner: '法官乙', division: '民一庭', dueOn: '2025-06-01' };
    expect(measureProblems(filled)).toEqual({ dueOn: '完成期限不能早于开始日期' });
    expect(measureArgs({ ...filled, dueOn: '2025-9-30' })).toMatchObject({ weakPointIds: [1], startOn: '2025-06-30', dueOn: '2025-09-30', kind: 'rectify' });
  });

  it('keeps the names of a measure being edited', () => {
    expect(measureValues(measure(2), '2025-06-30', null)).toMatchObject({ leader: '院长甲', owner: '法官乙', division: '民一庭', weakPointIds: [1] });
  });

  it('refuses progress without text or dated after today', () => {
    expect(progressProblems({ text: ' ', onDate: '2025-07-01', done: false }, '2025-06-30')).toEqual({ text: '请填写进展情况', onDate: '进展日期不能晚于今天' });
    expect(progressProblems({ text: '已召开推进会', onDate: '2025-06-30', done: true }, '2025-06-30')).toEqual({});
  });

  it('puts a refusal of the core beside the box its field names', () => {
    const boxes = ['text', 'targets', 'targets.0.target', 'targets.0.dueOn'];
    expect(boxOfField('targets.0.target', boxes)).toBe('targets.0.target');
    expect(boxOfField('targets.1', boxes)).toBe('targets');
    expect(boxOfField('text', boxes)).toBe('text');
    expect(boxOfField('evidence.0.name', ['text', 'evidence'])).toBe('evidence');
    expect(boxOfField('measureId', boxes)).toBeNull();
    expect(boxOfField(undefined, boxes)).toBeNull();
  });
});

describe('filters and the start page', () => {
  it('keeps the measures the filters name and leaves out weak points with none of them', () => {
    const v = ledger();
    expect(visiblePoints(v, NO_FILTER).map((r) => [r.point.id, r.measures.map((m) => m.id)])).toEqual([[1, [1, 2]], [2, [3]]]);
    expect(visiblePoints(v, { ...NO_FILTER, status: 'overdue' }).map((r) => [r.point.id, r.measures.map((m) => m.id)])).toEqual([[1, [2]]]);
    expect(visiblePoints(v, { ...NO_FILTER, kind: 'rectify', owner: '阿法官' }).map((r) => r.point.id)).toEqual([2]);
    expect(visiblePoints(v, { ...NO_FILTER, owner: '无此人' })).toEqual([]);
    expect(ownerNames(v)).toEqual(['阿法官', '法官乙', '中院丙']);
  });

  it('lists open measures due soon first, counts the done ones, and says how the deadline stands', () => {
    const ms = [measure(1, { dueOn: '2025-12-31' }), measure(2, { dueOn: '2025-07-10', dueSoon: true }), measure(3, { status: 'done', doneOn: '2025-06-01' }), measure(4, { dueOn: '2025-06-20', dueSoon: true, status: 'overdue' })];
    const { open, done } = myOrder(ms);
    expect(open.map((m) => m.id)).toEqual([4, 2, 1]);
    expect(done).toBe(1);
    expect(dueWords('2025-07-05', '2025-06-30')).toBe('剩 5 天');
    expect(dueWords('2025-06-30', '2025-06-30')).toBe('今天到期');
    expect(dueWords('2025-06-27', '2025-06-30')).toBe('逾期 3 天');
  });

  it('shows the latest progress by date', () => {
    const p = (id: number, onDate: string, text: string) => ({ id, onDate, text, done: false, recordedBy: '法官乙', recordedAt: `${onDate}T08:00:00Z`, evidence: [] });
    expect(latestProgress(measure(1, { progress: [p(2, '2025-06-20', '第二次'), p(1, '2025-05-10', '第一次')] }))).toBe('2025-06-20 第二次');
    expect(latestProgress(measure(1))).toBe('');
  });
});

describe('evidence', () => {
  it('refuses a file of another kind, an empty or oversized one, a duplicate and a sixth before sending', () => {
    expect(evidenceProblem({ name: '会议纪要.pdf', size: 100 }, [])).toBeNull();
    expect(evidenceProblem({ name: 'a.exe', size: 100 }, [])).toContain('不是 PDF');
    expect(evidenceProblem({ name: 'a.pdf', size: 0 }, [])).toContain('空文件');
    expect(evidenceProblem({ name: 'a.pdf', size: 11 * 1024 * 1024 }, [])).toContain('超过 10 MB');
    expect(evidenceProblem({ name: 'a.pdf', size: 1 }, [{ name: 'a.pdf' }])).toContain('重复');
    expect(evidenceProblem({ name: 'f.pdf', size: 1 }, ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name })))).toContain('最多附 5 个');
  });

  it('joins the pieces of a file fetched by offset', async () => {
    const bytes = Buffer.from('0123456789');
    const call = vi.fn(async ({ id, offset = 0 }: { id: number; offset?: number }) => {
      const next = Math.min(bytes.length, offset + 4);
      return ok({ id, name: 'x.pdf', size: bytes.length, mime: 'application/pdf', base64: bytes.subarray(offset, next).toString('base64'), next, total: bytes.length });
    });
    const seen: number[] = [];
    const got = await fetchEvidence({ 'ledger.evidence': call }, 7, (n) => seen.push(n));
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(Buffer.concat(got.pieces).toString()).toBe('0123456789');
    expect(seen).toEqual([4, 8, 10]);
    expect(call.mock.calls.map((c) => c[0].offset)).toEqual([0, 4, 8]);
    const refused = await fetchEvidence({ 'ledger.evidence': async () => ({ ok: false, error: { code: 'FORBIDDEN', message: '无权查看' } }) }, 7, () => undefined);
    expect(refused).toEqual({ ok: false, message: '无权查看' });
  });
});

describe('the ledger store', () => {
  function fakeApi() {
    let view = ledger();
    const mine: MyMeasures = { today: '2025-06-30', measures: [view.measures[0]], dueSoon: 0 };
    const api = {
      'ledger.list': vi.fn(async () => ok(view)),
      'ledger.mine': vi.fn(async () => ok(mine)),
      'ledger.people': vi.fn(async () => ok({ leaders: [{ name: '院长甲', roleLabel: '院长' }], staff: [{ name: '法官乙', division: '民一庭' }], divisions: ['民一庭'] })),
      'ledger.addWeakPoint': vi.fn(async () => {
        view = { ...view, weakPoints: [...view.weakPoints, point(3, [])] };
        return ok({ id: 3 });
      }),
      'ledger.updateWeakPoint': vi.fn(),
      'ledger.addMeasure': vi.fn(async () => ({ ok: false as const, error: { code: 'BAD_ARGS' as const, message: '参数“dueOn”：日期无效，应如 2024-01-05', field: 'dueOn' } })),
      'ledger.updateMeasure': vi.fn(),
      'ledger.progress': vi.fn(async () => ok(view.measures[0])),
      'ledger.meeting': vi.fn(async ({ id }: { id: number }) =>
        id === 7 ? ok({ id: 7, title: '9月审判质效分析会', heldOn: '2025-10-15' }) : { ok: false as const, error: { code: 'NOT_FOUND' as const, message: '找不到该月分析会' } }),
    };
    return api;
  }

  it('reads the ledger, then the pickers for a keeper; an act reads the ledger again', async () => {
    const api = fakeApi();
    const s = createLedgerStore(api as unknown as LedgerApi);
    await s.getState().load();
    expect(s.getState().view?.weakPoints).toHaveLength(2);
    expect(s.getState().people?.divisions).toEqual(['民一庭']);
    const out = await s.getState().act('ledger.addWeakPoint', { text: 'x', foundBy: 'self', foundOn: '2025-06-30', targets: [{ indicator: 'onTimeRate', target: 0.9, dueOn: '2025-12-31' }] });
    expect(out).toEqual({ ok: true, id: 3 });
    expect(s.getState().view?.weakPoints).toHaveLength(3);
    expect(api['ledger.list']).toHaveBeenCalledTimes(2);
    expect(api['ledger.mine']).not.toHaveBeenCalled();
  });

  it('reads the meeting a new measure comes from, says why it cannot, and forgets it on the plain page', async () => {
    const api = fakeApi();
    const s = createLedgerStore(api as unknown as LedgerApi);
    await s.getState().loadOrigin(7);
    expect(s.getState().origin).toEqual({ id: 7, title: '9月审判质效分析会', heldOn: '2025-10-15' });
    await s.getState().loadOrigin(7);
    expect(api['ledger.meeting']).toHaveBeenCalledTimes(1);
    await s.getState().loadOrigin(999);
    expect(s.getState()).toMatchObject({ origin: null, originError: '找不到该月分析会' });
    await s.getState().loadOrigin(null);
    expect(s.getState()).toMatchObject({ origin: null, originError: null });
  });

  it('sends the meeting with a new measure made from it, and keeps it when a measure is edited', () => {
    const fresh = { ...measureValues(null, '2025-06-30', 1, 7), text: 't', leader: 'a', owner: 'b', division: 'c', dueOn: '2025-07-01' };
    expect(measureArgs(fresh).meetingId).toBe(7);
    expect('meetingId' in measureArgs({ ...fresh, meetingId: null })).toBe(false);
    expect(measureArgs(measureValues(measure(1, { meetingId: 4 }), '2025-06-30', null)).meetingId).toBe(4);
  });

  it('gives a refusal without the dispatcher’s prefix, with its field, and reads nothing again', async () => {
    const api = fakeApi();
    const s = createLedgerStore(api as unknown as LedgerApi);
    await s.getState().load();
    const out = await s.getState().act('ledger.addMeasure', measureArgs({ ...measureValues(null, '2025-06-30', 1), text: 't', leader: 'a', owner: 'b', division: 'c', dueOn: '2025-07-01' }));
    expect(out).toEqual({ ok: false, message: '日期无效，应如 2024-01-05', field: 'dueOn' });
    expect(api['ledger.list']).toHaveBeenCalledTimes(1);
  });

  it('reads the person’s own measures again after progress recorded from the start page, and drops answers after a reset', async () => {
    const api = fakeApi();
    const s = createLedgerStore(api as unknown as LedgerApi);
    await s.getState().loadMine();
    const out = await s.getState().progress({ measureId: 1, text: '已推进', done: false });
    expect(out.ok).toBe(true);
    expect(api['ledger.mine']).toHaveBeenCalledTimes(2);
    expect(api['ledger.list']).not.toHaveBeenCalled();
    expect(s.getState().measure(1)?.id).toBe(1);
    const late = s.getState().load();
    s.getState().reset();
    await late;
    expect(s.getState().view).toBeNull();
    expect(s.getState().mine).toBeNull();
  });
});
