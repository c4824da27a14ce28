// Above 延审审批's list when it shows the requests behind a figure of 延审原因分析: what the filter holds, in words,
// with the way back to the study and to the plain desk.
import { useStore } from 'zustand';
import { OUTCOME_LABELS, studyReasonLabel, type ExtensionFilter } from '../../../../../shared/extensions/study';
import { Link } from '../../../components/Link';
import { stores } from '../../../stores';
import { hasFilter } from '../routes';
import './study.css';

/** The filter in words: 延长理由：鉴定未完成 · 结果：批准 · 申请日期 2025-01-01 至 2025-03-31. */
export function filterWords(f: ExtensionFilter, names: { division(id: number): string | null; judge(id: number): string | null }): string[] {
  const out: string[] = [];
  if (f.reason) out.push(`延长理由：${studyReasonLabel(f.reason)}`);
  if (f.divisionId) out.push(`部门：${names.division(f.divisionId) ?? `编号 ${f.divisionId}`}`);
  if (f.judgeId) out.push(`承办法官：${names.judge(f.judgeId) ?? `编号 ${f.judgeId}`}`);
  if (f.outcome) out.push(`结果：${OUTCOME_LABELS[f.outcome]}`);
  if (f.late !== undefined) out.push(f.late ? '逾期申请' : '非逾期申请');
  if (f.from || f.to) out.push(`申请日期 ${f.from ?? '…'} 至 ${f.to ?? '…'}`);
  return out;
}

export function FilterLine() {
  const filter = useStore(stores.extensions, (s) => s.filter);
  const tab = useStore(stores.extensions, (s) => s.tab);
  const divisions = useStore(stores.app, (a) => a.divisions);
  const judges = useStore(stores.app, (a) => a.judges.all);
  const rows = useStore(stores.extensions, (s) => s.rows);
  if (tab !== 'all' || !hasFilter(filter)) return null;
  // Every row of a judge's (or a division's) list names him: the rows answer when the catalogue does not.
  const words = filterWords(filter, {
    division: (id) => divisions.find((d) => d.id === id)?.name ?? rows?.[0]?.division ?? null,
    judge: (id) => judges?.find((j) => j.id === id)?.name ?? rows?.[0]?.judge ?? null,
  });
  return (
    <div className="banner info ext-filter" data-testid="ext-filter">
      <span>筛选：{words.join(' · ')}</span>
      <span className="push-right">
        <Link to={{ name: 'extensionStudy', from: filter.from ?? null, to: filter.to ?? null, divisionId: null }} testId="ext-filter-study">返回延审原因分析</Link>
        <Link to={{ name: 'extensions', view: 'waiting' }} testId="ext-filter-clear">清除筛选</Link>
      </span>
    </div>
  );
}
