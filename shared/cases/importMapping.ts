// Matching a spreadsheet's headers to the import columns: exact names and aliases, a person's own mapping of the headers nobody knows, and the key a mapping is remembered under.
import { IMPORT_COLUMNS, looseKey, type ImportColumn, type ImportField } from './importColumns';
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

const BY_NAME = new Map<string, ImportColumn>();
const BY_FIELD = new Map<ImportField, ImportColumn>();
for (const col of IMPORT_COLUMNS) {
  BY_FIELD.set(col.field, col);
  BY_NAME.set(col.header, col);
  for (const alias of col.aliases) BY_NAME.set(alias, col);
}

const BY_LOOSE = new Map<string, ImportColumn>();
for (const col of IMPORT_COLUMNS) for (const name of [col.header, ...col.aliases]) BY_LOOSE.set(looseKey(name), col);

export function columnOfField(field: ImportField): ImportColumn {
  return BY_FIELD.get(field)!;
}

export function isImportField(v: unknown): v is ImportField {
  return typeof v === 'string' && BY_FIELD.has(v as ImportField);
}

/** The column a header names by itself (its name or an alias), or null. */
export function knownColumn(header: string): ImportColumn | null {
  return BY_NAME.get(header) ?? null;
}

/** The column an unknown header most likely means, for the message and the screen's first choice. */
export function suggestedColumn(header: string): ImportColumn | null {
  return BY_LOOSE.get(looseKey(header)) ?? null;
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
    const known = knownColumn(header);
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
    if (h !== '' && !knownColumn(h)) seen.add(h);
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
