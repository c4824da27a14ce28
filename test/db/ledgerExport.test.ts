// ledger.export through the core on a real database: the ledger kept with the ledger's own calls comes out as .xlsx (read back with exceljs) and PDF (pdftotext) holding every measure, its status in words and the figures then and now that ledger.list shows; a role without ledger.view is refused and audited, the export is audited.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { FLAT_HEADERS, FLAT_SHEET, LEDGER_HEADER_ROW, LEDGER_SHEET } from '../../electron/core/ledger/documents/ledgerXlsx';
import type { LedgerView } from '../../shared/ledger/api';
import type { LedgerFile } from '../../shared/ledger/exportApi';
import { freshCourtDb, record } from '../helpers/tempDb';

const TODAY = '2024-12-31';
const PASSWORD = 'right-pass-1';
let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const sessions: Record<string, string> = {};

async function call<T>(method: string, args: unknown, who = '院长甲'): Promise<T> {
  const r = await core.call(method, args, { session: sessions[who] });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  t = freshCourtDb();
  let n = 0;
  const c = (filedOn: string, closedOn?: string) => record({ caseNumber: `（${filedOn.slice(0, 4)}）辽0421民初${++n}号`, filedOn, ...(closedOn ? { closedOn, closingMethod: '判决' } : {}) });
  // Old open cases make 超12个月未结案件比 a real figure before the measures began (May) and now (December).
  t.put([
    c('2022-10-01'), c('2023-01-10'), c('2023-02-01', '2024-11-20'), c('2024-04-02', '2024-05-20'), c('2024-05-06'), c('2024-05-10', '2024-05-28'),
    c('2024-11-04', '2024-12-10'), c('2024-12-02'), c('2024-12-05', '2024-12-20'),
  ], TODAY);
  const accounts = new AccountStore(t.db);
  accounts.create({ name: '院长甲', roles: ['president'], division: null, password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '庭长乙', roles: ['division_head'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '书记员丙', roles: ['clerk'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY });
  for (const name of ['院长甲', '庭长乙', '书记员丙']) {
    const r = await core.call('auth.signIn', { name, password: PASSWORD });
    sessions[name] = (r.session as { set: string }).set;
  }
  const wp1 = await call<{ id: number }>('ledger.addWeakPoint', {
    text: '长期未结案件偏多', foundBy: 'intermediate', foundOn: '2024-05-10', targets: [{ indicator: 'longPending12Ratio', target: 0.02, dueOn: '2025-06-30' }],
  });
  await call('ledger.addWeakPoint', { text: '法定审限内结案率偏低', foundBy: 'self', foundOn: '2024-05-12', targets: [{ indicator: 'onTimeRate', target: 0.95, dueOn: '2025-03-31' }] });
  const m1 = await call<{ id: number }>('ledger.addMeasure', {
    kind: 'rectify', text: '建立长期未结案件台账，逐案明确结案期限', weakPointIds: [wp1.id], leader: '院长甲', owner: '王法官', division: '民一庭', startOn: '2024-06-01', dueOn: '2024-11-30',
  });
  const m2 = await call<{ id: number }>('ledger.addMeasure', {
    kind: 'rectify', text: '院庭长带头办理疑难长期未结案件', weakPointIds: [wp1.id], leader: '院长甲', owner: '庭长乙', division: '民一庭', startOn: '2024-06-15', dueOn: '2024-09-30',
  });
  await call('ledger.addMeasure', {
    kind: 'help', text: '中院派员指导审限管理', weakPointIds: [wp1.id], leader: '中院副院长', owner: '中院周法官', division: '中院审管办', startOn: '2024-07-01', dueOn: '2025-03-31',
  });
  await call('ledger.progress', { measureId: m1.id, text: '完成全院长期未结案件排查', onDate: '2024-06-20' });
  await call('ledger.progress', { measureId: m1.id, text: '已结 1 件，剩余列入院长督办', onDate: '2024-11-25' });
  // Finished after its deadline: 已完成（逾期完成）.
  await call('ledger.progress', { measureId: m2.id, text: '疑难案件全部审结', onDate: '2024-10-15', done: true });
}, 120_000);
afterAll(() => {
  core?.close();
  t?.cleanup();
});

const flat = (s: string) => s.replace(/\s+/g, '');

describe('ledger.export', () => {
  it('writes the ledger as .xlsx with every measure, its status in words and the figures ledger.list shows', async () => {
    const view = await call<LedgerView>('ledger.list', {});
    const file = await call<LedgerFile>('ledger.export', { format: 'xlsx' });
    expect(file).toMatchObject({ fileName: `脱薄工作台账-${TODAY}.xlsx`, today: TODAY, weakPoints: 2, measures: 3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    expect(ws.getCell(1, 1).text).toBe('测试县人民法院脱薄工作台账');
    const rows: string[][] = [];
    for (let r = LEDGER_HEADER_ROW + 1; r <= LEDGER_HEADER_ROW + 4; r++) rows.push(Array.from({ length: 12 }, (_, i) => ws.getCell(r, i + 1).text));
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '']);
    expect(rows.map((r) => r[4])).toEqual(['建立长期未结案件台账，逐案明确结案期限', '院庭长带头办理疑难长期未结案件', '中院派员指导审限管理', '（尚未制定整改措施）']);
    expect(rows.map((r) => r[10])).toEqual(['逾期（超期 31 天）', '已完成（逾期完成）', '推进中', '']);
    expect(rows[0].slice(5, 8)).toEqual(['院长甲', '王法官', '民一庭']);
    expect(rows[0][9].split('\n')).toEqual(['2024-11-25 已结 1 件，剩余列入院长督办', '2024-06-20 完成全院长期未结案件排查']);
    const target = view.weakPoints[0].targets[0];
    expect(target.then).not.toBeNull();
    expect(rows[0][11]).toContain(`超12个月未结案件比：${target.then!.text} → ${target.now.text}`);
    expect(rows[0][2]).toBe('超12个月未结案件比 ≤ 2.00%，2025-06-30 前');
    // The second weak point has no measure: its figure before has no start to date from.
    expect(rows[3][11]).toContain(`法定审限内结案率：— → ${view.weakPoints[1].targets[0].now.text}`);
    const flatSheet = wb.getWorksheet(FLAT_SHEET)!;
    expect(flatSheet.rowCount).toBe(4);
    expect(flatSheet.getCell(3, FLAT_HEADERS.indexOf('是否逾期完成') + 1).text).toBe('是');
    expect(flatSheet.getCell(4, FLAT_HEADERS.indexOf('措施类别') + 1).text).toBe('帮扶措施');
  });

  it('prints the ledger as PDF with weak points, measures, owners, deadlines, progress and the indicators then and now', async () => {
    const view = await call<LedgerView>('ledger.list', {}, '庭长乙');
    const file = await call<LedgerFile>('ledger.export', { format: 'pdf' }, '庭长乙');
    expect(file.fileName).toBe(`脱薄工作台账-${TODAY}.pdf`);
    const pdf = path.join(t.dir, file.fileName);
    writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    const text = flat(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }));
    const target = view.weakPoints[0].targets[0];
    for (const s of [
      '测试县人民法院脱薄工作台账', `制表日期：${TODAY}`, '薄弱点一：长期未结案件偏多', '（中院发现，2024-05-10）', '薄弱点二：法定审限内结案率偏低',
      '建立长期未结案件台账，逐案明确结案期限', '院长甲', '王法官', '庭长乙', '中院周法官', '2024-06-01至2024-11-30', '2024-11-25已结1件，剩余列入院长督办',
      '逾期（超期31天）', '已完成（逾期完成）', flat(`${target.then!.text} → ${target.now.text}`), '第1页共1页',
    ]) expect(text, s).toContain(s);
  });

  it('refuses a role without ledger.view and writes the refusal and each export to the audit log', async () => {
    const r = await core.call('ledger.export', { format: 'pdf' }, { session: sessions['书记员丙'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
    const bad = await core.call('ledger.export', { format: 'docx' }, { session: sessions['院长甲'] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('台账格式应为 xlsx（Excel 表格）或 pdf（打印版）');
    const audit = core.db.prepare("SELECT actor, action FROM audit_log WHERE action IN ('ledger.export', 'denied') ORDER BY id").all() as Array<{ actor: string; action: string }>;
    expect(audit).toEqual([{ actor: '院长甲', action: 'ledger.export' }, { actor: '庭长乙', action: 'ledger.export' }, { actor: '书记员丙', action: 'denied' }]);
  });
});
