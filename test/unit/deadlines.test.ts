// The worked examples of time-limits.md, and the counting rules around them, as a table.
import { describe, expect, it } from 'vitest';
import { computeDeadline, unionDays, type DeadlineInput } from '../../shared/deadlines/engine';
import { parseCaseNumber } from '../../shared/cases/caseNumber';
import type { Procedure } from '../../shared/cases/types';

const TODAY = '2024-12-31';

interface Example {
  caseNumber: string;
  procedure: Procedure | null;
  filedOn: string;
  closedOn?: string;
  events?: DeadlineInput['events'];
  extensions?: DeadlineInput['extensions'];
  dueOn: string;
  daysRemaining: number;
  status: string;
}

const examples: Example[] = [
  { caseNumber: '（2024）辽0421民初100号', procedure: '普通程序', filedOn: '2024-01-15', closedOn: '2024-07-10', dueOn: '2024-07-15', daysRemaining: 5, status: 'closed_in_time' },
  { caseNumber: '（2024）辽0421民初101号', procedure: '普通程序', filedOn: '2024-01-15', closedOn: '2024-07-16', dueOn: '2024-07-15', daysRemaining: -1, status: 'closed_overdue' },
  { caseNumber: '（2024）辽0421民初102号', procedure: '简易程序', filedOn: '2024-08-31', dueOn: '2024-11-30', daysRemaining: -31, status: 'overdue' },
  { caseNumber: '（2024）辽0421民初103号', procedure: '普通程序', filedOn: '2024-08-31', dueOn: '2025-02-28', daysRemaining: 59, status: 'in_time' },
  {
    caseNumber: '（2024）辽0421民初104号', procedure: '普通程序', filedOn: '2024-03-01',
    events: [{ kind: '公告', fromOn: '2024-04-01', toOn: '2024-05-01' }], dueOn: '2024-10-01', daysRemaining: -91, status: 'overdue',
  },
  {
    caseNumber: '（2024）辽0421民初105号', procedure: '普通程序', filedOn: '2024-03-01',
    extensions: [{ status: 'approved', months: 6, days: 0 }], dueOn: '2025-03-01', daysRemaining: 60, status: 'in_time',
  },
  {
    caseNumber: '（2024）辽0421民初106号', procedure: '普通程序', filedOn: '2024-03-01',
    extensions: [{ status: 'rejected', months: 6, days: 0 }], dueOn: '2024-09-01', daysRemaining: -121, status: 'overdue',
  },
  { caseNumber: '（2024）辽0421民初107号', procedure: '小额诉讼程序', filedOn: '2024-10-31', dueOn: '2024-12-31', daysRemaining: 0, status: 'in_time' },
  { caseNumber: '（2024）辽0421民特5号', procedure: null, filedOn: '2024-12-10', dueOn: '2025-01-09', daysRemaining: 9, status: 'in_time' },
  { caseNumber: '（2024）辽0421刑初20号', procedure: '速裁程序', filedOn: '2024-12-20', dueOn: '2024-12-30', daysRemaining: -1, status: 'overdue' },
  {
    caseNumber: '（2024）辽0421民初108号', procedure: '普通程序', filedOn: '2024-02-29',
    events: [{ kind: '中止', fromOn: '2024-06-01', toOn: null }], dueOn: '2025-03-30', daysRemaining: 89, status: 'suspended',
  },
  // The suspension began after the time limit ran out: it does not revive it (the 隐性超审限 courts hunt for).
  {
    caseNumber: '（2024）辽0421民初109号', procedure: '普通程序', filedOn: '2024-01-10',
    events: [{ kind: '中止', fromOn: '2024-08-01', toOn: null }], dueOn: '2024-07-10', daysRemaining: -174, status: 'overdue',
  },
];

function inputFor(e: Example): DeadlineInput {
  const parsed = parseCaseNumber(e.caseNumber);
  if (!parsed.ok) throw new Error(parsed.error);
  return {
    typeCode: parsed.value.typeCode, procedure: e.procedure, limitVariant: null, filedOn: e.filedOn, closedOn: e.closedOn ?? null,
    events: e.events ?? [], extensions: e.extensions ?? [], importedDeductedDays: 0, importedExtendedDays: 0,
  };
}

describe('time-limits.md worked examples (today 2024-12-31)', () => {
  it.each(examples)('$caseNumber → due $dueOn, $daysRemaining, $status', (e) => {
    const d = computeDeadline(inputFor(e), TODAY);
    expect(d.dueOn).toBe(e.dueOn);
    expect(d.daysRemaining).toBe(e.daysRemaining);
    expect(d.status).toBe(e.status);
  });

  it('spells out the deduction of example 104', () => {
    const d = computeDeadline(inputFor(examples[4]), TODAY);
    expect(d.statutoryDueOn).toBe('2024-09-01');
    expect(d.deductedDays).toBe(30);
    expect(d.steps.join('\n')).toContain('扣除 公告 2024-04-01 至 2024-05-01，30天');
  });

  it('counts the open suspension of example 108 up to today: 213 days', () => {
    const d = computeDeadline(inputFor(examples[10]), TODAY);
    expect(d.statutoryDueOn).toBe('2024-08-29');
    expect(d.deductedDays).toBe(213);
  });
});

describe('counting rules', () => {
  const base: DeadlineInput = {
    typeCode: '民初', procedure: '普通程序', limitVariant: null, filedOn: '2024-03-01', closedOn: null,
    events: [], extensions: [], importedDeductedDays: 0, importedExtendedDays: 0,
  };

  it.each([
    { typeCode: '民初', procedure: '普通程序' as const, variant: null, filedOn: '2024-01-15', due: '2024-07-15', limit: '6个月' },
    { typeCode: '民初', procedure: null, variant: null, filedOn: '2024-01-15', due: '2024-07-15', limit: '6个月' },
    { typeCode: '民初', procedure: '简易程序' as const, variant: null, filedOn: '2024-01-31', due: '2024-04-30', limit: '3个月' },
    { typeCode: '民初', procedure: '小额诉讼程序' as const, variant: null, filedOn: '2024-12-31', due: '2025-02-28', limit: '2个月' },
    { typeCode: '民终', procedure: null, variant: null, filedOn: '2024-03-01', due: '2024-06-01', limit: '3个月' },
    { typeCode: '民终', procedure: null, variant: 'ruling_appeal' as const, filedOn: '2024-03-01', due: '2024-03-31', limit: '30天' },
    { typeCode: '刑初', procedure: '普通程序' as const, variant: null, filedOn: '2024-03-01', due: '2024-05-01', limit: '2个月' },
    { typeCode: '刑初', procedure: '简易程序' as const, variant: null, filedOn: '2024-03-01', due: '2024-03-21', limit: '20天' },
    { typeCode: '刑初', procedure: '简易程序' as const, variant: 'heavy_sentence' as const, filedOn: '2024-03-01', due: '2024-04-16', limit: '1个月15天' },
    { typeCode: '刑初', procedure: '速裁程序' as const, variant: 'heavy_sentence' as const, filedOn: '2024-03-01', due: '2024-03-16', limit: '15天' },
    { typeCode: '行初', procedure: '普通程序' as const, variant: null, filedOn: '2024-03-01', due: '2024-09-01', limit: '6个月' },
    { typeCode: '行初', procedure: '简易程序' as const, variant: null, filedOn: '2024-03-01', due: '2024-04-15', limit: '45天' },
    { typeCode: '执', procedure: null, variant: null, filedOn: '2024-03-01', due: '2024-09-01', limit: '6个月' },
    { typeCode: '执恢', procedure: null, variant: null, filedOn: '2024-03-01', due: '2024-09-01', limit: '6个月' },
  ])('$typeCode $procedure $variant filed $filedOn: limit $limit, due $due', (row) => {
    const d = computeDeadline({ ...base, typeCode: row.typeCode, procedure: row.procedure, limitVariant: row.variant, filedOn: row.filedOn }, '2024-01-01');
    expect(d.limit).toBe(row.limit);
    expect(d.dueOn).toBe(row.due);
  });

  it.each(['民申', '民再', '刑终', '行终', '执保', '执异', '财保', '民催', '诉前调', '民赔'])('%s has no time limit and is never overdue', (typeCode) => {
    const d = computeDeadline({ ...base, typeCode, filedOn: '2010-01-01' }, TODAY);
    expect(d).toMatchObject({ status: 'no_limit', dueOn: null, daysRemaining: null, limit: null });
  });

  it('counts overlapping periods once', () => {
    const d = computeDeadline({
      ...base,
      events: [
        { kind: '鉴定', fromOn: '2024-04-01', toOn: '2024-05-01' },
        { kind: '公告', fromOn: '2024-04-15', toOn: '2024-05-11' },
        { kind: '和解', fromOn: '2024-06-01', toOn: '2024-06-11' },
      ],
    }, TODAY);
    expect(d.deductedDays).toBe(40 + 10);
    expect(d.dueOn).toBe('2024-10-21');
  });

  it('counts an open period only up to the closing date of a closed case', () => {
    const d = computeDeadline({ ...base, closedOn: '2024-06-11', events: [{ kind: '中止', fromOn: '2024-06-01', toOn: null }] }, TODAY);
    expect(d.deductedDays).toBe(10);
    expect(d.status).toBe('closed_in_time');
  });

  it('deducts 调解 only in administrative cases', () => {
    const events = [{ kind: '调解', fromOn: '2024-04-01', toOn: '2024-04-11' }];
    expect(computeDeadline({ ...base, events }, TODAY).deductedDays).toBe(0);
    expect(computeDeadline({ ...base, typeCode: '行初', events }, TODAY).deductedDays).toBe(10);
  });

  it('ignores pending and higher-court requests, sums approved months and days with imported totals', () => {
    const d = computeDeadline({
      ...base,
      importedDeductedDays: 5,
      importedExtendedDays: 3,
      extensions: [
        { status: 'pending', months: 6, days: 0 },
        { status: 'higher_court', months: 3, days: 0 },
        { status: 'approved', months: 1, days: 10 },
      ],
    }, TODAY);
    expect(d.extensionLabel).toBe('1个月13天');
    expect(d.deductedDays).toBe(5);
    expect(d.dueOn).toBe('2024-10-19');
  });

  it('treats the closing day itself as in time', () => {
    expect(computeDeadline({ ...base, closedOn: '2024-09-01' }, TODAY).status).toBe('closed_in_time');
    expect(computeDeadline({ ...base, closedOn: '2024-09-02' }, TODAY).status).toBe('closed_overdue');
  });

  it('unions periods given in any order', () => {
    expect(unionDays([
      { fromOn: '2024-05-01', toOn: '2024-05-10' },
      { fromOn: '2024-01-01', toOn: '2024-01-02' },
      { fromOn: '2024-05-05', toOn: '2024-05-06' },
    ])).toBe(10);
  });
});

describe('periods count in date order, only from a start on or before the due date as it then stands', () => {
  const base = { typeCode: '民初', procedure: '普通程序' as Procedure, limitVariant: null, closedOn: null, extensions: [], importedDeductedDays: 0, importedExtendedDays: 0 };
  // Filed 2024-01-10, ordinary procedure: due 2024-07-10 before any period.
  it.each<[string, DeadlineInput['events'], string, number, string]>([
    ['a deduction that begins on the due date itself counts', [{ kind: '鉴定', fromOn: '2024-07-10', toOn: '2024-08-09' }], '2024-08-09', -144, 'overdue'],
    ['one that begins the day after does not', [{ kind: '鉴定', fromOn: '2024-07-11', toOn: '2024-08-10' }], '2024-07-10', -174, 'overdue'],
    ['an earlier period extends the due date, so a later one that begins within it counts',
      [{ kind: '公告', fromOn: '2024-05-01', toOn: '2024-06-30' }, { kind: '鉴定', fromOn: '2024-08-15', toOn: '2024-09-14' }], '2024-10-08', -84, 'overdue'],
    ['recorded out of order, counted in date order',
      [{ kind: '鉴定', fromOn: '2024-08-15', toOn: '2024-09-14' }, { kind: '公告', fromOn: '2024-05-01', toOn: '2024-06-30' }], '2024-10-08', -84, 'overdue'],
    ['a period that began in time and runs past the due date counts whole', [{ kind: '鉴定', fromOn: '2024-07-01', toOn: '2024-10-01' }], '2024-10-10', -82, 'overdue'],
    ['a period overlapping a counted one counts once, though it starts after the original due date',
      [{ kind: '鉴定', fromOn: '2024-07-01', toOn: '2024-10-01' }, { kind: '审计', fromOn: '2024-09-01', toOn: '2024-10-31' }], '2024-11-09', -52, 'overdue'],
    ['a suspension begun in time and still open stops the clock: days remaining frozen', [{ kind: '中止', fromOn: '2024-07-01', toOn: null }], '2025-01-09', 9, 'suspended'],
    ['another open period begun in time pauses it', [{ kind: '鉴定', fromOn: '2024-07-01', toOn: null }], '2025-01-09', 9, 'paused'],
    ['an open appraisal begun after the due date leaves the case overdue', [{ kind: '鉴定', fromOn: '2024-09-01', toOn: null }], '2024-07-10', -174, 'overdue'],
  ])('%s', (_what, events, dueOn, daysRemaining, status) => {
    const d = computeDeadline({ ...base, filedOn: '2024-01-10', events }, TODAY);
    expect({ dueOn: d.dueOn, daysRemaining: d.daysRemaining, status: d.status }).toEqual({ dueOn, daysRemaining, status });
  });

  it('says in words why a late period is not counted', () => {
    const d = computeDeadline({ ...base, filedOn: '2024-01-10', events: [{ kind: '中止', fromOn: '2024-08-01', toOn: null }] }, TODAY);
    expect(d.steps).toContain('不扣除 中止 2024-08-01 起（尚未结束）：开始于审限届满之后，已届满的审限不因其后登记的中止或扣除期间而恢复');
    expect(d.steps.at(-1)).toBe('今日 2024-12-31，已超审限 174天');
  });

  it('keeps a paused clock\'s days remaining the same from day to day', () => {
    const events = [{ kind: '鉴定', fromOn: '2024-07-01', toOn: null }];
    const a = computeDeadline({ ...base, filedOn: '2024-01-10', events }, '2024-12-31');
    const b = computeDeadline({ ...base, filedOn: '2024-01-10', events }, '2025-03-15');
    expect([a.daysRemaining, b.daysRemaining]).toEqual([9, 9]);
    expect(b.steps.at(-1)).toBe('鉴定期间尚未结束：审限暂停计算，届满日逐日顺延，剩余 9天不变');
  });
});
