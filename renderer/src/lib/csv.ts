// CSV for spreadsheet programs: UTF-8 with a BOM (so Excel reads Chinese), CRLF line ends, RFC 4180 quoting.
import type { AuditRow } from '../../../shared/api/contract';
import { auditActionLabel, auditEntityLabel } from './auth';
import { formatDateTime } from './format';

export const BOM = '\uFEFF';

/** The most rows one export holds. */
export const CSV_MAX_ROWS = 100_000;

/**
 * One cell: quoted when it holds a comma, quote or line break (quotes doubled). A cell that a spreadsheet would take
 * for a formula (starting with = + - @ or a tab) gets a leading apostrophe, so opening the file runs nothing.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function buildCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export const AUDIT_CSV_HEADER = ['序号', '时间', '操作人', '操作', '操作代码', '对象类型', '对象', '修改前', '修改后'] as const;

export function auditCsvRow(r: AuditRow): Array<string | number | null> {
  return [r.id, formatDateTime(r.at), r.actor, auditActionLabel(r.action), r.action, auditEntityLabel(r.entity), r.entityKey, r.before, r.after];
}

export function auditCsv(rows: readonly AuditRow[]): string {
  return buildCsv(AUDIT_CSV_HEADER, rows.map(auditCsvRow));
}

/** 审计日志-20240105-1030.csv, from the local time of the export. */
export function auditCsvFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `审计日志-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.csv`;
}
