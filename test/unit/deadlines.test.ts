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
