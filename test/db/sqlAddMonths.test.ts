// The month rule in SQL (clamped addMonths, for the triggers of migration 12 and the stock days) against calendar.addMonths, on a real SQLite.
import { afterAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { addMonths, addDays } from '../../shared/dates/calendar';
import { sqlAddMonths } from '../../electron/core/indicators/stockDays';
import { addMonthsSql } from '../../electron/core/db/migrations/0012-tallies';

const db = new BetterSqlite3(':memory:');
afterAll(() => db.close());

const CASES: Array<[string, number, string]> = [
  ['2025-01-31', 1, '2025-02-28'],
  ['2024-01-31', 1, '2024-02-29'],
  ['2024-02-29', 12, '2025-02-28'],
  ['2024-02-29', 48, '2028-02-29'],
  ['2023-08-31', 6, '2024-02-29'],
  ['2023-10-31', 3, '2024-01-31'],
  ['2024-11-30', 3, '2025-02-28'],
  ['2024-12-31', 18, '2026-06-30'],
  ['2024-12-15', 36, '2027-12-15'],
  ['2024-03-31', 6, '2024-09-30'],
  ['2024-05-31', 12, '2025-05-31'],
  ['2025-12-01', 1, '2026-01-01'],
];

describe.each([['live (stockDays.sqlAddMonths)', sqlAddMonths], ['migration 12 (its literal copy)', addMonthsSql]] as const)('%s', (_name, sql) => {
  it.each(CASES)('%s + %i months = %s', (date, k, expected) => {
    expect(addMonths(date, k)).toBe(expected);
    expect(db.prepare(`SELECT ${sql('@d', k)}`).pluck().get({ d: date })).toBe(expected);
  });

  it('equals calendar.addMonths for every day of 2023 to 2025 and every age bound', () => {
    const days: string[] = [];
    for (let d = '2023-01-01'; d <= '2025-12-31'; d = addDays(d, 1)) days.push(d);
    for (const k of [3, 6, 12, 18, 36]) {
      const got = db.prepare(`SELECT ${sql('value', k)} FROM json_each(?)`).pluck().all(JSON.stringify(days));
      expect(got).toEqual(days.map((d) => addMonths(d, k)));
    }
  });
});
