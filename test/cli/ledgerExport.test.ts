// `courtdesk ledger export --out FILE.xlsx|FILE.pdf` through the built command line: both formats written with the ledger's measures, bad paths a Chinese line and exit 2 with no file, a role without ledger.view refused.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { closeDatabase, openDatabase } from '../../electron/core/db/connection';
import { LEDGER_HEADER_ROW, LEDGER_SHEET } from '../../electron/core/ledger/documents/ledgerXlsx';
import { cli, ensureBuilt, initDb, TESTER } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';

const TODAY = '2025-06-30';
let work: ReturnType<typeof tempDir>;
let db: string;
const run = (args: string[], env: Record<string, string> = {}) => cli(['--db', db, '--today', TODAY, ...args], env);

beforeAll(async () => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  const csv = path.join(work.dir, 'c.csv');
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式',
    '（2023）辽0421民初1号,民间借贷纠纷,普通程序,2023-03-10,民一庭,王法官,,',
    '（2025）辽0421民初2号,买卖合同纠纷,普通程序,2025-03-17,民一庭,王法官,2025-05-20,判决',
  ].join('\n'));
  expect(cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv]).code).toBe(0);
  const h = openDatabase(db);
  new AccountStore(h.db).create({ name: '书记员丙', roles: ['clerk'], division: '民一庭', password: 'clerk-pass-1', actor: 'tester' });
  closeDatabase(h.db);
  // The ledger is kept through its own calls, as the window or `courtdesk ledger add-…` keep it.
  const core = openCore({ dbPath: db, host: 'cli', today: TODAY });
  try {
    const s = await core.call('auth.signIn', { name: TESTER.name, password: TESTER.password });
    const session = (s.session as { set: string }).set;
    const call = async (m: string, a: unknown) => {
      const r = await core.call(m, a, { session });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as { id: number };
    };
    const wp = await call('ledger.addWeakPoint', { text: '长期未结案件偏多', foundBy: 'intermediate', foundOn: '2025-01-10', targets: [{ indicator: 'longPending12Ratio', target: 0.02, dueOn: '2025-12-31' }] });
    const m = await call('ledger.addMeasure', { kind: 'rectify', text: '逐案督办超12个月未结案件', weakPointIds: [wp.id], leader: TESTER.name, owner: '王法官', division: '民一庭', startOn: '2025-02-01', dueOn: '2025-06-15' });
    await call('ledger.progress', { measureId: m.id, text: '已召开督办会', onDate: '2025-03-01' });
  } finally {
    core.close();
  }
}, 180_000);
afterAll(() => work?.cleanup());

describe('courtdesk ledger export', () => {
  it('writes the 台账 as .xlsx and as PDF, each with the measure, its owner, status and progress', async () => {
    const xlsx = path.join(work.dir, '台账.xlsx');
    const r = run(['ledger', 'export', '--out', xlsx, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ format: 'xlsx', today: TODAY, weakPoints: 1, measures: 1, out: xlsx });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const row = wb.getWorksheet(LEDGER_SHEET)!.getRow(LEDGER_HEADER_ROW + 1);
    expect([5, 6, 7, 10, 11].map((c) => row.getCell(c).text)).toEqual(['逐案督办超12个月未结案件', TESTER.name, '王法官', '2025-03-01 已召开督办会', '逾期（超期 15 天）']);

    const pdf = path.join(work.dir, '台账.pdf');
    const p = run(['ledger', 'export', '--out', pdf]);
    expect(p.code, p.err).toBe(0);
    expect(p.out).toContain('已生成脱薄工作台账（截至 2025-06-30，薄弱点 1 个，措施 1 项）');
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['某某县人民法院脱薄工作台账', '长期未结案件偏多', '逐案督办超12个月未结案件', '王法官', '2025-02-01至2025-06-15', '2025-03-01已召开督办会', '逾期（超期15天）', '超12个月未结案件比：']) {
      expect(text, s).toContain(s);
    }
  });

  it('says what is wrong with --out in Chinese and writes nothing', () => {
    const doc = run(['ledger', 'export', '--out', path.join(work.dir, '台账.docx')]);
    expect(doc.code).toBe(2);
    expect(doc.err).toContain('台账只能保存为 .xlsx（Excel 表格）或 .pdf（打印版）');
    const missing = run(['ledger', 'export']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('缺少 --out');
    const nowhere = run(['ledger', 'export', '--out', path.join(work.dir, 'no-such-folder', 'a.pdf')]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toContain('不存在');
    mkdirSync(path.join(work.dir, 'dir.pdf'));
    expect(run(['ledger', 'export', '--out', path.join(work.dir, 'dir.pdf')]).code).toBe(2);
    expect(existsSync(path.join(work.dir, '台账.docx'))).toBe(false);
  });

  it('refuses a role without ledger.view, with no file written', () => {
    const out = path.join(work.dir, 'clerk.pdf');
    const r = run(['ledger', 'export', '--out', out], { COURTDESK_USER: '书记员丙', COURTDESK_PASSWORD: 'clerk-pass-1' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/权限|无权/);
    expect(existsSync(out)).toBe(false);
  });
});
