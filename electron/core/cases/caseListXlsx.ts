// A case list as an .xlsx file: the rows the list shows (same filter, sort and the reader's case scope), the import
// columns of docs/import-columns.md in their order and the computed ones, streamed row by row so that no export
// holds the whole list in memory. Text is written as inline strings: a cell that starts like a formula stays text.
import type { Database } from 'better-sqlite3';
import type { CaseFilter, CaseListRow } from '../../../shared/api/contract';
import type { CaseScope } from '../../../shared/accounts/roles';
import type { CASE_SORTS } from '../../../shared/cases/api';
import { IMPORT_COLUMNS } from '../../../shared/cases/importColumns';
import { STATUS_LABELS } from '../../../shared/deadlines/engine';
import { daysBetween } from '../../../shared/dates/calendar';
import { CaseQueries } from './caseQueries';
import { toYuan, type CaseRow } from './caseRow';
import type { JobControl } from '../jobs/job';
import { DATE_FORMAT, date, drained, text, writeXlsxFile, type Cell } from './xlsxFile';


/** The computed columns after the import columns (docs/import-columns.md, 导出). */
export const EXPORT_COMPUTED_HEADERS = ['审限届满日', '剩余审限天数', '审理天数', '是否超审限', '审限状态'] as const;
export const EXPORT_HEADERS: readonly string[] = [...IMPORT_COLUMNS.map((c) => c.header), ...EXPORT_COMPUTED_HEADERS];
export const EXPORT_SHEET_NAME = '案件列表';
export const EXPORT_NOTE_SHEET_NAME = '说明';
export const PERSONAL_DATA_NOTE = '本表含当事人姓名等个人信息，仅供本院内部工作使用，请勿外传；用毕请妥善保管或删除。';

type Kind = 'text' | 'date' | 'money' | 'int' | 'bool';
/** Each column's kind and width (in characters), in EXPORT_HEADERS order. */
const COLUMN_FORMAT: ReadonlyArray<{ kind: Kind; width: number }> = [
  { kind: 'text', width: 24 }, // 案号
  { kind: 'text', width: 20 }, // 案由
  { kind: 'text', width: 12 }, // 审判程序
  { kind: 'date', width: 12 }, // 立案日期
  { kind: 'text', width: 14 }, // 承办部门
  { kind: 'text', width: 10 }, // 承办法官
  { kind: 'date', width: 12 }, // 结案日期
  { kind: 'text', width: 10 }, // 结案方式
  { kind: 'money', width: 16 }, // 标的额（元）
  { kind: 'text', width: 24 }, // 原告
  { kind: 'text', width: 24 }, // 被告
  { kind: 'int', width: 8 }, // 扣除审限天数
  { kind: 'int', width: 8 }, // 延长审限天数
  { kind: 'bool', width: 6 }, // 是否上诉
  { kind: 'text', width: 10 }, // 二审结果
  { kind: 'text', width: 24 }, // 原审案号
  { kind: 'money', width: 16 }, // 申请执行标的额（元）
  { kind: 'money', width: 16 }, // 执行到位金额（元）
  { kind: 'bool', width: 6 }, // 是否阅核
  { kind: 'bool', width: 6 }, // 是否检索类案
  { kind: 'date', width: 12 }, // 审限届满日
  { kind: 'int', width: 8 }, // 剩余审限天数
  { kind: 'int', width: 8 }, // 审理天数
  { kind: 'bool', width: 6 }, // 是否超审限
  { kind: 'text', width: 12 }, // 审限状态
];

export const MONEY_FORMAT = '#,##0.00';

export interface CaseListExportOptions {
  filter: CaseFilter;
  sort: (typeof CASE_SORTS)[number];
  scope: CaseScope;
  today: string;
  /** Where the file goes; it is written as FILE.part and renamed when complete. */
  file: string;
  /** Who exported and what the list was, for the 说明 sheet. */
  actor: string;
  filterText: string;
  control?: JobControl;
}




function yesNo(v: 0 | 1 | boolean | null): Cell {
  return v === null ? null : text(v ? '是' : '否');
}

/** 是否超审限: 是 for an open case past its due date or one closed late; empty where no time limit applies. */
function overdueText(status: CaseListRow['status']): Cell {
  if (status === 'no_limit') return null;
  return text(status === 'overdue' || status === 'closed_overdue' ? '是' : '否');
}

/**
 * 审理天数: filing to closing (or to today while open), less the days deducted from the time limit, as the
 * statistics count them (cases.duration_days for a closed case).
 */
function trialDays(r: CaseRow, today: string): number {
  if (r.closed_on !== null) return r.duration_days ?? daysBetween(r.filed_on, r.closed_on) - r.deducted_days;
  return daysBetween(r.filed_on, today) - r.deducted_days;
}

export function exportCells(r: CaseRow, list: CaseListRow, today: string): Cell[] {
  return [
    text(r.case_number),
    text(r.cause),
    text(r.procedure),
    date(r.filed_on),
    text(list.division),
    text(list.judge),
    date(r.closed_on),
    text(r.closing_method),
    toYuan(r.claim_amount_fen),
    text(list.plaintiffs.join('、')),
    text(list.defendants.join('、')),
    r.imported_deducted_days,
    r.imported_extended_days,
    yesNo(r.appealed),
    text(r.appeal_outcome),
    text(r.origin_case_number),
    toYuan(r.enforcement_claim_fen),
    toYuan(r.enforcement_recovered_fen),
    yesNo(r.reviewed),
    yesNo(r.precedent_searched),
    date(list.dueOn),
    list.daysRemaining,
    trialDays(r, today),
    overdueText(list.status),
    text(STATUS_LABELS[list.status]),
  ];
}


const YIELD_EVERY = 200;

/** Writes the list; answers how many cases it holds. The file is complete, or absent (a failure removes the part). */
export async function writeCaseListXlsx(db: Database, o: CaseListExportOptions): Promise<{ count: number }> {
  const queries = new CaseQueries(db);
  const q = queries.listSql({ ...o.filter, sort: o.sort }, o.today, o.scope);
  const total = q.empty ? 0 : queries.count(o.filter, o.today, o.scope);
  o.control?.progress(0, total);
  let count = 0;
  await writeXlsxFile(o.file, async (wb) => {
    const ws = wb.addWorksheet(EXPORT_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    ws.columns = COLUMN_FORMAT.map((c) => ({ width: c.width }));
    const header = ws.addRow(EXPORT_HEADERS.map((h) => text(h)));
    header.font = { bold: true };
    header.commit();
    if (!q.empty) {
      // No LIMIT: the list's own query and order (listSql), every row, read one at a time.
      const stmt = db.prepare(q.sql);
      for (const r of stmt.iterate({ ...q.params, limit: -1, offset: 0 }) as Iterable<CaseRow & { division_name: string; judge_name: string }>) {
        const row = ws.addRow(exportCells(r, queries.toListRow(r, r.division_name, r.judge_name, o.today), o.today));
        COLUMN_FORMAT.forEach((c, i) => {
          if (c.kind === 'date') row.getCell(i + 1).numFmt = DATE_FORMAT;
          else if (c.kind === 'money') row.getCell(i + 1).numFmt = MONEY_FORMAT;
        });
        row.commit();
        count++;
        if (count % YIELD_EVERY === 0) {
          o.control?.checkCancelled();
          o.control?.progress(count, total);
          await drained(ws);
        }
      }
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: count + 1, column: EXPORT_HEADERS.length } };
    ws.commit();
    o.control?.progress(count, total);
    o.control?.noLongerCancellable();

    const note = wb.addWorksheet(EXPORT_NOTE_SHEET_NAME);
    note.columns = [{ width: 12 }, { width: 80 }];
    for (const [k, v] of [
      ['个人信息', PERSONAL_DATA_NOTE],
      ['导出人', o.actor],
      ['导出日期', o.today],
      ['筛选条件', o.filterText],
      ['案件数', String(count)],
      ['说明', '列与《导入列说明》一致，其后为计算列：审限届满日、剩余审限天数（超期为负数）、审理天数（立案至结案或今日，扣除不计入审限的天数）、是否超审限、审限状态。剩余审限天数、审理天数按导出日期计算。'],
    ] as const) {
      note.addRow([text(k), text(v)]).commit();
    }
    note.commit();
  });
  return { count };
}
