// The extension rules of the time-limit table, row by row: what the president may approve, what must go to the
// higher (or high) court, what is refused and why; when a request is late; what an approval may grant.
import { describe, expect, it } from 'vitest';
import { checkApproval, checkExtensionRequest, decisionIsLate, type ExtensionFacts } from '../../shared/extensions/rules';
import type { LimitVariant, Procedure } from '../../shared/cases/types';

const FILED = '2024-03-01';
function facts(typeCode: string, procedure: Procedure | null, over: Partial<ExtensionFacts> = {}, variant: LimitVariant | null = null): ExtensionFacts {
  return { typeCode, procedure, variant, filedOn: FILED, closedOn: null, dueOn: '2024-09-01', granted: [], grantedByHigher: [], pending: false, ...over };
}
/** Asked well before the due date, with an explanation. */
const ask = (months: number, days = 0, requestedOn = '2024-07-01') => ({ months, days, requestedOn, explanation: '鉴定机构尚未出具鉴定意见，需要等待' });
const ON_TIME = { refuseLate: false };

describe('every row of the time-limit table', () => {
  it.each<[string, string, Procedure | null, LimitVariant | null, number, number, Partial<ExtensionFacts>, string]>([
    // row · case · months · days · earlier grants · expected route, or "refused: …"
    ['民初·普通程序, 6 months', '民初', '普通程序', null, 6, 0, {}, 'president'],
    ['民初·普通程序, 7 months', '民初', '普通程序', null, 7, 0, {}, 'higher_court'],
    ['民初·普通程序, 1 month after 6 granted', '民初', '普通程序', null, 1, 0, { granted: [{ months: 6, days: 0 }] }, 'higher_court'],
    ['民初·普通程序, 3 months after 3 granted', '民初', '普通程序', null, 3, 0, { granted: [{ months: 3, days: 0 }] }, 'president'],
    ['民初·普通程序, 20 days after 6 months granted', '民初', '普通程序', null, 0, 20, { granted: [{ months: 6, days: 0 }] }, 'higher_court'],
    ['民初·简易程序, 1 month', '民初', '简易程序', null, 1, 0, {}, 'president'],
    ['民初·简易程序, 2 months', '民初', '简易程序', null, 2, 0, {}, 'refused: 转为普通程序'],
    // Days against a cap in months, from the statutory due date as the engine counts: filed 03-01, 3 months → 06-01,
    // and one month from there is 07-01, 30 days; filed 11-01 → 2025-02-01, and one month from there is 28 days.
    ['民初·简易程序, 30 days from 06-01: one month', '民初', '简易程序', null, 0, 30, {}, 'president'],
    ['民初·简易程序, 31 days from 06-01: past one month', '民初', '简易程序', null, 0, 31, {}, 'refused: 最多延长 1个月'],
    ['民初·简易程序, 29 days from 2025-02-01: past one month', '民初', '简易程序', null, 0, 29, { filedOn: '2024-11-01', dueOn: '2025-02-01' }, 'refused: 最多延长 1个月'],
    ['民初·小额诉讼程序, 1 month', '民初', '小额诉讼程序', null, 1, 0, {}, 'president'],
    ['民初·小额诉讼程序, 1 month after 1 granted', '民初', '小额诉讼程序', null, 1, 0, { granted: [{ months: 1, days: 0 }] }, 'refused: 已批准 1个月'],
    ['民特, 2 months (no cap)', '民特', null, null, 2, 0, {}, 'president'],
    ['民终·判决上诉, 3 months', '民终', null, null, 3, 0, {}, 'president'],
    ['民终·裁定上诉, 30 days', '民终', null, 'ruling_appeal', 0, 30, {}, 'president'],
    ['刑初·普通程序, 1 month', '刑初', '普通程序', null, 1, 0, {}, 'president'],
    ['刑初·普通程序, 3 months', '刑初', '普通程序', null, 3, 0, {}, 'higher_court'],
    ['刑初·普通程序, 4 months', '刑初', '普通程序', null, 4, 0, {}, 'refused: 不得超过 3 个月'],
    ['刑初·普通程序, after the higher court granted once', '刑初', '普通程序', null, 3, 0, { granted: [{ months: 1, days: 0 }], grantedByHigher: [{ months: 3, days: 0 }] }, 'refused: 最高人民法院'],
    ['刑初·简易程序', '刑初', '简易程序', null, 0, 5, {}, 'refused: 依法不得延长'],
    ['刑初·简易程序, heavy sentence', '刑初', '简易程序', 'heavy_sentence', 0, 5, {}, 'refused: 依法不得延长'],
    ['刑初·速裁程序', '刑初', '速裁程序', null, 0, 5, {}, 'refused: 依法不得延长'],
    ['行初·普通程序, any length', '行初', '普通程序', null, 1, 0, {}, 'high_court'],
    ['行初·简易程序', '行初', '简易程序', null, 0, 10, {}, 'refused: 依法不得延长'],
    ['执, 3 months', '执', null, null, 3, 0, {}, 'president'],
    ['执, 4 months', '执', null, null, 4, 0, {}, 'high_court'],
    ['执恢 counts as 执', '执恢', null, null, 3, 0, {}, 'president'],
  ])('%s', (_name, typeCode, procedure, variant, months, days, over, want) => {
    const requestedOn = typeCode.startsWith('执') ? '2024-08-29' : '2024-07-01';
    const v = checkExtensionRequest(facts(typeCode, procedure, over, variant), ask(months, days, requestedOn), ON_TIME);
    if (want.startsWith('refused: ')) {
      expect(v.ok, JSON.stringify(v)).toBe(false);
      expect((v as { message: string }).message).toContain(want.slice('refused: '.length));
      expect((v as { field: string | null }).field).toBe('months');
    } else {
      expect(v, JSON.stringify(v)).toMatchObject({ ok: true, route: want, late: false });
    }
  });

  it('says what is left to the president, in months when whole', () => {
    expect(checkExtensionRequest(facts('民初', '普通程序', { granted: [{ months: 2, days: 0 }] }), ask(1), ON_TIME)).toMatchObject({ presidentMax: { months: 6, days: 0 }, presidentLeft: { months: 4, days: 0 } });
    // From 09-01 (filed 03-01 + 6 months), 6 months run to 2025-03-01: 181 days, 10 of them granted.
    expect(checkExtensionRequest(facts('民初', '普通程序', { granted: [{ months: 0, days: 10 }] }), ask(1), ON_TIME)).toMatchObject({ presidentLeft: { months: 0, days: 171 } });
    expect(checkExtensionRequest(facts('民特', null), ask(1), ON_TIME)).toMatchObject({ presidentMax: null, presidentLeft: null });
  });
});

describe('what no request may be', () => {
  it.each<[string, Partial<ExtensionFacts>, string, { months: number; days: number }]>([
    ['a closed case', { closedOn: '2024-06-01' }, '已结案', { months: 1, days: 0 }],
    ['a case whose clock is stopped', { dueOn: null }, '中止', { months: 1, days: 0 }],
    ['a second request while one waits', { pending: true }, '尚未审批完毕', { months: 1, days: 0 }],
    ['nothing asked', {}, '请填写延长的月数或天数', { months: 0, days: 0 }],
    ['more than a year', {}, '过长', { months: 13, days: 0 }],
  ])('%s', (_name, over, message, span) => {
    expect(checkExtensionRequest(facts('民初', '普通程序', over), { ...ask(1), ...span }, ON_TIME)).toMatchObject({ ok: false, message: expect.stringContaining(message) });
  });

  it('a case kind with no time limit', () => {
    expect(checkExtensionRequest(facts('民辖', null), ask(1), ON_TIME)).toMatchObject({ ok: false, message: '此类案件没有法定审限，无须延长' });
  });
});

describe('逾期申请', () => {
  const civil = facts('民初', '普通程序', { dueOn: '2024-09-01' });
  it.each<[string, string, boolean]>([
    ['15 days before the due date: on time', '2024-08-17', false],
    ['14 days before: late', '2024-08-18', true],
    ['on the due date: late', '2024-09-01', true],
    ['after it: late', '2024-09-05', true],
  ])('a civil request %s', (_name, requestedOn, late) => {
    expect(checkExtensionRequest(civil, ask(1, 0, requestedOn), ON_TIME)).toMatchObject({ ok: true, late });
  });

  it('a late request must explain itself in writing, and is refused outright where the court says so', () => {
    expect(checkExtensionRequest(civil, { ...ask(1, 0, '2024-08-25'), explanation: '来不及' }, ON_TIME)).toMatchObject({ ok: false, field: 'explanation', message: expect.stringContaining('书面说明') });
    const refused = checkExtensionRequest(civil, ask(1, 0, '2024-08-25'), { refuseLate: true });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^逾期申请：民事案件应在审限届满 15 日前申请，本案距届满仅剩 7 天；本院设置为不受理逾期申请$/) });
    // An on-time request needs no explanation of lateness.
    expect(checkExtensionRequest(civil, { ...ask(1, 0, '2024-08-01'), explanation: '' }, { refuseLate: true })).toMatchObject({ ok: true, late: false });
  });

  it('enforcement asks in its last 5 days: earlier is noted, after the due date is late', () => {
    const exec = facts('执', null, { dueOn: '2024-09-01' });
    expect(checkExtensionRequest(exec, ask(1, 0, '2024-08-28'), ON_TIME)).toMatchObject({ ok: true, late: false, notes: [] });
    expect(checkExtensionRequest(exec, ask(1, 0, '2024-08-01'), ON_TIME)).toMatchObject({ ok: true, late: false, notes: [expect.stringContaining('5 日内申请')] });
    expect(checkExtensionRequest(exec, ask(1, 0, '2024-09-02'), ON_TIME)).toMatchObject({ ok: true, late: true });
  });

  it('criminal and administrative requests are late only after the due date', () => {
    expect(checkExtensionRequest(facts('刑初', '普通程序', { dueOn: '2024-05-01' }), ask(1, 0, '2024-04-30'), ON_TIME)).toMatchObject({ ok: true, late: false });
    expect(checkExtensionRequest(facts('刑初', '普通程序', { dueOn: '2024-05-01' }), ask(1, 0, '2024-05-02'), ON_TIME)).toMatchObject({ ok: true, late: true });
  });
});

describe('an approval', () => {
  const f = facts('民初', '普通程序', { granted: [{ months: 2, days: 0 }] });
  it.each<[string, { months: number; days: number }, { months: number; days: number }, 'president' | 'higher_court', string | null]>([
    ['as asked', { months: 3, days: 0 }, { months: 3, days: 0 }, 'president', null],
    ['shorter than asked', { months: 3, days: 0 }, { months: 1, days: 15 }, 'president', null],
    ['longer than asked', { months: 1, days: 0 }, { months: 2, days: 0 }, 'president', '不能长于申请的 1个月'],
    ['past the president’s cap', { months: 6, days: 0 }, { months: 5, days: 0 }, 'president', '最多批准延长 6个月'],
    ['a higher court’s answer, not capped here', { months: 6, days: 0 }, { months: 6, days: 0 }, 'higher_court', null],
    ['of nothing', { months: 1, days: 0 }, { months: 0, days: 0 }, 'president', '不能为零'],
  ])('%s', (_name, asked, approved, route, refused) => {
    const r = checkApproval(f, asked, approved, route);
    if (refused === null) expect(r).toEqual({ ok: true });
    else expect(r).toMatchObject({ ok: false, message: expect.stringContaining(refused) });
  });

  it('of a civil case, decided fewer than 5 days before the due date, is marked late', () => {
    expect(decisionIsLate('民初', '2024-09-01', '2024-08-27')).toBe(false);
    expect(decisionIsLate('民初', '2024-09-01', '2024-08-28')).toBe(true);
    expect(decisionIsLate('执', '2024-09-01', '2024-08-31')).toBe(false);
  });
});
