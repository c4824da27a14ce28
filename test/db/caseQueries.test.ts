// Case lists: every filter, Chinese substring search of any length, and the index each query plan uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseScope } from '../../shared/accounts/roles';
import { freshCourtDb, record } from '../helpers/tempDb';
import { CaseQueries } from '../../electron/core/cases/caseQueries';
import { SEARCH_DOCUMENT_SQL, searchDocument } from '../../electron/core/cases/searchDocument';
import type { CaseListArgs } from '../../shared/api/contract';

let t: ReturnType<typeof freshCourtDb>;
let q: CaseQueries;
const TODAY = '2024-12-31';
const ctx = { actor: 'tester', today: TODAY };

beforeAll(() => {
  t = freshCourtDb();
  t.put([
    record({ caseNumber: '（2024）辽0421民初100号', filedOn: '2024-01-15', closedOn: '2024-07-10', closingMethod: '判决', plaintiffs: ['欧阳修远'], defendants: ['某某商贸有限公司'] }),
    record({ caseNumber: '（2024）辽0421民初102号', procedure: '简易程序', filedOn: '2024-08-31', division: '城关人民法庭', judge: '李法官', plaintiffs: ['张三丰'], defendants: ['王五'] }),
    record({ caseNumber: '（2024）辽0421民初103号', filedOn: '2024-08-31', plaintiffs: ['赵六'], defendants: ['张三'] }),
    record({ caseNumber: '（2024）辽0421民初107号', procedure: '小额诉讼程序', filedOn: '2024-10-31', plaintiffs: ['孙七'], defendants: ['周八'] }),
    record({ caseNumber: '（2024）辽0421民初108号', filedOn: '2024-02-29', plaintiffs: ['吴九'], defendants: ['郑十'] }),
    record({ caseNumber: '（2024）辽0421刑初20号', procedure: '速裁程序', cause: '危险驾驶罪', filedOn: '2024-12-20', division: '刑事审判庭', judge: '陈法官', plaintiffs: [], defendants: ['钱十一'] }),
    record({ caseNumber: '（2023）辽0421执1234号', procedure: null, cause: '民间借贷纠纷', filedOn: '2023-05-01', division: '执行局', judge: '刘法官', plaintiffs: ['张三'], defendants: ['李四'] }),
  ]);
  t.store.addEvent('（2024）辽0421民初108号', '中止', '2024-06-01', null, null, ctx);
  q = new CaseQueries(t.db);
});
afterAll(() => t.close());

const numbers = (args: CaseListArgs) => q.list(args, TODAY).rows.map((r) => r.caseNumber).sort();

describe('filters', () => {
  it.each<[string, CaseListArgs, string[]]>([
    ['open', { status: 'open' }, ['（2023）辽0421执1234号', '（2024）辽0421刑初20号', '（2024）辽0421民初102号', '（2024）辽0421民初103号', '（2024）辽0421民初107号', '（2024）辽0421民初108号']],
    ['closed', { status: 'closed' }, ['（2024）辽0421民初100号']],
    ['overdue', { status: 'overdue' }, ['（2023）辽0421执1234号', '（2024）辽0421刑初20号', '（2024）辽0421民初102号']],
    ['suspended', { status: 'suspended' }, ['（2024）辽0421民初108号']],
    ['due within 0..60 days', { remainingMin: 0, remainingMax: 60 }, ['（2024）辽0421民初103号', '（2024）辽0421民初107号']],
    ['procedure', { procedure: '简易程序' }, ['（2024）辽0421民初102号']],
    ['type code', { typeCode: '刑初' }, ['（2024）辽0421刑初20号']],
  ])('%s', (_name, args, expected) => {
    expect(numbers(args)).toEqual(expected);
    expect(q.count(args, TODAY)).toBe(expected.length);
  });

  it('filters by division and judge ids', () => {
    const division = q.divisions().find((d) => d.name === '城关人民法庭')!;
    expect(division.kind).toBe('tribunal');
    expect(numbers({ divisionId: division.id })).toEqual(['（2024）辽0421民初102号']);
    const judge = q.judges().find((j) => j.name === '陈法官')!;
    expect(numbers({ judgeId: judge.id })).toEqual(['（2024）辽0421刑初20号']);
    expect(q.judges(division.id).map((j) => j.name)).toEqual(['李法官']);
  });

  it('computes status and days remaining of each row for today', () => {
    const rows = q.list({ sort: 'caseNumber_asc' }, TODAY).rows;
    const by = Object.fromEntries(rows.map((r) => [r.caseNumber, r]));
    expect(by['（2024）辽0421民初100号']).toMatchObject({ status: 'closed_in_time', daysRemaining: 5, dueOn: '2024-07-15' });
    expect(by['（2024）辽0421民初102号']).toMatchObject({ status: 'overdue', daysRemaining: -31 });
    expect(by['（2024）辽0421民初108号']).toMatchObject({ status: 'suspended', dueOn: '2025-03-30' });
    expect(by['（2024）辽0421民初107号']).toMatchObject({ status: 'in_time', daysRemaining: 0 });
  });

  it('pages with hasMore and sorts by due date', () => {
    const first = q.list({ limit: 2, offset: 0, sort: 'filedOn_desc' }, TODAY);
    expect(first.rows.map((r) => r.caseNumber)).toEqual(['（2024）辽0421刑初20号', '（2024）辽0421民初107号']);
    expect(first.hasMore).toBe(true);
    const last = q.list({ limit: 5, offset: 5, sort: 'filedOn_desc' }, TODAY);
    expect(last.rows.length).toBe(2);
    expect(last.hasMore).toBe(false);
    // Every case, as the count promises: dated ones by due date (closed among them), then the stopped clock (its due
    // date moves daily), then none without a limit here.
    expect(q.list({ sort: 'dueOn_asc' }, TODAY).rows.map((r) => [r.caseNumber, r.dueOn])).toEqual([
      ['（2023）辽0421执1234号', '2023-11-01'], ['（2024）辽0421民初100号', '2024-07-15'], ['（2024）辽0421民初102号', '2024-11-30'],
      ['（2024）辽0421刑初20号', '2024-12-30'], ['（2024）辽0421民初107号', '2024-12-31'], ['（2024）辽0421民初103号', '2025-02-28'],
      ['（2024）辽0421民初108号', '2025-03-30'],
    ]);
    expect(q.count({}, TODAY)).toBe(7);
  });
});

describe('search', () => {
  it.each<[string, string[]]>([
    ['张三', ['（2023）辽0421执1234号', '（2024）辽0421民初102号', '（2024）辽0421民初103号']],
    ['张三丰', ['（2024）辽0421民初102号']],
    ['三丰', ['（2024）辽0421民初102号']],
    ['欧阳', ['（2024）辽0421民初100号']],
    ['商贸有限', ['（2024）辽0421民初100号']],
    ['1234', ['（2023）辽0421执1234号']],
    ['民初10', ['（2024）辽0421民初100号', '（2024）辽0421民初102号', '（2024）辽0421民初103号', '（2024）辽0421民初107号', '（2024）辽0421民初108号']],
    ['(2023)', ['（2023）辽0421执1234号']],
    ['刑初２０', ['（2024）辽0421刑初20号']],
    ['丰', ['（2024）辽0421民初102号']],
    ['诸葛', []],
    ['"', []],
  ])('“%s”', (text, expected) => {
    expect(numbers({ search: text })).toEqual(expected);
    expect(q.count({ search: text }, TODAY)).toBe(expected.length);
  });

  it('combines search with other filters', () => {
    expect(numbers({ search: '张三', status: 'overdue' })).toEqual(['（2023）辽0421执1234号', '（2024）辽0421民初102号']);
  });
});

describe('the search document', () => {
  it('is the same whether written by JavaScript (one case) or by SQL (bulk loads, migration)', () => {
    const rows = t.db.prepare(`SELECT case_number, court_code, plaintiffs, defendants, ${SEARCH_DOCUMENT_SQL} AS doc FROM cases`).all() as Array<{ case_number: string; court_code: string; plaintiffs: string; defendants: string; doc: string }>;
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(searchDocument(r.case_number, r.court_code, r.plaintiffs, r.defendants)).toBe(r.doc);
    expect(searchDocument('（2024）辽0421民初102号', '辽0421', '张三丰', '王五')).toBe('2024民初102号 张三丰、王五、');
  });
});

describe('query plans use their indexes', () => {
  const plan = (sql: string, params: Record<string, unknown>) =>
    (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');

  it.each<[string, CaseListArgs, RegExp]>([
    ['default sort', {}, /USING INDEX cases_filed/],
    ['open cases', { status: 'open' }, /USING INDEX cases_open_filed/],
    ['overdue', { status: 'overdue', sort: 'dueOn_asc' }, /USING INDEX cases_running_due/],
    ['due within', { remainingMin: 0, remainingMax: 30, sort: 'dueOn_asc' }, /MULTI-INDEX OR.*USING INDEX cases_due_order.*USING INDEX cases_due_order/],
    ['every case by due date', { sort: 'dueOn_asc' }, /SCAN c USING INDEX cases_due_order/],
    ['closed cases by due date', { status: 'closed', sort: 'dueOn_asc' }, /SCAN c USING INDEX cases_due_order/],
    ['stopped clocks', { status: 'stopped' }, /USING INDEX cases_open_filed/],
    ['division', { divisionId: 1 }, /USING INDEX cases_division_filed/],
    ['judge', { judgeId: 1 }, /USING INDEX cases_judge_filed/],
    ['procedure, newest first', { procedure: '简易程序' }, /SCAN c USING INDEX cases_filed/],
    ['case number order', { sort: 'caseNumber_asc' }, /USING INDEX sqlite_autoindex_cases_1/],
    ['search', { search: '张三丰' }, /VIRTUAL TABLE INDEX/],
    ['a whole case number, typed another way', { search: '(2024)辽0421民初102号' }, /USING INDEX sqlite_autoindex_cases_1 \(case_number=\?\)/],
  ])('%s', (_name, args, expected) => {
    const { sql, params } = q.listSql(args, TODAY);
    const p = plan(sql, params);
    expect(p).toMatch(expected);
    expect(p).not.toMatch(/SCAN c\b(?! USING)/);
  });

  // A division head's or a judge's saved filters ("本庭15日内到期", "我的超期案件") and their counts: once the planner
  // walked the whole division's history for them (196 ms on the busiest division of a million cases).
  const division: CaseScope = { kind: 'division', divisionId: 1 };
  const own: CaseScope = { kind: 'own', staffId: 1 };
  it.each<[string, CaseListArgs, CaseScope, RegExp, RegExp]>([
    ['本庭15日内到期', { remainingMin: 0, remainingMax: 15, sort: 'dueOn_asc' }, division, /USING INDEX cases_open_division_due \(division_id=\?\)/, /USING INDEX cases_open_division_(due|filed)/],
    ['我的15日内到期', { remainingMin: 0, remainingMax: 15, sort: 'dueOn_asc' }, own, /USING INDEX cases_open_judge_due \(judge_id=\?\)/, /USING INDEX cases_open_judge_(due|filed)/],
    ['本庭超期案件', { status: 'overdue', sort: 'dueOn_asc' }, division, /USING INDEX cases_open_division_due \(division_id=\? AND due_order<\?\)/, /USING INDEX cases_open_division_due \(division_id=\? AND due_order<\?\)/],
    ['我的超期案件', { status: 'overdue', sort: 'dueOn_asc' }, own, /USING INDEX cases_open_judge_due \(judge_id=\? AND due_order<\?\)/, /USING INDEX cases_open_judge_due \(judge_id=\? AND due_order<\?\)/],
    ['本庭未结', { status: 'open' }, division, /USING INDEX cases_open_division_filed/, /USING INDEX cases_open_division_(due|filed)/],
    ['我的中止或暂停', { status: 'stopped' }, own, /USING INDEX cases_open_judge_(due|filed)/, /USING INDEX cases_open_judge_(due|filed)/],
  ])('%s: the list and its count use the open cases of the scope', (_name, args, scope, listPlan, countPlan) => {
    const l = q.listSql(args, TODAY, scope);
    expect(plan(l.sql, l.params)).toMatch(listPlan);
    const c = q.countSql(args, TODAY, scope);
    expect(plan(c.sql, c.params)).toMatch(countPlan);
  });
});
