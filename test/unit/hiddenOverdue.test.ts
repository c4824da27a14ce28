// Each hidden-overdue rule (隐性超审限) against hand-computed expectations, and the cases where it must not fire.
import { describe, expect, it } from 'vitest';
import { hiddenOverdueFindings, idleDays, type CaseFacts, type RequestFact } from '../../shared/deadlines/hiddenOverdue';

const TODAY = '2024-12-31';

/** 民初·普通程序 filed 2024-01-10: statutory due date 2024-07-10, 182 days (21+29+31+30+31+30+10). */
function facts(over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    typeCode: '民初', procedure: '普通程序', limitVariant: null, filedOn: '2024-01-10', closedOn: null,
    events: [], requests: [], importedDeductedDays: 0, importedExtendedDays: 0, ...over,
  };
}

const approved = (decidedOn: string, months: number): RequestFact => ({ status: 'approved', months, days: 0, requestedOn: decidedOn, decidedOn, late: false });

interface Row {
  name: string;
  facts: CaseFacts;
  today?: string;
  openPeriodDays?: number;
  expect: string[];
}

const rows: Row[] = [
  {
    // 2024-03-01 → 2024-06-01: 31 + 30 + 31 = 92 days, more than 60.
    name: 'an open 鉴定 of 92 days, over 60',
    facts: facts({ events: [{ kind: '鉴定', fromOn: '2024-03-01', toOn: null }] }), today: '2024-06-01',
    expect: ['open_period:鉴定自 2024-03-01 起至今（2024-06-01）尚未结束，已 92天，超过 60天'],
  },
  { name: 'an open 鉴定 of exactly the threshold does not fire', facts: facts({ events: [{ kind: '鉴定', fromOn: '2024-03-01', toOn: null }] }), today: '2024-06-01', openPeriodDays: 92, expect: [] },
  { name: 'an ended 鉴定 does not fire', facts: facts({ events: [{ kind: '鉴定', fromOn: '2024-03-01', toOn: '2024-06-01' }] }), today: '2024-06-30', expect: [] },
  // 调解 is not deducted in a civil case (time-limits.md), so its open period stops no clock and is not listed.
  { name: 'an open 调解 of a civil case does not fire', facts: facts({ events: [{ kind: '调解', fromOn: '2024-02-01', toOn: null }] }), today: '2024-06-01', expect: [] },
  {
    // An open 中止 of 2024-02-01 → 2024-06-01: 29 + 31 + 30 + 31 = 121 days.
    name: 'an open 中止 of 121 days',
    facts: facts({ events: [{ kind: '中止', fromOn: '2024-02-01', toOn: null }] }), today: '2024-06-01',
    expect: ['open_period:中止自 2024-02-01 起至今（2024-06-01）尚未结束，已 121天，超过 60天'],
  },
  {
    name: 'an extension approved 5 days after the due date 2024-07-10',
    facts: facts({ requests: [approved('2024-07-15', 6)] }),
    expect: ['extension_after_due:2024-07-15 批准延长 6个月，此前审限已于 2024-07-10 届满，届满后 5天才批准'],
  },
  { name: 'an extension approved on the due date does not fire', facts: facts({ requests: [approved('2024-07-10', 6)] }), expect: [] },
  {
    // The first moves the due date to 2025-01-10; the second, decided 2024-12-20, is within it.
    name: 'a second extension within the first one\'s due date does not fire',
    facts: facts({ requests: [approved('2024-07-01', 6), approved('2024-12-20', 3)] }), expect: [],
  },
  {
    // A 公告 of 2024-05-01 → 2024-05-31 (30 days) moved the due date to 2024-08-09 before the decision of 2024-08-05.
    name: 'a deducted period before the decision counts toward the due date it was taken against',
    facts: facts({ events: [{ kind: '公告', fromOn: '2024-05-01', toOn: '2024-05-31' }], requests: [approved('2024-08-05', 6)] }), expect: [],
  },
  { name: 'a rejected request decided late does not fire', facts: facts({ requests: [{ ...approved('2024-08-01', 6), status: 'rejected' }] }), expect: [] },
  {
    name: 'a request marked late',
    facts: facts({ requests: [{ status: 'pending', months: 3, days: 0, requestedOn: '2024-07-01', decidedOn: null, late: true }] }),
    expect: ['late_request:2024-07-01 申请延长 3个月，晚于规定的申请期限（逾期申请）'],
  },
  { name: 'a request in time does not fire', facts: facts({ requests: [{ status: 'pending', months: 3, days: 0, requestedOn: '2024-06-01', decidedOn: null, late: false }] }), expect: [] },
  {
    // 2024-02-01 → 2024-08-31: 29 + 31 + 30 + 31 + 30 + 31 + 30 = 212 days against a limit of 182.
    name: 'deductions of 212 days against a limit of 182',
    facts: facts({ events: [{ kind: '鉴定', fromOn: '2024-02-01', toOn: '2024-08-31' }] }),
    expect: ['deductions_exceed_limit:扣除期间合计 212天，超过法定审限 6个月（182天）'],
  },
  // 2024-02-01 → 2024-08-01: 182 days, equal to the limit.
  { name: 'deductions equal to the limit do not fire', facts: facts({ events: [{ kind: '鉴定', fromOn: '2024-02-01', toOn: '2024-08-01' }] }), expect: [] },
  {
    name: 'a closed case has no findings',
    facts: facts({ closedOn: '2024-12-01', events: [{ kind: '鉴定', fromOn: '2024-02-01', toOn: '2024-08-31' }], requests: [approved('2024-07-15', 6)] }), expect: [],
  },
];

describe('hidden-overdue rules', () => {
  for (const r of rows) {
    it(r.name, () => {
      const found = hiddenOverdueFindings(r.facts, r.today ?? TODAY, { openPeriodDays: r.openPeriodDays ?? 60 });
      expect(found.map((f) => `${f.rule}:${f.text}`)).toEqual(r.expect);
    });
  }

  it('names several findings of one case in rule order', () => {
    const f = facts({
      events: [{ kind: '鉴定', fromOn: '2024-02-01', toOn: null }],
      requests: [{ status: 'approved', months: 6, days: 0, requestedOn: '2024-03-01', decidedOn: '2024-03-05', late: true }],
    });
    // Open 鉴定 2024-02-01 → 2024-12-31: 334 days, more than the 182-day limit too.
    expect(hiddenOverdueFindings(f, TODAY, { openPeriodDays: 60 }).map((x) => x.rule)).toEqual(['open_period', 'late_request', 'deductions_exceed_limit']);
  });

  it('counts idle days from the date of the latest record', () => {
    expect(idleDays('2024-11-30T08:00:00.000Z', TODAY)).toBe(31);
  });
});
