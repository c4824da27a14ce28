// Who may do what with the 脱薄 ledger, on real SQLite through the core: owners record on their own measures, others are refused on the record; evidence files go in by name and content, come back in pieces, and only to those who may see the measure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LedgerView, MeasureView, MyMeasures } from '../../shared/api/contract';
import { UPLOAD_CHUNK_BYTES } from '../../shared/api/uploads';
import { EVIDENCE_MAX_BYTES, EVIDENCE_PIECE_BYTES } from '../../shared/ledger/api';
import { ledgerCourt, measure, weakPoint, type LedgerCourt } from '../helpers/ledgerCourt';

const TODAY = '2025-06-30';
let c: LedgerCourt;
let point: number;
let own: number;

const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (size: number) => Buffer.concat([PNG_HEAD, randomBytes(size - PNG_HEAD.length)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1');
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(200)]);
const b64 = (b: Buffer) => b.toString('base64');
const denied = () => c.core.db.prepare("SELECT actor, entity_key, after_json FROM audit_log WHERE action = 'denied' ORDER BY id DESC LIMIT 1").get() as { actor: string; entity_key: string; after_json: string } | undefined;
const deniedCount = () => c.core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'denied'").pluck().get() as number;

beforeAll(async () => {
  c = await ledgerCourt(TODAY);
  point = (await c.as<{ id: number }>('审管办', 'ledger.addWeakPoint', weakPoint())).id;
  own = (await c.as<{ id: number }>('审管办', 'ledger.addMeasure', measure(point, { dueOn: '2025-07-10' }))).id;
});
afterAll(() => c.close());

describe('owners under the role matrix', () => {
  it('shows a judge the measure he owns on his start page, due soon, and lets him record progress on it', async () => {
    const mine = await c.as<MyMeasures>('王法官', 'ledger.mine', {});
    expect(mine.measures.map((m) => m.id)).toEqual([own]);
    expect(mine.measures[0]).toMatchObject({ canRecord: true, dueSoon: true, status: 'inProgress' });
    expect(mine.dueSoon).toBe(1);
    const m = await c.as<MeasureView>('王法官', 'ledger.progress', { measureId: own, text: '已清理 3 件超12个月未结案件', onDate: '2025-06-20' });
    expect(m.progress).toMatchObject([{ onDate: '2025-06-20', text: '已清理 3 件超12个月未结案件', done: false, recordedBy: '王法官', evidence: [] }]);
    const entry = c.core.db.prepare("SELECT actor, entity, entity_key, after_json FROM audit_log WHERE action = 'ledger.progress' ORDER BY id DESC LIMIT 1").get() as Record<string, string>;
    expect(entry).toMatchObject({ actor: '王法官', entity: 'measure', entity_key: String(own) });
    expect(JSON.parse(entry.after_json)).toMatchObject({ onDate: '2025-06-20', done: false });
  });

  it('shows the leader the measure he leads, and another judge nothing', async () => {
    expect((await c.as<MyMeasures>('院长', 'ledger.mine', {})).measures.map((m) => m.id)).toEqual([own]);
    expect(await c.as<MyMeasures>('李法官', 'ledger.mine', {})).toMatchObject({ measures: [], dueSoon: 0 });
  });

  it("refuses another judge's progress on it, and the refusal is in the audit log", async () => {
    const before = { denied: deniedCount(), progress: c.count('ledger_progress') };
    const e = await c.refusal('李法官', 'ledger.progress', { measureId: own, text: '代为登记' });
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/李法官不是措施 \d+ 的责任人或责任领导/);
    expect(deniedCount()).toBe(before.denied + 1);
    expect(denied()).toMatchObject({ actor: '李法官', entity_key: 'ledger.progress' });
    expect(c.count('ledger_progress')).toBe(before.progress);
  });

  it('lets a division head read the ledger but not add to it, and a clerk not even list it', async () => {
    const l = await c.as<LedgerView>('庭长', 'ledger.list', {});
    expect(l.canManage).toBe(false);
    expect(l.measures.find((m) => m.id === own)!.canRecord).toBe(false);
    const before = { denied: deniedCount(), points: c.count('ledger_weak_points') };
    expect((await c.refusal('庭长', 'ledger.addWeakPoint', weakPoint())).code).toBe('FORBIDDEN');
    expect((await c.refusal('书记员', 'ledger.list', {})).code).toBe('FORBIDDEN');
    expect(deniedCount()).toBe(before.denied + 2);
    expect(c.count('ledger_weak_points')).toBe(before.points);
    // A keeper of the ledger records on any measure.
    expect((await c.as<LedgerView>('副院长', 'ledger.list', {})).measures.find((m) => m.id === own)!.canRecord).toBe(true);
    await c.as('副院长', 'ledger.progress', { measureId: own, text: '院领导督办' });
  });
});

describe('the people a measure may name', () => {
  it('offers the active leaders, staff and divisions of this court', async () => {
    const p = await c.as<{ leaders: Array<{ name: string; roleLabel: string }>; staff: Array<{ name: string; division: string | null }>; divisions: string[] }>('副院长', 'ledger.people', {});
    expect(p.leaders).toEqual([{ name: '副院长', roleLabel: '分管院领导' }, { name: '院长', roleLabel: '院长' }].sort((a, b) => (a.name < b.name ? -1 : 1)));
    expect(p.staff).toEqual(expect.arrayContaining([{ name: '王法官', division: '民一庭' }, { name: '院长', division: null }]));
    expect(p.divisions).toEqual(expect.arrayContaining(['民一庭', '审判管理办公室']));
    c.core.db.prepare("UPDATE staff SET active = 0 WHERE name = '李法官'").run();
    try {
      expect((await c.as<{ staff: Array<{ name: string }> }>('副院长', 'ledger.people', {})).staff.map((x) => x.name)).not.toContain('李法官');
      expect(await c.refusal('副院长', 'ledger.addMeasure', measure(point, { owner: '李法官' }))).toMatchObject({ field: 'owner', message: '责任人“李法官”不是本院在职人员' });
    } finally {
      c.core.db.prepare("UPDATE staff SET active = 1 WHERE name = '李法官'").run();
    }
  });
});

describe('evidence', () => {
  let uploadedId = 0;
  let pdfId = 0;
  const big = png(2 * 1024 * 1024 + 123);

  it('takes a PDF inline and a 2 MB image uploaded in pieces, and hands both back whole', async () => {
    let token: string | undefined;
    for (let offset = 0; offset < big.length;) {
      const piece = big.subarray(offset, offset + UPLOAD_CHUNK_BYTES);
      const r = await c.as<{ upload: string; received: number }>('王法官', 'ledger.upload', { upload: token, name: '整改照片.png', offset, total: big.length, base64: b64(piece) });
      token = r.upload;
      offset = r.received;
    }
    const folder = path.join(path.dirname(c.file), 'ledger-evidence', token!);
    expect(existsSync(folder)).toBe(true);
    const m = await c.as<MeasureView>('王法官', 'ledger.progress', {
      measureId: own, text: '召开专题会，附会议纪要', evidence: [{ name: '会议纪要.pdf', base64: b64(PDF) }, { name: '整改照片.png', upload: token }, { name: '方案.docx', base64: b64(DOCX) }],
    });
    expect(existsSync(folder)).toBe(false);
    const files = m.progress.at(-1)!.evidence;
    expect(files.map((f) => [f.name, f.mime, f.size])).toEqual([
      ['会议纪要.pdf', 'application/pdf', PDF.length], ['整改照片.png', 'image/png', big.length],
      ['方案.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', DOCX.length],
    ]);
    pdfId = files[0].id;
    uploadedId = files[1].id;
    // Read back in pieces by a reader of the ledger (the division head).
    const parts: Buffer[] = [];
    let next = 0;
    let total = 1;
    while (next < total) {
      const r = await c.as<{ base64: string; next: number; total: number; name: string }>('庭长', 'ledger.evidence', { id: uploadedId, offset: next });
      expect(r.name).toBe('整改照片.png');
      parts.push(Buffer.from(r.base64, 'base64'));
      ({ next, total } = r);
    }
    expect(parts.length).toBe(Math.ceil(big.length / EVIDENCE_PIECE_BYTES));
    expect(Buffer.concat(parts).equals(big)).toBe(true);
    const sha = c.core.db.prepare('SELECT sha256 FROM ledger_evidence WHERE id = ?').pluck().get(uploadedId);
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves evidence to the owner, and refuses another judge on the record', async () => {
    const r = await c.as<{ base64: string; total: number }>('王法官', 'ledger.evidence', { id: pdfId });
    expect(Buffer.from(r.base64, 'base64').equals(PDF)).toBe(true);
    const before = deniedCount();
    expect((await c.refusal('李法官', 'ledger.evidence', { id: pdfId })).code).toBe('FORBIDDEN');
    expect(deniedCount()).toBe(before + 1);
    expect(denied()).toMatchObject({ actor: '李法官', entity_key: 'ledger.evidence' });
    expect(await c.refusal('王法官', 'ledger.evidence', { id: 9999 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await c.refusal('王法官', 'ledger.evidence', { id: pdfId, offset: PDF.length + 1 })).toMatchObject({ code: 'BAD_ARGS', field: 'offset' });
  });

  const refusals: Array<[string, () => unknown[], RegExp]> = [
    ['a text file called .pdf', () => [{ name: '纪要.pdf', base64: b64(Buffer.from('just text, not a pdf')) }], /“纪要.pdf”的内容不是PDF，与文件名不符/],
    ['a PNG called .jpg', () => [{ name: '照片.jpg', base64: b64(png(100)) }], /“照片.jpg”的内容不是JPEG 图片/],
    ['a program', () => [{ name: 'setup.exe', base64: b64(Buffer.from('MZ')) }], /只能是 PDF、图片、Word 或 Excel 文件/],
    ['an empty file', () => [{ name: '空.pdf', base64: '' }], /“空.pdf”是空文件/],
    ['a file over 10 MB', () => [{ name: '大.png', base64: b64(png(EVIDENCE_MAX_BYTES + 1)) }], /“大.png”超过 10 MB/],
    ['six files', () => Array.from({ length: 6 }, (_, i) => ({ name: `纪要${i}.pdf`, base64: b64(PDF) })), /一次最多附 5 个佐证材料/],
    ['one name twice', () => [{ name: '纪要.pdf', base64: b64(PDF) }, { name: '纪要.pdf', base64: b64(PDF) }], /佐证材料“纪要.pdf”重复/],
  ];
  it.each(refusals)('refuses %s naming it, and writes nothing', async (_n, files, message) => {
    const before = ['ledger_progress', 'ledger_evidence', 'audit_log'].map((t) => c.count(t));
    const e = await c.refusal('王法官', 'ledger.progress', { measureId: own, text: '附材料', evidence: files() });
    expect(e.code).toBe('BAD_ARGS');
    expect(e.message).toMatch(message);
    expect(e.field).toMatch(/^evidence/);
    expect(['ledger_progress', 'ledger_evidence', 'audit_log'].map((t) => c.count(t))).toEqual(before);
  });

  it('refuses an upload of the wrong kind at its first piece', async () => {
    const e = await c.refusal('王法官', 'ledger.upload', { name: '纪要.pdf', offset: 0, total: 20, base64: b64(Buffer.from('just text, not a pdf')) });
    expect(e).toMatchObject({ code: 'BAD_ARGS', field: 'evidence' });
    expect(e.message).toMatch(/内容不是PDF/);
  });
});
