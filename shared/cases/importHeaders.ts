// The import columns of docs/import-columns.md and how a header names one: by its name or an alias exactly, or, for suggestions only, loosely.
import { foldDigits } from './importCells';

export type ImportField =
  | 'caseNumber' | 'cause' | 'procedure' | 'filedOn' | 'division' | 'judge' | 'closedOn' | 'closingMethod'
  | 'claimAmount' | 'plaintiffs' | 'defendants' | 'deductedDays' | 'extendedDays' | 'appealed' | 'appealOutcome'
  | 'originCaseNumber' | 'enforcementClaim' | 'enforcementRecovered' | 'reviewed' | 'precedentSearched';

export interface ImportColumn {
  header: string;
  aliases: readonly string[];
  field: ImportField;
  /** The column must be present in the file (its cells may still be checked further per row). */
  required: boolean;
}

/** In the order of docs/import-columns.md, which is also the export order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { header: '案号', aliases: [], field: 'caseNumber', required: true },
  { header: '案由', aliases: [], field: 'cause', required: true },
  { header: '审判程序', aliases: ['适用程序'], field: 'procedure', required: false },
  { header: '立案日期', aliases: ['收案日期'], field: 'filedOn', required: true },
  { header: '承办部门', aliases: ['承办庭室'], field: 'division', required: true },
  { header: '承办法官', aliases: ['承办人'], field: 'judge', required: true },
  { header: '结案日期', aliases: [], field: 'closedOn', required: false },
  { header: '结案方式', aliases: [], field: 'closingMethod', required: false },
  { header: '标的额（元）', aliases: ['标的额'], field: 'claimAmount', required: false },
  { header: '原告', aliases: ['申请人'], field: 'plaintiffs', required: false },
  { header: '被告', aliases: ['被申请人'], field: 'defendants', required: false },
  { header: '扣除审限天数', aliases: [], field: 'deductedDays', required: false },
  { header: '延长审限天数', aliases: [], field: 'extendedDays', required: false },
  { header: '是否上诉', aliases: [], field: 'appealed', required: false },
  { header: '二审结果', aliases: [], field: 'appealOutcome', required: false },
  { header: '原审案号', aliases: ['关联案号'], field: 'originCaseNumber', required: false },
  { header: '申请执行标的额（元）', aliases: [], field: 'enforcementClaim', required: false },
  { header: '执行到位金额（元）', aliases: [], field: 'enforcementRecovered', required: false },
  { header: '是否阅核', aliases: [], field: 'reviewed', required: false },
  { header: '是否检索类案', aliases: [], field: 'precedentSearched', required: false },
];

const BY_NAME = new Map<string, ImportColumn>();
const BY_FIELD = new Map<ImportField, ImportColumn>();
const BY_LOOSE = new Map<string, ImportColumn>();

/** For suggestions only: matching itself is exact, as docs/import-columns.md says. */
export function looseKey(s: string): string {
  return foldDigits(s)
    .replace(/\s+/g, '')
    .replace(/[(（]/g, '（')
    .replace(/[)）]/g, '）');
}

for (const col of IMPORT_COLUMNS) {
  BY_FIELD.set(col.field, col);
  for (const name of [col.header, ...col.aliases]) {
    BY_NAME.set(name, col);
    BY_LOOSE.set(looseKey(name), col);
  }
}

/** The column a header names by itself (its name or an alias, exactly), or null. */
export function columnByName(header: string): ImportColumn | null {
  return BY_NAME.get(header) ?? null;
}

/** The same, for a header as a cell holds it (surrounding spaces aside). */
export function columnForHeader(header: string): ImportColumn | null {
  return columnByName(header.trim());
}

export function columnOfField(field: ImportField): ImportColumn {
  return BY_FIELD.get(field)!;
}

export function isImportField(v: unknown): v is ImportField {
  return typeof v === 'string' && BY_FIELD.has(v as ImportField);
}

/** The column an unknown header most likely means (标的额(元) → 标的额（元）), for the message and the screen. */
export function suggestedColumn(header: string): ImportColumn | null {
  return BY_LOOSE.get(looseKey(header)) ?? null;
}
