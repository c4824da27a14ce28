// The .xlsx export of a case list as a long job: on a worker thread with its own connection (a read; WAL lets it run
// beside the core's writes), with progress per 200 rows and a cancel until the file is being finished.
import type { Database } from 'better-sqlite3';
import { defineJob } from '../jobs/job';
import type { CaseFilter } from '../../../shared/api/contract';
import type { CaseScope } from '../../../shared/accounts/roles';
import { scopeLabel } from '../../../shared/accounts/roles';
import type { CASE_SORTS } from '../../../shared/cases/api';
import { writeCaseListXlsx } from './caseListXlsx';

export interface CaseExportJobParams {
  filter: CaseFilter;
  sort: (typeof CASE_SORTS)[number];
  scope: CaseScope;
  today: string;
  file: string;
  actor: string;
  title: string | null;
}

const STATUS_TEXT: Record<NonNullable<CaseFilter['status']>, string> = {
  open: '未结', closed: '已结', overdue: '超审限', suspended: '中止', paused: '暂停计算', stopped: '中止或暂停',
  mediating: '先行调解中', mediation_due: '先行调解即将到期或已到期',
};
const SORT_TEXT: Record<CaseExportJobParams['sort'], string> = {
  filedOn_desc: '立案日期（新→旧）', filedOn_asc: '立案日期（旧→新）', dueOn_asc: '届满日（近→远）', caseNumber_asc: '案号',
};

/** The list's filters in words, for the file's 说明 sheet. */
export function describeExport(db: Database, p: Pick<CaseExportJobParams, 'filter' | 'sort' | 'scope' | 'title'>): string {
  const f = p.filter;
  const name = (sql: string, id: number) => (db.prepare(sql).pluck().get(id) as string | undefined) ?? `#${id}`;
  const parts: string[] = [];
  if (p.title) parts.push(p.title);
  if (f.status) parts.push(`状态：${STATUS_TEXT[f.status]}`);
  if (f.divisionId !== undefined) parts.push(`部门：${name('SELECT name FROM divisions WHERE id = ?', f.divisionId)}`);
  if (f.judgeId !== undefined) parts.push(`承办法官：${name('SELECT name FROM staff WHERE id = ?', f.judgeId)}`);
  if (f.procedure) parts.push(`程序：${f.procedure}`);
  if (f.typeCode) parts.push(`类型代字：${f.typeCode}`);
  if (f.remainingMin !== undefined || f.remainingMax !== undefined) parts.push(`剩余审限：${f.remainingMin ?? '…'} 至 ${f.remainingMax ?? '…'} 天`);
  if (f.search) parts.push(`搜索：${f.search}`);
  parts.push(`排序：${SORT_TEXT[p.sort]}`);
  parts.push(`范围：${scopeLabel(p.scope)}`);
  return parts.join('；');
}

export const caseExportJob = defineJob({
  run: (db, p: CaseExportJobParams, control) =>
    writeCaseListXlsx(db, { ...p, filterText: describeExport(db, p), control }),
});
