// "Open more than N months" through the database at month ends: the exact boundary day, Jan 31, Feb 28/29.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { IndicatorQueries } from '../../electron/core/indicators/indicatorQueries';

const TODAY = '2025-06-30';
// Filing days around the month ends of 2024 (a leap year), all still open.
const FILED = ['2024-01-30', '2024-01-31', '2024-02-27', '2024-02-28', '2024-02-29', '2024-03-31'];
let t: ReturnType<typeof freshCourtDb>;
let q: IndicatorQueries;

beforeAll(() => {
  t = freshCourtDb();
  t.put(FILED.map((filedOn, i) => record({ caseNumber: `（2024）辽0421民初${i + 1}号`, filedOn })), TODAY);
  q = new IndicatorQueries(t.db);
});
afterAll(() => t.close());

const at = (to: string) => q.compute({ from: to, to }, { kind: 'all' }).total;

describe('longPending12 by the month rule (filedOn + 12 months < to)', () => {
  it.each([
    // 2024-01-30 + 12 = 2025-01-30 < 01-31; 2024-01-31 + 12 = 2025-01-31, not before: the boundary day is not "more than".
    ['2025-01-30', 0],
    ['2025-01-31', 1],
    ['2025-02-01', 2],
    // 2024-02-27 + 12 = 2025-02-27 < 02-28; 02-28 and 02-29 both reach 2025-02-28 (no 29th in 2025): not yet.
    ['2025-02-28', 3],
    // On 03-01 both have passed; 2024-03-31 + 12 = 2025-03-31.
    ['2025-03-01', 5],
    ['2025-03-31', 5],
    ['2025-04-01', 6],
  ])('at %s: %i', (to, n) => {
    const v = at(to);
    expect(v.longPending12.value).toBe(n);
    expect(v.pendingAge.buckets['12–18']).toBe(n);
    expect(v.longPending12Ratio).toEqual({ value: Math.round((n / 6) * 1000) / 10, numerator: n, denominator: 6 });
  });

  it('the same rule for 3 months at a month end: 2025-01-31 − 3 months lands on 2024-10-31', () => {
    // At 2024-04-30: 01-30 + 3 = 04-30 and 01-31 + 3 = 04-30 (clamped), neither before `to`: none past 3 months.
    expect(at('2024-04-30').pendingAge.buckets).toEqual({ '≤3': 6, '3–6': 0, '6–12': 0, '12–18': 0, '18–36': 0, '>36': 0 });
    // At 2024-05-01 both January cases are past 3 months; at 2024-05-28 so is 02-27 (+3 = 05-27).
    expect(at('2024-05-01').pendingAge.buckets['3–6']).toBe(2);
    expect(at('2024-05-28').pendingAge.buckets['3–6']).toBe(3);
  });
});
