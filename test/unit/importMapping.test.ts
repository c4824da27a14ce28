// The column matching of the import screen, table-driven: names, aliases, a person's mapping, columns left out, the
// key a mapping is remembered under, and a mapping kept to what a file can use; and validation reading with it.
import { describe, expect, it } from 'vitest';
import { headerSetKey, mappingForFile, matchColumns, unknownHeaders, type ColumnMapping } from '../../shared/cases/importMapping';
import { validateImportRows } from '../../shared/cases/importColumns';

describe('matchColumns', () => {
  it.each<[string, unknown[], ColumnMapping, Array<[string, string | null, string, string | null]>]>([
    ['names and aliases', ['案号', '承办人', ' 立案日期 '], {}, [['案号', 'caseNumber', 'exact', null], ['承办人', 'judge', 'alias', null], ['立案日期', 'filedOn', 'exact', null]]],
    ['an unknown header, with the column it most likely means', ['标的额(元)'], {}, [['标的额(元)', null, 'unknown', 'claimAmount']]],
    ['mapped by hand', ['收案时间'], { 收案时间: 'filedOn' }, [['收案时间', 'filedOn', 'mapped', null]]],
    ['left out on purpose', ['备注'], { 备注: null }, [['备注', null, 'ignored', null]]],
    ['a known header is never remapped', ['案号'], { 案号: 'cause' }, [['案号', 'caseNumber', 'exact', null]]],
    ['empty headers are no columns', ['', null, '案由'], {}, [['案由', 'cause', 'exact', null]]],
  ])('%s', (_name, headers, mapping, want) => {
    expect(matchColumns(headers, mapping).map((c) => [c.header, c.field, c.how, c.suggestion])).toEqual(want);
  });

  it('keeps the file column of each header', () => {
    expect(matchColumns(['', '案号', '', '备注']).map((c) => c.index)).toEqual([1, 3]);
  });
});

describe('what a mapping is remembered under', () => {
  it.each<[string, unknown[], unknown[], boolean]>([
    ['the same headers in another order', ['案号', '收案时间', '承办法官'], ['承办法官', '案号', '收案时间'], true],
    ['a repeated or padded header', ['案号', '收案时间'], ['案号', ' 收案时间', '收案时间'], true],
    ['another unknown header', ['案号', '收案时间'], ['案号', '收案日子'], false],
    ['one more known header', ['案号', '收案时间'], ['案号', '收案时间', '案由'], false],
  ])('%s', (_name, a, b, same) => {
    expect(headerSetKey(a) === headerSetKey(b)).toBe(same);
  });

  it('is nothing when every header is known', () => {
    expect(headerSetKey(['案号', '案由', '承办人'])).toBeNull();
    expect(unknownHeaders(['案号', '备注', '备注', '收案时间'])).toEqual(['备注', '收案时间']);
  });

  it('keeps a remembered mapping to the unknown headers a file has, and to real columns', () => {
    const stored = { 收案时间: 'filedOn', 备注: null, 案号: 'cause', 已删除的列: 'judge', 坏的: 'notAField' } as unknown as ColumnMapping;
    expect(mappingForFile(['案号', '收案时间', '备注', '坏的'], stored)).toEqual({ 收案时间: 'filedOn', 备注: null });
  });
});

describe('validation with a mapping', () => {
  const table = {
    headers: ['案号', '案由', '收案时间', '承办部门', '承办法官', '备注'],
    rows: [{ rowNumber: 2, cells: ['（2025）辽0421民初1号', '离婚纠纷', '2025-01-05', '民一庭', '王法官', '无'] }],
  };
  const ctx = { courtCode: '辽0421', today: '2025-06-30' };

  it('without one: the required column is missing and the unknown ones are named', () => {
    const v = validateImportRows(table, ctx);
    expect(v.errors.map((e) => e.message)).toEqual([expect.stringContaining('缺少必填列“立案日期”')]);
    expect(v.unknownColumns).toEqual(['收案时间', '备注']);
  });

  it('with one: the mapped column is read, under its own name in messages, and the one left out is not warned about', () => {
    const v = validateImportRows(table, { ...ctx, mapping: { 收案时间: 'filedOn', 备注: null } });
    expect(v.errors).toEqual([]);
    expect(v.rows.map((r) => r.record.filedOn)).toEqual(['2025-01-05']);
    expect(v.warnings).toEqual([]);
    const bad = validateImportRows({ ...table, rows: [{ rowNumber: 2, cells: ['（2025）辽0421民初1号', '离婚纠纷', '2025-02-30', '民一庭', '王法官', ''] }] }, { ...ctx, mapping: { 收案时间: 'filedOn' } });
    expect(bad.errors).toEqual([{ row: 2, column: '收案时间', message: expect.stringMatching(/^第2行“收案时间”/) }]);
  });

  it('a mapping onto a column the file already has is the duplicate the file would be', () => {
    const v = validateImportRows({ ...table, headers: ['案号', '案由', '立案日期', '承办部门', '承办法官', '收案时间'] }, { ...ctx, mapping: { 收案时间: 'filedOn' } });
    expect(v.errors.map((e) => e.message)).toEqual(['表头“立案日期”和“收案时间”是同一列，只能保留一个（第3列和第6列）']);
  });
});
