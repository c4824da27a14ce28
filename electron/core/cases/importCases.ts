// Imports a CSV or .xlsx file of cases: validate every row, then write all of it, or only the good rows, in one transaction.
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import { validateImportRows, type ImportIssue } from '../../../shared/cases/importColumns';
import type { ImportSummary } from '../../../shared/cases/api';
import type { CaseRecord } from '../../../shared/cases/types';
import type { JobControl } from '../jobs/job';
import { readImportTable, writeRejectedRowsCsv } from './importFile';
import { CaseStore, type WriteContext } from './caseStore';
import { CourtDirectory, getSelfCourt } from '../court/courtStore';
import { nextRowVersion, nowStamp } from '../db/clock';
import { auditBatchAppender } from '../audit/auditLog';
import { withBulkLoad, worthBulkLoading } from './bulkLoad';
import { BackupError } from '../backup/backupError';
import { createBackup } from '../backup/backupWrite';
import { InputError } from '../kernel/errors';

export interface ImportOptions extends WriteContext {
  goodRowsOnly: boolean;
  /** Where the rejected rows and their reasons go with goodRowsOnly; defaults to NAME.rejected.csv beside the file. */
  rejectedFile?: string;
  /** A 'before-import' backup right before writing (default true); false only for benchmarks and bulk-path tests. */
  backup?: boolean;
  /** Progress and cancellation when the import runs as a long job. */
  control?: JobControl;
}


export async function importCasesFile(db: Database, store: CaseStore, file: string, opts: ImportOptions): Promise<ImportSummary> {
  const court = getSelfCourt(db);
  if (!court) throw new InputError('数据库尚未初始化本院信息，请先运行 courtdesk init', null);
  const table = await readImportTable(file);
  const v = validateImportRows(table, { courtCode: court.code, today: opts.today });
  const summary: ImportSummary = {
    file, format: table.format, encoding: table.encoding, rows: v.rows.length + countRowsWithErrors(v.errors),
    inserted: 0, updated: 0, unchanged: 0, rejected: 0, aborted: false, errors: [...v.errors], warnings: v.warnings,
    unknownColumns: v.unknownColumns, skippedEmpty: v.skippedEmpty, addedDivisions: [], addedStaff: [], rejectedFile: null,
  };
  const fileLevel = v.errors.some((e) => e.row === null);
  if (fileLevel || (v.errors.length > 0 && !opts.goodRowsOnly)) {
    summary.aborted = true;
    summary.rejected = countRowsWithErrors(v.errors);
    return summary;
  }

  // A whole file can change thousands of cases at once: a copy of the database as it was comes first. Only once the
  // file passed validation, so a rejected file leaves no backup behind, and only when the import will change
  // something: ten re-imports of an unchanged file would otherwise leave ten identical copies and rotate out the
  // copies taken before real imports. (Another connection could write between this question and the import's
  // transaction; the copy and the write were never one step, and the copy is a safety net, not the record.)
  if (opts.backup !== false && v.rows.length > 0 && !db.memory && db.name && willChange(store, v.rows, opts.goodRowsOnly)) {
    try {
      await createBackup(db, db.name, { reason: 'before-import' });
    } catch (err) {
      if (err instanceof BackupError) throw new InputError(`导入前的备份失败，未导入任何案件：${err.message}`, null);
      throw err;
    }
  }

  const rejectedRows = new Set(v.errors.map((e) => e.row as number));
  const bulk = worthBulkLoading(db, v.rows.length);
  const writeRows = () => {
    // One time stamp, one reading of the counting rules and one audit chain for the whole file: every audit entry of
    // this transaction goes through this appender.
    const audit = auditBatchAppender(db);
    const ctx: WriteContext = { actor: opts.actor, today: opts.today, deferSearchIndex: bulk, batch: { now: nowStamp(), restDays: store.rules.restDays(), audit } };
    const version = nextRowVersion(db);
    const dir = new CourtDirectory(db, court.id);
    let done = 0;
    for (const row of v.rows) {
      if (opts.control && ++done % 1000 === 0) {
        opts.control.progress(done, v.rows.length);
        opts.control.checkCancelled();
      }
      try {
        const outcome = store.upsert(row.record, dir, version, ctx);
        summary[outcome]++;
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        summary.errors.push({ row: row.row, column: err.field, message: `第${row.row}行${err.field ? `“${err.field}”` : ''}：${err.message}` });
        rejectedRows.add(row.row);
        // All-or-nothing: one refused row undoes the whole file.
        if (!opts.goodRowsOnly) throw new AbortImport();
      }
    }
    summary.addedDivisions = dir.addedDivisions;
    summary.addedStaff = dir.addedStaff;
    // Importing the same file again must change nothing at all: not even the row clock or the audit log.
    if (summary.inserted + summary.updated === 0 && dir.addedDivisions.length + dir.addedStaff.length === 0) throw new NothingChanged();
    audit({
      actor: opts.actor, action: 'import', entity: 'file', entityKey: path.basename(file),
      after: {
        sha256: table.sha256, format: table.format, inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged,
        rejected: rejectedRows.size, goodRowsOnly: opts.goodRowsOnly, addedDivisions: dir.addedDivisions, addedStaff: dir.addedStaff,
      },
    });
  };
  const write = db.transaction(() => (bulk ? withBulkLoad(db, writeRows) : writeRows()));
  try {
    write.immediate();
  } catch (err) {
    if (err instanceof AbortImport) {
      summary.aborted = true;
      summary.inserted = summary.updated = summary.unchanged = 0;
    } else if (!(err instanceof NothingChanged)) throw err;
  }
  summary.rejected = rejectedRows.size;
  if (opts.goodRowsOnly && rejectedRows.size > 0) {
    const target = opts.rejectedFile ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.rejected.csv`);
    writeRejectedRowsCsv(target, table.headers, table.rows.filter((r) => rejectedRows.has(r.rowNumber)), summary.errors);
    summary.rejectedFile = target;
  }
  return summary;
}

/**
 * Whether writing these rows would change the database, asked without writing: CaseStore.preview gives, for each row,
 * what upsert would answer (the same comparison, the same refusal). With goodRowsOnly the first change settles it.
 * An all-or-nothing import changes nothing if any row is refused, so after the first change the remaining rows are
 * still asked, but only whether they would be refused (no stored case needs reading for that).
 */
function willChange(store: CaseStore, rows: ReadonlyArray<{ record: CaseRecord }>, goodRowsOnly: boolean): boolean {
  const ctx = store.previewContext();
  let changes = false;
  for (const row of rows) {
    try {
      if (changes) store.checkRefusal(row.record, ctx);
      else if (store.preview(row.record, ctx) !== 'unchanged') {
        if (goodRowsOnly) return true;
        changes = true;
      }
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      if (!goodRowsOnly) return false;
    }
  }
  return changes;
}

class AbortImport extends Error {}
class NothingChanged extends Error {}

function countRowsWithErrors(errors: ImportIssue[]): number {
  return new Set(errors.filter((e) => e.row !== null).map((e) => e.row)).size;
}
