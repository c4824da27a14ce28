// The 审限核对 list as an .xlsx file, the rows cases.reconciliation answers for the same reader and day, written like
// the case-list export (caseListXlsx.ts): inline text that never runs as a formula, dates as dates, a 说明 sheet.
import type { Database } from 'better-sqlite3';
import type { CaseScope } from '../../../shared/accounts/roles';
import { scopeLabel } from '../../../shared/accounts/roles';
import type { ReconciliationRow } from '../../../shared/cases/reconciliation';
import { defineJob, type JobControl } from '../jobs/job';
import { EXPORT_NOTE_SHEET_NAME } from './caseListXlsx';
import { DATE_FORMAT, date, drained, text, writeXlsxFile, type Cell } from './xlsxFile';
import { listReconciliations } from './reconciliationQueries';

export const RECONCILIATION_SHEET_NAME = '审限核对';
export const RECONCILIATION_NOTE = '本表含案号、承办法官等审判工作信息，仅供本院内部核对审限使用，请勿外传；用毕请妥善保管或删除。';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

type Kind = 'text' | 'date' | 'dateTime' | 'int' | 'wrap';
/** The columns in order: header, kind, width in characters, and the cell of a row. */
export const RECONCILIATION_COLUMNS: ReadonlyArray<{ header: string; kind: Kind; width: number; cell(r: ReconciliationRow): Cell }> = [
  { header: '案号', kind: 'text', width: 24, cell: (r) => text(r.caseNumber) },
  { header: '案由', kind: 'text', width: 20, cell: (r) => text(r.cause) },
  { header: '承办部门', kind: 'text', width: 14, cell: (r) => text(r.division) },
  { header: '承办法官', kind: 'text', width: 10, cell: (r) => text(r.judge) },
  { header: '立案日期', kind: 'date', width: 12, cell: (r) => date(r.filedOn) },
  { header: '结案日期', kind: 'date', width: 12, cell: (r) => date(r.closedOn) },
  { header: '来源审限届满日期', kind: 'date', width: 14, cell: (r) => date(r.sourceDueOn) },
  { header: '来源法定审限天数', kind: 'int', width: 10, cell: (r) => r.sourceLimitDays },
  { header: '本程序审限届满日期', kind: 'date', width: 14, cell: (r) => date(r.dueOn) },
  { header: '法定审限', kind: 'text', width: 10, cell: (r) => text(r.limit) },
  { header: '本程序审限天数', kind: 'int', width: 10, cell: (r) => r.limitDays },
  { header: '相差天数', kind: 'int', width: 10, cell: (r) => r.differenceDays },
  { header: '本程序计算过程', kind: 'wrap', width: 60, cell: (r) => text(r.steps.join('\n')) },
  { header: '来源文件', kind: 'text', width: 24, cell: (r) => text(r.importFile) },
  { header: '记录时间', kind: 'dateTime', width: 17, cell: (r) => localDateTime(r.recordedAt) },
];

/**
 * A stored UTC time stamp as the wall-clock time of this computer, the time the person saw when importing: exceljs
 * writes a Date's UTC fields, so the local fields are moved into them.
 */
function localDateTime(iso: string): Cell {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return text(iso);
  return new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes(), t.getSeconds()));
}

export interface ReconciliationExportOptions {
  scope: CaseScope;
  /** The day CourtDesk's side is computed for (the file is named after it). */
  today: string;
  /** Where the file goes; it is written as FILE.part and renamed when complete. */
  file: string;
  actor: string;
  control?: JobControl;
}

const YIELD_EVERY = 200;

/** Writes the list; answers how many cases it holds. The file is complete, or absent (a failure removes the part). */
export async function writeReconciliationXlsx(db: Database, o: ReconciliationExportOptions): Promise<{ count: number }> {
  const rows = listReconciliations(db, o.scope, o.today);
  o.control?.progress(0, rows.length);
  return writeXlsxFile(o.file, async (wb) => {
    const ws = wb.addWorksheet(RECONCILIATION_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    ws.columns = RECONCILIATION_COLUMNS.map((c) => ({ width: c.width }));
    const header = ws.addRow(RECONCILIATION_COLUMNS.map((c) => text(c.header)));
    header.font = { bold: true };
    header.commit();
    let count = 0;
    for (const r of rows) {
      const row = ws.addRow(RECONCILIATION_COLUMNS.map((c) => c.cell(r)));
      RECONCILIATION_COLUMNS.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c.kind === 'date') cell.numFmt = DATE_FORMAT;
        else if (c.kind === 'dateTime') cell.numFmt = DATE_TIME_FORMAT;
        // The arithmetic one step a line, read in the cell as on the screen.
        else if (c.kind === 'wrap') cell.alignment = { wrapText: true, vertical: 'top' };
        else cell.alignment = { vertical: 'top' };
      });
      row.commit();
      count++;
      if (count % YIELD_EVERY === 0) {
        o.control?.checkCancelled();
        o.control?.progress(count, rows.length);
        await drained(ws);
      }
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: count + 1, column: RECONCILIATION_COLUMNS.length } };
    ws.commit();
    o.control?.progress(count, rows.length);
    o.control?.noLongerCancellable();

    const note = wb.addWorksheet(EXPORT_NOTE_SHEET_NAME);
    note.columns = [{ width: 12 }, { width: 80 }];
    for (const [k, v] of [
      ['内部信息', RECONCILIATION_NOTE],
      ['导出人', o.actor],
      ['导出日期', o.today],
      ['范围', scopeLabel(o.scope)],
      ['案件数', String(count)],
      ['说明', '审限核对：导入数据交换 XML 时，文件所载“法定审限天数”“审限届满日期”与本程序计算不一致的案件（以最近一次导入为准）。来源两列为文件所载；本程序各列及计算过程按导出日期、案件现在登记的情况计算，此后已一致的案件不再列出。'],
      ['相差天数', '本程序审限届满日期减来源审限届满日期：负数表示来源多算了天数，可能是来源系统未发现的超审限案件。本程序审限天数为立案日至法定届满日的天数；法定审限以月计的，来源按每月 30 日折算的天数视为一致。'],
      ['记录时间', '导入该文件的时间（本机时间）。'],
    ] as const) {
      const row = note.addRow([text(k), text(v)]);
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      row.commit();
    }
    note.commit();
    return { count };
  });
}

export const reconciliationExportJob = defineJob({
  run: (db, p: Omit<ReconciliationExportOptions, 'control'>, control) => writeReconciliationXlsx(db, { ...p, control }),
});
