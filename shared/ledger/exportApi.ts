// The 台账 as a document: the whole 脱薄工作台账 as .xlsx or a landscape A4 PDF, for whoever may read the ledger.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';

export const LEDGER_EXPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type LedgerExportFormat = (typeof LEDGER_EXPORT_FORMATS)[number];
export const LEDGER_TITLE = '脱薄工作台账';

export interface LedgerFile {
  /** The download's name: 脱薄工作台账-2026-12-05.pdf. */
  fileName: string;
  /** The day the statuses and the figures "now" are as of. */
  today: string;
  weakPoints: number;
  measures: number;
  bytes: number;
  base64: string;
}

export const ledgerExportApi = defineCalls({
  // The ledger is tens of rows: the file is made in the call and travels whole, as the printed reports do.
  'ledger.export': {
    args: z.object({ format: z.enum(LEDGER_EXPORT_FORMATS, { error: '台账格式应为 xlsx（Excel 表格）或 pdf（打印版）' }) }).strict(),
    access: 'ledger.view',
    result: returns<LedgerFile>(),
  },
});
