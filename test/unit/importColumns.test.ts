// The import column rules of docs/import-columns.md, table by table: headers, case numbers, dates, procedures, amounts, flags.
import { describe, expect, it } from 'vitest';
import {
  IMPORT_COLUMNS,
  cellText,
  normalizeCell,
  validateImportRows,
  type ImportValidation,
} from '../../shared/cases/importColumns';
import type { CaseRecord } from '../../shared/cases/types';

const CTX = { courtCode: '辽0421', today: '2024-12-31' };
const CN = '（2024）辽0421民初1号';
const BASE: Record<string, unknown> = {
  案号: CN,
  案由: '民间借贷纠纷',
  立案日期: '2024-01-05',
  承办部门: '民一庭',
  承办法官: '张三',
};

/** Validates rows given as header → value maps; headers are the union of keys, in first-seen order. */
function validate(rows: Array<Record<string, unknown>>, headers?: string[]): ImportValidation {
  const hs = headers ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return validateImportRows(
    { headers: hs, rows: rows.map((r, i) => ({ rowNumber: i + 2, cells: hs.map((h) => r[h]) })) },
    CTX,
  );
}

/** One row: the base row with some columns replaced (undefined removes nothing; use '' for empty). */
function one(over: Record<string, unknown>, headers?: string[]): ImportValidation {
  return validate([{ ...BASE, ...over }], headers);
}

function record(over: Record<string, unknown>): CaseRecord {
  const v = one(over);
  expect(v.errors).toEqual([]);
  expect(v.rows).toHaveLength(1);
  return v.rows[0].record;
}

function errorsOf(over: Record<string, unknown>): string[] {
  const v = one(over);
  expect(v.rows).toHaveLength(0);
  return v.errors.map((e) => e.message);
}

describe('the column table', () => {
  it('lists the 20 import columns in order, with their aliases and required flags', () => {
    expect(IMPORT_COLUMNS.map((c) => c.header)).toEqual([
      '案号', '案由', '审判程序', '立案日期', '承办部门', '承办法官', '结案日期', '结案方式', '标的额（元）', '原告', '被告',
      '扣除审限天数', '延长审限天数', '是否上诉', '二审结果', '原审案号', '申请执行标的额（元）', '执行到位金额（元）',
      '是否阅核', '是否检索类案',
    ]);
    expect(IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.field)).toEqual([
      'caseNumber', 'cause', 'filedOn', 'division', 'judge',
    ]);
    const aliases = Object.fromEntries(IMPORT_COLUMNS.filter((c) => c.aliases.length).map((c) => [c.header, c.aliases]));
    expect(aliases).toEqual({
      审判程序: ['适用程序'], 立案日期: ['收案日期'], 承办部门: ['承办庭室'], 承办法官: ['承办人'],
      '标的额（元）': ['标的额'], 原告: ['申请人'], 被告: ['被申请人'], 原审案号: ['关联案号'],
    });
  });
});

describe('a complete row', () => {
  it('becomes a case record with every field, limitVariant null', () => {
    const r = record({
      审判程序: '简易程序', 结案日期: '2024-03-01', 结案方式: '调解', '标的额（元）': '1,234.50', 原告: '王某、李某', 被告: '某公司',
      扣除审限天数: '10', 延长审限天数: 0, 是否上诉: '是', 二审结果: '维持', 原审案号: '(2023)辽04民终5号',
      '申请执行标的额（元）': '100', '执行到位金额（元）': 50.5, 是否阅核: '否', 是否检索类案: 1,
    });
    expect(r).toEqual({
      caseNumber: CN, cause: '民间借贷纠纷', procedure: '简易程序', limitVariant: null, filedOn: '2024-01-05',
      division: '民一庭', judge: '张三', closedOn: '2024-03-01', closingMethod: '调解', claimAmount: 1234.5,
      plaintiffs: ['王某', '李某'], defendants: ['某公司'], deductedDays: 10, extendedDays: 0, appealed: true,
      appealOutcome: '维持', originCaseNumber: '（2023）辽04民终5号', enforcementClaim: 100, enforcementRecovered: 50.5,
      reviewed: false, precedentSearched: true,
    } satisfies CaseRecord);
  });

  it('leaves optional columns absent from the file as empty values', () => {
    expect(record({})).toEqual({
      caseNumber: CN, cause: '民间借贷纠纷', procedure: '普通程序', limitVariant: null, filedOn: '2024-01-05',
      division: '民一庭', judge: '张三', closedOn: null, closingMethod: null, claimAmount: null, plaintiffs: [], defendants: [],
      deductedDays: 0, extendedDays: 0, appealed: null, appealOutcome: null, originCaseNumber: null,
      enforcementClaim: null, enforcementRecovered: null, reviewed: null, precedentSearched: null,
    });
  });

  it('keeps the spreadsheet row numbers it was given', () => {
    const v = validateImportRows(
      { headers: Object.keys(BASE), rows: [{ rowNumber: 7, cells: Object.values(BASE) }] },
      CTX,
    );
    expect(v.rows[0].row).toBe(7);
  });

  it('refuses a malformed today, which is a programming error', () => {
    expect(() => validateImportRows({ headers: [], rows: [] }, { courtCode: '辽0421', today: '2024-13-01' })).toThrow(RangeError);
  });
});

describe('headers', () => {
  it('match after trimming, in any order', () => {
    const headers = ['  承办法官 ', '立案日期\t', '案号', '承办部门', ' 案由'];
    const v = validateImportRows(
      { headers, rows: [{ rowNumber: 2, cells: ['张三', '2024-01-05', CN, '民一庭', '民间借贷纠纷'] }] },
      CTX,
    );
    expect(v.errors).toEqual([]);
    expect(v.rows[0].record).toMatchObject({ caseNumber: CN, judge: '张三', division: '民一庭', filedOn: '2024-01-05' });
  });

  it.each([
    ['适用程序', 'procedure', '简易程序', '简易程序'],
    ['收案日期', 'filedOn', '2024-02-01', '2024-02-01'],
    ['承办庭室', 'division', '民二庭', '民二庭'],
    ['承办人', 'judge', '李四', '李四'],
    ['标的额', 'claimAmount', '100', 100],
    ['申请人', 'plaintiffs', '甲、乙', ['甲', '乙']],
    ['被申请人', 'defendants', '丙', ['丙']],
    ['关联案号', 'originCaseNumber', '（2023）辽0421民初9号', '（2023）辽0421民初9号'],
  ])('accepts the alias %s for %s', (alias, field, value, expected) => {
    const canonical = IMPORT_COLUMNS.find((c) => c.field === field)!.header;
    const row = { ...BASE, [alias]: value };
    delete row[canonical];
    const v = validate([row]);
    expect(v.errors).toEqual([]);
    expect(v.rows[0].record[field as keyof CaseRecord]).toEqual(expected);
  });

  it('reports each missing required column once, at file level, and validates no row', () => {
    const v = validate([{ 案号: CN, 案由: '借贷', 承办部门: '民一庭' }]);
    expect(v.rows).toEqual([]);
    expect(v.errors).toEqual([
      { row: null, column: '立案日期', message: '缺少必填列“立案日期”（也可用“收案日期”）' },
      { row: null, column: '承办法官', message: '缺少必填列“承办法官”（也可用“承办人”）' },
    ]);
  });

  it('refuses a repeated header, and a header together with its alias', () => {
    const dup = validateImportRows(
      { headers: [...Object.keys(BASE), '案由'], rows: [{ rowNumber: 2, cells: [...Object.values(BASE), 'x'] }] },
      CTX,
    );
    expect(dup.rows).toEqual([]);
    expect(dup.errors).toEqual([{ row: null, column: '案由', message: '表头“案由”重复出现（第2列和第6列）' }]);

    const alias = validate([{ ...BASE, 承办人: '李四' }]);
    expect(alias.rows).toEqual([]);
    expect(alias.errors).toEqual([
      { row: null, column: '承办人', message: '表头“承办法官”和“承办人”是同一列，只能保留一个（第5列和第6列）' },
    ]);
  });

  it('reports unknown columns once, ignores them, and suggests the near miss', () => {
    const headers = [...Object.keys(BASE), '备注', '标的额(元)', '备注'];
    const v = validateImportRows(
      {
        headers,
        rows: [
          { rowNumber: 2, cells: [...Object.values(BASE), 'a', '100', 'b'] },
          { rowNumber: 3, cells: [...Object.values(BASE).map((x) => (x === CN ? '（2024）辽0421民初2号' : x)), 'c', '', 'd'] },
        ],
      },
      CTX,
    );
    expect(v.errors).toEqual([]);
    expect(v.rows).toHaveLength(2);
    expect(v.unknownColumns).toEqual(['备注', '标的额(元)']);
    expect(v.warnings).toEqual([
      { row: null, column: '备注', message: '未知列“备注”，已忽略' },
      { row: null, column: '标的额(元)', message: '未知列“标的额(元)”，已忽略；是否应为“标的额（元）”？' },
    ]);
    expect(v.rows[0].record.claimAmount).toBeNull();
  });

  it('warns once about data in a column without a header', () => {
    const headers = [...Object.keys(BASE), ''];
    const v = validateImportRows(
      {
        headers,
        rows: [
          { rowNumber: 2, cells: [...Object.values(BASE), '旁注', '更远'] },
          { rowNumber: 3, cells: [...Object.values(BASE).map((x) => (x === CN ? '（2024）辽0421民初2号' : x)), '旁注'] },
        ],
      },
      CTX,
    );
    expect(v.rows).toHaveLength(2);
    expect(v.warnings.map((w) => w.message)).toEqual([
      '第6列（F列）没有表头，其中的数据已忽略',
      '第7列（G列）没有表头，其中的数据已忽略',
    ]);
  });
});

describe('empty rows', () => {
  it('are skipped and counted, including rows with text only in ignored columns', () => {
    const headers = [...Object.keys(BASE), '备注'];
    const v = validateImportRows(
      {
        headers,
        rows: [
          { rowNumber: 2, cells: [] },
          { rowNumber: 3, cells: [...Object.values(BASE), null] },
          { rowNumber: 4, cells: ['', '  ', null, undefined, '\u3000'] },
          { rowNumber: 5, cells: ['', '', '', '', '', '合计'] },
          { rowNumber: 6, cells: [{ richText: [{ text: ' ' }] }, { formula: 'A1', result: '' }] },
        ],
      },
      CTX,
    );
    expect(v.errors).toEqual([]);
    expect(v.rows.map((r) => r.row)).toEqual([3]);
    expect(v.skippedEmpty).toBe(4);
  });

  it('a file of headers only has no rows and says so', () => {
    const v = validateImportRows({ headers: Object.keys(BASE), rows: [] }, CTX);
    expect(v).toEqual({
      rows: [], errors: [], unknownColumns: [], skippedEmpty: 0,
      warnings: [{ row: null, column: null, message: '文件中没有数据行' }],
    });
  });
});

describe('case numbers', () => {
  it.each([
    ['（2024）辽0421民初1号', CN],
    ['(2024)辽0421民初1号', CN],
    ['〔2024〕辽0421民初1号', CN],
    ['（２０２４）辽０４２１民初１号', CN],
    ['（2024）辽0421民初1号 ', CN],
    [' (2024) 辽0421 民初 1 号\u3000', CN],
    ['[2024]辽0421民初1号', CN],
    ['（2024）辽0421执保12号', '（2024）辽0421执保12号'],
    ['(2024)辽0421诉前调123456号', '（2024）辽0421诉前调123456号'],
  ])('%s is stored as %s', (input, canonical) => {
    expect(record({ 案号: input }).caseNumber).toBe(canonical);
  });

  it('refuses another court\u2019s case, naming both codes', () => {
    expect(errorsOf({ 案号: '(2024)辽0422民初1号' })).toEqual([
      '第2行“案号”：案号“（2024）辽0422民初1号”属于法院代码辽0422，本院代码为辽0421',
    ]);
    // The intermediate court's code is another court too.
    expect(errorsOf({ 案号: '（2024）辽04民终1号' })[0]).toContain('属于法院代码辽04，本院代码为辽0421');
  });

  it.each([
    ['2024辽0421民初1号', '格式不正确'],
    ['（2024）辽0421民初01号', '不能以0开头'],
    ['（2024）辽0421民初1234567号', '格式不正确'],
    ['', '不能为空'],
    [null, '不能为空'],
  ])('refuses %j', (input, reason) => {
    const errors = errorsOf({ 案号: input });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^第2行“案号”：/);
    expect(errors[0]).toContain(reason);
  });

  it('keeps an unknown type code with a warning', () => {
    const v = one({ 案号: '（2024）辽0421刑更3号' });
    expect(v.errors).toEqual([]);
    expect(v.rows[0].record.caseNumber).toBe('（2024）辽0421刑更3号');
    expect(v.rows[0].record.procedure).toBeNull();
    const expected = '第2行“案号”：案号“（2024）辽0421刑更3号”的类型代字“刑更”不是已知类型，已保留';
    expect(v.rows[0].warnings).toEqual([expected]);
    expect(v.warnings).toEqual([{ row: 2, column: '案号', message: expected }]);
  });

  it('refuses the same case twice in one file, typed two ways, on the later row', () => {
    const v = validate([{ ...BASE }, { ...BASE, 案由: '买卖合同纠纷' }, { ...BASE, 案号: '(2024)辽0421民初1号 ' }]);
    expect(v.rows.map((r) => r.row)).toEqual([2]);
    expect(v.errors).toEqual([
      { row: 3, column: '案号', message: '第3行“案号”：案号“（2024）辽0421民初1号”与第2行重复' },
      { row: 4, column: '案号', message: '第4行“案号”：案号“（2024）辽0421民初1号”与第2行重复' },
    ]);
  });

  it('warns when the filing year is not the case number\u2019s year', () => {
    const v = one({ 立案日期: '2023-12-29' });
    expect(v.rows[0].warnings).toEqual(['第2行“立案日期”：立案日期2023-12-29与案号年份2024不一致']);
  });
});

describe('dates', () => {
  it.each<[string, unknown]>([
    ['ISO', '2024-01-05'],
    ['ISO without zero padding', '2024-1-5'],
    ['slashes', '2024/1/5'],
    ['slashes, padded', '2024/01/05'],
    ['dots', '2024.1.5'],
    ['年月日', '2024年1月5日'],
    ['年月日, padded', '2024年01月05日'],
    ['full-width digits', '２０２４-０１-０５'],
    ['Excel serial number', 45296],
    ['Excel serial with a time of day', 45296.75],
    ['Excel serial as text', '45296'],
    ['a Date from exceljs (UTC midnight)', new Date(Date.UTC(2024, 0, 5))],
    ['a formula with a Date result', { formula: 'DATE(2024,1,5)', result: new Date(Date.UTC(2024, 0, 5)) }],
    ['a rich-text cell', { richText: [{ text: '2024年' }, { text: '1月5日' }] }],
  ])('accepts %s', (_, value) => {
    expect(record({ 立案日期: value }).filedOn).toBe('2024-01-05');
  });

  it('reads 45292 as 2024-01-01 and the 1900 leap-year bug correctly', () => {
    expect(record({ 立案日期: '45292' }).filedOn).toBe('2024-01-01');
    expect(record({ 立案日期: 45351 }).filedOn).toBe('2024-02-29');
  });

  it.each<[unknown, string]>([
    ['2024-13-01', '第2行“立案日期”：日期“2024-13-01”无效，应如 2024-01-05'],
    ['2023-02-29', '第2行“立案日期”：日期“2023-02-29”无效，应如 2024-01-05'],
    ['2024/4/31', '第2行“立案日期”：日期“2024/4/31”无效，应如 2024-01-05'],
    ['2024年2月30日', '第2行“立案日期”：日期“2024年2月30日”无效，应如 2024-01-05'],
    ['05/01/2024', '第2行“立案日期”：日期“05/01/2024”格式无法识别，应如 2024-01-05、2024/1/5、2024.1.5 或 2024年1月5日'],
    ['2024-01-05 10:30', '第2行“立案日期”：日期“2024-01-05 10:30”格式无法识别，应如 2024-01-05、2024/1/5、2024.1.5 或 2024年1月5日'],
    ['2024-1/5', '第2行“立案日期”：日期“2024-1/5”格式无法识别，应如 2024-01-05、2024/1/5、2024.1.5 或 2024年1月5日'],
    ['明天', '第2行“立案日期”：日期“明天”格式无法识别，应如 2024-01-05、2024/1/5、2024.1.5 或 2024年1月5日'],
    ['20240105', '第2行“立案日期”：日期“20240105”无效（作为 Excel 日期序列号也不是合理日期），应如 2024-01-05、2024/1/5、2024.1.5 或 2024年1月5日'],
    [5, '第2行“立案日期”：日期“5”无效（作为 Excel 日期序列号也不是合理日期），应如 2024-01-05、2024/1/5、2024.1.5 或 2024年1月5日'],
    ['1900-01-05', '第2行“立案日期”：日期“1900-01-05”早于1949年，应如 2024-01-05'],
    [true, '第2行“立案日期”：“是”不是日期，应如 2024-01-05、2024/1/5、2024.1.5 或 2024年1月5日'],
    [{ error: '#VALUE!' }, '第2行“立案日期”：单元格是错误值“#VALUE!”'],
    ['', '第2行“立案日期”：不能为空'],
  ])('refuses %j', (value, message) => {
    expect(errorsOf({ 立案日期: value })).toEqual([message]);
  });

  it('refuses a date after today, for filing and closing alike; today itself is fine', () => {
    expect(errorsOf({ 立案日期: '2025-01-01', 案号: '（2025）辽0421民初1号' })).toEqual([
      '第2行“立案日期”：日期2025-01-01晚于今天（2024-12-31），不能是将来的日期',
    ]);
    expect(errorsOf({ 结案日期: '2025/1/1', 结案方式: '判决' })).toEqual([
      '第2行“结案日期”：日期2025-01-01晚于今天（2024-12-31），不能是将来的日期',
    ]);
    expect(record({ 结案日期: '2024-12-31', 结案方式: '判决' }).closedOn).toBe('2024-12-31');
  });

  it('refuses a closing date before the filing date; the same day is fine', () => {
    expect(errorsOf({ 结案日期: '2024-01-04', 结案方式: '判决' })).toEqual([
      '第2行“结案日期”：结案日期2024-01-04早于立案日期2024-01-05',
    ]);
    expect(record({ 结案日期: '2024年1月5日', 结案方式: '撤诉' }).closedOn).toBe('2024-01-05');
  });
});

describe('审判程序', () => {
  it.each<[string, string, string | null]>([
    ['（2024）辽0421民初1号', '', '普通程序'],
    ['（2024）辽0421民初1号', '普通程序', '普通程序'],
    ['（2024）辽0421民初1号', '简易程序', '简易程序'],
    ['（2024）辽0421民初1号', '小额诉讼程序', '小额诉讼程序'],
    ['（2024）辽0421民初1号', '简易', '简易程序'],
    ['（2024）辽0421刑初1号', '', '普通程序'],
    ['（2024）辽0421刑初1号', '简易程序', '简易程序'],
    ['（2024）辽0421刑初1号', '速裁程序', '速裁程序'],
    ['（2024）辽0421刑初1号', '速裁', '速裁程序'],
    ['（2024）辽0421行初1号', '', '普通程序'],
    ['（2024）辽0421行初1号', '简易程序', '简易程序'],
    ['（2024）辽0421民终1号', '', null],
    ['（2024）辽0421执1号', '', null],
    ['（2024）辽0421民特1号', '', null],
  ])('%s with “%s” → %s', (caseNumber, procedure, expected) => {
    expect(record({ 案号: caseNumber, 审判程序: procedure }).procedure).toBe(expected);
  });

  it.each([
    ['（2024）辽0421民初1号', '速裁程序', '第2行“审判程序”：民初案件不适用“速裁程序”，应为普通程序、简易程序或小额诉讼程序'],
    ['（2024）辽0421刑初1号', '小额诉讼程序', '第2行“审判程序”：刑初案件不适用“小额诉讼程序”，应为普通程序、简易程序或速裁程序'],
    ['（2024）辽0421行初1号', '小额诉讼程序', '第2行“审判程序”：行初案件不适用“小额诉讼程序”，应为普通程序或简易程序'],
    ['（2024）辽0421民初1号', '特别程序', '第2行“审判程序”：“特别程序”无效，应为普通程序、简易程序、小额诉讼程序或速裁程序'],
  ])('%s refuses “%s”', (caseNumber, procedure, message) => {
    expect(errorsOf({ 案号: caseNumber, 审判程序: procedure })).toEqual([message]);
  });

  it('ignores a procedure given for a stage that has none, with a warning', () => {
    const v = one({ 案号: '（2024）辽0421民终1号', 审判程序: '简易程序' });
    expect(v.rows[0].record.procedure).toBeNull();
    expect(v.rows[0].warnings).toEqual(['第2行“审判程序”：民终案件不区分审判程序，“简易程序”已忽略']);
  });

  it('names the file\u2019s own header (the alias) in messages', () => {
    const row = { ...BASE, 适用程序: '速裁程序' };
    expect(validate([row]).errors[0]).toEqual({
      row: 2, column: '适用程序', message: '第2行“适用程序”：民初案件不适用“速裁程序”，应为普通程序、简易程序或小额诉讼程序',
    });
  });
});

describe('结案方式', () => {
  it.each(['判决', '调解', '撤诉', '驳回起诉', '裁定', '移送', '执行完毕', '终结本次执行', '其他'])('accepts %s', (method) => {
    expect(record({ 结案日期: '2024-02-01', 结案方式: method }).closingMethod).toBe(method);
  });

  it.each<[Record<string, unknown>, string[]]>([
    [{ 结案日期: '2024-02-01' }, ['第2行“结案方式”：已填写结案日期，结案方式不能为空']],
    [{ 结案日期: '2024-02-01', 结案方式: '' }, ['第2行“结案方式”：已填写结案日期，结案方式不能为空']],
    [{ 结案方式: '判决' }, ['第2行“结案方式”：填写了结案方式“判决”，但结案日期为空']],
    [{ 结案日期: '', 结案方式: '判决' }, ['第2行“结案方式”：填写了结案方式“判决”，但结案日期为空']],
    [
      { 结案日期: '2024-02-01', 结案方式: '和解' },
      ['第2行“结案方式”：“和解”无效，应为判决、调解、撤诉、驳回起诉、裁定、移送、执行完毕、终结本次执行或其他'],
    ],
  ])('%j', (over, messages) => {
    expect(errorsOf(over)).toEqual(messages);
  });
});

describe('amounts', () => {
  const columns = ['标的额（元）', '申请执行标的额（元）', '执行到位金额（元）'] as const;
  const fieldOf = { '标的额（元）': 'claimAmount', '申请执行标的额（元）': 'enforcementClaim', '执行到位金额（元）': 'enforcementRecovered' } as const;

  it.each<[unknown, number | null]>([
    ['1,234.50', 1234.5],
    ['1234.5', 1234.5],
    ['1,234,567', 1234567],
    ['１，２３４．５６', 1234.56],
    [' 100 ', 100],
    ['0', 0],
    ['1.50', 1.5],
    ['1.500', 1.5],
    [1234.56, 1234.56],
    [0.1 + 0.2, 0.3],
    [0, 0],
    ['', null],
    [null, null],
    [{ formula: 'B2*2', result: 200 }, 200],
  ])('%j → %j', (value, expected) => {
    for (const column of columns) expect(record({ [column]: value })[fieldOf[column]]).toBe(expected);
  });

  it.each<[unknown, string]>([
    ['-1', '金额“-1”不能为负数'],
    [-0.5, '金额“-0.5”不能为负数'],
    ['1.234', '金额“1.234”最多保留两位小数'],
    [1.234, '金额“1.234”最多保留两位小数'],
    ['-1.234', '金额“-1.234”不能为负数，最多保留两位小数'],
    ['12,34', '金额“12,34”不是有效数字，应如 1234.50 或 1,234.50（单位：元）'],
    ['一千元', '金额“一千元”不是有效数字，应如 1234.50 或 1,234.50（单位：元）'],
    ['¥100', '金额“¥100”不是有效数字，应如 1234.50 或 1,234.50（单位：元）'],
    ['1e5', '金额“1e5”不是有效数字，应如 1234.50 或 1,234.50（单位：元）'],
    [true, '金额“是”不是有效数字，应如 1234.50 或 1,234.50（单位：元）'],
    ['99999999999999', '金额“99999999999999”数额过大'],
  ])('refuses %j', (value, reason) => {
    for (const column of columns) expect(errorsOf({ [column]: value })).toEqual([`第2行“${column}”：${reason}`]);
  });
});

describe('party names', () => {
  it.each<[unknown, string[]]>([
    ['王某、李某;张某；赵某,钱某，孙某', ['王某', '李某', '张某', '赵某', '钱某', '孙某']],
    [' 王某 、 某某有限公司 ', ['王某', '某某有限公司']],
    ['王某、、；', ['王某']],
    ['、', []],
    ['', []],
    [{ richText: [{ text: '王某、' }, { text: '李某' }] }, ['王某', '李某']],
  ])('%j → %j', (value, names) => {
    const r = record({ 原告: value, 被告: value });
    expect(r.plaintiffs).toEqual(names);
    expect(r.defendants).toEqual(names);
  });
});

describe('deducted and extended days', () => {
  it.each<[unknown, number]>([
    ['', 0], [null, 0], ['5', 5], [5, 5], [5.0, 5], ['３０', 30], ['3650', 3650], [0, 0],
  ])('%j → %d', (value, days) => {
    const r = record({ 扣除审限天数: value, 延长审限天数: value });
    expect(r.deductedDays).toBe(days);
    expect(r.extendedDays).toBe(days);
  });

  it.each(['3651', -1, '-1', '1.5', 2.5, '五天', '5天'])('refuses %j', (value) => {
    const text = cellText(value);
    expect(errorsOf({ 扣除审限天数: value, 延长审限天数: value })).toEqual([
      `第2行“扣除审限天数”：“${text}”无效，应为0到3650之间的整数天数`,
      `第2行“延长审限天数”：“${text}”无效，应为0到3650之间的整数天数`,
    ]);
  });
});

describe('yes/no columns', () => {
  const columns = { 是否上诉: 'appealed', 是否阅核: 'reviewed', 是否检索类案: 'precedentSearched' } as const;

  it.each<[unknown, boolean | null]>([
    ['是', true], ['否', false], ['1', true], ['0', false], [1, true], [0, false], ['１', true],
    [true, true], [false, false], ['', null], [' 是 ', true],
  ])('%j → %j', (value, expected) => {
    for (const [column, field] of Object.entries(columns)) expect(record({ [column]: value })[field]).toBe(expected);
  });

  it.each(['Y', 'N', 'true', 'false', '是的', '2', 2, '有'])('refuses %j and says what is accepted', (value) => {
    for (const column of Object.keys(columns)) {
      expect(errorsOf({ [column]: value })).toEqual([
        `第2行“${column}”：“${cellText(value)}”无效，只接受“是”或“否”（也可填1或0）`,
      ]);
    }
  });
});

describe('二审结果 and 原审案号', () => {
  it.each(['维持', '改判', '发回重审', '撤回上诉', '调解', '其他'])('accepts 二审结果 %s', (outcome) => {
    expect(record({ 是否上诉: '是', 二审结果: outcome }).appealOutcome).toBe(outcome);
  });

  it('refuses an unknown outcome, and warns about an outcome without an appeal', () => {
    expect(errorsOf({ 二审结果: '部分改判' })).toEqual([
      '第2行“二审结果”：“部分改判”无效，应为维持、改判、发回重审、撤回上诉、调解或其他',
    ]);
    const v = one({ 是否上诉: '否', 二审结果: '维持' });
    expect(v.rows[0].record.appealOutcome).toBe('维持');
    expect(v.rows[0].warnings).toEqual(['第2行“二审结果”：是否上诉为“否”，却填写了二审结果“维持”']);
  });

  it.each([
    ['(2023)辽04民终5号', '（2023）辽04民终5号'],
    ['〔2023〕京0105民初８号 ', '（2023）京0105民初8号'],
    ['（2023）辽0421民初9号', '（2023）辽0421民初9号'],
  ])('canonicalises the origin case number %s of any court', (input, canonical) => {
    expect(record({ 原审案号: input }).originCaseNumber).toBe(canonical);
  });

  it('refuses an origin case number that is not one', () => {
    expect(errorsOf({ 原审案号: '一审第5号' })).toEqual([
      '第2行“原审案号”：案号“一审第5号”格式不正确，应如（2024）辽0421民初1234号',
    ]);
  });
});

describe('required text columns', () => {
  it.each([
    ['案由', 100],
    ['承办部门', 50],
    ['承办法官', 20],
  ])('%s: required, trimmed, at most %d characters', (column, max) => {
    expect(errorsOf({ [column]: '' })).toEqual([`第2行“${column}”：不能为空`]);
    expect(errorsOf({ [column]: ' \u3000 ' })).toEqual([`第2行“${column}”：不能为空`]);
    const field = IMPORT_COLUMNS.find((c) => c.header === column)!.field as keyof CaseRecord;
    expect(record({ [column]: ` ${'字'.repeat(max)} ` })[field]).toBe('字'.repeat(max));
    expect(errorsOf({ [column]: '字'.repeat(max + 1) })).toEqual([
      `第2行“${column}”：长度为${max + 1}个字，超过${max}个字的上限`,
    ]);
    // Characters outside the BMP count once.
    expect(record({ [column]: '𠀀'.repeat(max) })[field]).toBe('𠀀'.repeat(max));
  });
});

describe('cells of every shape', () => {
  it.each<[unknown, unknown]>([
    [null, null],
    [undefined, null],
    ['  x ', 'x'],
    ['   ', null],
    [3, 3],
    [Number.NaN, { cellError: '#NUM!' }],
    [true, true],
    [{ richText: [{ text: '民间' }, { text: '借贷' }] }, '民间借贷'],
    [{ formula: 'A1&B1', result: '借贷' }, '借贷'],
    [{ sharedFormula: 'A2', result: 7 }, 7],
    [{ formula: 'NOW()' }, null],
    [{ text: '链接文字', hyperlink: 'http://x' }, '链接文字'],
    [{ text: { richText: [{ text: '富' }, { text: '文本' }] }, hyperlink: 'http://x' }, '富文本'],
    [{ error: '#N/A' }, { cellError: '#N/A' }],
    [{ formula: '1/0', result: { error: '#DIV/0!' } }, { cellError: '#DIV/0!' }],
    [{ something: 1 }, { cellError: '无法识别的单元格内容' }],
  ])('%j normalises to %j', (input, expected) => {
    expect(normalizeCell(input)).toEqual(expected);
  });

  it('reads text columns from any cell shape', () => {
    const r = record({
      案由: { richText: [{ text: '民间' }, { font: { bold: true }, text: '借贷纠纷' }] },
      承办部门: { formula: 'X1', result: '民一庭' },
      承办法官: { text: '张三', hyperlink: 'mailto:z@x' },
    });
    expect(r).toMatchObject({ cause: '民间借贷纠纷', division: '民一庭', judge: '张三' });
  });

  it('refuses an error value in a text column', () => {
    expect(errorsOf({ 案由: { error: '#REF!' } })).toEqual(['第2行“案由”：单元格是错误值“#REF!”']);
    expect(errorsOf({ 案号: { error: '#N/A' } })).toEqual(['第2行“案号”：单元格是错误值“#N/A”']);
  });
});

describe('every problem of a row is reported, each naming its row and column', () => {
  it('collects all problems of one row', () => {
    const v = validate([
      { ...BASE },
      {
        案号: '（2024）辽0422民初7号', 案由: '', 立案日期: '2024-13-01', 承办部门: '民一庭', 承办法官: '张三',
        结案日期: '2024-02-01', '标的额（元）': '-5', 是否上诉: 'Y', 扣除审限天数: '1.5',
      },
    ]);
    expect(v.rows.map((r) => r.row)).toEqual([2]);
    expect(v.errors).toEqual([
      { row: 3, column: '案号', message: '第3行“案号”：案号“（2024）辽0422民初7号”属于法院代码辽0422，本院代码为辽0421' },
      { row: 3, column: '案由', message: '第3行“案由”：不能为空' },
      { row: 3, column: '立案日期', message: '第3行“立案日期”：日期“2024-13-01”无效，应如 2024-01-05' },
      { row: 3, column: '结案方式', message: '第3行“结案方式”：已填写结案日期，结案方式不能为空' },
      { row: 3, column: '标的额（元）', message: '第3行“标的额（元）”：金额“-5”不能为负数' },
      { row: 3, column: '扣除审限天数', message: '第3行“扣除审限天数”：“1.5”无效，应为0到3650之间的整数天数' },
      { row: 3, column: '是否上诉', message: '第3行“是否上诉”：“Y”无效，只接受“是”或“否”（也可填1或0）' },
    ]);
  });

  it('holds for a table of bad rows', () => {
    const bad: Array<Record<string, unknown>> = [
      { 案号: 'x' }, { 案由: '' }, { 立案日期: 'x' }, { 承办部门: '' }, { 承办法官: '' }, { 结案日期: 'x', 结案方式: '判决' },
      { 结案方式: 'x' }, { 审判程序: 'x' }, { '标的额（元）': 'x' }, { 扣除审限天数: 'x' }, { 延长审限天数: 'x' },
      { 是否上诉: 'x' }, { 二审结果: 'x' }, { 原审案号: 'x' }, { '申请执行标的额（元）': 'x' }, { '执行到位金额（元）': 'x' },
      { 是否阅核: 'x' }, { 是否检索类案: 'x' },
    ];
    const rows = bad.map((over, i) => ({ ...BASE, 案号: `（2024）辽0421民初${i + 1}号`, ...over }));
    const v = validate(rows);
    expect(v.rows).toEqual([]);
    const rowsWithErrors = new Set(v.errors.map((e) => e.row));
    expect(rowsWithErrors.size).toBe(bad.length);
    for (const e of v.errors) {
      expect(e.row).not.toBeNull();
      expect(e.column).not.toBeNull();
      expect(e.message.startsWith(`第${e.row}行“${e.column}”：`)).toBe(true);
      // The column named is the one whose value was bad.
      expect(Object.keys(bad[e.row! - 2])).toContain(e.column);
    }
  });
});

describe('text limits and look-alike names (hardening)', () => {
  it('refuses a party name longer than 100 characters and a side of more than 4,000', () => {
    expect(errorsOf({ 原告: `某${'甲'.repeat(100)}` })).toEqual(['第2行“原告”：长度为101个字，超过100个字的上限']);
    // The 200 MB name the tester imported, scaled down: refused with its size, nothing of it stored.
    expect(errorsOf({ 被告: '乙'.repeat(1_000_000) })).toEqual(['第2行“被告”：长度为1000000个字，超过100个字的上限']);
    const many = Array.from({ length: 90 }, (_, i) => `某某有限责任公司第${i}分公司${'某'.repeat(40)}`).join('、');
    expect(errorsOf({ 原告: many })[0]).toMatch(/^第2行“原告”：共90个名称、\d+个字，超过上限（200个名称、4000个字）$/);
  });

  it('refuses invisible and control characters in names, and stores one Unicode form', () => {
    expect(errorsOf({ 承办法官: '韩颖淑\u202e' })).toEqual(['第2行“承办法官”：含有不可见字符或控制字符（U+202E），请删除后重新输入']);
    expect(errorsOf({ 承办部门: '民一\u200b庭' })).toEqual(['第2行“承办部门”：含有不可见字符或控制字符（U+200B），请删除后重新输入']);
    expect(errorsOf({ 原告: '张三、李\u0000四' })).toEqual(['第2行“原告”：第2个名称含有不可见字符或控制字符（U+0000），请删除后重新输入']);
    expect(record({ 承办法官: 'Jose\u0301', 原告: '阿依古丽·买买提' })).toMatchObject({ judge: 'José', plaintiffs: ['阿依古丽·买买提'] });
  });
});
