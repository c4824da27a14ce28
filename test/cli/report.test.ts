// `courtdesk report weekly|monthly` through the built command line: the weekly report's figures equal `courtdesk
// indicators --json` for the same week, the PDF's text holds them, no rank; bad input is a Chinese line and exit 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { WEEKLY_IDS } from '../../shared/indicators/weekly';
import { numberText } from '../../shared/indicators/figures';
import { INDICATORS, type IndicatorId } from '../../shared/indicators/catalogue';
import { REPORT_RANK } from '../helpers/noRank';

const TODAY = '2025-06-30';
/** 2025-06-16 is a Monday. */
const WEEK = ['--from', '2025-06-16', '--to', '2025-06-22'];
let work: ReturnType<typeof tempDir>;
let db: string;

const run = (args: string[]) => cli(['--db', db, '--today', TODAY, ...args]);

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  const csv = path.join(work.dir, 'c.csv');
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式',
    '（2025）辽0421民初1号,民间借贷纠纷,普通程序,2025-06-10,民一庭,王法官,2025-06-18,判决',
    '（2025）辽0421民初2号,买卖合同纠纷,普通程序,2025-06-17,民一庭,王法官,,',
    '（2025）辽0421民初3号,买卖合同纠纷,普通程序,2025-06-18,民一庭,周法官,2025-06-20,调解',
    '（2024）辽0421民初4号,买卖合同纠纷,普通程序,2024-11-01,民二庭,李法官,2025-06-19,判决',
    '（2025）辽0421民初5号,买卖合同纠纷,普通程序,2025-06-11,民二庭,李法官,2025-06-13,判决',
    '（2025）辽0421民初6号,买卖合同纠纷,普通程序,2025-06-20,民二庭,李法官,,',
  ].join('\n'));
  const imported = cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv]);
  expect(imported.code, imported.err + imported.out).toBe(0);
}, 180_000);
afterAll(() => work?.cleanup());

async function sheets(file: string): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (c) => {
        const v = c.value as unknown;
        cells[Number(c.col) - 1] = v && typeof v === 'object' && 'richText' in v ? (v as { richText: Array<{ text: string }> }).richText.map((x) => x.text).join('') : v;
      });
      rows.push(cells);
    });
    out.set(ws.name, rows);
  });
  return out;
}

const asCell = (id: IndicatorId, v: number | null) => (v === null ? null : INDICATORS[id].kind === 'ratio' ? Math.round(v * 10) / 1000 : v);

describe('courtdesk report weekly', () => {
  it('.xlsx: every division’s and judge’s figures equal courtdesk indicators --json --by for the same week', async () => {
    const out = path.join(work.dir, '周通报.xlsx');
    const r = run(['report', 'weekly', '--date', '2025-06-19', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已生成审判质效周通报（2025-06-16 至 2025-06-22）');
    const book = await sheets(out);
    for (const [by, sheet] of [['division', '各部门'], ['judge', '各承办法官']] as const) {
      const json = run(['--json', 'indicators', ...WEEK, '--by', by]);
      expect(json.code, json.err).toBe(0);
      const groups = json.json() as Record<string, Record<IndicatorId, { value: number | null }>>;
      const rows = book.get(sheet)!;
      expect(rows.slice(1, -2).map((row) => row[0])).toEqual(Object.keys(groups).sort(new Intl.Collator('zh-CN-u-co-pinyin').compare));
      for (const [name, values] of Object.entries(groups)) {
        const row = rows.find((x) => x[0] === name)!;
        WEEKLY_IDS.forEach((id, i) => expect(row[1 + 3 * i] ?? null, `${name} ${id}`).toBe(asCell(id, values[id].value)));
      }
    }
    const total = run(['--json', 'indicators', ...WEEK]).json() as Record<IndicatorId, { value: number | null }>;
    const court = book.get('全院主要指标')!;
    for (const id of WEEKLY_IDS) expect(court.find((row) => row[0] === INDICATORS[id].name)![1] ?? null, id).toBe(asCell(id, total[id].value));
  });

  it('.pdf: pdftotext finds the court, the week and each division’s figures as the command line prints them; no rank', () => {
    const out = path.join(work.dir, '周通报.pdf');
    const r = run(['report', 'weekly', '--date', '2025-06-16', '--out', out]);
    expect(r.code, r.err).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('某某县人民法院');
    expect(text).toContain('审判质效周通报');
    const groups = run(['--json', 'indicators', ...WEEK, '--by', 'division']).json() as Record<string, Record<IndicatorId, { value: number | null }>>;
    for (const [name, values] of Object.entries(groups)) {
      const line = text.split('\n').find((l) => l.trim().startsWith(name))!;
      expect(line, name).toBeTruthy();
      const cells = line.trim().split(/\s+/).slice(1);
      // The row's first line: each column's value as the window writes it.
      expect(cells.slice(0, 4)).toEqual(['received', 'resolved', 'clearanceRate', 'onTimeRate'].map((id) => numberText(id as IndicatorId, values[id as IndicatorId].value)));
    }
    expect(text).not.toMatch(REPORT_RANK);
  });

  it('monthly .pdf and .xlsx are written too', () => {
    for (const ext of ['pdf', 'xlsx']) {
      const out = path.join(work.dir, `月度分析.${ext}`);
      const r = run(['--json', 'report', 'monthly', '--date', '2025-06-01', '--out', out]);
      expect(r.code, r.err).toBe(0);
      expect(r.json()).toMatchObject({ kind: 'monthly', format: ext, from: '2025-06-01', to: '2025-06-30', out });
      expect(existsSync(out)).toBe(true);
    }
  });
});

describe('courtdesk report refuses bad input in Chinese, exit 2, no stack trace, no file', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['another extension', ['report', 'weekly', '--date', '2025-06-16', '--out', 'x.docx'], /只能保存为 \.pdf（打印版）或 \.xlsx（Excel 表格）.*\.docx/],
    ['no extension', ['report', 'weekly', '--date', '2025-06-16', '--out', 'report'], /没有扩展名/],
    ['a missing --date', ['report', 'weekly', '--out', 'x.pdf'], /缺少 --date/],
    ['a bad date', ['report', 'monthly', '--date', '2025-02-30', '--out', 'x.pdf'], /--date 的日期“2025-02-30”无效/],
    ['a missing --out', ['report', 'weekly', '--date', '2025-06-16'], /缺少 --out/],
    ['another kind', ['report', 'daily', '--date', '2025-06-16', '--out', 'x.pdf'], /weekly（周通报）或 monthly（月度分析）/],
  ];
  it.each(cases)('%s', (_what, args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.(c?js|ts):\d+/);
  });

  it('a folder that does not exist or a path under a file: said before computing, nothing written', () => {
    const before = readdirSync(work.dir).sort();
    const missing = run(['report', 'weekly', '--date', '2025-06-16', '--out', path.join(work.dir, 'no-such-folder', 'x.pdf')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/文件夹“.*no-such-folder”不存在，没有生成文件/);
    const underFile = run(['report', 'weekly', '--date', '2025-06-16', '--out', path.join(work.dir, 'court.sqlite', 'x.pdf')]);
    expect(underFile.code).toBe(2);
    expect(underFile.err).toMatch(/不存在，没有生成文件/);
    const folder = run(['report', 'weekly', '--date', '2025-06-16', '--out', `${work.dir}${path.sep}`]);
    expect(folder.code).toBe(2);
    expect(readdirSync(work.dir).sort()).toEqual(before);
  });

  it('a file name too long for the file system is said so, not called a full disk', () => {
    const before = readdirSync(work.dir).sort();
    const r = run(['report', 'weekly', '--date', '2025-06-16', '--out', path.join(work.dir, `${'周通报'.repeat(60)}.pdf`)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('文件名过长');
    expect(r.err).not.toContain('磁盘已满');
    expect(readdirSync(work.dir).sort()).toEqual(before);
  });

  it('a week beginning today, or running, is refused naming --date, as the window stops at the last full week', () => {
    // TODAY (2025-06-30) is a Monday: its week has not happened yet; 2025-06-29 is the Sunday of the last full week.
    for (const date of ['2025-06-30', '2025-07-06']) {
      const r = run(['report', 'weekly', '--date', date, '--out', path.join(work.dir, 'running.pdf')]);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(`--date：${date} 所在的一周（2025-06-30 至 2025-07-06）尚未结束`);
      expect(r.err).toContain('最近一个完整的周是 2025-06-23 至 2025-06-29');
      expect(existsSync(path.join(work.dir, 'running.pdf'))).toBe(false);
    }
    const last = run(['report', 'weekly', '--date', '2025-06-29', '--out', path.join(work.dir, 'last.pdf')]);
    expect(last.code, last.err).toBe(0);
    expect(last.out).toContain('2025-06-23 至 2025-06-29');
  });

  it('a week not yet begun is refused naming --date', () => {
    const r = run(['report', 'weekly', '--date', '2025-07-08', '--out', path.join(work.dir, 'later.pdf')]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/--date：2025-07-08 所在的一周尚未开始/);
    expect(r.code).toBe(2);
    expect(existsSync(path.join(work.dir, 'later.pdf'))).toBe(false);
  });
});
