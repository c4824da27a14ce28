// Matching a spreadsheet's headers to the import columns: exact names and aliases, a person's own mapping of the headers nobody knows, and the key a mapping is remembered under.
import { columnByName, isImportField, suggestedColumn, type ImportField } from './importHeaders';
import { cellText } from './importCells';

/**
 * A person's answer for headers the import does not know: header text (as the file writes it, trimmed) → the column
 * it holds, or null for "not imported". Headers the import knows are never remapped: a 案号 column is 案号 in every
 * file, so a remembered mapping cannot make one court's export read another's columns the wrong way round.
 */
export type ColumnMapping = Record<string, ImportField | null>;

export type ColumnMatchHow = 'exact' | 'alias' | 'mapped' | 'ignored' | 'unknown';

export interface ColumnMatch {
  /** 0-based column of the file. */
  index: number;
  header: string;
  /** The column it fills; null when it is not imported. */
  field: ImportField | null;
  how: ColumnMatchHow;
  /** For an unknown header: the column it most likely means (标的额(元) → 标的额（元）). */
  suggestion: ImportField | null;
}

/**
 * How each headed column of a file is read: by name, by alias, by the person's mapping, not at all (mapped to
 * nothing), or unknown (not imported, and said so).
 */
export function matchColumns(headers: readonly unknown[], mapping: ColumnMapping = {}): ColumnMatch[] {
  const out: ColumnMatch[] = [];
  headers.forEach((raw, index) => {
    const header = cellText(raw);
    if (header === '') return;
    const known = columnByName(header);
    if (known) {
      out.push({ index, header, field: known.field, how: known.header === header ? 'exact' : 'alias', suggestion: null });
      return;
    }
    const suggestion = suggestedColumn(header)?.field ?? null;
    if (Object.prototype.hasOwnProperty.call(mapping, header)) {
      const field = mapping[header];
      out.push({ index, header, field: field ?? null, how: field ? 'mapped' : 'ignored', suggestion });
      return;
    }
    out.push({ index, header, field: null, how: 'unknown', suggestion });
  });
  return out;
}

/** The unknown headers of a file: those a mapping is about. */
export function unknownHeaders(headers: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const raw of headers) {
    const h = cellText(raw);
    if (h !== '' && !columnByName(h)) seen.add(h);
  }
  return [...seen];
}

/**
 * What a mapping is remembered under: the file's headers as a set (order and repeats aside), so the next month's
 * export of the same system, with its columns in the same or another order, finds it. Null when every header is
 * known: there is nothing to remember.
 */
export function headerSetKey(headers: readonly unknown[]): string | null {
  if (unknownHeaders(headers).length === 0) return null;
  const set = new Set<string>();
  for (const raw of headers) {
    const h = cellText(raw);
    if (h !== '') set.add(h);
  }
  return JSON.stringify([...set].sort());
}

/**
 * The mapping kept to what the file can use: entries for headers it has and does not know, each column filled at
 * most once (a second header mapped to a column already filled is an error the import names, not a silent choice).
 */
export function mappingForFile(headers: readonly unknown[], mapping: ColumnMapping): ColumnMapping {
  const unknown = new Set(unknownHeaders(headers));
  const out: ColumnMapping = {};
  for (const [header, field] of Object.entries(mapping)) {
    if (unknown.has(header) && (field === null || isImportField(field))) out[header] = field;
  }
  return out;
}
