// Imports a CSV or .xlsx file of cases: validate every row, then write all of it, or only the good rows, in one transaction.
import { forgetStockDays } from '../indicators/stockDays';
import { withTalliesRebuilt } from '../indicators/tallyBulk';
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import type { ColumnMapping } from '../../../shared/cases/importMapping';
import type { ImportSummary } from '../../../shared/cases/api';
import type { CaseRecord } from '../../../shared/cases/types';
import type { JobControl } from '../jobs/job';
import { writeRejectedRowsCsv } from './importFile';
import { writeRejectedRowsXlsx } from './rejectedRows';
import { countRowsWithErrors, planImport } from './importPlan';
import { rememberMapping } from './importMappings';
import { CaseStore, type WriteContext } from './caseStore';
import { CourtDirectory } from '../court/courtStore';
import { nextRowVersion, nowStamp } from '../db/clock';
import { auditBatchAppender } from '../audit/auditLog';
import { withBulkLoad, worthBulkLoading } from './bulkLoad';
import { BackupError } from '../backup/backupError';
import { createBackup } from '../backup/backupWrite';
import { InputError } from '../kernel/errors';
import { ExchangeWriter } from './exchangeWriter';

export interface ImportOptions extends WriteContext {
  goodRowsOnly: boolean;
  /** Where the rejected rows and their reasons go with goodRowsOnly (.xlsx, or .csv by name); defaults to NAME.rejected.xlsx beside the file. */
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
  /** The person's answer for headers the import does not know; absent, the one remembered for the file's headers. */
  mapping?: ColumnMapping;
}


/** From this many rows on, an import drops the kept stock days rather than have the triggers update them row by row. */
const FORGET_STOCK_ROWS = 5000;

export async function importCasesFile(db: Database, store: CaseStore, file: string, opts: ImportOptions): Promise<ImportSummary> {
  const { court, exchange, table, v, missing, mapping } = await planImport(db, file, { today: opts.today, mapping: opts.mapping });
  const summary: ImportSummary = {
    file, format: table.format, encoding: table.encoding, rows: v.rows.length + countRowsWithErrors(v.errors),
    inserted: 0, updated: 0, unchanged: 0, rejected: 0, aborted: false, errors: [...v.errors], warnings: v.warnings,
    unknownColumns: v.unknownColumns, skippedEmpty: v.skippedEmpty, addedDivisions: [], addedStaff: [], rejectedFile: null,
    newDivisions: missing.divisions, newStaff: missing.staff,
  };
  if (!opts.createMissing && missing.rows.size > 0) {
    for (const row of v.rows) {
      const why = missing.rows.get(row.row);
      if (why) summary.errors.push(why);
    }
    v.rows = v.rows.filter((r) => !missing.rows.has(r.row));
    summary.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
  const fileLevel = v.errors.some((e) => e.row === null);
  // Importing with a mapping confirms it: the next file with the same headers is read the same way, without asking.
  // Not one the file could not be read with (a column filled twice): the command line could never undo that. After
  // the import, outside its transaction: a cancelled or failed import leaves the settings as they were too.
  const remember = () => {
    if (opts.mapping && !exchange && !fileLevel) rememberMapping(db, table.headers, opts.mapping, opts.actor);
  };
  if (fileLevel || (summary.errors.length > 0 && !opts.goodRowsOnly)) {
    summary.aborted = true;
    summary.rejected = countRowsWithErrors(summary.errors);
    remember();
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
    // A large file moves many open cases: the kept stock days of the indicators are dropped in this transaction, so
    // the triggers on cases do no stock work per row; they come back on the next read (indicators/stockDays.ts).
    if (v.rows.length >= FORGET_STOCK_ROWS) forgetStockDays(db);
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
  // A load that at least doubles the table also rebuilds the indicator tallies once rather than row by row.
  const write = db.transaction(() => (bulk ? withTalliesRebuilt(db, () => withBulkLoad(db, writeRows, { tables: bulkTables(db, v.rows.length) })) : writeRows()));
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
    const target = opts.rejectedFile ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.rejected.xlsx`);
    const refused = table.rows.filter((r) => rejectedRows.has(r.rowNumber));
    // .xlsx unless the person asked for a CSV by name: the form people fix rows in and import again.
    if (/\.csv$/i.test(target)) writeRejectedRowsCsv(target, table.headers, refused, summary.errors, mapping);
    else await writeRejectedRowsXlsx(target, table.headers, refused, summary.errors, mapping);
    summary.rejectedFile = target;
  }
  remember();
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

/** The tables whose indexes a large load drops and rebuilds: the audit log's too when the file brings more entries than it holds. */
function bulkTables(db: Database, rows: number): string[] {
  const entries = db.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number;
  return entries <= rows ? ['cases', 'audit_log'] : ['cases'];
}

class AbortImport extends Error {}
class NothingChanged extends Error {}
