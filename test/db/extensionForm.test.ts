// The printed 延长审理期限审批表 (extensions.form) on real SQLite: requests made through the real workflow, the PDF read
// back with pdftotext and pdffonts (poppler-utils): every fact, opinion and decision in it, long text wrapped onto a
// second page whole, the Chinese font embedded as a subset, the print on the audit record, the scope of the case kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import type { ExtensionDetail, ExtensionForm } from '../../shared/api/contract';
import { findPrintFont, loadPrintFont, PRINT_FONT_MISSING } from '../../electron/core/print/pdfDocument';

const TODAY = '2025-06-30';
let t: ReturnType<typeof freshCourtDb>;
let core: Core;
let out: string;
const sessions: Record<string, string> = {};
const n = (type: string, seq: number) => `（2025）辽0421${type}${seq}号`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1');
const PLAINTIFFS = ['张三', '某某建筑工程有限公司'];
const DEFENDANTS = ['李四', '王五', '某市城建投资发展集团有限责任公司'];

beforeAll(async () => {
  t = freshCourtDb();
  t.put([
    record({ caseNumber: n('民初', 1), filedOn: '2025-03-01', plaintiffs: PLAINTIFFS, defendants: DEFENDANTS, cause: '建设工程施工合同纠纷' }),
    record({ caseNumber: n('民初', 2), filedOn: '2025-03-01' }),
    record({ caseNumber: n('民初', 3), filedOn: '2025-03-01' }),
    record({ caseNumber: n('民初', 4), filedOn: '2025-03-01' }),
    record({ caseNumber: n('民初', 5), filedOn: '2025-03-01', division: '民二庭', judge: '孙法官' }),
  ], TODAY);
  const accounts = new AccountStore(t.db);
  const people: Array<[string, Array<'judge' | 'division_head' | 'president'>, string | null]> = [
    ['王法官', ['judge'], '民一庭'], ['孙法官', ['judge'], '民二庭'], ['庭长甲', ['division_head'], '民一庭'], ['院长', ['president'], null],
  ];
  for (const [name, roles, division] of people) accounts.create({ name, roles, division, password: 'pass-word-1', actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
  for (const [name] of people) sessions[name] = ((await core.call('auth.signIn', { name, password: 'pass-word-1' })).session as { set: string }).set;
  out = mkdtempSync(path.join(os.tmpdir(), 'courtdesk-form-'));
});
afterAll(() => {
  core.close();
  t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

async function as<T = ExtensionDetail>(who: string, method: string, args: unknown): Promise<T> {
  const r = await core.call(method, args, { session: sessions[who] });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
const ask = (caseNumber: string, extra: Record<string, unknown> = {}) => ({ caseNumber, months: 3, reason: '鉴定未完成', explanation: '鉴定机构尚未出具鉴定意见书', ...extra });

/** The form of a request written to a file, and its text as pdftotext -layout reads it. */
async function printed(who: string, id: number, keep?: string): Promise<{ form: ExtensionForm; file: string; text: string; flat: string }> {
  const form = await as<ExtensionForm>(who, 'extensions.form', { id });
  const file = path.join(out, `${id}.pdf`);
  writeFileSync(file, Buffer.from(form.base64, 'base64'));
  if (keep) {
    mkdirSync('test-results/screenshots', { recursive: true });
    writeFileSync(path.join('test-results', keep), Buffer.from(form.base64, 'base64'));
  }
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf-8' });
  // A label is centred in its box, so -layout puts it on a line in the middle of the box's text: set labels aside.
  return { form, file, text, flat: text.replace(/\s+/g, '').replace(/院（副院）长|审批意见|上级法院意见|庭长意见|申请理由|当事人|附件/g, '') };
}

describe('the form of a decided request', () => {
  it('holds the court, the title, the case, every party, the dates, the reason, the opinion and the decision with signers and days', async () => {
    const made = await as('王法官', 'extensions.request', ask(n('民初', 1), { attachments: [{ name: '鉴定机构函.pdf', base64: PDF.toString('base64') }] }));
    await as('庭长甲', 'extensions.opinion', { id: made.id, agree: true, comment: '情况属实，同意延长' });
    await as('院长', 'extensions.decide', { id: made.id, approve: true, months: 2, comment: '同意延长两个月' });
    const { form, file, text, flat } = await printed('王法官', made.id, 'extension-form-decided.pdf');

    expect(form).toMatchObject({ id: made.id, caseNumber: n('民初', 1), fileName: `延长审限审批表-${n('民初', 1)}-${made.id}.pdf` });
    expect(Buffer.from(form.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(form.bytes).toBe(Buffer.from(form.base64, 'base64').length);
    for (const s of ['测试县人民法院', '延长审理期限审批表', n('民初', 1), '建设工程施工合同纠纷', '民一庭', '王法官', '普通程序']) expect(flat).toContain(s);
    for (const party of [...PLAINTIFFS, ...DEFENDANTS]) expect(flat).toContain(party);
    expect(flat).toContain('原告（申请人）：张三、某某建筑工程有限公司');
    expect(flat).toMatch(/立案日期2025-03-01/);
    // The due date as of the day printed, with the two months approved: 2025-09-01 + 2 months.
    expect(flat).toContain('2025-11-01');
    expect(flat).toContain('（含本次延长，按打印日计算）');
    expect(flat).toContain('申请延长期限3个月');
    expect(flat).toContain('理由：鉴定未完成');
    expect(flat).toContain('具体理由：鉴定机构尚未出具鉴定意见书');
    expect(flat).toContain(`申请人：王法官日期：${TODAY}`);
    expect(flat).toContain('同意延长审限。情况属实，同意延长');
    expect(flat).toContain(`签名：庭长甲日期：${TODAY}`);
    expect(flat).toContain('批准延长审理期限2个月（申请3个月）。同意延长两个月');
    expect(flat).toContain(`签名：院长日期：${TODAY}`);
    expect(flat).toContain('1.鉴定机构函.pdf');
    expect(flat).toContain(`延长审限申请编号：${made.id}`);
    expect(text).toMatch(/打印时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    // No higher-court row on the president's own route.
    expect(text).not.toContain('上级法院意见');

    // The Chinese font is embedded, and only the glyphs used: the file stays small (the font itself is 10 MB).
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf-8' });
    const cjk = fonts.split('\n').filter((l) => /NotoSansSC/.test(l));
    expect(cjk.length).toBeGreaterThan(0);
    for (const line of cjk) expect(line).toMatch(/^[A-Z]{6}\+NotoSansSC\S*\s+.*\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
    expect(form.bytes).toBeLessThan(120_000);
  });

  it('puts each print on the audit record, signed by who printed it', async () => {
    const [row] = core.db.prepare("SELECT actor, entity_key, after_json FROM audit_log WHERE action = 'extension.form' ORDER BY id DESC LIMIT 1").all() as Array<{ actor: string; entity_key: string; after_json: string }>;
    expect(row).toMatchObject({ actor: '王法官', entity_key: n('民初', 1) });
    expect(JSON.parse(row.after_json)).toEqual({ request: expect.any(Number), bytes: expect.any(Number) });
  });
});

describe('a form sent to the higher court, and a waiting one', () => {
  it('shows the higher court\'s row with the day sent and the answer as entered', async () => {
    const made = await as('王法官', 'extensions.request', ask(n('民初', 2), { months: 7, reason: '案情复杂', explanation: '涉及多个关联案件' }));
    await as('庭长甲', 'extensions.opinion', { id: made.id, agree: true, comment: '同意报请' });
    await as('院长', 'extensions.forward', { id: made.id, comment: '已报市中级人民法院' });
    await as('院长', 'extensions.higherCourt', { id: made.id, approve: true, comment: '市中院批复同意' });
    const { text, flat } = await printed('院长', made.id, 'extension-form-higher-court.pdf');
    expect(text).toContain('上级法院意见');
    expect(flat).toContain('审批权限上级法院');
    expect(flat).toContain(`同意报请上级法院批准。已报市中级人民法院签名：院长日期：${TODAY}`);
    expect(flat).toContain(`报送日期：${TODAY}（经办：院长）`);
    expect(flat).toContain(`答复：批准延长审理期限7个月。市中院批复同意登记人：院长日期：${TODAY}`);
  });

  it('prints a waiting request with blank lines to sign by hand', async () => {
    const made = await as('王法官', 'extensions.request', ask(n('民初', 3)));
    const { flat } = await printed('庭长甲', made.id, 'extension-form-waiting.pdf');
    expect(flat).toContain(n('民初', 3));
    const blanks = flat.match(/签名：＿+日期：＿+年＿+月＿+日/g) ?? [];
    // The division head's opinion and the president's decision are both still to sign.
    expect(blanks).toHaveLength(2);
    expect(flat).toContain('□批准延长');
  });

  it('says so when the division has no other head and the request went straight to the president', async () => {
    const made = await as('孙法官', 'extensions.request', ask(n('民初', 5)));
    const { flat } = await printed('院长', made.id);
    expect(flat).toContain('未经庭长签署意见');
  });
});

describe('long text', () => {
  it('wraps a 2,000-character explanation onto a second page, all of it, with the title repeated there', async () => {
    const sentence = '鉴定机构因样本不足需重新采样，当事人对鉴定范围提出异议并申请补充鉴定，法院已于本月组织双方质证。ABC-2025-0001号检材另行送检。';
    const explanation = sentence.repeat(Math.ceil(2000 / sentence.length)).slice(0, 2000);
    const made = await as('王法官', 'extensions.request', ask(n('民初', 4), { explanation, reason: '其他' }));
    const { file } = await printed('王法官', made.id, 'extension-form-long.pdf');
    const pages = execFileSync('pdfinfo', [file], { encoding: 'utf-8' }).match(/Pages:\s+(\d+)/)![1];
    expect(Number(pages)).toBe(2);
    const page2 = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf-8' });
    expect(page2).toContain('延长审理期限审批表（续）');
    expect(page2).toContain(n('民初', 4));
    expect(page2).toContain('申请理由（续）');
    // The whole explanation, in order, once the page furniture and the label column are set aside.
    const body = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf-8' })
      .split('\n')
      .filter((l) => !/打印时间|审批表（续）|案号：|第 \d+ 页/.test(l))
      .join('')
      .replace(/申请理由（续）|申请理由/g, '')
      .replace(/\s+/g, '');
    expect(body).toContain(`具体理由：${explanation.replace(/\s+/g, '')}`);
  });
});

describe('reach and refusals', () => {
  it("refuses a request outside the reader's scope as if it did not exist", async () => {
    const made = await as('孙法官', 'extensions.request', ask(n('民初', 5), { months: 1 })).catch(() => null);
    const [row] = (await as<Array<{ id: number }>>('院长', 'extensions.list', { status: 'all', caseNumber: n('民初', 5) }));
    const r = await core.call('extensions.form', { id: (made ?? row).id }, { session: sessions['王法官'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('不在您可查看的范围内') } });
    expect(await core.call('extensions.form', { id: 99999 }, { session: sessions['院长'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers a missing font with a Chinese message naming the file, not a crash', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'courtdesk-nofont-'));
    try {
      expect(findPrintFont(empty)).toBeNull();
      expect(() => loadPrintFont(findPrintFont(empty))).toThrow(PRINT_FONT_MISSING);
      expect(() => loadPrintFont(path.join(empty, 'NotoSansSC-Regular.ttf'))).toThrow(/找不到打印用的中文字体文件 NotoSansSC-Regular\.ttf/);
      expect(findPrintFont()).toMatch(/resources[\\/]fonts[\\/]NotoSansSC-Regular\.ttf$/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
