// Writing an .xlsx file whole or not at all (owner-only from the start, written as FILE.part by exceljs's streaming writer and renamed when complete), and the cell forms every exported sheet shares.
import { once } from 'node:events';
import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import type ExcelJS from 'exceljs';

export const DATE_FORMAT = 'yyyy-mm-dd';

export type Cell = string | number | Date | null | { richText: Array<{ text: string }> };

/** Text as an inline string (never a formula, whatever it starts with); empty text is an empty cell. */
export function text(v: string | null | undefined): Cell {
  return v === null || v === undefined || v === '' ? null : { richText: [{ text: v }] };
}

/** A calendar day as an Excel date: midnight UTC, which exceljs turns into the day's serial number. */
export function date(iso: string | null): Cell {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * Waits while the compressor is behind: exceljs pipes each sheet into the ZIP without back-pressure, so a writer
 * that never waits buffers the whole sheet (about 140 MB at 100,000 cases). The pipe is exceljs's own (4.x).
 */
export async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  const pipe = (ws as unknown as { stream?: { pipes?: Array<NodeJS.EventEmitter & { _writableState?: { needDrain?: boolean } }> } }).stream?.pipes?.[0];
  if (pipe?._writableState?.needDrain) await once(pipe, 'drain');
  else await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Writes `file` through `write`, which fills the workbook: the file is complete, or absent (a failure or a cancelled
 * job removes the part). Owner-only from the first byte: exports and rejected rows hold party names.
 */
export async function writeXlsxFile<T>(file: string, write: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<T>): Promise<T> {
  const part = `${file}.part`;
  closeSync(openSync(part, 'w', 0o600));
  let wb: ExcelJS.stream.xlsx.WorkbookWriter | null = null;
  let finished = false;
  try {
    // Required here, not at the top: exceljs takes a sixth of a second to load, which every command would pay at start.
    const exceljs = require('exceljs') as typeof ExcelJS;
    wb = new exceljs.stream.xlsx.WorkbookWriter({ filename: part, useStyles: true, useSharedStrings: false });
    wb.creator = 'CourtDesk 法院质效台';
    wb.created = new Date();
    const result = await write(wb);
    await wb.commit();
    finished = true;
    renameSync(part, file);
    return result;
  } catch (err) {
    // Close the writer's file first (Windows refuses to delete an open file), then remove the part.
    if (wb && !finished) await wb.commit().catch(() => undefined);
    rmSync(part, { force: true });
    throw err;
  }
}
