// Exchange XML imported again and cases edited after an import, on real SQLite files: extensions matched one to one,
// the 审限核对 list following CourtDesk's current computation, and ZIP entry names written in GBK read as GBK.
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freshCourtDb } from '../helpers/tempDb';
import { entry, zipBuffer } from '../helpers/hostileXlsx';
import { importCasesFile } from '../../electron/core/cases/importCases';
import { listReconciliations } from '../../electron/core/cases/reconciliationQueries';
import { ZipArchive } from '../../electron/core/cases/zipArchive';
import type { ImportSummary } from '../../shared/cases/api';

const TODAY = '2024-12-31';
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'exchange');
const ALL = { kind: 'all' } as const;

let t: ReturnType<typeof freshCourtDb>;
afterEach(() => t?.close());

function writeZip(name: string, files: Array<{ name: string; content: Buffer | string; rawName?: Buffer }>): string {
  const file = path.join(t.dir, name);
  writeFileSync(file, zipBuffer(files.map((f) => ({ ...entry(f.name, f.content), rawName: f.rawName }))));
  return file;
}
function importFile(file: string): Promise<ImportSummary> {
  return importCasesFile(t.db, t.store, file, { actor: 'tester', today: TODAY, goodRowsOnly: false, createMissing: true, backup: false });
}
function snapshot(): string {
  const tables = t.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_search%' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((n) => [n, t.db.prepare(`SELECT * FROM "${n}"`).all()]));
}
function batch(): string {
  const dir = path.join(FIXTURES, 'batch');
  return writeZip('batch.zip', readdirSync(dir).sort().map((name) => ({ name, content: readFileSync(path.join(dir, name)) })));
}
function extensionsOf(caseNumber: string): Array<[string, number, number, string]> {
  return (t.db.prepare(
    'SELECT x.status, x.months, x.days, x.requested_on AS requestedOn FROM extension_requests x JOIN cases c ON c.id = x.case_id WHERE c.case_number = ? ORDER BY x.id',
  ).all(caseNumber) as Array<{ status: string; months: number; days: number; requestedOn: string }>).map((x) => [x.status, x.months, x.days, x.requestedOn]);
}

/** A case of 2024-03-01 whose file lists the given extension rows (each a 审批意见). */
function withExtensions(opinions: string[]): string {
  const rows = opinions.map((o) => `<dx:R><dx:申请日期>2024-08-10</dx:申请日期><dx:延长期间名称>1个月</dx:延长期间名称><dx:审批意见>${o}</dx:审批意见></dx:R>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<dx:民事案件 xmlns:dx="http://dataexchange.court.gov.cn/2009/data">
  <dx:民事案件基本信息>
    <dx:案号>(2024)辽0421民初401号</dx:案号><dx:立案日期>2024-03-01</dx:立案日期><dx:立案案由名称>买卖合同纠纷</dx:立案案由名称>
    <dx:适用程序名称>普通程序</dx:适用程序名称><dx:承办审判庭>民一庭</dx:承办审判庭><dx:承办人>王法官</dx:承办人>
  </dx:民事案件基本信息><dx:延长审限>${rows}</dx:延长审限>
</dx:民事案件>`;
}

/** GBK bytes of a text, from the runtime's own GBK decoder (Node with full ICU) read backwards. */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) table.set(decoder.decode(Buffer.from([hi, lo])), [hi, lo]);
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

describe('extensions of a file imported again', () => {
  it('matches them one to one: two identical approved extensions stay two, and the same file again changes nothing', async () => {
    t = freshCourtDb();
    await importFile(writeZip('one.zip', [{ name: '延长.xml', content: withExtensions(['同意']) }]));
    expect(extensionsOf('（2024）辽0421民初401号')).toEqual([['approved', 1, 0, '2024-08-10']]);
    // The source granted the same month twice: the second is a grant of its own, not the first one again.
    const two = writeZip('two.zip', [{ name: '延长.xml', content: withExtensions(['同意', '同意']) }]);
    await importFile(two);
    expect(extensionsOf('（2024）辽0421民初401号')).toEqual([['approved', 1, 0, '2024-08-10'], ['approved', 1, 0, '2024-08-10']]);
    const before = snapshot();
    const again = await importFile(two);
    expect([again.updated, again.unchanged]).toEqual([0, 1]);
    expect(snapshot()).toBe(before);
  });

  it('leaves an approved and a refused request of the same day and length as they are when the file comes again', async () => {
    t = freshCourtDb();
    const file = writeZip('mixed.zip', [{ name: '延长.xml', content: withExtensions(['同意', '不同意']) }]);
    await importFile(file);
    expect(extensionsOf('（2024）辽0421民初401号').map((x) => x[0])).toEqual(['approved', 'rejected']);
    const before = snapshot();
    const again = await importFile(file);
    expect([again.updated, again.unchanged]).toEqual([0, 1]);
    expect(snapshot()).toBe(before);
  });
});

describe('审限核对 after the case changed in CourtDesk', () => {
  it("shows CourtDesk's current due date and arithmetic, and drops a case once both agree", async () => {
    t = freshCourtDb();
    await importFile(batch());
    expect(listReconciliations(t.db, ALL, TODAY).map((r) => [r.caseNumber, r.differenceDays])).toEqual([
      ['（2024）辽0421民初203号', -1], ['（2024）辽0421民初201号', 30], ['（2024）辽0421民初202号', 31],
    ]);
    // 201 gains a 5-day 鉴定 here: its due date moves from 2025-04-10 to 2025-04-15, 35 days after the source's.
    t.store.addEvent('（2024）辽0421民初201号', '鉴定', '2024-10-01', '2024-10-06', null, { actor: 'tester', today: TODAY });
    // 203 gains one day: 2025-03-01, the source's own due date, and 181 days is 6个月 as the source counts them.
    t.store.addEvent('（2024）辽0421民初203号', '公告', '2024-10-01', '2024-10-02', null, { actor: 'tester', today: TODAY });
    const rows = listReconciliations(t.db, ALL, TODAY);
    expect(rows.map((r) => [r.caseNumber, r.sourceDueOn, r.dueOn, r.differenceDays])).toEqual([
      ['（2024）辽0421民初202号', '2024-12-15', '2025-01-15', 31],
      ['（2024）辽0421民初201号', '2025-03-11', '2025-04-15', 35],
    ]);
    expect(rows[1].steps).toEqual(expect.arrayContaining(['扣除 鉴定 2024-10-01 至 2024-10-06，5天', '审限届满日 2025-04-15']));
    // The source's figures and the import they came from are as recorded.
    expect(rows[1]).toMatchObject({ sourceLimitDays: 180, importFile: 'batch.zip', limit: '6个月', limitDays: 184 });
  });
});

describe('ZIP entry names written in GBK', () => {
  it('reads a name without the UTF-8 flag as GBK, so messages name the file as the court wrote it', async () => {
    t = freshCourtDb();
    const bad = readFileSync(path.join(FIXTURES, 'mistakes', '坏日期.xml'));
    const file = writeZip('gbk.zip', [{ name: 'x.xml', rawName: gbk('坏日期.xml'), content: bad }, { name: 'readme.xml', rawName: gbk('readme.xml'), content: bad }]);
    const zip = new ZipArchive(readFileSync(file), 'gbk.zip');
    expect(zip.entries.map((e) => e.name)).toEqual(['坏日期.xml', 'readme.xml']);
    const s = await importFile(file);
    expect(s.errors.map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringMatching(/文件“坏日期\.xml”〈立案日期〉/)]));
    // A name flagged UTF-8 stays UTF-8, and one without the flag that is valid UTF-8 (as many tools write) too.
    const utf8 = new ZipArchive(zipBuffer([entry('坏日期.xml', bad), { ...entry('y', bad), rawName: Buffer.from('民初1.xml', 'utf8') }]), 'u.zip');
    expect(utf8.entries.map((e) => e.name)).toEqual(['坏日期.xml', '民初1.xml']);
  });
});
