// "Did it move" and the monthly analysis meetings on a real database: a hand-built court whose monthly 超12个月未结案件比 is known, the verdict worse and better as built, the drill-down, a meeting's snapshot kept after the cases change, and the role checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { addMeasure, addWeakPoint, handBuiltCourt, putCases } from '../helpers/ledgerRows';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { ROLES, PERMISSIONS, type Role } from '../../shared/accounts/roles';
import type { TrendView } from '../../shared/ledger/trendApi';
import type { MeetingSummary, MeetingView } from '../../shared/ledger/meetingsApi';
import type { LedgerView } from '../../shared/ledger/api';
import { measureArgs, measureValues } from '../../renderer/src/features/ledger/ledgerForms';

const TODAY = '2025-10-15';
const PASSWORD = 'right-pass-1';
const PEOPLE: Record<Role, { name: string; division: string | null }> = {
  clerk: { name: '书记员甲', division: '民一庭' },
  assistant: { name: '助理乙', division: '民一庭' },
  judge: { name: '王法官', division: '民一庭' },
  division_head: { name: '庭长丙', division: '民一庭' },
  vice_president: { name: '副院长丁', division: null },
  president: { name: '院长戊', division: null },
  statistician: { name: '统计己', division: null },
  admin: { name: '管理庚', division: null },
};

// The court's cases and their monthly 超12个月未结案件比 by hand: test/helpers/ledgerRows.ts (handBuiltCourt).
let t: ReturnType<typeof freshCourtDb>;
let core: Core;
let pointA = 0;
let pointB = 0;
let pointNone = 0;
const sessions = new Map<Role, string>();

beforeAll(async () => {
  t = freshCourtDb();
  t.put(handBuiltCourt(), TODAY);
  const accounts = new AccountStore(t.db);
  for (const role of ROLES) accounts.create({ name: PEOPLE[role].name, roles: [role], division: PEOPLE[role].division, password: PASSWORD, actor: 'tester' });
  const target = [{ indicator: 'longPending12Ratio', target: 0.02, dueOn: '2025-12-31' }];
  pointA = addWeakPoint(t.db, { text: '长期未结案件多', foundOn: '2025-03-01', targets: target });
  addMeasure(t.db, { text: '长期未结案件逐案督办', weakPoints: [pointA], startOn: '2025-07-01', dueOn: '2025-09-30', doneOn: '2025-09-20' });
  addMeasure(t.db, { text: '院庭长包案清理', weakPoints: [pointA], startOn: '2025-08-01', dueOn: '2025-12-31' });
  pointB = addWeakPoint(t.db, { text: '超审限案件清理慢', foundOn: '2025-08-01', targets: [...target, { indicator: 'onTimeRate', target: 0.95, dueOn: '2025-12-31' }] });
  addMeasure(t.db, { text: '每周通报超期案件', weakPoints: [pointB], startOn: '2025-09-01', dueOn: '2025-11-30' });
  pointNone = addWeakPoint(t.db, { text: '尚无措施的薄弱点', foundOn: '2025-06-10', targets: target });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
  for (const role of ROLES) {
    const r = await core.call('auth.signIn', { name: PEOPLE[role].name, password: PASSWORD });
    sessions.set(role, (r.session as { set: string }).set);
  }
});
afterAll(() => {
  core.close();
  t.cleanup();
});

async function call<T>(method: string, args: unknown, role: Role = 'president'): Promise<T> {
  const r = await core.call(method, args, { session: sessions.get(role)! });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return (r as { value: T }).value;
}

describe('ledger.trend on a hand-built court', () => {
  it('gives the monthly series from six months before the first measure to today, the current month marked partial', async () => {
    const v = await call<TrendView>('ledger.trend', { weakPointId: pointA });
    expect(v.firstStartOn).toBe('2025-07-01');
    expect(v.startMonth).toBe('2025-07');
    expect([v.fromMonth, v.toMonth]).toEqual(['2025-01', '2025-10']);
    const ind = v.indicators[0];
    expect(ind).toMatchObject({ indicator: 'longPending12Ratio', target: 2, targetText: '≤ 2.00%', dueOn: '2025-12-31', unit: '%', better: 'lower' });
    expect(ind.points.map((p) => [p.month, p.numerator, p.denominator, p.value])).toEqual([
      ...['01', '02', '03', '04', '05', '06'].map((m) => [`2025-${m}`, 10, 70, 14.3]),
      ['2025-07', 5, 65, 7.7],
      ['2025-08', 25, 65, 38.5],
      ['2025-09', 5, 45, 11.1],
      ['2025-10', 5, 45, 11.1],
    ]);
    expect(ind.points.filter((p) => p.partial).map((p) => p.label)).toEqual(['2025年10月（截至今日）']);
    expect(ind.points.at(-1)).toMatchObject({ from: '2025-10-01', to: TODAY });
    expect(ind.points[1]).toMatchObject({ from: '2025-02-01', to: '2025-02-28', text: '14.3%（10/70）' });
    expect(v.measures.map((m) => [m.text, m.startOn, m.dueOn, m.doneOn, m.statusLabel])).toEqual([
      ['长期未结案件逐案督办', '2025-07-01', '2025-09-30', '2025-09-20', '已完成'],
      ['院庭长包案清理', '2025-08-01', '2025-12-31', null, '推进中'],
    ]);
    expect(v.measures[0].short).toBe('长期未结案件逐案…');
  });

  it('says worse for A and better for B, by the amounts built', async () => {
    const a = (await call<TrendView>('ledger.trend', { weakPointId: pointA })).indicators[0].verdict;
    expect(a).toMatchObject({ kind: 'worse', before: 14.3, after: 20, improvement: -5.7, sentence: '较措施实施前变差 5.7 个百分点（14.3% → 20.0%）' });
    expect(a.afterMonths).toEqual(['2025-07', '2025-08', '2025-09']);
    const b = await call<TrendView>('ledger.trend', { weakPointId: pointB });
    expect(b.fromMonth).toBe('2025-03');
    // The catalogue's order: 法定审限内结案率 before 超12个月未结案件比.
    expect(b.indicators.map((i) => i.indicator)).toEqual(['onTimeRate', 'longPending12Ratio']);
    expect(b.indicators[1].verdict).toMatchObject({ kind: 'better', before: 17.1, after: 11.1, improvement: 6, sentence: '较措施实施前改善 6.0 个百分点（17.1% → 11.1%）' });
    // 法定审限内结案率: before, only July's five (filed 2023, long past their limit); after, September's twenty, late too.
    expect(b.indicators[0]).toMatchObject({ indicator: 'onTimeRate', target: 95, targetText: '≥ 95.00%', better: 'higher' });
    expect(b.indicators[0].verdict).toMatchObject({ kind: 'unchanged', before: 0, after: 0 });
  });

  it('a weak point without measures has its series from six months before it was found, and no verdict', async () => {
    const v = await call<TrendView>('ledger.trend', { weakPointId: pointNone });
    expect(v.firstStartOn).toBeNull();
    expect(v.fromMonth).toBe('2024-12');
    expect(v.measures).toEqual([]);
    expect(v.indicators[0].verdict).toMatchObject({ kind: 'unknown', sentence: '无法判断：尚无已开始实施的整改措施' });
  });

  it('each point opens the cases behind it, and they are as many as its numerator', async () => {
    const v = await call<TrendView>('ledger.trend', { weakPointId: pointA });
    const august = v.indicators[0].points.find((p) => p.month === '2025-08')!;
    expect(august.drill).toEqual({ id: 'longPending12Ratio', part: 'numerator', from: '2025-08-01', to: '2025-08-31' });
    const cases = await call<{ total: number }>('indicators.cases', august.drill);
    expect(cases.total).toBe(25);
  });

  it('an unknown weak point is NOT_FOUND in Chinese; a bad id names the field', async () => {
    const r = await core.call('ledger.trend', { weakPointId: 999 }, { session: sessions.get('president')! });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有编号为 999 的薄弱点' } });
    const bad = await core.call('ledger.trend', { weakPointId: 'x' }, { session: sessions.get('president')! });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_ARGS', field: 'weakPointId' } });
  });
});

describe('the monthly analysis meeting', () => {
  let meetingId = 0;

  it('is saved with a snapshot of the figures for its period, the previous month by default, and audited', async () => {
    const auditBefore = core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'ledger.meeting.add'").pluck().get() as number;
    const { id } = await call<{ id: number }>('ledger.addMeeting', {
      heldOn: '2025-10-09', title: '2025年9月审判质效分析会', attendees: ['院长戊', '副院长丁', ' 统计己 ', '院长戊'], decisions: '一、逐案清理超12个月未结案件。',
      indicators: ['longPending12Ratio', 'onTimeRate', 'resolved'],
    });
    meetingId = id;
    const m = await call<MeetingView>('ledger.meeting', { id });
    expect([m.periodFrom, m.periodTo]).toEqual(['2025-09-01', '2025-09-30']);
    expect(m.attendees).toEqual(['院长戊', '副院长丁', '统计己']);
    expect(m.snapshot.map((f) => [f.indicator, f.value, f.numerator, f.denominator, f.status])).toEqual([
      ['longPending12Ratio', 11.1, 5, 45, 'none'],
      ['onTimeRate', 0, 0, 20, 'below'],
      ['resolved', 20, null, null, 'none'],
    ]);
    expect(m).toMatchObject({ indicators: 3, outside: 1, measures: 0, createdMeasures: [], canManage: true, createdBy: '院长戊' });
    expect(core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'ledger.meeting.add'").pluck().get()).toBe(auditBefore + 1);
  });

  it('keeps its snapshot as it was after the cases change, while the figures themselves move', async () => {
    // Five of the September pending cases are closed in September after the meeting (a late entry).
    putCases(core.db, [11, 12, 13, 14, 15].map((n) => record({ caseNumber: `（2025）辽0421民初${n}号`, filedOn: '2025-01-02', judge: '李法官', division: '民一庭', closedOn: '2025-09-15', closingMethod: '判决' })), TODAY);
    const now = await call<{ total: { longPending12Ratio: { numerator: number; denominator: number } } }>('indicators.compute', { from: '2025-09-01', to: '2025-09-30' });
    expect(now.total.longPending12Ratio).toMatchObject({ numerator: 5, denominator: 40 });
    const m = await call<MeetingView>('ledger.meeting', { id: meetingId });
    expect(m.snapshot[0]).toMatchObject({ value: 11.1, numerator: 5, denominator: 45 });
  });

  it('lists meetings newest first and shows the measures created from one', async () => {
    const older = await call<{ id: number }>('ledger.addMeeting', { heldOn: '2025-09-08', title: '8月分析会', attendees: ['院长戊'], indicators: ['onTimeRate'], periodFrom: '2025-08-01', periodTo: '2025-08-31' });
    // Through the ledger's own call, as the 台账 page's form makes it from 由此新增措施.
    await call('ledger.addMeasure', { kind: 'rectify', text: '分析会决定的清理措施', weakPointIds: [pointA], leader: '院长戊', owner: '王法官', division: '民一庭', startOn: '2025-10-10', dueOn: '2025-10-20', meetingId });
    const list = await call<MeetingSummary[]>('ledger.meetings', {}, 'division_head');
    expect(list.map((m) => [m.id, m.measures])).toEqual([[meetingId, 1], [older.id, 0]]);
    const m = await call<MeetingView>('ledger.meeting', { id: meetingId }, 'division_head');
    expect(m.canManage).toBe(false);
    expect(m.createdMeasures.map((x) => [x.text, x.ownerName, x.statusLabel])).toEqual([['分析会决定的清理措施', '王法官', '推进中']]);
  });

  it('keeps a measure under its meeting when the 台账 form edits it (the form sends the meeting back)', async () => {
    const before = await call<MeetingView>('ledger.meeting', { id: meetingId });
    const made = before.createdMeasures[0];
    const view = await call<LedgerView>('ledger.list', {});
    const m = view.measures.find((x) => x.id === made.id)!;
    // What the edit form sends after the text is changed: measureValues → measureArgs.
    await call('ledger.updateMeasure', { id: m.id, ...measureArgs({ ...measureValues(m, TODAY, null), text: '分析会决定的清理措施（细化）' }) });
    const after = await call<MeetingView>('ledger.meeting', { id: meetingId });
    expect(after.createdMeasures.map((x) => [x.id, x.text])).toEqual([[m.id, '分析会决定的清理措施（细化）']]);
  });

  it('keeps a measure under its meeting when an edit does not name the meeting (absent means unchanged)', async () => {
    const made = (await call<MeetingView>('ledger.meeting', { id: meetingId })).createdMeasures[0];
    const m = (await call<LedgerView>('ledger.list', {})).measures.find((x) => x.id === made.id)!;
    const { meetingId: _sent, ...withoutMeeting } = measureArgs({ ...measureValues(m, TODAY, null), text: '分析会决定的清理措施（再细化）' }) as Record<string, unknown>;
    expect(_sent).toBe(meetingId);
    await call('ledger.updateMeasure', { id: m.id, ...withoutMeeting });
    const after = await call<MeetingView>('ledger.meeting', { id: meetingId });
    expect(after.createdMeasures.map((x) => [x.id, x.text])).toEqual([[m.id, '分析会决定的清理措施（再细化）']]);
  });

  it('refuses bad input with a Chinese message naming the field, and writes nothing', async () => {
    const count = () => core.db.prepare('SELECT count(*) FROM ledger_meetings').pluck().get();
    const before = count();
    const cases: Array<[unknown, string, RegExp]> = [
      [{ heldOn: '2025-02-30', title: 'x', attendees: ['甲'], indicators: ['onTimeRate'] }, 'heldOn', /日期无效/],
      [{ heldOn: '2025-10-01', title: ' ', attendees: ['甲'], indicators: ['onTimeRate'] }, 'title', /会议名称/],
      [{ heldOn: '2025-10-01', title: 'x', attendees: [], indicators: ['onTimeRate'] }, 'attendees', /参会人员/],
      [{ heldOn: '2025-10-01', title: 'x', attendees: ['甲'], indicators: ['pendingAge'] }, 'indicators.0', /没有这个指标/],
      [{ heldOn: '2025-10-01', title: 'x', attendees: ['甲'], indicators: ['onTimeRate', 'onTimeRate'] }, 'indicators.1', /两次/],
      [{ heldOn: '2025-10-01', title: 'x', attendees: ['甲'], indicators: ['onTimeRate'], periodFrom: '2025-09-01' }, 'periodTo', /同时填写/],
      [{ heldOn: '2025-10-01', title: 'x', attendees: ['甲'], indicators: ['onTimeRate'], periodFrom: '2025-09-30', periodTo: '2025-09-01' }, 'periodTo', /早于起始日期/],
      [{ heldOn: '2025-10-01', title: 'x'.repeat(101), attendees: ['甲'], indicators: ['onTimeRate'] }, 'title', /最多 100 个字/],
      [{ heldOn: '2025-10-01', title: 'x', attendees: ['甲、乙'], indicators: ['onTimeRate'] }, 'attendees', /分隔符/],
    ];
    for (const [args, field, message] of cases) {
      const r = await core.call('ledger.addMeeting', args, { session: sessions.get('president')! });
      expect(r, JSON.stringify(args)).toMatchObject({ ok: false, error: { code: 'BAD_ARGS', field, message: expect.stringMatching(message) } });
    }
    expect(count()).toBe(before);
    const missing = await core.call('ledger.meeting', { id: 9999 }, { session: sessions.get('president')! });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有编号为 9999 的分析会' } });
  });
});

describe('who may read the trend and the meetings', () => {
  it.each(ROLES)('%s', async (role) => {
    const session = sessions.get(role)!;
    const may = PERMISSIONS[role].has('ledger.view');
    for (const [method, args] of [['ledger.trend', { weakPointId: pointA }], ['ledger.meeting', { id: 1 }], ['ledger.meetings', {}]] as const) {
      const r = await core.call(method, args, { session });
      if (may) expect(r.ok, `${role} ${method}`).toBe(true);
      else expect(r, `${role} ${method}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
