// Every call's arguments, across the whole contract: unknown keys refused, every date a real calendar day.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API, API_METHODS } from '../../shared/api/contract';
import { auditListArgs } from '../../shared/audit/api';
import { auditFilterProblem, EMPTY_AUDIT_FILTERS } from '../../renderer/src/features/audit/store';
import { cleanSearch, normalizeFilters, toFilterArgs } from '../../renderer/src/features/cases/filters';
import { caseFilterSchema } from '../../shared/cases/api';

function shapeOf(method: string): Record<string, z.ZodType> | null {
  const args = API[method as keyof typeof API].args as z.ZodType;
  return args instanceof z.ZodObject ? (args.shape as Record<string, z.ZodType>) : null;
}

describe('the contract', () => {
  it.each(API_METHODS)('%s refuses a key it does not know', (method) => {
    const r = (API[method].args as z.ZodType).safeParse({ zzUnknownKey: 1 });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.code)).toContain('unrecognized_keys');
  });

  // A field that checks the shape of a date (accepts 2024-01-05, refuses "abc") must check that the day exists: a bare
  // pattern let 2024-02-30 through to the query (audit.list answered "Invalid time value"). A text of a date's length
  // that is no date tells a date from a text with a minimum length (a passphrase).
  const dateFields = API_METHODS.flatMap((m) => Object.entries(shapeOf(m) ?? {})
    .filter(([, f]) => f.safeParse('2024-01-05').success && !f.safeParse('abc').success && !f.safeParse('abcdefghij').success)
    .map(([key]) => [m, key] as const));

  it('finds the date fields (audit.list from/to, the deducted periods, resumptions)', () => {
    expect(dateFields).toEqual(expect.arrayContaining([
      ['audit.list', 'from'], ['audit.list', 'to'], ['cases.addEvent', 'fromOn'], ['cases.addEvent', 'toOn'], ['cases.resume', 'resumedOn'],
      ['indicators.compute', 'from'], ['indicators.compute', 'to'], ['indicators.cases', 'from'], ['indicators.cases', 'to'], ['reports.build', 'date'],
    ]));
  });

  it.each(dateFields)('%s.%s refuses days that do not exist, in Chinese', (method, key) => {
    for (const day of ['2024-02-30', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00']) {
      const r = shapeOf(method)![key].safeParse(day);
      expect(r.success, `${method}.${key} = ${day}`).toBe(false);
      expect(r.error!.issues[0].message).toBe('日期无效，应如 2024-01-05');
    }
    expect(shapeOf(method)![key].safeParse('2024-02-29').success).toBe(true);
  });

  // Every text field has a limit at the boundary (the import and the database CHECKs hold the same ones): a string of
  // 100,000 characters is refused by every field that takes a string at all, arrays included.
  const textFields = API_METHODS.flatMap((m) => Object.entries(shapeOf(m) ?? {})
    .filter(([, f]) => f.safeParse('甲').success || f.safeParse(['甲']).success)
    .map(([key]) => [m, key] as const));

  it('finds the text fields', () => {
    expect(textFields.length).toBeGreaterThan(15);
    expect(textFields).toEqual(expect.arrayContaining([['users.add', 'name'], ['cases.list', 'search'], ['cases.addEvent', 'note'], ['auth.setup', 'courtName']]));
    expect(textFields).toEqual(expect.arrayContaining([['indicators.compute', 'division'], ['indicators.compute', 'judge'], ['indicators.compute', 'stage'], ['indicators.compute', 'cause'], ['indicators.cases', 'judge'], ['indicators.cases', 'cause'], ['indicators.importRanges', 'fileName']]));
    expect(textFields).toEqual(expect.arrayContaining([['exchange.courtCases', 'courtCode'], ['exchange.courtExtensions', 'courtCode']]));
    expect(textFields).toEqual(expect.arrayContaining([['ledger.addWeakPoint', 'text'], ['ledger.addMeasure', 'text'], ['ledger.addMeasure', 'leader'], ['ledger.addMeasure', 'owner'], ['ledger.addMeasure', 'division'], ['ledger.progress', 'text']]));
  });

  it.each(textFields)('%s.%s refuses 100,000 characters', (method, key) => {
    const field = shapeOf(method)![key];
    const long = '甲'.repeat(100_000);
    expect(field.safeParse(long).success, `${method}.${key}`).toBe(false);
    expect(field.safeParse([long]).success, `${method}.${key} as a list`).toBe(false);
    expect(field.safeParse(Array.from({ length: 100_000 }, () => '甲')).success, `${method}.${key}, 100,000 items`).toBe(false);
  });

  it('audit.list refuses 2024-02-30 as from and as to', () => {
    expect(auditListArgs.safeParse({ from: '2024-02-30' }).success).toBe(false);
    expect(auditListArgs.safeParse({ to: '2024-02-30' }).success).toBe(false);
  });
});

describe('the audit filter of the window', () => {
  it('says a day that does not exist does not exist, before asking the core', () => {
    expect(auditFilterProblem({ ...EMPTY_AUDIT_FILTERS, from: '2024-02-30' })).toBe('起始日期 2024-02-30 不存在');
    expect(auditFilterProblem({ ...EMPTY_AUDIT_FILTERS, to: '2023-02-29' })).toBe('结束日期 2023-02-29 不存在');
    expect(auditFilterProblem({ ...EMPTY_AUDIT_FILTERS, from: '2024-02-29', to: '2024-03-01' })).toBeNull();
  });
});

describe('the search box of the window', () => {
  it('drops control characters the core would refuse, so a pasted NUL searches for the visible text', () => {
    expect(cleanSearch('张三\u0000丰')).toBe('张三 丰');
    expect(cleanSearch('\u001b[31m')).toBe('[31m');
    const args = toFilterArgs(normalizeFilters({ search: '\u0000张三\u007f' }));
    expect(args.search).toBe('张三');
    expect(caseFilterSchema.safeParse(args).success).toBe(true);
  });
});
