// The cases domain's export of a list to .xlsx (a case list as the screen filters and sorts it, or the 审限核对 list), within the reader's scope.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { filePath } from '../api/fields';
import { CASE_SORTS, caseFilterSchema } from './api';

export const XLSX_EXTENSION_MESSAGE = '导出文件只能保存为 .xlsx（Excel 工作簿），请把文件名改为以 .xlsx 结尾';

export const caseExportArgs = caseFilterSchema.extend({
  sort: z.enum(CASE_SORTS).default('filedOn_desc'),
  /**
   * A complete path ending .xlsx to write to (the command line's --out). Absent: the file goes into the exports
   * folder beside the database and is fetched once with cases.exportFetch (the window's download).
   */
  file: filePath.refine((p) => /\.xlsx$/i.test(p), XLSX_EXTENSION_MESSAGE).optional(),
  /** What the list is called on screen (案件列表, 审限预警 · 已超审限 …), for the file's 说明 sheet. */
  title: z.string().trim().max(60).optional(),
}).strict();
export type CaseExportArgs = z.input<typeof caseExportArgs>;

/** The 审限核对 list as .xlsx: the reader's whole list (it has no filters), to the same file or exports folder. */
export const reconciliationExportArgs = z.object({
  /** As cases.exportXlsx's file: the command line's --out; absent, fetched once with cases.exportFetch. */
  file: caseExportArgs.shape.file,
}).strict();

export interface CaseExportResult {
  /** Cases written. */
  count: number;
  /** The day the computed columns count from (the file is named after it). */
  today: string;
  /** Where the file was written, when the call named it (the command line). */
  file: string | null;
  /** For cases.exportFetch, when the call named no file (the window); valid once, for the same person. */
  token: string | null;
}

/** One piece of the written file: pieces of at most EXPORT_CHUNK_BYTES, so no answer holds a large file whole. */
export interface CaseExportFile {
  /** This piece's bytes, base64. */
  base64: string;
  /** Where the next piece starts; equal to total after the last one, when the file is gone from the exports folder. */
  next: number;
  total: number;
}

export const EXPORT_CHUNK_BYTES = 4 * 1024 * 1024;

export const caseExportApi = defineCalls({
  'cases.exportXlsx': { args: caseExportArgs, access: 'cases.view', result: returns<CaseExportResult>() },
  // Fetched through cases.exportFetch like a case list: every role with reconciliation.view has cases.view (a test holds it).
  'cases.reconciliationExport': { args: reconciliationExportArgs, access: 'reconciliation.view', result: returns<CaseExportResult>() },
  'cases.exportFetch': {
    args: z.object({
      token: z.string().regex(/^[0-9a-f]{32}$/, '导出文件的标识无效'),
      /** Byte offset of the piece wanted: 0, then each answer's next. */
      offset: z.number().int().min(0).default(0),
    }).strict(),
    access: 'cases.view',
    result: returns<CaseExportFile>(),
  },
});
