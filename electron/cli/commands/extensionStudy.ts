// `courtdesk extension study --from D --to D`: 延审原因分析 on the command line, through extensions.study, printed as
// tab-separated tables (by reason, division, judge, month); with --json the call's answer as it is.
import type { ExtensionStudy, StudyCounts, StudyRate } from '../../../shared/extensions/study';
import { studyReasonLabel, STUDY_REASON_KEYS } from '../../../shared/extensions/study';

const rate = (r: StudyRate) => (r.value === null ? '—' : `${r.value.toFixed(1)}%（${r.numerator}/${r.denominator}）`);
const HEAD = ['申请', '批准', '缩短期限批准', '不予批准', '审批中', '已报上级法院', '逾期申请', '批准率'];
const cells = (c: StudyCounts) => [c.requests, c.approved, c.shorter, c.rejected, c.waiting, c.higherCourt, c.late, rate(c.approvalRate)].map(String);

export function studyText(s: ExtensionStudy): string {
  const out = [`延审原因分析 ${s.from} 至 ${s.to}（按申请日期）：申请 ${s.total.requests} 件，批准率 ${rate(s.total.approvalRate)}`];
  if (s.total.requests === 0) return `${out[0]}\n这段期间没有延长审限申请`;
  const table = (title: string, heads: string[], rows: string[][]) => {
    out.push('', title, [...heads, ...HEAD].join('\t'), ...rows.map((r) => r.join('\t')));
  };
  table('按延长理由', ['延长理由'], [...s.byReason.map((r) => [r.label, ...cells(r)]), ['合计', ...cells(s.total)]]);
  table('按部门（按名称排列）', ['部门'], s.byDivision.map((d) => [d.division, ...cells(d)]));
  table('按承办法官（按姓名排列）', ['承办法官', '部门'], s.byJudge.map((j) => [j.judge, j.division, ...cells(j)]));
  const reasons = STUDY_REASON_KEYS.filter((k) => s.months.some((m) => m.byReason[k] > 0));
  out.push('', '按月趋势', ['月份', '申请', ...reasons.map(studyReasonLabel), '批准率'].join('\t'));
  for (const m of s.months) out.push([m.month, m.requests, ...reasons.map((k) => m.byReason[k]), rate(m.approvalRate)].join('\t'));
  return out.join('\n');
}
