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
import { isExchangeFile, mergeExchangeIssues, readExchangeFile } from './exchangeFile';
import { ExchangeWriter } from './exchangeWriter';

export interface ImportOptions extends WriteContext {
  goodRowsOnly: boolean;
  /** Where the rejected rows and their reasons go with goodRowsOnly; defaults to NAME.rejected.csv beside the file. */
  rejectedFile?: string;
  /** A 'before-import' backup right before writing (default true); false only for benchmarks and bulk-path tests. */
  backup?: boolean;
  /** Progress and cancellation when the import runs as a long job. */
  control?: JobControl;
  /**
   * Create the divisions and staff the file names that the court does not have yet. Without it such rows are refused
   * and the names listed: a typo (民九庭, 某某) must not become a division or a judge in every dropdown.
   */
  createMissing?: boolean;
}


export async function importCasesFile(db: Database, store: CaseStore, file: string, opts: ImportOptions): Promise<ImportSummary> {
  const court = getSelfCourt(db);
  if (!court) throw new InputError('数据库尚未初始化本院信息，请先运行 courtdesk init', null);
  // The courts' data-exchange XML (.xml, or a .zip of them) becomes the same table, plus each case's periods and figures.
  const exchange = isExchangeFile(file) ? readExchangeFile(file, opts.today) : null;
  const table = exchange ?? await readImportTable(file);
  const v = validateImportRows(table, { courtCode: court.code, today: opts.today });
  if (exchange) mergeExchangeIssues(v, exchange);
  const summary: ImportSummary = {
    file, format: table.format, encoding: table.encoding, rows: v.rows.length + countRowsWithErrors(v.errors),
    inserted: 0, updated: 0, unchanged: 0, rejected: 0, aborted: false, errors: [...v.errors], warnings: v.warnings,
    unknownColumns: v.unknownColumns, skippedEmpty: v.skippedEmpty, addedDivisions: [], addedStaff: [], rejectedFile: null,
    newDivisions: [], newStaff: [],
  };
  const missing = newNames(new CourtDirectory(db, court.id), v.rows);
  summary.newDivisions = missing.divisions;
  summary.newStaff = missing.staff;
  if (!opts.createMissing && missing.rows.size > 0) {
    for (const row of v.rows) {
      const why = missing.rows.get(row.row);
      if (why) summary.errors.push(why);
    }
    v.rows = v.rows.filter((r) => !missing.rows.has(r.row));
    summary.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
  const fileLevel = v.errors.some((e) => e.row === null);
  if (fileLevel || (summary.errors.length > 0 && !opts.goodRowsOnly)) {
    summary.aborted = true;
    summary.rejected = countRowsWithErrors(summary.errors);
    return summary;
  }

  // A whole file can change thousands of cases at once: a copy of the database as it was comes first. Only once the
  // file passed validation, so a rejected file leaves no backup behind, and only when the import will change
  // something: ten re-imports of an unchanged file would otherwise leave ten identical copies and rotate out the
  // copies taken before real imports. (Another connection could write between this question and the import's
  // transaction; the copy and the write were never one step, and the copy is a safety net, not the record.)
  if (opts.backup !== false && v.rows.length > 0 && !db.memory && db.name && (willChange(store, v.rows, opts.goodRowsOnly) || (exchange !== null && ExchangeWriter.wouldChange(db, exchange, v.rows)))) {
    try {
      await createBackup(db, db.name, { reason: 'before-import' });
    } catch (err) {
      if (err instanceof BackupError) throw new InputError(`导入前的备份失败，未导入任何案件：${err.message}`, null);
      throw err;
    }
  }

  const rejectedRows = new Set(summary.errors.map((e) => e.row as number));
  const bulk = worthBulkLoading(db, v.rows.length);
  const writeRows = () => {
    // One time stamp, one reading of the counting rules and one audit chain for the whole file: every audit entry of
    // this transaction goes through this appender.
    const audit = auditBatchAppender(db);
    const ctx: WriteContext = { actor: opts.actor, today: opts.today, deferSearchIndex: bulk, batch: { now: nowStamp(), restDays: store.rules.restDays(), audit } };
    const version = nextRowVersion(db);
    const dir = new CourtDirectory(db, court.id);
    const extras = exchange ? new ExchangeWriter(db, store, exchange, { file: path.basename(file), actor: opts.actor, today: opts.today, now: ctx.batch!.now, audit }) : null;
    let done = 0;
    for (const row of v.rows) {
      if (opts.control && ++done % 1000 === 0) {
        opts.control.progress(done, v.rows.length);
        opts.control.checkCancelled();
      }
      try {
        let outcome = store.upsert(row.record, dir, version, ctx);
        if (extras) outcome = extras.apply(row.row, store.resolveOwnNumber(row.record.caseNumber), outcome, version);
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
    // Each division and person the file brought in is a record of its own in the audit log, as if typed in.
    for (const name of dir.addedDivisions) audit({ actor: opts.actor, action: 'division.create', entity: 'division', entityKey: name, after: { source: path.basename(file) } });
    for (const name of dir.addedStaff) audit({ actor: opts.actor, action: 'staff.create', entity: 'staff', entityKey: name, after: { roles: ['judge'], source: path.basename(file) } });
    // Importing the same file again must change nothing at all: not even the row clock or the audit log.
    if (extras) {
      summary.disagreements = extras.disagreements;
      summary.warnings = [...summary.warnings, ...extras.skipped];
    }
    if (summary.inserted + summary.updated === 0 && dir.addedDivisions.length + dir.addedStaff.length === 0 && !extras?.changed) throw new NothingChanged();
    audit({
      actor: opts.actor, action: 'import', entity: 'file', entityKey: path.basename(file),
      after: {
        sha256: table.sha256, format: table.format, inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged,
        rejected: rejectedRows.size, goodRowsOnly: opts.goodRowsOnly, addedDivisions: dir.addedDivisions, addedStaff: dir.addedStaff,
        ...(extras ? { disagreements: extras.disagreements } : {}),
      },
    });
  };
  // The cases' own indexes go, and the audit log's while the file brings more entries than it holds: each case's entry
  // would otherwise land at a random place in its index of case numbers. Those of periods and extensions stay: a row
  // that updates a stored case reads them by case, as an exchange file's periods are read back right after they are
  // written, and without their indexes each read scans them all.
  const write = db.transaction(() => (bulk ? withBulkLoad(db, writeRows, { tables: bulkTables(db, v.rows.length) }) : writeRows()));
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

/**
 * The divisions and judges the file names that the court does not have yet, in the order the file names them, and
 * for each row that names one, why it would be refused without the person's confirmation.
 */
function newNames(dir: CourtDirectory, rows: ReadonlyArray<{ row: number; record: CaseRecord }>): { divisions: string[]; staff: string[]; rows: Map<number, ImportIssue> } {
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

function bulkTables(db: Database, rows: number): string[] {
  const entries = db.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number;
  return entries <= rows ? ['cases', 'audit_log'] : ['cases'];
}

class AbortImport extends Error {}
class NothingChanged extends Error {}

function countRowsWithErrors(errors: ImportIssue[]): number {
  return new Set(errors.filter((e) => e.row !== null).map((e) => e.row)).size;
}
