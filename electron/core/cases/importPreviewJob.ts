// The preview of an import as a long job: the file read and every row validated on the worker, the columns as matched, and what importing would do (new cases, changes, rows equal to what is stored), with nothing written.
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import { PREVIEW_ISSUE_LIMIT, PREVIEW_SAMPLE_ROWS, type ImportPreview } from '../../../shared/cases/importApi';
import { matchColumns, type ColumnMapping } from '../../../shared/cases/importMapping';
import type { ImportIssue } from '../../../shared/cases/importColumns';
import { defineJob, type JobControl } from '../jobs/job';
import { InputError } from '../kernel/errors';
import { CaseStore } from './caseStore';
import { countRowsWithErrors, planImport } from './importPlan';

export interface ImportPreviewParams {
  file: string;
  mapping?: ColumnMapping;
  today: string;
}

export async function previewImport(db: Database, p: ImportPreviewParams, control?: JobControl): Promise<Omit<ImportPreview, 'upload'>> {
  const { exchange, table, v, mapping, remembered, missing } = await planImport(db, p.file, { today: p.today, mapping: p.mapping });
  const errors: ImportIssue[] = [...v.errors];
  const fileLevel = errors.some((e) => e.row === null);
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  if (!fileLevel) {
    const store = new CaseStore(db);
    const ctx = store.previewContext();
    control?.progress(0, v.rows.length);
    let done = 0;
    for (const row of v.rows) {
      if (++done % 1000 === 0) {
        control?.progress(done, v.rows.length);
        control?.checkCancelled();
      }
      try {
        counts[store.preview(row.record, ctx)]++;
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        errors.push({ row: row.row, column: err.field, message: `第${row.row}行${err.field ? `“${err.field}”` : ''}：${err.message}` });
      }
    }
    errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
  const badRows = countRowsWithErrors(errors);
  const sample = v.rows.slice(0, PREVIEW_SAMPLE_ROWS).map(({ row, record: r }) => ({
    row, caseNumber: r.caseNumber, cause: r.cause, procedure: r.procedure, filedOn: r.filedOn, division: r.division, judge: r.judge,
    closedOn: r.closedOn, plaintiffs: r.plaintiffs.join('、'), defendants: r.defendants.join('、'),
  }));
  return {
    fileName: path.basename(p.file), format: table.format, encoding: table.encoding,
    rows: v.rows.length + countRowsWithErrors(v.errors),
    columns: exchange ? [] : matchColumns(table.headers, mapping),
    mapping, remembered, fileLevel,
    good: fileLevel ? 0 : v.rows.length - (badRows - countRowsWithErrors(v.errors)),
    willInsert: counts.inserted, willUpdate: counts.updated, unchanged: counts.unchanged,
    badRows, errors: errors.slice(0, PREVIEW_ISSUE_LIMIT), errorCount: errors.length,
    warnings: v.warnings.slice(0, PREVIEW_ISSUE_LIMIT), warningCount: v.warnings.length,
    newDivisions: missing.divisions, newStaff: missing.staff, skippedEmpty: v.skippedEmpty, sample,
  };
}

export const importPreviewJob = defineJob({ run: (db, p: ImportPreviewParams, control) => previewImport(db, p, control) });
