// 延审原因分析 (extensions.study) on hand-built requests: every count and rate against numbers worked out by hand,
// the period's first and last day in and the days around them out, imported requests without a reason counted, the
// reader's scope, and the list behind each figure (extensions.list filters) holding exactly its requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import type { ExtensionRow } from '../../shared/api/contract';
import type { ExtensionStudy, StudyCounts } from '../../shared/extensions/study';

const TODAY = '2025-06-30';
const PERIOD = { from: '2025-01-01', to: '2025-03-31' };
let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const sessions: Record<string, string> = {};
const n = (seq: number) => `（2025）辽0421民初${seq}号`;
/** Request number → its id in the database. */
const ids: Record<number, number> = {};

interface Req {
  no: number;
  caseSeq: number;
  reason: string | null;
  on: string;
  status: 'pending' | 'approved' | 'rejected' | 'higher_court';
  stage: string | null;
  months?: number;
  asked?: number | null;
  late?: boolean;
}
// Judges: 王法官 and 李法官 in 民一庭, 赵法官 in 民二庭. Cases 1-3 王, 4-5 李, 6-8 赵.
const REQUESTS: Req[] = [
  { no: 1, caseSeq: 1, reason: '鉴定未完成', on: '2025-01-01', status: 'approved', stage: 'decided', months: 3, asked: 3 },
  { no: 2, caseSeq: 2, reason: '鉴定未完成', on: '2025-01-15', status: 'approved', stage: 'decided', months: 1, asked: 3 },
  { no: 3, caseSeq: 3, reason: '公告送达', on: '2025-02-10', status: 'rejected', stage: 'decided', asked: 2, late: true },
  { no: 4, caseSeq: 4, reason: '案情复杂', on: '2025-03-31', status: 'pending', stage: 'opinion', asked: 3 },
  { no: 5, caseSeq: 5, reason: '鉴定未完成', on: '2025-02-20', status: 'higher_court', stage: 'higher_court', asked: 6 },
  // Imported: no code, a free text, no stage, nothing asked recorded.
  { no: 6, caseSeq: 6, reason: null, on: '2025-03-05', status: 'approved', stage: null, asked: null },
  { no: 7, caseSeq: 7, reason: null, on: '2025-01-20', status: 'pending', stage: null, asked: null },
  { no: 8, caseSeq: 8, reason: '案情复杂', on: '2024-12-31', status: 'approved', stage: 'decided', asked: 3 },
  { no: 9, caseSeq: 1, reason: '案情复杂', on: '2025-04-01', status: 'rejected', stage: 'decided', asked: 3 },
  { no: 10, caseSeq: 8, reason: '公告送达', on: '2025-03-10', status: 'rejected', stage: 'decided', asked: 1, late: true },
];

beforeAll(async () => {
  t = freshCourtDb();
  const who = (seq: number) => (seq <= 3 ? ['民一庭', '王法官'] : seq <= 5 ? ['民一庭', '李法官'] : ['民二庭', '赵法官']);
  t.put(Array.from({ length: 8 }, (_, i) => record({ caseNumber: n(i + 1), filedOn: '2024-11-01', division: who(i + 1)[0], judge: who(i + 1)[1] })), TODAY);
  const caseId = t.db.prepare('SELECT id FROM cases WHERE case_number = ?').pluck();
  const insert = t.db.prepare(
    `INSERT INTO extension_requests (case_id, months, days, reason, reason_code, explanation, requested_on, late, status, stage, route, asked_months, asked_days,
       decided_on, row_version, created_at, updated_at) VALUES (?, ?, 0, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
  );
  for (const r of REQUESTS) {
    ids[r.no] = Number(insert.run(
      caseId.get(n(r.caseSeq)), r.months ?? r.asked ?? 3, r.reason ?? '鉴定机构未出具意见（导入）', r.reason, r.on, r.late ? 1 : 0, r.status, r.stage,
      r.stage === null ? null : r.no === 5 ? 'higher_court' : 'president', r.asked ?? null, r.asked === null ? null : 0,
      r.status === 'approved' || r.status === 'rejected' ? r.on : null,
    ).lastInsertRowid);
  }
  const accounts = new AccountStore(t.db);
  const people: Array<[string, Array<'judge' | 'division_head' | 'president' | 'statistician' | 'admin'>, string | null]> = [
    ['王法官', ['judge'], '民一庭'], ['庭长甲', ['division_head'], '民一庭'], ['院长', ['president'], null], ['管理员', ['admin'], null],
  ];
  for (const [name, roles, division] of people) accounts.create({ name, roles, division, password: 'pass-word-1', actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
  for (const [name] of people) sessions[name] = ((await core.call('auth.signIn', { name, password: 'pass-word-1' })).session as { set: string }).set;
});
afterAll(() => {
  core.close();
  t.cleanup();
});

async function as<T>(who: string, method: string, args: unknown): Promise<T> {
  const r = await core.call(method, args, { session: sessions[who] });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
const study = (who: string, extra: Record<string, unknown> = {}) => as<ExtensionStudy>(who, 'extensions.study', { ...PERIOD, ...extra });
const list = async (who: string, filter: Record<string, unknown>) =>
  (await as<ExtensionRow[]>(who, 'extensions.list', { status: 'all', ...filter })).map((r) => r.id).sort((a, b) => a - b);
const idsOf = (...nos: number[]) => nos.map((no) => ids[no]).sort((a, b) => a - b);
const divisionId = (name: string) => core.db.prepare('SELECT id FROM divisions WHERE name = ?').pluck().get(name) as number;
const staffId = (name: string) => core.db.prepare('SELECT id FROM staff WHERE name = ?').pluck().get(name) as number;

/** Counts in the order requests, approved, shorter, rejected, waiting, higherCourt, late; then the rate's terms. */
function c(requests: number, approved: number, shorter: number, rejected: number, waiting: number, higherCourt: number, late: number, rate: number | null): StudyCounts {
  const num = approved + shorter;
  return { requests, approved, shorter, rejected, waiting, higherCourt, late, approvalRate: { value: rate, numerator: num, denominator: num + rejected } };
}

describe('extensions.study as the president', () => {
  it('counts the period by hand: first and last day in, the day before and after out', async () => {
    const s = await study('院长');
    expect(s.total).toEqual(c(8, 2, 1, 2, 2, 1, 2, 60));
  });

  it('by reason, every reason a judge picks even at 0, the imported ones in their own bucket', async () => {
    const s = await study('院长');
    expect(s.byReason.map((r) => [r.label, { ...r, reason: undefined, label: undefined }])).toEqual([
      ['鉴定未完成', { ...c(3, 1, 1, 0, 0, 1, 0, 100), reason: undefined, label: undefined }],
      ['公告送达', { ...c(2, 0, 0, 2, 0, 0, 2, 0), reason: undefined, label: undefined }],
      ['案情复杂', { ...c(1, 0, 0, 0, 1, 0, 0, null), reason: undefined, label: undefined }],
      ['当事人申请调解', { ...c(0, 0, 0, 0, 0, 0, 0, null), reason: undefined, label: undefined }],
      ['追加当事人', { ...c(0, 0, 0, 0, 0, 0, 0, null), reason: undefined, label: undefined }],
      ['等待关联案件结果', { ...c(0, 0, 0, 0, 0, 0, 0, null), reason: undefined, label: undefined }],
      ['其他', { ...c(0, 0, 0, 0, 0, 0, 0, null), reason: undefined, label: undefined }],
      ['未分类（导入）', { ...c(2, 1, 0, 0, 1, 0, 0, 100), reason: undefined, label: undefined }],
    ]);
    expect(s.byReason.at(-1)!.reason).toBe('imported');
  });

  it('by division and by judge in name (pinyin) order, no ranks', async () => {
    const s = await study('院长');
    expect(s.byDivision).toEqual([
      { divisionId: divisionId('民二庭'), division: '民二庭', ...c(3, 1, 0, 1, 1, 0, 1, 50) },
      { divisionId: divisionId('民一庭'), division: '民一庭', ...c(5, 1, 1, 1, 1, 1, 1, 66.7) },
    ]);
    expect(s.byJudge).toEqual([
      { judgeId: staffId('李法官'), judge: '李法官', division: '民一庭', ...c(2, 0, 0, 0, 1, 1, 0, null) },
      { judgeId: staffId('王法官'), judge: '王法官', division: '民一庭', ...c(3, 1, 1, 1, 0, 0, 1, 66.7) },
      { judgeId: staffId('赵法官'), judge: '赵法官', division: '民二庭', ...c(3, 1, 0, 1, 1, 0, 1, 50) },
    ]);
    expect(JSON.stringify(s)).not.toMatch(/rank/i);
  });

  it('a trend point per month of the period, requests by reason and the approval rate', async () => {
    const s = await study('院长');
    expect(s.months.map((m) => [m.month, m.from, m.to, m.requests, m.approvalRate])).toEqual([
      ['2025-01', '2025-01-01', '2025-01-31', 3, { value: 100, numerator: 2, denominator: 2 }],
      ['2025-02', '2025-02-01', '2025-02-28', 2, { value: 0, numerator: 0, denominator: 1 }],
      ['2025-03', '2025-03-01', '2025-03-31', 3, { value: 50, numerator: 1, denominator: 2 }],
    ]);
    expect(s.months[0].byReason).toMatchObject({ 鉴定未完成: 2, imported: 1, 公告送达: 0 });
    expect(s.months[2].byReason).toMatchObject({ 案情复杂: 1, imported: 1, 公告送达: 1 });
    // A period starting mid-month: the month's point covers only its part inside the period.
    const part = await study('院长', { from: '2025-01-16', to: '2025-02-15' });
    expect(part.months.map((m) => [m.month, m.from, m.to, m.requests])).toEqual([['2025-01', '2025-01-16', '2025-01-31', 1], ['2025-02', '2025-02-01', '2025-02-15', 1]]);
  });

  it('narrows to one division or one judge when asked', async () => {
    expect((await study('院长', { divisionId: divisionId('民二庭') })).total).toEqual(c(3, 1, 0, 1, 1, 0, 1, 50));
    expect((await study('院长', { judgeId: staffId('李法官') })).total).toEqual(c(2, 0, 0, 0, 1, 1, 0, null));
  });

  it('an empty period answers zeros and rates of —, not an error', async () => {
    const s = await study('院长', { from: '2023-01-01', to: '2023-12-31' });
    expect(s.total).toEqual(c(0, 0, 0, 0, 0, 0, 0, null));
    expect(s.byDivision).toEqual([]);
    expect(s.months).toHaveLength(12);
  });
});

describe('the reader\'s scope', () => {
  it('a judge studies only his own requests, a division head his division\'s', async () => {
    const own = await study('王法官');
    expect(own.total).toEqual(c(3, 1, 1, 1, 0, 0, 1, 66.7));
    expect(own.byJudge.map((j) => j.judge)).toEqual(['王法官']);
    const head = await study('庭长甲');
    expect(head.total).toEqual(c(5, 1, 1, 1, 1, 1, 1, 66.7));
    expect(head.byDivision.map((d) => d.division)).toEqual(['民一庭']);
    // Asking for another division finds nothing rather than reaching past the scope.
    expect((await study('庭长甲', { divisionId: divisionId('民二庭') })).total.requests).toBe(0);
    expect(await list('王法官', { ...PERIOD, judgeId: staffId('赵法官') })).toEqual([]);
  });

  it('the administrator, who sees no case data, is refused', async () => {
    const r = await core.call('extensions.study', PERIOD, { session: sessions['管理员'] });
    expect(r.ok).toBe(false);
  });
});

describe('the list behind each figure', () => {
  it('returns exactly the requests of a reason, an outcome, a judge, a month', async () => {
    expect(await list('院长', { ...PERIOD, reason: '鉴定未完成' })).toEqual(idsOf(1, 2, 5));
    expect(await list('院长', { ...PERIOD, reason: '鉴定未完成', outcome: 'shorter' })).toEqual(idsOf(2));
    expect(await list('院长', { ...PERIOD, reason: 'imported' })).toEqual(idsOf(6, 7));
    expect(await list('院长', { ...PERIOD, judgeId: staffId('李法官'), outcome: 'waiting' })).toEqual(idsOf(4));
    expect(await list('院长', { ...PERIOD, outcome: 'higher_court' })).toEqual(idsOf(5));
    expect(await list('院长', { ...PERIOD, late: true })).toEqual(idsOf(3, 10));
    expect(await list('院长', { ...PERIOD, outcome: 'decided' })).toEqual(idsOf(1, 2, 3, 6, 10));
    expect(await list('院长', { ...PERIOD, outcome: 'approved' })).toEqual(idsOf(1, 6));
    expect(await list('院长', { from: '2025-02-01', to: '2025-02-28' })).toEqual(idsOf(3, 5));
    expect(await list('院长', PERIOD)).toEqual(idsOf(1, 2, 3, 4, 5, 6, 7, 10));
  });

  it('holds as many requests as every bar of the study says', async () => {
    const s = await study('院长');
    const outcomes = { approved: 'approved', shorter: 'shorter', rejected: 'rejected', waiting: 'waiting', higherCourt: 'higher_court' } as const;
    for (const r of s.byReason) {
      expect((await list('院长', { ...PERIOD, reason: r.reason })).length, r.label).toBe(r.requests);
      for (const [k, outcome] of Object.entries(outcomes)) expect((await list('院长', { ...PERIOD, reason: r.reason, outcome })).length, `${r.label} ${k}`).toBe(r[k as keyof typeof outcomes]);
    }
    for (const d of s.byDivision) expect((await list('院长', { ...PERIOD, divisionId: d.divisionId, outcome: 'decided' })).length).toBe(d.approvalRate.denominator);
    for (const j of s.byJudge) expect((await list('院长', { ...PERIOD, judgeId: j.judgeId })).length).toBe(j.requests);
    for (const m of s.months) expect((await list('院长', { from: m.from, to: m.to })).length).toBe(m.requests);
  });

  it('refuses a period that ends before it starts, naming the field, in Chinese', async () => {
    for (const method of ['extensions.study', 'extensions.list']) {
      const r = await core.call(method, { from: '2025-03-01', to: '2025-02-01' }, { session: sessions['院长'] });
      expect(r.ok).toBe(false);
      expect((r as { error: { message: string; field?: string } }).error).toMatchObject({ message: '统计期间的结束日期不能早于开始日期', field: 'to' });
    }
    const long = await core.call('extensions.study', { from: '2010-01-01', to: '2025-02-01' }, { session: sessions['院长'] });
    expect((long as { error: { message: string } }).error.message).toBe('统计期间最长 10 年');
    const bad = await core.call('extensions.list', { reason: '没有这个理由' }, { session: sessions['院长'] });
    expect((bad as { error: { message: string } }).error.message).toContain('延长理由应为');
  });
});
