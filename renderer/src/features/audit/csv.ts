// 导出 CSV of the audit log: one row per entry, the action and object in words beside their stored codes.
import type { AuditRow } from '../../../../shared/api/contract';
import type { CellKind } from '../../../../shared/spreadsheet/cells';
import { buildCsv } from '../../lib/csv';
import { formatDateTime } from '../../lib/format';
import { auditActionLabel, auditEntityLabel } from './labels';

export const AUDIT_CSV_HEADER = ['序号', '时间', '操作人', '操作', '操作代码', '对象类型', '对象', '修改前', '修改后'] as const;
/** Only the entry number is a number; every other column is text, so names or keys that start like a formula are marked. */
const AUDIT_CSV_KINDS: readonly CellKind[] = ['number', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'];

export function auditCsvRow(r: AuditRow): Array<string | number | null> {
  const hidden = r.contentHidden ? '（不在查看范围内，不显示）' : null;
  return [r.id, formatDateTime(r.at), r.actor, auditActionLabel(r.action), r.action, auditEntityLabel(r.entity), r.entityKey, hidden ?? r.before, hidden ?? r.after];
}

export function auditCsv(rows: readonly AuditRow[]): string {
  return buildCsv(AUDIT_CSV_HEADER, rows.map(auditCsvRow), AUDIT_CSV_KINDS);
}

/** 审计日志-20240105-1030.csv, from the local time of the export. */
export function auditCsvFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `审计日志-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.csv`;
}
