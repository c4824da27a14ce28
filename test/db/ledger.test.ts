// The 脱薄 ledger's core on real SQLite through the core as the hosts use it: statuses in the views, then/now figures on hand-built cases, every field's bad input refused with nothing written, measures from a return file read-only.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LedgerView, MeasureView, MyMeasures } from '../../shared/api/contract';
import { IndicatorQueries } from '../../electron/core/indicators/indicatorQueries';
import { ledgerView } from '../../electron/core/ledger/ledgerViews';
import { monthEnding } from '../../electron/core/ledger/ledgerFigures';
import { ledgerCourt, measure, weakPoint, type LedgerCourt } from '../helpers/ledgerCourt';

const TODAY = '2025-06-30';
let c: LedgerCourt;
let point: number;

beforeAll(async () => {
  c = await ledgerCourt(TODAY);
  point = (await c.as<{ id: number }>('院长', 'ledger.addWeakPoint', weakPoint())).id;
});
afterAll(() => c.close());

/** Rows of every ledger table and of the audit log: a refused call leaves them all as they were. */
const snapshot = () => ['ledger_weak_points', 'ledger_targets', 'ledger_measures', 'ledger_measure_points', 'ledger_progress', 'ledger_evidence', 'audit_log'].map((t) => c.count(t));

describe('then and now', () => {
  it('takes the month before the first measure began and the month ending today, from the indicators engine', async () => {
    const m = await c.as<{ id: number }>('院长', 'ledger.addMeasure', measure(point));
    const l = await c.as<LedgerView>('副院长', 'ledger.list', {});
    const w = l.weakPoints.find((x) => x.id === point)!;
    expect(w.firstStartOn).toBe('2025-03-01');
    expect(w.measureIds).toEqual([m.id]);
    const t = w.targets[0];
    expect(t).toMatchObject({ indicator: 'longPending12Ratio', name: '超12个月未结案件比', target: 0.02, targetText: '≤ 2.00%', dueOn: '2025-12-31', met: false });
    // By hand (test/helpers/ledgerCourt.ts): 3 of 5 open cases over 12 months on 2025-02-28, 2 of 5 on 2025-06-30.
    expect(t.then).toEqual({ from: '2025-02-01', to: '2025-02-28', value: 0.6, numerator: 3, denominator: 5, text: '60.0%（3/5）' });
    expect(t.now).toEqual({ from: '2025-06-01', to: '2025-06-30', value: 0.4, numerator: 2, denominator: 5, text: '40.0%（2/5）' });
  });

  it('has no "then" while a weak point has no measure, or none has begun', async () => {
    const lone = (await c.as<{ id: number }>('院长', 'ledger.addWeakPoint', weakPoint({ text: '结收比偏低', targets: [{ indicator: 'clearanceRate', target: 1, dueOn: '2025-12-31' }] }))).id;
    let w = (await c.as<LedgerView>('院长', 'ledger.list', {})).weakPoints.find((x) => x.id === lone)!;
    expect(w.firstStartOn).toBeNull();
    expect(w.targets[0].then).toBeNull();
    expect(w.targets[0].now.to).toBe(TODAY);
    await c.as('院长', 'ledger.addMeasure', measure(lone, { startOn: '2025-08-01', dueOn: '2025-10-31' }));
    w = (await c.as<LedgerView>('院长', 'ledger.list', {})).weakPoints.find((x) => x.id === lone)!;
    expect(w.firstStartOn).toBe('2025-08-01');
    expect(w.targets[0].then).toBeNull();
  });

  it('computes one period per distinct end day, however many weak points and targets share it', async () => {
    for (let i = 0; i < 3; i++) {
      const id = (await c.as<{ id: number }>('院长', 'ledger.addWeakPoint', weakPoint({ text: `薄弱点${i}`, targets: [{ indicator: 'longPending12Ratio', target: 0.02, dueOn: '2025-12-31' }, { indicator: 'onTimeRate', target: 0.95, dueOn: '2025-12-31' }] }))).id;
      await c.as('院长', 'ledger.addMeasure', measure(id));
    }
    const spy = vi.spyOn(IndicatorQueries.prototype, 'compute');
    const l = ledgerView(c.core.db, { today: TODAY, viewer: { staffId: null, canManage: false } });
    // Today, and 2025-02-28 (the day before every 2025-03-01 start); the weak point starting in August has no "then".
    expect(spy.mock.calls.map(([a]) => a.to).sort()).toEqual(['2025-02-28', TODAY]);
    spy.mockRestore();
    expect(l.canManage).toBe(false);
    expect(l.measures.every((m) => !m.canRecord)).toBe(true);
  });

  it('reads the month ending a day from the same day a month before the day after it', () => {
    expect(monthEnding('2025-02-28')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(monthEnding('2025-03-15')).toEqual({ from: '2025-02-16', to: '2025-03-15' });
    expect(monthEnding('2024-03-31')).toEqual({ from: '2024-03-01', to: '2024-03-31' });
  });
});

describe('statuses', () => {
  it('shows each measure 未开始, 推进中, 已完成 (on time or late) or 逾期, counted in the heading', async () => {
    const id = (await c.as<{ id: number }>('院长', 'ledger.addWeakPoint', weakPoint({ text: '审限内结案率偏低', targets: [{ indicator: 'onTimeRate', target: 0.95, dueOn: '2025-12-31' }] }))).id;
    const add = async (extra: Record<string, unknown>) => (await c.as<{ id: number }>('院长', 'ledger.addMeasure', measure(id, extra))).id;
    const future = await add({ text: '未开始的措施', startOn: '2025-07-15', dueOn: '2025-08-31' });
    const running = await add({ text: '推进中的措施', startOn: '2025-06-01', dueOn: '2025-07-10' });
    const late = await add({ text: '逾期的措施', startOn: '2025-04-01', dueOn: '2025-06-29' });
    const done = await add({ text: '按期完成的措施', startOn: '2025-04-01', dueOn: '2025-06-20' });
    const doneLate = await add({ text: '逾期完成的措施', startOn: '2025-04-01', dueOn: '2025-05-31' });
    await c.as('王法官', 'ledger.progress', { measureId: done, text: '已完成', onDate: '2025-06-18', done: true });
    await c.as('王法官', 'ledger.progress', { measureId: doneLate, text: '已完成', onDate: '2025-06-10', done: true });
    const l = await c.as<LedgerView>('院长', 'ledger.list', {});
    const by = (mid: number) => l.measures.find((m) => m.id === mid)!;
    expect(by(future)).toMatchObject({ status: 'notStarted', statusLabel: '未开始', dueSoon: false });
    expect(by(running)).toMatchObject({ status: 'inProgress', statusLabel: '推进中', dueSoon: true });
    expect(by(late)).toMatchObject({ status: 'overdue', statusLabel: '逾期', dueSoon: true });
    expect(by(done)).toMatchObject({ status: 'done', statusLabel: '已完成', doneOn: '2025-06-18', doneLate: false, dueSoon: false });
    expect(by(doneLate)).toMatchObject({ status: 'done', doneOn: '2025-06-10', doneLate: true });
    expect(l.weakPoints.find((w) => w.id === id)!.measureIds).toEqual([late, done, doneLate, running, future]);
    const counted = { notStarted: 0, inProgress: 0, done: 0, overdue: 0 };
    for (const m of l.measures) counted[m.status]++;
    expect(l.counts).toEqual(counted);
    expect(l.counts.done).toBeGreaterThanOrEqual(2);
    // The owner's own list: open ones first by deadline, then the finished ones.
    const mine = await c.as<MyMeasures>('王法官', 'ledger.mine', {});
    const open = mine.measures.filter((m) => m.doneOn === null);
    expect(mine.measures.slice(0, open.length)).toEqual(open);
    expect(open.map((m) => m.dueOn)).toEqual([...open.map((m) => m.dueOn)].sort());
    expect(mine.dueSoon).toBe(mine.measures.filter((m) => m.dueSoon).length);
    expect(mine.measures.map((m) => m.id)).toEqual(expect.arrayContaining([future, running, late, done, doneLate]));
  });
});

describe('bad input: refused naming the field, nothing written', () => {
  const bad: Array<[string, string, () => Record<string, unknown>, RegExp, string | null]> = [
    ['empty text', 'ledger.addWeakPoint', () => weakPoint({ text: '  ' }), /请填写薄弱点/, 'text'],
    ['text too long', 'ledger.addWeakPoint', () => weakPoint({ text: '长'.repeat(501) }), /薄弱点最多 500 个字/, 'text'],
    ['found by nobody', 'ledger.addWeakPoint', () => weakPoint({ foundBy: '省院' }), /发现者应为本院、中院或高院/, 'foundBy'],
    ['found on a day that does not exist', 'ledger.addWeakPoint', () => weakPoint({ foundOn: '2025-02-30' }), /日期无效/, 'foundOn'],
    ['found in the future', 'ledger.addWeakPoint', () => weakPoint({ foundOn: '2025-07-01' }), /发现日期 2025-07-01 晚于今天/, 'foundOn'],
    ['no target', 'ledger.addWeakPoint', () => weakPoint({ targets: [] }), /至少设定一个指标目标/, 'targets'],
    ['a plain count as target', 'ledger.addWeakPoint', () => weakPoint({ targets: [{ indicator: 'received', target: 1, dueOn: '2025-12-31' }] }), /该指标不能作为薄弱点的目标/, 'targets.0.indicator'],
    ['a negative target', 'ledger.addWeakPoint', () => weakPoint({ targets: [{ indicator: 'onTimeRate', target: -1, dueOn: '2025-12-31' }] }), /目标值不能为负数/, 'targets.0.target'],
    ['a ratio target of 200 %', 'ledger.addWeakPoint', () => weakPoint({ targets: [{ indicator: 'onTimeRate', target: 2, dueOn: '2025-12-31' }] }), /应为比例（如 2% 写作 0.02）/, 'targets'],
    ['a target date that does not exist', 'ledger.addWeakPoint', () => weakPoint({ targets: [{ indicator: 'onTimeRate', target: 0.9, dueOn: '2025-13-01' }] }), /日期无效/, 'targets.0.dueOn'],
    ['one indicator twice', 'ledger.addWeakPoint', () => weakPoint({ targets: [{ indicator: 'onTimeRate', target: 0.9, dueOn: '2025-12-31' }, { indicator: 'onTimeRate', target: 0.95, dueOn: '2025-12-31' }] }), /法定审限内结案率”重复/, 'targets'],
    ['unknown kind', 'ledger.addMeasure', () => measure(point, { kind: 'other' }), /措施类别应为整改措施或帮扶措施/, 'kind'],
    ['empty measure text', 'ledger.addMeasure', () => measure(point, { text: '' }), /请填写措施内容/, 'text'],
    ['no weak point', 'ledger.addMeasure', () => measure(point, { weakPointIds: [] }), /请选择措施针对的薄弱点/, 'weakPointIds'],
    ['a weak point that does not exist', 'ledger.addMeasure', () => measure(999), /找不到编号为 999 的薄弱点/, 'weakPointIds'],
    ['a leader who is nobody here', 'ledger.addMeasure', () => measure(point, { leader: '张三' }), /责任领导“张三”不是本院在职人员/, 'leader'],
    ['a judge as leader', 'ledger.addMeasure', () => measure(point, { leader: '李法官' }), /责任领导“李法官”不是院长或副院长/, 'leader'],
    ['an owner who is nobody here', 'ledger.addMeasure', () => measure(point, { owner: '张三' }), /责任人“张三”不是本院在职人员/, 'owner'],
    ['an empty owner', 'ledger.addMeasure', () => measure(point, { owner: ' ' }), /请填写姓名/, 'owner'],
    ['a division that does not exist', 'ledger.addMeasure', () => measure(point, { division: '民九庭' }), /责任部门“民九庭”不是本院现有的部门/, 'division'],
    ['a start that does not exist', 'ledger.addMeasure', () => measure(point, { startOn: '2025-02-29' }), /日期无效/, 'startOn'],
    ['a deadline before the start', 'ledger.addMeasure', () => measure(point, { dueOn: '2025-02-28' }), /完成期限 2025-02-28 早于开始日期 2025-03-01/, 'dueOn'],
    ['a meeting that does not exist', 'ledger.addMeasure', () => measure(point, { meetingId: 77 }), /找不到编号为 77 的月分析会/, 'meetingId'],
    ['empty progress', 'ledger.progress', () => ({ measureId: 1, text: '' }), /请填写进展情况/, 'text'],
    ['progress in the future', 'ledger.progress', () => ({ measureId: 1, text: '进展', onDate: '2025-07-01' }), /进展日期 2025-07-01 晚于今天/, 'onDate'],
    ['progress over a year before the start', 'ledger.progress', () => ({ measureId: 1, text: '进展', onDate: '2024-02-29' }), /早于措施开始日期 2025-03-01 一年以上/, 'onDate'],
    ['done before the start', 'ledger.progress', () => ({ measureId: 1, text: '完成', onDate: '2025-02-01', done: true }), /完成日期 2025-02-01 早于措施开始日期/, 'onDate'],
  ];
  it.each(bad)('%s', async (_name, method, args, message, field) => {
    const before = snapshot();
    const e = await c.refusal('院长', method, args());
    expect(e.code).toBe('BAD_ARGS');
    expect(e.message).toMatch(message);
    expect(e.field ?? null).toBe(field);
    expect(snapshot()).toEqual(before);
  });

  it('answers NOT_FOUND for a measure that does not exist, and refuses marking a finished one done again', async () => {
    const before = snapshot();
    expect(await c.refusal('院长', 'ledger.progress', { measureId: 999, text: '进展' })).toMatchObject({ code: 'NOT_FOUND', message: '找不到编号为 999 的整改措施' });
    const id = (await c.as<{ id: number }>('院长', 'ledger.addMeasure', measure(point, { text: '一次完成' }))).id;
    await c.as('院长', 'ledger.progress', { measureId: id, text: '完成', onDate: '2025-06-01', done: true });
    const mid = snapshot();
    expect(before[2]).toBeLessThan(mid[2]);
    expect(await c.refusal('院长', 'ledger.progress', { measureId: id, text: '又完成', done: true })).toMatchObject({ code: 'BAD_ARGS', field: 'done', message: '此措施已于 2025-06-01 完成，不能再次标记完成' });
    expect(snapshot()).toEqual(mid);
  });

  it('takes free names for the intermediate court\'s help measure, with no staff ids', async () => {
    const id = (await c.as<{ id: number }>('院长', 'ledger.addMeasure', measure(point, { kind: 'help', leader: '中院副院长甲', owner: '中院审管办乙', division: '中院审判管理办公室' }))).id;
    const m = (await c.as<LedgerView>('院长', 'ledger.list', {})).measures.find((x) => x.id === id)!;
    expect(m).toMatchObject({ kind: 'help', kindLabel: '帮扶措施', leader: { staffId: null, name: '中院副院长甲' }, owner: { staffId: null, name: '中院审管办乙' }, division: { divisionId: null, name: '中院审判管理办公室' } });
  });
});

describe('edits', () => {
  it('edits a local measure and reopens one marked done by mistake, each audited with before and after', async () => {
    const id = (await c.as<{ id: number }>('院长', 'ledger.addMeasure', measure(point, { text: '待修改' }))).id;
    const other = (await c.as<{ id: number }>('院长', 'ledger.addWeakPoint', weakPoint({ text: '另一薄弱点' }))).id;
    await c.as('院长', 'ledger.progress', { measureId: id, text: '误标完成', onDate: '2025-06-02', done: true });
    await c.as('副院长', 'ledger.updateMeasure', { id, ...measure(other, { text: '已修改', owner: '李法官', dueOn: '2025-10-31' }), doneOn: null });
    const m = (await c.as<LedgerView>('院长', 'ledger.list', {})).measures.find((x) => x.id === id)!;
    expect(m).toMatchObject({ text: '已修改', owner: { name: '李法官' }, dueOn: '2025-10-31', doneOn: null, status: 'inProgress', weakPointIds: [other] });
    const entry = c.core.db.prepare("SELECT actor, before_json, after_json FROM audit_log WHERE action = 'ledger.measure.update' ORDER BY id DESC LIMIT 1").get() as { actor: string; before_json: string; after_json: string };
    expect(entry.actor).toBe('副院长');
    expect(JSON.parse(entry.before_json)).toMatchObject({ text: '待修改', owner_name: '王法官', done_on: '2025-06-02', weakPoints: [point] });
    expect(JSON.parse(entry.after_json)).toMatchObject({ text: '已修改', owner: '李法官', doneOn: null });
  });

  it('edits a weak point and replaces its targets', async () => {
    const id = (await c.as<{ id: number }>('院长', 'ledger.addWeakPoint', weakPoint({ text: '旧' }))).id;
    await c.as('院长', 'ledger.updateWeakPoint', { id, ...weakPoint({ text: '新', foundBy: 'high', targets: [{ indicator: 'onTimeRate', target: 0.9, dueOn: '2025-12-31' }] }) });
    const w = (await c.as<LedgerView>('院长', 'ledger.list', {})).weakPoints.find((x) => x.id === id)!;
    expect(w).toMatchObject({ text: '新', foundBy: 'high', foundByLabel: '高院' });
    expect(w.targets.map((t) => [t.indicator, t.targetText])).toEqual([['onTimeRate', '≥ 90.00%']]);
  });

  it('keeps a help measure that came in the return file read-only: no edit, no progress', async () => {
    c.core.db.prepare(
      `INSERT INTO ledger_measures (kind, text, leader_name, owner_name, division_name, start_on, due_on, origin, origin_key, created_by, created_at, row_version, updated_at)
       VALUES ('help', '中院派员驻点指导', '中院副院长甲', '中院审管办乙', '中院审管办', '2025-04-01', '2025-09-30', 'return', '辽04:5', '中院回执', 'x', 1, 'x')`,
    ).run();
    const id = c.core.db.prepare("SELECT id FROM ledger_measures WHERE origin_key = '辽04:5'").pluck().get() as number;
    c.core.db.prepare('INSERT INTO ledger_measure_points (measure_id, weak_point_id) VALUES (?, ?)').run(id, point);
    const before = snapshot();
    const edit = await c.refusal('院长', 'ledger.updateMeasure', { id, ...measure(point, { kind: 'help', leader: '甲', owner: '乙', division: '丙' }) });
    expect(edit).toMatchObject({ code: 'CONFLICT', message: `措施 ${id} 是中院回执带来的帮扶措施，只能由中院修改，本院不能编辑` });
    expect(await c.refusal('院长', 'ledger.progress', { measureId: id, text: '进展' })).toMatchObject({ code: 'CONFLICT' });
    expect(snapshot()).toEqual(before);
    const m = (await c.as<LedgerView>('院长', 'ledger.list', {})).measures.find((x) => x.id === id) as MeasureView;
    expect(m).toMatchObject({ origin: 'return', canRecord: false, status: 'inProgress' });
  });
});
