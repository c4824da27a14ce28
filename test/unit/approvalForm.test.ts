// The 审批表's layout at its limits, read back with pdftotext (which drops text outside the page, so anything run off
// the edge is missed): a 50-character court name, many parties, a late request, every box at its longest, and the
// table's wrapping rules (closing punctuation never starts a line, Latin runs stay whole).
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExtensionDetail } from '../../shared/api/contract';
import { approvalFormPdf, approvalFormFileName, type ApprovalFormData } from '../../electron/core/extensions/approvalForm';
import { newPdf } from '../../electron/core/print/pdfDocument';
import { wrapLines } from '../../electron/core/print/pdfTable';

const dir = mkdtempSync(path.join(os.tmpdir(), 'courtdesk-form-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const request: ExtensionDetail = {
  id: 41, caseNumber: '（2025）辽0421民初12345号', cause: '建设工程施工合同纠纷', procedure: '普通程序', division: '民事审判第一庭', judge: '欧阳法官',
  filedOn: '2025-01-05', dueOn: '2025-07-05', daysRemaining: 5, deadlineStatus: 'due_soon' as ExtensionDetail['deadlineStatus'],
  requestedBy: '欧阳法官', enteredBy: '助理司马', requestedOn: '2025-06-30', reason: '其他', reasonCode: '其他', explanation: '因当事人申请重新鉴定，鉴定机构要求补充材料。逾期原因：鉴定意见于届满前十日才送达。',
  asked: { months: 2, days: 15 }, approved: null, status: 'pending', stage: 'decision', stageLabel: '待院领导审批', route: 'president', routeLabel: '本院院长',
  late: true, waitingFor: '院长', earlierExtensions: 1, judgeOpen: 10, judgeOverdue: 1,
  steps: [{ step: 'opinion', outcome: 'disagree', by: '庭长甲', on: '2025-06-30', at: '2025-06-30T09:00:00', months: null, days: null, comment: '理由不充分', late: false }],
  attachments: [{ id: 1, name: '鉴定机构补充材料通知.pdf', mime: 'application/pdf', size: 1000, sha256: 'x' }, { id: 2, name: '送达回证.jpg', mime: 'image/jpeg', size: 1000, sha256: 'y' }],
  notes: [],
};
const data: ApprovalFormData = {
  courtName: '新疆维吾尔自治区高级人民法院生产建设兵团分院第十三师中级人民法院辖区某某垦区人民法院派出法庭城关分庭',
  request,
  plaintiffs: Array.from({ length: 30 }, (_, i) => `原告公司${i + 1}号有限责任公司`),
  defendants: ['李四', '王五'],
  earlier: { count: 1, months: 3, days: 0 },
  printedAt: '2025-06-30 10:15',
};

function textOf(pdf: Buffer, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf-8' });
}

describe('the form at its limits', () => {
  it('sets a 50-character court name smaller instead of running it off the page, and wraps thirty parties', async () => {
    expect(data.courtName.length).toBe(50);
    const pdf = await approvalFormPdf(data);
    // Kept for a look at the layout (test-results is not committed).
    mkdirSync('test-results', { recursive: true });
    writeFileSync(path.join('test-results', 'extension-form-limits.pdf'), pdf);
    const text = textOf(pdf, 'limits.pdf');
    const flat = text.replace(/\s+/g, '').replace(/当事人|申请理由|庭长意见|院（副院）长|审批意见|附件/g, '');
    expect(flat).toContain(data.courtName);
    expect(flat).toContain(`原告（申请人）：${data.plaintiffs.join('、')}`);
    expect(flat).toContain('被告（被申请人）：李四、王五');
    // A label sits on the middle line of its box, so pdftotext -layout mixes it into the value's lines: the span asked
    // and its 逾期申请 mark are read from their own lines.
    const lines = text.split('\n').map((l) => l.trim());
    expect(lines.some((l) => l.startsWith('2个月15天'))).toBe(true);
    expect(lines).toContain('逾期申请');
    expect(text).toContain('理由：其他（逾期申请）');
    expect(flat).toContain('已延长1次，共3个月');
    expect(flat).toContain('（法官助理助理司马代为填报）');
    expect(flat).toContain('不同意延长审限。理由不充分签名：庭长甲日期：2025-06-30');
    expect(flat).toContain('1.鉴定机构补充材料通知.pdf2.送达回证.jpg');
    expect(flat).toContain('打印时间：2025-06-3010:15');
    // The decision is still open: blank boxes for it.
    expect(flat).toContain('□批准延长');
  });

  it('names the download after the case and the request', () => {
    expect(approvalFormFileName(request.caseNumber, 41)).toBe('延长审限审批表-（2025）辽0421民初12345号-41.pdf');
  });
});

describe('wrapping', () => {
  const doc = newPdf({ title: 't' });
  doc.fontSize(10);
  const em = doc.widthOfString('中');

  it('breaks Chinese between characters, never before closing punctuation', () => {
    const lines = wrapLines(doc, '一二三四五，六七八', em * 5);
    expect(lines).toEqual(['一二三四五，', '六七八']);
  });

  it('keeps a Latin run whole on the next line, and breaks one wider than the cell', () => {
    const run = doc.widthOfString('ABC-2025-0001');
    expect(wrapLines(doc, '编号ABC-2025-0001号', run + em / 2)).toEqual(['编号', 'ABC-2025-0001', '号']);
    const long = 'A'.repeat(80);
    const lines = wrapLines(doc, long, em * 5);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(long);
  });

  it('starts a line at each newline and keeps empty lines', () => {
    expect(wrapLines(doc, '甲\n\n乙', em * 5)).toEqual(['甲', '', '乙']);
  });
});
