// The 延长审理期限审批表 of one request as an A4 PDF in the usual official layout: court and title, the case, the request, every opinion and decision with its signer and day, blank lines to sign by hand where a step is still open.
import type { ExtensionDetail, ExtensionStepView } from '../../../shared/extensions/api';
import { spanLabel } from '../../../shared/deadlines/limits';
import { A4, MARGINS, footers, newPdf, pdfBytes, placeText } from '../print/pdfDocument';
import { PdfTable } from '../print/pdfTable';

export const FORM_TITLE = '延长审理期限审批表';

export interface ApprovalFormData {
  courtName: string;
  request: ExtensionDetail;
  plaintiffs: string[];
  defendants: string[];
  /** Extensions this case already had approved (this request left out), and their spans added up. */
  earlier: { count: number; months: number; days: number };
  /** Local time of printing, 'YYYY-MM-DD HH:mm'. */
  printedAt: string;
}

/** The download's name: the case number and the request's number, so two forms of one case never collide. */
export function approvalFormFileName(caseNumber: string, id: number): string {
  return `延长审限审批表-${caseNumber}-${id}.pdf`;
}

const BLANK_SIGNATURE = '签名：＿＿＿＿＿＿＿＿　　　日期：＿＿＿＿年＿＿月＿＿日';
const signed = (by: string | null, on: string, role = '签名') => `${role}：${by ?? '—'}　　　日期：${on}`;
const lateNote = (s: ExtensionStepView) => (s.late ? '（晚于审限届满前 5 日）' : '');
const span = (months: number | null, days: number | null) => spanLabel({ months: months ?? 0, days: days ?? 0 });

/** 庭长意见: every opinion signed, or blank lines while it waits; a request that went straight on says so. */
function opinionText(r: ExtensionDetail): { text: string; lines: number } {
  const opinions = r.steps.filter((s) => s.step === 'opinion');
  if (opinions.length) {
    return { text: opinions.map((s) => `${s.outcome === 'agree' ? '同意' : '不同意'}延长审限。${s.comment ?? ''}\n${signed(s.by, s.on)}`).join('\n\n'), lines: 3 };
  }
  if (r.stage === 'opinion') return { text: `\n\n${BLANK_SIGNATURE}`, lines: 4 };
  return { text: r.stage === null ? '（导入的记录，未载明庭长意见）' : '（案件所在部门无其他庭长，申请未经庭长签署意见，直接报院领导审批）', lines: 2 };
}

/** 院（副院）长审批意见: the decision with the span approved, or the sending up, or blank lines while it waits. */
function decisionText(r: ExtensionDetail): { text: string; lines: number } {
  const decision = r.steps.find((s) => s.step === 'decision');
  if (decision) {
    const what = decision.outcome === 'approved'
      ? `批准延长审理期限 ${span(decision.months, decision.days)}${decision.months !== r.asked.months || decision.days !== r.asked.days ? `（申请 ${spanLabel(r.asked)}）` : ''}。`
      : '不批准延长审理期限。';
    return { text: `${what}${decision.comment ?? ''}\n${signed(decision.by, decision.on)}${lateNote(decision)}`, lines: 3 };
  }
  const forwarded = r.steps.find((s) => s.step === 'forwarded');
  if (forwarded) return { text: `同意报请${r.routeLabel ?? '上级法院'}批准。${forwarded.comment ?? ''}\n${signed(forwarded.by, forwarded.on)}`, lines: 3 };
  if (r.stage === null && r.status !== 'pending') {
    return { text: `${r.status === 'approved' && r.approved ? `批准延长审理期限 ${spanLabel(r.approved)}。` : r.status === 'rejected' ? '不批准延长审理期限。' : ''}（导入的记录，未载明审批人）`, lines: 2 };
  }
  const route = r.route && r.route !== 'president' ? `（须报请${r.routeLabel}批准）` : '';
  return { text: `□ 批准延长 ＿＿＿＿　　□ 不批准　　${route}\n\n${BLANK_SIGNATURE}`, lines: 4 };
}

/** 上级法院意见: when it was sent up, and the answer as entered, or blank lines for the answer. */
function higherCourtText(r: ExtensionDetail): { text: string; lines: number } {
  const forwarded = r.steps.find((s) => s.step === 'forwarded');
  const answer = r.steps.find((s) => s.step === 'higher_court');
  const sent = forwarded ? `报送日期：${forwarded.on}（经办：${forwarded.by ?? '—'}）` : '报送日期：＿＿＿＿年＿＿月＿＿日';
  if (!answer) return { text: `${sent}\n答复：□ 批准延长 ＿＿＿＿　　□ 不批准\n\n答复日期：＿＿＿＿年＿＿月＿＿日`, lines: 4 };
  const what = answer.outcome === 'approved' ? `批准延长审理期限 ${span(answer.months, answer.days)}。` : '不批准延长审理期限。';
  return { text: `${sent}\n答复：${what}${answer.comment ?? ''}\n${signed(answer.by, answer.on, '登记人')}${lateNote(answer)}`, lines: 3 };
}

function parties(d: ApprovalFormData): string {
  const side = (role: string, names: string[]) => `${role}：${names.length ? names.join('、') : '—'}`;
  return `${side('原告（申请人）', d.plaintiffs)}\n${side('被告（被申请人）', d.defendants)}`;
}

function earlierText(e: ApprovalFormData['earlier']): string {
  return e.count === 0 ? '未延长' : `已延长 ${e.count} 次，共 ${spanLabel(e)}`;
}

/** The form as PDF bytes. `font` is the Chinese font's file content (loadPrintFont). */
export async function approvalFormPdf(d: ApprovalFormData, font?: Buffer): Promise<Buffer> {
  const r = d.request;
  const doc = newPdf({ title: `${FORM_TITLE} ${r.caseNumber}`, subject: `延长审限申请 ${r.id}` }, font);
  const width = A4.width - MARGINS.left - MARGINS.right;

  // The first page carries the court and the title; a continued page repeats the title and the case in small.
  placeText(doc, d.courtName, MARGINS.left, MARGINS.top, { size: 15, width, align: 'center' });
  placeText(doc, FORM_TITLE, MARGINS.left, MARGINS.top + 26, { size: 20, width, align: 'center' });
  placeText(doc, `申请编号：第 ${r.id} 号`, MARGINS.left, MARGINS.top + 62, { size: 10, width, align: 'right' });
  const continued = (page: PDFKit.PDFDocument) => {
    placeText(page, `${d.courtName}　${FORM_TITLE}（续）`, MARGINS.left, MARGINS.top, { size: 12, width, align: 'center' });
    placeText(page, `案号：${r.caseNumber}　　申请编号：第 ${r.id} 号`, MARGINS.left, MARGINS.top + 22, { size: 9.5, width, align: 'right' });
    return MARGINS.top + 40;
  };

  const label = 78;
  const value = (width - 2 * label) / 2;
  const t = new PdfTable(doc, MARGINS.top + 80, { columns: [label, value, label, value], onNewPage: continued });
  const L = (text: string) => ({ text, label: true });
  const wide = (text: string) => ({ text, span: 3 });

  t.row([L('案号'), { text: r.caseNumber }, L('案由'), { text: r.cause }]);
  t.row([L('承办部门'), { text: r.division }, L('承办法官'), { text: r.judge }]);
  t.row([L('当事人'), wide(parties(d))], 2);
  t.row([L('立案日期'), { text: r.filedOn }, L('适用程序'), { text: r.procedure ?? '—' }]);
  t.row([L('审限届满日期'), { text: r.dueOn ? `${r.dueOn}\n（${r.status === 'approved' ? '含本次延长，' : ''}按打印日计算）` : '—（不计审限）' }, L('已延长情况'), { text: earlierText(d.earlier) }]);
  t.row([L('申请延长期限'), { text: `${spanLabel(r.asked)}${r.late ? '\n逾期申请' : ''}` }, L('审批权限'), { text: r.routeLabel ?? '—' }]);
  const reason = `理由：${r.reason}${r.late ? '（逾期申请）' : ''}\n${r.explanation ? `具体理由：${r.explanation}` : ''}`;
  t.row([L('申请理由'), wide(`${reason}\n\n${signed(r.requestedBy, r.requestedOn, '申请人')}${r.enteredBy ? `\n（法官助理 ${r.enteredBy} 代为填报）` : ''}`)], 4);
  const opinion = opinionText(r);
  t.row([L('庭长意见'), wide(opinion.text)], opinion.lines);
  const decision = decisionText(r);
  t.row([L('院（副院）长\n审批意见'), wide(decision.text)], decision.lines);
  if ((r.route !== null && r.route !== 'president') || r.steps.some((s) => s.step === 'forwarded' || s.step === 'higher_court')) {
    const higher = higherCourtText(r);
    t.row([L('上级法院意见'), wide(higher.text)], higher.lines);
  }
  const files = r.attachments.length ? r.attachments.map((a, i) => `${i + 1}. ${a.name}`).join('\n') : '无';
  t.row([L('附件'), wide(files)]);

  footers(doc, `延长审限申请编号：${r.id}　${r.caseNumber}`, `打印时间：${d.printedAt}`);
  return pdfBytes(doc);
}
