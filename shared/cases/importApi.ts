// The cases domain's import calls: a file handed over in pieces by the window, its preview with the columns matched, the import itself, and the rejected rows fetched back.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { filePath } from '../api/fields';
import { UPLOAD_CHUNK_BYTES, uploadPieceArgs, uploadToken, type UploadPieceResult } from '../api/uploads';
import type { ImportIssue } from './importColumns';
import type { ImportSummary } from './api';
import type { CaseExportFile } from './exportApi';
import type { ColumnMatch } from './importMapping';
import { IMPORT_COLUMNS, type ImportField } from './importColumns';

/** The file kinds an import reads, by name: what the picker offers and what the core accepts. */
export const IMPORT_EXTENSIONS = ['.csv', '.xlsx', '.xml', '.zip'] as const;
export const IMPORT_TYPE_MESSAGE = '只能导入 CSV、Excel 工作簿（.xlsx）、数据交换 XML 文件或其 ZIP 压缩包';
export { UPLOAD_CHUNK_BYTES };
/** The largest file the window hands over; each reader then applies its own, smaller bounds. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
/** How many problems a preview lists; the counts are always whole. */
export const PREVIEW_ISSUE_LIMIT = 500;
/** Rows of the preview's sample of good rows. */
export const PREVIEW_SAMPLE_ROWS = 20;

const FIELDS = IMPORT_COLUMNS.map((c) => c.field) as [ImportField, ...ImportField[]];
/** Header text → the column it fills, or null for "not imported". */
export const columnMapping = z
  .record(z.string().trim().min(1).max(200), z.enum(FIELDS, { message: '没有这一导入列' }).nullable())
  .refine((m) => Object.keys(m).length <= 200, '列的对应关系过多（最多 200 列）');

/** The upload's token and the bytes received so far; the next piece starts there. */
export type ImportUploadResult = UploadPieceResult;

/** A good row as the preview shows it. */
export interface ImportSampleRow {
  row: number;
  caseNumber: string;
  cause: string;
  procedure: string | null;
  filedOn: string;
  division: string;
  judge: string;
  closedOn: string | null;
  plaintiffs: string;
  defendants: string;
}

/** What importing the file would do, found without writing anything. */
export interface ImportPreview {
  upload: string;
  fileName: string;
  format: ImportSummary['format'];
  encoding?: string;
  /** Data rows read (empty ones aside). */
  rows: number;
  /** How each headed column is read (spreadsheets); empty for exchange XML, whose fields are fixed. */
  columns: ColumnMatch[];
  /** The mapping in effect: the one asked with, else the one remembered for these headers, else none. */
  mapping: Record<string, ImportField | null>;
  /** Whether the mapping in effect was remembered from an earlier import of a file with the same headers. */
  remembered: boolean;
  /** The file cannot be imported at all (a missing required column, a duplicate header): see errors. */
  fileLevel: boolean;
  /** Rows that would import, and how: new cases, changes to cases already here, rows equal to what is stored. */
  good: number;
  willInsert: number;
  willUpdate: number;
  unchanged: number;
  /** Rows with at least one problem, and the problems (the first PREVIEW_ISSUE_LIMIT; errorCount counts all). */
  badRows: number;
  errors: ImportIssue[];
  errorCount: number;
  warnings: ImportIssue[];
  warningCount: number;
  /** Divisions and judges the file names that the court does not have: imported only once confirmed. */
  newDivisions: string[];
  newStaff: string[];
  skippedEmpty: number;
  sample: ImportSampleRow[];
}

/** The import's result, plus the window's one-time token for its rejected rows (an .xlsx in the exports folder). */
export interface ImportResult extends ImportSummary {
  rejectedToken: string | null;
}

export const caseImportApi = defineCalls({
  'cases.importUpload': {
    args: uploadPieceArgs(
      z.string().trim().min(1, '请选择文件').max(200, '文件名过长').refine((n) => IMPORT_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)), IMPORT_TYPE_MESSAGE),
      MAX_UPLOAD_BYTES,
      `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请分成几个文件导入`,
    ),
    access: 'cases.register',
    result: returns<ImportUploadResult>(),
  },
  'cases.importPreview': {
    args: z.object({ upload: uploadToken, mapping: columnMapping.optional() }).strict(),
    access: 'cases.register',
    result: returns<ImportPreview>(),
  },
  'cases.import': {
    args: z.object({
      /** A file on this machine (the command line). */
      file: filePath.optional(),
      /** A file the window uploaded (cases.importUpload). */
      upload: uploadToken.optional(),
      /** Unknown headers → columns; absent: the mapping remembered for the file's headers, if any. */
      mapping: columnMapping.optional(),
      /** Import the good rows and write the rejected ones with their reasons; otherwise any bad row imports nothing. */
      goodRowsOnly: z.boolean().default(false),
      /** Where the rejected rows go (.xlsx, or .csv); the window's go to the exports folder, fetched with the token. */
      rejectedFile: filePath.optional(),
      /** The person confirmed the new divisions and judges the file names (newDivisions, newStaff of a first try). */
      createMissing: z.boolean().default(false),
    }).strict().refine((a) => (a.file === undefined) !== (a.upload === undefined), { message: '请选择要导入的文件', path: ['file'] }),
    access: 'cases.register',
    result: returns<ImportResult>(),
  },
  'cases.importDiscard': { args: z.object({ upload: uploadToken }).strict(), access: 'cases.register', result: returns<{ discarded: boolean }>() },
  'cases.importRejectedFetch': {
    args: z.object({
      token: z.string().regex(/^[0-9a-f]{32}$/, '文件的标识无效'),
      offset: z.number().int().min(0).default(0),
    }).strict(),
    access: 'cases.register',
    result: returns<CaseExportFile>(),
  },
});
