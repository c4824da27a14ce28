// The generator arranges the demonstration accounts' docket: one trial division's judge, head and assistant, the
// judge with open cases due within 7, 15 and 30 days and overdue, whatever the seed and "today".
import { describe, expect, it } from 'vitest';
import { generateCourt } from '../../electron/core/generator/generate';
import type { GeneratedCase, GeneratorOptions } from '../../electron/core/generator/types';
import { parseCaseNumber } from '../../shared/cases/caseNumber';
import { computeDeadline } from '../../shared/deadlines/engine';
import { addDays } from '../../shared/dates/calendar';

function typeOf(c: GeneratedCase): string {
  const p = parseCaseNumber(c.record.caseNumber);
  if (!p.ok) throw new Error(p.error);
  return p.value.typeCode;
}

/** Days remaining of the judge's open cases whose clock runs today (neither suspended nor paused). */
function runningRemaining(options: GeneratorOptions): { judge: string; remaining: number[] } {
  const court = generateCourt(options);
  const judge = court.demoAccounts.judge!;
  const remaining: number[] = [];
  for (const c of court.cases) {
    if (c.record.judge !== judge || c.record.closedOn !== null) continue;
    const d = computeDeadline({
      typeCode: typeOf(c), procedure: c.record.procedure, limitVariant: c.record.limitVariant, filedOn: c.record.filedOn,
      closedOn: null, events: c.events, extensions: c.extensions, importedDeductedDays: 0, importedExtendedDays: 0,
    }, options.today, false);
    if (d.status === 'in_time' || d.status === 'overdue') remaining.push(d.daysRemaining!);
  }
  return { judge, remaining };
}

function coversEveryWarning(remaining: number[]): boolean {
  return remaining.some((d) => d >= 0 && d <= 7) && remaining.some((d) => d > 7 && d <= 15)
    && remaining.some((d) => d > 15 && d <= 30) && remaining.some((d) => d < 0);
}

describe('the demonstration accounts', () => {
  it('are a trial division\'s plain judge, its head and one of its assistants', () => {
    for (const seed of [1, 2, 3, 20240601]) {
      const court = generateCourt({ courtCode: '辽0421', cases: 0, seed, today: '2026-03-10' });
      const person = (name: string | undefined) => court.staff.find((s) => s.name === name);
      const judge = person(court.demoAccounts.judge);
      const head = person(court.demoAccounts.division_head);
      const assistant = person(court.demoAccounts.assistant);
      expect(judge?.roles).toEqual(['judge']);
      expect(head?.roles).toEqual(['judge', 'division_head']);
      expect(assistant?.roles).toEqual(['assistant']);
      expect(court.divisions.find((d) => d.name === judge!.division)?.kind).toBe('division');
      expect(head!.division).toBe(judge!.division);
      expect(assistant!.division).toBe(judge!.division);
    }
  });
});

describe("the demonstration judge's docket", () => {
  // Every fortnight or so over four years, leap days, year ends and the holiday weeks among them, each with its seed.
  const combos: Array<[number, string]> = [];
  for (let i = 0; i < 120; i++) combos.push([1 + ((i * 7919) % 100_000), addDays('2024-01-01', (i * 37) % 1461)]);
  combos.push([1, '2024-02-29'], [5, '2025-10-08'], [9, '2026-01-01'], [11, '2026-12-31'], [13, '2027-02-10']);

  it('has open cases due within 7, 15 and 30 days and overdue, for any seed and any today', () => {
    const missing = combos
      .map(([seed, today]) => ({ seed, today, ...runningRemaining({ courtCode: '辽0421', cases: 5000, seed, today }) }))
      .filter((r) => !coversEveryWarning(r.remaining))
      .map((r) => `seed ${r.seed}, today ${r.today}: ${r.remaining.join(' ')}`);
    expect(missing).toEqual([]);
  });

  it('has them in a smaller court too, and in a larger one', () => {
    for (const cases of [1000, 20_000]) {
      for (const [seed, today] of [[3, '2025-06-30'], [4, '2026-10-01']] as const) {
        expect(coversEveryWarning(runningRemaining({ courtCode: '辽0421', cases, seed, today }).remaining), `${cases} ${seed} ${today}`).toBe(true);
      }
    }
  });

  it('is the same for the same seed and today', () => {
    const options = { courtCode: '辽0421', cases: 5000, seed: 77, today: '2026-05-20' };
    expect(runningRemaining(options)).toEqual(runningRemaining(options));
  });
});
