// The courts' data-exchange XML import (the case-data spec, its last section) and the 审限核对 list, on real SQLite files: a
// batch with every block kind checked against hand-computed due dates, one file of each kind of mistake, hostile XML
// refused with the database unchanged, re-import changing nothing, and a changed case updated and audited.
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freshCourtDb } from '../helpers/tempDb';
import { entry, zipBuffer } from '../helpers/hostileXlsx';
import { importCasesFile } from '../../electron/core/cases/importCases';
import { CaseQueries } from '../../electron/core/cases/caseQueries';
import { listReconciliations } from '../../electron/core/cases/reconciliationQueries';
import { parseLength, deductionKind } from '../../electron/core/cases/exchangeFile';
import { fittedSteps } from '../../electron/core/cases/exchangeWriter';
import type { ImportSummary } from '../../shared/cases/api';

const TODAY = '2024-12-31';
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'exchange');
const ALL = { kind: 'all' } as const;

let t: ReturnType<typeof freshCourtDb>;
afterEach(() => t?.close());

/** The fixture files of a folder as ZIP entries (a batch as trial systems send it). */
function filesOf(folder: string): Array<{ name: string; content: Buffer }> {
  return readdirSync(path.join(FIXTURES, folder)).sort().map((name) => ({ name, content: readFileSync(path.join(FIXTURES, folder, name)) }));
}
function writeZip(name: string, files: Array<{ name: string; content: Buffer | string }>): string {
  const file = path.join(t.dir, name);
  writeFileSync(file, zipBuffer(files.map((f) => entry(f.name, f.content))));
  return file;
}
function importFile(file: string, opts: { goodRowsOnly?: boolean } = {}): Promise<ImportSummary> {
  return importCasesFile(t.db, t.store, file, { actor: 'tester', today: TODAY, goodRowsOnly: !!opts.goodRowsOnly, createMissing: true, backup: false });
}
function snapshot(): string {
  const tables = t.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_search%' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((n) => [n, t.db.prepare(`SELECT * FROM "${n}"`).all()]));
}
const detail = (n: string) => new CaseQueries(t.db).get(n, TODAY, ALL)!;

describe('exchange XML batch', () => {
  it('imports every block kind, with due dates as computed by hand', async () => {
    t = freshCourtDb();
    const s = await importFile(writeZip('batch.zip', filesOf('batch')));
    expect(s.aborted, JSON.stringify(s.errors)).toBe(false);
    expect(s.format).toBe('zip');
    expect([s.inserted, s.updated, s.unchanged, s.rejected]).toEqual([6, 0, 0, 0]);
    expect(s.disagreements).toBe(3);
    // Other case kinds and unknown deduction types are reported by file name, not imported.
    expect(s.warnings.map((w) => w.message)).toEqual(expect.arrayContaining([
      expect.stringMatching(/国赔1\.xml.*国家赔偿案件.*已跳过/),
      expect.stringMatching(/民初201\.xml.*扣除审限第3条.*其他事由.*未导入/),
    ]));

    // 普通程序 filed 2024-3-1: 6 months + 6 approved (六个月) → 2025-03-01; 管辖权异议 10 days + 公告 30 days → 2025-04-10.
    const a = detail('（2024）辽0421民初201号');
    expect(a.dueOn).toBe('2025-04-10');
    expect(a.events.map((e) => [e.kind, e.fromOn, e.toOn])).toEqual([['管辖异议', '2024-03-10', '2024-03-20'], ['公告', '2024-04-01', '2024-05-01']]);
    expect(a.extensions.map((x) => [x.status, x.months, x.days, x.requestedOn])).toEqual([['approved', 6, 0, '2024-08-10']]);
    expect([a.originCaseNumber, a.plaintiffs, a.defendants, a.claimAmount, a.procedure, a.filedOn]).toEqual(['（2024）辽0421诉前调5号', ['张三'], ['李四商贸有限公司'], 125000.5, '普通程序', '2024-03-01']);

    // Converted from simple procedure on 2024-8-20: ordinary 6 months from filing (2024-12-15) + 1个月 approved → 2025-01-15.
    const b = detail('（2024）辽0421民初202号');
    expect([b.convertedOn, b.procedure, b.dueOn]).toEqual(['2024-08-20', '普通程序', '2025-01-15']);
    // Month-end: filed 2024-08-31, 6 months → 2025-02-28.
    expect(detail('（2024）辽0421民初203号').dueOn).toBe('2025-02-28');
    // Closed, appealed; 中止 2024-03-01 to 03-31 (30 days): 2024-07-15 + 30 → 2024-08-14.
    const d = detail('（2024）辽0421民初204号');
    expect([d.dueOn, d.closedOn, d.closingMethod, d.appealed, d.status]).toEqual(['2024-08-14', '2024-08-01', '判决', true, 'closed_in_time']);
    expect(d.events.map((e) => [e.kind, e.fromOn, e.toOn])).toEqual([['中止', '2024-03-01', '2024-03-31']]);
    // Criminal 速裁: 10 days from 2024-12-20; the prosecutor and the defendant from their own blocks.
    const c = detail('（2024）辽0421刑初30号');
    expect([c.dueOn, c.plaintiffs, c.defendants, c.procedure]).toEqual(['2024-12-30', ['测试县人民检察院'], ['赵六'], '速裁程序']);
    // Enforcement, GBK-encoded: 6 months from 2024-05-10 + 暂缓执行 10 days → 2024-11-20; 原案 of another court code kept.
    const e = detail('（2024）辽0421执100号');
    expect([e.dueOn, e.originCaseNumber, e.plaintiffs, e.defendants]).toEqual(['2024-11-20', '（2023）辽0421民初500号', ['甲建材有限公司'], ['乙']]);
    const src = t.db.prepare("SELECT s.court_code, s.origin_court_code FROM exchange_sources s JOIN cases c ON c.id = s.case_id WHERE c.case_number = '（2024）辽0421执100号'").get();
    expect(src).toEqual({ court_code: null, origin_court_code: '2301' });
    expect(t.db.prepare("SELECT s.court_code FROM exchange_sources s JOIN cases c ON c.id = s.case_id WHERE c.case_number = '（2024）辽0421民初201号'").pluck().get()).toBe('2100421');
  });

  it('lists the cases whose source disagrees: a deduction, an extension and a month-end, with both dates and the arithmetic', async () => {
    t = freshCourtDb();
    await importFile(writeZip('batch.zip', filesOf('batch')));
    const rows = listReconciliations(t.db, ALL, TODAY);
    expect(rows.map((r) => [r.caseNumber, r.sourceDueOn, r.sourceLimitDays, r.dueOn, r.limit, r.limitDays, r.differenceDays])).toEqual([
      ['（2024）辽0421民初203号', '2025-03-01', 180, '2025-02-28', '6个月', 181, -1],
      ['（2024）辽0421民初201号', '2025-03-11', 180, '2025-04-10', '6个月', 184, 30],
      ['（2024）辽0421民初202号', '2024-12-15', 180, '2025-01-15', '6个月', 183, 31],
    ]);
    const deduction = rows.find((r) => r.caseNumber === '（2024）辽0421民初201号')!;
    expect(deduction.steps).toEqual(expect.arrayContaining(['扣除 公告 2024-04-01 至 2024-05-01，30天', '批准延长 6个月', '审限届满日 2025-04-10']));
    expect(deduction.importFile).toBe('batch.zip');
    // Within the reader's scope: 民初203号 is 李法官's, the others 王法官's.
    const li = t.db.prepare("SELECT id FROM staff WHERE name = '李法官'").pluck().get() as number;
    expect(listReconciliations(t.db, { kind: 'own', staffId: li }, TODAY).map((r) => r.caseNumber)).toEqual(['（2024）辽0421民初203号']);
    expect(listReconciliations(t.db, { kind: 'none' }, TODAY)).toEqual([]);
  });

  it('changes nothing when the same batch is imported again; a changed case updates, is audited, and the latest import wins', async () => {
    t = freshCourtDb();
    const zip = writeZip('batch.zip', filesOf('batch'));
    await importFile(zip);
    const before = snapshot();
    const again = await importFile(zip);
    expect([again.inserted, again.updated, again.unchanged]).toEqual([0, 0, 6]);
    expect(snapshot()).toBe(before);

    // The source corrects 203's due date and changes its judge; 204 gains nothing.
    const changed = readFileSync(path.join(FIXTURES, 'batch', '民初203.xml'), 'utf8').replace('2025-03-01', '2025-02-28').replace('李法官', '王法官');
    const s = await importFile(writeZip('fix.zip', [{ name: '民初203.xml', content: changed }]));
    expect([s.inserted, s.updated, s.unchanged, s.disagreements]).toEqual([0, 1, 0, 0]);
    expect(detail('（2024）辽0421民初203号').judge).toBe('王法官');
    const audit = t.db.prepare("SELECT before_json, after_json FROM audit_log WHERE action = 'case.update' AND entity_key = '（2024）辽0421民初203号'").all() as Array<{ before_json: string; after_json: string }>;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].before_json).judge).toBe('李法官');
    expect(listReconciliations(t.db, ALL, TODAY).map((r) => r.caseNumber)).toEqual(['（2024）辽0421民初201号', '（2024）辽0421民初202号']);
  });

  it('refuses each kind of mistake by file and element, in Chinese; all or nothing, or the good files only', async () => {
    t = freshCourtDb();
    const zip = writeZip('mixed.zip', [...filesOf('batch'), ...filesOf('mistakes')]);
    const before = snapshot();
    const all = await importFile(zip);
    expect(all.aborted).toBe(true);
    expect(snapshot()).toBe(before);
    const messages = all.errors.map((e) => e.message);
    for (const expected of [
      /文件“坏日期\.xml”〈立案日期〉：日期“2024-13-01”无效/,
      /文件“外院案号\.xml”〈案号〉：.*辽0422.*辽0421/,
      /文件“延长期间不明\.xml”〈延长审限第1条\/延长期间名称〉：延长期间“若干时日”无法识别/,
      /文件“结案仍中止\.xml”〈中止恢复第1条〉：案件已于 2024-09-01 结案，中止期间却没有结束日期/,
      /文件“扣除期间颠倒\.xml”〈扣除审限第1条〉：结束日期 2024-05-01 早于开始日期 2024-06-01/,
      /文件“不是XML\.xml”不是格式正确的 XML/,
      /文件“错误根元素\.xml”不是法院数据交换 XML/,
    ]) expect(messages, messages.join('\n')).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
    expect(all.rejected).toBe(7);

    const good = await importFile(zip, { goodRowsOnly: true });
    expect([good.aborted, good.inserted, good.rejected]).toEqual([false, 6, 7]);
    expect(t.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(6);
  });
});

describe('refused files', () => {
  it.each([
    ['an external entity', 'xxe.xml'],
    ['a billion-laughs DTD', 'laughs.xml'],
  ])('refuses XML with %s, alone or in a batch, leaving the database unchanged', async (_what, name) => {
    t = freshCourtDb();
    const before = snapshot();
    const single = path.join(FIXTURES, 'hostile', name);
    await expect(importFile(single)).rejects.toThrow(new RegExp(`${name.replace('.', '\\.')}.*(DOCTYPE|文档类型定义).*拒绝导入`));
    const zip = writeZip('batch.zip', [...filesOf('batch'), { name, content: readFileSync(single) }]);
    await expect(importFile(zip, { goodRowsOnly: true })).rejects.toThrow(/压缩包“batch\.zip”中的文件“.*”含有文档类型定义.*整个压缩包未导入/);
    expect(snapshot()).toBe(before);
    expect(t.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
  });

  it('refuses a non-XML file and a wrong root, naming the file', async () => {
    t = freshCourtDb();
    await expect(importFile(path.join(FIXTURES, 'mistakes', '不是XML.xml'))).rejects.toThrow(/文件“不是XML\.xml”不是格式正确的 XML/);
    await expect(importFile(path.join(FIXTURES, 'mistakes', '错误根元素.xml'))).rejects.toThrow(/文件“错误根元素\.xml”不是法院数据交换 XML（根元素“案件”/);
    const notZip = path.join(t.dir, '案件.zip');
    writeFileSync(notZip, 'not a zip at all');
    await expect(importFile(notZip)).rejects.toThrow(/“案件\.zip”不是有效的 ZIP 压缩包/);
    const big = path.join(t.dir, '过大.xml');
    writeFileSync(big, `<a>${'x'.repeat(2 * 1024 * 1024)}</a>`);
    await expect(importFile(big)).rejects.toThrow(/过大/);
    expect(t.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
  });
});

describe('what would hide an overdue case', () => {
  const xml = (n: number, body: string, basic = '') => `<?xml version="1.0" encoding="UTF-8"?>
<dx:民事案件 xmlns:dx="http://dataexchange.court.gov.cn/2009/data">
  <dx:民事案件基本信息>
    <dx:案号>(2024)辽0421民初${n}号</dx:案号><dx:立案日期>2024-03-01</dx:立案日期><dx:立案案由名称>买卖合同纠纷</dx:立案案由名称>
    <dx:承办审判庭>民一庭</dx:承办审判庭><dx:承办人>王法官</dx:承办人>${basic}
  </dx:民事案件基本信息>${body}
</dx:民事案件>`;

  it('counts no undecided extension, takes no second suspension, tries a converted case as ordinary, and keeps a slip in the source figures out of the database', async () => {
    t = freshCourtDb();
    const s = await importFile(writeZip('edge.zip', [
      // A request with no start date and no opinion is still pending at the source: the due date must not move.
      { name: '待批.xml', content: xml(301, `<dx:延长审限><dx:R><dx:申请日期>2024-08-20</dx:申请日期><dx:延长期间名称>6个月</dx:延长期间名称><dx:审批意见></dx:审批意见></dx:R></dx:延长审限>`) },
      { name: '未批准.xml', content: xml(302, `<dx:延长审限><dx:R><dx:申请日期>2024-08-20</dx:申请日期><dx:延长期间名称>6个月</dx:延长期间名称><dx:审批意见>未批准</dx:审批意见></dx:R></dx:延长审限>`) },
      { name: '转普通.xml', content: xml(303, '', '<dx:适用程序名称>简易程序转普通程序</dx:适用程序名称><dx:法定审限天数>99999</dx:法定审限天数>') },
    ]));
    expect(s.aborted, JSON.stringify(s.errors)).toBe(false);
    expect(s.inserted).toBe(3);
    expect(s.warnings.map((w) => w.message)).toEqual(expect.arrayContaining([
      expect.stringMatching(/待批\.xml.*延长审限第1条.*未载明审批结果.*未计入审限/),
      expect.stringMatching(/转普通\.xml.*法定审限天数.*99999/),
    ]));
    expect(detail('（2024）辽0421民初301号')).toMatchObject({ dueOn: '2024-09-01', extensions: [] });
    expect(detail('（2024）辽0421民初302号').extensions.map((x) => x.status)).toEqual(['rejected']);
    expect(detail('（2024）辽0421民初302号').dueOn).toBe('2024-09-01');
    expect(detail('（2024）辽0421民初303号')).toMatchObject({ procedure: '普通程序', dueOn: '2024-09-01' });

    // A file with two suspensions not yet resumed is refused; one that would open a second beside ours is left out.
    const two = await importFile(writeZip('two.zip', [{ name: '两次中止.xml', content: xml(304, `<dx:中止恢复><dx:R><dx:中止日期>2024-04-01</dx:中止日期></dx:R><dx:R><dx:中止日期>2024-05-01</dx:中止日期></dx:R></dx:中止恢复>`) }]));
    expect(two.errors.map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringMatching(/两次中止\.xml.*两段以上尚未恢复的中止/)]));
    t.db.prepare("INSERT INTO case_events (case_id, kind, from_on, to_on, note, row_version, created_at, updated_at) SELECT id, '中止', '2024-06-01', NULL, NULL, 1, 'x', 'x' FROM cases WHERE case_number = '（2024）辽0421民初301号'").run();
    const again = await importFile(writeZip('again.zip', [{ name: '待批.xml', content: xml(301, `<dx:中止恢复><dx:R><dx:中止日期>2024-06-02</dx:中止日期></dx:R></dx:中止恢复>`) }]));
    expect(again.warnings.map((w) => w.message)).toEqual(expect.arrayContaining([expect.stringMatching(/中止 2024-06-02 至 今 与本程序已登记的中止期间 2024-06-01 至 今 重叠，未导入/)]));
    expect(detail('（2024）辽0421民初301号').events.filter((e) => e.kind === '中止' && e.toOn === null)).toHaveLength(1);
  });
});

describe('the arithmetic kept for 审限核对', () => {
  it('fits the column as whole steps, so a case with hundreds of periods never breaks the list', () => {
    const steps = Array.from({ length: 400 }, (_, i) => `扣除 公告 2024-01-${String((i % 28) + 1).padStart(2, '0')} 至 2024-02-01，${i}天`);
    const json = fittedSteps(steps);
    expect(json.length).toBeLessThanOrEqual(8000);
    const kept = JSON.parse(json) as string[];
    expect(kept[0]).toBe(steps[0]);
    expect(kept.at(-1)).toBe(steps.at(-1));
    expect(kept).toContain('……（计算过程过长，中间从略）');
    expect(fittedSteps(['a', 'b'])).toBe('["a","b"]');
  });
});

describe('lengths and kinds', () => {
  it('reads 6个月, 六个月, 三十日, 30天, 1个月15日 and refuses the rest', () => {
    expect(['6个月', '六个月', '三十日', '30天', '1个月15日', '十二个月', '两个月'].map(parseLength)).toEqual([
      { months: 6, days: 0 }, { months: 6, days: 0 }, { months: 0, days: 30 }, { months: 0, days: 30 }, { months: 1, days: 15 }, { months: 12, days: 0 }, { months: 2, days: 0 },
    ]);
    expect(['若干时日', '', '个月', '0天'].map(parseLength)).toEqual([null, null, null, null]);
    expect(['管辖权异议', '司法鉴定', '公告送达', '庭外和解', '拍卖、变卖', '其他'].map(deductionKind)).toEqual(['管辖异议', '鉴定', '公告', '和解', '拍卖', null]);
  });
});
