// The part of an import that only reads: the file read, the columns matched (with the person's mapping or the one remembered), every row validated, and the divisions and judges it names that the court does not have. The import and its preview share it.
import type { Database } from 'better-sqlite3';
import { validateImportRows, type ImportIssue, type ImportTable, type ImportValidation } from '../../../shared/cases/importColumns';
import type { ColumnMapping } from '../../../shared/cases/importMapping';
import type { ImportSummary } from '../../../shared/cases/api';
import { readImportTable } from './importFile';
import { CourtDirectory, getSelfCourt, type SelfCourt } from '../court/courtStore';
import { InputError } from '../kernel/errors';
import { isExchangeFile, mergeExchangeIssues, readExchangeFile, type ExchangeRead } from './exchangeFile';
import { rememberedMapping } from './importMappings';

export interface ImportPlan {
  court: SelfCourt;
  /** The data-exchange XML read, when the file is one (its periods and figures beside the table). */
  exchange: ExchangeRead | null;
  table: ImportTable & { format: ImportSummary['format']; encoding?: string; sha256: string };
  v: ImportValidation;
  /** The mapping the rows were read with, and whether it was the one remembered for these headers. */
  mapping: ColumnMapping;
  remembered: boolean;
  missing: NewNames;
}

export interface NewNames {
  divisions: string[];
  staff: string[];
  /** Each row that names one, and why it is refused without the person's confirmation. */
  rows: Map<number, ImportIssue>;
}

/**
 * Reads and validates a file. `mapping` is the person's answer for unknown headers; absent, the answer remembered
 * for the file's headers applies (the command line, and the window's first preview). Exchange XML has fixed fields.
 */
export async function planImport(db: Database, file: string, opts: { today: string; mapping?: ColumnMapping }): Promise<ImportPlan> {
  const court = getSelfCourt(db);
  if (!court) throw new InputError('数据库尚未初始化本院信息，请先运行 courtdesk init', null);
  // The courts' data-exchange XML (.xml, or a .zip of them) becomes the same table, plus each case's periods and figures.
  const exchange = isExchangeFile(file) ? readExchangeFile(file, opts.today) : null;
  const table = exchange ?? await readImportTable(file);
  let mapping: ColumnMapping = {};
  let remembered = false;
  if (!exchange) {
    if (opts.mapping) mapping = opts.mapping;
    else {
      const kept = rememberedMapping(db, table.headers);
      if (kept) {
        mapping = kept;
        remembered = true;
      }
    }
  }
  const v = validateImportRows(table, { courtCode: court.code, today: opts.today, mapping });
  if (exchange) mergeExchangeIssues(v, exchange);
  return { court, exchange, table, v, mapping, remembered, missing: newNames(new CourtDirectory(db, court.id), v.rows) };
}

/**
 * The divisions and judges the file names that the court does not have yet, in the order the file names them, and
 * for each row that names one, why it would be refused without the person's confirmation.
 */
function newNames(dir: CourtDirectory, rows: ImportValidation['rows']): NewNames {
  const divisions = new Set<string>();
  const staff = new Set<string>();
  const refused = new Map<number, ImportIssue>();
  for (const { row, record } of rows) {
    const newDivision = !dir.hasDivision(record.division);
    const newJudge = !dir.hasStaff(record.judge);
    if (newDivision) divisions.add(record.division);
    if (newJudge) staff.add(record.judge);
    if (newDivision) {
      refused.set(row, { row, column: '承办部门', message: `第${row}行“承办部门”：“${record.division}”不是本院已有的部门；确为新部门的，确认后建立（命令行加 --create-missing）` });
    } else if (newJudge) {
      refused.set(row, { row, column: '承办法官', message: `第${row}行“承办法官”：“${record.judge}”不是本院已有的人员；确为新人员的，确认后建立（命令行加 --create-missing）` });
    }
  }
  return { divisions: [...divisions], staff: [...staff], rows: refused };
}

export function countRowsWithErrors(errors: ImportIssue[]): number {
  return new Set(errors.filter((e) => e.row !== null).map((e) => e.row)).size;
}
