// The bounds an import file is read within, and the refusal of one that cannot be read as a table: shared by the
// readers of CSV (importFile.ts), of .xlsx (xlsxSheet.ts), of ZIP archives (zipArchive.ts) and of exchange XML.
import { InputError } from '../kernel/errors';

export type ImportFileErrorCode = 'unsupported_type' | 'empty' | 'invalid_xlsx' | 'invalid_csv' | 'invalid_xml' | 'unreadable' | 'too_large';

/** A file the user picked that cannot be read as a table; the message is shown as is. */
export class ImportFileError extends InputError {
  constructor(message: string, readonly reason: ImportFileErrorCode) {
    super(message, '文件');
    this.name = 'ImportFileError';
  }
}

export const MiB = 1024 * 1024;
export const mb = (bytes: number) => Math.ceil(bytes / MiB);
export const NOT_XLSX = '文件不是有效的 .xlsx 文件';

/** Data rows of one file: more than a basic court files in several years; a longer history goes in several files. */
export const MAX_IMPORT_ROWS = 200_000;
/** Excel's own limits (column XFD, row 1,048,576): a file past them was not written by a spreadsheet program. */
export const MAX_COLUMNS = 16_384;
export const MAX_SHEET_ROW = 1_048_576;
/** .xlsx: one row's markup, and one shared string's; Excel holds at most 32,767 characters in a cell. */
export const MAX_ROW_CHARS = 8 * MiB;
export const MAX_SHARED_ITEM_BYTES = 1 * MiB;
/** .xlsx handed to exceljs (the fallback): its reader takes about eleven times the inflated size in memory. */
export const MAX_FALLBACK_INFLATED_BYTES = 16 * MiB;
/** Elements of one kind in the small parts (relationships, sheets, number formats, cell formats): Excel allows 65,490 formats. */
export const MAX_ELEMENTS = 100_000;

export const count = (n: number) => n.toLocaleString('en-US');

export function rowLimitError(name: string): ImportFileError {
  return new ImportFileError(`文件“${name}”的数据超过 ${count(MAX_IMPORT_ROWS)} 行，一次最多导入这么多，请分成几个文件导入`, 'too_large');
}
