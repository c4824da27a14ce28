// The one rule for cells of files the app writes for spreadsheets (shared/spreadsheet/cells.ts), table by table, and the audit export that uses it.
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, isPlainNumber, looksLikeFormula, neutralizeFormula, restoreNeutralized } from '../../shared/spreadsheet/cells';
import { auditCsv } from '../../renderer/src/features/audit/csv';
import { buildCsv } from '../../renderer/src/lib/csv';

describe('neutralizeFormula', () => {
  it.each<[string, string]>([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1+cmd|x', "'+1+cmd|x"],
    ['-2+3', "'-2+3"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['＝HYPERLINK("x")', "'＝HYPERLINK(\"x\")"],
    ['－3', "'－3"],
    ['张三', '张三'],
    ['某某有限公司=分公司', '某某有限公司=分公司'],
    [' =1', ' =1'],
    ['', ''],
    ["'already", "'already"],
  ])('%j → %j', (text, expected) => {
    expect(neutralizeFormula(text)).toBe(expected);
    expect(looksLikeFormula(text)).toBe(expected !== text);
    // Reading back what was written gives the original.
    expect(restoreNeutralized(neutralizeFormula(text))).toBe(text);
  });
});

describe('csvCell', () => {
  it.each<[string | number | boolean | null | undefined, 'text' | 'number', string]>([
    ['plain', 'text', 'plain'],
    ['a,b', 'text', '"a,b"'],
    ['say "hi"', 'text', '"say ""hi"""'],
    ['two\nlines', 'text', '"two\nlines"'],
    [' padded ', 'text', '" padded "'],
    [null, 'text', ''],
    [undefined, 'text', ''],
    [42, 'text', '42'],
    // A number is a number whatever the column: -5 is not a formula.
    [-5, 'text', '-5'],
    [-1234.5, 'number', '-1234.5'],
    // Text that is a plain number stays a number only where the column holds numbers.
    ['-5', 'number', '-5'],
    ['-1,234.50', 'number', '"-1,234.50"'],
    ['-5', 'text', "'-5"],
    ['-2+3', 'number', "'-2+3"],
    ['=1+1', 'number', "'=1+1"],
    ["=cmd|' /C calc'!A0", 'text', "'=cmd|' /C calc'!A0"],
    ['=HYPERLINK("http://x","点我")', 'text', '"\'=HYPERLINK(""http://x"",""点我"")"'],
    ['@x', 'text', "'@x"],
    ['\t=1', 'text', "'\t=1"],
    ['\r=1', 'text', '"\'\r=1"'],
    [true, 'text', 'true'],
  ])('%j (%s) → %j', (value, kind, expected) => {
    expect(csvCell(value, kind)).toBe(expected);
  });

  it('plain numbers', () => {
    for (const s of ['0', '-5', '+3', '1234.50', '1,234.50', '-0.5']) expect(isPlainNumber(s), s).toBe(true);
    for (const s of ['', '-', '1e5', '-2+3', '1,23', '12a', '.5', '--1']) expect(isPlainNumber(s), s).toBe(false);
  });

  it('writes a line with each column of its kind', () => {
    expect(csvLine(['=1', '-5', -5, null], ['text', 'number', 'text', 'text'])).toBe("'=1,-5,-5,");
  });
});

describe('the audit export', () => {
  it('marks names and keys that start like a formula, and keeps the entry number a number', () => {
    const csv = auditCsv([
      {
        id: 7, at: '2024-05-01T02:00:00.000Z', actor: "=cmd|' /C calc'!A0", action: 'case.update', entity: 'case',
        entityKey: '@SUM(A1)', before: null, after: '{"plaintiffs":["-2+3"]}', contentHidden: false,
      },
      { id: -1, at: '2024-05-01T02:00:00.000Z', actor: '\t=1', action: 'import', entity: 'file', entityKey: '+cases.csv', before: null, after: null, contentHidden: false },
    ]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toMatch(/^7,[^,]+,'=cmd\|' \/C calc'!A0,[^,]+,case\.update,[^,]+,'@SUM\(A1\),,"\{""plaintiffs"":\[""-2\+3""\]\}"$/);
    expect(lines[2]).toMatch(/^-1,[^,]+,'\t=1,[^,]+,import,[^,]+,'\+cases\.csv,,$/);
  });

  it('buildCsv writes header and rows through the same rule', () => {
    expect(buildCsv(['=标题'], [['-5'], [-5]], ['number'])).toBe("\uFEFF'=标题\r\n-5\r\n-5\r\n");
  });
});
