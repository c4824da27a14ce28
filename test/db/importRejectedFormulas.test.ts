// The file of rejected rows carries party names that look like formulas as text (a leading quote), keeps numbers numbers, reads back as it was written, and is no wider than the columns that hold something.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { freshCourtDb } from '../helpers/tempDb';
import { importCasesFile } from '../../electron/core/cases/importCases';
import { readImportTable } from '../../electron/core/cases/importFile';

const t = freshCourtDb();
afterAll(() => t.close());
const TODAY = '2024-12-31';

const HOSTILE = ["=cmd|' /C calc'!A0", '+1+cmd|x', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
const HEADER = ['案号', '案由', '立案日期', '承办部门', '承办法官', '原告', '被告', '标的额（元）', '扣除审限天数'];

/** One valid row, then one refused row (a date that does not exist) per hostile name, as plaintiff. */
function rows(): string[][] {
  return [
    ['（2024）辽0421民初1号', '民间借贷纠纷', '2024-01-05', '民一庭', '王法官', '张三', '李四', '1000', ''],
    ...HOSTILE.map((name, i) => [`（2024）辽0421民初${i + 2}号`, '民间借贷纠纷', '2024-13-01', '民一庭', '王法官', name, '-5', '-5', '-5']),
  ];
}

const csvQuote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

function rejectedLines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).split(/\r\n(?=（2024）|$)/);
}

describe('rejected rows and formulas', () => {
  it('a CSV import: every formula-like party name is written with a leading quote; -5 stays a number only in numeric columns', async () => {
    const source = path.join(t.dir, 'hostile.csv');
    writeFileSync(source, [HEADER, ...rows()].map((r) => r.map(csvQuote).join(',')).join('\r\n'));
    const rejectedFile = path.join(t.dir, 'hostile.rejected.csv');
    const s = await importCasesFile(t.db, t.store, source, { goodRowsOnly: true, actor: 'tester', createMissing: true, today: TODAY, rejectedFile });
    expect(s).toMatchObject({ inserted: 1, rejected: HOSTILE.length, rejectedFile });

    const lines = rejectedLines(rejectedFile);
    expect(lines[0]).toBe(`${HEADER.join(',')},错误原因`);
    const data = lines.slice(1).filter((l) => l !== '');
    expect(data).toHaveLength(HOSTILE.length);
    // Cells are written as the user saw them, trimmed: the leading tab or line break goes, the formula stays.
    const shown = HOSTILE.map((name) => name.trim());
    shown.forEach((name, i) => {
      // 原告 is text: the name begins with a quote. 被告 is text too: "-5" there is a name, marked. 标的额 and
      // 扣除审限天数 are numeric columns: -5 stays -5.
      expect(data[i]).toContain(`,${csvQuote(`'${name}`)},'-5,-5,-5,`);
    });
    // No cell of the file starts like a formula.
    const back = await readImportTable(rejectedFile);
    expect(back.rows.map((r) => r.cells[5])).toEqual(shown);
    for (const line of data) {
      for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@\t\r]/);
    }
    // Read back, the marks are gone: fixing the date and importing again stores the names as they were typed.
    expect(back.rows.map((r) => r.cells[6])).toEqual(HOSTILE.map(() => '-5'));
  });

  it('an .xlsx import: a number cell stays a number, a text cell that starts like a formula is marked', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('案件');
    ws.addRow(HEADER);
    ws.addRow(['（2024）辽0421民初20号', '民间借贷纠纷', '2024-13-01', '民一庭', '王法官', "=cmd|' /C calc'!A0", -5, -5, 3]);
    const source = path.join(t.dir, 'hostile.xlsx');
    writeFileSync(source, Buffer.from(await wb.xlsx.writeBuffer()));
    const rejectedFile = path.join(t.dir, 'hostile-xlsx.rejected.csv');
    const s = await importCasesFile(t.db, t.store, source, { goodRowsOnly: true, actor: 'tester', createMissing: true, today: TODAY, rejectedFile });
    expect(s.rejected).toBe(1);
    const [, line] = rejectedLines(rejectedFile);
    // A number typed as a number is written as one even in a text column: -5 is not a formula.
    expect(line).toMatch(/^（2024）辽0421民初20号,民间借贷纠纷,2024-13-01,民一庭,王法官,'=cmd\|' \/C calc'!A0,-5,-5,3,第2行/);
  });

  it('a header row stretched to the last column (XFD) does not pad every rejected row with 16,383 commas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('案件');
    ws.getRow(1).values = [...HEADER, '备注'];
    ws.getCell('XFD1').value = '远处的列';
    for (let r = 2; r <= 4; r++) {
      ws.getRow(r).values = [`（2024）辽0421民初${r + 30}号`, '民间借贷纠纷', '2024-13-01', '民一庭', '王法官', '张三', '李四', 1000, 0, r === 3 ? '备注内容' : null];
    }
    const source = path.join(t.dir, 'wide.xlsx');
    writeFileSync(source, Buffer.from(await wb.xlsx.writeBuffer()));
    const rejectedFile = path.join(t.dir, 'wide.rejected.csv');
    expect(await importCasesFile(t.db, t.store, source, { goodRowsOnly: true, actor: 'tester', createMissing: true, today: TODAY, rejectedFile })).toMatchObject({ rejected: 3 });
    const lines = rejectedLines(rejectedFile);
    // The import columns and the note that one row carries; the empty far column is left out.
    expect(lines[0]).toBe(`${HEADER.join(',')},备注,错误原因`);
    expect(lines[2]).toMatch(/^（2024）辽0421民初33号,民间借贷纠纷,2024-13-01,民一庭,王法官,张三,李四,1000,0,备注内容,第3行/);
    expect(readFileSync(rejectedFile).length).toBeLessThan(4096);
  });
});
